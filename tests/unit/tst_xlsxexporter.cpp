#include "exporter.h"
#include "rulelabels.h"
#include "rulesetfixture.h"
#include "servicetags.h"
#include "textreport.h"
#include "xlsxexporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace amlfw;
using namespace amlfw::test;

namespace {

// Reads a workbook back with openpyxl (Debian python3-openpyxl): every sheet's cells, their types,
// the frozen pane, the autofilter, column widths, wrapped columns, the document's creation time,
// and which worksheet XML holds a formula (<f>) at all.
const char *kDumpScript = R"py(
import json, sys, zipfile
import openpyxl

path = sys.argv[1]
out = {"formulaParts": [], "sheets": []}
with zipfile.ZipFile(path) as z:
    for name in z.namelist():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            data = z.read(name)
            if b"<f>" in data or b"<f " in data:
                out["formulaParts"].append(name)
wb = openpyxl.load_workbook(path)
created = wb.properties.created
out["created"] = created.strftime("%Y-%m-%dT%H:%M:%SZ") if created else None
out["title"] = wb.properties.title
for ws in wb.worksheets:
    rows, types, wrapped = [], [], []
    for row in ws.iter_rows():
        rows.append([c.value for c in row])
        types.append([c.data_type for c in row])
    if ws.max_row >= 2:
        for c in ws[2]:
            if c.alignment is not None and c.alignment.wrap_text:
                wrapped.append(c.column - 1)
    out["sheets"].append({
        "title": ws.title,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "rows": rows,
        "types": types,
        "wrapped": wrapped,
        "widths": {k: v.width for k, v in ws.column_dimensions.items()},
    })
json.dump(out, sys.stdout, ensure_ascii=False)
)py";

const QDateTime kCreated(QDate(2026, 11, 30), QTime(9, 15), Qt::UTC);

RuleSet generateEdition(const QString &edition, const QString &cloud, const QString &region,
                        NetworkKind network = NetworkKind::Customer)
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
    answers.udr = UdrMethod::IpRanges;
    answers.network = network;
    return RuleGenerator::generate(catalog, answers);
}

std::shared_ptr<const ServiceTagsFile> fixture(const QString &name)
{
    Problems problems;
    const auto file = ServiceTagsFile::load(testData(QStringLiteral("servicetags/") + name), &problems);
    if (!file)
        qFatal("fixture %s: %s", qPrintable(name), qPrintable(formatProblems(problems)));
    return std::make_shared<const ServiceTagsFile>(*file);
}

QString columnName(qsizetype index)
{
    QString name;
    for (qsizetype n = index + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(char16_t(u'A' + (n - 1) % 26)));
    return name;
}

struct SheetData
{
    QString title;
    QString freeze;
    QString filter;
    QList<QJsonArray> rows;
    QList<QJsonArray> types;
    QList<int> wrapped;
    QJsonObject widths;

    QStringList header() const
    {
        QStringList out;
        for (const QJsonValue &v : rows.value(0))
            out << v.toString();
        return out;
    }
    int column(const QString &name) const { return int(header().indexOf(name)); }
    QString text(qsizetype row, int column) const { return rows.at(row).at(column).toString(); }
    // The cells of one column below the header.
    QStringList values(int column) const
    {
        QStringList out;
        for (qsizetype r = 1; r < rows.size(); ++r)
            out << rows.at(r).at(column).toString();
        return out;
    }
    // The cover: the value beside a label in column A.
    QStringList valuesOf(const QString &label) const
    {
        QStringList out;
        for (const QJsonArray &row : rows) {
            if (row.at(0).toString() == label)
                out << row.at(1).toString();
        }
        return out;
    }
};

struct Workbook
{
    bool ok = false;
    QString error;
    QString created;
    QString title;
    QStringList formulaParts;
    QList<SheetData> sheets;

    QStringList titles() const
    {
        QStringList out;
        for (const SheetData &s : sheets)
            out << s.title;
        return out;
    }
    const SheetData *sheet(const QString &title) const
    {
        for (const SheetData &s : sheets) {
            if (s.title == title)
                return &s;
        }
        return nullptr;
    }
};

} // namespace

class TestXlsxExporter : public QObject
{
    Q_OBJECT

    QString m_python;
    QTemporaryDir m_dir;

    // The first python3 that has openpyxl: CI installs python3-openpyxl; missing, the test fails.
    static QString findPython()
    {
        QStringList candidates;
        if (!qEnvironmentVariableIsEmpty("AMLFW_PYTHON"))
            candidates << qEnvironmentVariable("AMLFW_PYTHON");
        candidates << QStandardPaths::findExecutable(QStringLiteral("python3"))
                   << QStringLiteral("/usr/bin/python3");
        for (const QString &candidate : std::as_const(candidates)) {
            if (candidate.isEmpty() || !QFileInfo(candidate).isExecutable())
                continue;
            QProcess p;
            p.start(candidate, {QStringLiteral("-c"), QStringLiteral("import openpyxl")});
            if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
                return candidate;
        }
        return {};
    }

    Workbook readBack(const QByteArray &bytes)
    {
        Workbook wb;
        static int count = 0;
        const QString path = m_dir.filePath(QStringLiteral("book%1.xlsx").arg(++count));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            wb.error = QStringLiteral("cannot write ") + path;
            return wb;
        }
        QProcess p;
        p.start(m_python, {m_dir.filePath(QStringLiteral("dump.py")), path});
        if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            wb.error = QString::fromUtf8(p.readAllStandardError());
            return wb;
        }
        const QJsonObject root = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        wb.created = root.value(QStringLiteral("created")).toString();
        wb.title = root.value(QStringLiteral("title")).toString();
        for (const QJsonValue &v : root.value(QStringLiteral("formulaParts")).toArray())
            wb.formulaParts << v.toString();
        for (const QJsonValue &v : root.value(QStringLiteral("sheets")).toArray()) {
            const QJsonObject s = v.toObject();
            SheetData sheet;
            sheet.title = s.value(QStringLiteral("title")).toString();
            sheet.freeze = s.value(QStringLiteral("freeze")).toString();
            sheet.filter = s.value(QStringLiteral("filter")).toString();
            for (const QJsonValue &row : s.value(QStringLiteral("rows")).toArray())
                sheet.rows << row.toArray();
            for (const QJsonValue &row : s.value(QStringLiteral("types")).toArray())
                sheet.types << row.toArray();
            for (const QJsonValue &c : s.value(QStringLiteral("wrapped")).toArray())
                sheet.wrapped << c.toInt();
            sheet.widths = s.value(QStringLiteral("widths")).toObject();
            wb.sheets << sheet;
        }
        wb.ok = true;
        return wb;
    }

    // Every view sheet: header frozen, autofilter over the whole table; no formula anywhere, every
    // text cell a string.
    static void checkSheets(const Workbook &wb)
    {
        QVERIFY2(wb.formulaParts.isEmpty(), qPrintable(wb.formulaParts.join(u' ')));
        for (qsizetype i = 0; i < wb.sheets.size(); ++i) {
            const SheetData &s = wb.sheets.at(i);
            for (const QJsonArray &types : s.types) {
                for (const QJsonValue &t : types)
                    QVERIFY2(t.toString() == u"s" || t.toString() == u"n", qPrintable(s.title + u' ' + t.toString()));
            }
            if (i == 0) { // the cover
                QVERIFY(s.freeze.isEmpty());
                continue;
            }
            QCOMPARE(s.freeze, QStringLiteral("A2"));
            QVERIFY(s.rows.size() > 1);
            QCOMPARE(s.filter, QStringLiteral("A1:") + columnName(s.rows.first().size() - 1) + QString::number(s.rows.size()));
            for (const QJsonArray &row : s.rows)
                QCOMPARE(row.size(), s.rows.first().size());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyLanguage(Language::English);
        QVERIFY(m_dir.isValid());
        m_python = findPython();
        QVERIFY2(!m_python.isEmpty(), "python3 with openpyxl (Debian: python3-openpyxl) is needed to read workbooks back");
        QSaveFile script(m_dir.filePath(QStringLiteral("dump.py")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(kDumpScript);
        QVERIFY(script.commit());
    }

    void cleanupTestCase() { applyLanguage(Language::English); }

    void everyRule_data()
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

    void everyRule()
    {
        QFETCH(QString, edition);
        QFETCH(QString, cloud);
        QFETCH(QString, region);
        QFETCH(QString, file);
        RuleSet set = generateEdition(edition, cloud, region);
        QVERIFY(set.isValid());
        const auto tags = fixture(file);
        QVERIFY(!hasErrors(applyServiceTags(&set, tags)));
        ExportOptions options;
        options.created = kCreated;
        options.deployment.sourceAddresses = {QStringLiteral("10.0.1.0/24")};
        QVERIFY(!hasErrors(Exporter::validate(set, ExportFormat::Xlsx, options)));
        const Workbook wb = readBack(Exporter::write(set, ExportFormat::Xlsx, options));
        QVERIFY2(wb.ok, qPrintable(wb.error));
        checkSheets(wb);
        if (QTest::currentTestFailed())
            return;

        const bool hostTables = !set.tablesInView(QStringLiteral("other-firewalls")).isEmpty();
        QStringList titles{QStringLiteral("Cover"), QStringLiteral("Azure Firewall")};
        if (hostTables)
            titles << QStringLiteral("Other firewalls");
        titles << QStringLiteral("Address prefixes");
        QCOMPARE(wb.titles(), titles);

        // Cover.
        const SheetData &cover = wb.sheets.first();
        QCOMPARE(cover.text(0, 0), QStringLiteral("Azure Machine Learning firewall rules"));
        QCOMPARE(cover.valuesOf(QStringLiteral("Catalog edition")), QStringList{edition});
        QCOMPARE(cover.valuesOf(QStringLiteral("Written by")), QStringList{QStringLiteral("amlfw " AMLFW_VERSION)});
        QCOMPARE(cover.valuesOf(QStringLiteral("Article link")), QStringList{set.catalog.sourceUrl});
        QCOMPARE(cover.valuesOf(QStringLiteral("Date")), QStringList{QStringLiteral("2026-11-30 09:15 UTC")});
        QCOMPARE(cover.valuesOf(QStringLiteral("Scenario")), QStringList{TextReport::scenarioLine(set, Language::English)});
        QCOMPARE(cover.valuesOf(QStringLiteral("Compute subnet")), QStringList{QStringLiteral("10.0.1.0/24")});
        QCOMPARE(cover.valuesOf(QStringLiteral("Service tags file")),
                 QStringList{file + QStringLiteral(" (change %1, 2026-11-30)").arg(tags->changeNumber)});
        QStringList notes;
        for (const Note &n : set.scenarioNotes)
            notes << n.text.en;
        QCOMPARE(cover.valuesOf(QStringLiteral("Note")), notes);
        QCOMPARE(wb.created, QStringLiteral("2026-11-30T09:15:00Z"));

        // The Azure Firewall view: one row per firewall part, in the groups' order.
        const SheetData &firewall = wb.sheets.at(1);
        const int id = firewall.column(QStringLiteral("ID"));
        const int destination = firewall.column(QStringLiteral("Destination"));
        const int ports = firewall.column(QStringLiteral("Ports"));
        const int protocol = firewall.column(QStringLiteral("Protocol"));
        const int source = firewall.column(QStringLiteral("Source"));
        const int purpose = firewall.column(QStringLiteral("Purpose"));
        const QString change = QStringLiteral("change %1, 2026-11-30").arg(tags->changeNumber);
        const QString countHeader = QStringLiteral("Number of address prefixes (%1, %2)").arg(file, change);
        const int count = firewall.column(countHeader);
        QVERIFY(id >= 0 && destination >= 0 && ports >= 0 && protocol >= 0 && source >= 0 && purpose >= 0);
        QVERIFY2(count >= 0, qPrintable(firewall.header().join(u'|')));
        QStringList expected;
        QList<QJsonValue> expectedCounts;
        QSet<QString> ids;
        for (const FirewallGroup &group : firewallGroups(set)) {
            for (const auto &[rule, part] : group.entries) {
                expected << rule->id + u'|' + (part.urlPath.isEmpty() ? part.target : part.urlPath) + u'|'
                                + RuleLabels::ports(part.ports, Language::English) + u'|'
                                + RuleLabels::protocol(*rule, part, Language::English) + u'|'
                                + RuleLabels::purpose(*rule, Language::English) + u'|'
                                + RuleLabels::source(*rule, RuleLabels::computeSubnet(options.deployment.sourceAddresses));
                expectedCounts << (set.hasAddressPrefixes(*rule) ? QJsonValue(double(set.addressPrefixes(*rule).size()))
                                                                 : QJsonValue());
                ids << rule->id;
            }
        }
        QStringList actual;
        QList<QJsonValue> actualCounts;
        for (qsizetype r = 1; r < firewall.rows.size(); ++r) {
            actual << firewall.text(r, id) + u'|' + firewall.text(r, destination) + u'|' + firewall.text(r, ports) + u'|'
                          + firewall.text(r, protocol) + u'|' + firewall.text(r, purpose) + u'|' + firewall.text(r, source);
            const QJsonValue c = firewall.rows.at(r).at(count);
            actualCounts << (c.isString() && c.toString().isEmpty() ? QJsonValue() : c);
        }
        QCOMPARE(actual, expected);
        QVERIFY(firewall.values(source).contains(QStringLiteral("10.0.1.0/24")));
        QCOMPARE(actualCounts, expectedCounts);
        for (const Rule &rule : set.rules)
            QVERIFY2(ids.contains(rule.id), qPrintable(rule.id));
        // Purposes and notes wrap; the purpose column is wide enough to read.
        QVERIFY(firewall.wrapped.contains(purpose));
        QVERIFY(firewall.widths.value(columnName(purpose)).toDouble() >= 50);
        QVERIFY(firewall.widths.value(columnName(id)).toDouble() >= 8);
        QVERIFY(firewall.widths.value(columnName(id)).toDouble() <= 61);

        // The host tables, in the article's order.
        if (hostTables) {
            const SheetData &hosts = wb.sheets.at(2);
            const int host = hosts.column(QStringLiteral("Host"));
            const int hostId = hosts.column(QStringLiteral("ID"));
            const int hostPorts = hosts.column(QStringLiteral("Ports"));
            QVERIFY(host >= 0 && hostId >= 0 && hostPorts >= 0);
            QStringList expectedHosts;
            for (const QString &table : set.tablesInView(QStringLiteral("other-firewalls"))) {
                for (const Rule *rule : set.rulesInTable(table))
                    expectedHosts << rule->id + u'|' + rule->destination + u'|'
                                         + RuleLabels::ports(rule->ports, Language::English);
            }
            QStringList actualHosts;
            for (qsizetype r = 1; r < hosts.rows.size(); ++r)
                actualHosts << hosts.text(r, hostId) + u'|' + hosts.text(r, host) + u'|' + hosts.text(r, hostPorts);
            QCOMPARE(actualHosts, expectedHosts);
        }

        // The address prefixes: every prefix of every tag the rules name, with the file's change.
        const SheetData &prefixes = wb.sheets.last();
        QCOMPARE(prefixes.header().value(1), QStringLiteral("Address prefix (%1, %2)").arg(file, change));
        QStringList expectedPrefixes;
        QSet<QString> seen;
        bool route = false;
        for (const Rule &rule : set.rules) {
            const QString tag = serviceTagOf(rule);
            if (tag.isEmpty() || seen.contains(tag.toLower()))
                continue;
            seen << tag.toLower();
            route = route || (rule.kind == RuleKind::Route && set.hasAddressPrefixes(rule));
            for (const QString &p : set.addressPrefixes(rule))
                expectedPrefixes << tag + u'|' + p + u'|' + (p.contains(u':') ? QStringLiteral("IPv6") : QStringLiteral("IPv4"));
        }
        QVERIFY(route); // --udr ip-ranges: the region's and the pair's AzureMachineLearning.<region>
        QStringList actualPrefixes;
        for (qsizetype r = 1; r < prefixes.rows.size(); ++r)
            actualPrefixes << prefixes.text(r, 0) + u'|' + prefixes.text(r, 1) + u'|' + prefixes.text(r, 2);
        QCOMPARE(actualPrefixes, expectedPrefixes);
    }

    void managedNetwork()
    {
        RuleSet set = generateEdition(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                      NetworkKind::Managed);
        QVERIFY(set.isValid());
        ExportOptions options;
        options.created = kCreated;
        const Workbook wb = readBack(Exporter::write(set, ExportFormat::Xlsx, options));
        QVERIFY2(wb.ok, qPrintable(wb.error));
        checkSheets(wb);
        QCOMPARE(wb.titles().value(1), QStringLiteral("Managed network"));
        QVERIFY(!wb.titles().contains(QStringLiteral("Address prefixes"))); // no file, no prefixes
        const SheetData &view = wb.sheets.at(1);
        const QStringList ids = view.values(view.column(QStringLiteral("ID")));
        for (const Rule &rule : set.rules)
            QVERIFY2(ids.contains(rule.id), qPrintable(rule.id));
        QCOMPARE(wb.sheets.first().valuesOf(QStringLiteral("Network")), QStringList{QStringLiteral("Managed virtual network")});
    }

    void noFormulaFromData()
    {
        RuleSet set = generateEdition(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"));
        set.answers.storage = QStringLiteral("@SUM(A1)");
        Rule &rule = set.rules.first();
        const QString formula = QStringLiteral("=1+1");
        const QString hyperlink = QStringLiteral("=HYPERLINK(\"http://example.invalid\",\"x\")");
        rule.destination = formula;
        for (FirewallPart &part : rule.firewall)
            part.target = formula;
        for (RuleSource &source : rule.sources)
            source.purpose = LocalizedText{hyperlink, QStringLiteral("+1-2")};
        rule.notes = {Note{QStringLiteral("n"), 0, NoteSeverity::Info, {}, {}, {}, LocalizedText{QStringLiteral("-2+3"), QStringLiteral("-2+3")}}};
        ExportOptions options;
        options.created = kCreated;
        options.bothLanguages = true;
        const Workbook wb = readBack(Exporter::write(set, ExportFormat::Xlsx, options));
        QVERIFY2(wb.ok, qPrintable(wb.error));
        checkSheets(wb); // no <f> in any sheet, every cell a string or a number amlfw counted

        const SheetData &firewall = wb.sheets.at(1);
        const int destination = firewall.column(QStringLiteral("Destination"));
        const int row = int(firewall.values(firewall.column(QStringLiteral("ID"))).indexOf(rule.id)) + 1;
        QVERIFY(row > 0);
        QCOMPARE(firewall.text(row, destination), formula);
        QCOMPARE(firewall.types.at(row).at(destination).toString(), QStringLiteral("s"));
        QCOMPARE(firewall.text(row, firewall.column(QStringLiteral("Purpose (English)"))), hyperlink);
        QCOMPARE(firewall.text(row, firewall.column(QStringLiteral("Purpose (Japanese)"))), QStringLiteral("+1-2"));
        QVERIFY(firewall.text(row, firewall.column(QStringLiteral("Notes"))).startsWith(QStringLiteral("-2+3")));
        QCOMPARE(wb.sheets.first().valuesOf(QStringLiteral("Storage account")), QStringList{QStringLiteral("@SUM(A1)")});
    }

    void bothLanguages()
    {
        const RuleSet set = generateEdition(QStringLiteral("2021-11"), QStringLiteral("public"), QStringLiteral("japaneast"));
        ExportOptions options;
        options.created = kCreated;
        options.bothLanguages = true;
        const Workbook wb = readBack(Exporter::write(set, ExportFormat::Xlsx, options));
        QVERIFY2(wb.ok, qPrintable(wb.error));
        checkSheets(wb);
        const SheetData &firewall = wb.sheets.at(1);
        QCOMPARE(firewall.column(QStringLiteral("Purpose")), -1);
        const int en = firewall.column(QStringLiteral("Purpose (English)"));
        const int ja = firewall.column(QStringLiteral("Purpose (Japanese)"));
        QVERIFY(en >= 0 && ja == en + 1);
        QVERIFY(firewall.wrapped.contains(en) && firewall.wrapped.contains(ja));
        const int id = firewall.column(QStringLiteral("ID"));
        for (qsizetype r = 1; r < firewall.rows.size(); ++r) {
            const Rule *rule = set.rule(firewall.text(r, id));
            QVERIFY(rule);
            QCOMPARE(firewall.text(r, en), RuleLabels::purpose(*rule, Language::English));
            QCOMPARE(firewall.text(r, ja), RuleLabels::purpose(*rule, Language::Japanese));
            QVERIFY(!firewall.text(r, ja).isEmpty());
        }
        // The host tables give each table's own purpose, in both languages.
        const SheetData &hosts = *wb.sheet(QStringLiteral("Other firewalls"));
        const int hostEn = hosts.column(QStringLiteral("Purpose (English)"));
        const int hostJa = hosts.column(QStringLiteral("Purpose (Japanese)"));
        QVERIFY(hostEn >= 0 && hostJa >= 0);
        for (qsizetype r = 1; r < hosts.rows.size(); ++r) {
            const Rule *rule = set.rule(hosts.text(r, hosts.column(QStringLiteral("ID"))));
            QVERIFY(rule);
            QStringList en;
            QStringList ja;
            for (const RuleSource &s : rule->sources) {
                en << s.purpose.en;
                ja << s.purpose.ja;
            }
            QVERIFY(en.contains(hosts.text(r, hostEn)));
            QVERIFY(ja.contains(hosts.text(r, hostJa)));
        }
    }

    void japanese()
    {
        const RuleSet set = generateEdition(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"));
        ExportOptions options;
        options.created = kCreated;
        options.language = Language::Japanese;
        const Workbook wb = readBack(Exporter::write(set, ExportFormat::Xlsx, options));
        QVERIFY2(wb.ok, qPrintable(wb.error));
        checkSheets(wb);
        const QStringList expected{XlsxExporter::sheetName(XlsxExporter::Sheet::Cover, set, Language::Japanese),
                                   XlsxExporter::sheetName(XlsxExporter::Sheet::AzureFirewall, set, Language::Japanese),
                                   XlsxExporter::sheetName(XlsxExporter::Sheet::OtherFirewalls, set, Language::Japanese)};
        QCOMPARE(wb.titles(), expected);
        QVERIFY(expected.first() != QStringLiteral("Cover")); // translated
        QVERIFY(expected.last() != QStringLiteral("Other firewalls"));
        const SheetData &firewall = wb.sheets.at(1);
        const int purpose = firewall.column(translate(Language::Japanese, "amlfw::XlsxExporter", "Purpose"));
        QVERIFY(purpose >= 0);
        QCOMPARE(firewall.text(1, purpose), RuleLabels::purpose(set.rules.first(), Language::Japanese));
    }

    void sameCreatedSameBytes()
    {
        RuleSet set = generateEdition(QStringLiteral("2026-03"), QStringLiteral("usgov"), QStringLiteral("usgovvirginia"));
        applyServiceTags(&set, fixture(QStringLiteral("ServiceTags_AzureGovernment_20261130.json")));
        ExportOptions options;
        options.created = kCreated;
        const QByteArray first = Exporter::write(set, ExportFormat::Xlsx, options);
        QTest::qWait(1100); // a clock read anywhere would now differ
        const QByteArray second = Exporter::write(set, ExportFormat::Xlsx, options);
        QVERIFY(first.startsWith("PK"));
        QCOMPARE(first, second);

        options.created = kCreated.addDays(1);
        const QByteArray later = Exporter::write(set, ExportFormat::Xlsx, options);
        QVERIFY(later != first);
        const Workbook wb = readBack(later);
        QVERIFY2(wb.ok, qPrintable(wb.error));
        QCOMPARE(wb.created, QStringLiteral("2026-12-01T09:15:00Z"));
        QCOMPARE(wb.sheets.first().valuesOf(QStringLiteral("Date")), QStringList{QStringLiteral("2026-12-01 09:15 UTC")});

        // No time given: now.
        options.created = QDateTime();
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
        const Workbook now = readBack(Exporter::write(set, ExportFormat::Xlsx, options));
        QVERIFY2(now.ok, qPrintable(now.error));
        const QDateTime created = QDateTime::fromString(now.created, Qt::ISODate);
        QVERIFY2(created >= before && created <= QDateTime::currentDateTimeUtc().addSecs(2), qPrintable(now.created));
    }
};

QTEST_GUILESS_MAIN(TestXlsxExporter)
#include "tst_xlsxexporter.moc"
