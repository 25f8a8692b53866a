// Proxy authentication against a real squid on loopback: NTLM (ntlm_fake_auth checks the
// three-message handshake and accepts any user), Digest (digest_file_auth) and Basic
// (basic_ncsa_auth), with password files made here. Squid missing is a failure: CI installs it.
#include "fakeresolver.h"
#include "httptestserver.h"
#include "ntlmtestproxy.h"
#include "probeengine.h"
#include "probetexts.h"
#include "squidproxy.h"
#include "testpki.h"
#include "tlstestserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace amlfw;

namespace {

const QString Host = QStringLiteral("api.amlfw.test");

ProbeTarget tlsTarget()
{
    ProbeTarget t;
    t.ruleId = QStringLiteral("rule");
    t.destination = Host;
    t.destinationTemplate = Host;
    t.host = Host;
    t.port = 443;
    t.portSpec = QStringLiteral("443");
    t.protocol = QStringLiteral("TCP");
    t.tls = true;
    t.http = true;
    t.firewallType = FirewallRuleType::Application;
    return t;
}

} // namespace

class TestSquidProxyAuth : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_squidDir; // squid drops to `nobody` when run as root: it must reach its files
    std::unique_ptr<TestPki> m_pki;
    TestPki::Issued m_public;
    std::unique_ptr<TlsTestServer> m_server;
    std::unique_ptr<HttpTestServer> m_plain; // port 80 endpoints: absolute-form requests through squid
    FakeResolver m_resolver;
    ProbeCatalog m_probe;

    ProbeOptions throughSquid(quint16 proxyPort, const QString &user, const QString &password) const
    {
        ProbeOptions o;
        o.timeouts = {2000, 5000, 5000, 5000};
        o.extraCaCertificates = {m_pki->publicCa};
        o.proxy.mode = ProxySetting::Mode::Explicit;
        o.proxy.host = QStringLiteral("127.0.0.1");
        o.proxy.port = proxyPort;
        o.proxy.user = user;
        o.proxy.password = password;
        ConnectToRule c; // CONNECT 127.0.0.1:<server>; SNI and Host stay the tested name
        c.host = Host;
        c.port = 443;
        c.toHost = QStringLiteral("127.0.0.1");
        c.toPort = m_server->serverPort();
        o.connectTo << c;
        return o;
    }

    ProbeResult runOne(const ProbeOptions &o, const ProbeTarget &t = tlsTarget())
    {
        ProbeEngine engine;
        engine.setOptions(o);
        engine.setResolver(&m_resolver);
        QSignalSpy finished(&engine, &ProbeEngine::finished);
        if (!engine.start({t}, m_probe) || !QTest::qWaitFor([&] { return finished.count() > 0; }, 30000))
            return {};
        return engine.results().value(0);
    }

    // A squid in its own directory with `authConfig`, allowing CONNECT to the TLS server.
    std::unique_ptr<SquidProxy> squid(const QString &name, const std::function<QString(SquidProxy &)> &authConfig)
    {
        const QString dir = m_squidDir.filePath(name);
        if (!QDir().mkpath(dir))
            return nullptr;
        auto proxy = std::make_unique<SquidProxy>(dir);
        const QString config = authConfig(*proxy);
        QString error;
        if (config.isEmpty()
            || !proxy->start(config, {m_server->serverPort(), m_plain->serverPort()}, {Host}, &error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        return proxy;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_squidDir.isValid());
        QFile::setPermissions(m_squidDir.path(),
                              QFile::permissions(m_squidDir.path()) | QFileDevice::ExeOther | QFileDevice::ReadOther);
        m_pki = std::make_unique<TestPki>(m_dir.path());
        QString error;
        QVERIFY2(m_pki->create(&error), qPrintable(error));
        auto issued = m_pki->issue(QStringLiteral("public"), {QStringLiteral("*.amlfw.test")},
                                   TestPki::Authority::Public, &error);
        QVERIFY2(issued, qPrintable(error));
        m_public = *issued;
        m_server = std::make_unique<TlsTestServer>();
        m_server->setCertificate(m_public.chain, m_public.key);
        QVERIFY(m_server->listenLoopback());
        m_plain = std::make_unique<HttpTestServer>();
        QVERIFY(m_plain->listenLoopback());
        m_probe.tlsPorts = {QStringLiteral("443")};
        QVERIFY2(!SquidProxy::helper(QStringLiteral("ntlm_fake_auth")).isEmpty(), "squid's helpers are missing");
    }

    void ntlm()
    {
        auto proxy = squid(QStringLiteral("ntlm"), [this](SquidProxy &s) -> QString {
            QString error;
            if (!s.writeHtpasswd(QStringLiteral("htpasswd"), QStringLiteral("bob"), QStringLiteral("pw"), &error))
                return {};
            return QStringLiteral("auth_param ntlm program %1\nauth_param ntlm children 2\n"
                                  "auth_param basic program %2 %3\nauth_param basic realm amlfw\n")
                .arg(SquidProxy::helper(QStringLiteral("ntlm_fake_auth")),
                     SquidProxy::helper(QStringLiteral("basic_ncsa_auth")),
                     QDir(m_squidDir.filePath(QStringLiteral("ntlm"))).filePath(QStringLiteral("htpasswd")));
        });
        QVERIFY(proxy);

        // With credentials: the three messages on one connection, NTLM chosen over Basic.
        ProbeResult r = runOne(throughSquid(proxy->port(), QStringLiteral("CORP\\alice"), QStringLiteral("secret")));
        QVERIFY2(probeStatusId(r.status) == u"OK", qPrintable(probeStatusId(r.status) + u' ' + r.path.proxyAuthFailure
                                                              + u'\n' + proxy->accessLog().right(3000)));
        QCOMPARE(r.path.proxyAuthScheme, QStringLiteral("NTLM"));
        QCOMPARE(r.path.proxyAuthSchemes, (QStringList{QStringLiteral("NTLM"), QStringLiteral("Basic")}));
        QVERIFY(r.path.credentialsSent);
        QCOMPARE(r.path.proxyStatus, 200);
        QVERIFY2(proxy->accessLog().contains(QStringLiteral("CORP\\\\alice")),
                 qPrintable(proxy->accessLog().left(1500))); // squid logged the NTLM user
        QVERIFY(ProbeTexts::path(r).contains(QStringLiteral("NTLM")));

        // Plain HTTP: the absolute-form request takes the same three steps, kept alive meanwhile.
        ProbeOptions plain = throughSquid(proxy->port(), QStringLiteral("alice@corp.example"), QStringLiteral("pw"));
        plain.connectTo.clear(); // squid resolves the name (hosts_file) and connects to the port named
        ProbeTarget http = tlsTarget();
        http.port = m_plain->serverPort();
        http.portSpec = QString::number(http.port);
        http.tls = false;
        r = runOne(plain, http);
        QVERIFY2(probeStatusId(r.status) == u"OK", qPrintable(probeStatusId(r.status) + u' ' + r.path.proxyAuthFailure
                                                              + u'\n' + proxy->accessLog().right(3000)));
        QCOMPARE(r.path.proxyAuthScheme, QStringLiteral("NTLM"));
        QCOMPARE(r.http.status, 200);
        QVERIFY(m_plain->requests().size() >= 1);

        // Without: refused, naming the schemes and what to give.
        r = runOne(throughSquid(proxy->port(), {}, {}));
        QCOMPARE(probeStatusId(r.status), QStringLiteral("PROXY_AUTH_REQUIRED"));
        QCOMPARE(r.path.proxyAuthSchemes, (QStringList{QStringLiteral("NTLM"), QStringLiteral("Basic")}));
        QVERIFY(!r.path.credentialsSent);
        QCOMPARE(r.path.proxyAuthFailure, QStringLiteral("no-credentials"));
        QVERIFY2(ProbeTexts::explanation(r).contains(QStringLiteral("NTLM, Basic")),
                 qPrintable(ProbeTexts::explanation(r)));
        QVERIFY2(ProbeTexts::action(r).contains(QStringLiteral("DOMAIN%5Cuser")), qPrintable(ProbeTexts::action(r)));
    }

    // The handshake as a proxy sees it: type 1 flags, type 3 fields, all on one connection.
    void fakeProxyChecksTheHandshake()
    {
        NtlmTestProxy proxy;
        QVERIFY(proxy.listenLoopback());
        ProbeOptions o = throughSquid(proxy.serverPort(), QStringLiteral("CORP\\alice"), QStringLiteral("pw"));
        o.connectTo.clear();
        ProbeTarget http = tlsTarget();
        http.tls = false;
        http.port = 80;
        http.portSpec = QStringLiteral("80");
        ProbeResult r = runOne(o, http);
        QCOMPARE(probeStatusId(r.status), QStringLiteral("OK"));
        QCOMPARE(r.path.proxyAuthScheme, QStringLiteral("NTLM"));
        QCOMPARE(proxy.seen().size(), 3);
        QCOMPARE(proxy.seen().at(0).step, 0);
        QCOMPARE(proxy.seen().at(1).step, 1);
        QCOMPARE(proxy.seen().at(1).type1Flags, 0xA0088207u);
        const NtlmTestProxy::Seen &type3 = proxy.seen().at(2);
        QCOMPARE(type3.step, 3);
        QCOMPARE(type3.domain, QStringLiteral("CORP"));
        QCOMPARE(type3.user, QStringLiteral("alice"));
        QCOMPARE(type3.ntResponseSize, 16 + 28 + 36 + 4); // NTLMv2 over the challenge's target info
        QVERIFY(type3.sameConnection);
        QCOMPARE(type3.method, QStringLiteral("HEAD"));

        // CONNECT: the same steps; the proxy's 200 is recorded. It opens no tunnel and closes, which
        // is said as such (not blamed on TLS).
        r = runOne(o, tlsTarget());
        QCOMPARE(r.path.proxyOutcome, ProxyOutcome::TunnelClosed);
        QCOMPARE(r.path.proxyStatus, 200);
        QCOMPARE(proxy.seen().size(), 6);
        QCOMPARE(proxy.seen().last().method, QStringLiteral("CONNECT"));
        QVERIFY(proxy.seen().last().sameConnection);

        // A proxy that closes after its challenge cannot be answered: said, not retried blindly.
        proxy.setCloseAfterChallenge(true);
        r = runOne(o, tlsTarget());
        QCOMPARE(probeStatusId(r.status), QStringLiteral("PROXY_AUTH_REQUIRED"));
        QCOMPARE(r.path.proxyAuthFailure, QStringLiteral("handshake-closed"));
        QVERIFY(ProbeTexts::explanation(r).contains(QStringLiteral("closed the connection")));
    }

    void digest()
    {
        auto proxy = squid(QStringLiteral("digest"), [this](SquidProxy &s) -> QString {
            QString error;
            if (!s.writeDigestFile(QStringLiteral("digest"), QStringLiteral("alice"), QStringLiteral("s3cret"), &error))
                return {};
            return QStringLiteral("auth_param digest program %1 %2\nauth_param digest children 2\n"
                                  "auth_param digest realm amlfw\n"
                                  "auth_param basic program %3 %2\nauth_param basic realm amlfw\n")
                .arg(SquidProxy::helper(QStringLiteral("digest_file_auth")),
                     QDir(m_squidDir.filePath(QStringLiteral("digest"))).filePath(QStringLiteral("digest")),
                     SquidProxy::helper(QStringLiteral("basic_fake_auth")));
        });
        QVERIFY(proxy);

        ProbeResult r = runOne(throughSquid(proxy->port(), QStringLiteral("alice"), QStringLiteral("s3cret")));
        QVERIFY2(probeStatusId(r.status) == u"OK", qPrintable(probeStatusId(r.status) + u' ' + r.path.proxyAuthFailure
                                                              + u'\n' + proxy->accessLog().right(3000)));
        QCOMPARE(r.path.proxyAuthScheme, QStringLiteral("Digest")); // never Basic when Digest is offered
        QVERIFY(r.path.credentialsSent);

        r = runOne(throughSquid(proxy->port(), QStringLiteral("alice"), QStringLiteral("wrong")));
        QCOMPARE(probeStatusId(r.status), QStringLiteral("PROXY_AUTH_REQUIRED"));
        QCOMPARE(r.path.proxyAuthFailure, QStringLiteral("rejected"));
        QVERIFY(r.path.credentialsSent);
        QVERIFY(r.path.proxyAuthSchemes.contains(QStringLiteral("Digest")));
    }

    void basic()
    {
        auto proxy = squid(QStringLiteral("basic"), [this](SquidProxy &s) -> QString {
            QString error;
            if (!s.writeHtpasswd(QStringLiteral("htpasswd"), QStringLiteral("alice"), QStringLiteral("s3cret"), &error))
                return {};
            return QStringLiteral("auth_param basic program %1 %2\nauth_param basic realm amlfw\n")
                .arg(SquidProxy::helper(QStringLiteral("basic_ncsa_auth")),
                     QDir(m_squidDir.filePath(QStringLiteral("basic"))).filePath(QStringLiteral("htpasswd")));
        });
        QVERIFY(proxy);

        ProbeResult r = runOne(throughSquid(proxy->port(), QStringLiteral("alice"), QStringLiteral("s3cret")));
        QVERIFY2(probeStatusId(r.status) == u"OK", qPrintable(probeStatusId(r.status) + u' ' + r.path.proxyAuthFailure
                                                              + u'\n' + proxy->accessLog().right(3000)));
        QCOMPARE(r.path.proxyAuthScheme, QStringLiteral("Basic"));

        r = runOne(throughSquid(proxy->port(), QStringLiteral("alice"), QStringLiteral("wrong")));
        QCOMPARE(probeStatusId(r.status), QStringLiteral("PROXY_AUTH_REQUIRED"));
        QCOMPARE(r.path.proxyAuthFailure, QStringLiteral("rejected"));
    }
};

QTEST_GUILESS_MAIN(TestSquidProxyAuth)
#include "tst_squidproxyauth.moc"
