// `amlfw check` end to end: the CLI (AMLFW_CLI) against a loopback rig — TLS and HTTP servers with
// certificates made here, a CONNECT proxy — with every host sent to loopback by --connect-to or
// pinned by --resolve, so nothing is resolved by the system or reached beyond this machine.
#include "catalog.h"
#include "clirunner.h"
#include "editionfixture.h"
#include "hostileserver.h"
#include "httptestserver.h"
#include "probeengine.h"
#include "probeplanner.h"
#include "proberesultmodel.h"
#include "rulegenerator.h"
#include "testconnectproxy.h"
#include "testnet.h"
#include "testpki.h"
#include "tlstestserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QtTest>
#include <memory>

using namespace amlfw;
using namespace amlfw::test;

namespace {

// The hosts the public scenario without features tests.
const QStringList ScenarioHosts{QStringLiteral("login.microsoftonline.com"), QStringLiteral("management.azure.com"),
                                QStringLiteral("ml.azure.com"), QStringLiteral("japaneast.api.azureml.ms"),
                                QStringLiteral("mystore.blob.core.windows.net")};

QJsonArray resultsOf(const CliRun &run)
{
    return run.json().value(QStringLiteral("results")).toArray();
}

bool hasJapanese(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x3040 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

} // namespace

class TestCheckCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
    TlsTestServer m_tls;
    TlsTestServer m_inspecting;
    HttpTestServer m_http;
    QString m_catalogPath;
    QString m_editionCatalogPath;
    QString m_bothCasPath;

    QStringList scenario() const
    {
        return {QStringLiteral("check"),
                QStringLiteral("--cloud"),
                QStringLiteral("public"),
                QStringLiteral("--region"),
                QStringLiteral("japaneast"),
                QStringLiteral("--storage"),
                QStringLiteral("mystore"),
                QStringLiteral("--features"),
                QString(),
                QStringLiteral("--catalog"),
                m_catalogPath,
                QStringLiteral("--timeout-ms"),
                QStringLiteral("3000")};
    }

    // Every host's 443 to the TLS server and 80 to the HTTP server, direct, the test CA trusted.
    QStringList loopback(quint16 tlsPort, quint16 httpPort) const
    {
        return {QStringLiteral("--proxy"),      QStringLiteral("none"),
                QStringLiteral("--ca-bundle"),  m_pki->publicCaPath,
                QStringLiteral("--connect-to"), QStringLiteral(":443:127.0.0.1:%1").arg(tlsPort),
                QStringLiteral("--connect-to"), QStringLiteral(":80:127.0.0.1:%1").arg(httpPort)};
    }

    static CliRun cli(const QStringList &arguments, const QStringList &extraEnvironment = {})
    {
        return runCli(withEdition2021(arguments), extraEnvironment);
    }

    static QString statusOf(const QJsonArray &results, const QString &ruleId, int port)
    {
        for (const QJsonValue &v : results) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("ruleId")).toString() == ruleId
                && o.value(QStringLiteral("port")).toInt() == port)
                return o.value(QStringLiteral("status")).toString();
        }
        return {};
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
        auto inspected
            = m_pki->issue(QStringLiteral("inspected"), ScenarioHosts, TestPki::Authority::Inspection, &error);
        QVERIFY2(inspected, qPrintable(error));
        m_tls.setCertificate(good->chain, good->key);
        QVERIFY(m_tls.listenLoopback());
        m_inspecting.setCertificate(inspected->chain, inspected->key);
        QVERIFY(m_inspecting.listenLoopback());
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
        QFile catalog(m_catalogPath);
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write(QJsonDocument(root).toJson());
        catalog.close();

        // The synthetic 2026 catalog, likewise, with its UDP and ANY rows needed always.
        QJsonObject edition = QJsonDocument::fromJson(editionCatalogJson()).object();
        edition.insert(QStringLiteral("probe"), probe);
        QJsonArray rows = edition.value(QStringLiteral("rules")).toArray();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QJsonObject row = rows.at(i).toObject();
            const QString id = row.value(QStringLiteral("id")).toString();
            if (id == u"x-tundra" || id == u"x-batch")
                row.remove(QStringLiteral("when"));
            rows[i] = row;
        }
        edition.insert(QStringLiteral("rules"), rows);
        m_editionCatalogPath = m_dir.filePath(QStringLiteral("edition.json"));
        QFile editionFile(m_editionCatalogPath);
        QVERIFY(editionFile.open(QIODevice::WriteOnly));
        editionFile.write(QJsonDocument(edition).toJson());
        editionFile.close();

        m_bothCasPath = m_dir.filePath(QStringLiteral("both-cas.pem"));
        QFile both(m_bothCasPath);
        QVERIFY(both.open(QIODevice::WriteOnly));
        both.write(m_pki->publicCa.toPem() + m_pki->inspectionCa.toPem());
    }

    // `--demo`: the simulated network, with its label everywhere, exit 1 as a run with failures.
    void demoNetwork()
    {
        const QStringList demoScenario{QStringLiteral("check"),      QStringLiteral("--demo"),
                                       QStringLiteral("--cloud"),    QStringLiteral("public"),
                                       QStringLiteral("--region"),   QStringLiteral("japaneast"),
                                       QStringLiteral("--storage"),  QStringLiteral("mystore"),
                                       QStringLiteral("--features"), QString()};
        const CliRun table = cli(demoScenario);
        QVERIFY2(table.exitCode == 1, table.err.constData());
        QVERIFY2(table.outText().startsWith(QStringLiteral("DEMO: ")), table.out.left(200).constData());
        for (const QString &status :
             {QStringLiteral("OK "), QStringLiteral("DNS_FAILED"), QStringLiteral("TCP_REFUSED"),
              QStringLiteral("TLS_TIMEOUT"), QStringLiteral("TLS_INSPECTED"), QStringLiteral("PROXY_AUTH_REQUIRED")})
            QVERIFY2(table.outText().contains(u'\n' + status), qPrintable(status));

        const CliRun json = cli(demoScenario + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject root = json.json();
        QCOMPARE(root.value(QStringLiteral("demo")).toBool(), true);
        QVERIFY(root.value(QStringLiteral("vantage"))
                    .toObject()
                    .value(QStringLiteral("network"))
                    .toString()
                    .startsWith(QStringLiteral("demo")));
        for (const QJsonValue &v : root.value(QStringLiteral("results")).toArray()) {
            for (const QJsonValue &a : v.toObject().value(QStringLiteral("addresses")).toArray())
                QCOMPARE(a.toObject().value(QStringLiteral("scope")).toString(), QStringLiteral("loopback"));
        }

        const CliRun html = cli(demoScenario + QStringList{QStringLiteral("--format"), QStringLiteral("html")});
        QVERIFY(html.outText().contains(QStringLiteral("<title>DEMO - ")));
        const CliRun csv = cli(demoScenario + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(csv.outText().section(u'\n', 0, 0).contains(QStringLiteral("DEMO: ")), csv.out.left(100).constData());

        // Never compared with a real run, either way round: refused before anything is tested.
        const QString demoReport = m_dir.filePath(QStringLiteral("demo.json"));
        const QString realReport = m_dir.filePath(QStringLiteral("real.json"));
        {
            QSaveFile f(demoReport);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(json.out);
            QVERIFY(f.commit());
            QJsonObject real = root;
            real.remove(QStringLiteral("demo"));
            QSaveFile r(realReport);
            QVERIFY(r.open(QIODevice::WriteOnly));
            r.write(QJsonDocument(real).toJson());
            QVERIFY(r.commit());
        }
        const CliRun realAgainstDemo = cli(scenario() + QStringList{QStringLiteral("--baseline"), demoReport});
        QCOMPARE(realAgainstDemo.exitCode, 2);
        QVERIFY2(realAgainstDemo.errText().contains(QStringLiteral("demo network")), realAgainstDemo.err.constData());
        const CliRun demoAgainstReal = cli(demoScenario + QStringList{QStringLiteral("--baseline"), realReport});
        QCOMPARE(demoAgainstReal.exitCode, 2);
        QVERIFY2(demoAgainstReal.errText().contains(QStringLiteral("real network")), demoAgainstReal.err.constData());
        const CliRun demoAgainstDemo = cli(demoScenario + QStringList{QStringLiteral("--baseline"), demoReport});
        QCOMPARE(demoAgainstDemo.exitCode, 1);
    }

    void everythingReachable()
    {
        const CliRun run = cli(scenario() + loopback(m_tls.serverPort(), m_http.serverPort())
                               + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject root = run.json();
        QCOMPARE(root.value(QStringLiteral("report")).toString(), QStringLiteral("check"));
        const QJsonArray results = resultsOf(run);
        QCOMPARE(results.size(), 11);
        for (const QJsonValue &v : results) {
            const QJsonObject r = v.toObject();
            QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("OK"));
            QVERIFY(ScenarioHosts.contains(r.value(QStringLiteral("host")).toString()));
            QCOMPARE(r.value(QStringLiteral("dns")).toObject().value(QStringLiteral("source")).toString(),
                     QStringLiteral("literal"));
            QVERIFY(r.value(QStringLiteral("path"))
                        .toObject()
                        .value(QStringLiteral("connectTo"))
                        .toString()
                        .startsWith(QStringLiteral("127.0.0.1:")));
            if (r.value(QStringLiteral("port")).toInt() == 443)
                QCOMPARE(r.value(QStringLiteral("tls")).toObject().value(QStringLiteral("sni")).toString(),
                         r.value(QStringLiteral("host")).toString());
        }
        QCOMPARE(statusOf(results, QStringLiteral("internet-out-storage"), 443), QStringLiteral("OK"));
        const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("ok")).toInt(), 11);
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 0);
        const QJsonObject vantage = root.value(QStringLiteral("vantage")).toObject();
        QVERIFY(!vantage.value(QStringLiteral("hostName")).toString().isEmpty());
        QVERIFY(!vantage.value(QStringLiteral("os")).toString().isEmpty());
        QCOMPARE(vantage.value(QStringLiteral("proxy")).toObject().value(QStringLiteral("setting")).toString(),
                 QStringLiteral("none"));
        QVERIFY(vantage.value(QStringLiteral("startedAt")).toString().endsWith(u'Z'));
    }

    // --format pdf on a machine without a display (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM):
    // a PDF of one page or more, written to the file; endpoints[] in the JSON of the same run.
    void pdfWithoutDisplay()
    {
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        const CliRun run = cli(scenario() + loopback(m_tls.serverPort(), m_http.serverPort())
                                   + QStringList{QStringLiteral("--format"), QStringLiteral("pdf"),
                                                 QStringLiteral("--output"), path, QStringLiteral("--paper"),
                                                 QStringLiteral("letter")},
                               {QStringLiteral("QT_QPA_PLATFORM="), QStringLiteral("DISPLAY="),
                                QStringLiteral("WAYLAND_DISPLAY=")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.count("/Type /Page\n") >= 1);
        const QRegularExpressionMatch box
            = QRegularExpression(QStringLiteral("/MediaBox \\[\\s*0 0 ([0-9.]+) ([0-9.]+)")).match(QString::fromLatin1(pdf));
        QVERIFY(box.hasMatch());
        QCOMPARE(qRound(box.captured(1).toDouble()), 612); // Letter, in points
        QCOMPARE(qRound(box.captured(2).toDouble()), 792);

        const CliRun noFile = cli(scenario() + QStringList{QStringLiteral("--format"), QStringLiteral("pdf")});
        QCOMPARE(noFile.exitCode, 2);
        QVERIFY2(noFile.errText().contains(QStringLiteral("--output")), noFile.err.constData());
    }

    void endpointsInTheJson()
    {
        const CliRun run = cli(scenario() + loopback(m_tls.serverPort(), m_http.serverPort())
                               + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject root = run.json();
        const QJsonArray results = resultsOf(run);
        QSet<QString> keys;
        for (const QJsonValue &v : results) {
            const QJsonObject r = v.toObject();
            // One probe per host:port; on a TLS port with or without HTTP (the network and the
            // application rule of one host share it), on a plain port HTTP apart from bare TCP.
            const QStringList stages = r.value(QStringLiteral("stages")).toVariant().toStringList();
            keys.insert(r.value(QStringLiteral("host")).toString() + u'|' + QString::number(r.value(QStringLiteral("port")).toInt())
                        + u'|' + (stages.contains(QStringLiteral("tls")) ? QStringLiteral("tls") : stages.join(u',')));
        }
        const QJsonArray endpoints = root.value(QStringLiteral("endpoints")).toArray();
        QCOMPARE(endpoints.size(), keys.size());
        int rules = 0;
        for (const QJsonValue &v : endpoints)
            rules += int(v.toObject().value(QStringLiteral("rules")).toArray().size());
        QCOMPARE(rules, results.size());
        QCOMPARE(root.value(QStringLiteral("askFor")).toArray().size(), 0); // all reachable
    }

    // The 2026 edition: UDP not testable with the reason, ANY tested as TCP and said so, an
    // unanswered placeholder not testable with the answer named; in the JSON and the HTML report.
    void editionRulesInTheReport()
    {
        QStringList args = scenario() + loopback(m_tls.serverPort(), m_http.serverPort());
        args[args.indexOf(m_catalogPath)] = m_editionCatalogPath;
        args << QStringLiteral("--sample") << QStringLiteral("*.japaneast.batch.azure.com=mypool.japaneast.batch.azure.com");
        const CliRun run = cli(args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.err.constData());
        QHash<QString, QJsonObject> byRule;
        for (const QJsonValue &v : resultsOf(run))
            byRule.insert(v.toObject().value(QStringLiteral("ruleId")).toString(), v.toObject());
        const QJsonObject tundra = byRule.value(QStringLiteral("x-tundra"));
        const QJsonObject batch = byRule.value(QStringLiteral("x-batch"));
        const QJsonObject acr = byRule.value(QStringLiteral("x-acr"));
        const QJsonObject workspace = byRule.value(QStringLiteral("x-workspace"));
        QCOMPARE(tundra.value(QStringLiteral("status")).toString(), QStringLiteral("NOT_TESTABLE"));
        QCOMPARE(tundra.value(QStringLiteral("notTestable")).toString(), QStringLiteral("udp"));
        QVERIFY(tundra.value(QStringLiteral("explanation")).toString().contains(QStringLiteral("port 5831")));
        QCOMPARE(batch.value(QStringLiteral("port")).toInt(), 443);
        QVERIFY(batch.value(QStringLiteral("status")).toString() != u"NOT_TESTABLE");
        QVERIFY(batch.value(QStringLiteral("stages")).toArray().contains(QStringLiteral("tcp")));
        QVERIFY2(QJsonDocument(batch.value(QStringLiteral("notes")).toArray()).toJson().contains("tested as TCP 443"),
                 QJsonDocument(batch).toJson().constData());
        QCOMPARE(acr.value(QStringLiteral("status")).toString(), QStringLiteral("NOT_TESTABLE"));
        QCOMPARE(acr.value(QStringLiteral("notTestable")).toString(), QStringLiteral("unanswered-placeholder"));
        QVERIFY(acr.value(QStringLiteral("action")).toString().contains(QStringLiteral("--acr")));
        QVERIFY(workspace.value(QStringLiteral("action")).toString().contains(QStringLiteral("--workspace-id")));
        const QString html = m_dir.filePath(QStringLiteral("edition.html"));
        const CliRun htmlRun = cli(args + QStringList{QStringLiteral("--format"), QStringLiteral("html"),
                                                      QStringLiteral("--output"), html});
        QVERIFY2(htmlRun.exitCode == 0 || htmlRun.exitCode == 1, htmlRun.err.constData());
        QFile report(html);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(report.readAll());
        QVERIFY(page.contains(QStringLiteral("UDP has no connection to test")));
        QVERIFY(page.contains(QStringLiteral("tested as TCP 443")));
        QVERIFY(page.contains(QStringLiteral("--workspace-id")));
    }

    // A managed network: private endpoints not testable (inside the network), service tags tested.
    void managedNetwork()
    {
        QStringList args = scenario() + loopback(m_tls.serverPort(), m_http.serverPort());
        args[args.indexOf(m_catalogPath)] = m_editionCatalogPath;
        args << QStringLiteral("--network") << QStringLiteral("managed") << QStringLiteral("--format")
             << QStringLiteral("json");
        const CliRun run = cli(args);
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.err.constData());
        const QJsonArray results = resultsOf(run);
        QCOMPARE(results.size(), 5);
        QCOMPARE(statusOf(results, QStringLiteral("m-aml"), 443), QStringLiteral("OK"));
        for (const QJsonValue &v : results) {
            const QJsonObject r = v.toObject();
            if (r.value(QStringLiteral("ruleId")).toString() == u"m-queue") {
                QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("NOT_TESTABLE"));
                QCOMPARE(r.value(QStringLiteral("notTestable")).toString(), QStringLiteral("managed-private-endpoint"));
            }
        }
    }

    void pinnedAddresses()
    {
        // --resolve pins the names (the first rule that matches wins); --connect-to only moves the port.
        const QStringList args
            = scenario()
              + QStringList{QStringLiteral("--proxy"),      QStringLiteral("none"),
                            QStringLiteral("--ca-bundle"),  m_pki->publicCaPath,
                            QStringLiteral("--resolve"),    QStringLiteral("ml.azure.com:*:[::1],127.0.0.1"),
                            QStringLiteral("--resolve"),    QStringLiteral("*:*:127.0.0.1"),
                            QStringLiteral("--connect-to"), QStringLiteral(":443::%1").arg(m_tls.serverPort()),
                            QStringLiteral("--connect-to"), QStringLiteral(":80::%1").arg(m_http.serverPort()),
                            QStringLiteral("--format"),     QStringLiteral("json")};
        const CliRun run = cli(args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        for (const QJsonValue &v : resultsOf(run)) {
            const QJsonObject r = v.toObject();
            QCOMPARE(r.value(QStringLiteral("dns")).toObject().value(QStringLiteral("source")).toString(),
                     QStringLiteral("pinned"));
            if (r.value(QStringLiteral("host")).toString() != u"ml.azure.com")
                continue;
            const QJsonArray addresses = r.value(QStringLiteral("addresses")).toArray();
            QCOMPARE(addresses.size(), 2);
            QCOMPARE(addresses.at(0).toObject().value(QStringLiteral("family")).toString(), QStringLiteral("ipv6"));
            const QJsonObject families
                = r.value(QStringLiteral("tcp")).toObject().value(QStringLiteral("families")).toObject();
            QCOMPARE(families.value(QStringLiteral("ipv4")).toString(), QStringLiteral("connected"));
            QVERIFY(families.value(QStringLiteral("ipv6")).toString() != u"connected"); // nothing on ::1
        }
    }

    void failuresExitOne()
    {
        const RefusingPort refused;
        QVERIFY(refused.isValid());
        const CliRun run = cli(scenario() + loopback(m_tls.serverPort(), refused.port()));
        QCOMPARE(run.exitCode, 1);
        const QString out = QString::fromUtf8(run.out);
        // Not a terminal: plain lines, one per endpoint, then the summary.
        QCOMPARE(out.count(QStringLiteral("TCP_REFUSED ")), 2 + 1); // two rows, one summary line
        QVERIFY(out.contains(QStringLiteral("What to ask for:")));
        QVERIFY(out.contains(QStringLiteral("login.microsoftonline.com:80")));
        QVERIFY(!out.contains(QStringLiteral("\x1b["))); // no terminal escapes in a pipe
    }

    // A report that cannot be written is bad input before anything is tested: no connection, no row.
    void unusableOutputBeforeTesting_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing folder") << QStringLiteral("missing/r.json") << QStringLiteral("does not exist");
        QTest::newRow("a folder") << QString() << QStringLiteral("it is a folder");
    }

    void unusableOutputBeforeTesting()
    {
        QFETCH(QString, output);
        QFETCH(QString, message);
        const int connectionsBefore = m_tls.connections();
        const CliRun run = cli(scenario() + loopback(m_tls.serverPort(), m_http.serverPort())
                               + QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                             QStringLiteral("--output"), m_dir.filePath(output)});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), run.err.constData());
        QVERIFY2(run.out.isEmpty(), run.out.constData()); // not even the table's header
        QCOMPARE(m_tls.connections(), connectionsBefore);
    }

    // A server's reason phrase and headers with terminal escapes: neither the table nor the JSON
    // carries a control character from it, while the text itself stays readable.
    void serverTextIsPrintedWithoutControlCharacters()
    {
        QString error;
        const auto issued = m_pki->issue(QStringLiteral("hostile"), ScenarioHosts, TestPki::Authority::Public, &error);
        QVERIFY2(issued, qPrintable(error));
        HostileServer hostile(HostileServer::Behaviour::RawAnswer);
        hostile.setCertificate(issued->chain, issued->key);
        hostile.setAnswer(QByteArrayLiteral("HTTP/1.1 403 Forbidden\x1b]0;owned\x07\x1b[31m\r\n"
                                            "Server: squid\x1b[2J\x9b" "5m\r\n\r\n"));
        QVERIFY(hostile.listenLoopback());
        const QStringList args = scenario() + loopback(hostile.serverPort(), m_http.serverPort());

        const CliRun table = cli(args + QStringList{QStringLiteral("--format"), QStringLiteral("table")});
        QCOMPARE(table.exitCode, 1);
        QVERIFY(table.out.contains("HTTP_BLOCKED"));
        QVERIFY2(table.out.contains("squid[2J5m"), table.out.constData()); // the text, without its escapes
        for (const char c : table.out) {
            const auto u = uchar(c);
            QVERIFY2(u >= 0x20 || u == '\n' || u == '\r', qPrintable(QStringLiteral("control byte %1").arg(u)));
        }
        QVERIFY(!table.out.contains("\xc2\x9b")); // the one-character CSI, as UTF-8

        const CliRun json = cli(args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 1);
        int blocked = 0;
        for (const QJsonValue &v : resultsOf(json)) {
            const QJsonObject r = v.toObject();
            const QJsonObject http = r.value(QStringLiteral("http")).toObject();
            for (const QString &text : {http.value(QStringLiteral("reason")).toString(),
                                        http.value(QStringLiteral("server")).toString(),
                                        http.value(QStringLiteral("proxyEvidence")).toString(),
                                        r.value(QStringLiteral("detail")).toString(),
                                        r.value(QStringLiteral("explanation")).toString()}) {
                for (const QChar c : text)
                    QVERIFY2(c.unicode() >= 0x20 && (c.unicode() < 0x7f || c.unicode() >= 0xa0), qPrintable(text));
            }
            if (r.value(QStringLiteral("status")).toString() == u"HTTP_BLOCKED") {
                ++blocked;
                QCOMPARE(http.value(QStringLiteral("reason")).toString(), QStringLiteral("Forbidden]0;owned[31m"));
                QCOMPARE(http.value(QStringLiteral("server")).toString(), QStringLiteral("squid[2J5m"));
            }
        }
        QVERIFY(blocked > 0);
    }

    void inspectionIsReported()
    {
        QStringList args = scenario() + loopback(m_inspecting.serverPort(), m_http.serverPort());
        args[args.indexOf(m_pki->publicCaPath)] = m_bothCasPath; // the inspecting CA is trusted here
        const CliRun run = cli(args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray results = resultsOf(run);
        QCOMPARE(statusOf(results, QStringLiteral("aml-public-studio"), 443), QStringLiteral("TLS_INSPECTED"));
        QCOMPARE(statusOf(results, QStringLiteral("gen-public-aad"), 80), QStringLiteral("OK"));
        for (const QJsonValue &v : results) {
            if (v.toObject().value(QStringLiteral("status")).toString() == u"TLS_INSPECTED")
                QVERIFY(v.toObject()
                            .value(QStringLiteral("explanation"))
                            .toString()
                            .contains(QString::fromLatin1(TestPki::InspectionOrganization)));
        }
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("format") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf")}
                                << QStringLiteral("pdf");
        QTest::newRow("resolve") << QStringList{QStringLiteral("--resolve"), QStringLiteral("nonsense")}
                                 << QStringLiteral("--resolve");
        QTest::newRow("connect-to") << QStringList{QStringLiteral("--connect-to"), QStringLiteral("a:b")}
                                    << QStringLiteral("--connect-to");
        QTest::newRow("proxy") << QStringList{QStringLiteral("--proxy"), QStringLiteral("socks5://127.0.0.1:1080")}
                               << QStringLiteral("socks5");
        QTest::newRow("concurrency") << QStringList{QStringLiteral("--concurrency"), QStringLiteral("0")}
                                     << QStringLiteral("--concurrency");
        QTest::newRow("threads") << QStringList{QStringLiteral("--threads"), QStringLiteral("99")}
                                 << QStringLiteral("--threads");
        QTest::newRow("sample outside its wildcard")
            << QStringList{QStringLiteral("--features"), QStringLiteral("compute-instance,hbi"),
                           QStringLiteral("--sample"), QStringLiteral("*.vault.azure.net=evil.example.com")}
            << QStringLiteral("evil.example.com");
        QTest::newRow("baseline") << QStringList{QStringLiteral("--baseline"),
                                                 QStringLiteral("/nonexistent/before.json")}
                                  << QStringLiteral("before.json");
        QTest::newRow("ca bundle") << QStringList{QStringLiteral("--ca-bundle"), QStringLiteral("/nonexistent/ca.pem")}
                                   << QStringLiteral("ca.pem");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QStringList args = scenario() + QStringList{QStringLiteral("--proxy"), QStringLiteral("none")};
        if (arguments.first() == u"--features")
            args.remove(args.indexOf(QStringLiteral("--features")), 2);
        const CliRun english = cli(args + arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(english.exitCode, 2);
        const QString err = QString::fromUtf8(english.err);
        QVERIFY2(err.contains(expected), qPrintable(err));
        QVERIFY(!hasJapanese(err));
        QVERIFY(english.out.isEmpty());
        const CliRun japanese = cli(args + arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(japanese.exitCode, 2);
        QVERIFY2(hasJapanese(QString::fromUtf8(japanese.err)), japanese.err.constData());
    }

    void htmlAndCsvInJapanese()
    {
        const QString html = m_dir.filePath(QStringLiteral("report.html"));
        const CliRun run = cli(scenario() + loopback(m_tls.serverPort(), m_http.serverPort())
                               + QStringList{QStringLiteral("--lang"), QStringLiteral("ja"), QStringLiteral("--format"),
                                             QStringLiteral("html"), QStringLiteral("--output"), html});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(file.readAll());
        QVERIFY(page.contains(QStringLiteral("<html lang=\"ja\">")));
        QVERIFY(page.contains(QStringLiteral("東日本")));
        QVERIFY(page.contains(QStringLiteral("到達可能")));
        for (const char *external : {"<script", "<link", "src=", "url("})
            QVERIFY2(!page.contains(QLatin1String(external)), external);
        // The live table still went to the terminal (here a pipe), in Japanese.
        const QString out = QString::fromUtf8(run.out);
        QVERIFY(out.contains(QStringLiteral("OK ")));
        QVERIFY(hasJapanese(out));
        QVERIFY(hasJapanese(QString::fromUtf8(run.err))); // "wrote ..."

        const QString csv = m_dir.filePath(QStringLiteral("report.csv"));
        const CliRun csvRun
            = cli(scenario() + loopback(m_tls.serverPort(), m_http.serverPort())
                  + QStringList{QStringLiteral("--lang"), QStringLiteral("ja"), QStringLiteral("--format"),
                                QStringLiteral("csv"), QStringLiteral("-o"), csv});
        QCOMPARE(csvRun.exitCode, 0);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = csvFile.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // for Excel
        QVERIFY(hasJapanese(QString::fromUtf8(bytes).section(QStringLiteral("\r\n"), 0, 0)));
        QCOMPARE(QString::fromUtf8(bytes).count(QStringLiteral("\r\nOK,")), 11);
    }

    void baselineShowsWhatChanged()
    {
        const QString before = m_dir.filePath(QStringLiteral("before.json"));
        const RefusingPort refused;
        QVERIFY(refused.isValid());
        const CliRun first = cli(
            scenario() + loopback(m_tls.serverPort(), refused.port())
            + QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), before});
        QCOMPARE(first.exitCode, 1);
        QVERIFY(QFile::exists(before));

        const QStringList after = scenario() + loopback(m_tls.serverPort(), m_http.serverPort())
                                  + QStringList{QStringLiteral("--baseline"), before};
        const CliRun json = cli(after + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject changes
            = json.json().value(QStringLiteral("summary")).toObject().value(QStringLiteral("changes")).toObject();
        QCOMPARE(changes.value(QStringLiteral("fixed")).toInt(), 2);
        QCOMPARE(changes.value(QStringLiteral("unchanged")).toInt(), 9);
        for (const QJsonValue &v : resultsOf(json)) {
            const QJsonObject baseline = v.toObject().value(QStringLiteral("baseline")).toObject();
            const bool port80 = v.toObject().value(QStringLiteral("port")).toInt() == 80;
            QCOMPARE(baseline.value(QStringLiteral("change")).toString(),
                     port80 ? QStringLiteral("fixed") : QStringLiteral("unchanged"));
            if (port80)
                QCOMPARE(baseline.value(QStringLiteral("status")).toString(), QStringLiteral("TCP_REFUSED"));
        }
        const CliRun csv = cli(after + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY(QString::fromUtf8(csv.out).contains(QStringLiteral("TCP_REFUSED,fixed")));
        const CliRun html = cli(after
                                + QStringList{QStringLiteral("--format"), QStringLiteral("html"),
                                              QStringLiteral("--lang"), QStringLiteral("ja")});
        QVERIFY(QString::fromUtf8(html.out).contains(QStringLiteral("修正済み")));
        const CliRun table = cli(after);
        QVERIFY(QString::fromUtf8(table.out).contains(QStringLiteral("[fixed]")));
        QVERIFY(QString::fromUtf8(table.out).contains(QStringLiteral("2 fixed, 0 now failing")));
    }

    // A baseline of another scenario is used, but never silently: a warning names what differs.
    void baselineOfAnotherScenarioWarns()
    {
        const QString before = m_dir.filePath(QStringLiteral("other-scenario.json"));
        const QStringList args = scenario() + loopback(m_tls.serverPort(), m_http.serverPort());
        const CliRun first
            = cli(args + QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), before});
        QVERIFY(QFile::exists(before));
        const CliRun same = cli(args + QStringList{QStringLiteral("--baseline"), before});
        QVERIFY2(!QString::fromUtf8(same.err).contains(QStringLiteral("another scenario")), same.err.constData());

        QFile file(before);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonObject scenarioObject = root.value(QStringLiteral("scenario")).toObject();
        scenarioObject.insert(QStringLiteral("region"), QStringLiteral("westeurope"));
        root.insert(QStringLiteral("scenario"), scenarioObject);
        QJsonObject catalog = root.value(QStringLiteral("catalog")).toObject();
        catalog.insert(QStringLiteral("edition"), QStringLiteral("1999-01"));
        root.insert(QStringLiteral("catalog"), catalog);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(root).toJson());
        file.close();
        const CliRun other = cli(args + QStringList{QStringLiteral("--baseline"), before});
        QCOMPARE(other.exitCode, same.exitCode); // a warning, not a refusal
        const QString err = QString::fromUtf8(other.err);
        QVERIFY2(err.contains(QStringLiteral("warning: the baseline")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("region: westeurope then, japaneast now")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("edition: 1999-01 then")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("other-scenario.json")), qPrintable(err));
    }

    void systemProxyFromTheEnvironment()
    {
        TestConnectProxy proxy;
        QVERIFY(proxy.listenLoopback());
        proxy.addRoute(QStringLiteral("login.microsoftonline.com"), 80, m_http.serverPort());
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort());
        const QStringList args
            = scenario()
              + QStringList{QStringLiteral("--proxy"),      QStringLiteral("system"),
                            QStringLiteral("--ca-bundle"),  m_pki->publicCaPath,
                            QStringLiteral("--connect-to"), QStringLiteral(":443:127.0.0.1:%1").arg(m_tls.serverPort()),
                            QStringLiteral("--connect-to"), QStringLiteral(":80:127.0.0.1:%1").arg(m_http.serverPort()),
                            QStringLiteral("--format"),     QStringLiteral("json")};
        const CliRun run = cli(args, {QStringLiteral("http_proxy=") + url, QStringLiteral("https_proxy=") + url});
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QSet<QString> tlsHosts;
        int tlsRows = 0;
        for (const QJsonValue &v : resultsOf(run)) {
            const QJsonObject path = v.toObject().value(QStringLiteral("path")).toObject();
            if (v.toObject().value(QStringLiteral("port")).toInt() == 443) {
                tlsHosts.insert(v.toObject().value(QStringLiteral("host")).toString());
                ++tlsRows;
            }
            if (v.toObject().value(QStringLiteral("stages")).toArray().size() == 2) { // TCP only: not web traffic
                QCOMPARE(path.value(QStringLiteral("mode")).toString(), QStringLiteral("direct"));
                QCOMPARE(path.value(QStringLiteral("bypassed")).toBool(), true);
                continue;
            }
            QCOMPARE(path.value(QStringLiteral("mode")).toString(), QStringLiteral("http-proxy"));
            QCOMPARE(path.value(QStringLiteral("proxySource")).toString(), QStringLiteral("system"));
            QCOMPARE(path.value(QStringLiteral("proxy")).toString(),
                     QStringLiteral("127.0.0.1:%1").arg(proxy.serverPort()));
        }
        QStringList methods;
        for (const TestConnectProxy::Request &r : proxy.requests())
            methods << r.method;
        // One CONNECT per 443 endpoint: a host's network and application rules share it.
        QVERIFY(tlsRows > tlsHosts.size());
        QCOMPARE(methods.count(QStringLiteral("CONNECT")), tlsHosts.size());
        QCOMPARE(methods.count(QStringLiteral("HEAD")),
                 1); // http://login.microsoftonline.com/ (the TCP-only 80 goes direct)
    }

    void cliJsonMatchesTheModel()
    {
        // Run the CLI with one port failing, then the engine in this process with the same options:
        // the CLI's JSON and the model the GUI shows must agree row by row.
        const RefusingPort refused;
        QVERIFY(refused.isValid());
        const QStringList extra = loopback(m_tls.serverPort(), refused.port());
        const CliRun run = cli(scenario() + extra
                               + QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                             QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray results = resultsOf(run);

        Problems problems;
        const Catalog catalog = Catalog::fromFile(m_catalogPath, &problems);
        QVERIFY(catalog.isValid());
        Answers answers;
        answers.cloud = QStringLiteral("public");
        answers.region = QStringLiteral("japaneast");
        answers.storage = QStringLiteral("mystore");
        const RuleSet set = RuleGenerator::generate(catalog, answers);
        ProbeOptions options;
        QString error;
        options.proxy = *ProbeOptions::parseProxy(QStringLiteral("none"), &error);
        options.extraCaCertificates = *ProbeOptions::loadCaBundle(m_pki->publicCaPath, &error);
        options.connectTo << *ProbeOptions::parseConnectTo(extra.at(5), &error)
                          << *ProbeOptions::parseConnectTo(extra.at(7), &error);
        ProbeEngine engine;
        engine.setOptions(options);
        ProbeResultModel model;
        model.setEngine(&engine);
        QSignalSpy finished(&engine, &ProbeEngine::finished);
        QVERIFY(engine.start(set, &problems));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);

        QCOMPARE(model.rowCount(), results.size());
        int failures = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QJsonObject r = results.at(row).toObject();
            QCOMPARE(model.index(row, ProbeResultModel::RuleColumn).data().toString(),
                     r.value(QStringLiteral("ruleId")).toString());
            QCOMPARE(model.index(row, ProbeResultModel::HostColumn).data().toString(),
                     r.value(QStringLiteral("host")).toString());
            QCOMPARE(model.index(row, ProbeResultModel::PortColumn).data().toString(),
                     r.value(QStringLiteral("portSpec")).toString());
            QCOMPARE(model.index(row, ProbeResultModel::StatusColumn).data().toString(),
                     r.value(QStringLiteral("status")).toString());
            QCOMPARE(model.index(row, 0).data(ProbeResultModel::ExplanationRole).toString(),
                     r.value(QStringLiteral("explanation")).toString());
            failures += model.index(row, 0).data(ProbeResultModel::FailedRole).toBool() ? 1 : 0;
        }
        QCOMPARE(failures, 2);
    }
};

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
