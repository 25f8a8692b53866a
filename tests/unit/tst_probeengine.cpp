// The probe engine against servers on loopback: TLS servers with certificates made at test time,
// a server that never answers the handshake, refused and silent ports, a CONNECT proxy, and a fake
// resolver. No real host is resolved or reached.
#include "fakeresolver.h"
#include "fullbacklog.h"
#include "hostresolver.h"
#include "httptestserver.h"
#include "probeengine.h"
#include "proberesultmodel.h"
#include "proberun.h"
#include "probetexts.h"
#include "silentserver.h"
#include "testconnectproxy.h"
#include "testnet.h"
#include "testpki.h"
#include "tlstestserver.h"

#include <QMutex>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace amlfw;

namespace {

const QString Host = QStringLiteral("api.amlfw.test");

ProbeTarget target(const QString &host, int port, bool tls, bool http, const QString &ruleId = QStringLiteral("rule"))
{
    ProbeTarget t;
    t.ruleId = ruleId;
    t.destination = host;
    t.destinationTemplate = host;
    t.host = host;
    t.port = port;
    t.portSpec = QString::number(port);
    t.protocol = QStringLiteral("TCP");
    t.tls = tls;
    t.http = http;
    t.firewallType = http ? FirewallRuleType::Application : FirewallRuleType::NetworkFqdn;
    return t;
}

// A resolver that answers only when told to, as a correct resolver does: never once the context
// it was given is gone. Lets a test answer after the engine that asked is destroyed.
class LateResolver : public HostResolver
{
public:
    void lookup(const QString &host, QObject *context, Callback done) override
    {
        m_pending.append({host, context, std::move(done)});
    }
    int pending() const { return int(m_pending.size()); }
    int answerAll(const QHostAddress &address)
    {
        int answered = 0;
        const auto pending = std::exchange(m_pending, {});
        for (const Pending &p : pending) {
            if (!p.context)
                continue;
            HostAnswer answer;
            answer.outcome = DnsOutcome::Ok;
            answer.addresses = {address};
            p.done(answer);
            ++answered;
        }
        return answered;
    }

private:
    struct Pending
    {
        QString host;
        QPointer<QObject> context;
        Callback done;
    };
    QList<Pending> m_pending;
};

// A fake resolver that also notes the thread of each lookup: where the engine's jobs ran.
class ThreadNotingResolver : public FakeResolver
{
public:
    void lookup(const QString &host, QObject *context, Callback done) override
    {
        {
            QMutexLocker lock(&m_threadMutex);
            m_threads.insert(QThread::currentThread());
        }
        FakeResolver::lookup(host, context, std::move(done));
    }
    QSet<QThread *> threads() const
    {
        QMutexLocker lock(&m_threadMutex);
        return m_threads;
    }

private:
    mutable QMutex m_threadMutex;
    QSet<QThread *> m_threads;
};

// A loopback port whose connection attempts hang (their SYNs dropped: a zero backlog filled by one
// connection nobody accepts) until free() lets the queue drain; from then on they complete.
class HangingPort
{
public:
    bool listen(const QHostAddress &address, quint16 port)
    {
        m_server.setListenBacklogSize(0);
        if (!m_server.listen(address, port))
            return false;
        m_server.pauseAccepting();
        m_filler.connectToHost(address, m_server.serverPort());
        return m_filler.waitForConnected(5000);
    }
    void free() { m_server.resumeAccepting(); }
    quint16 port() const { return m_server.serverPort(); }
    // Connections accepted besides the filler: attempts that got through.
    int accepted()
    {
        while (QTcpSocket *s = m_server.nextPendingConnection())
            m_accepted << s;
        return int(m_accepted.size()) - 1;
    }

private:
    QTcpServer m_server;
    QTcpSocket m_filler;
    QList<QTcpSocket *> m_accepted;
};

ConnectToRule redirect(const QString &host, int port, int toPort)
{
    ConnectToRule r;
    r.host = host;
    r.port = port;
    r.toPort = toPort;
    r.text = host + u':' + QString::number(port) + QStringLiteral("::") + QString::number(toPort);
    return r;
}

} // namespace

class TestProbeEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
    TestPki::Issued m_public;
    TestPki::Issued m_inspected;
    TestPki::Issued m_selfSigned;
    TestPki::Issued m_otherName;
    ProbeCatalog m_probe;
    FakeResolver m_resolver;

    ProbeOptions options() const
    {
        ProbeOptions o;
        o.proxy.mode = ProxySetting::Mode::None;
        o.timeouts = {500, 1500, 1500, 1500};
        o.extraCaCertificates = {m_pki->publicCa};
        return o;
    }

    // The tested host's port 443 goes to `port` on loopback.
    ProbeOptions directTo(quint16 port) const
    {
        ProbeOptions o = options();
        o.connectTo << redirect(Host, 443, port);
        return o;
    }

    ProbeOptions throughProxy(quint16 proxyPort) const
    {
        ProbeOptions o = options();
        o.proxy.mode = ProxySetting::Mode::Explicit;
        o.proxy.host = QStringLiteral("127.0.0.1");
        o.proxy.port = proxyPort;
        return o;
    }

    std::unique_ptr<TlsTestServer> tlsServer(const TestPki::Issued &certificate, const HttpBehaviour &behaviour = {})
    {
        auto server = std::make_unique<TlsTestServer>();
        server->setCertificate(certificate.chain, certificate.key);
        server->setBehaviour(behaviour);
        if (!server->listenLoopback())
            return nullptr;
        return server;
    }

    // Runs `targets` to the end; false when the engine did not finish in time.
    bool run(ProbeEngine &engine, const QList<ProbeTarget> &targets, int timeoutMs = 10000)
    {
        QSignalSpy finished(&engine, &ProbeEngine::finished);
        engine.setResolver(&m_resolver);
        if (!engine.start(targets, m_probe))
            return false;
        return QTest::qWaitFor([&] { return finished.count() > 0; }, timeoutMs) && !engine.isRunning();
    }

    // HTTPS rows of hosts h0… h<count-1>, each sent to `port` on loopback.
    static QList<ProbeTarget> hostsOn(ProbeOptions *o, int count, quint16 port)
    {
        QList<ProbeTarget> targets;
        for (int i = 0; i < count; ++i) {
            const QString host = QStringLiteral("h%1.amlfw.test").arg(i);
            o->connectTo << redirect(host, 443, port);
            targets << target(host, 443, true, true);
        }
        return targets;
    }

    ProbeResult runOne(const ProbeTarget &t, const ProbeOptions &o)
    {
        ProbeEngine engine;
        engine.setOptions(o);
        if (!run(engine, {t}))
            return {};
        return engine.results().value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pki = std::make_unique<TestPki>(m_dir.path());
        QString error;
        QVERIFY2(m_pki->create(&error), qPrintable(error));
        const QStringList names{QStringLiteral("*.amlfw.test"), QStringLiteral("amlfw.test")};
        auto issued = m_pki->issue(QStringLiteral("public"), names, TestPki::Authority::Public, &error);
        QVERIFY2(issued, qPrintable(error));
        m_public = *issued;
        issued = m_pki->issue(QStringLiteral("inspected"), names, TestPki::Authority::Inspection, &error);
        QVERIFY2(issued, qPrintable(error));
        m_inspected = *issued;
        issued = m_pki->selfSigned(QStringLiteral("selfsigned"), names, &error);
        QVERIFY2(issued, qPrintable(error));
        m_selfSigned = *issued;
        issued = m_pki->issue(QStringLiteral("other"), {QStringLiteral("other.example.test")},
                              TestPki::Authority::Public, &error);
        QVERIFY2(issued, qPrintable(error));
        m_otherName = *issued;

        m_probe.tlsPorts = {QStringLiteral("443")};
        m_probe.expectedIssuers
            = {{QStringLiteral("test"), {QStringLiteral("*")}, {QString::fromLatin1(TestPki::PublicOrganization)}}};
        m_resolver.setAddresses(Host, {QHostAddress(QHostAddress::LocalHost)});
        for (int i = 0; i < 20; ++i)
            m_resolver.setAddresses(QStringLiteral("h%1.amlfw.test").arg(i), {QHostAddress(QHostAddress::LocalHost)});
        m_resolver.setNotFound(QStringLiteral("missing.amlfw.test"));
        m_resolver.setHanging(QStringLiteral("slow.amlfw.test"));
        m_resolver.setAddresses(QStringLiteral("dual.amlfw.test"),
                                {QHostAddress(QHostAddress::LocalHostIPv6), QHostAddress(QHostAddress::LocalHost)});
    }

    void okThroughTlsAndHttp()
    {
        auto server = tlsServer(m_public);
        QVERIFY(server);
        ProbeOptions o = directTo(server->serverPort());
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
        QCOMPARE(r.dns, DnsOutcome::Ok);
        QCOMPARE(r.addressSource, AddressSource::Dns);
        QCOMPARE(r.addresses.size(), 1);
        QCOMPARE(r.addresses.first().scope, AddressScope::Loopback);
        QCOMPARE(r.tls.outcome, TlsOutcome::Ok);
        QVERIFY(r.tls.protocol.startsWith(QStringLiteral("TLS 1.")));
        QVERIFY(!r.tls.cipher.isEmpty());
        QCOMPARE(r.tls.chain.first().issuerOrganization, QString::fromLatin1(TestPki::PublicOrganization));
        QVERIFY(!r.tls.unexpectedIssuer);
        QCOMPARE(r.http.outcome, HttpOutcome::Answered);
        QCOMPARE(r.http.status, 200);
        QCOMPARE(r.http.method, QStringLiteral("HEAD"));
        QVERIFY(!r.http.fromProxy);
        QCOMPARE(r.path.mode, PathMode::Direct);
        QVERIFY(r.timings.tcpMs >= 0 && r.timings.tlsMs >= 0 && r.timings.httpMs >= 0 && r.timings.totalMs >= 0);
        QCOMPARE(server->requests().size(), 1);
        QCOMPARE(server->requests().first().host, Host); // Host header names the tested host
    }

    void sniNamesTheHostWhenAnAddressIsPinned()
    {
        SilentServer silent;
        QVERIFY(silent.listenLoopback());
        ProbeOptions o = options();
        o.timeouts.tlsMs = 300;
        ResolveRule pin;
        pin.host = QStringLiteral("pinned.amlfw.test");
        pin.port = 0; // any port: the connection goes to the silent server's (curl pins the connect-to target too)
        pin.addresses = {QHostAddress(QHostAddress::LocalHost)};
        o.resolve << pin;
        o.connectTo << redirect(pin.host, 443, silent.serverPort());
        const ProbeResult r = runOne(target(pin.host, 443, true, true), o);
        // A server that accepts and never answers the handshake: TLS_TIMEOUT, after the TLS timeout.
        QCOMPARE(probeStatusId(r.status), QStringLiteral("TLS_TIMEOUT"));
        QVERIFY(r.timings.tlsMs >= o.timeouts.tlsMs);
        QCOMPARE(r.addressSource, AddressSource::Pinned);
        QVERIFY(!m_resolver.lookups().contains(pin.host)); // pinned: DNS not asked
        QCOMPARE(silent.serverNames(), QStringList{pin.host});
        QCOMPARE(r.tls.sni, pin.host);
    }

    void certificateIsCheckedAgainstTheHostName()
    {
        auto server = tlsServer(m_otherName); // valid chain, but for another name
        QVERIFY(server);
        ProbeOptions o = directTo(server->serverPort());
        const ProbeResult r = runOne(target(Host, 443, true, false), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("TLS_FAILED"));
        QCOMPARE(r.tls.outcome, TlsOutcome::Untrusted);
        QVERIFY(r.tls.errors.contains(QSslError::HostNameMismatch));
    }

    void untrustedChainFails()
    {
        auto server = tlsServer(m_selfSigned);
        QVERIFY(server);
        ProbeOptions o = directTo(server->serverPort());
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("TLS_FAILED"));
        QCOMPARE(r.tls.outcome, TlsOutcome::Untrusted);
        QVERIFY(!r.tls.errors.isEmpty());
        QVERIFY(!r.tls.chain.isEmpty());               // what was presented is reported
        QCOMPARE(r.http.outcome, HttpOutcome::NotRun); // never used the untrusted connection
        QVERIFY(server->requests().isEmpty());
        QVERIFY(!ProbeTexts::detail(r).isEmpty());
    }

    void inspectionIsNamed()
    {
        auto server = tlsServer(m_inspected);
        QVERIFY(server);
        ProbeOptions o = directTo(server->serverPort());
        o.extraCaCertificates << m_pki->inspectionCa; // the organisation's CA is trusted by the machine
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("TLS_INSPECTED"));
        QCOMPARE(r.tls.outcome, TlsOutcome::Ok);
        QVERIFY(r.tls.unexpectedIssuer);
        QCOMPARE(r.tls.chain.first().issuerOrganization, QString::fromLatin1(TestPki::InspectionOrganization));
        QVERIFY(ProbeTexts::explanation(r).contains(QString::fromLatin1(TestPki::InspectionCommonName)));
        QCOMPARE(r.http.status, 200); // the connection works; the verdict is about who reads it
    }

    void untrustedInspectionIsAFailureWithTheIssuerNamed()
    {
        auto server = tlsServer(m_inspected);
        QVERIFY(server);
        ProbeOptions o = directTo(server->serverPort()); // the inspection CA is not trusted
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("TLS_FAILED"));
        QVERIFY(r.tls.unexpectedIssuer);
        QVERIFY(ProbeTexts::explanation(r).contains(QString::fromLatin1(TestPki::InspectionOrganization)));
    }

    void refusedPort()
    {
        const RefusingPort refused;
        QVERIFY(refused.isValid());
        ProbeOptions o = directTo(refused.port());
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("TCP_REFUSED"));
        QCOMPARE(r.tcp.size(), 1);
        QCOMPARE(r.tcp.first().outcome, ConnectOutcome::Refused);
        QCOMPARE(r.tls.outcome, TlsOutcome::NotRun);
    }

    void droppedConnectionTimesOut()
    {
        FullBacklog backlog;
        if (!backlog.start())
            QSKIP("needs POSIX sockets to make a port that drops connections");
        ProbeOptions o = directTo(backlog.port());
        o.timeouts.tcpMs = 300;
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("TCP_TIMEOUT"));
        QCOMPARE(r.tcp.first().outcome, ConnectOutcome::Timeout);
        QVERIFY(r.timings.tcpMs >= 300); // how soon after: bench_timeouts
    }

    void dnsFailures()
    {
        ProbeEngine engine;
        ProbeOptions o = options();
        o.timeouts.dnsMs = 200;
        engine.setOptions(o);
        QVERIFY(run(engine, {target(QStringLiteral("missing.amlfw.test"), 443, true, true),
                             target(QStringLiteral("slow.amlfw.test"), 443, true, true)}));
        const ProbeResult missing = engine.results().at(0);
        const ProbeResult slow = engine.results().at(1);
        QCOMPARE(probeStatusId(missing.status), QStringLiteral("DNS_FAILED"));
        QCOMPARE(missing.dns, DnsOutcome::NotFound);
        QVERIFY(missing.tcp.isEmpty());
        QCOMPARE(probeStatusId(slow.status), QStringLiteral("DNS_FAILED"));
        QCOMPARE(slow.dns, DnsOutcome::Timeout);
        QVERIFY(slow.timings.dnsMs >= 200);
    }

    void oneLookupPerHost()
    {
        auto server = tlsServer(m_public);
        QVERIFY(server);
        HttpTestServer plain;
        QVERIFY(plain.listenLoopback());
        ProbeEngine engine;
        ProbeOptions o = options();
        const QString host = QStringLiteral("h7.amlfw.test");
        o.connectTo << redirect(host, 443, server->serverPort()) << redirect(host, 80, plain.serverPort());
        engine.setOptions(o);
        const qsizetype before = m_resolver.lookups().count(host);
        QVERIFY(run(engine, {target(host, 80, false, true), target(host, 443, true, true)}));
        QCOMPARE(m_resolver.lookups().count(host) - before, 1);
        QCOMPARE(probeStatusId(engine.results().at(0).status), QStringLiteral("OK"));
        QCOMPARE(probeStatusId(engine.results().at(1).status), QStringLiteral("OK"));
        QCOMPARE(plain.requests().size(), 1);
        QCOMPARE(plain.requests().first().method, QStringLiteral("HEAD"));
    }

    void resultPerAddressFamily()
    {
        auto server = tlsServer(m_public); // on 127.0.0.1 only: ::1 is refused
        QVERIFY(server);
        ProbeOptions o = options();
        o.connectTo << redirect(QStringLiteral("dual.amlfw.test"), 443, server->serverPort());
        const ProbeResult r = runOne(target(QStringLiteral("dual.amlfw.test"), 443, true, false), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
        QCOMPARE(r.tcp.size(), 2);
        QCOMPARE(r.familyOutcome(QAbstractSocket::IPv4Protocol), ConnectOutcome::Connected);
        const ConnectOutcome v6 = r.familyOutcome(QAbstractSocket::IPv6Protocol);
        QVERIFY(v6 == ConnectOutcome::Refused || v6 == ConnectOutcome::Unreachable);
        QVERIFY(ProbeTexts::notes(r).join(u' ').contains(QStringLiteral("IPv6")));
    }

    void headFallsBackToGet()
    {
        HttpBehaviour behaviour;
        behaviour.headNotAllowed = true;
        auto server = tlsServer(m_public, behaviour);
        QVERIFY(server);
        ProbeOptions o = directTo(server->serverPort());
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
        QCOMPARE(r.http.method, QStringLiteral("GET"));
        QCOMPARE(r.http.status, 200);
        QCOMPARE(server->requests().size(), 2);
        QCOMPARE(server->requests().at(0).method, QStringLiteral("HEAD"));
        QCOMPARE(server->requests().at(1).method, QStringLiteral("GET"));
    }

    void answersFromAProxyAreNotTheService_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        QTest::newRow("squid 403 page") << 403 << QByteArray("X-Squid-Error") << QStringLiteral("HTTP_BLOCKED");
        QTest::newRow("azure firewall 470") << 470 << QByteArray() << QStringLiteral("HTTP_BLOCKED");
        QTest::newRow("transparent proxy 407")
            << 407 << QByteArray("Proxy-Authenticate") << QStringLiteral("PROXY_AUTH_REQUIRED");
        QTest::newRow("service's own 403") << 403 << QByteArray() << QStringLiteral("OK");
        QTest::newRow("service's own 404") << 404 << QByteArray() << QStringLiteral("OK");
    }

    void answersFromAProxyAreNotTheService()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        HttpBehaviour behaviour;
        behaviour.status = status;
        behaviour.reason = "Test";
        if (!header.isEmpty())
            behaviour.headers << qMakePair(header, QByteArray("Basic realm=\"x\""));
        auto server = tlsServer(m_public, behaviour);
        QVERIFY(server);
        ProbeOptions o = directTo(server->serverPort());
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), expected);
        QCOMPARE(r.http.status, status);
        QCOMPARE(r.http.fromProxy, expected != u"OK");
    }

    void noHttpAnswer()
    {
        HttpBehaviour behaviour;
        behaviour.closeWithoutAnswer = true;
        auto server = tlsServer(m_public, behaviour);
        QVERIFY(server);
        ProbeOptions o = directTo(server->serverPort());
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("HTTP_ERROR"));
        QCOMPARE(r.http.outcome, HttpOutcome::Closed);
    }

    void throughConnectProxy()
    {
        auto server = tlsServer(m_public);
        QVERIFY(server);
        TestConnectProxy proxy;
        QVERIFY(proxy.listenLoopback());
        proxy.addRoute(Host, 443, server->serverPort());
        ProbeOptions o = throughProxy(proxy.serverPort());
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
        QCOMPARE(r.path.mode, PathMode::HttpProxy);
        QCOMPARE(r.path.proxy, QStringLiteral("127.0.0.1:%1").arg(proxy.serverPort()));
        QCOMPARE(r.path.proxyOutcome, ProxyOutcome::Ok);
        QCOMPARE(r.path.proxyStatus, 200);
        QCOMPARE(proxy.requests().size(), 1);
        QCOMPARE(proxy.requests().first().method, QStringLiteral("CONNECT"));
        QCOMPARE(proxy.requests().first().target, Host + QStringLiteral(":443")); // the proxy resolves the name
        QCOMPARE(r.tcp.first().port, int(proxy.serverPort()));
        QVERIFY(ProbeTexts::path(r).contains(QString::number(proxy.serverPort())));
    }

    void proxyCredentials()
    {
        auto server = tlsServer(m_public);
        QVERIFY(server);
        TestConnectProxy proxy;
        QVERIFY(proxy.listenLoopback());
        proxy.addRoute(Host, 443, server->serverPort());
        proxy.requireCredentials(QStringLiteral("alice"), QStringLiteral("s3cret:é"));
        ProbeOptions o = throughProxy(proxy.serverPort());

        ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("PROXY_AUTH_REQUIRED"));
        QCOMPARE(r.path.proxyAuthSchemes, QStringList{QStringLiteral("Basic")});
        QVERIFY(!r.path.credentialsSent);

        o.proxy.user = QStringLiteral("alice");
        o.proxy.password = QStringLiteral("wrong");
        r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("PROXY_AUTH_REQUIRED"));
        QVERIFY(r.path.credentialsSent);

        o.proxy.password = QStringLiteral("s3cret:é");
        r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
        QVERIFY(proxy.requests().last().authorized);
    }

    void proxyRefusesTheHost()
    {
        TestConnectProxy proxy;
        QVERIFY(proxy.listenLoopback());
        proxy.deny(Host);
        ProbeOptions o = throughProxy(proxy.serverPort());
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("HTTP_BLOCKED"));
        QCOMPARE(r.path.proxyOutcome, ProxyOutcome::Denied);
        QCOMPARE(r.path.proxyStatus, 403);
    }

    void plainHttpThroughProxyIsAbsoluteForm()
    {
        HttpTestServer plain;
        QVERIFY(plain.listenLoopback());
        TestConnectProxy proxy;
        QVERIFY(proxy.listenLoopback());
        proxy.addRoute(Host, 80, plain.serverPort());
        ProbeOptions o = throughProxy(proxy.serverPort());
        const ProbeResult r = runOne(target(Host, 80, false, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
        QCOMPARE(proxy.requests().first().method, QStringLiteral("HEAD"));
        QCOMPARE(proxy.requests().first().target, QStringLiteral("http://") + Host + u'/');
        QCOMPARE(plain.requests().size(), 1);
        QCOMPARE(plain.requests().first().host, Host);
    }

    void unreachableProxy()
    {
        ProbeOptions o = options();
        o.proxy.mode = ProxySetting::Mode::Explicit;
        o.proxy.host = QStringLiteral("127.0.0.1");
        const RefusingPort refused;
        QVERIFY(refused.isValid());
        o.proxy.port = refused.port();
        const ProbeResult r = runOne(target(Host, 443, true, true), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("PROXY_FAILED"));
        QCOMPARE(r.path.proxyOutcome, ProxyOutcome::ConnectFailed);
    }

    void proxyCarriesOnlyWebPorts()
    {
        HttpTestServer smbStandIn; // any listener: port 445 is a plain TCP test
        QVERIFY(smbStandIn.listenLoopback());
        TestConnectProxy proxy;
        QVERIFY(proxy.listenLoopback());
        ProbeOptions o = throughProxy(proxy.serverPort());
        o.connectTo << redirect(Host, 445, smbStandIn.serverPort());
        const ProbeResult r = runOne(target(Host, 445, false, false), o);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
        QCOMPARE(r.path.mode, PathMode::Direct);
        QVERIFY(r.path.bypassed);
        QVERIFY(proxy.requests().isEmpty());
    }

    void notTestableTargetsAreNotRun()
    {
        ProbeTarget inbound = target(QString(), 44224, false, false);
        inbound.notTestable = NotTestableReason::Inbound;
        ProbeEngine engine;
        engine.setOptions(options());
        QVERIFY(run(engine, {inbound}));
        QCOMPARE(probeStatusId(engine.results().first().status), QStringLiteral("NOT_TESTABLE"));
        QVERIFY(ProbeTexts::explanation(engine.results().first()).contains(QStringLiteral("Inbound")));
    }

    // ANY 443 (a 2026 rule): tested as TCP 443, and the result says so.
    void anyIsTestedAsTcp()
    {
        auto server = tlsServer(m_public);
        QVERIFY(server);
        ProbeTarget t = target(Host, 443, true, true);
        t.protocol = QStringLiteral("ANY");
        const ProbeResult r = runOne(t, directTo(server->serverPort()));
        QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
        QCOMPARE(server->requests().size(), 1);
        const QString notes = ProbeTexts::notes(r).join(u'\n');
        QVERIFY2(notes.contains(QStringLiteral("tested as TCP 443")), qPrintable(notes));
        // A TCP rule says nothing of the kind.
        t.protocol = QStringLiteral("TCP");
        QVERIFY(!ProbeTexts::notes(runOne(t, directTo(server->serverPort()))).join(u'\n').contains(QStringLiteral("tested as TCP")));
    }

    // UDP, unanswered placeholders and a managed network's private endpoints: nothing is contacted,
    // and the explanation says why (and which answer fills the placeholder).
    void newReasonsAreNotRun_data()
    {
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("explained");
        QTest::addColumn<QString>("action");
        QTest::newRow("udp") << int(NotTestableReason::Udp) << QStringLiteral("japaneast.tundra.amlfw.test")
                             << QStringLiteral("UDP") << QString();
        QTest::newRow("acr") << int(NotTestableReason::Unanswered) << QStringLiteral("<acr>.azurecr.io")
                             << QStringLiteral("--acr") << QStringLiteral("--acr");
        QTest::newRow("workspace") << int(NotTestableReason::Unanswered)
                                   << QStringLiteral("<workspace-id>.workspace.japaneast.api.azureml.ms")
                                   << QStringLiteral("--workspace-id") << QStringLiteral("--workspace-id");
        QTest::newRow("private endpoint") << int(NotTestableReason::PrivateEndpoint) << QStringLiteral("mystore:queue")
                                          << QStringLiteral("managed virtual network") << QString();
    }

    void newReasonsAreNotRun()
    {
        QFETCH(int, reason);
        QFETCH(QString, destination);
        QFETCH(QString, explained);
        QFETCH(QString, action);
        SilentServer silent; // would see a connection if the engine tried one
        QVERIFY(silent.listenLoopback());
        ProbeTarget t = target(QString(), 5831, false, false);
        t.destination = destination;
        t.notTestable = NotTestableReason(reason);
        ProbeOptions o = options();
        o.connectTo << redirect(destination, 5831, silent.serverPort());
        ProbeEngine engine;
        engine.setOptions(o);
        QVERIFY(run(engine, {t}));
        const ProbeResult r = engine.results().first();
        QCOMPARE(probeStatusId(r.status), QStringLiteral("NOT_TESTABLE"));
        QCOMPARE(r.dns, DnsOutcome::NotRun);
        QCOMPARE(silent.connections(), 0);
        QVERIFY2(ProbeTexts::explanation(r).contains(explained), qPrintable(ProbeTexts::explanation(r)));
        if (!action.isEmpty())
            QVERIFY2(ProbeTexts::action(r).contains(action), qPrintable(ProbeTexts::action(r)));
    }

    void resultsStreamAsTheyFinish()
    {
        auto fast = tlsServer(m_public);
        QVERIFY(fast);
        auto slow = tlsServer(m_public);
        QVERIFY(slow);
        slow->setHandshakeDelay(400);
        ProbeOptions o = options();
        o.connectTo << redirect(QStringLiteral("h1.amlfw.test"), 443, slow->serverPort())
                    << redirect(QStringLiteral("h2.amlfw.test"), 443, fast->serverPort());
        ProbeEngine engine;
        engine.setOptions(o);
        QList<int> finalRows;
        bool finishedBeforeAll = false;
        connect(&engine, &ProbeEngine::resultChanged, this, [&](int row) {
            if (isFinal(engine.results().at(row).status))
                finalRows << row;
        });
        connect(&engine, &ProbeEngine::finished, this, [&] { finishedBeforeAll = finalRows.size() < 2; });
        QVERIFY(run(engine, {target(QStringLiteral("h1.amlfw.test"), 443, true, true),
                             target(QStringLiteral("h2.amlfw.test"), 443, true, true)}));
        QCOMPARE(finalRows, (QList<int>{1, 0})); // the fast one first, though listed second
        QVERIFY(!finishedBeforeAll);
    }

    void concurrencyIsBounded()
    {
        constexpr int Delay = 150;
        constexpr int Limit = 3;
        auto server = tlsServer(m_public);
        QVERIFY(server);
        server->setHandshakeDelay(Delay);
        ProbeOptions o = options();
        o.concurrency = Limit;
        QList<ProbeTarget> targets;
        for (int i = 0; i < 12; ++i) {
            const QString host = QStringLiteral("h%1.amlfw.test").arg(i);
            o.connectTo << redirect(host, 443, server->serverPort());
            targets << target(host, 443, true, false);
        }
        ProbeEngine engine;
        engine.setOptions(o);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(run(engine, targets));
        QCOMPARE(engine.peakConcurrency(), Limit);
        for (const ProbeResult &r : engine.results())
            QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
        // The server holds each handshake for Delay ms: a slot frees only after that, so no window
        // shorter than Delay may see more than Limit new connections.
        const QList<qint64> accepts = server->acceptTimes();
        QCOMPARE(accepts.size(), 12);
        for (qsizetype i = 0; i < accepts.size(); ++i) {
            int inWindow = 0;
            for (qint64 t : accepts)
                inWindow += t >= accepts.at(i) && t < accepts.at(i) + Delay - 5 ? 1 : 0;
            QVERIFY2(inWindow <= Limit, qPrintable(QString::number(inWindow)));
        }
        QVERIFY(clock.elapsed() >= 4 * Delay - 20); // 12 endpoints, 3 at a time
    }

    // The default is automatic: every distinct endpoint of the run at once (up to the cap), so a run
    // takes about as long as its slowest endpoint; rows of one endpoint still share one test.
    void automaticConcurrencyTestsEveryEndpointAtOnce()
    {
        constexpr int Delay = 150;
        auto server = tlsServer(m_public);
        QVERIFY(server);
        server->setHandshakeDelay(Delay);
        ProbeOptions o = options();
        QCOMPARE(o.concurrency, ProbeOptions::AutomaticConcurrency);
        QList<ProbeTarget> targets;
        for (int i = 0; i < 12; ++i) {
            const QString host = QStringLiteral("h%1.amlfw.test").arg(i);
            o.connectTo << redirect(host, 443, server->serverPort());
            targets << target(host, 443, true, false) << target(host, 443, true, false, QStringLiteral("again"));
        }
        ProbeEngine engine;
        engine.setOptions(o);
        QVERIFY(run(engine, targets));
        QCOMPARE(engine.concurrencyLimit(), 12);
        QCOMPARE(engine.peakConcurrency(), 12);
        QCOMPARE(server->acceptTimes().size(), 12);
        for (const ProbeResult &r : engine.results())
            QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
        // A user's number still wins.
        o.concurrency = 4;
        engine.setOptions(o);
        QVERIFY(run(engine, targets));
        QCOMPARE(engine.concurrencyLimit(), 4);
        QCOMPARE(engine.peakConcurrency(), 4);
    }

    void cancelStopsEverything()
    {
        SilentServer silent;
        QVERIFY(silent.listenLoopback());
        ProbeOptions o = options();
        o.timeouts.tlsMs = 60000;
        o.concurrency = 4;
        const QList<ProbeTarget> targets = hostsOn(&o, 6, silent.serverPort());
        ProbeEngine engine;
        engine.setResolver(&m_resolver);
        engine.setOptions(o);
        QSignalSpy finished(&engine, &ProbeEngine::finished);
        QVERIFY(engine.start(targets, m_probe));
        QTRY_COMPARE(silent.connections(), 4); // four handshakes hang; two wait for a slot
        QVERIFY(finished.isEmpty());
        engine.cancel();
        QCOMPARE(finished.count(), 1); // at once, from cancel() itself (how fast: bench_timeouts)
        QVERIFY(!engine.isRunning());
        for (const ProbeResult &r : engine.results())
            QCOMPARE(probeStatusId(r.status), QStringLiteral("CANCELLED"));
        QTRY_COMPARE(silent.openConnections(), 0); // sockets closed, not left hanging
        QCOMPARE(silent.connections(), 4);         // the waiting ones never started
    }

    void cancelFromAResultSlotLeavesNoRowRunning_data()
    {
        QTest::addColumn<bool>("onVerdict"); // else: as soon as a shared row runs
        QTest::newRow("on the first verdict") << true;
        QTest::newRow("on the first running row") << false;
    }

    void cancelFromAResultSlotLeavesNoRowRunning()
    {
        // Three rows share one endpoint; a slot cancels as one of them changes, while another
        // endpoint still hangs. finished() must see every row final, and the same afterwards.
        QFETCH(bool, onVerdict);
        auto server = tlsServer(m_public);
        QVERIFY(server);
        SilentServer silent;
        QVERIFY(silent.listenLoopback());
        ProbeOptions o = directTo(server->serverPort());
        o.timeouts.tlsMs = 60000;
        o.connectTo << redirect(QStringLiteral("h9.amlfw.test"), 443, silent.serverPort());
        ProbeEngine engine;
        engine.setOptions(o);
        bool cancelled = false;
        QList<ProbeStatus> atFinish;
        connect(&engine, &ProbeEngine::resultChanged, this, [&](int row) {
            const ProbeStatus status = engine.results().at(row).status;
            if (!cancelled && row > 0 && (onVerdict ? isFinal(status) : status == ProbeStatus::Running)) {
                cancelled = true;
                engine.cancel();
            }
        });
        connect(&engine, &ProbeEngine::finished, this, [&] {
            for (const ProbeResult &r : engine.results())
                atFinish << r.status;
        });
        QVERIFY(run(engine, {target(QStringLiteral("h9.amlfw.test"), 443, true, true, QStringLiteral("hangs")),
                             target(Host, 443, true, true, QStringLiteral("rule-a")),
                             target(Host, 443, true, true, QStringLiteral("rule-b")),
                             target(Host, 443, true, true, QStringLiteral("rule-c"))}));
        QVERIFY(cancelled);
        QCOMPARE(atFinish.size(), 4);
        const QString shared = onVerdict ? QStringLiteral("OK") : QStringLiteral("CANCELLED");
        QCOMPARE(probeStatusId(atFinish.at(0)), QStringLiteral("CANCELLED"));
        for (int row = 1; row < 4; ++row) {
            QCOMPARE(probeStatusId(atFinish.at(row)), shared); // not RUNNING
            QCOMPARE(probeStatusId(engine.results().at(row).status), shared);
        }
        QCOMPARE(engine.finishedCount(), onVerdict ? 3 : 0);
    }

    void lateConnectionOfTheHeadRaceChangesNothing()
    {
        // The HEAD goes over IPv4 while the IPv6 attempt hangs; the 405 restarts the race for a
        // GET, whose IPv6 attempt times out. Then the first IPv6 attempt's SYN gets through: that
        // socket belongs to a race that is over and must have been closed, not left to connect
        // into the new one.
        HttpBehaviour behaviour;
        behaviour.headNotAllowed = true;
        auto server = tlsServer(m_public, behaviour);
        QVERIFY(server);
        // The GET's handshake never comes: the job is still in its TLS stage when the SYN is retried.
        connect(server.get(), &QSslServer::startedEncryptionHandshake, this,
                [&server] { server->setHandshakeDelay(600000); });
        HangingPort hanging;
        if (!hanging.listen(QHostAddress(QHostAddress::LocalHostIPv6), server->serverPort()))
            QSKIP("needs ::1 and a port that drops connections");
        const QString host = QStringLiteral("race.amlfw.test");
        FakeResolver resolver;
        resolver.setAddresses(host, {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)});
        ProbeOptions o = options();
        o.connectTo << redirect(host, 443, server->serverPort());
        o.timeouts.tcpMs = 400;
        o.timeouts.tlsMs = 5000; // longer than the kernel's SYN retries at 1 s and 3 s
        ProbeEngine engine;
        engine.setOptions(o);
        engine.setResolver(&resolver);
        QSignalSpy finished(&engine, &ProbeEngine::finished);
        QVERIFY(engine.start({target(host, 443, true, true)}, m_probe));
        QTRY_COMPARE(server->requests().size(), 1); // the HEAD, answered 405
        QTRY_COMPARE(server->connections(), 2);     // the GET's race has begun
        QTest::qWait(o.timeouts.tcpMs + 200);       // its IPv6 attempt has timed out
        hanging.free();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        const ProbeResult r = engine.results().at(0);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("TLS_TIMEOUT"));
        QCOMPARE(server->connections(), 2); // the HEAD's and the GET's, no third
        QCOMPARE(r.tcp.size(), 2);
        QCOMPARE(r.familyOutcome(QAbstractSocket::IPv4Protocol), ConnectOutcome::Connected);
        QCOMPARE(r.familyOutcome(QAbstractSocket::IPv6Protocol), ConnectOutcome::Timeout);
        QCOMPARE(hanging.accepted(), 0); // no attempt of either race got through late
    }

    void destroyedMidRun_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::newRow("dns") << QStringLiteral("dns");
        QTest::newRow("tcp") << QStringLiteral("tcp");
        QTest::newRow("tls") << QStringLiteral("tls");
        QTest::newRow("http") << QStringLiteral("http");
        QTest::newRow("proxy") << QStringLiteral("proxy");
        QTest::newRow("after cancel") << QStringLiteral("cancel");
    }

    void destroyedMidRun()
    {
        // Destroying the engine at any stage closes everything, and nothing that answers later
        // (a resolver, a socket, a timer) reaches what is gone. Under AddressSanitizer: clean.
        QFETCH(QString, stage);
        LateResolver late;
        SilentServer silent;
        QVERIFY(silent.listenLoopback());
        FullBacklog backlog;
        const bool haveBacklog = backlog.start();
        if (stage == u"tcp" && !haveBacklog)
            QSKIP("needs POSIX sockets to make a port that drops connections");
        ProbeOptions o = options();
        o.timeouts = {60000, 60000, 60000, 60000};
        QList<ProbeTarget> targets;
        for (int i = 0; i < 3; ++i) {
            const QString host = QStringLiteral("m%1.amlfw.test").arg(i);
            targets << target(host, stage == u"http" ? 80 : 443, stage != u"http", true);
            const int port = stage == u"tcp" ? backlog.port() : silent.serverPort();
            o.connectTo << redirect(host, targets.last().port, port);
        }
        if (stage == u"proxy") {
            o.proxy.mode = ProxySetting::Mode::Explicit;
            o.proxy.host = QStringLiteral("127.0.0.1");
            o.proxy.port = silent.serverPort(); // CONNECT is never answered
        }
        auto engine = std::make_unique<ProbeEngine>();
        engine->setOptions(o);
        engine->setResolver(&late);
        QVERIFY(engine->start(targets, m_probe));
        QTRY_COMPARE(late.pending(), 3);
        if (stage != u"dns") {
            QCOMPARE(late.answerAll(QHostAddress(QHostAddress::LocalHost)), 3);
            if (stage == u"tls" || stage == u"http" || stage == u"proxy")
                QTRY_COMPARE(silent.connections(), 3);
            else
                QTest::qWait(50); // connecting
        }
        if (stage == u"cancel") {
            QTRY_COMPARE(silent.connections(), 3);
            QVERIFY(!engine->rerun({0})); // while running: refused
            engine->cancel();
            QVERIFY(engine->rerun({0, 1})); // a new run while the cancelled jobs still wait for deletion
            QTRY_COMPARE(late.pending(), 2);
        }
        engine.reset();
        QCOMPARE(late.answerAll(QHostAddress(QHostAddress::LocalHost)), 0); // the asking cache is gone
        QTest::qWait(100); // let whatever was posted run: deferred deletes, queued signals
        QTRY_COMPARE(silent.openConnections(), 0);
    }

    // Larger runs are spread over lanes (threads): every endpoint of one host on one lane, so DNS is
    // still asked once per host; the results are those of a run on the engine's own thread.
    void lanesSpreadARunOverThreads()
    {
        ProbeOptions automatic;
        QCOMPARE(automatic.threads, ProbeOptions::AutomaticThreads);
        QCOMPARE(automatic.effectiveThreads(1), 1);
        QCOMPARE(automatic.effectiveThreads(ProbeOptions::AutomaticThreadEndpoints), 1);
        QCOMPARE(automatic.effectiveThreads(ProbeOptions::AutomaticThreadEndpoints + 1),
                 std::min(2, std::max(1, QThread::idealThreadCount())));

        auto server = tlsServer(m_public);
        QVERIFY(server);
        server->setHandshakeDelay(50);
        auto runWith = [&](int threads, ThreadNotingResolver *resolver, QStringList *statuses) {
            ProbeOptions o = options();
            o.threads = threads;
            QList<ProbeTarget> targets;
            for (int i = 0; i < 12; ++i) {
                const QString host = QStringLiteral("h%1.amlfw.test").arg(i);
                resolver->setAddresses(host, {QHostAddress(QHostAddress::LocalHost)});
                o.connectTo << redirect(host, 443, server->serverPort()) << redirect(host, 8443, server->serverPort());
                targets << target(host, 443, true, true) << target(host, 443, true, true, QStringLiteral("again"))
                        << target(host, 8443, true, true);
            }
            ProbeEngine engine;
            engine.setOptions(o);
            engine.setResolver(resolver);
            QSignalSpy finished(&engine, &ProbeEngine::finished);
            QVERIFY(engine.start(targets, m_probe));
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
            QCOMPARE(engine.threadCount(), threads);
            QCOMPARE(engine.peakConcurrency(), 24);
            for (int i = 0; i < 12; ++i)
                QCOMPARE(resolver->lookups().count(QStringLiteral("h%1.amlfw.test").arg(i)), 1);
            for (const ProbeResult &r : engine.results())
                *statuses << probeStatusId(r.status);
        };
        const int acceptedBefore = int(server->acceptTimes().size());
        ThreadNotingResolver threadedResolver;
        QStringList threaded;
        runWith(3, &threadedResolver, &threaded);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(int(server->acceptTimes().size()) - acceptedBefore, 24); // one probe per endpoint
        const QSet<QThread *> lanes = threadedResolver.threads();
        QCOMPARE(lanes.size(), 3);
        QVERIFY(!lanes.contains(QThread::currentThread()));

        ThreadNotingResolver inlineResolver;
        QStringList single;
        runWith(1, &inlineResolver, &single);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(inlineResolver.threads(), QSet<QThread *>{QThread::currentThread()});
        QCOMPARE(threaded.size(), 36);
        QCOMPARE(threaded, single);
        QCOMPARE(threaded, QStringList(36, QStringLiteral("OK")));
    }

    void cancelReachesEveryLane()
    {
        SilentServer silent;
        QVERIFY(silent.listenLoopback());
        ProbeOptions o = options();
        o.timeouts.tlsMs = 60000;
        o.threads = 2;
        const QList<ProbeTarget> targets = hostsOn(&o, 6, silent.serverPort());
        ProbeEngine engine;
        engine.setResolver(&m_resolver);
        engine.setOptions(o);
        QSignalSpy finished(&engine, &ProbeEngine::finished);
        QVERIFY(engine.start(targets, m_probe));
        QCOMPARE(engine.threadCount(), 2);
        QTRY_COMPARE(silent.connections(), 6); // every handshake hangs, on both lanes
        engine.cancel();
        QCOMPARE(finished.count(), 1);
        for (const ProbeResult &r : engine.results()) {
            QCOMPARE(probeStatusId(r.status), QStringLiteral("CANCELLED"));
            // What the lane's stages found before the cancel is kept.
            QCOMPARE(r.dns, DnsOutcome::Ok);
            QCOMPARE(r.addresses.size(), 1);
            QCOMPARE(r.familyOutcome(QAbstractSocket::IPv4Protocol), ConnectOutcome::Connected);
        }
        QTRY_COMPARE(silent.openConnections(), 0);
        QTest::qWait(50); // nothing delivered late changes a row
        QCOMPARE(finished.count(), 1);
        for (const ProbeResult &r : engine.results())
            QCOMPARE(probeStatusId(r.status), QStringLiteral("CANCELLED"));
        // The lanes take the next run.
        auto server = tlsServer(m_public);
        QVERIFY(server);
        for (ConnectToRule &rule : o.connectTo)
            rule.toPort = server->serverPort();
        engine.setOptions(o);
        QVERIFY(engine.rerun({0, 1, 2, 3, 4, 5}));
        QTRY_COMPARE(finished.count(), 2);
        for (const ProbeResult &r : engine.results())
            QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
    }

    void destroyedMidRunOnLanes()
    {
        SilentServer silent;
        QVERIFY(silent.listenLoopback());
        ProbeOptions o = options();
        o.timeouts = {60000, 60000, 60000, 60000};
        o.threads = 3;
        const QList<ProbeTarget> targets = hostsOn(&o, 9, silent.serverPort());
        auto engine = std::make_unique<ProbeEngine>();
        engine->setOptions(o);
        engine->setResolver(&m_resolver);
        QVERIFY(engine->start(targets, m_probe));
        QCOMPARE(engine->threadCount(), 3);
        QTRY_COMPARE(silent.connections(), 9);
        engine.reset(); // the lanes stop their jobs and their threads before the engine goes
        QTRY_COMPARE(silent.openConnections(), 0); // closed in their lanes, not left hanging
        QTest::qWait(50); // whatever a lane posted is gone with the engine (AddressSanitizer: clean)
    }

    void resolverNotThreadSafeKeepsOneThread()
    {
        LateResolver late; // answers from the test's thread only
        ProbeOptions o = options();
        o.threads = 4;
        QList<ProbeTarget> targets;
        for (int i = 0; i < 20; ++i)
            targets << target(QStringLiteral("n%1.amlfw.test").arg(i), 443, true, true);
        ProbeEngine engine;
        engine.setOptions(o);
        engine.setResolver(&late);
        QVERIFY(engine.start(targets, m_probe));
        QCOMPARE(engine.threadCount(), 1);
        QTRY_COMPARE(late.pending(), 20);
        engine.cancel();
        QVERIFY(!engine.isRunning());
    }

    void rerunOnlyTheFailed()
    {
        auto good = tlsServer(m_public);
        QVERIFY(good);
        RefusingPort later;
        QVERIFY(later.isValid());
        const quint16 laterPort = later.port();
        ProbeOptions o = options();
        o.connectTo << redirect(QStringLiteral("h3.amlfw.test"), 443, good->serverPort())
                    << redirect(QStringLiteral("h4.amlfw.test"), 443, laterPort);
        ProbeEngine engine;
        engine.setOptions(o);
        QVERIFY(run(engine, {target(QStringLiteral("h3.amlfw.test"), 443, true, true),
                             target(QStringLiteral("h4.amlfw.test"), 443, true, true)}));
        QCOMPARE(probeStatusId(engine.results().at(1).status), QStringLiteral("TCP_REFUSED"));
        QCOMPARE(good->connections(), 1);

        TlsTestServer fixed; // the firewall change: something now answers there
        fixed.setCertificate(m_public.chain, m_public.key);
        QVERIFY(later.handTo(&fixed));
        QCOMPARE(fixed.serverPort(), laterPort);
        QSignalSpy finished(&engine, &ProbeEngine::finished);
        QVERIFY(engine.rerunFailed());
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(probeStatusId(engine.results().at(1).status), QStringLiteral("OK"));
        QCOMPARE(probeStatusId(engine.results().at(0).status), QStringLiteral("OK"));
        QCOMPARE(good->connections(), 1); // the one that was fine was not tested again
        QCOMPARE(fixed.connections(), 1);
    }

    void sameEndpointIsTestedOnce()
    {
        auto server = tlsServer(m_public);
        QVERIFY(server);
        ProbeOptions o = directTo(server->serverPort());
        ProbeEngine engine;
        engine.setOptions(o);
        QVERIFY(run(engine, {target(Host, 443, true, true, QStringLiteral("rule-a")),
                             target(Host, 443, true, true, QStringLiteral("rule-b"))}));
        QCOMPARE(server->connections(), 1);
        QCOMPARE(engine.results().at(0).target.ruleId, QStringLiteral("rule-a"));
        QCOMPARE(engine.results().at(1).target.ruleId, QStringLiteral("rule-b"));
        QCOMPARE(probeStatusId(engine.results().at(1).status), QStringLiteral("OK"));
    }

    // A network rule (TCP, TLS) and an application rule (then HTTP) of one host:port: one
    // connection, the probe with HTTP; the network rule's row has no HTTP stage and its own verdict.
    void networkAndApplicationRuleOfOneTlsPortShareOneProbe()
    {
        HttpBehaviour blocked; // the HTTP answer is a proxy's page: the application rule fails
        blocked.status = 403;
        blocked.reason = "Forbidden";
        blocked.headers << qMakePair(QByteArray("X-Squid-Error"), QByteArray("ERR_ACCESS_DENIED 0"));
        auto server = tlsServer(m_public, blocked);
        QVERIFY(server);
        ProbeEngine engine;
        engine.setOptions(directTo(server->serverPort()));
        const QList<ProbeTarget> targets{target(Host, 443, true, false, QStringLiteral("rule-net")),
                                         target(Host, 443, true, true, QStringLiteral("rule-app"))};
        QCOMPARE(targets.at(0).probeKey(), targets.at(1).probeKey());
        QVERIFY(run(engine, targets));
        QCOMPARE(server->connections(), 1);
        QCOMPARE(server->requests().size(), 1); // the probe ran HTTP although the first row does not ask

        const ProbeResult net = engine.results().at(0);
        QCOMPARE(net.target.ruleId, QStringLiteral("rule-net"));
        QVERIFY(!net.target.http);
        QCOMPARE(probeStatusId(net.status), QStringLiteral("OK"));
        QCOMPARE(net.tls.outcome, TlsOutcome::Ok);
        QCOMPARE(net.http.outcome, HttpOutcome::NotRun);
        QCOMPARE(net.http.status, 0);
        QCOMPARE(net.timings.httpMs, -1);

        const ProbeResult app = engine.results().at(1);
        QCOMPARE(app.target.ruleId, QStringLiteral("rule-app"));
        QCOMPARE(probeStatusId(app.status), QStringLiteral("HTTP_BLOCKED"));
        QCOMPARE(app.http.status, 403);
        QVERIFY(app.timings.httpMs >= 0);
        QVERIFY(net.timings.totalMs <= app.timings.totalMs);

        // One endpoint for both rows, its outcome the probe's (with HTTP).
        ProbeRun probeRun;
        probeRun.results = engine.results();
        const QList<ProbeEndpoint> endpoints = probeRun.endpoints();
        QCOMPARE(endpoints.size(), 1);
        QCOMPARE(endpoints.first().rows, (QList<int>{0, 1}));
        QVERIFY(endpoints.first().result.target.http);
        QCOMPARE(probeStatusId(endpoints.first().result.status), QStringLiteral("HTTP_BLOCKED"));
    }

    // On a plain port the routes differ through a proxy (a CONNECT tunnel for TCP, an absolute-form
    // request for HTTP, and a bare TCP test goes direct): two probes.
    void plainPortKeepsHttpApart()
    {
        HttpTestServer plain;
        QVERIFY(plain.listenLoopback());
        TestConnectProxy proxy;
        QVERIFY(proxy.listenLoopback());
        proxy.addRoute(Host, 80, plain.serverPort());
        ProbeOptions o = throughProxy(proxy.serverPort());
        o.connectTo << redirect(Host, 80, plain.serverPort());
        const QList<ProbeTarget> targets{target(Host, 80, false, false, QStringLiteral("rule-net")),
                                         target(Host, 80, false, true, QStringLiteral("rule-app"))};
        QVERIFY(targets.at(0).probeKey() != targets.at(1).probeKey());
        ProbeEngine engine;
        engine.setOptions(o);
        QVERIFY(run(engine, targets));
        const ProbeResult net = engine.results().at(0);
        const ProbeResult app = engine.results().at(1);
        QCOMPARE(probeStatusId(net.status), QStringLiteral("OK"));
        QCOMPARE(net.path.mode, PathMode::Direct);
        QCOMPARE(probeStatusId(app.status), QStringLiteral("OK"));
        QCOMPARE(app.path.mode, PathMode::HttpProxy);
        QCOMPARE(proxy.requests().size(), 1);
        QCOMPARE(proxy.requests().first().method, QStringLiteral("HEAD"));
    }

    // A row without HTTP takes the stages before it: their verdict, and a cancel stays a cancel.
    void rowWithoutHttpTakesTheStagesBeforeIt()
    {
        ProbeResult endpoint;
        endpoint.target = target(Host, 443, true, true);
        endpoint.dns = DnsOutcome::Ok;
        TcpAttempt attempt;
        attempt.address = QHostAddress(QHostAddress::LocalHost);
        attempt.outcome = ConnectOutcome::Connected;
        endpoint.tcp << attempt;
        endpoint.tls.outcome = TlsOutcome::Ok;
        endpoint.http.outcome = HttpOutcome::Timeout;
        endpoint.timings.httpMs = 1500;
        endpoint.timings.totalMs = 1600;
        endpoint.status = ProbeResult::deriveStatus(endpoint);
        QCOMPARE(probeStatusId(endpoint.status), QStringLiteral("HTTP_ERROR"));

        const ProbeTarget network = target(Host, 443, true, false, QStringLiteral("rule-net"));
        ProbeResult row = ProbeResult::forTarget(endpoint, network);
        QCOMPARE(row.target.ruleId, QStringLiteral("rule-net"));
        QCOMPARE(probeStatusId(row.status), QStringLiteral("OK"));
        QCOMPARE(row.http.outcome, HttpOutcome::NotRun);
        QCOMPARE(row.timings.totalMs, 100);
        QCOMPARE(row.timings.httpMs, -1);

        // The row that asked for HTTP keeps it all.
        row = ProbeResult::forTarget(endpoint, target(Host, 443, true, true, QStringLiteral("rule-app")));
        QCOMPARE(probeStatusId(row.status), QStringLiteral("HTTP_ERROR"));
        QCOMPARE(row.http.outcome, HttpOutcome::Timeout);

        endpoint.status = ProbeStatus::Cancelled;
        QCOMPARE(probeStatusId(ProbeResult::forTarget(endpoint, network).status), QStringLiteral("CANCELLED"));
        endpoint.status = ProbeStatus::Running;
        QCOMPARE(probeStatusId(ProbeResult::forTarget(endpoint, network).status), QStringLiteral("RUNNING"));
    }

    void systemResolverWithoutDnsTraffic()
    {
        // An address literal: answered without a name lookup (not even the hosts file, whose
        // "localhost" differs between machines), and the CNAME query (which would ask) is off.
        SystemHostResolver resolver(false);
        QObject context;
        std::optional<HostAnswer> answer;
        resolver.lookup(QStringLiteral("127.0.0.1"), &context, [&](const HostAnswer &a) { answer = a; });
        QVERIFY(!answer); // never from within lookup()
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(answer->outcome, DnsOutcome::Ok);
        QVERIFY(!answer->addresses.isEmpty());
        for (const QHostAddress &a : answer->addresses)
            QVERIFY(a.isLoopback());
        QVERIFY(answer->cnames.isEmpty());
    }

    void systemResolverForgetsAContextThatIsGone()
    {
        SystemHostResolver resolver(false);
        auto context = std::make_unique<QObject>();
        bool called = false;
        resolver.lookup(QStringLiteral("127.0.0.1"), context.get(), [&](const HostAnswer &) { called = true; });
        context.reset();
        QTest::qWait(200); // the answer (from a thread) has come and found nobody to tell
        QVERIFY(!called);
    }

    void modelFollowsTheEngine()
    {
        auto server = tlsServer(m_public);
        QVERIFY(server);
        ProbeOptions o = directTo(server->serverPort());
        ProbeEngine engine;
        engine.setOptions(o);
        ProbeResultModel model;
        model.setEngine(&engine);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ProbeTarget inbound = target(QString(), 44224, false, false);
        inbound.notTestable = NotTestableReason::Inbound;
        QVERIFY(run(engine, {target(Host, 443, true, true), inbound}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ProbeResultModel::ColumnCount));
        QVERIFY(changed.count() >= 2); // Running, then the verdict
        QCOMPARE(model.index(0, ProbeResultModel::StatusColumn).data().toString(), QStringLiteral("OK"));
        QCOMPARE(model.index(0, ProbeResultModel::HostColumn).data().toString(), Host);
        QCOMPARE(model.index(0, ProbeResultModel::PortColumn).data().toString(), QStringLiteral("443"));
        QCOMPARE(model.index(1, ProbeResultModel::StatusColumn).data().toString(), QStringLiteral("NOT_TESTABLE"));
        QCOMPARE(model.index(1, 0).data(ProbeResultModel::FailedRole).toBool(), false);
        QCOMPARE(model.index(0, 0).data(ProbeResultModel::FinalRole).toBool(), true);
        QCOMPARE(model.headerData(ProbeResultModel::HostColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Host tested"));
        for (int row = 0; row < 2; ++row)
            QCOMPARE(model.result(row).status, engine.results().at(row).status);
    }
};

QTEST_GUILESS_MAIN(TestProbeEngine)
#include "tst_probeengine.moc"
