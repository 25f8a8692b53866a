#include "jsonedit.h"
#include "profile.h"
#include "rulesetfixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace amlfw;
using namespace amlfw::test;

class TestAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { applyLanguage(Language::English); }
    void cleanupTestCase() { applyLanguage(Language::English); }

    void storageNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("rule"); // a word of the message that names the broken rule; empty if valid
        QTest::newRow("valid") << QStringLiteral("mystore01") << QString();
        QTest::newRow("3 chars") << QStringLiteral("abc") << QString();
        QTest::newRow("24 chars") << QString(24, u'a') << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("2 chars") << QStringLiteral("ab") << QStringLiteral("too short");
        QTest::newRow("25 chars") << QString(25, u'a') << QStringLiteral("too long (25 characters)");
        QTest::newRow("upper case") << QStringLiteral("MyStore") << QStringLiteral("upper-case letter \"M\"");
        QTest::newRow("hyphen") << QStringLiteral("my-store") << QStringLiteral("contains \"-\"");
        QTest::newRow("dot") << QStringLiteral("my.store") << QStringLiteral("contains \".\"");
        QTest::newRow("space") << QStringLiteral("my store") << QStringLiteral("contains \" \"");
        QTest::newRow("non-ascii") << QStringLiteral("ストア123") << QStringLiteral("contains \"ス\"");
        QTest::newRow("placeholder") << QStringLiteral("<storage>") << QStringLiteral("contains \"<\"");
    }

    void storageNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, rule);
        const QString error = AnswersValidator::storageNameError(name);
        if (rule.isEmpty())
            QVERIFY2(error.isEmpty(), qPrintable(error));
        else
            QVERIFY2(error.contains(rule), qPrintable(error));
    }

    // A pasted host name, URL or connection string gives its account name; anything else gives none.
    void storageAccountFromAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("account"); // empty: not an address of a storage account
        QTest::addColumn<QString>("host");
        const QString blob = QStringLiteral("mystore.blob.core.windows.net");
        QTest::newRow("host") << blob << QStringLiteral("mystore") << blob;
        QTest::newRow("host, trailing dot and spaces")
            << QStringLiteral("  mystore.blob.core.windows.net. ") << QStringLiteral("mystore") << blob;
        QTest::newRow("upper case host") << QStringLiteral("MyStore.Blob.Core.Windows.Net") << QStringLiteral("mystore")
                                         << blob;
        QTest::newRow("url with SAS") << QStringLiteral(
            "https://mystore.blob.core.windows.net/container?sv=2022-11-02&sig=abc%2F")
                                      << QStringLiteral("mystore") << blob;
        QTest::newRow("url with port and path")
            << QStringLiteral("https://mystore.blob.core.windows.net:443/a/b.txt") << QStringLiteral("mystore") << blob;
        QTest::newRow("host and path") << QStringLiteral("mystore.blob.core.windows.net/container")
                                       << QStringLiteral("mystore") << blob;
        for (const char *service : {"dfs", "file", "queue", "table", "web"}) {
            const QString host = QStringLiteral("acct42.%1.core.windows.net").arg(QLatin1String(service));
            QTest::newRow(service) << host << QStringLiteral("acct42") << host;
        }
        QTest::newRow("static website zone")
            << QStringLiteral("https://mystore.z13.web.core.windows.net/") << QStringLiteral("mystore")
            << QStringLiteral("mystore.z13.web.core.windows.net");
        QTest::newRow("private link") << QStringLiteral("mystore.privatelink.blob.core.windows.net")
                                      << QStringLiteral("mystore")
                                      << QStringLiteral("mystore.privatelink.blob.core.windows.net");
        QTest::newRow("secondary") << QStringLiteral("mystore-secondary.blob.core.windows.net")
                                   << QStringLiteral("mystore")
                                   << QStringLiteral("mystore-secondary.blob.core.windows.net");
        QTest::newRow("US Government") << QStringLiteral("https://govstore.blob.core.usgovcloudapi.net/c")
                                       << QStringLiteral("govstore")
                                       << QStringLiteral("govstore.blob.core.usgovcloudapi.net");
        QTest::newRow("21Vianet") << QStringLiteral("cnstore.file.core.chinacloudapi.cn") << QStringLiteral("cnstore")
                                  << QStringLiteral("cnstore.file.core.chinacloudapi.cn");
        QTest::newRow("connection string")
            << QStringLiteral("DefaultEndpointsProtocol=https;AccountName=MyStore;AccountKey=c2VjcmV0;"
                              "EndpointSuffix=core.windows.net")
            << QStringLiteral("mystore") << QString();
        // An invalid account part is still the account: the name's own check then says what is wrong.
        QTest::newRow("invalid account") << QStringLiteral("my_store.blob.core.windows.net")
                                         << QStringLiteral("my_store")
                                         << QStringLiteral("my_store.blob.core.windows.net");
        QTest::newRow("plain name") << QStringLiteral("mystore") << QString() << QString();
        QTest::newRow("empty") << QString() << QString() << QString();
        QTest::newRow("no account") << QStringLiteral("blob.core.windows.net") << QString() << QString();
        QTest::newRow("half typed") << QStringLiteral("mystore.blob.core.windows.ne") << QString() << QString();
        QTest::newRow("other service") << QStringLiteral("mystore.vault.core.windows.net") << QString() << QString();
        QTest::newRow("other domain") << QStringLiteral("mystore.blob.core.windows.net.example.com") << QString()
                                      << QString();
        QTest::newRow("registry") << QStringLiteral("myacr.azurecr.io") << QString() << QString();
        QTest::newRow("unknown middle label")
            << QStringLiteral("mystore.foo.blob.core.windows.net") << QString() << QString();
    }

    void storageAccountFromAddress()
    {
        QFETCH(QString, text);
        QFETCH(QString, account);
        QFETCH(QString, host);
        QString foundHost = QStringLiteral("unchanged");
        QCOMPARE(AnswersValidator::storageAccountFromAddress(text, &foundHost), account);
        QCOMPARE(foundHost, host);
        QCOMPARE(AnswersValidator::storageAccountFromAddress(text), account);
    }

    void storageMessageInJapanese()
    {
        applyLanguage(Language::Japanese);
        const QString error = AnswersValidator::storageNameError(QStringLiteral("ab"));
        applyLanguage(Language::English);
        QVERIFY2(error.contains(QStringLiteral("3 ～ 24")) || error.contains(QStringLiteral("3〜24"))
                     || error.contains(QStringLiteral("3 から 24")) || error.contains(QStringLiteral("文字")),
                 qPrintable(error));
        QVERIFY(!error.contains(QStringLiteral("too short")));
    }

    // Problems keep source text and arguments: made in English, shown in Japanese after a switch,
    // with no re-run (the cloud's name, from the catalog, switches too).
    void problemFollowsLanguageSwitch()
    {
        const Catalog &catalog = builtInCatalog();
        const Problems problems
            = AnswersValidator::validateRegion(catalog, QStringLiteral("public"), QStringLiteral("japaneastt"));
        QCOMPARE(problems.size(), 1);
        const Problem problem = problems.first();
        const Cloud *cloud = catalog.cloud(QStringLiteral("public"));
        QVERIFY(cloud);
        const QString english = problem.message();
        QVERIFY2(english.contains(QStringLiteral("Did you mean")) && english.contains(cloud->name.en),
                 qPrintable(english));

        QVERIFY(applyLanguage(Language::Japanese));
        const QString japanese = problem.message();
        const QString japaneseLine = problem.toString();
        applyLanguage(Language::English);
        QVERIFY2(japanese.contains(QStringLiteral("ではありませんか")), qPrintable(japanese));
        QVERIFY2(japanese.contains(cloud->name.ja) && japanese.contains(QStringLiteral("japaneastt")),
                 qPrintable(japanese));
        QVERIFY(japaneseLine.endsWith(japanese));
        QCOMPARE(problem.message(), english); // and back
    }

    // Callers may pass no problem list: the reader keeps its own (it wrote through a null pointer).
    void noProblemListGiven()
    {
        QVERIFY(!Profile::fromJson(QByteArrayLiteral("{\"cloud\": "), QStringLiteral("p.json"), nullptr));
        QVERIFY(!Profile::fromJson(QByteArrayLiteral("{\"udr\": \"x\"}"), QStringLiteral("p.json"), nullptr));
        QVERIFY(!Profile::fromFile(QStringLiteral("/nonexistent/amlfw/profile.json"), nullptr));
        const auto profile
            = Profile::fromJson(QByteArrayLiteral("{\"cloud\": \"china\"}"), QStringLiteral("p.json"), nullptr);
        QVERIFY(profile);
        QCOMPARE(profile->cloud, std::optional<QString>(QStringLiteral("china")));
    }

    void regions()
    {
        const Catalog &c = builtInCatalog();
        QVERIFY(AnswersValidator::validateRegion(c, QStringLiteral("public"), QStringLiteral("japaneast")).isEmpty());
        Problems p = AnswersValidator::validateRegion(c, QStringLiteral("public"), QStringLiteral("japaneest"));
        QCOMPARE(p.size(), 1);
        QVERIFY(p.first().isError());
        QVERIFY2(p.first().message().contains(QStringLiteral("Did you mean \"japaneast\"")),
                 qPrintable(p.first().message()));
        p = AnswersValidator::validateRegion(c, QStringLiteral("public"), QStringLiteral("chinaeast2"));
        QVERIFY(p.first().isError());
        QVERIFY2(p.first().message().contains(QStringLiteral("Azure China 21Vianet")), qPrintable(p.first().message()));
        p = AnswersValidator::validateRegion(c, QStringLiteral("public"), QStringLiteral("atlantis"));
        QVERIFY(p.first().isError());
        QVERIFY(p.first().message().contains(QStringLiteral("amlfw regions --cloud public")));
        p = AnswersValidator::validateRegion(c, QStringLiteral("usgov"), QStringLiteral("usdodeast"));
        QCOMPARE(p.size(), 1);
        QVERIFY(!p.first().isError()); // known, but Azure ML is not offered: a warning
        QVERIFY(p.first().message().contains(QStringLiteral("not offered")));
        p = AnswersValidator::validateRegion(c, QStringLiteral("public"), QString());
        QVERIFY(p.first().isError());
    }

    void features()
    {
        const Catalog &c = builtInCatalog();
        QVERIFY(AnswersValidator::validateFeatures(c, c.featureIds()).isEmpty());
        Problems p
            = AnswersValidator::validateFeatures(c, {QStringLiteral("compute-instances"), QStringLiteral("gpu")});
        QCOMPARE(p.size(), 2);
        QVERIFY(p.at(0).message().contains(QStringLiteral("Did you mean \"compute-instance\"")));
        QVERIFY(p.at(1).message().contains(QStringLiteral("known features")));
        p = AnswersValidator::validateCloud(c, QStringLiteral("azure"));
        QCOMPARE(p.size(), 1);
        QVERIFY(p.first().message().contains(QStringLiteral("public, usgov, china")));
    }

    void validateAll()
    {
        Answers a{QStringLiteral("public"),
                  QStringLiteral("japaneast"),
                  QStringLiteral("mystore"),
                  {QStringLiteral("python")},
                  UdrMethod::ServiceTags,
                  {},
                  {},
                  NetworkKind::Customer,
                  {}};
        QVERIFY(AnswersValidator::validate(builtInCatalog(), a).isEmpty());
        a.storage = QStringLiteral("My-Store");
        a.region = QStringLiteral("nowhere");
        const Problems p = AnswersValidator::validate(builtInCatalog(), a);
        QCOMPARE(p.size(), 2);
        QCOMPARE(p.at(0).location, QStringLiteral("region"));
        QCOMPARE(p.at(1).location, QStringLiteral("storage"));
    }

    void profileRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scenario.amlfw.json"));
        Answers a{QStringLiteral("usgov"),
                  QStringLiteral("usgovvirginia"),
                  QStringLiteral("govstore"),
                  {QStringLiteral("compute-cluster"), QStringLiteral("r")},
                  UdrMethod::IpRanges,
                  {},
                  {},
                  NetworkKind::Customer,
                  {}};
        Profile p = Profile::fromAnswers(a);
        p.language = Language::Japanese;
        p.title = QStringLiteral("ワークショップ 1");
        QString error;
        QVERIFY2(p.save(path, &error), qPrintable(error));
        Problems problems;
        const auto loaded = Profile::fromFile(path, &problems);
        QVERIFY2(loaded, qPrintable(formatProblems(problems)));
        QCOMPARE(loaded->toAnswers(), a);
        QCOMPARE(*loaded->language, Language::Japanese);
        QCOMPARE(loaded->title, QStringLiteral("ワークショップ 1"));
        QVERIFY(problems.isEmpty());
    }

    void partialProfile()
    {
        Problems problems;
        const auto p
            = Profile::fromJson("{\"cloud\": \"china\", \"features\": []}", QStringLiteral("p.json"), &problems);
        QVERIFY(p);
        QCOMPARE(*p->cloud, QStringLiteral("china"));
        QVERIFY(!p->region);
        QVERIFY(p->features && p->features->isEmpty());
        Answers a{QStringLiteral("public"),
                  QStringLiteral("japaneast"),
                  QStringLiteral("x1x"),
                  {QStringLiteral("r")},
                  UdrMethod::ServiceTags,
                  {},
                  {},
                  NetworkKind::Customer,
                  {}};
        p->applyTo(&a);
        QCOMPARE(a.cloud, QStringLiteral("china"));
        QCOMPARE(a.region, QStringLiteral("japaneast")); // untouched
        QVERIFY(a.features.isEmpty());
    }

    void brokenProfiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QByteArray("{\"cloud\": ") << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("JSON object");
        QTest::newRow("cloud number") << QByteArray("{\"cloud\": 3}") << QStringLiteral("cloud: must be a string");
        QTest::newRow("features string") << QByteArray("{\"features\": \"python\"}")
                                         << QStringLiteral("array of feature ids");
        QTest::newRow("feature number") << QByteArray("{\"features\": [\"python\", 5]}")
                                        << QStringLiteral("features[1]");
        QTest::newRow("udr") << QByteArray("{\"udr\": \"magic\"}") << QStringLiteral("\"magic\" is not a route method");
        QTest::newRow("lang") << QByteArray("{\"lang\": \"fr\"}") << QStringLiteral("\"fr\" is not a language");
        QTest::newRow("format") << QByteArray("{\"format\": 9}") << QStringLiteral("unsupported profile format");
        QTest::newRow("long") << (QByteArray("{\"storage\": \"") + QByteArray(5000, 'a') + QByteArray("\"}"))
                              << QStringLiteral("too long");
    }

    void brokenProfiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        Problems problems;
        QVERIFY(!Profile::fromJson(json, QStringLiteral("p.json"), &problems));
        QVERIFY(!problems.isEmpty());
        QVERIFY2(formatProblems(problems).contains(message), qPrintable(formatProblems(problems)));
        QVERIFY(problems.first().location.startsWith(QStringLiteral("p.json")));
    }

    void unknownKeysWarn()
    {
        Problems problems;
        const auto p
            = Profile::fromJson("{\"cloud\": \"public\", \"colour\": \"blue\"}", QStringLiteral("p.json"), &problems);
        QVERIFY(p);
        QCOMPARE(problems.size(), 1);
        QVERIFY(!problems.first().isError());
        QVERIFY(problems.first().location.contains(QStringLiteral("colour")));
    }

    void largeProfileFile()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("big.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(2 * 1024 * 1024, ' '));
        f.close();
        Problems problems;
        QVERIFY(!Profile::fromFile(f.fileName(), &problems));
        QVERIFY(formatProblems(problems).contains(QStringLiteral("too large")));
    }

    // Saving over an existing file to a path that cannot be written leaves no partial file behind.
    void atomicSave()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!Profile().save(dir.filePath(QStringLiteral("missing/dir/p.json")), &error));
        QVERIFY(error.contains(QStringLiteral("does not exist")));
        QVERIFY(!Profile().save(dir.path(), &error));
        QVERIFY(error.contains(QStringLiteral("folder")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAnswers)
#include "tst_answers.moc"
