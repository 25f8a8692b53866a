#include "proberesult.h"

namespace amlfw {

QList<ProbeStatus> finalProbeStatuses()
{
    QList<ProbeStatus> out;
    for (const EnumId<ProbeStatus> &entry : probeStatusIds.entries()) {
        if (isFinal(entry.value))
            out << entry.value;
    }
    return out;
}

bool isFinal(ProbeStatus status)
{
    return status != ProbeStatus::Pending && status != ProbeStatus::Running;
}

bool isFailure(ProbeStatus status)
{
    return isFinal(status) && status != ProbeStatus::Ok && status != ProbeStatus::NotTestable;
}

QString ProbeTarget::probeKey() const
{
    // A TLS port: one route whether or not HTTP follows, and the path of the request when one
    // does ("/" for every rule that names no URL).
    if (tls)
        return host.toLower() + u'|' + QString::number(port) + QStringLiteral("|t|") + path;
    return host.toLower() + u'|' + QString::number(port) + u'|' + (http ? u'h' : u'-') + u'|' + (http ? path : QString());
}

QString CertificateInfo::issuerLabel() const
{
    if (issuerOrganization.isEmpty() || issuerOrganization == issuer)
        return issuer;
    return issuer + QStringLiteral(" (") + issuerOrganization + u')';
}

bool ProbeResult::hasPrivateAddress() const
{
    for (const ProbeAddress &a : addresses) {
        if (a.scope == AddressScope::Private)
            return true;
    }
    return false;
}

bool ProbeResult::hasPublicAddress() const
{
    for (const ProbeAddress &a : addresses) {
        if (a.scope == AddressScope::Public)
            return true;
    }
    return false;
}

bool ProbeResult::cnameToPrivateLink() const
{
    for (const QString &c : cnames) {
        if (c.contains(QStringLiteral(".privatelink."), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

ConnectOutcome ProbeResult::familyOutcome(QAbstractSocket::NetworkLayerProtocol family) const
{
    ConnectOutcome last = ConnectOutcome::NotTried;
    for (const TcpAttempt &a : tcp) {
        if (a.address.protocol() != family)
            continue;
        if (a.outcome == ConnectOutcome::Connected)
            return a.outcome;
        if (a.outcome != ConnectOutcome::NotTried)
            last = a.outcome;
    }
    return last;
}

QHostAddress ProbeResult::connectedAddress() const
{
    for (const TcpAttempt &a : tcp) {
        if (a.outcome == ConnectOutcome::Connected)
            return a.address;
    }
    return {};
}

ProbeResult ProbeResult::forTarget(const ProbeResult &endpoint, const ProbeTarget &target)
{
    ProbeResult r = endpoint;
    r.target = target;
    if (target.http || !endpoint.target.http)
        return r;
    if (r.timings.totalMs >= 0 && r.timings.httpMs >= 0)
        r.timings.totalMs -= r.timings.httpMs;
    r.timings.httpMs = -1;
    r.http = HttpInfo();
    // Pending, running and cancelled say where the run is, not what the stages found.
    if (isFinal(r.status) && r.status != ProbeStatus::Cancelled)
        r.status = deriveStatus(r);
    return r;
}

ProbeStatus ProbeResult::deriveStatus(const ProbeResult &r)
{
    if (!r.target.isTestable())
        return ProbeStatus::NotTestable;

    switch (r.path.proxyOutcome) {
    case ProxyOutcome::NotUsed:
    case ProxyOutcome::Ok:
        break;
    case ProxyOutcome::AuthRequired:
        return ProbeStatus::ProxyAuthRequired;
    case ProxyOutcome::Denied:
        return ProbeStatus::HttpBlocked;
    case ProxyOutcome::ConnectFailed:
    case ProxyOutcome::UpstreamFailed:
    case ProxyOutcome::BadResponse:
    case ProxyOutcome::Closed:
    case ProxyOutcome::Timeout:
    case ProxyOutcome::Unsupported:
    case ProxyOutcome::NameFailed:
    case ProxyOutcome::TunnelClosed:
    case ProxyOutcome::PacFailed:
        return ProbeStatus::ProxyFailed;
    }

    const bool viaProxy = r.path.mode == PathMode::HttpProxy;
    if (!viaProxy) {
        // Through a proxy the proxy resolves names: a local DNS failure is only information.
        if (r.dns == DnsOutcome::NotFound || r.dns == DnsOutcome::Timeout || r.dns == DnsOutcome::Failed)
            return ProbeStatus::DnsFailed;
        if (r.connectedAddress().isNull()) {
            bool timeout = false, refused = false;
            for (const TcpAttempt &a : r.tcp) {
                timeout = timeout || a.outcome == ConnectOutcome::Timeout;
                refused = refused || a.outcome == ConnectOutcome::Refused;
            }
            // A silent drop says most about a firewall; a missing IPv6 route the least.
            if (timeout)
                return ProbeStatus::TcpTimeout;
            if (refused)
                return ProbeStatus::TcpRefused;
            return ProbeStatus::TcpUnreachable;
        }
    }

    switch (r.tls.outcome) {
    case TlsOutcome::NotRun:
    case TlsOutcome::Ok:
        break;
    case TlsOutcome::Timeout:
        return ProbeStatus::TlsTimeout;
    case TlsOutcome::Untrusted:
    case TlsOutcome::HandshakeFailed:
    case TlsOutcome::Closed:
    case TlsOutcome::Unavailable:
        return ProbeStatus::TlsFailed;
    }

    if (r.http.outcome == HttpOutcome::Answered && r.http.fromProxy) {
        if (r.http.status == 407)
            return ProbeStatus::ProxyAuthRequired;
        if (viaProxy && r.http.status >= 500)
            return ProbeStatus::ProxyFailed;
        return ProbeStatus::HttpBlocked;
    }
    if (r.http.outcome == HttpOutcome::Closed || r.http.outcome == HttpOutcome::Timeout
        || r.http.outcome == HttpOutcome::BadResponse)
        return ProbeStatus::HttpError;

    if (r.tls.outcome == TlsOutcome::Ok && r.tls.unexpectedIssuer)
        return ProbeStatus::TlsInspected;
    return ProbeStatus::Ok;
}

} // namespace amlfw
