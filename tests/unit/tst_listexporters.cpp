#include "exporter.h"
#include "fqdnlistexporter.h"
#include "iplistexporter.h"
#include "rulesetfixture.h"
#include "servicetags.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace amlfw;
using namespace amlfw::test;

namespace {

RuleSet generateEdition(const QString &edition, const QString &cloud, const QString &region,
                        UdrMethod udr = UdrMethod::ServiceTags, const QString &acr = {})
{
    Problems problems;
    const Catalog catalog = Catalog::builtIn(edition, &problems);
    if (!catalog.isValid())
        qFatal("built-in catalog %s invalid", qPrintable(edition));
    Answers answers;
    answers.edition = edition;
    answers.cloud = cloud;
    answers.region = region;
    answers.storage = QStringLiteral("mystore");
    answers.features = catalog.featureIds();
    answers.udr = udr;
    answers.acr = acr;
    return RuleGenerator::generate(catalog, answers);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

// The fixture as parsed, after `edit` changed its JSON.
std::shared_ptr<const ServiceTagsFile> fixture(const QString &name,
                                               const std::function<void(QJsonObject *)> &edit = {})
{
    QByteArray json = readFile(testData(QStringLiteral("servicetags/") + name));
    if (edit) {
        QJsonObject root = QJsonDocument::fromJson(json).object();
        edit(&root);
        json = QJsonDocument(root).toJson();
    }
    Problems problems;
    const auto file = ServiceTagsFile::parse(json, name, &problems);
    if (!file)
        qFatal("fixture %s: %s", qPrintable(name), qPrintable(formatProblems(problems)));
    return std::make_shared<const ServiceTagsFile>(*file);
}

struct ListText
{
    QStringList comments; // without "# "
    QStringList entries;
};

ListText split(const QByteArray &bytes)
{
    ListText out;
    const QString text = QString::fromUtf8(bytes);
    if (text.contains(u'\r'))
        qWarning("CR in a list");
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(u'#'))
            out.comments << line.mid(2);
        else
            out.entries << line;
    }
    return out;
}

bool isByteSorted(const QStringList &list)
{
    for (qsizetype i = 1; i < list.size(); ++i) {
        if (list.at(i - 1).toUtf8() >= list.at(i).toUtf8())
            return false;
    }
    return true;
}

int countIn(const QStringList &comments, const QString &pattern)
{
    const QRegularExpression re(pattern);
    for (const QString &c : comments) {
        const auto m = re.match(c);
        if (m.hasMatch())
            return m.captured(1).toInt();
    }
    return -1;
}

QByteArray exportList(const RuleSet &set, ExportFormat format, const ExportOptions &options = {})
{
    return Exporter::write(set, format, options);
}

} // namespace

class TestListExporters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { applyLanguage(Language::English); }

    void fqdnStar_data()
    {
        QTest::addColumn<QString>("edition");
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("region");
        for (const QString &edition : Catalog::builtInEditions()) {
            QTest::addRow("%s public", qPrintable(edition)) << edition << "public" << "japaneast";
            QTest::addRow("%s usgov", qPrintable(edition)) << edition << "usgov" << "usgovvirginia";
            QTest::addRow("%s china", qPrintable(edition)) << edition << "china" << "chinaeast2";
        }
    }

    void fqdnStar()
    {
        QFETCH(QString, edition);
        QFETCH(QString, cloud);
        QFETCH(QString, region);
        const RuleSet set = generateEdition(edition, cloud, region);
        QVERIFY(set.isValid());
        const QByteArray bytes = exportList(set, ExportFormat::FqdnList);
        QVERIFY(!bytes.contains('\r'));
        QVERIFY(bytes.endsWith('\n'));
        const ListText list = split(bytes);

        QVERIFY(isByteSorted(list.entries)); // sorted and without duplicates
        QCOMPARE(countIn(list.comments, QStringLiteral("^(\\d+) host names?, one per line\\.$")), list.entries.size());
        QVERIFY(list.comments.first().contains(QStringLiteral(AMLFW_VERSION)));
        QVERIFY(list.comments.join(u'\n').contains(set.catalog.edition));
        QVERIFY(list.comments.join(u'\n').contains(set.catalog.sourceUrl));
        QVERIFY(list.comments.join(u'\n').contains(set.answers.region));

        // Every host of every FQDN or URL rule, and nothing else.
        QSet<QString> expected;
        for (const Rule &rule : set.rules) {
            if (rule.kind != RuleKind::Fqdn && rule.kind != RuleKind::Url)
                continue;
            if (!rule.unanswered.isEmpty()) {
                QVERIFY2(list.comments.join(u'\n').contains(rule.destination), qPrintable(rule.destination));
                continue;
            }
            QString host = (rule.kind == RuleKind::Url ? rule.destination.section(u'/', 0, 0) : rule.destination).toLower();
            if (host.startsWith(u'*') && !host.startsWith(QStringLiteral("*."))) {
                expected << host.mid(1);
                host = QStringLiteral("*.") + host.mid(1);
            }
            expected << host;
        }
        QCOMPARE(QSet<QString>(list.entries.cbegin(), list.entries.cend()), expected);
        for (const QString &entry : list.entries) {
            QVERIFY2(!entry.contains(u'<') && !entry.contains(u'/') && !entry.contains(u' '), qPrintable(entry));
            QVERIFY2(!entry.startsWith(u'.'), qPrintable(entry));
        }
    }

    void fqdnNoDotWildcard()
    {
        // The 2021 article's "*pytorch.org": the name and every name under it.
        const RuleSet set = generateEdition(QStringLiteral("2021-11"), QStringLiteral("public"), QStringLiteral("japaneast"));
        QVERIFY(std::any_of(set.rules.cbegin(), set.rules.cend(),
                            [](const Rule &r) { return r.destination == u"*pytorch.org"; }));
        const QStringList star = split(exportList(set, ExportFormat::FqdnList)).entries;
        QVERIFY(star.contains(QStringLiteral("*.pytorch.org")));
        QVERIFY(star.contains(QStringLiteral("pytorch.org")));
        QVERIFY(!star.contains(QStringLiteral("*pytorch.org")));

        ExportOptions options;
        options.wildcardStyle = WildcardStyle::Dot;
        const QStringList dot = split(exportList(set, ExportFormat::FqdnList, options)).entries;
        QVERIFY(dot.contains(QStringLiteral(".pytorch.org")));
        QVERIFY(!dot.contains(QStringLiteral("pytorch.org")));
    }

    void fqdnDot()
    {
        const RuleSet set = generateEdition(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"));
        ExportOptions options;
        options.wildcardStyle = WildcardStyle::Dot;
        const ListText list = split(exportList(set, ExportFormat::FqdnList, options));
        QVERIFY(isByteSorted(list.entries));
        QCOMPARE(countIn(list.comments, QStringLiteral("^(\\d+) host names?, one per line\\.$")), list.entries.size());
        QVERIFY(list.entries.contains(QStringLiteral(".anaconda.com")));
        QVERIFY(list.entries.contains(QStringLiteral(".blob.core.windows.net")));
        for (const QString &entry : list.entries)
            QVERIFY2(!entry.contains(u'*'), qPrintable(entry));
        // Names a ".domain" entry covers are left out (Squid's dstdomain would ignore them), and said so.
        QVERIFY(!list.entries.contains(QStringLiteral("anaconda.com")));
        QVERIFY(!list.entries.contains(QStringLiteral("mystore.blob.core.windows.net")));
        const QString covered = list.comments.filter(QStringLiteral("covers them")).join(u'\n');
        QVERIFY(covered.contains(QStringLiteral("anaconda.com")));
        QVERIFY(covered.contains(QStringLiteral("mystore.blob.core.windows.net")));
        // No entry is covered by another one.
        for (const QString &a : list.entries) {
            for (const QString &b : list.entries) {
                if (a != b && b.startsWith(u'.'))
                    QVERIFY2(!a.endsWith(b) && !QString(u'.' + a).endsWith(b), qPrintable(QString(a + u' ' + b)));
            }
        }
        // The star list of the same set holds every name the dot list or its comment has.
        const QStringList star = split(exportList(set, ExportFormat::FqdnList)).entries;
        for (const QString &entry : list.entries)
            QVERIFY2(star.contains(entry.mid(1)) || star.contains(u'*' + entry) || star.contains(entry),
                     qPrintable(entry));
    }

    void fqdnDeduplicatesWithoutCase()
    {
        RuleSet set = generateEdition(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"));
        Rule copy = *set.rule(QStringLiteral("py-pypi"));
        copy.id = QStringLiteral("py-pypi-upper");
        copy.destination = QStringLiteral("PyPI.ORG");
        set.rules.append(copy);
        Rule wildcard = copy;
        wildcard.id = QStringLiteral("wild-upper");
        wildcard.destination = QStringLiteral("*.Anaconda.COM");
        set.rules.append(wildcard);
        const QStringList entries = split(exportList(set, ExportFormat::FqdnList)).entries;
        QCOMPARE(entries.count(QStringLiteral("pypi.org")), 1);
        QCOMPARE(entries.count(QStringLiteral("*.anaconda.com")), 1);
        for (const QString &entry : entries)
            QCOMPARE(entry, entry.toLower());
    }

    void fqdnUnansweredPlaceholders()
    {
        const RuleSet open = generateEdition(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"));
        QVERIFY(std::any_of(open.rules.cbegin(), open.rules.cend(), [](const Rule &r) { return !r.unanswered.isEmpty(); }));
        const ListText list = split(exportList(open, ExportFormat::FqdnList));
        for (const QString &entry : list.entries)
            QVERIFY2(!entry.contains(u'<'), qPrintable(entry));
        const QString comments = list.comments.join(u'\n');
        QVERIFY(comments.contains(QStringLiteral("Left out: <acr>.azurecr.io")));
        QVERIFY(comments.contains(QStringLiteral("--acr"))); // names the answer
        QVERIFY(comments.contains(QStringLiteral("--workspace-id")));
        const Problems problems = Exporter::validate(open, ExportFormat::FqdnList, {});
        QVERIFY(!hasErrors(problems));
        QVERIFY(!problems.isEmpty());
        QVERIFY(formatProblems(problems).contains(QStringLiteral("<acr>.azurecr.io")));

        const RuleSet answered = generateEdition(QStringLiteral("2026-03"), QStringLiteral("public"),
                                                 QStringLiteral("japaneast"), UdrMethod::ServiceTags,
                                                 QStringLiteral("myacr"));
        QVERIFY(split(exportList(answered, ExportFormat::FqdnList)).entries.contains(QStringLiteral("myacr.azurecr.io")));
    }

    void ipNeedsFile()
    {
        const RuleSet set = generateEdition(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"));
        const Problems problems = Exporter::validate(set, ExportFormat::IpList, {});
        QVERIFY(hasErrors(problems));
        QCOMPARE(problems.first().location, QStringLiteral("--service-tags"));
        const QString message = problems.first().message();
        QVERIFY(message.contains(QStringLiteral("--service-tags FILE")));
        QVERIFY(message.contains(QStringLiteral("Azure IP Ranges and Service Tags")));
        QVERIFY(message.contains(QStringLiteral("Microsoft Download Center")));
    }

    void ipVersions_data()
    {
        QTest::addColumn<QString>("edition");
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("file");
        for (const QString &edition : Catalog::builtInEditions()) {
            QTest::addRow("%s public", qPrintable(edition))
                << edition << "public" << "japaneast" << "ServiceTags_Public_20261130.json";
            QTest::addRow("%s usgov", qPrintable(edition))
                << edition << "usgov" << "usgovvirginia" << "ServiceTags_AzureGovernment_20261130.json";
            QTest::addRow("%s china", qPrintable(edition))
                << edition << "china" << "chinaeast2" << "ServiceTags_China_20261130.json";
        }
    }

    void ipVersions()
    {
        QFETCH(QString, edition);
        QFETCH(QString, cloud);
        QFETCH(QString, region);
        QFETCH(QString, file);
        RuleSet set = generateEdition(edition, cloud, region, UdrMethod::IpRanges);
        const auto tags = fixture(file);
        QVERIFY(!hasErrors(applyServiceTags(&set, tags)));
        QVERIFY(!hasErrors(Exporter::validate(set, ExportFormat::IpList, {})));

        // Expected: every prefix of every tag the rules name, routes to the region and its pair included.
        QSet<QString> v4;
        QSet<QString> v6;
        bool routes = false;
        for (const Rule &rule : set.rules) {
            routes = routes || (rule.kind == RuleKind::Route && !set.addressPrefixes(rule).isEmpty());
            for (const QString &p : set.addressPrefixes(rule))
                (p.contains(u':') ? v6 : v4) << p;
        }
        QVERIFY(routes);
        QVERIFY(!v4.isEmpty());
        QVERIFY(!v6.isEmpty());

        const QByteArray bothBytes = exportList(set, ExportFormat::IpList);
        QVERIFY(!bothBytes.contains('\r'));
        const ListText both = split(bothBytes);
        ExportOptions options;
        options.ipVersion = IpVersion::V4;
        const ListText four = split(exportList(set, ExportFormat::IpList, options));
        options.ipVersion = IpVersion::V6;
        const ListText six = split(exportList(set, ExportFormat::IpList, options));

        QCOMPARE(QSet<QString>(four.entries.cbegin(), four.entries.cend()), v4);
        QCOMPARE(QSet<QString>(six.entries.cbegin(), six.entries.cend()), v6);
        QCOMPARE(both.entries, four.entries + six.entries); // IPv4 first
        QCOMPARE(both.entries.size(), v4.size() + v6.size()); // no duplicates
        QCOMPARE(countIn(both.comments, QStringLiteral("^(\\d+) address prefix(?:es)?, one per line")),
                 both.entries.size());

        // The file, its change number and date; one line per tag with its count.
        const QString header = both.comments.join(u'\n');
        QVERIFY(header.contains(file));
        QVERIFY(header.contains(QStringLiteral("change ") + QString::number(tags->changeNumber) + QStringLiteral(", 2026-11-30")));
        for (const Rule &rule : set.rules) {
            const QString tag = serviceTagOf(rule);
            if (tag.isEmpty())
                continue;
            const QStringList all = set.addressPrefixes(rule);
            const int n = int(std::count_if(all.cbegin(), all.cend(), [](const QString &p) { return !p.contains(u':'); }));
            QCOMPARE(countIn(four.comments, u'^' + QRegularExpression::escape(tag) + QStringLiteral(": (\\d+) prefix")), n);
        }
    }

    void ipSortsNumericallyAndDeduplicates()
    {
        RuleSet set = generateEdition(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"));
        // AzureMonitor shares a prefix with AzureMachineLearning, spelled differently.
        const auto tags = fixture(QStringLiteral("ServiceTags_Public_20261130.json"), [](QJsonObject *root) {
            QJsonArray values = root->value(QStringLiteral("values")).toArray();
            for (qsizetype i = 0; i < values.size(); ++i) {
                QJsonObject v = values.at(i).toObject();
                if (v.value(QStringLiteral("name")).toString() != u"AzureMonitor")
                    continue;
                QJsonObject props = v.value(QStringLiteral("properties")).toObject();
                QJsonArray prefixes = props.value(QStringLiteral("addressPrefixes")).toArray();
                prefixes.append(QStringLiteral("192.0.2.24/30"));
                prefixes.append(QStringLiteral("2001:DB8:6:0::/48"));
                props.insert(QStringLiteral("addressPrefixes"), prefixes);
                v.insert(QStringLiteral("properties"), props);
                values.replace(i, v);
            }
            root->insert(QStringLiteral("values"), values);
        });
        QVERIFY(!hasErrors(applyServiceTags(&set, tags)));
        const QStringList entries = split(exportList(set, ExportFormat::IpList)).entries;
        QCOMPARE(entries.count(QStringLiteral("192.0.2.24/30")), 1);
        QCOMPARE(entries.count(QStringLiteral("2001:db8:6::/48")), 1); // the first spelling, as the file has it
        QVERIFY(!entries.contains(QStringLiteral("2001:DB8:6:0::/48")));
        // 203.0.113.9 before 203.0.113.10: by address, not as text.
        QVERIFY(entries.indexOf(QStringLiteral("203.0.113.9/32")) >= 0);
        QVERIFY(entries.indexOf(QStringLiteral("203.0.113.9/32")) < entries.indexOf(QStringLiteral("203.0.113.10/32")));
    }

    void ipWarnsAboutMissingTags()
    {
        RuleSet set = generateEdition(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"));
        const auto tags = fixture(QStringLiteral("ServiceTags_Public_20261130.json"), [](QJsonObject *root) {
            QJsonArray values;
            for (const QJsonValue &v : root->value(QStringLiteral("values")).toArray()) {
                if (v.toObject().value(QStringLiteral("name")).toString() != u"Storage.JapanEast")
                    values.append(v);
            }
            root->insert(QStringLiteral("values"), values);
        });
        applyServiceTags(&set, tags);
        const Problems problems = Exporter::validate(set, ExportFormat::IpList, {});
        QVERIFY(!hasErrors(problems));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().severity, Problem::Severity::Warning);
        QVERIFY(problems.first().message().contains(QStringLiteral("Storage.japaneast")));
        const ListText list = split(exportList(set, ExportFormat::IpList));
        QVERIFY(list.comments.contains(QStringLiteral("Storage.japaneast: not in the file, left out")));
        QVERIFY(!list.entries.contains(QStringLiteral("192.0.2.68/30")));
    }
};

QTEST_GUILESS_MAIN(TestListExporters)
#include "tst_listexporters.moc"
