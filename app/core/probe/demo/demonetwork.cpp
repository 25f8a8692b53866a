#include "demonetwork.h"

#include "demoservers.h"
#include "hostresolver.h"

#include <QCryptographicHash>
#include <QMap>
#include <QTimer>

namespace amlfw {

namespace {

// Names resolve to 127.0.0.1, after a short delay, except the hosts the demo fails.
class DemoResolver : public HostResolver
{
public:
    explicit DemoResolver(const DemoNetwork *demo)
        : m_demo(demo)
    {
    }
    void lookup(const QString &host, QObject *context, Callback done) override
    {
        HostAnswer answer;
        if (m_demo->outcomeOf(host) == DemoNetwork::Outcome::DnsFailed) {
            answer.outcome = DnsOutcome::NotFound;
            answer.error = DemoNetwork::tr("Host %1 not found (demo network)").arg(host);
        } else {
            answer.outcome = DnsOutcome::Ok;
            answer.addresses << QHostAddress(QHostAddress::LocalHost);
        }
        QTimer::singleShot(demoDelayMs(host) / 8, context, [done = std::move(done), answer] { done(answer); });
    }
    bool isThreadSafe() const override { return true; } // reads the demo's fixed plan only

private:
    const DemoNetwork *m_demo;
};

QString hostHash(const QString &host)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(QByteArray("amlfw-demo:") + host.toUtf8()), QCryptographicHash::Sha1)
            .toHex());
}

} // namespace

DemoNetwork::DemoNetwork(QObject *parent)
    : QObject(parent)
    , m_resolver(std::make_unique<DemoResolver>(this))
{
}

DemoNetwork::~DemoNetwork() = default;

bool DemoNetwork::start(const QList<ProbeTarget> &targets, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_started)
        return true;

    // The hosts, in a stable order by hash; each failing status goes to the first host that can show it.
    QMap<QString, QString> byHash; // hash -> host
    QStringList tlsHosts;
    for (const ProbeTarget &t : targets) {
        if (!t.isTestable())
            continue;
        const QString host = t.host.toLower();
        byHash.insert(hostHash(host), host);
        if (t.tls) {
            m_hostHasTls.insert(host, true);
            if (!tlsHosts.contains(host))
                tlsHosts << host;
        }
    }
    const QList<QPair<Outcome, bool>> wanted = {{Outcome::DnsFailed, false},
                                                {Outcome::Refused, false},
                                                {Outcome::TlsTimeout, true},
                                                {Outcome::Inspected, true},
                                                {Outcome::ProxyAuth, true}};
    for (const auto &[outcome, needsTls] : wanted) {
        for (const QString &host : std::as_const(byHash)) {
            if (m_outcomes.contains(host) || (needsTls && !m_hostHasTls.value(host)))
                continue;
            m_outcomes.insert(host, outcome);
            break;
        }
    }

    m_ca = DemoPki::makeCa(QString::fromLatin1(CaName), QStringLiteral("amlfw DEMO"));
    m_inspectionCa = DemoPki::makeCa(QString::fromLatin1(InspectionCaName), QStringLiteral("Contoso SecureWeb"));
    if (tlsHosts.isEmpty())
        tlsHosts << QStringLiteral("demo.invalid");
    const DemoCertificate leaf = DemoPki::makeLeaf(tlsHosts, m_ca);
    const DemoCertificate inspectedLeaf = DemoPki::makeLeaf(tlsHosts, m_inspectionCa);
    if (m_ca.isNull() || m_inspectionCa.isNull() || leaf.isNull() || inspectedLeaf.isNull())
        return fail(tr("The demo network could not make its certificates."));

    m_service = new DemoService(this);
    m_service->setCertificate({leaf.certificate, m_ca.certificate}, leaf.key);
    m_inspected = new DemoService(this);
    m_inspected->setCertificate({inspectedLeaf.certificate, m_inspectionCa.certificate}, inspectedLeaf.key);
    m_plain = new DemoService(this);
    m_silent = new DemoSilentServer(this);
    m_proxy = new DemoProxy(this);
    QSet<QString> authHosts;
    for (auto it = m_outcomes.constBegin(); it != m_outcomes.constEnd(); ++it) {
        if (it.value() == Outcome::ProxyAuth)
            authHosts.insert(it.key());
    }
    m_proxy->setAuthHosts(authHosts);

    // A port that refuses: bound, never listening, held for the demo's life.
    m_refuser = new QTcpSocket(this);
    if (!m_refuser->bind(QHostAddress::LocalHost, 0))
        return fail(tr("The demo network could not open a port on 127.0.0.1: %1").arg(m_refuser->errorString()));
    m_closedPort = m_refuser->localPort();

    for (QTcpServer *server : std::initializer_list<QTcpServer *>{m_service, m_inspected, m_plain, m_silent, m_proxy}) {
        if (!server->listen(QHostAddress::LocalHost, 0))
            return fail(tr("The demo network could not open a port on 127.0.0.1: %1").arg(server->errorString()));
    }
    // Remember the targets' ports for the redirects.
    for (const ProbeTarget &t : targets) {
        if (!t.isTestable())
            continue;
        ConnectToRule rule;
        rule.host = t.host.toLower();
        rule.port = t.port;
        const Outcome outcome = outcomeOf(rule.host);
        if (outcome == Outcome::DnsFailed)
            continue;
        QTcpServer *to = t.tls ? static_cast<QTcpServer *>(m_service) : m_plain;
        if (outcome == Outcome::TlsTimeout && t.tls)
            to = m_silent;
        else if (outcome == Outcome::Inspected && t.tls)
            to = m_inspected;
        rule.toPort = outcome == Outcome::Refused ? m_closedPort : to->serverPort();
        rule.text = rule.host + u':' + QString::number(rule.port) + QStringLiteral("::") + QString::number(rule.toPort);
        bool known = false;
        for (const ConnectToRule &r : std::as_const(m_connectTo))
            known = known || (r.host == rule.host && r.port == rule.port);
        if (!known)
            m_connectTo << rule;
    }
    QHash<QString, int> routes;
    for (const ConnectToRule &r : std::as_const(m_connectTo))
        routes.insert(r.host + u':' + QString::number(r.port), r.toPort);
    m_proxy->setRoutes(routes);
    m_started = true;
    return true;
}

ProbeOptions DemoNetwork::options(const ProbeOptions &base) const
{
    ProbeOptions o;
    o.demo = true;
    o.samples = base.samples;
    o.concurrency = base.concurrency;
    o.timeouts.dnsMs = 1000;
    o.timeouts.tcpMs = 1000;
    o.timeouts.tlsMs = 1500;
    o.timeouts.httpMs = 2000;
    o.proxy.mode = ProxySetting::Mode::Explicit;
    o.proxy.host = QStringLiteral("127.0.0.1");
    o.proxy.port = m_proxy ? m_proxy->serverPort() : 0;
    o.extraCaCertificates = caCertificates();
    o.connectTo = m_connectTo;
    // The failures of names and connections happen on the direct path, where they show.
    for (auto it = m_outcomes.constBegin(); it != m_outcomes.constEnd(); ++it) {
        if (it.value() == Outcome::DnsFailed || it.value() == Outcome::Refused)
            o.noProxy << it.key();
    }
    return o;
}

ProbeCatalog DemoNetwork::catalog(const ProbeCatalog &probe)
{
    ProbeCatalog out = probe;
    for (ExpectedIssuers &e : out.expectedIssuers)
        e.issuers << QString::fromLatin1(CaName);
    return out;
}

QList<QSslCertificate> DemoNetwork::caCertificates() const
{
    QList<QSslCertificate> out;
    if (!m_ca.isNull())
        out << m_ca.certificate << m_inspectionCa.certificate;
    return out;
}

QList<QHostAddress> DemoNetwork::listenAddresses() const
{
    QList<QHostAddress> out;
    for (const QTcpServer *server :
         std::initializer_list<const QTcpServer *>{m_service, m_inspected, m_plain, m_silent, m_proxy}) {
        if (server)
            out << server->serverAddress();
    }
    return out;
}

QList<QHostAddress> DemoNetwork::proxyUpstreamAddresses() const
{
    return m_proxy ? m_proxy->upstreamAddresses() : QList<QHostAddress>();
}

} // namespace amlfw
