#include "probeadvice.h"

#include <QHash>
#include <algorithm>
#include <array>
#include <optional>

namespace amlfw {

namespace {

// In the order a fix is needed: an endpoint's earliest failing stage first.
enum class Kind {
    PrivateDns,
    Dns,
    Route,
    Allow,
    AllowHttps,
    ExemptInspection,
    TrustCa,
    TlsPlugin,
    WebFilter,
    AllowList,
    ProxyCredentials,
    ProxyScheme,
    ProxyUpstream,
    ProxySetting,
    RunAgain,
};

constexpr std::array<const char *, 15> kindIds{"private-dns",       "dns",        "route",
                                               "allow",             "allow-https", "exempt-inspection",
                                               "trust-ca",          "tls-plugin",  "web-filter",
                                               "allow-list",        "proxy-credentials", "proxy-scheme",
                                               "proxy-upstream",    "proxy-setting", "run-again"};

struct Request
{
    Kind kind = Kind::RunAgain;
    QString parameter; // what else tells requests of one kind apart (the proxy's schemes)
};

// The rows of an endpoint a request is for: those that failed. A network rule sharing its probe with
// an application rule passes when only HTTP failed, and is not named in the HTTP request.
QList<int> failingRows(const ProbeRun &run, const ProbeEndpoint &e)
{
    QList<int> rows;
    for (int row : e.rows) {
        if (row >= 0 && row < run.results.size() && isFailure(run.results.at(row).status))
            rows << row;
    }
    return rows.isEmpty() ? e.rows : rows;
}

std::optional<Request> requestFor(const ProbeRun &run, const ProbeEndpoint &e)
{
    const ProbeResult &r = e.result;
    if (!isFailure(r.status))
        return std::nullopt;
    switch (r.status) {
    case ProbeStatus::DnsFailed: {
        bool privateLink = r.cnameToPrivateLink();
        for (int row : e.rows)
            privateLink = privateLink || run.results.at(row).target.destination.contains(QStringLiteral(".core."));
        return Request{privateLink ? Kind::PrivateDns : Kind::Dns, {}};
    }
    case ProbeStatus::TcpRefused:
    case ProbeStatus::TcpTimeout:
        return Request{Kind::Allow, {}};
    case ProbeStatus::TcpUnreachable:
        return Request{Kind::Route, {}};
    case ProbeStatus::TlsFailed:
        if (r.tls.outcome == TlsOutcome::Untrusted && r.tls.unexpectedIssuer)
            return Request{Kind::ExemptInspection, {}};
        if (r.tls.outcome == TlsOutcome::Untrusted)
            return Request{Kind::TrustCa, {}};
        if (r.tls.outcome == TlsOutcome::Unavailable)
            return Request{Kind::TlsPlugin, {}};
        return Request{Kind::AllowHttps, {}};
    case ProbeStatus::TlsTimeout:
        return Request{Kind::AllowHttps, {}};
    case ProbeStatus::TlsInspected:
        return Request{Kind::ExemptInspection, {}};
    case ProbeStatus::HttpError:
        return Request{Kind::WebFilter, {}};
    case ProbeStatus::HttpBlocked:
        return Request{Kind::AllowList, {}};
    case ProbeStatus::ProxyAuthRequired: {
        const QStringList schemes = r.path.proxyAuthSchemes;
        bool basic = schemes.isEmpty();
        for (const QString &s : schemes)
            basic = basic || s.compare(QStringLiteral("Basic"), Qt::CaseInsensitive) == 0;
        if (basic)
            return Request{Kind::ProxyCredentials, {}};
        return Request{Kind::ProxyScheme, schemes.join(QStringLiteral(", "))};
    }
    case ProbeStatus::ProxyFailed:
        if (r.path.proxyOutcome == ProxyOutcome::UpstreamFailed)
            return Request{Kind::ProxyUpstream, {}};
        return Request{Kind::ProxySetting, {}};
    default:
        return Request{Kind::RunAgain, {}};
    }
}

bool isDns(Kind kind)
{
    return kind == Kind::PrivateDns || kind == Kind::Dns;
}

QString requestText(Kind kind, const QString &parameter)
{
    switch (kind) {
    case Kind::PrivateDns:
        return ProbeAdvice::tr("Ask the DNS team to resolve these names from this network: for a private endpoint, a "
                               "private DNS zone (privatelink) linked to the network or a conditional forwarder to "
                               "Azure DNS.");
    case Kind::Dns:
        return ProbeAdvice::tr(
            "Ask the DNS team to resolve these names from this network (a forwarder to the internet or to Azure DNS).");
    case Kind::Route:
        return ProbeAdvice::tr("Ask the network team for a route to these hosts through the firewall, or connect the "
                               "VPN this machine uses.");
    case Kind::Allow:
        return ProbeAdvice::tr("Ask the firewall team to allow these endpoints from this network, as the rules named "
                               "say (in Azure Firewall: application rules for HTTP and HTTPS, network rules for the "
                               "other ports).");
    case Kind::AllowHttps:
        return ProbeAdvice::tr("Ask the firewall team for application rules that allow these hosts on HTTPS: the "
                               "connection opens, but the TLS handshake does not get through.");
    case Kind::ExemptInspection:
        return ProbeAdvice::tr("Ask the firewall team to exempt these hosts from TLS inspection: Azure Machine "
                               "Learning does not support it. To test through an inspection this machine does not "
                               "trust, give its CA with --ca-bundle.");
    case Kind::TrustCa:
        return ProbeAdvice::tr("Check this machine's trusted certificates, or give the issuing CA with --ca-bundle.");
    case Kind::TlsPlugin:
        return ProbeAdvice::tr("Install amlfw with its TLS plugin (plugins/tls).");
    case Kind::WebFilter:
        return ProbeAdvice::tr(
            "Ask the firewall team whether an application rule or web filter drops requests to these hosts.");
    case Kind::AllowList:
        return ProbeAdvice::tr(
            "Ask the firewall or proxy team to allow these hosts (an application rule, or the proxy's allow list).");
    case Kind::ProxyCredentials:
        return ProbeAdvice::tr("Give the proxy credentials (--proxy http://user:password@host:port), or ask the proxy "
                               "team to allow these hosts without authentication, as the compute in Azure will need "
                               "anyway.");
    case Kind::ProxyScheme:
        return ProbeAdvice::tr("The proxy asks for %1, which amlfw does not speak: ask the proxy team to allow these "
                               "hosts without authentication, as the compute in Azure will need anyway.")
            .arg(parameter);
    case Kind::ProxyUpstream:
        return ProbeAdvice::tr("Ask the proxy team why the proxy cannot reach these endpoints.");
    case Kind::ProxySetting:
        return ProbeAdvice::tr("Check the proxy setting (--proxy none, system or http://host:port).");
    case Kind::RunAgain:
        return ProbeAdvice::tr("Run the test again: these endpoints did not finish.");
    }
    return {};
}

} // namespace

QStringList ProbeAdvice::kinds()
{
    QStringList out;
    for (const char *id : kindIds)
        out << QLatin1String(id);
    return out;
}

QList<ProbeAdviceGroup> ProbeAdvice::group(const ProbeRun &run)
{
    return group(run, run.endpoints());
}

QList<ProbeAdviceGroup> ProbeAdvice::group(const ProbeRun &run, const QList<ProbeEndpoint> &endpoints)
{
    QList<std::optional<Request>> requests;
    for (const ProbeEndpoint &e : endpoints)
        requests << requestFor(run, e);

    // One request per host:port (per host for DNS): the earliest stage's wins, so that no endpoint is
    // told two things. Endpoints of one host:port differ in stages or path only.
    QHash<QString, Request> winner;
    const auto unitOf = [&](qsizetype i) -> QString {
        const ProbeTarget &t = endpoints.at(i).result.target;
        if (isDns(requests.at(i)->kind))
            return QStringLiteral("dns|") + t.host.toLower();
        return t.host.toLower() + u':' + QString::number(t.port);
    };
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        if (!requests.at(i))
            continue;
        const QString unit = unitOf(i);
        const auto it = winner.constFind(unit);
        if (it == winner.cend() || int(requests.at(i)->kind) < int(it->kind))
            winner.insert(unit, *requests.at(i));
    }
    // A host whose DNS failed is asked for DNS only, on every port.
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        if (!requests.at(i))
            continue;
        const QString dnsUnit = QStringLiteral("dns|") + endpoints.at(i).result.target.host.toLower();
        if (const auto dns = winner.constFind(dnsUnit); dns != winner.cend())
            requests[i] = *dns;
        else
            requests[i] = winner.value(unitOf(i));
    }

    QList<ProbeAdviceGroup> groups;
    QHash<QString, qsizetype> groupByRequest;
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        if (!requests.at(i))
            continue;
        const Request &request = *requests.at(i);
        const QString id = QLatin1String(kindIds.at(size_t(request.kind))) + u'|' + request.parameter;
        auto it = groupByRequest.find(id);
        if (it == groupByRequest.end()) {
            ProbeAdviceGroup g;
            g.kind = QLatin1String(kindIds.at(size_t(request.kind)));
            g.text = requestText(request.kind, request.parameter);
            it = groupByRequest.insert(id, groups.size());
            groups << g;
        }
        ProbeAdviceGroup &g = groups[*it];
        g.endpoints << int(i);
        g.rows << failingRows(run, endpoints.at(i));
        if (!g.statuses.contains(endpoints.at(i).result.status))
            g.statuses << endpoints.at(i).result.status;
    }
    std::stable_sort(groups.begin(), groups.end(), [](const ProbeAdviceGroup &a, const ProbeAdviceGroup &b) {
        return kinds().indexOf(a.kind) < kinds().indexOf(b.kind);
    });
    for (ProbeAdviceGroup &g : groups)
        std::sort(g.rows.begin(), g.rows.end());
    return groups;
}

QList<int> ProbeAdvice::groupOfEndpoints(const QList<ProbeAdviceGroup> &groups, qsizetype endpointCount)
{
    QList<int> out(endpointCount, -1);
    for (qsizetype g = 0; g < groups.size(); ++g) {
        for (int e : groups.at(g).endpoints) {
            if (e >= 0 && e < endpointCount)
                out[e] = int(g);
        }
    }
    return out;
}

QStringList ProbeAdvice::endpointLabels(const ProbeRun &run, const QList<ProbeEndpoint> &endpoints,
                                        const ProbeAdviceGroup &group)
{
    // A DNS request is about names: one label per host, its ports together ("host:80,443").
    const bool byHost = group.kind == u"dns" || group.kind == u"private-dns";
    struct Merged
    {
        QString name;
        QStringList ports;
        ProbeEndpoint endpoint; // rows joined
    };
    QList<Merged> merged;
    for (int e : group.endpoints) {
        const ProbeEndpoint &endpoint = endpoints.at(e);
        const QString name = byHost ? endpoint.result.target.host.toLower() : endpoint.hostPort().toLower();
        const QString port = QString::number(endpoint.result.target.port);
        auto it = std::find_if(merged.begin(), merged.end(), [&](const Merged &m) { return m.name == name; });
        if (it == merged.end()) {
            merged << Merged{name, {port}, endpoint};
            continue;
        }
        it->endpoint.rows << endpoint.rows;
        if (!it->ports.contains(port))
            it->ports << port;
    }
    QStringList out;
    for (const Merged &m : std::as_const(merged)) {
        QString label = endpointLabel(run, m.endpoint);
        if (byHost && m.ports.size() > 1)
            label.replace(0, m.endpoint.hostPort().size(),
                          m.endpoint.result.target.host + u':' + m.ports.join(u','));
        out << label;
    }
    return out;
}

QString ProbeAdvice::endpointLabel(const ProbeRun &run, const ProbeEndpoint &failed)
{
    ProbeEndpoint endpoint = failed;
    endpoint.rows = failingRows(run, failed);
    QStringList destinations;
    for (int row : endpoint.rows) {
        const ProbeTarget &t = run.results.at(row).target;
        if (t.destination.compare(t.host, Qt::CaseInsensitive) != 0 && !destinations.contains(t.destination))
            destinations << t.destination;
    }
    const QStringList rules = endpoint.ruleIds(run.results);
    QString text = endpoint.hostPort() + QStringLiteral(" (")
                   + tr("%n rule(s): %1", nullptr, int(rules.size())).arg(rules.join(QStringLiteral(", ")));
    if (!destinations.isEmpty())
        text += QStringLiteral("; ") + tr("for %1").arg(destinations.join(QStringLiteral(", ")));
    return text + u')';
}

} // namespace amlfw
