// The demo network: every status once, nothing beyond 127.0.0.1, certificates made at start, the
// same statuses on every run.
#include "demonetwork.h"
#include "probeengine.h"
#include "probejsonreport.h"
#include "probeplanner.h"
#include "proberun.h"
#include "rulesetfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace amlfw;

namespace {

struct DemoRun
{
    QList<ProbeResult> results;
    ProbeOptions options;
    QList<QHostAddress> listen;
    QList<QHostAddress> upstream;
    QList<QSslCertificate> cas;
};

DemoRun runDemo(const RuleSet &set)
{
    DemoRun out;
    const QList<ProbeTarget> targets = ProbePlanner::plan(set, ProbeOptions());
    DemoNetwork demo;
    QString error;
    if (!demo.start(targets, &error)) {
        qWarning() << "demo did not start:" << error;
        return out;
    }
    out.options = demo.options(ProbeOptions());
    ProbeEngine engine;
    engine.setResolver(demo.resolver());
    engine.setOptions(out.options);
    QSignalSpy finished(&engine, &ProbeEngine::finished);
    engine.start(targets, DemoNetwork::catalog(set.catalog.probe));
    if (!finished.wait(20000))
        qWarning() << "demo run did not finish";
    out.results = engine.results();
    out.listen = demo.listenAddresses();
    out.upstream = demo.proxyUpstreamAddresses();
    out.cas = demo.caCertificates();
    return out;
}

} // namespace

class TestDemoNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStatus_data()
    {
        QTest::addColumn<QStringList>("features");
        QTest::newRow("all features") << test::builtInCatalog().featureIds();
        QTest::newRow("no features") << QStringList();
    }

    void everyStatus()
    {
        QFETCH(QStringList, features);
        const RuleSet set = test::generate(QStringLiteral("public"), QStringLiteral("japaneast"), features);
        const DemoRun run = runDemo(set);
        QVERIFY(!run.results.isEmpty());

        QMap<ProbeStatus, int> byStatus;
        for (const ProbeResult &r : run.results)
            byStatus[r.status] += 1;
        const QList<ProbeStatus> shown{ProbeStatus::Ok,           ProbeStatus::DnsFailed,
                                       ProbeStatus::TcpRefused,   ProbeStatus::TlsTimeout,
                                       ProbeStatus::TlsInspected, ProbeStatus::ProxyAuthRequired};
        for (ProbeStatus s : shown)
            QVERIFY2(byStatus.value(s) > 0, qPrintable(probeStatusId(s)));
        // Nothing else but the rows that cannot be tested, and most are OK.
        for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
            QVERIFY2(shown.contains(it.key()) || it.key() == ProbeStatus::NotTestable,
                     qPrintable(probeStatusId(it.key())));
        int tested = 0;
        for (const ProbeResult &r : run.results)
            tested += r.target.isTestable() ? 1 : 0;
        // In a scenario of many endpoints most are OK (a small one shows every status all the same).
        if (tested > 20)
            QVERIFY2(byStatus.value(ProbeStatus::Ok) * 2 > tested, qPrintable(QString::number(tested)));
    }

    void onlyLoopback()
    {
        const RuleSet set = test::generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        const DemoRun run = runDemo(set);
        QVERIFY(!run.results.isEmpty());
        // Every address any connection went to, every server's, every proxy connection's.
        int attempts = 0;
        for (const ProbeResult &r : run.results) {
            for (const TcpAttempt &a : r.tcp) {
                QVERIFY2(a.address.isLoopback(), qPrintable(r.target.host + u' ' + a.address.toString()));
                ++attempts;
            }
            for (const ProbeAddress &a : r.addresses)
                QVERIFY2(a.address.isLoopback(), qPrintable(a.address.toString()));
        }
        QVERIFY(attempts > 10);
        QCOMPARE(run.listen.size(), 5);
        for (const QHostAddress &a : run.listen)
            QCOMPARE(a, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(!run.upstream.isEmpty());
        for (const QHostAddress &a : run.upstream)
            QCOMPARE(a, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(run.options.proxy.host, QStringLiteral("127.0.0.1"));
        for (const ConnectToRule &c : run.options.connectTo)
            QVERIFY2(c.toHost.isEmpty() && c.toPort > 0, qPrintable(c.text));
        QVERIFY(run.options.resolve.isEmpty());
        QVERIFY(run.options.demo);
    }

    void certificatesMadeAtStart()
    {
        const RuleSet set = test::generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        const DemoRun run = runDemo(set);
        QCOMPARE(run.cas.size(), 2);
        QCOMPARE(run.cas.at(0).subjectInfo(QSslCertificate::CommonName).value(0),
                 QString::fromLatin1(DemoNetwork::CaName));
        QCOMPARE(run.cas.at(1).subjectInfo(QSslCertificate::CommonName).value(0),
                 QString::fromLatin1(DemoNetwork::InspectionCaName));
        QVERIFY(run.cas.at(0).expiryDate() > QDateTime::currentDateTimeUtc());
        bool sawDemo = false, sawInspection = false;
        for (const ProbeResult &r : run.results) {
            if (r.tls.outcome != TlsOutcome::Ok)
                continue;
            QVERIFY(r.tls.errors.isEmpty()); // verified against the demo CAs, not accepted blindly
            const QString issuer = r.tls.chain.value(0).issuer;
            if (r.status == ProbeStatus::TlsInspected) {
                QCOMPARE(issuer, QString::fromLatin1(DemoNetwork::InspectionCaName));
                sawInspection = true;
            } else {
                QCOMPARE(issuer, QString::fromLatin1(DemoNetwork::CaName));
                sawDemo = true;
            }
        }
        QVERIFY(sawDemo && sawInspection);
        // A second network makes its own CA.
        const DemoRun again = runDemo(set);
        QVERIFY(again.cas.value(0) != run.cas.value(0));
    }

    void sameStatusesEveryRun()
    {
        const RuleSet set = test::generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        const DemoRun first = runDemo(set);
        const DemoRun second = runDemo(set);
        QCOMPARE(first.results.size(), second.results.size());
        for (int i = 0; i < first.results.size(); ++i)
            QCOMPARE(probeStatusId(second.results.at(i).status), probeStatusId(first.results.at(i).status));
    }

    void reportSaysDemo()
    {
        const RuleSet set = test::generate(QStringLiteral("public"), QStringLiteral("japaneast"), {});
        const DemoRun demoRun = runDemo(set);
        ProbeRun run;
        run.set = set;
        run.options = demoRun.options;
        run.results = demoRun.results;
        run.vantage = ProbeVantage::current(demoRun.options, demoRun.results, QDateTime::currentDateTimeUtc(),
                                            QDateTime::currentDateTimeUtc());
        QVERIFY(run.demo());
        const QByteArray json = ProbeJsonReport::write(run, Language::English);
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        QCOMPARE(root.value(QStringLiteral("demo")).toBool(), true);
        QVERIFY(root.value(QStringLiteral("vantage"))
                    .toObject()
                    .value(QStringLiteral("network"))
                    .toString()
                    .startsWith(QStringLiteral("demo")));
        QString error;
        const auto baseline = ProbeBaseline::fromJson(json, QStringLiteral("demo.json"), &error);
        QVERIFY2(baseline, qPrintable(error));
        QVERIFY(baseline->demo);
        // A real run's report is no demo.
        run.options.demo = false;
        run.vantage.demo = false;
        const QJsonObject real = QJsonDocument::fromJson(ProbeJsonReport::write(run, Language::English)).object();
        QVERIFY(!real.contains(QStringLiteral("demo")));
    }
};

QTEST_GUILESS_MAIN(TestDemoNetwork)
#include "tst_demonetwork.moc"
