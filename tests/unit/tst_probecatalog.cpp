// The catalog's "probe" object: the built-in data, and located problems for bad data.
#include "catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace amlfw;

class TestProbeCatalog : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_builtIn;

    // The built-in catalog with its "probe" object replaced.
    Catalog withProbe(const QJsonValue &probe, Problems *problems)
    {
        QJsonObject root = m_builtIn;
        root.insert(QStringLiteral("probe"), probe);
        return Catalog::fromJson(QJsonDocument(root).toJson(), QStringLiteral("test.json"), problems);
    }

    static QJsonObject parse(const char *json) { return QJsonDocument::fromJson(QByteArray(json)).object(); }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(Catalog::builtInPath(QStringLiteral("2021-11")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_builtIn = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(m_builtIn.contains(QStringLiteral("probe")));
    }

    void builtInProbeData()
    {
        Problems problems;
        const Catalog c = Catalog::builtIn(QStringLiteral("2021-11"), &problems);
        QVERIFY2(c.isValid() && problems.isEmpty(), qPrintable(formatProblems(problems)));
        QVERIFY(c.probe.isTlsPort(443));
        QVERIFY(!c.probe.isTlsPort(80));
        QCOMPARE(c.probe.serviceTagHost(QStringLiteral("AzureActiveDirectory"), QStringLiteral("china")),
                 QStringLiteral("login.chinacloudapi.cn"));
        QCOMPARE(c.probe.wildcardSample(QStringLiteral("*.blob.core.windows.net"), QStringLiteral("public")),
                 QStringLiteral("<storage>.blob.core.windows.net"));
        QVERIFY(c.probe.wildcardSample(QStringLiteral("*.blob.core.windows.net"), QStringLiteral("china")).isEmpty());
        QCOMPARE(c.probe.wildcardSample(QStringLiteral("*pytorch.org"), QStringLiteral("usgov")),
                 QStringLiteral("download.pytorch.org")); // "*": every cloud
        const ExpectedIssuers *azure = c.probe.expectedIssuersFor(QStringLiteral("mystore.blob.core.windows.net"));
        QVERIFY(azure);
        QCOMPARE(azure->id, QStringLiteral("azure"));
        const ExpectedIssuers *other = c.probe.expectedIssuersFor(QStringLiteral("pypi.org"));
        QVERIFY(other);
        QCOMPARE(other->id, QStringLiteral("public-web"));
    }

    void noProbeObjectIsFine()
    {
        QJsonObject root = m_builtIn;
        root.remove(QStringLiteral("probe"));
        Problems problems;
        const Catalog c = Catalog::fromJson(QJsonDocument(root).toJson(), QStringLiteral("test.json"), &problems);
        QVERIFY(c.isValid());
        QVERIFY(c.probe.expectedIssuers.isEmpty());
    }

    void badProbeDataIsLocated_data()
    {
        QTest::addColumn<QByteArray>("probe");
        QTest::addColumn<QString>("location");
        QTest::newRow("port") << QByteArray(R"({"tlsPorts": ["443-444"]})")
                              << QStringLiteral("test.json: probe.tlsPorts");
        QTest::newRow("issuers without hosts") << QByteArray(R"({"expectedIssuers": [{"id": "x", "issuers": ["A"]}]})")
                                               << QStringLiteral("test.json: probe.expectedIssuers[0] (x).hosts");
        QTest::newRow("unknown destination")
            << QByteArray(R"({"wildcardSamples": {"*.nowhere.example": {"public": "a.nowhere.example"}}})")
            << QStringLiteral("test.json: probe.wildcardSamples[\"*.nowhere.example\"]");
        QTest::newRow("sample outside its wildcard")
            << QByteArray(R"({"wildcardSamples": {"*.blob.core.windows.net": {"public": "evil.example.com"}}})")
            << QStringLiteral("test.json: probe.wildcardSamples[\"*.blob.core.windows.net\"].public");
        QTest::newRow("unknown cloud")
            << QByteArray(R"({"serviceTagHosts": {"AzureActiveDirectory": {"mars": "login.example.com"}}})")
            << QStringLiteral("test.json: probe.serviceTagHosts[\"AzureActiveDirectory\"].mars");
        QTest::newRow("wildcard as host")
            << QByteArray(R"({"serviceTagHosts": {"AzureActiveDirectory": {"public": "*.example.com"}}})")
            << QStringLiteral("test.json: probe.serviceTagHosts[\"AzureActiveDirectory\"].public");
        QTest::newRow("unknown placeholder")
            << QByteArray(R"({"serviceTagHosts": {"AzureMachineLearning": {"public": "<zone>.example.com"}}})")
            << QStringLiteral("test.json: probe.serviceTagHosts[\"AzureMachineLearning\"].public");
        QTest::newRow("not an object") << QByteArray(R"([1, 2])") << QStringLiteral("test.json: probe");
    }

    void badProbeDataIsLocated()
    {
        QFETCH(QByteArray, probe);
        QFETCH(QString, location);
        const QJsonDocument doc = QJsonDocument::fromJson(probe);
        Problems problems;
        const Catalog c = withProbe(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), &problems);
        QVERIFY(!c.isValid());
        QVERIFY(hasErrors(problems));
        QStringList locations;
        for (const Problem &p : problems)
            locations << p.location;
        QVERIFY2(locations.contains(location), qPrintable(formatProblems(problems)));
    }

    void hostPatterns_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("matches");
        QTest::newRow("subdomain") << "a.blob.core.windows.net"
                                   << "*.blob.core.windows.net" << true;
        QTest::newRow("deeper") << "x.y.blob.core.windows.net"
                                << "*.blob.core.windows.net" << true;
        QTest::newRow("apex is not under *.") << "blob.core.windows.net"
                                              << "*.blob.core.windows.net" << false;
        QTest::newRow("other suffix") << "a.blob.core.windows.net.evil.com"
                                      << "*.blob.core.windows.net" << false;
        QTest::newRow("*x prefix-less") << "download.pytorch.org"
                                        << "*pytorch.org" << true;
        QTest::newRow("*x apex") << "pytorch.org"
                                 << "*pytorch.org" << true;
        QTest::newRow("exact, any case") << "ML.azure.com"
                                         << "ml.azure.com" << true;
        QTest::newRow("everything") << "anything.example"
                                    << "*" << true;
    }

    void hostPatterns()
    {
        QFETCH(QString, host);
        QFETCH(QString, pattern);
        QFETCH(bool, matches);
        QCOMPARE(hostMatchesPattern(host, pattern), matches);
    }

    void issuerNames()
    {
        QVERIFY(
            issuerNameMatches(QStringLiteral("Microsoft Corporation"), QStringLiteral("Microsoft Corporation"), {}));
        QVERIFY(issuerNameMatches(QStringLiteral("Microsoft Azure TLS Issuing CA*"), {},
                                  QStringLiteral("Microsoft Azure TLS Issuing CA 05")));
        QVERIFY(!issuerNameMatches(QStringLiteral("Microsoft Corporation"), QStringLiteral("Contoso"),
                                   QStringLiteral("Contoso Microsoft Corporation Proxy")));
    }
};

QTEST_GUILESS_MAIN(TestProbeCatalog)
#include "tst_probecatalog.moc"
