#pragma once

#include "proberun.h"

#include <QCoreApplication>

namespace amlfw {

// One request of "What to ask for": the same action, asked once, for every endpoint it names.
struct ProbeAdviceGroup
{
    QString kind;                // stable id: "dns", "private-dns", "route", "allow", ... (ProbeAdvice::kinds())
    QString text;                // the request in the current language, without the endpoints
    QList<int> endpoints;        // indexes into the endpoints grouped (ProbeRun::endpoints())
    QList<int> rows;             // indexes into ProbeRun::results: every rule it covers, in row order
    QList<ProbeStatus> statuses; // the statuses that led to it, each once
};

// "What to ask for", grouped by action: the one source of the CLI's summary, the reports and the
// wizard. Texts are made when grouped, in the current language.
class ProbeAdvice
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbeAdvice)

public:
    // One group per distinct request, in the order a fix is needed (DNS, route, firewall rules, TLS,
    // HTTP, proxy). A host:port is in one group only: when its endpoints (other stages or paths)
    // would need different requests, the earliest stage's request covers them all; DNS requests are
    // decided per host.
    static QList<ProbeAdviceGroup> group(const ProbeRun &run, const QList<ProbeEndpoint> &endpoints);
    static QList<ProbeAdviceGroup> group(const ProbeRun &run);
    // The group's index of each endpoint (-1: nothing to ask for), parallel to `endpoints`.
    static QList<int> groupOfEndpoints(const QList<ProbeAdviceGroup> &groups, qsizetype endpointCount);
    // "host:port (rules a, b)": an endpoint as the requests name it; the destination too when a
    // sample host stands for it.
    static QString endpointLabel(const ProbeRun &run, const ProbeEndpoint &endpoint);
    // A group's endpoints as labels, one per host:port (endpoints that differ in stages only are
    // one line, with all their rules).
    static QStringList endpointLabels(const ProbeRun &run, const QList<ProbeEndpoint> &endpoints,
                                      const ProbeAdviceGroup &group);
    static QStringList kinds(); // every kind id, in request order
};

} // namespace amlfw
