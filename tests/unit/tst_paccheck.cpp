// `amlfw check --proxy pac:...` end to end: the CLI against loopback servers and proxies (every host
// sent to loopback by --connect-to), the PAC file's answer per endpoint, its fallback list tried in
// order, and the messages for a PAC that cannot load or fails on one endpoint.
#include "catalog.h"
#include "clirunner.h"
#include "httptestserver.h"
#include "testconnectproxy.h"
#include "testpki.h"
#include "tlstestserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace amlfw;
using namespace amlfw::test;

namespace {

const QStringList ScenarioHosts{QStringLiteral("login.microsoftonline.com"), QStringLiteral("management.azure.com"),
                                QStringLiteral("ml.azure.com"), QStringLiteral("japaneast.api.azureml.ms"),
                                QStringLiteral("mystore.blob.core.windows.net")};

QJsonArray resultsOf(const CliRun &run)
{
    return run.json().value(QStringLiteral("results")).toArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(bytes);
    return f.commit();
}

// A loopback port nothing listens on.
quint16 closedPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace

class TestPacCheck : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
    TlsTestServer m_tls;
    HttpTestServer m_http;
    QString m_catalogPath;

    QStringList scenario() const
    {
        return {QStringLiteral("check"),       QStringLiteral("--edition"),    QStringLiteral("2021-11"),
                QStringLiteral("--cloud"),     QStringLiteral("public"),       QStringLiteral("--region"),
                QStringLiteral("japaneast"),   QStringLiteral("--storage"),    QStringLiteral("mystore"),
                QStringLiteral("--features"),  QString(),                      QStringLiteral("--catalog"),
                m_catalogPath,                 QStringLiteral("--timeout-ms"), QStringLiteral("3000"),
                QStringLiteral("--ca-bundle"), m_pki->publicCaPath,            QStringLiteral("--connect-to"),
                QStringLiteral(":443:127.0.0.1:%1").arg(m_tls.serverPort()),   QStringLiteral("--connect-to"),
                QStringLiteral(":80:127.0.0.1:%1").arg(m_http.serverPort())};
    }

    QString pacFile(const QString &name, const QString &script)
    {
        const QString path = m_dir.filePath(name);
        return writeFile(path, script.toUtf8()) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("AMLFW_CLI")), "AMLFW_CLI must name the amlfw executable");
        QVERIFY(m_dir.isValid());
        m_pki = std::make_unique<TestPki>(m_dir.path());
        QString error;
        QVERIFY2(m_pki->create(&error), qPrintable(error));
        auto good = m_pki->issue(QStringLiteral("scenario"), ScenarioHosts, TestPki::Authority::Public, &error);
        QVERIFY2(good, qPrintable(error));
        m_tls.setCertificate(good->chain, good->key);
        QVERIFY(m_tls.listenLoopback());
        QVERIFY(m_http.listenLoopback());

        // The built-in catalog, with the test CA as the issuer every host is expected to use.
        QFile builtIn(Catalog::builtInPath(QStringLiteral("2021-11")));
        QVERIFY(builtIn.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(builtIn.readAll()).object();
        QJsonObject probe = root.value(QStringLiteral("probe")).toObject();
        probe.insert(QStringLiteral("expectedIssuers"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("id"), QStringLiteral("test")},
                         {QStringLiteral("hosts"), QJsonArray{QStringLiteral("*")}},
                         {QStringLiteral("issuers"), QJsonArray{QString::fromLatin1(TestPki::PublicOrganization)}}}});
        root.insert(QStringLiteral("probe"), probe);
        m_catalogPath = m_dir.filePath(QStringLiteral("catalog.json"));
        QVERIFY(writeFile(m_catalogPath, QJsonDocument(root).toJson()));
    }

    void fallbackListInOrder_data()
    {
        QTest::addColumn<QString>("threads");
        QTest::newRow("one thread") << QStringLiteral("1");
        QTest::newRow("three lanes, a PAC engine each") << QStringLiteral("3");
    }

    // HTTPS: the first proxy's port is closed, the second carries it. Plain HTTP: the proxy's port
    // is closed, DIRECT follows. The report says the answer, the proxy used and the one that failed.
    void fallbackListInOrder()
    {
        QFETCH(QString, threads);
        TestConnectProxy proxy;
        QVERIFY(proxy.listenLoopback());
        const QString dead = QStringLiteral("127.0.0.1:%1").arg(closedPort());
        const QString live = QStringLiteral("127.0.0.1:%1").arg(proxy.serverPort());
        const QString https = QStringLiteral("PROXY %1; PROXY %2; DIRECT").arg(dead, live);
        const QString http = QStringLiteral("PROXY %1; DIRECT").arg(dead);
        const QString path = pacFile(QStringLiteral("fallback.pac"),
                                     QStringLiteral("function FindProxyForURL(url, host) {\n"
                                                    "  if (shExpMatch(url, 'https://*')) return '%1';\n"
                                                    "  return '%2';\n}\n")
                                         .arg(https, http));
        const CliRun run = runCli(scenario()
                                  + QStringList{QStringLiteral("--proxy"), QStringLiteral("pac:") + path,
                                                QStringLiteral("--format"), QStringLiteral("json"),
                                                QStringLiteral("--threads"), threads});
        QVERIFY2(run.exitCode == 0, run.out.constData());
        int viaProxy = 0;
        int direct = 0;
        QSet<QString> proxiedHosts;
        for (const QJsonValue &v : resultsOf(run)) {
            const QJsonObject o = v.toObject();
            const QJsonObject p = o.value(QStringLiteral("path")).toObject();
            QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("OK"));
            QCOMPARE(p.value(QStringLiteral("proxySource")).toString(), QStringLiteral("pac"));
            if (o.value(QStringLiteral("stages")).toArray().size() == 2) { // TCP only: not web traffic
                QCOMPARE(p.value(QStringLiteral("mode")).toString(), QStringLiteral("direct"));
                continue;
            }
            const QJsonArray failed = p.value(QStringLiteral("proxiesFailed")).toArray();
            QCOMPARE(failed.size(), 1);
            QCOMPARE(failed.at(0).toObject().value(QStringLiteral("proxy")).toString(), dead);
            QCOMPARE(failed.at(0).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("connect-failed"));
            if (o.value(QStringLiteral("port")).toInt() == 443) {
                proxiedHosts.insert(o.value(QStringLiteral("host")).toString());
                ++viaProxy;
                QCOMPARE(p.value(QStringLiteral("pacAnswer")).toString(), https);
                QCOMPARE(p.value(QStringLiteral("mode")).toString(), QStringLiteral("http-proxy"));
                QCOMPARE(p.value(QStringLiteral("proxy")).toString(), live);
                QVERIFY2(p.value(QStringLiteral("description")).toString().contains(https),
                         qPrintable(p.value(QStringLiteral("description")).toString()));
            } else {
                ++direct;
                QCOMPARE(p.value(QStringLiteral("pacAnswer")).toString(), http);
                QCOMPARE(p.value(QStringLiteral("mode")).toString(), QStringLiteral("direct"));
            }
        }
        QVERIFY(viaProxy > 0);
        QVERIFY(direct > 0);
        int connects = 0;
        for (const TestConnectProxy::Request &r : proxy.requests())
            connects += r.method == u"CONNECT";
        QCOMPARE(connects, proxiedHosts.size()); // one per 443 endpoint: a host's rules share it
        QVERIFY(m_http.requests().size() >= direct);
    }

    void pacFromUrl()
    {
        HttpTestServer pacServer;
        HttpBehaviour b;
        b.body = "function FindProxyForURL(url, host) { return 'DIRECT'; }\n";
        pacServer.setBehaviour(b);
        QVERIFY(pacServer.listenLoopback());
        const QString url = QStringLiteral("http://127.0.0.1:%1/wpad.dat").arg(pacServer.serverPort());
        const CliRun run = runCli(scenario()
                                  + QStringList{QStringLiteral("--proxy"), QStringLiteral("pac:") + url,
                                                QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(pacServer.requests().size(), 1);
        QCOMPARE(run.json().value(QStringLiteral("vantage")).toObject().value(QStringLiteral("proxy")).toObject()
                     .value(QStringLiteral("setting")).toString(),
                 QStringLiteral("pac:") + url);
    }

    // --proxy system on a KDE desktop whose setting is a PAC URL (Qt does not see it): the script
    // routes each endpoint as with pac:URL, the report names the desktop; the environment wins.
    void desktopPacUrlThroughSystem()
    {
        TestConnectProxy proxy;
        QVERIFY(proxy.listenLoopback());
        HttpTestServer pacServer;
        HttpBehaviour b;
        const QString answer = QStringLiteral("PROXY 127.0.0.1:%1").arg(proxy.serverPort());
        b.body = QStringLiteral("function FindProxyForURL(url, host) {\n"
                                "  return url.substring(0, 6) == 'https:' ? '%1' : 'DIRECT';\n}\n")
                     .arg(answer)
                     .toUtf8();
        pacServer.setBehaviour(b);
        QVERIFY(pacServer.listenLoopback());
        const QString url = QStringLiteral("http://127.0.0.1:%1/proxy.pac").arg(pacServer.serverPort());
        const QString config = m_dir.filePath(QStringLiteral("kde-config"));
        QVERIFY(QDir().mkpath(config));
        QVERIFY(writeFile(config + QStringLiteral("/kioslaverc"),
                          "[Proxy Settings]\nProxyType=2\nProxy Config Script=" + url.toUtf8() + '\n'));
        const QStringList desktop{QStringLiteral("XDG_CURRENT_DESKTOP=KDE"), QStringLiteral("XDG_CONFIG_HOME=") + config};
        const QStringList args = scenario()
                                 + QStringList{QStringLiteral("--proxy"), QStringLiteral("system"),
                                               QStringLiteral("--format"), QStringLiteral("json")};
        const CliRun run = runCli(args, desktop);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(pacServer.requests().size(), 1);
        QCOMPARE(run.json().value(QStringLiteral("vantage")).toObject().value(QStringLiteral("proxy")).toObject()
                     .value(QStringLiteral("setting")).toString(),
                 QStringLiteral("system (KDE: pac:%1)").arg(url));
        int viaProxy = 0;
        for (const QJsonValue &v : resultsOf(run)) {
            const QJsonObject o = v.toObject();
            const QJsonObject p = o.value(QStringLiteral("path")).toObject();
            QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("OK"));
            if (o.value(QStringLiteral("port")).toInt() != 443)
                continue;
            ++viaProxy;
            QCOMPARE(p.value(QStringLiteral("proxySource")).toString(), QStringLiteral("pac"));
            QCOMPARE(p.value(QStringLiteral("pacAnswer")).toString(), answer);
            QCOMPARE(p.value(QStringLiteral("mode")).toString(), QStringLiteral("http-proxy"));
        }
        QVERIFY(viaProxy > 0);
        QVERIFY(!proxy.requests().isEmpty());

        // https_proxy set: the environment is the setting, the desktop is not read.
        const qsizetype connects = proxy.requests().size();
        const CliRun fromEnvironment
            = runCli(args, desktop + QStringList{QStringLiteral("https_proxy=http://127.0.0.1:%1").arg(proxy.serverPort())});
        QVERIFY2(fromEnvironment.exitCode == 0, fromEnvironment.err.constData());
        QCOMPARE(pacServer.requests().size(), 1); // not fetched again
        QCOMPARE(fromEnvironment.json().value(QStringLiteral("vantage")).toObject().value(QStringLiteral("proxy"))
                     .toObject().value(QStringLiteral("setting")).toString(),
                 QStringLiteral("system"));
        for (const QJsonValue &v : resultsOf(fromEnvironment)) {
            if (v.toObject().value(QStringLiteral("port")).toInt() == 443)
                QCOMPARE(v.toObject().value(QStringLiteral("path")).toObject().value(QStringLiteral("proxySource")).toString(),
                         QStringLiteral("system"));
        }
        QVERIFY(proxy.requests().size() > connects);
    }

    void unloadablePacIsBadInput_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QStringLiteral("function FindProxyForURL(url, host) {\n  return 'DIRECT'\n  if (\n}\n")
                                << QStringLiteral("line 4");
        QTest::newRow("no function") << QStringLiteral("var x = 1;\n") << QStringLiteral("FindProxyForURL");
        QTest::newRow("missing") << QString() << QStringLiteral("missing.pac");
    }

    void unloadablePacIsBadInput()
    {
        QFETCH(QString, script);
        QFETCH(QString, expected);
        const QString path = script.isEmpty() ? m_dir.filePath(QStringLiteral("missing.pac"))
                                              : pacFile(QStringLiteral("bad.pac"), script);
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("ja")}) {
            const CliRun run = runCli(scenario()
                                      + QStringList{QStringLiteral("--proxy"), QStringLiteral("pac:") + path,
                                                    QStringLiteral("--lang"), lang});
            QCOMPARE(run.exitCode, 2);
            QVERIFY(run.out.isEmpty());
            QVERIFY2(run.errText().contains(QFileInfo(path).fileName()), run.err.constData());
            if (lang == u"en")
                QVERIFY2(run.errText().contains(expected), run.err.constData());
        }
    }

    // One call throws, another loops: those endpoints are PROXY_FAILED with the message; the rest run.
    void failingCallIsProxyFailed()
    {
        const QString path = pacFile(
            QStringLiteral("partial.pac"),
            QStringLiteral("function FindProxyForURL(url, host) {\n"
                           "  if (host == 'management.azure.com') throw new Error('no rule for ' + host);\n"
                           "  if (url == 'https://ml.azure.com/') while (true) {}\n"
                           "  return 'DIRECT';\n}\n"));
        const CliRun run = runCli(scenario()
                                  + QStringList{QStringLiteral("--proxy"), QStringLiteral("pac:") + path,
                                                QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 1);
        int failed = 0;
        for (const QJsonValue &v : resultsOf(run)) {
            const QJsonObject o = v.toObject();
            const QString host = o.value(QStringLiteral("host")).toString();
            const QJsonObject p = o.value(QStringLiteral("path")).toObject();
            const bool web = o.value(QStringLiteral("stages")).toArray().size() > 2;
            if (web && (host == u"management.azure.com" || (host == u"ml.azure.com" && o.value(QStringLiteral("port")).toInt() == 443))) {
                ++failed;
                QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("PROXY_FAILED"));
                QCOMPARE(p.value(QStringLiteral("proxyOutcome")).toString(), QStringLiteral("pac-failed"));
                const QString error = p.value(QStringLiteral("pacError")).toString();
                QVERIFY2(error.contains(u"partial.pac"_qs), qPrintable(error));
                if (host == u"management.azure.com")
                    QVERIFY2(error.contains(u"line 2"_qs) && error.contains(u"no rule for"_qs), qPrintable(error));
                else
                    QVERIFY2(error.contains(u"ms"_qs), qPrintable(error));
            } else {
                QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("OK"));
            }
        }
        QVERIFY(failed >= 2);
    }
};

QTEST_GUILESS_MAIN(TestPacCheck)
#include "tst_paccheck.moc"
