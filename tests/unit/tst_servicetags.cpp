// Service tags files (Microsoft's weekly "Azure IP Ranges and Service Tags" downloads and the output of
// az network list-service-tags): reading them, refusing what is not one in words, applying them to a rule
// set, and what the JSON, CSV, table and Markdown say with one.

#include "csvexporter.h"
#include "jsonexporter.h"
#include "language.h"
#include "rulesetfixture.h"
#include "servicetags.h"
#include "textreport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTemporaryDir>

using namespace amlfw;
using namespace amlfw::test;

namespace {

QString fixturePath(const QString &name)
{
    return testData(QStringLiteral("servicetags/") + name);
}

QByteArray fixture(const QString &name)
{
    QFile f(fixturePath(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the fixture %s", qPrintable(name));
    return f.readAll();
}

QString publicName()
{
    return QStringLiteral("ServiceTags_Public_20261130.json");
}

// The public fixture with a change made to its JSON.
template<typename F>
QByteArray editedPublic(F &&edit)
{
    QJsonObject root = QJsonDocument::fromJson(fixture(publicName())).object();
    edit(root);
    return QJsonDocument(root).toJson();
}

// The public fixture without the tags named (case-insensitively).
QByteArray publicWithout(const QStringList &tags)
{
    return editedPublic([&](QJsonObject &root) {
        QJsonArray kept;
        for (const QJsonValue &v : root.value(QStringLiteral("values")).toArray()) {
            if (!tags.contains(v.toObject().value(QStringLiteral("name")).toString(), Qt::CaseInsensitive))
                kept.append(v);
        }
        root.insert(QStringLiteral("values"), kept);
    });
}

QJsonObject entry(const QString &name, const QJsonArray &prefixes)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("id"), name},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("region"), QString()},
                         {QStringLiteral("systemService"), QString()},
                         {QStringLiteral("addressPrefixes"), prefixes},
                         {QStringLiteral("networkFeatures"), QJsonArray{QStringLiteral("FW")}}}}};
}

QByteArray smallFile(const QJsonArray &values, const QJsonValue &change = 7,
                     const QJsonValue &cloud = QStringLiteral("Public"))
{
    return QJsonDocument(QJsonObject{{QStringLiteral("changeNumber"), change},
                                     {QStringLiteral("cloud"), cloud},
                                     {QStringLiteral("values"), values}})
        .toJson();
}

QStringList messages(const Problems &problems)
{
    QStringList out;
    for (const Problem &p : problems)
        out << p.toString();
    return out;
}

bool hasJapanese(const QString &text)
{
    for (QChar c : text) {
        if ((c.unicode() >= 0x3040 && c.unicode() <= 0x30FF) || (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF))
            return true;
    }
    return false;
}

std::shared_ptr<const ServiceTagsFile> parsed(const QByteArray &json, const QString &name = publicName())
{
    Problems problems;
    const auto file = ServiceTagsFile::parse(json, name, &problems);
    if (!file)
        qWarning("%s", qPrintable(formatProblems(problems)));
    return file ? std::make_shared<const ServiceTagsFile>(*file) : nullptr;
}

RuleSet generateFor(const QString &edition, const QString &cloud, const QString &region, UdrMethod udr)
{
    Problems problems;
    const Catalog catalog = Catalog::builtIn(edition, &problems);
    Answers a;
    a.cloud = cloud;
    a.region = region;
    a.storage = QStringLiteral("mystore");
    a.features = catalog.featureIds();
    a.udr = udr;
    return RuleGenerator::generate(catalog, a);
}

const Rule *ruleWithTag(const RuleSet &set, const QString &tag)
{
    for (const Rule &rule : set.rules) {
        if (serviceTagOf(rule) == tag)
            return &rule;
    }
    return nullptr;
}

} // namespace

class TestServiceTags : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { applyLanguage(Language::English); }
    void cleanup() { applyLanguage(Language::English); }

    void fixtures_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<qint64>("change");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("regional"); // a tag as the rules spell it
        QTest::addColumn<QString>("firstPrefix");
        QTest::newRow("Public") << publicName() << QStringLiteral("public") << qint64(412) << QDate(2026, 11, 30)
                                << QStringLiteral("storage.japaneast") << QStringLiteral("192.0.2.68/30");
        QTest::newRow("AzureGovernment") << QStringLiteral("ServiceTags_AzureGovernment_20261130.json")
                                         << QStringLiteral("usgov") << qint64(287) << QDate(2026, 11, 30)
                                         << QStringLiteral("Storage.usgovvirginia") << QStringLiteral("192.0.2.68/30");
        QTest::newRow("China") << QStringLiteral("ServiceTags_China_20261130.json") << QStringLiteral("china")
                               << qint64(198) << QDate(2026, 11, 30) << QStringLiteral("AzureMachineLearning.chinanorth2")
                               << QStringLiteral("192.0.2.32/30");
        // az network list-service-tags: changeNumber is a string, and the file name carries no date.
        QTest::newRow("az CLI") << QStringLiteral("az-list-service-tags-public.json") << QStringLiteral("public")
                                << qint64(412) << QDate() << QStringLiteral("STORAGE.JAPANEAST")
                                << QStringLiteral("192.0.2.68/30");
    }

    void fixtures()
    {
        QFETCH(QString, name);
        QFETCH(QString, cloud);
        QFETCH(qint64, change);
        QFETCH(QDate, date);
        QFETCH(QString, regional);
        QFETCH(QString, firstPrefix);
        Problems problems;
        const auto file = ServiceTagsFile::load(fixturePath(name), &problems);
        QVERIFY2(file, qPrintable(formatProblems(problems)));
        QVERIFY2(problems.isEmpty(), qPrintable(formatProblems(problems)));
        QCOMPARE(file->fileName, name);
        QCOMPARE(file->cloudId(), cloud);
        QCOMPARE(file->changeNumber, change);
        QCOMPARE(file->date, date);
        QCOMPARE(file->entries.size(), 18);
        const ServiceTagEntry *e = file->find(regional);
        QVERIFY2(e, qPrintable(regional));
        QCOMPARE(e->addressPrefixes.value(0), firstPrefix);
        QCOMPARE(e->addressPrefixes.size(), 4);
        QVERIFY(e->addressPrefixes.last().contains(u':')); // IPv6 kept
        QVERIFY(file->find(QStringLiteral("azuremachinelearning")));
        QVERIFY(!file->find(QStringLiteral("AzureMachineLearning.westeurope")));
        QCOMPARE(file->versionText(), date.isValid() ? QStringLiteral("change %1, 2026-11-30").arg(change)
                                                     : QStringLiteral("change %1").arg(change));
        applyLanguage(Language::Japanese);
        QVERIFY2(file->versionText().startsWith(QStringLiteral("変更番号 ")), qPrintable(file->versionText()));
    }

    // The date comes from Microsoft's file name, also after a browser added " (1)"; other names have none.
    void dateFromFileName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QDate>("date");
        QTest::newRow("download") << publicName() << QDate(2026, 11, 30);
        QTest::newRow("second download") << QStringLiteral("ServiceTags_Public_20261130 (1).json") << QDate(2026, 11, 30);
        QTest::newRow("China") << QStringLiteral("ServiceTags_China_20250106.json") << QDate(2025, 1, 6);
        QTest::newRow("renamed") << QStringLiteral("tags.json") << QDate();
        QTest::newRow("not a date") << QStringLiteral("ServiceTags_Public_20261399.json") << QDate();
    }

    void dateFromFileName()
    {
        QFETCH(QString, name);
        QFETCH(QDate, date);
        const auto file = parsed(fixture(publicName()), name);
        QVERIFY(file);
        QCOMPARE(file->date, date);
        const QString expected = date.isValid()
                                     ? QString(name + QStringLiteral(" (change 412, ") + date.toString(Qt::ISODate) + u')')
                                     : QString(name + QStringLiteral(" (change 412)"));
        QCOMPARE(file->description(), expected);
    }

    void changeNumberAsString()
    {
        const auto file = parsed(smallFile({entry(QStringLiteral("Storage"), {QStringLiteral("192.0.2.0/24")})},
                                           QStringLiteral("90210")));
        QVERIFY(file);
        QCOMPARE(file->changeNumber, qint64(90210));
    }

    // Windows PowerShell 5.1 redirects az's output to a UTF-16 file with a byte order mark.
    void utf16FromPowerShell()
    {
        const QString text = QString::fromUtf8(fixture(QStringLiteral("az-list-service-tags-public.json")));
        for (const auto encoding : {QStringConverter::Utf16LE, QStringConverter::Utf16BE}) {
            QStringEncoder encode(encoding, QStringConverter::Flag::WriteBom);
            const QByteArray bytes = encode(text);
            QVERIFY(bytes.startsWith(encoding == QStringConverter::Utf16LE ? "\xFF\xFE" : "\xFE\xFF"));
            const auto file = parsed(bytes, QStringLiteral("tags.json"));
            QVERIFY(file);
            QCOMPARE(file->changeNumber, qint64(412));
            QCOMPARE(file->entries.size(), 18);
            QCOMPARE(file->find(QStringLiteral("Storage.japaneast"))->addressPrefixes.size(), 4);
        }
    }

    // Whatever is handed over instead of the file is refused with one sentence that says what it is,
    // in English and in Japanese, located at the file.
    void refused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("japanese");
        const QByteArray pub = fixture(publicName());
        QTest::newRow("empty") << QByteArray() << QStringLiteral("the file is empty") << QStringLiteral("ファイルが空です");
        QTest::newRow("blank") << QByteArray("\xEF\xBB\xBF \n\t\n") << QStringLiteral("the file is empty")
                               << QStringLiteral("ファイルが空です");
        QTest::newRow("web page") << QByteArray("<!DOCTYPE html>\n<html><head><title>Download Azure IP Ranges</title>")
                                  << QStringLiteral("this is a web page (HTML), not the service tags file")
                                  << QStringLiteral("Web ページ (HTML) です");
        QTest::newRow("text") << QByteArray("changeNumber: 412\ncloud: Public\n")
                              << QStringLiteral("this is not a service tags file: it is not JSON (line 1, column 1: ")
                              << QStringLiteral("JSON ではありません (1 行、1 列: ");
        QTest::newRow("zip") << QByteArray("PK\x03\x04\x14\x00\x00\x00")
                             << QStringLiteral("it is not JSON") << QStringLiteral("JSON ではありません");
        QTest::newRow("cut in half") << pub.left(pub.size() / 2)
                                     << QStringLiteral("the file ends too early (line ")
                                     << QStringLiteral("ファイルが途中で終わっています");
        QTest::newRow("cut in a string") << pub.left(pub.indexOf("Storage.JapanEast") + 5)
                                         << QStringLiteral("it was cut off, perhaps by an interrupted download")
                                         << QStringLiteral("もう一度ダウンロードしてください");
        QTest::newRow("cut in a number") << QByteArray("{\"changeNumber\": 41")
                                         << QStringLiteral("the file ends too early (line 1, column ")
                                         << QStringLiteral("途中で終わっています");
        QTest::newRow("last brace missing") << pub.trimmed().chopped(1) << QStringLiteral("the file ends too early")
                                            << QStringLiteral("途中で終わっています");
        QByteArray broken = pub;
        broken.replace("\"cloud\": \"Public\",", "\"cloud\": \"Public\",,");
        QTest::newRow("broken inside")
            << broken << QStringLiteral("this is not a service tags file: its JSON is broken at line 3, column 21 (")
            << QStringLiteral("JSON が 3 行、21 列で壊れています");
        QTest::newRow("array") << QByteArray("[{\"name\": \"Storage\"}]")
                               << QStringLiteral("this JSON file is not an \"Azure IP Ranges and Service Tags\" file: "
                                                 "it has no changeNumber, cloud, values.")
                               << QStringLiteral("「Azure IP Ranges and Service Tags」ファイルではありません");
        QTest::newRow("ARM template")
            << QByteArray("{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
                          "deploymentTemplate.json#\", \"resources\": []}")
            << QStringLiteral("not an \"Azure IP Ranges and Service Tags\" file: it has no changeNumber, cloud, values. "
                              "Download ServiceTags_Public_YYYYMMDD.json")
            << QStringLiteral("changeNumber, cloud, values がありません");
        QTest::newRow("no values") << editedPublic([](QJsonObject &o) { o.remove(QStringLiteral("values")); })
                                   << QStringLiteral("it has no values.") << QStringLiteral("values がありません");
        QTest::newRow("null cloud") << editedPublic([](QJsonObject &o) { o.insert(QStringLiteral("cloud"), QJsonValue()); })
                                    << QStringLiteral("it has no cloud.") << QStringLiteral("cloud がありません");
        QTest::newRow("values not a list")
            << editedPublic([](QJsonObject &o) { o.insert(QStringLiteral("values"), QStringLiteral("Storage")); })
            << QStringLiteral("its service tags (values) are not a list") << QStringLiteral("一覧ではありません");
        QTest::newRow("values empty") << smallFile({})
                                      << QStringLiteral("the file lists no service tags (its list \"values\" is empty)")
                                      << QStringLiteral("サービス タグが 1 つもありません");
        QTest::newRow("change not a number")
            << smallFile({entry(QStringLiteral("Storage"), {QStringLiteral("192.0.2.0/24")})}, QStringLiteral("latest"))
            << QStringLiteral("its change number (changeNumber) is not a whole number")
            << QStringLiteral("変更番号 (changeNumber) が整数ではありません");
        QTest::newRow("change a fraction") << smallFile({entry(QStringLiteral("Storage"), {QStringLiteral("192.0.2.0/24")})}, 4.5)
                                           << QStringLiteral("is not a whole number") << QStringLiteral("整数ではありません");
        QTest::newRow("unknown cloud")
            << smallFile({entry(QStringLiteral("Storage"), {QStringLiteral("192.0.2.0/24")})}, 7, QStringLiteral("Mars"))
            << QStringLiteral("its cloud \"Mars\" is none of the service tags files' clouds (Public, AzureGovernment, China)")
            << QStringLiteral("クラウド「Mars」は");
        QTest::newRow("cloud a number") << smallFile({entry(QStringLiteral("Storage"), {QStringLiteral("192.0.2.0/24")})}, 7, 3)
                                        << QStringLiteral("its cloud \"3\" is none") << QStringLiteral("クラウド「3」は");
        QTest::newRow("not a prefix")
            << smallFile({entry(QStringLiteral("Storage"), {QStringLiteral("192.0.2.0/24"), QStringLiteral("300.1.2.0/24")})})
            << QStringLiteral("values[0] (Storage).properties.addressPrefixes[1]: \"300.1.2.0/24\" is not an address prefix")
            << QStringLiteral("「300.1.2.0/24」はアドレス プレフィックス");
        QTest::newRow("address without length")
            << smallFile({entry(QStringLiteral("Storage"), {QStringLiteral("192.0.2.1")})})
            << QStringLiteral("\"192.0.2.1\" is not an address prefix (such as 20.1.2.0/24)")
            << QStringLiteral("アドレス プレフィックス (20.1.2.0/24 など) ではありません");
        QTest::newRow("blank prefix") << smallFile({entry(QStringLiteral("Storage"), {QStringLiteral(" ")})})
                                      << QStringLiteral("addressPrefixes[0]: must not be empty")
                                      << QStringLiteral("addressPrefixes[0]: ");
        QTest::newRow("blank name") << smallFile({entry(QStringLiteral(" "), {QStringLiteral("192.0.2.0/24")})})
                                    << QStringLiteral("values[0] ( ).name: must not be empty") << QStringLiteral("values[0] ( ).name: ");
        QTest::newRow("tag twice")
            << smallFile({entry(QStringLiteral("Storage"), {QStringLiteral("192.0.2.0/24")}),
                          entry(QStringLiteral("STORAGE"), {QStringLiteral("198.51.100.0/24")})})
            << QStringLiteral("the tag \"STORAGE\" is listed twice") << QStringLiteral("タグ「STORAGE」が 2 回記載されています");
        QJsonArray many;
        for (int i = 0; i < 30; ++i)
            many.append(entry(QStringLiteral("Tag%1").arg(i), {QStringLiteral("bad")}));
        QTest::newRow("many problems") << smallFile(many) << QStringLiteral("10 more problems in this file")
                                       << QStringLiteral("ほかに 10 個の問題があります");
    }

    void refused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, english);
        QFETCH(QString, japanese);
        Problems problems;
        QVERIFY(!ServiceTagsFile::parse(json, publicName(), &problems));
        QVERIFY(hasErrors(problems));
        QVERIFY(problems.size() <= ServiceTagsFile::kMaxProblems + 1);
        const QString all = messages(problems).join(u'\n');
        QVERIFY2(all.contains(english), qPrintable(all));
        QVERIFY2(problems.first().location.startsWith(publicName()), qPrintable(problems.first().location));
        applyLanguage(Language::Japanese);
        const QString ja = messages(problems).join(u'\n');
        QVERIFY2(ja.contains(japanese), qPrintable(ja));
        QVERIFY2(hasJapanese(ja), qPrintable(ja));
    }

    void loadRefuses()
    {
        QTemporaryDir dir;
        Problems problems;
        QVERIFY(!ServiceTagsFile::load(dir.filePath(QStringLiteral("missing.json")), &problems));
        QCOMPARE(messages(problems), QStringList{dir.filePath(QStringLiteral("missing.json"))
                                                 + QStringLiteral(": there is no such file")});
        problems.clear();
        QVERIFY(!ServiceTagsFile::load(dir.path(), &problems));
        QCOMPARE(messages(problems),
                 QStringList{dir.path() + QStringLiteral(": this is a folder: name the service tags file in it")});
        // A truncated download on disk: named by its base name.
        const QString cut = dir.filePath(publicName());
        QFile f(cut);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(fixture(publicName()).left(3000));
        f.close();
        problems.clear();
        QVERIFY(!ServiceTagsFile::load(cut, &problems));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().toString().startsWith(publicName() + QStringLiteral(": the file ends too early")),
                 qPrintable(problems.first().toString()));
    }

    // Every service tag the rules of each cloud use (both editions, all features, both route methods)
    // is in that cloud's fixture, matched without regard to case; nothing is warned.
    void applyEveryCloud_data()
    {
        QTest::addColumn<QString>("edition");
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("file");
        for (const char *edition : {"2021-11", "2026-03"}) {
            QTest::addRow("%s public", edition) << QString::fromLatin1(edition) << QStringLiteral("public")
                                                << QStringLiteral("japaneast") << publicName();
            QTest::addRow("%s usgov", edition) << QString::fromLatin1(edition) << QStringLiteral("usgov")
                                               << QStringLiteral("usgovvirginia")
                                               << QStringLiteral("ServiceTags_AzureGovernment_20261130.json");
            QTest::addRow("%s china", edition) << QString::fromLatin1(edition) << QStringLiteral("china")
                                               << QStringLiteral("chinaeast2")
                                               << QStringLiteral("ServiceTags_China_20261130.json");
            QTest::addRow("%s az CLI", edition) << QString::fromLatin1(edition) << QStringLiteral("public")
                                                << QStringLiteral("japaneast")
                                                << QStringLiteral("az-list-service-tags-public.json");
        }
    }

    void applyEveryCloud()
    {
        QFETCH(QString, edition);
        QFETCH(QString, cloud);
        QFETCH(QString, region);
        QFETCH(QString, file);
        for (const UdrMethod udr : {UdrMethod::ServiceTags, UdrMethod::IpRanges}) {
            RuleSet set = generateFor(edition, cloud, region, udr);
            QVERIFY(set.isValid());
            const auto tags = parsed(fixture(file), file);
            QVERIFY(tags);
            const Problems problems = applyServiceTags(&set, tags);
            QVERIFY2(problems.isEmpty(), qPrintable(formatProblems(problems)));
            QCOMPARE(set.serviceTags, tags);
            QVERIFY(missingServiceTags(set).isEmpty());
            int withPrefixes = 0;
            for (const Rule &rule : set.rules) {
                const QString tag = serviceTagOf(rule);
                QCOMPARE(set.hasAddressPrefixes(rule), !tag.isEmpty());
                if (tag.isEmpty())
                    continue;
                ++withPrefixes;
                QCOMPARE(set.addressPrefixes(rule), tags->find(tag)->addressPrefixes);
            }
            QVERIFY(withPrefixes >= 8);
            if (udr == UdrMethod::IpRanges) {
                const Rule *pair = ruleWithTag(set, QStringLiteral("AzureMachineLearning.") + set.pairedRegion);
                QVERIFY2(pair, qPrintable(set.pairedRegion));
                QCOMPARE(pair->kind, RuleKind::Route);
                QCOMPARE(set.addressPrefixes(*pair).size(), 4);
            }
        }
    }

    void anotherCloudIsRefused_data()
    {
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("japanese");
        QTest::newRow("public file, usgov rules")
            << QStringLiteral("usgov") << QStringLiteral("usgovvirginia") << publicName()
            << QStringLiteral("ServiceTags_Public_20261130.json: this file lists the service tags of the cloud "
                              "\"Public\", but the rules are for Azure Government: download the file of that cloud")
            << QStringLiteral("このファイルはクラウド「Public」のサービス タグの一覧ですが、規則は Azure Government");
        QTest::newRow("China file, public rules")
            << QStringLiteral("public") << QStringLiteral("japaneast") << QStringLiteral("ServiceTags_China_20261130.json")
            << QStringLiteral("the cloud \"China\", but the rules are for Azure public")
            << QStringLiteral("クラウド「China」のサービス タグ");
        QTest::newRow("Government file, China rules")
            << QStringLiteral("china") << QStringLiteral("chinaeast2")
            << QStringLiteral("ServiceTags_AzureGovernment_20261130.json")
            << QStringLiteral("the cloud \"AzureGovernment\", but the rules are for Microsoft Azure operated by 21Vianet")
            << QStringLiteral("そのクラウドのファイルをダウンロードしてください");
    }

    void anotherCloudIsRefused()
    {
        QFETCH(QString, cloud);
        QFETCH(QString, region);
        QFETCH(QString, file);
        QFETCH(QString, english);
        QFETCH(QString, japanese);
        RuleSet set = generateFor(QStringLiteral("2026-03"), cloud, region, UdrMethod::IpRanges);
        const Problems problems = applyServiceTags(&set, parsed(fixture(file), file));
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().isError());
        QVERIFY2(problems.first().toString().contains(english), qPrintable(problems.first().toString()));
        QVERIFY(!set.serviceTags);
        for (const Rule &rule : set.rules)
            QVERIFY(set.addressPrefixes(rule).isEmpty());
        applyLanguage(Language::Japanese);
        QVERIFY2(problems.first().toString().contains(japanese), qPrintable(problems.first().toString()));
    }

    // A tag the rules use that the file lacks: one warning naming it (however many rules use it), its
    // rules without prefixes, the others with theirs.
    void missingTagIsAWarning()
    {
        RuleSet set = generateFor(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                  UdrMethod::IpRanges);
        const QStringList gone{QStringLiteral("AzureMachineLearning"), QStringLiteral("Storage.JapanEast")};
        const Problems problems = applyServiceTags(&set, parsed(publicWithout(gone)));
        QCOMPARE(messages(problems),
                 (QStringList{QStringLiteral("ServiceTags_Public_20261130.json: the service tag AzureMachineLearning is "
                                             "not in this file (change 412, 2026-11-30): its rules are written "
                                             "without address prefixes"),
                              QStringLiteral("ServiceTags_Public_20261130.json: the service tag Storage.japaneast is not "
                                             "in this file (change 412, 2026-11-30): its rules are written without "
                                             "address prefixes")}));
        QVERIFY(!hasErrors(problems));
        QCOMPARE(missingServiceTags(set), (QStringList{QStringLiteral("AzureMachineLearning"),
                                                       QStringLiteral("Storage.japaneast")}));
        QVERIFY(set.serviceTags);
        QVERIFY(!set.hasAddressPrefixes(*ruleWithTag(set, QStringLiteral("Storage.japaneast"))));
        QVERIFY(set.addressPrefixes(*ruleWithTag(set, QStringLiteral("AzureMachineLearning"))).isEmpty());
        QCOMPARE(set.addressPrefixes(*ruleWithTag(set, QStringLiteral("AzureMachineLearning.japaneast"))).size(), 4);
        applyLanguage(Language::Japanese);
        QVERIFY2(problems.first().toString().contains(
                     QStringLiteral("サービス タグ AzureMachineLearning はこのファイル (変更番号 412、2026-11-30) にありません")),
                 qPrintable(problems.first().toString()));
    }

    void tagWithoutPrefixesIsAWarning()
    {
        RuleSet set = generateFor(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                  UdrMethod::ServiceTags);
        const QByteArray json = editedPublic([](QJsonObject &root) {
            QJsonArray values = root.value(QStringLiteral("values")).toArray();
            for (qsizetype i = 0; i < values.size(); ++i) {
                QJsonObject o = values.at(i).toObject();
                if (o.value(QStringLiteral("name")).toString() != u"AzureMonitor")
                    continue;
                QJsonObject props = o.value(QStringLiteral("properties")).toObject();
                props.insert(QStringLiteral("addressPrefixes"), QJsonArray());
                o.insert(QStringLiteral("properties"), props);
                values.replace(i, o);
            }
            root.insert(QStringLiteral("values"), values);
        });
        const Problems problems = applyServiceTags(&set, parsed(json));
        QCOMPARE(messages(problems),
                 QStringList{QStringLiteral("ServiceTags_Public_20261130.json: the service tag AzureMonitor has no "
                                            "address prefixes in this file (change 412, 2026-11-30): its rules are "
                                            "written without them")});
        QVERIFY(set.addressPrefixes(*ruleWithTag(set, QStringLiteral("AzureMonitor"))).isEmpty());
    }

    // The file spells tags its own way (Storage.JapanEast); the rules say Storage.japaneast.
    void tagsMatchWithoutCase()
    {
        RuleSet set = generateFor(QStringLiteral("2021-11"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                  UdrMethod::ServiceTags);
        const auto file = parsed(smallFile({entry(QStringLiteral("STORAGE.JAPANEAST"), {QStringLiteral("192.0.2.0/24")}),
                                            entry(QStringLiteral("azuremachinelearning"), {QStringLiteral("198.51.100.0/24")})}));
        QVERIFY(file);
        const Problems problems = applyServiceTags(&set, file);
        QVERIFY(!hasErrors(problems));
        QCOMPARE(set.addressPrefixes(*ruleWithTag(set, QStringLiteral("Storage.japaneast"))),
                 QStringList{QStringLiteral("192.0.2.0/24")});
        QCOMPARE(set.addressPrefixes(*ruleWithTag(set, QStringLiteral("AzureMachineLearning"))),
                 QStringList{QStringLiteral("198.51.100.0/24")});
        for (const Problem &p : problems)
            QVERIFY2(!p.toString().contains(QStringLiteral("Storage.japaneast")), qPrintable(p.toString()));
        // Detached again by a null file.
        QVERIFY(applyServiceTags(&set, nullptr).isEmpty());
        QVERIFY(!set.serviceTags);
        QVERIFY(set.addressPrefixes(*ruleWithTag(set, QStringLiteral("Storage.japaneast"))).isEmpty());
    }

    // JSON: "addressPrefixes" on each rule whose tag the file lists, and the file named at the top.
    void json()
    {
        RuleSet set = generateFor(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                  UdrMethod::IpRanges);
        const QJsonObject without = JsonExporter::toJson(set, Language::English);
        QVERIFY(!without.contains(QStringLiteral("serviceTags")));
        for (const QJsonValue &r : without.value(QStringLiteral("rules")).toArray())
            QVERIFY(!r.toObject().contains(QStringLiteral("addressPrefixes")));

        applyServiceTags(&set, parsed(publicWithout({QStringLiteral("AzureMonitor")})));
        const QJsonObject root = QJsonDocument::fromJson(JsonExporter::write(set, Language::English)).object();
        QCOMPARE(root.value(QStringLiteral("serviceTags")).toObject(),
                 (QJsonObject{{QStringLiteral("file"), publicName()},
                              {QStringLiteral("cloud"), QStringLiteral("Public")},
                              {QStringLiteral("changeNumber"), 412},
                              {QStringLiteral("date"), QStringLiteral("2026-11-30")},
                              {QStringLiteral("missingTags"), QJsonArray{QStringLiteral("AzureMonitor")}}}));
        QHash<QString, QJsonArray> byDestination;
        for (const QJsonValue &v : root.value(QStringLiteral("rules")).toArray()) {
            const QJsonObject r = v.toObject();
            if (r.contains(QStringLiteral("addressPrefixes")))
                byDestination.insert(r.value(QStringLiteral("destination")).toString(),
                                     r.value(QStringLiteral("addressPrefixes")).toArray());
            if (r.value(QStringLiteral("kind")).toString() == u"fqdn")
                QVERIFY(!r.contains(QStringLiteral("addressPrefixes")));
        }
        QCOMPARE(byDestination.value(QStringLiteral("Storage.japaneast")),
                 (QJsonArray{QStringLiteral("192.0.2.68/30"), QStringLiteral("198.51.100.136/29"),
                             QStringLiteral("203.0.113.17/32"), QStringLiteral("2001:db8:11::/48")}));
        QCOMPARE(byDestination.value(QStringLiteral("AzureMachineLearning")).size(), 4);
        QCOMPARE(byDestination.value(QStringLiteral("AzureMachineLearning.japanwest")).first().toString(),
                 QStringLiteral("192.0.2.32/30"));
        QVERIFY(!byDestination.contains(QStringLiteral("AzureMonitor")));
        QVERIFY(!byDestination.contains(QStringLiteral("VirtualNetwork")));

        // The az CLI's output has no date: none written.
        applyServiceTags(&set, parsed(fixture(QStringLiteral("az-list-service-tags-public.json")),
                                      QStringLiteral("az-list-service-tags-public.json")));
        const QJsonObject az = JsonExporter::toJson(set, Language::English).value(QStringLiteral("serviceTags")).toObject();
        QVERIFY(!az.contains(QStringLiteral("date")));
        QCOMPARE(az.value(QStringLiteral("changeNumber")).toInteger(), 412);
    }

    // CSV: a column of prefixes, only with a file, its header naming the file's change and date.
    void csv()
    {
        RuleSet set = generateFor(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                  UdrMethod::ServiceTags);
        CsvOptions options;
        options.byteOrderMark = false;
        const QString plain = QString::fromUtf8(CsvExporter::write(set, options));
        QVERIFY(!plain.contains(QStringLiteral("Address prefixes")));

        applyServiceTags(&set, parsed(publicWithout({QStringLiteral("AzureMonitor")})));
        const QString text = QString::fromUtf8(CsvExporter::write(set, options));
        const QString header = text.section(QStringLiteral("\r\n"), 0, 0);
        QVERIFY2(header.endsWith(
                     QStringLiteral(",\"Address prefixes (ServiceTags_Public_20261130.json, change 412, 2026-11-30)\"")),
                 qPrintable(header));
        QVERIFY2(text.contains(QStringLiteral(",\"192.0.2.68/30\n198.51.100.136/29\n203.0.113.17/32\n2001:db8:11::/48\"\r\n")),
                 qPrintable(text));
        const Rule *monitor = ruleWithTag(set, QStringLiteral("AzureMonitor"));
        QCOMPARE(CsvExporter::prefixesCell(set, *monitor), QStringLiteral("not in the file"));
        for (const Rule &rule : set.rules) {
            if (rule.kind == RuleKind::Fqdn)
                QCOMPARE(CsvExporter::prefixesCell(set, rule), QString());
        }
        applyLanguage(Language::Japanese);
        QCOMPARE(CsvExporter::prefixesCell(set, *monitor), QStringLiteral("ファイルにありません"));
        QVERIFY(QString::fromUtf8(CsvExporter::write(set, options))
                    .contains(QStringLiteral("アドレス プレフィックス (ServiceTags_Public_20261130.json、変更番号 412、2026-11-30)")));
    }

    // A global tag's thousands of prefixes stop before a spreadsheet cell's limit and say how many more.
    void csvCellStaysWithinASpreadsheetCell()
    {
        RuleSet set = generateFor(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                  UdrMethod::ServiceTags);
        QJsonArray prefixes;
        for (int i = 0; i < 4000; ++i)
            prefixes.append(QStringLiteral("10.%1.%2.0/24").arg(i / 256).arg(i % 256));
        applyServiceTags(&set, parsed(smallFile({entry(QStringLiteral("AzureMachineLearning"), prefixes)})));
        const QString cell = CsvExporter::prefixesCell(set, *ruleWithTag(set, QStringLiteral("AzureMachineLearning")));
        QVERIFY2(cell.size() < 32767, qPrintable(QString::number(cell.size())));
        QVERIFY(cell.startsWith(QStringLiteral("10.0.0.0/24\n10.0.1.0/24\n")));
        const qsizetype shown = cell.count(u'\n');
        QVERIFY2(cell.endsWith(QStringLiteral("… %1 more (the JSON export lists them all)").arg(4000 - shown)),
                 qPrintable(cell.right(80)));
    }

    // The table and Markdown: the file named under the scenario, a count per rule, every prefix at the end.
    void tableAndMarkdown()
    {
        RuleSet set = generateFor(QStringLiteral("2021-11"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                  UdrMethod::IpRanges);
        const QString before = TextReport::table(set, Language::English, RuleView::All, 200);
        QVERIFY(!before.contains(QStringLiteral("Address prefixes")));
        applyServiceTags(&set, parsed(publicWithout({QStringLiteral("AzureFrontDoor.FrontEnd")})));

        const QString table = TextReport::table(set, Language::English, RuleView::AzureFirewall, 200);
        QVERIFY2(table.contains(QStringLiteral("\nService tags file: ServiceTags_Public_20261130.json (change 412, "
                                               "2026-11-30)\nNot in the file (no address prefixes): "
                                               "AzureFrontDoor.FrontEnd\n")),
                 qPrintable(table));
        const QString storageLine = table.section(QStringLiteral("\n"), 0, -1).split(u'\n').filter(
            QStringLiteral("Storage.japaneast")).value(0);
        QVERIFY2(storageLine.contains(QStringLiteral("4 prefixes")), qPrintable(storageLine));
        const QString afdLine = table.split(u'\n').filter(QStringLiteral("AzureFrontDoor.FrontEnd")).value(1);
        QVERIFY2(afdLine.contains(QStringLiteral("not in the file")), qPrintable(afdLine));
        QVERIFY2(table.contains(QStringLiteral("\nAddress prefixes of the service tags (ServiceTags_Public_20261130.json, "
                                               "change 412, 2026-11-30)\n")),
                 qPrintable(table));
        QVERIFY2(table.contains(QStringLiteral("  AzureMachineLearning.japanwest (4 prefixes)\n    192.0.2.32/30, "
                                               "198.51.100.64/29, 203.0.113.8/32, 2001:db8:8::/48\n")),
                 qPrintable(table));
        // Wrapped to the width given: no prefix line wider, no prefix split.
        const QString narrow = TextReport::table(set, Language::English, RuleView::AzureFirewall, 50);
        const QStringList wrapped = narrow.section(QStringLiteral("Address prefixes of the service tags"), 1)
                                        .section(QStringLiteral("\n\n"), 0, 0)
                                        .split(u'\n')
                                        .filter(QStringLiteral("    "));
        QVERIFY(wrapped.size() > 12);
        for (const QString &line : wrapped)
            QVERIFY2(line.size() <= 50, qPrintable(line));
        QVERIFY(narrow.contains(QStringLiteral("    192.0.2.32/30, 198.51.100.64/29,\n    203.0.113.8/32, 2001:db8:8::/48\n")));

        // The host tables (other firewalls) have the prefixes of their service tags too.
        const QString hosts = TextReport::table(set, Language::English, RuleView::HostTables, 200);
        QVERIFY2(hosts.contains(QStringLiteral("Address prefixes of the service tags")), qPrintable(hosts));
        QVERIFY2(hosts.split(u'\n').filter(QStringLiteral("AzureMachineLearning [!]")).value(0).contains(QStringLiteral("4 prefixes")),
                 qPrintable(hosts));

        const QString md = TextReport::markdown(set, Language::English, RuleView::All);
        QVERIFY2(md.contains(QStringLiteral("\nService tags file: ServiceTags_Public_20261130.json (change 412, 2026-11-30)\n")),
                 qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("| internet-out-storage | Storage.japaneast | 4 prefixes | TCP | 443 |")), qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("\n## Address prefixes of the service tags (ServiceTags_Public_20261130.json, "
                                            "change 412, 2026-11-30)\n")),
                 qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("\n### Storage.japaneast (4 prefixes)\n\n```text\n192.0.2.68/30, "
                                            "198.51.100.136/29, 203.0.113.17/32, 2001:db8:11::/48\n```\n")),
                 qPrintable(md));

        applyLanguage(Language::Japanese);
        const QString ja = TextReport::table(set, Language::Japanese, RuleView::AzureFirewall, 200);
        QVERIFY2(ja.contains(QStringLiteral("サービス タグのファイル: ServiceTags_Public_20261130.json (変更番号 412、2026-11-30)")),
                 qPrintable(ja));
        QVERIFY2(ja.contains(QStringLiteral("4 個のプレフィックス")), qPrintable(ja));
    }
};

QTEST_GUILESS_MAIN(TestServiceTags)
#include "tst_servicetags.moc"
