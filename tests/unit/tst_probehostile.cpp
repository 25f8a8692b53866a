// The probe engine against hostile servers and proxies on loopback: endless interim answers,
// terminal escapes in what a server says, a proxy that closes the tunnel it opened, and the words
// every failure must carry. No real host is resolved or reached.
#include "fakeresolver.h"
#include "hostileserver.h"
#include "httphead.h"
#include "language.h"
#include "probeengine.h"
#include "probetexts.h"
#include "silentserver.h"
#include "testconnectproxy.h"
#include "testnet.h"
#include "testpki.h"
#include "tlstestserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace amlfw;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool UnderAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool UnderAddressSanitizer = true;
#else
constexpr bool UnderAddressSanitizer = false;
#endif
#else
constexpr bool UnderAddressSanitizer = false;
#endif

namespace {

const QString Host = QStringLiteral("api.amlfw.test");

ProbeTarget target(const QString &host, int port, bool tls, bool http)
{
    ProbeTarget t;
    t.ruleId = QStringLiteral("rule");
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

ConnectToRule redirect(const QString &host, int port, int toPort)
{
    ConnectToRule r;
    r.host = host;
    r.port = port;
    r.toPort = toPort;
    r.text = host + u':' + QString::number(port) + QStringLiteral("::") + QString::number(toPort);
    return r;
}

// The process's peak resident memory (VmHWM) in kB; 0 where /proc is not there.
qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0))
            return true;
    }
    return false;
}

} // namespace

class TestProbeHostile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
    TestPki::Issued m_public;
    ProbeCatalog m_probe;
    FakeResolver m_resolver;

    ProbeOptions options() const
    {
        ProbeOptions o;
        o.proxy.mode = ProxySetting::Mode::None;
        o.timeouts = {500, 1500, 1500, 2000};
        o.extraCaCertificates = {m_pki->publicCa};
        return o;
    }

    ProbeOptions directTo(quint16 port, int fromPort = 443) const
    {
        ProbeOptions o = options();
        o.connectTo << redirect(Host, fromPort, port);
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

    ProbeResult runOne(const ProbeTarget &t, const ProbeOptions &o, int timeoutMs = 15000)
    {
        ProbeEngine engine;
        engine.setOptions(o);
        engine.setResolver(&m_resolver);
        QSignalSpy finished(&engine, &ProbeEngine::finished);
        if (!engine.start({t}, m_probe))
            return {};
        if (!QTest::qWaitFor([&] { return finished.count() > 0; }, timeoutMs))
            return {};
        return engine.results().value(0);
    }

    // The detail of `r` in both languages: both must say something.
    static void verifyDetailInWords(const ProbeResult &r, const char *what)
    {
        for (const Language language : {Language::English, Language::Japanese}) {
            applyLanguage(language);
            const QString detail = ProbeTexts::detail(r);
            QVERIFY2(!detail.trimmed().isEmpty(),
                     qPrintable(QStringLiteral("%1 (%2): empty detail")
                                    .arg(QString::fromLatin1(what), probeStatusId(r.status))));
            QVERIFY2(!hasControlCharacters(detail), what);
        }
        applyLanguage(Language::English);
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
        m_probe.tlsPorts = {QStringLiteral("443")};
        m_probe.expectedIssuers
            = {{QStringLiteral("test"), {QStringLiteral("*")}, {QString::fromLatin1(TestPki::PublicOrganization)}}};
        m_resolver.setAddresses(Host, {QHostAddress(QHostAddress::LocalHost)});
        applyLanguage(Language::English);
    }

    // A flood of "100 Continue" heads: refused after a few, with the bytes read bounded, well
    // within the HTTP timeout.
    void endlessInterimAnswersAreCapped_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("plain") << false;
        QTest::newRow("tls") << true;
    }

    void endlessInterimAnswersAreCapped()
    {
        QFETCH(bool, tls);
        HostileServer server(HostileServer::Behaviour::EndlessInterim);
        if (tls)
            server.setCertificate(m_public.chain, m_public.key);
        QVERIFY(server.listenLoopback());
        const qint64 rssBefore = peakRssKb();
        QElapsedTimer clock;
        clock.start();
        const ProbeResult r = runOne(target(Host, tls ? 443 : 80, tls, true), directTo(server.serverPort(), tls ? 443 : 80));
        QCOMPARE(probeStatusId(r.status), QStringLiteral("HTTP_ERROR"));
        QCOMPARE(r.http.outcome, HttpOutcome::BadResponse);
        QVERIFY2(r.http.interimResponses <= MaxHttpInterimResponses + 1, qPrintable(QString::number(r.http.interimResponses)));
        QVERIFY2(r.http.headBytes <= MaxHttpHeadBytes + 1, qPrintable(QString::number(r.http.headBytes)));
        QVERIFY(ProbeTexts::detail(r).contains(QStringLiteral("interim")));
        QVERIFY(clock.elapsed() < 2000 + 1000); // generous: ends on the cap, not on the timeout
        if (rssBefore > 0 && !UnderAddressSanitizer) // ASan's redzones and quarantine weigh more than the data
            QVERIFY2(peakRssKb() - rssBefore < 40 * 1024, qPrintable(QString::number(peakRssKb() - rssBefore)));
        verifyDetailInWords(r, "interim flood");
    }

    // One interim head every 20 ms: refused once there are too many, not waited out.
    void drippingInterimAnswersAreCapped()
    {
        HostileServer server(HostileServer::Behaviour::DripInterim);
        QVERIFY(server.listenLoopback());
        const ProbeResult r = runOne(target(Host, 80, false, true), directTo(server.serverPort(), 80));
        QCOMPARE(probeStatusId(r.status), QStringLiteral("HTTP_ERROR"));
        QCOMPARE(r.http.outcome, HttpOutcome::BadResponse);
        QCOMPARE(r.http.interimResponses, MaxHttpInterimResponses + 1);
        QVERIFY(r.timings.httpMs < 2000);
    }

    // The stage's timeout holds while a peer keeps a head coming (a header line every 20 ms).
    void stageTimerHoldsWhileAHeadTrickles()
    {
        HostileServer server(HostileServer::Behaviour::DripInterim);
        QVERIFY(server.listenLoopback());
        ProbeOptions o = directTo(server.serverPort(), 80);
        o.timeouts.httpMs = 150; // before the cap is reached: the timeout must end it
        const ProbeResult r = runOne(target(Host, 80, false, true), o);
        QCOMPARE(r.http.outcome, HttpOutcome::Timeout);
        QVERIFY2(r.timings.httpMs >= 150 && r.timings.httpMs < 150 + 300, qPrintable(QString::number(r.timings.httpMs)));
    }

    // What a server says goes into results without control characters: no terminal escapes.
    void serverTextLosesControlCharacters()
    {
        HostileServer server(HostileServer::Behaviour::RawAnswer);
        server.setCertificate(m_public.chain, m_public.key);
        server.setAnswer(QByteArrayLiteral("HTTP/1.1 403 Forbidden\x1b]0;owned\x07 \x1b[31mred\x1b[0m\r\n"
                                           "Server: squid\x1b[2J\x08\x7f\x9b" "1m/5\r\n\r\n"));
        QVERIFY(server.listenLoopback());
        const ProbeResult r = runOne(target(Host, 443, true, true), directTo(server.serverPort()));
        QCOMPARE(probeStatusId(r.status), QStringLiteral("HTTP_BLOCKED"));
        QCOMPARE(r.http.reason, QStringLiteral("Forbidden]0;owned [31mred[0m"));
        QCOMPARE(r.http.server, QStringLiteral("squid[2J1m/5"));
        QVERIFY(!hasControlCharacters(r.http.proxyEvidence));
        QVERIFY(!hasControlCharacters(ProbeTexts::http(r)));
        verifyDetailInWords(r, "escapes");
    }

    // A proxy that says 200 to CONNECT and hangs up: the proxy closed the tunnel, not SNI filtering.
    void proxyClosesTheTunnel()
    {
        HostileServer proxy(HostileServer::Behaviour::ConnectThenClose);
        QVERIFY(proxy.listenLoopback());
        const ProbeResult r = runOne(target(Host, 443, true, true), throughProxy(proxy.serverPort()));
        QCOMPARE(probeStatusId(r.status), QStringLiteral("PROXY_FAILED"));
        QCOMPARE(r.path.proxyOutcome, ProxyOutcome::TunnelClosed);
        QCOMPARE(r.path.proxyStatus, 200);
        QVERIFY(ProbeTexts::explanation(r).contains(QStringLiteral("closed the tunnel")));
        QVERIFY(!ProbeTexts::explanation(r).contains(QStringLiteral("SNI")));
        verifyDetailInWords(r, "tunnel closed");
    }

    // Every TLS_FAILED and PROXY_FAILED the rigs can make says what happened, in both languages.
    void everyFailureHasADetail()
    {
        QList<QPair<QByteArray, ProbeResult>> failures;
        {
            HostileServer closing(HostileServer::Behaviour::CloseOnAccept);
            QVERIFY(closing.listenLoopback());
            failures << qMakePair(QByteArray("tls closed"),
                                  runOne(target(Host, 443, true, true), directTo(closing.serverPort())));
            HostileServer garbage(HostileServer::Behaviour::GarbageOnAccept);
            QVERIFY(garbage.listenLoopback());
            failures << qMakePair(QByteArray("tls garbage"),
                                  runOne(target(Host, 443, true, true), directTo(garbage.serverPort())));
        }
        {
            auto untrusted = std::make_unique<TlsTestServer>();
            QString error;
            auto self = m_pki->selfSigned(QStringLiteral("self"), {Host}, &error);
            QVERIFY2(self, qPrintable(error));
            untrusted->setCertificate(self->chain, self->key);
            QVERIFY(untrusted->listenLoopback());
            failures << qMakePair(QByteArray("untrusted"),
                                  runOne(target(Host, 443, true, true), directTo(untrusted->serverPort())));
        }
        {
            HostileServer proxy(HostileServer::Behaviour::ConnectThenClose);
            QVERIFY(proxy.listenLoopback());
            failures << qMakePair(QByteArray("tunnel closed"),
                                  runOne(target(Host, 443, true, true), throughProxy(proxy.serverPort())));
        }
        {
            HostileServer proxy(HostileServer::Behaviour::ConnectThenGarbage);
            QVERIFY(proxy.listenLoopback());
            failures << qMakePair(QByteArray("garbage in tunnel"),
                                  runOne(target(Host, 443, true, true), throughProxy(proxy.serverPort())));
        }
        {
            HostileServer proxy(HostileServer::Behaviour::RawAnswer);
            proxy.setAnswer(QByteArrayLiteral("not http at all\r\n\r\n"));
            QVERIFY(proxy.listenLoopback());
            failures << qMakePair(QByteArray("proxy bad answer"),
                                  runOne(target(Host, 443, true, true), throughProxy(proxy.serverPort())));
        }
        {
            HostileServer proxy(HostileServer::Behaviour::RawAnswer);
            proxy.setAnswer(QByteArray());
            QVERIFY(proxy.listenLoopback());
            failures << qMakePair(QByteArray("proxy closed"),
                                  runOne(target(Host, 443, true, true), throughProxy(proxy.serverPort())));
        }
        {
            HostileServer proxy(HostileServer::Behaviour::DripInterim);
            QVERIFY(proxy.listenLoopback());
            ProbeOptions o = throughProxy(proxy.serverPort());
            o.timeouts.dnsMs = 100;
            o.timeouts.tcpMs = 200;
            failures << qMakePair(QByteArray("proxy interim"), runOne(target(Host, 443, true, true), o));
        }
        {
            SilentServer silent;
            QVERIFY(silent.listenLoopback());
            ProbeOptions o = throughProxy(silent.serverPort());
            o.timeouts.dnsMs = 100;
            o.timeouts.tcpMs = 200;
            failures << qMakePair(QByteArray("proxy timeout"), runOne(target(Host, 443, true, true), o));
        }
        {
            const RefusingPort refused;
            QVERIFY(refused.isValid());
            failures << qMakePair(QByteArray("proxy refused"),
                                  runOne(target(Host, 443, true, true), throughProxy(refused.port())));
        }
        {
            ProbeOptions o = throughProxy(1);
            o.proxy.host = QStringLiteral("missing.amlfw.test");
            m_resolver.setNotFound(o.proxy.host);
            failures << qMakePair(QByteArray("proxy name"), runOne(target(Host, 443, true, true), o));
        }
        {
            ProbeResult unsupported; // a SOCKS system proxy: decided before any connection
            unsupported.target = target(Host, 443, true, true);
            unsupported.path.unsupportedProxy = QStringLiteral("socks5://127.0.0.1:1080");
            unsupported.path.proxyOutcome = ProxyOutcome::Unsupported;
            unsupported.status = ProbeResult::deriveStatus(unsupported);
            failures << qMakePair(QByteArray("unsupported"), unsupported);
            ProbeResult noTls = unsupported;
            noTls.path = ProbePath();
            noTls.tcp = {TcpAttempt{QHostAddress(QHostAddress::LocalHost), 443, ConnectOutcome::Connected, 1, {}}};
            noTls.tls.outcome = TlsOutcome::Unavailable;
            noTls.status = ProbeResult::deriveStatus(noTls);
            failures << qMakePair(QByteArray("tls unavailable"), noTls);
        }
        for (const auto &[what, r] : std::as_const(failures)) {
            QVERIFY2(r.status == ProbeStatus::TlsFailed || r.status == ProbeStatus::ProxyFailed,
                     qPrintable(QString::fromLatin1(what) + u' ' + probeStatusId(r.status)));
            verifyDetailInWords(r, what.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestProbeHostile)
#include "tst_probehostile.moc"
