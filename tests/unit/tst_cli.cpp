// The amlfw command line, end to end: exit codes, messages in both languages, files.

#include "catalog.h"
#include "clirunner.h"
#include "editionfixture.h"
#include "rulesetfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace amlfw;
using namespace amlfw::test;

namespace {

// The text of a run, as the tests read it.
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QByteArray rawOut;
};

Run runCliText(const QStringList &arguments)
{
    const CliRun cli = runCli(withEdition2021(arguments));
    return {cli.exitCode, cli.outText(), cli.errText(), cli.out};
}

// diff names its editions with --from and --to: no --edition added.
Run runDiff(const QStringList &arguments)
{
    const CliRun cli = runCli(QStringList{QStringLiteral("diff")} + arguments);
    return {cli.exitCode, cli.outText(), cli.errText(), cli.out};
}

QStringList scenario(const QString &cloud = QStringLiteral("public"),
                     const QString &region = QStringLiteral("japaneast"))
{
    return {QStringLiteral("--cloud"), cloud, QStringLiteral("--region"), region, QStringLiteral("--storage"),
            QStringLiteral("mystore")};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QStringList exportJson(const QString &output)
{
    return QStringList{QStringLiteral("export")} + scenario()
           + QStringList{QStringLiteral("--features"), QStringLiteral("python"),   QStringLiteral("--format"),
                         QStringLiteral("json"),       QStringLiteral("--output"), output};
}

#ifdef Q_OS_UNIX
// The kind of file at path, without following a link: S_IFREG, S_IFIFO, S_IFCHR, S_IFLNK...
mode_t fileType(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & S_IFMT) : 0;
}
#endif

// A catalog file of a "2026-03" edition made from the 2021 file (editionfixture.h).
QString newerCatalog(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("newer.json"));
    return writeFile(path, newerEditionJson()) ? path : QString();
}

QJsonObject diffItem(const QJsonObject &root, const QString &group, const QString &destination,
                     const QString &protocol = {})
{
    for (const QJsonValue &v : root.value(group).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("destination")).toString() == destination
            && (protocol.isEmpty() || o.value(QStringLiteral("protocol")).toString() == protocol))
            return o;
    }
    return {};
}

QString writeProfile(const QTemporaryDir &dir, const QString &name, const QByteArray &json)
{
    const QString path = dir.filePath(name);
    return writeFile(path, json) ? path : QString();
}

bool hasJapanese(const QString &text)
{
    for (QChar c : text) {
        if ((c.unicode() >= 0x3040 && c.unicode() <= 0x30FF) || (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF))
            return true;
    }
    return false;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionAndHelp()
    {
        Run r = runCliText({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("amlfw " AMLFW_VERSION));
        r = runCliText({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Commands:")));
        r = runCliText({QStringLiteral("rules"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("--all-features")));
        r = runCliText({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("ja")});
        QVERIFY(r.out.contains(QStringLiteral("コマンド:")));
        r = runCliText({});
        QCOMPARE(r.exitCode, 2);
    }

    // A command's help names the command and no argument of its own.
    void commandHelpUsage()
    {
        const Run r = runCliText({QStringLiteral("rules"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: amlfw rules [options]\n")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("Arguments:")), qPrintable(r.out));
    }

    // Every problem of one run at once, in the order of the answers, each "amlfw: error: ".
    void allProblemsTogether()
    {
        const Run r = runCliText({QStringLiteral("rules"), QStringLiteral("--cloud"), QStringLiteral("public"),
                                  QStringLiteral("--region"), QStringLiteral("japaneest"), QStringLiteral("--storage"),
                                  QStringLiteral("MyStore"), QStringLiteral("--udr"), QStringLiteral("bgp"),
                                  QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(r.exitCode, 2);
        const QStringList lines = r.err.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 4);
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(QStringLiteral("amlfw: error: --")), qPrintable(r.err));
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("amlfw: error: --region: ")), qPrintable(r.err));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("amlfw: error: --storage: ")), qPrintable(r.err));
        QVERIFY2(lines.at(2).startsWith(QStringLiteral("amlfw: error: --features: ")), qPrintable(r.err));
        QVERIFY2(lines.at(3).startsWith(QStringLiteral("amlfw: error: --udr: ")), qPrintable(r.err));
    }

    // A bad answer read from a profile names the profile's field, not a flag the user never typed.
    void profileProblemNamesTheField()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QVERIFY(writeFile(path, "{\"edition\": \"2026-03\", \"cloud\": \"public\", \"region\": \"japaneast\", "
                                "\"storage\": \"Bad_Name\", \"features\": []}"));
        Run r = runCliText({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--lang"),
                            QStringLiteral("en")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("profile ") + path + QStringLiteral(", field \"storage\": ")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("--storage")), qPrintable(r.err));
        // The flag overrides the profile: then the flag is named.
        r = runCliText({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--storage"),
                        QStringLiteral("X"), QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("amlfw: error: --storage: ")), qPrintable(r.err));
    }

    // A profile's "lang" chooses the language of the output and of its own problems; --lang still wins.
    void profileLanguage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("workshop.json"));
        QVERIFY(writeFile(path, "{\"edition\": \"2026-03\", \"lang\": \"ja\", \"cloud\": \"public\", \"region\": \"japaneast\", "
                "\"storage\": \"mystore\", \"features\": []}"));
        Run r = runCliText({QStringLiteral("rules"), QStringLiteral("--profile"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("東日本")), qPrintable(r.out));
        r = runCliText({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--lang"),
                        QStringLiteral("en")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Japan East")) && !r.out.contains(QStringLiteral("東日本")),
                 qPrintable(r.out));
        // The profile's own problems come in its language too.
        r = runCliText({QStringLiteral("rules"), QStringLiteral("--profile=") + path, QStringLiteral("--storage"),
                        QStringLiteral("Bad_Name")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("エラー")), qPrintable(r.err));
    }

    // Done when: --all-features lists every rule of the article, placeholders replaced, each with its sources.
    void allFeaturesJson()
    {
        for (const QString &cloud : {QStringLiteral("public"), QStringLiteral("usgov"), QStringLiteral("china")}) {
            const QString region = cloud == u"public"  ? QStringLiteral("japaneast")
                                   : cloud == u"usgov" ? QStringLiteral("usgovvirginia")
                                                       : QStringLiteral("chinaeast2");
            const Run r = runCliText(
                QStringList{QStringLiteral("rules")} + scenario(cloud, region)
                + QStringList{QStringLiteral("--all-features"), QStringLiteral("--format"), QStringLiteral("json")});
            QCOMPARE(r.exitCode, 0);
            const QJsonObject root = QJsonDocument::fromJson(r.rawOut).object();
            const QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
            QCOMPARE(rules.size(), generateAll(cloud, region).rules.size());
            for (const QJsonValue &v : rules) {
                const QJsonObject rule = v.toObject();
                QVERIFY(!rule.value(QStringLiteral("destination")).toString().contains(u'<'));
                QVERIFY(!rule.value(QStringLiteral("sections")).toArray().isEmpty());
            }
        }
    }

    void minimalScenario()
    {
        const Run r = runCliText(
            QStringList{QStringLiteral("rules")} + scenario()
            + QStringList{QStringLiteral("--features"), QString(), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rules = QJsonDocument::fromJson(r.rawOut).object().value(QStringLiteral("rules")).toArray();
        QCOMPARE(rules.size(), 9);
        for (const QJsonValue &v : rules)
            QVERIFY(v.toObject().value(QStringLiteral("always")).toBool());
    }

    void formats()
    {
        const QStringList base = QStringList{QStringLiteral("rules")} + scenario()
                                 + QStringList{QStringLiteral("--features"), QStringLiteral("python")};
        Run r = runCliText(base);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Application rules")));
        r = runCliText(base
                       + QStringList{QStringLiteral("--format"), QStringLiteral("markdown"), QStringLiteral("--view"),
                                     QStringLiteral("all")});
        QVERIFY(r.out.startsWith(QStringLiteral("# ")));
        r = runCliText(base + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY(r.out.startsWith(QStringLiteral("ID,Direction,")));
        r = runCliText(base + QStringList{QStringLiteral("--lang"), QStringLiteral("ja")});
        QVERIFY(r.out.contains(QStringLiteral("アプリケーション規則")));
        QVERIFY(r.out.contains(QStringLiteral("東日本")));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("japanese");
        const QStringList rules{QStringLiteral("rules")};
        const QStringList python{QStringLiteral("--features"), QStringLiteral("python")};
        QTest::newRow("storage upper case")
            << rules + QStringList{QStringLiteral("--cloud"),   QStringLiteral("public"),    QStringLiteral("--region"),
                                   QStringLiteral("japaneast"), QStringLiteral("--storage"), QStringLiteral("MyStore")}
                   + python
            << QStringLiteral("upper-case letter \"M\"") << QStringLiteral("大文字「M」");
        QTest::newRow("storage too short")
            << rules + QStringList{QStringLiteral("--cloud"),   QStringLiteral("public"),    QStringLiteral("--region"),
                                   QStringLiteral("japaneast"), QStringLiteral("--storage"), QStringLiteral("ab")}
                   + python
            << QStringLiteral("too short") << QStringLiteral("短すぎます");
        QTest::newRow("unknown region") << rules + scenario(QStringLiteral("public"), QStringLiteral("japaneest"))
                                               + python
                                        << QStringLiteral("Did you mean \"japaneast\"")
                                        << QStringLiteral("「japaneast」ではありませんか");
        QTest::newRow("region of another cloud")
            << rules + scenario(QStringLiteral("usgov"), QStringLiteral("japaneast")) + python
            << QStringLiteral("belongs to Azure Public") << QStringLiteral("Azure Public のリージョン");
        QTest::newRow("unknown cloud") << rules + scenario(QStringLiteral("azure"), QStringLiteral("japaneast"))
                                              + python
                                       << QStringLiteral("Unknown cloud \"azure\"")
                                       << QStringLiteral("不明なクラウド「azure」");
        QTest::newRow("unknown feature") << rules + scenario()
                                                + QStringList{QStringLiteral("--features"), QStringLiteral("pyton")}
                                         << QStringLiteral("Did you mean \"python\"")
                                         << QStringLiteral("「python」ではありませんか");
        QTest::newRow("both feature flags")
            << rules + scenario() + python + QStringList{QStringLiteral("--all-features")} << QStringLiteral("not both")
            << QStringLiteral("どちらか一方");
        QTest::newRow("no features") << rules + scenario() << QStringLiteral("--all-features")
                                     << QStringLiteral("機能を選択");
        QTest::newRow("bad udr") << rules + scenario() + python
                                        + QStringList{QStringLiteral("--udr"), QStringLiteral("bgp")}
                                 << QStringLiteral("\"bgp\" is not a route method")
                                 << QStringLiteral("「bgp」はルートの方式");
        QTest::newRow("bad format") << rules + scenario() + python
                                           + QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
                                    << QStringLiteral("\"xml\" is not a format")
                                    << QStringLiteral("「xml」は「rules」の形式");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("rulez")}
                                         << QStringLiteral("unknown command \"rulez\"")
                                         << QStringLiteral("不明なコマンド「rulez」");
        QTest::newRow("unknown option") << rules + scenario() + python + QStringList{QStringLiteral("--colour")}
                                        << QStringLiteral("colour") << QStringLiteral("colour");
        QTest::newRow("export without output") << QStringList{QStringLiteral("export")} + scenario() + python
                                                      + QStringList{QStringLiteral("--format"), QStringLiteral("arm")}
                                               << QStringLiteral("--output FILE") << QStringLiteral("--output FILE");
        QTest::newRow("bad priority") << QStringList{QStringLiteral("export")} + scenario() + python
                                             + QStringList{QStringLiteral("--format"),
                                                           QStringLiteral("arm"),
                                                           QStringLiteral("-o"),
                                                           QStringLiteral("/tmp/x.json"),
                                                           QStringLiteral("--rcg-priority"),
                                                           QStringLiteral("99")}
                                      << QStringLiteral("out of range") << QStringLiteral("範囲外");
        QTest::newRow("bad source") << QStringList{QStringLiteral("export")} + scenario() + python
                                           + QStringList{QStringLiteral("--format"),
                                                         QStringLiteral("csv"),
                                                         QStringLiteral("-o"),
                                                         QStringLiteral("/tmp/x.csv"),
                                                         QStringLiteral("--source-addresses"),
                                                         QStringLiteral("10.0.0.0/99")}
                                    << QStringLiteral("not an IP address") << QStringLiteral("IP アドレスでも");
    }

    // Bad input: exit 2 and the reason on stderr, in the chosen language.
    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, english);
        QFETCH(QString, japanese);
        Run r = runCliText(arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(english), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        r = runCliText(arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(japanese), qPrintable(r.err));
        QVERIFY2(hasJapanese(r.err), qPrintable(r.err));
    }

    // --service-tags: the JSON holds the prefixes of AzureMachineLearning, Storage.<region> and the other
    // tags, and names the file; the az CLI's output works too.
    void serviceTagsInRulesJson()
    {
        for (const QString &file : {QStringLiteral("ServiceTags_Public_20261130.json"),
                                    QStringLiteral("az-list-service-tags-public.json")}) {
            const Run r = runCliText(QStringList{QStringLiteral("rules")} + scenario()
                                     + QStringList{QStringLiteral("--all-features"), QStringLiteral("--udr"),
                                                   QStringLiteral("ip-ranges"), QStringLiteral("--service-tags"),
                                                   testData(QStringLiteral("servicetags/") + file),
                                                   QStringLiteral("--format"), QStringLiteral("json")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
            const QJsonObject root = QJsonDocument::fromJson(r.rawOut).object();
            const QJsonObject tags = root.value(QStringLiteral("serviceTags")).toObject();
            QCOMPARE(tags.value(QStringLiteral("file")).toString(), file);
            QCOMPARE(tags.value(QStringLiteral("cloud")).toString(), QStringLiteral("Public"));
            QCOMPARE(tags.value(QStringLiteral("changeNumber")).toInteger(), 412);
            QCOMPARE(tags.contains(QStringLiteral("date")), file.startsWith(QStringLiteral("ServiceTags_")));
            QHash<QString, QStringList> prefixes;
            for (const QJsonValue &v : root.value(QStringLiteral("rules")).toArray()) {
                const QJsonObject rule = v.toObject();
                if (rule.contains(QStringLiteral("addressPrefixes")))
                    prefixes.insert(rule.value(QStringLiteral("destination")).toString(),
                                    rule.value(QStringLiteral("addressPrefixes")).toVariant().toStringList());
            }
            QCOMPARE(prefixes.value(QStringLiteral("AzureMachineLearning")),
                     (QStringList{QStringLiteral("192.0.2.24/30"), QStringLiteral("198.51.100.48/29"),
                                  QStringLiteral("203.0.113.6/32"), QStringLiteral("2001:db8:6::/48")}));
            QCOMPARE(prefixes.value(QStringLiteral("Storage.japaneast")),
                     (QStringList{QStringLiteral("192.0.2.68/30"), QStringLiteral("198.51.100.136/29"),
                                  QStringLiteral("203.0.113.17/32"), QStringLiteral("2001:db8:11::/48")}));
            for (const QString &tag : {QStringLiteral("AzureActiveDirectory"), QStringLiteral("AzureResourceManager"),
                                       QStringLiteral("BatchNodeManagement"), QStringLiteral("AzureFrontDoor.FrontEnd"),
                                       QStringLiteral("AzureMachineLearning.japaneast"),
                                       QStringLiteral("AzureMachineLearning.japanwest"),
                                       QStringLiteral("MicrosoftContainerRegistry.japaneast")})
                QVERIFY2(prefixes.value(tag).size() == 4, qPrintable(file + u' ' + tag));
        }
    }

    // A file of another cloud, a cut-off file and a file that is not JSON: exit 2 and the reason, in
    // the chosen language, nothing on stdout.
    void serviceTagsBadFile_data()
    {
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QByteArray>("content"); // empty: the Public fixture as it is
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("japanese");
        QTest::newRow("another cloud")
            << QStringLiteral("usgov") << QStringLiteral("usgovvirginia") << QByteArray()
            << QStringLiteral("error: ServiceTags_Public_20261130.json: this file lists the service tags of the cloud "
                              "\"Public\", but the rules are for Azure Government: download the file of that cloud")
            << QStringLiteral("このファイルはクラウド「Public」のサービス タグの一覧ですが、規則は Azure Government のものです");
        QFile f(testData(QStringLiteral("servicetags/ServiceTags_Public_20261130.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QTest::newRow("truncated") << QStringLiteral("public") << QStringLiteral("japaneast") << f.read(5000)
                                   << QStringLiteral("error: ServiceTags_Public_20261130.json: the file ends too early")
                                   << QStringLiteral("ファイルが途中で終わっています");
        QTest::newRow("not JSON") << QStringLiteral("public") << QStringLiteral("japaneast")
                                  << QByteArray("Change Number: 412\nCloud: Public\n")
                                  << QStringLiteral("this is not a service tags file: it is not JSON (line 1, column 1")
                                  << QStringLiteral("JSON ではありません");
        QTest::newRow("web page") << QStringLiteral("public") << QStringLiteral("japaneast")
                                  << QByteArray("<!DOCTYPE html><html lang=\"en\"><body>Download</body></html>")
                                  << QStringLiteral("this is a web page (HTML), not the service tags file")
                                  << QStringLiteral("Web ページ (HTML) です");
    }

    void serviceTagsBadFile()
    {
        QFETCH(QString, cloud);
        QFETCH(QString, region);
        QFETCH(QByteArray, content);
        QFETCH(QString, english);
        QFETCH(QString, japanese);
        QTemporaryDir dir;
        QString path = testData(QStringLiteral("servicetags/ServiceTags_Public_20261130.json"));
        if (!content.isEmpty()) {
            path = dir.filePath(QStringLiteral("ServiceTags_Public_20261130.json"));
            QVERIFY(writeFile(path, content));
        }
        const QString output = dir.filePath(QStringLiteral("rules.json"));
        for (const QString &command : {QStringLiteral("rules"), QStringLiteral("export")}) {
            const QStringList arguments = QStringList{command} + scenario(cloud, region)
                                          + QStringList{QStringLiteral("--all-features"), QStringLiteral("--udr"),
                                                        QStringLiteral("ip-ranges"), QStringLiteral("--service-tags"),
                                                        path, QStringLiteral("--format"), QStringLiteral("json")}
                                          + (command == u"export" ? QStringList{QStringLiteral("--output"), output}
                                                                  : QStringList());
            Run r = runCliText(arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(english), qPrintable(r.err));
            QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
            QVERIFY(!QFile::exists(output));
            r = runCliText(arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("ja")});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(japanese), qPrintable(r.err));
        }
    }

    // A tag the file lacks is a warning naming it; the rules are written all the same.
    void serviceTagsMissingTagWarns()
    {
        QTemporaryDir dir;
        QFile f(testData(QStringLiteral("servicetags/ServiceTags_Public_20261130.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QJsonArray kept;
        for (const QJsonValue &v : root.value(QStringLiteral("values")).toArray()) {
            if (v[QStringLiteral("name")].toString() != u"Storage.JapanEast")
                kept.append(v);
        }
        root.insert(QStringLiteral("values"), kept);
        const QString path = dir.filePath(QStringLiteral("ServiceTags_Public_20261130.json"));
        QVERIFY(writeFile(path, QJsonDocument(root).toJson()));
        const Run r = runCliText(QStringList{QStringLiteral("rules")} + scenario()
                                 + QStringList{QStringLiteral("--all-features"), QStringLiteral("--service-tags"), path,
                                               QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("amlfw: warning: ServiceTags_Public_20261130.json: the service tag "
                                               "Storage.japaneast is not in this file (change 412, 2026-11-30)")),
                 qPrintable(r.err));
        QCOMPARE(r.err.count(QStringLiteral("warning")), 1);
        const QJsonObject out = QJsonDocument::fromJson(r.rawOut).object();
        QCOMPARE(out.value(QStringLiteral("serviceTags"))[QStringLiteral("missingTags")].toArray(),
                 QJsonArray{QStringLiteral("Storage.japaneast")});
    }

    void badLanguage()
    {
        const Run r = runCliText({QStringLiteral("features"), QStringLiteral("--lang"), QStringLiteral("fr")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("\"fr\" is not a language")));
    }

    void warningsDoNotFail()
    {
        const Run r = runCliText(
            QStringList{QStringLiteral("rules")} + scenario(QStringLiteral("public"), QStringLiteral("francesouth"))
            + QStringList{QStringLiteral("--features"), QString(), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(QStringLiteral("warning")));
        QVERIFY(r.err.contains(QStringLiteral("not offered")));
        QCOMPARE(QJsonDocument::fromJson(r.rawOut).object().value(QStringLiteral("warnings")).toArray().size(), 1);
    }

    void exportFiles()
    {
        QTemporaryDir dir;
        const QStringList base
            = QStringList{QStringLiteral("export")} + scenario() + QStringList{QStringLiteral("--all-features")};
        Run r = runCliText(base
                           + QStringList{QStringLiteral("--format"), QStringLiteral("arm"), QStringLiteral("--output"),
                                         dir.filePath(QStringLiteral("t.json"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(QStringLiteral("wrote")));
        const QJsonObject tpl = QJsonDocument::fromJson(readFile(dir.filePath(QStringLiteral("t.json")))).object();
        QVERIFY(tpl.value(QStringLiteral("$schema"))
                    .toString()
                    .contains(QStringLiteral("2019-04-01/deploymentTemplate.json")));
        r = runCliText(base
                       + QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
                                     dir.filePath(QStringLiteral("t.csv"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(readFile(dir.filePath(QStringLiteral("t.csv")))
                    .startsWith("\xEF\xBB\xBF"
                                "ID,"));
        r = runCliText(base
                       + QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--no-bom"),
                                     QStringLiteral("-o"), dir.filePath(QStringLiteral("nobom.csv"))});
        QVERIFY(readFile(dir.filePath(QStringLiteral("nobom.csv"))).startsWith("ID,"));
        r = runCliText(base
                       + QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"),
                                     dir.filePath(QStringLiteral("r.json"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(readFile(dir.filePath(QStringLiteral("r.json"))))
                    .object()
                    .contains(QStringLiteral("rules")));
    }

    // Never a partial output file: a failed export leaves what was there untouched.
    void failedExportLeavesFilesAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("existing.json"));
        QVERIFY(writeFile(path, "previous content"));
        Run r = runCliText(QStringList{QStringLiteral("export")}
                           + scenario(QStringLiteral("public"), QStringLiteral("nowhere"))
                           + QStringList{QStringLiteral("--all-features"), QStringLiteral("--format"),
                                         QStringLiteral("arm"), QStringLiteral("-o"), path});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(readFile(path), QByteArray("previous content"));
        r = runCliText(QStringList{QStringLiteral("export")} + scenario()
                       + QStringList{QStringLiteral("--all-features"), QStringLiteral("--format"),
                                     QStringLiteral("arm"), QStringLiteral("-o"),
                                     dir.filePath(QStringLiteral("no/such/dir/t.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("does not exist")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("existing.json")});
    }

    void profiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QVERIFY(writeFile(path, "{\"cloud\": \"china\", \"region\": \"chinaeast2\", \"storage\": \"cnstore\", \"features\": "
                "[\"notebooks\"]}"));
        Run r = runCliText({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--format"),
                            QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject root = QJsonDocument::fromJson(r.rawOut).object();
        QCOMPARE(root.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("storage")).toString(),
                 QStringLiteral("cnstore"));
        QVERIFY(r.out.contains(QStringLiteral("cnstore.file.core.chinacloudapi.cn")));
        // Flags override the profile.
        r = runCliText({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--storage"),
                        QStringLiteral("other"), QStringLiteral("--features"), QString(), QStringLiteral("--format"),
                        QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        root = QJsonDocument::fromJson(r.rawOut).object();
        QCOMPARE(root.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("storage")).toString(),
                 QStringLiteral("other"));
        QCOMPARE(root.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("cloud")).toString(),
                 QStringLiteral("china"));
        QCOMPARE(root.value(QStringLiteral("rules")).toArray().size(), 9);
        // A corrupt profile: exit 2 naming the file.
        QVERIFY(writeFile(path, "{\"cloud\": [\"china\"]}"));
        r = runCliText({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--lang"),
                        QStringLiteral("ja")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(path + QStringLiteral(": cloud")) && r.err.contains(QStringLiteral("文字列")),
                 qPrintable(r.err));
    }

    void diffFormats()
    {
        QTemporaryDir dir;
        const QString newer = newerCatalog(dir);
        QVERIFY(!newer.isEmpty());
        const QStringList diff = QStringList{QStringLiteral("--to"), newer} + scenario()
                                 + QStringList{QStringLiteral("--features"),
                                               QStringLiteral("compute-instance,compute-cluster,user-managed-deps")};
        // JSON: editions, scenario, and the three arrays with before/after and sections of both editions.
        Run r = runDiff(diff + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.rawOut).object();
        QCOMPARE(root.value(QStringLiteral("from")).toObject().value(QStringLiteral("edition")).toString(),
                 QStringLiteral("2021-11"));
        QCOMPARE(root.value(QStringLiteral("from")).toObject().value(QStringLiteral("date")).toString(),
                 QStringLiteral("2021-11-05"));
        QCOMPARE(root.value(QStringLiteral("to")).toObject().value(QStringLiteral("date")).toString(),
                 QStringLiteral("2026-03-19"));
        QCOMPARE(root.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("region")).toString(),
                 QStringLiteral("japaneast"));
        const QJsonObject removed
            = diffItem(root, QStringLiteral("removed"), QStringLiteral("BatchNodeManagement"), QStringLiteral("TCP"));
        QCOMPARE(removed.value(QStringLiteral("direction")).toString(), QStringLiteral("inbound"));
        QCOMPARE(removed.value(QStringLiteral("ports")).toArray(), QJsonArray{QStringLiteral("29876-29877")});
        QCOMPARE(removed.value(QStringLiteral("rules")).toObject().value(QStringLiteral("from")).toString(),
                 QStringLiteral("internet-in-batch"));
        QVERIFY(removed.value(QStringLiteral("sections")).toObject().value(QStringLiteral("to")).toArray().isEmpty());
        const QJsonArray fromSections
            = removed.value(QStringLiteral("sections")).toObject().value(QStringLiteral("from")).toArray();
        QVERIFY(!fromSections.isEmpty());
        QVERIFY(!fromSections.first().toObject().value(QStringLiteral("title")).toString().isEmpty());
        const QJsonObject udp
            = diffItem(root, QStringLiteral("added"), QStringLiteral("AzureMachineLearning"), QStringLiteral("UDP"));
        QCOMPARE(udp.value(QStringLiteral("ports")).toArray(), QJsonArray{QStringLiteral("5831")});
        QCOMPARE(udp.value(QStringLiteral("direction")).toString(), QStringLiteral("outbound"));
        const QJsonObject aml
            = diffItem(root, QStringLiteral("changed"), QStringLiteral("AzureMachineLearning"), QStringLiteral("TCP"));
        QCOMPARE(aml.value(QStringLiteral("fields")).toArray(), QJsonArray{QStringLiteral("ports")});
        QCOMPARE(aml.value(QStringLiteral("before")).toObject().value(QStringLiteral("ports")).toArray(),
                 QJsonArray{QStringLiteral("443")});
        QCOMPARE(aml.value(QStringLiteral("after")).toObject().value(QStringLiteral("ports")).toArray().size(), 3);
        QVERIFY(!aml.value(QStringLiteral("sections")).toObject().value(QStringLiteral("to")).toArray().isEmpty());
        const QJsonObject mcr = diffItem(root, QStringLiteral("changed"), QStringLiteral("MicrosoftContainerRegistry"));
        QCOMPARE(mcr.value(QStringLiteral("fields")).toArray(),
                 (QJsonArray{QStringLiteral("destination"), QStringLiteral("condition")}));
        QCOMPARE(mcr.value(QStringLiteral("before")).toObject().value(QStringLiteral("destination")).toString(),
                 QStringLiteral("MicrosoftContainerRegistry.japaneast"));
        QCOMPARE(mcr.value(QStringLiteral("after")).toObject().value(QStringLiteral("condition")).toString(),
                 QStringLiteral("always"));

        // Table: grouped with counts, "before → after" per field, in both languages.
        r = runDiff(diff + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Added (1)")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Removed (1)")));
        QVERIFY(r.out.contains(QStringLiteral("Changed (2)")));
        QVERIFY(r.out.contains(QStringLiteral("ports: 443 → 443, 8787, 18881")));
        QVERIFY(r.out.contains(QStringLiteral("condition: user-managed-deps → always")));
        QVERIFY(r.out.contains(QStringLiteral("29876-29877")));
        r = runDiff(diff + QStringList{QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("追加 (1)")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("削除 (1)")));
        QVERIFY(r.out.contains(QStringLiteral("変更 (2)")));
        QVERIFY(r.out.contains(QStringLiteral("ポート: 443 → 443、8787、18881")));
        QVERIFY(r.out.contains(QStringLiteral("東日本")));

        // Markdown: a table per group.
        r = runDiff(diff + QStringList{QStringLiteral("--format"), QStringLiteral("markdown")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("## Removed (1)")));
        QVERIFY(r.out.contains(QStringLiteral("| Outbound | AzureMachineLearning | UDP | 5831 |")));

        // CSV into a file, atomically, with the BOM; every row has every column.
        const QString csv = dir.filePath(QStringLiteral("diff.csv"));
        r = runDiff(diff
                    + QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), csv});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        const QByteArray data = readFile(csv);
        QVERIFY(data.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(data.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 1 + 1 + 2);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("Change,Direction,Destination,Protocol,Ports")));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("Added,Outbound,AzureMachineLearning,UDP,5831")),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.contains(
            QStringLiteral("Changed,Outbound,AzureMachineLearning,TCP,\"443, 8787, 18881\",always,ports,ports: 443,"
                           "\"ports: 443, 8787, 18881\",internet-out-aml,internet-out-aml,"
                           "Required public internet access / Azure Firewall: outbound configuration,"
                           "Required public internet access / Azure Firewall: outbound configuration")));
    }

    void diffMapsFeaturesOfTheOtherEdition()
    {
        // The newer catalog lacks "user-managed-deps" and maps it to "custom-images"; "all features" are
        // each edition's own.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.json"));
        QFile f(newerCatalog(dir));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonArray features;
        for (const QJsonValue &v : root.value(QStringLiteral("features")).toArray()) {
            if (v.toObject().value(QStringLiteral("id")).toString() != u"user-managed-deps")
                features << v;
        }
        root.insert(QStringLiteral("features"), features);
        QJsonArray rules;
        for (const QJsonValue &v : root.value(QStringLiteral("rules")).toArray()) {
            QJsonObject rule = v.toObject();
            const QString when = rule.value(QStringLiteral("when")).toString();
            if (!when.isEmpty())
                rule.insert(QStringLiteral("when"), QString(when).replace(QStringLiteral("user-managed-deps"),
                                                                          QStringLiteral("custom-images")));
            rules << rule;
        }
        root.insert(QStringLiteral("rules"), rules);
        root.insert(
            QStringLiteral("featureMap"),
            QJsonObject{{QStringLiteral("user-managed-deps"),
                         QJsonObject{{QStringLiteral("nearest"), QJsonArray{QStringLiteral("custom-images")}}}}});
        QVERIFY(writeFile(path, QJsonDocument(root).toJson()));
        Run r = runDiff(QStringList{QStringLiteral("--to"), path} + scenario()
                        + QStringList{QStringLiteral("--features"), QStringLiteral("user-managed-deps"),
                                      QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject out = QJsonDocument::fromJson(r.rawOut).object();
        QCOMPARE(out.value(QStringLiteral("from")).toObject().value(QStringLiteral("features")).toArray(),
                 QJsonArray{QStringLiteral("user-managed-deps")});
        QCOMPARE(out.value(QStringLiteral("to")).toObject().value(QStringLiteral("features")).toArray(),
                 QJsonArray{QStringLiteral("custom-images")});
        r = runDiff(
            QStringList{QStringLiteral("--to"), path} + scenario()
            + QStringList{QStringLiteral("--all-features"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        out = QJsonDocument::fromJson(r.rawOut).object();
        QVERIFY(out.value(QStringLiteral("from"))
                    .toObject()
                    .value(QStringLiteral("features"))
                    .toArray()
                    .contains(QStringLiteral("user-managed-deps")));
        QVERIFY(!out.value(QStringLiteral("to"))
                     .toObject()
                     .value(QStringLiteral("features"))
                     .toArray()
                     .contains(QStringLiteral("user-managed-deps")));
    }

    // The built-in editions, for a scenario with compute: the 2026 features, and the nearest that the
    // 2021 ids give (compute without "compute-public-ip").
    void diffOfTheBuiltInEditions_data()
    {
        QTest::addColumn<QString>("features");
        QTest::newRow("2026 features") << QStringLiteral("compute-instance,compute-cluster,compute-public-ip");
        QTest::newRow("2021 features") << QStringLiteral("compute-instance,compute-cluster");
    }

    void diffOfTheBuiltInEditions()
    {
        QFETCH(QString, features);
        const QStringList diff = QStringList{QStringLiteral("--from"), QStringLiteral("2021-11"),
                                             QStringLiteral("--to"), QStringLiteral("2026-03")}
                                 + scenario() + QStringList{QStringLiteral("--features"), features};
        const Run json = runDiff(diff + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(json.rawOut).object();
        QCOMPARE(root.value(QStringLiteral("to")).toObject().value(QStringLiteral("date")).toString(),
                 QStringLiteral("2026-03-19"));
        const QJsonObject batchIn
            = diffItem(root, QStringLiteral("removed"), QStringLiteral("BatchNodeManagement"), QStringLiteral("TCP"));
        QCOMPARE(batchIn.value(QStringLiteral("direction")).toString(), QStringLiteral("inbound"));
        QCOMPARE(batchIn.value(QStringLiteral("ports")).toArray(), QJsonArray{QStringLiteral("29876-29877")});
        const QJsonObject udp
            = diffItem(root, QStringLiteral("added"), QStringLiteral("AzureMachineLearning"), QStringLiteral("UDP"));
        QCOMPARE(udp.value(QStringLiteral("ports")).toArray(), QJsonArray{QStringLiteral("5831")});
        const QJsonObject batchOut = diffItem(root, QStringLiteral("added"),
                                              QStringLiteral("BatchNodeManagement.japaneast"), QStringLiteral("TCP"));
        QCOMPARE(batchOut.value(QStringLiteral("direction")).toString(), QStringLiteral("outbound"));
        QCOMPARE(batchOut.value(QStringLiteral("ports")).toArray(), QJsonArray{QStringLiteral("443")});
        QVERIFY(!diffItem(root, QStringLiteral("added"), QStringLiteral("AzureFrontDoor.FirstParty")).isEmpty());
        // Every item names the sections of the edition(s) it is in.
        QVERIFY(!udp.value(QStringLiteral("sections")).toObject().value(QStringLiteral("to")).toArray().isEmpty());

        // The same in the table, in English and Japanese: the rows under their group.
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("ja")}) {
            const Run r = runDiff(diff + QStringList{QStringLiteral("--lang"), lang});
            QCOMPARE(r.exitCode, 0);
            const bool ja = lang == u"ja";
            // Groups are separated by an empty line; each starts with its title and count.
            QString added;
            QString removed;
            for (const QString &group : r.out.split(QStringLiteral("\n\n"))) {
                if (group.startsWith(ja ? QStringLiteral("追加 (") : QStringLiteral("Added (")))
                    added = group;
                if (group.startsWith(ja ? QStringLiteral("削除 (") : QStringLiteral("Removed (")))
                    removed = group;
            }
            const QString inbound = ja ? QStringLiteral("受信") : QStringLiteral("Inbound");
            const QString outbound = ja ? QStringLiteral("送信") : QStringLiteral("Outbound");
            const QRegularExpression batchRemoved(inbound + QStringLiteral(" +BatchNodeManagement +TCP +29876-29877"));
            QVERIFY2(batchRemoved.match(removed).hasMatch(), qPrintable(r.out));
            const QStringList addedRows{QString(outbound + QStringLiteral(" +AzureMachineLearning +UDP +5831")),
                                        QString(outbound + QStringLiteral(" +BatchNodeManagement\\.japaneast +TCP +443")),
                                        QString(outbound + QStringLiteral(" +AzureFrontDoor\\.FirstParty +TCP +443"))};
            for (const QString &row : addedRows)
                QVERIFY2(QRegularExpression(row).match(added).hasMatch(), qPrintable(row + u'\n' + r.out));
            if (ja)
                QVERIFY(r.out.contains(QStringLiteral("東日本")));
        }
    }

    void diffHelpNamesItsOptions()
    {
        const CliRun r = runCli({QStringLiteral("diff"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *option : {"--from", "--to", "--format", "--output", "--features", "--network", "--profile"})
            QVERIFY2(r.outText().contains(QLatin1String(option)), option);
        // The editions are named by --from and --to only.
        QVERIFY(!r.outText().contains(QStringLiteral("--edition")));
        QVERIFY(!r.outText().contains(QStringLiteral("--catalog")));
    }

    void diffOfTheSameEditionIsEmpty()
    {
        const Run r = runDiff(
            QStringList{QStringLiteral("--to"), QStringLiteral("2021-11")} + scenario()
            + QStringList{QStringLiteral("--all-features"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.rawOut).object();
        QVERIFY(root.value(QStringLiteral("added")).toArray().isEmpty());
        QVERIFY(root.value(QStringLiteral("removed")).toArray().isEmpty());
        QVERIFY(root.value(QStringLiteral("changed")).toArray().isEmpty());
        QVERIFY(root.value(QStringLiteral("summary")).toObject().value(QStringLiteral("unchanged")).toInt() > 20);
    }

    void diffBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("japanese");
        const QStringList diff = QStringList{QStringLiteral("diff")} + scenario()
                                 + QStringList{QStringLiteral("--features"), QStringLiteral("python")};
        QTest::newRow("unknown edition") << diff + QStringList{QStringLiteral("--from"), QStringLiteral("2019-01")}
                                         << QStringLiteral("\"2019-01\" is not an edition")
                                         << QStringLiteral("「2019-01」は版");
        QTest::newRow("format") << diff + QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
                                << QStringLiteral("\"xml\" is not a format of \"diff\"")
                                << QStringLiteral("「xml」は「diff」の形式");
        QTest::newRow("--edition") << diff + QStringList{QStringLiteral("--edition"), QStringLiteral("2021-11")}
                                   << QStringLiteral("--from and --to") << QStringLiteral("--from と --to");
        QTest::newRow("managed network on 2021-11")
            << diff + QStringList{QStringLiteral("--network"), QStringLiteral("managed")}
            << QStringLiteral("the 2021-11 edition knows no managed virtual network")
            << QStringLiteral("2021-11 版にはマネージド仮想ネットワークがありません");
        QTest::newRow("no features") << QStringList{QStringLiteral("diff")} + scenario()
                                     << QStringLiteral("--all-features") << QStringLiteral("機能を選択");
        QTest::newRow("bad registry") << diff + QStringList{QStringLiteral("--acr"), QStringLiteral("a-b")}
                                      << QStringLiteral("5 to 50 letters and digits")
                                      << QStringLiteral("英数字 5 ～ 50 文字");
    }

    // diff's bad input: exit 2, the reason in the chosen language, nothing on stdout. (runCli, not
    // runCliText: diff takes no --edition.)
    void diffBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, english);
        QFETCH(QString, japanese);
        for (const auto &[lang, expected] :
             {std::pair{QStringLiteral("en"), english}, std::pair{QStringLiteral("ja"), japanese}}) {
            const CliRun r = runCli(arguments + QStringList{QStringLiteral("--lang"), lang});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.errText().contains(expected), qPrintable(r.errText()));
            QVERIFY(r.out.isEmpty());
        }
    }

    void editionOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("japanese");
        const QStringList rules = QStringList{QStringLiteral("rules")} + scenario()
                                  + QStringList{QStringLiteral("--features"), QStringLiteral("python")};
        const QString catalog2021 = Catalog::builtInPath(QStringLiteral("2021-11"));
        QTest::newRow("unknown edition") << rules + QStringList{QStringLiteral("--edition"), QStringLiteral("2019-01")}
                                         << QStringLiteral("\"2019-01\" is not an edition")
                                         << QStringLiteral("「2019-01」は版ではありません");
        QTest::newRow("catalog of another edition")
            << rules
                   + QStringList{QStringLiteral("--edition"), QStringLiteral("2026-03"), QStringLiteral("--catalog"),
                                 catalog2021}
            << QStringLiteral("is the 2021-11 edition, not 2026-03") << QStringLiteral("2026-03 版ではなく 2021-11 版");
        QTest::newRow("registry name") << rules
                                              + QStringList{QStringLiteral("--edition"), QStringLiteral("2026-03"),
                                                            QStringLiteral("--acr"), QStringLiteral("my-acr")}
                                       << QStringLiteral("--acr: The container registry name \"my-acr\" is not valid")
                                       << QStringLiteral("--acr: コンテナー レジストリ名「my-acr」は正しくありません");
        QTest::newRow("registry too short")
            << rules
                   + QStringList{QStringLiteral("--edition"), QStringLiteral("2026-03"), QStringLiteral("--acr"),
                                 QStringLiteral("acr")}
            << QStringLiteral("5 to 50 letters and digits") << QStringLiteral("英数字 5 ～ 50 文字");
        QTest::newRow("workspace id") << rules
                                             + QStringList{QStringLiteral("--edition"), QStringLiteral("2026-03"),
                                                           QStringLiteral("--workspace-id"), QStringLiteral("xyz")}
                                      << QStringLiteral("--workspace-id: The workspace ID \"xyz\" is not valid")
                                      << QStringLiteral("--workspace-id: ワークスペース ID「xyz」は正しくありません");
        QTest::newRow("managed network on 2021-11")
            << rules
                   + QStringList{QStringLiteral("--edition"), QStringLiteral("2021-11"), QStringLiteral("--network"),
                                 QStringLiteral("managed")}
            << QStringLiteral("The 2021-11 edition knows no managed virtual network")
            << QStringLiteral("2021-11 版にはマネージド仮想ネットワークがありません");
        QTest::newRow("bad network") << rules + QStringList{QStringLiteral("--network"), QStringLiteral("hub")}
                                     << QStringLiteral("\"hub\" is not a network") << QStringLiteral("「hub」");
    }

    // The options of the editions: exit 2 and the reason in both languages.
    void editionOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, english);
        QFETCH(QString, japanese);
        for (const auto &[lang, expected] :
             {std::pair{QStringLiteral("en"), english}, std::pair{QStringLiteral("ja"), japanese}}) {
            const CliRun r = runCli(arguments + QStringList{QStringLiteral("--lang"), lang});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.errText().contains(expected), qPrintable(r.errText()));
            QVERIFY(r.out.isEmpty());
        }
    }

    void validRegistryAndWorkspaceIdFillPlaceholders()
    {
        const QString guid = QStringLiteral("0a1b2c3d-4e5f-6789-abcd-ef0123456789");
        const CliRun r = runCli(
            QStringList{QStringLiteral("rules"), QStringLiteral("--edition"), QStringLiteral("2026-03")} + scenario()
            + QStringList{QStringLiteral("--all-features"), QStringLiteral("--acr"), QStringLiteral("myacr01"),
                          QStringLiteral("--workspace-id"), guid, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("catalog")).toObject().value(QStringLiteral("edition")).toString(),
                 QStringLiteral("2026-03"));
        // Every destination filled in (the templates keep their placeholders), none unanswered.
        int filled = 0;
        for (const QJsonValue &v : r.json().value(QStringLiteral("rules")).toArray()) {
            const QJsonObject rule = v.toObject();
            const QString destination = rule.value(QStringLiteral("destination")).toString();
            QVERIFY2(!destination.contains(u'<'), qPrintable(destination));
            QVERIFY2(rule.value(QStringLiteral("unanswered")).toArray().isEmpty(), qPrintable(destination));
            const QString tpl = rule.value(QStringLiteral("destinationTemplate")).toString();
            if (tpl.contains(QStringLiteral("<acr>")) || tpl.contains(QStringLiteral("<workspace-id>"))) {
                ++filled;
                QVERIFY2(destination.startsWith(QStringLiteral("myacr01.")) || destination.startsWith(guid),
                         qPrintable(destination));
            }
        }
        QVERIFY(filled >= 3);
    }

    void profileWithoutEditionIsFor2021()
    {
        QTemporaryDir dir;
        const QString path = writeProfile(dir, QStringLiteral("old.json"),
                                          "{\"cloud\": \"public\", \"region\": \"japaneast\", \"storage\": "
                                          "\"mystore\", \"features\": [\"python\"]}");
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("ja")}) {
            const CliRun r
                = runCli({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--format"),
                          QStringLiteral("json"), QStringLiteral("--lang"), lang});
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.json().value(QStringLiteral("catalog")).toObject().value(QStringLiteral("edition")).toString(),
                     QStringLiteral("2021-11"));
            const QString note
                = lang == u"en" ? QStringLiteral("names no edition") : QStringLiteral("版の指定がありません");
            QVERIFY2(r.errText().contains(note), qPrintable(r.errText()));
            QCOMPARE(r.errText().count(path), 1); // the note once
        }
        // --edition overrides it, and the note is still said once.
        const CliRun r
            = runCli({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--edition"),
                      QStringLiteral("2026-03"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("catalog")).toObject().value(QStringLiteral("edition")).toString(),
                 QStringLiteral("2026-03"));
        QCOMPARE(r.errText().count(path), 1);
    }

    void profileWithEdition()
    {
        QTemporaryDir dir;
        const QString path = writeProfile(dir, QStringLiteral("new.json"),
                                          "{\"edition\": \"2026-03\", \"cloud\": \"public\", \"region\": "
                                          "\"japaneast\", \"storage\": \"mystore\", \"features\": [\"python\"], "
                                          "\"acr\": \"myacr01\"}");
        const CliRun r = runCli({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--format"),
                                 QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("catalog")).toObject().value(QStringLiteral("edition")).toString(),
                 QStringLiteral("2026-03"));
        QVERIFY2(!r.errText().contains(QStringLiteral("names no edition")), qPrintable(r.errText()));
        // An unknown edition in a profile is refused like the flag.
        const QString bad
            = writeProfile(dir, QStringLiteral("bad.json"), "{\"edition\": \"2019-01\", \"cloud\": \"public\"}");
        const CliRun b = runCli({QStringLiteral("rules"), QStringLiteral("--profile"), bad,
                                 QStringLiteral("--features"), QStringLiteral("python"), QStringLiteral("--region"),
                                 QStringLiteral("japaneast"), QStringLiteral("--storage"), QStringLiteral("mystore")});
        QCOMPARE(b.exitCode, 2);
        QVERIFY2(b.errText().contains(QStringLiteral("2019-01")), qPrintable(b.errText()));
    }

    void hostileCatalog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cat.json"));
        QByteArray json = readFile(sourceDir() + QStringLiteral("/resources/catalog/amlfw-catalog-2021-11.json"));
        QVERIFY(!json.isEmpty());
        json.replace("\"ports\": [\"443\", \"445\"]", "\"ports\": [\"443\", \"445x\"]");
        QVERIFY(writeFile(path, json));
        const Run r = runCliText(QStringList{QStringLiteral("rules"), QStringLiteral("--catalog"), path} + scenario()
                                 + QStringList{QStringLiteral("--all-features")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral(".ports[1]")) && r.err.contains(QStringLiteral("\"445x\"")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void featuresAndRegions()
    {
        Run r = runCliText({QStringLiteral("features")});
        QCOMPARE(r.exitCode, 0);
        for (const QString &id : builtInCatalog().featureIds())
            QVERIFY2(r.out.contains(id), qPrintable(id));
        r = runCliText({QStringLiteral("features"), QStringLiteral("--lang"), QStringLiteral("ja")});
        QVERIFY(r.out.contains(QStringLiteral("統合されたノートブック")));
        r = runCliText({QStringLiteral("regions"), QStringLiteral("--cloud"), QStringLiteral("usgov"),
                        QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("米国バージニア")));
        QCOMPARE(r.out.trimmed().split(u'\n').size(), 1 + 5);
        r = runCliText({QStringLiteral("regions")});
        QCOMPARE(r.exitCode, 2);
    }

    // "amlfw --help" lists every command of the table with its description.
    void helpListsEveryCommand()
    {
        const Run r = runCliText({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const QString &line :
             {QStringLiteral("  rules     Show the rules a scenario needs."),
              QStringLiteral("  export    Write the change as a template, script, workbook or list (see --format)."),
              QStringLiteral("  features  List the feature ids."),
              QStringLiteral("  regions   List the regions of a cloud."),
              QStringLiteral("  check     Test every endpoint live")})
            QVERIFY2(r.out.contains(line), qPrintable(line));
        const Run help = runCliText({QStringLiteral("export"), QStringLiteral("--help")});
        QVERIFY(help.out.contains(QStringLiteral("named pipe")));
    }

    // A path holding "%1" and "%2" is reported as it is, with the rule count where it belongs.
    void percentInOutputPath()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x%1%2.json"));
        const Run r = runCliText(exportJson(path));
        QCOMPARE(r.exitCode, 0);
        const int rules
            = int(QJsonDocument::fromJson(readFile(path)).object().value(QStringLiteral("rules")).toArray().size());
        QVERIFY(rules > 0);
        QVERIFY2(r.err.contains(QStringLiteral("wrote %1 (%2 rules).").arg(path, QString::number(rules))),
                 qPrintable(r.err));
        // A user's value before a number in a message.
        const Run bad = runCliText(QStringList{QStringLiteral("check")} + scenario()
                                   + QStringList{QStringLiteral("--features"), QString(),
                                                 QStringLiteral("--concurrency"), QStringLiteral("%1x")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("\"%1x\" is neither auto nor a number from 1 to ")),
                 qPrintable(bad.err));
        const Run timeout = runCliText(QStringList{QStringLiteral("check")} + scenario()
                                       + QStringList{QStringLiteral("--features"), QString(),
                                                     QStringLiteral("--timeout-ms"), QStringLiteral("%1")});
        QCOMPARE(timeout.exitCode, 2);
        QVERIFY2(timeout.err.contains(QStringLiteral("\"%1\" is not a timeout: give milliseconds from ")),
                 qPrintable(timeout.err));
        const QString storage = QStringLiteral("%1") + QString(30, u'a');
        const Run longName
            = runCliText({QStringLiteral("rules"), QStringLiteral("--cloud"), QStringLiteral("public"),
                          QStringLiteral("--region"), QStringLiteral("japaneast"), QStringLiteral("--storage"), storage,
                          QStringLiteral("--features"), QString()});
        QCOMPARE(longName.exitCode, 2);
        QVERIFY2(longName.err.contains(QStringLiteral("\"%1\" is too long (32 characters)").arg(storage)),
                 qPrintable(longName.err));
    }

#ifdef Q_OS_UNIX
    // A named pipe is written into, not replaced by a file.
    void outputToFifo()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QProcess reader;
        reader.start(QStringLiteral("cat"), {fifo});
        QVERIFY(reader.waitForStarted());
        const Run r = runCliText(exportJson(fifo));
        const bool readerDone = reader.state() == QProcess::NotRunning || reader.waitForFinished(30000);
        if (!readerDone)
            reader.kill(); // the pipe was never opened for writing
        QCOMPARE(r.exitCode, 0);
        QVERIFY(readerDone);
        QVERIFY(QJsonDocument::fromJson(reader.readAllStandardOutput()).object().contains(QStringLiteral("rules")));
        QCOMPARE(fileType(fifo), mode_t(S_IFIFO));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("pipe")});
    }

    // A device is written to where it is: /dev/null stays the device.
    void outputToDevNull()
    {
        QCOMPARE(fileType(QStringLiteral("/dev/null")), mode_t(S_IFCHR));
        const Run r = runCliText(exportJson(QStringLiteral("/dev/null")));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(fileType(QStringLiteral("/dev/null")), mode_t(S_IFCHR));
    }

    // A full disk says so, in the user's language, and the device stays.
    void diskFull()
    {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full here");
        QCOMPARE(fileType(QStringLiteral("/dev/full")), mode_t(S_IFCHR));
        Run r = runCliText(exportJson(QStringLiteral("/dev/full"))
                           + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no space left on the device")), qPrintable(r.err));
        r = runCliText(exportJson(QStringLiteral("/dev/full"))
                       + QStringList{QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("空き容量がありません")), qPrintable(r.err));
        QCOMPARE(fileType(QStringLiteral("/dev/full")), mode_t(S_IFCHR));
    }

    // A symbolic link stays a link; its target gets the new content. Also when the target is new.
    void outputThroughSymlink()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("target.json"));
        QVERIFY(writeFile(target, "old"));
        const QString link = dir.filePath(QStringLiteral("link.json"));
        QVERIFY(QFile::link(target, link));
        Run r = runCliText(exportJson(link));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(fileType(link), mode_t(S_IFLNK));
        QCOMPARE(QFileInfo(link).symLinkTarget(), target);
        QVERIFY(QJsonDocument::fromJson(readFile(target)).object().contains(QStringLiteral("rules")));

        const QString dangling = dir.filePath(QStringLiteral("dangling.json"));
        const QString newTarget = dir.filePath(QStringLiteral("new.json"));
        QVERIFY(QFile::link(newTarget, dangling));
        r = runCliText(exportJson(dangling));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(fileType(dangling), mode_t(S_IFLNK));
        QCOMPARE(fileType(newTarget), mode_t(S_IFREG));
        QVERIFY(QJsonDocument::fromJson(readFile(newTarget)).object().contains(QStringLiteral("rules")));
    }
#endif

    // An output folder that does not exist, or a folder as the output: bad input before any work.
    void unusableOutput()
    {
        QTemporaryDir dir;
        Run r = runCliText(exportJson(dir.path()));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("it is a folder")), qPrintable(r.err));
        r = runCliText(exportJson(dir.filePath(QStringLiteral("missing/r.json"))));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
