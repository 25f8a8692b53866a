#pragma once

#include "demopki.h"
#include "probecatalog.h"
#include "probeoptions.h"
#include "proberesult.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QTcpSocket>
#include <memory>

namespace amlfw {

class HostResolver;
class DemoService;
class DemoSilentServer;
class DemoProxy;

// A simulated network inside the program, for demonstrations without the real network
// (`amlfw check --demo`, the wizard's "Demo network"): loopback servers with certificates made at
// start, and the options and resolver that steer each endpoint of a run to the server that gives
// its status. Every status shows once (DNS_FAILED, TCP_REFUSED, TLS_TIMEOUT, TLS_INSPECTED,
// PROXY_AUTH_REQUIRED), the rest is OK; which host gets which is a stable choice by a hash of the
// host name. Nothing leaves 127.0.0.1: names resolve to it or fail, the proxy connects only to it.
//
//   DemoNetwork demo;
//   if (!demo.start(targets, &error)) ...
//   engine.setResolver(demo.resolver());
//   engine.setOptions(demo.options(userOptions));
//   engine.start(targets, demo.catalog(set.catalog.probe));
class DemoNetwork : public QObject
{
    Q_OBJECT

public:
    // What the demo makes of a host.
    enum class Outcome { Ok, DnsFailed, Refused, TlsTimeout, Inspected, ProxyAuth };

    static constexpr const char *CaName = "amlfw DEMO CA";
    static constexpr const char *InspectionCaName = "Contoso SecureWeb Inspection CA (DEMO)";

    explicit DemoNetwork(QObject *parent = nullptr);
    ~DemoNetwork() override;

    // Makes the certificates for the testable targets' hosts and starts the servers; false with a
    // translated message when a server cannot listen or a certificate cannot be made.
    bool start(const QList<ProbeTarget> &targets, QString *error = nullptr);
    bool isStarted() const { return m_started; }

    // The run's options: the user's samples and concurrency; the demo's proxy, redirects, short
    // timeouts and CAs (for this run only); demo = true.
    ProbeOptions options(const ProbeOptions &base) const;
    HostResolver *resolver() const { return m_resolver.get(); }
    // The catalog's probe object with the demo CA among the expected issuers of every host (the
    // stand-in for the services' real CAs); the inspection CA stays unexpected.
    static ProbeCatalog catalog(const ProbeCatalog &probe);

    Outcome outcomeOf(const QString &host) const { return m_outcomes.value(host.toLower(), Outcome::Ok); }
    QList<QSslCertificate> caCertificates() const; // demo CA, inspection CA
    QList<QHostAddress> listenAddresses() const;   // of every server (all 127.0.0.1)
    QList<QHostAddress> proxyUpstreamAddresses() const;

private:
    bool m_started = false;
    QHash<QString, Outcome> m_outcomes; // lower-case host -> outcome; Ok when absent
    QHash<QString, bool> m_hostHasTls;
    DemoCertificate m_ca;
    DemoCertificate m_inspectionCa;
    std::unique_ptr<HostResolver> m_resolver;
    DemoService *m_service = nullptr;   // TLS, the demo CA
    DemoService *m_inspected = nullptr; // TLS, the inspection CA
    DemoService *m_plain = nullptr;     // HTTP and TCP-only ports
    DemoSilentServer *m_silent = nullptr;
    DemoProxy *m_proxy = nullptr;
    // Bound and never listening: a connection to its port is refused, and no other socket can take
    // the port while the demo runs (a port closed after use could be handed to another server).
    QTcpSocket *m_refuser = nullptr;
    int m_closedPort = 0;
    QList<ConnectToRule> m_connectTo;
};

} // namespace amlfw
