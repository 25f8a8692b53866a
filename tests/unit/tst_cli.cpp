// The amlfw command line, end to end: exit codes, messages in both languages, files.

#include "rulesetfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace amlfw;
using namespace amlfw::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QByteArray rawOut;
};

Run runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(requiredEnvironment("AMLFW_CLI"), arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        // A failed check in the caller (exit code -1), not an abort of the whole test program.
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("amlfw did not finish within 60 s");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.rawOut = process.readAllStandardOutput();
    run.out = QString::fromUtf8(run.rawOut);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QStringList scenario(const QString &cloud = QStringLiteral("public"), const QString &region = QStringLiteral("japaneast"))
{
    return {QStringLiteral("--cloud"), cloud, QStringLiteral("--region"), region, QStringLiteral("--storage"), QStringLiteral("mystore")};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
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
        Run r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("amlfw " AMLFW_VERSION));
        r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Commands:")));
        r = runCli({QStringLiteral("rules"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("--all-features")));
        r = runCli({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("ja")});
        QVERIFY(r.out.contains(QStringLiteral("コマンド:")));
        r = runCli({});
        QCOMPARE(r.exitCode, 2);
    }

    // Done when: --all-features lists every rule of the article, placeholders replaced, each with its sources.
    void allFeaturesJson()
    {
        for (const QString &cloud : {QStringLiteral("public"), QStringLiteral("usgov"), QStringLiteral("china")}) {
            const QString region = cloud == u"public" ? QStringLiteral("japaneast")
                                   : cloud == u"usgov" ? QStringLiteral("usgovvirginia") : QStringLiteral("chinaeast2");
            const Run r = runCli(QStringList{QStringLiteral("rules")} + scenario(cloud, region)
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
        const Run r = runCli(QStringList{QStringLiteral("rules")} + scenario()
                            + QStringList{QStringLiteral("--features"), QString(), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rules = QJsonDocument::fromJson(r.rawOut).object().value(QStringLiteral("rules")).toArray();
        QCOMPARE(rules.size(), 9);
        for (const QJsonValue &v : rules)
            QVERIFY(v.toObject().value(QStringLiteral("always")).toBool());
    }

    void formats()
    {
        const QStringList base = QStringList{QStringLiteral("rules")} + scenario() + QStringList{QStringLiteral("--features"), QStringLiteral("python")};
        Run r = runCli(base);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Application rules")));
        r = runCli(base + QStringList{QStringLiteral("--format"), QStringLiteral("markdown"), QStringLiteral("--view"), QStringLiteral("all")});
        QVERIFY(r.out.startsWith(QStringLiteral("# ")));
        r = runCli(base + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY(r.out.startsWith(QStringLiteral("ID,Direction,")));
        r = runCli(base + QStringList{QStringLiteral("--lang"), QStringLiteral("ja")});
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
        QTest::newRow("storage upper case") << rules + QStringList{QStringLiteral("--cloud"), QStringLiteral("public"), QStringLiteral("--region"),
                                                                   QStringLiteral("japaneast"), QStringLiteral("--storage"), QStringLiteral("MyStore")} + python
                                            << QStringLiteral("upper-case letter \"M\"") << QStringLiteral("大文字「M」");
        QTest::newRow("storage too short") << rules + QStringList{QStringLiteral("--cloud"), QStringLiteral("public"), QStringLiteral("--region"),
                                                                  QStringLiteral("japaneast"), QStringLiteral("--storage"), QStringLiteral("ab")} + python
                                           << QStringLiteral("too short") << QStringLiteral("短すぎます");
        QTest::newRow("unknown region") << rules + scenario(QStringLiteral("public"), QStringLiteral("japaneest")) + python
                                        << QStringLiteral("Did you mean \"japaneast\"") << QStringLiteral("「japaneast」ではありませんか");
        QTest::newRow("region of another cloud") << rules + scenario(QStringLiteral("usgov"), QStringLiteral("japaneast")) + python
                                                 << QStringLiteral("belongs to Azure Public") << QStringLiteral("Azure Public のリージョン");
        QTest::newRow("unknown cloud") << rules + scenario(QStringLiteral("azure"), QStringLiteral("japaneast")) + python
                                       << QStringLiteral("Unknown cloud \"azure\"") << QStringLiteral("不明なクラウド「azure」");
        QTest::newRow("unknown feature") << rules + scenario() + QStringList{QStringLiteral("--features"), QStringLiteral("pyton")}
                                         << QStringLiteral("Did you mean \"python\"") << QStringLiteral("「python」ではありませんか");
        QTest::newRow("both feature flags") << rules + scenario() + python + QStringList{QStringLiteral("--all-features")}
                                            << QStringLiteral("not both") << QStringLiteral("どちらか一方");
        QTest::newRow("no features") << rules + scenario() << QStringLiteral("--all-features") << QStringLiteral("機能を選択");
        QTest::newRow("bad udr") << rules + scenario() + python + QStringList{QStringLiteral("--udr"), QStringLiteral("bgp")}
                                 << QStringLiteral("\"bgp\" is not a route method") << QStringLiteral("「bgp」はルートの方式");
        QTest::newRow("bad format") << rules + scenario() + python + QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
                                    << QStringLiteral("\"xml\" is not a format") << QStringLiteral("「xml」は「rules」の形式");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("rulez")} << QStringLiteral("unknown command \"rulez\"")
                                         << QStringLiteral("不明なコマンド「rulez」");
        QTest::newRow("unknown option") << rules + scenario() + python + QStringList{QStringLiteral("--colour")}
                                        << QStringLiteral("colour") << QStringLiteral("colour");
        QTest::newRow("export without output") << QStringList{QStringLiteral("export")} + scenario() + python
                                                      + QStringList{QStringLiteral("--format"), QStringLiteral("arm")}
                                               << QStringLiteral("--output FILE") << QStringLiteral("--output FILE");
        QTest::newRow("bad priority") << QStringList{QStringLiteral("export")} + scenario() + python
                                             + QStringList{QStringLiteral("--format"), QStringLiteral("arm"), QStringLiteral("-o"),
                                                           QStringLiteral("/tmp/x.json"), QStringLiteral("--rcg-priority"), QStringLiteral("99")}
                                      << QStringLiteral("out of range") << QStringLiteral("範囲外");
        QTest::newRow("bad source") << QStringList{QStringLiteral("export")} + scenario() + python
                                           + QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
                                                         QStringLiteral("/tmp/x.csv"), QStringLiteral("--source-addresses"), QStringLiteral("10.0.0.0/99")}
                                    << QStringLiteral("not an IP address") << QStringLiteral("IP アドレスでも");
    }

    // Bad input: exit 2 and the reason on stderr, in the chosen language.
    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, english);
        QFETCH(QString, japanese);
        Run r = runCli(arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(english), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        r = runCli(arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(japanese), qPrintable(r.err));
        QVERIFY2(hasJapanese(r.err), qPrintable(r.err));
    }

    void badLanguage()
    {
        const Run r = runCli({QStringLiteral("features"), QStringLiteral("--lang"), QStringLiteral("fr")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("\"fr\" is not a language")));
    }

    void warningsDoNotFail()
    {
        const Run r = runCli(QStringList{QStringLiteral("rules")} + scenario(QStringLiteral("public"), QStringLiteral("francesouth"))
                            + QStringList{QStringLiteral("--features"), QString(), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(QStringLiteral("warning")));
        QVERIFY(r.err.contains(QStringLiteral("not offered")));
        QCOMPARE(QJsonDocument::fromJson(r.rawOut).object().value(QStringLiteral("warnings")).toArray().size(), 1);
    }

    void exportFiles()
    {
        QTemporaryDir dir;
        const QStringList base = QStringList{QStringLiteral("export")} + scenario() + QStringList{QStringLiteral("--all-features")};
        Run r = runCli(base + QStringList{QStringLiteral("--format"), QStringLiteral("arm"), QStringLiteral("--output"), dir.filePath(QStringLiteral("t.json"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(QStringLiteral("wrote")));
        const QJsonObject tpl = QJsonDocument::fromJson(readFile(dir.filePath(QStringLiteral("t.json")))).object();
        QVERIFY(tpl.value(QStringLiteral("$schema")).toString().contains(QStringLiteral("2019-04-01/deploymentTemplate.json")));
        r = runCli(base + QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), dir.filePath(QStringLiteral("t.csv"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(readFile(dir.filePath(QStringLiteral("t.csv"))).startsWith("\xEF\xBB\xBF" "ID,"));
        r = runCli(base + QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--no-bom"), QStringLiteral("-o"),
                                     dir.filePath(QStringLiteral("nobom.csv"))});
        QVERIFY(readFile(dir.filePath(QStringLiteral("nobom.csv"))).startsWith("ID,"));
        r = runCli(base + QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"), dir.filePath(QStringLiteral("r.json"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(readFile(dir.filePath(QStringLiteral("r.json")))).object().contains(QStringLiteral("rules")));
    }

    // Never a partial output file: a failed export leaves what was there untouched.
    void failedExportLeavesFilesAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("existing.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("previous content");
        f.close();
        Run r = runCli(QStringList{QStringLiteral("export")} + scenario(QStringLiteral("public"), QStringLiteral("nowhere"))
                      + QStringList{QStringLiteral("--all-features"), QStringLiteral("--format"), QStringLiteral("arm"), QStringLiteral("-o"), path});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(readFile(path), QByteArray("previous content"));
        r = runCli(QStringList{QStringLiteral("export")} + scenario()
                  + QStringList{QStringLiteral("--all-features"), QStringLiteral("--format"), QStringLiteral("arm"), QStringLiteral("-o"),
                                dir.filePath(QStringLiteral("no/such/dir/t.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("does not exist")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("existing.json")});
    }

    void profiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"cloud\": \"china\", \"region\": \"chinaeast2\", \"storage\": \"cnstore\", \"features\": [\"notebooks\"]}");
        f.close();
        Run r = runCli({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject root = QJsonDocument::fromJson(r.rawOut).object();
        QCOMPARE(root.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("storage")).toString(), QStringLiteral("cnstore"));
        QVERIFY(r.out.contains(QStringLiteral("cnstore.file.core.chinacloudapi.cn")));
        // Flags override the profile.
        r = runCli({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--storage"), QStringLiteral("other"),
                   QStringLiteral("--features"), QString(), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        root = QJsonDocument::fromJson(r.rawOut).object();
        QCOMPARE(root.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("storage")).toString(), QStringLiteral("other"));
        QCOMPARE(root.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("cloud")).toString(), QStringLiteral("china"));
        QCOMPARE(root.value(QStringLiteral("rules")).toArray().size(), 9);
        // A corrupt profile: exit 2 naming the file.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"cloud\": [\"china\"]}");
        f.close();
        r = runCli({QStringLiteral("rules"), QStringLiteral("--profile"), path, QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(path + QStringLiteral(": cloud")) && r.err.contains(QStringLiteral("文字列")), qPrintable(r.err));
    }

    void hostileCatalog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cat.json"));
        QByteArray json = readFile(sourceDir() + QStringLiteral("/resources/catalog/amlfw-catalog-2021-11.json"));
        QVERIFY(!json.isEmpty());
        json.replace("\"ports\": [\"443\", \"445\"]", "\"ports\": [\"443\", \"445x\"]");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json);
        f.close();
        const Run r = runCli(QStringList{QStringLiteral("rules"), QStringLiteral("--catalog"), path} + scenario()
                            + QStringList{QStringLiteral("--all-features")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral(".ports[1]")) && r.err.contains(QStringLiteral("\"445x\"")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void featuresAndRegions()
    {
        Run r = runCli({QStringLiteral("features")});
        QCOMPARE(r.exitCode, 0);
        for (const QString &id : builtInCatalog().featureIds())
            QVERIFY2(r.out.contains(id), qPrintable(id));
        r = runCli({QStringLiteral("features"), QStringLiteral("--lang"), QStringLiteral("ja")});
        QVERIFY(r.out.contains(QStringLiteral("統合されたノートブック")));
        r = runCli({QStringLiteral("regions"), QStringLiteral("--cloud"), QStringLiteral("usgov"), QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("米国バージニア")));
        QCOMPARE(r.out.trimmed().split(u'\n').size(), 1 + 5);
        r = runCli({QStringLiteral("regions")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
