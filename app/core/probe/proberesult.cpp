#include "proberesult.h"

namespace amlfw {

namespace {

struct StatusName
{
    ProbeStatus status;
    const char16_t *id;
};

constexpr StatusName statusNames[] = {
    {ProbeStatus::Pending, u"PENDING"},
    {ProbeStatus::Running, u"RUNNING"},
    {ProbeStatus::Ok, u"OK"},
    {ProbeStatus::DnsFailed, u"DNS_FAILED"},
    {ProbeStatus::TcpRefused, u"TCP_REFUSED"},
    {ProbeStatus::TcpTimeout, u"TCP_TIMEOUT"},
    {ProbeStatus::TcpUnreachable, u"TCP_UNREACHABLE"},
    {ProbeStatus::TlsFailed, u"TLS_FAILED"},
    {ProbeStatus::TlsTimeout, u"TLS_TIMEOUT"},
    {ProbeStatus::TlsInspected, u"TLS_INSPECTED"},
    {ProbeStatus::HttpError, u"HTTP_ERROR"},
    {ProbeStatus::HttpBlocked, u"HTTP_BLOCKED"},
    {ProbeStatus::ProxyAuthRequired, u"PROXY_AUTH_REQUIRED"},
    {ProbeStatus::ProxyFailed, u"PROXY_FAILED"},
    {ProbeStatus::NotTestable, u"NOT_TESTABLE"},
    {ProbeStatus::Cancelled, u"CANCELLED"},
};

} // namespace

QString probeStatusId(ProbeStatus status)
{
    for (const StatusName &n : statusNames) {
        if (n.status == status)
            return QString::fromUtf16(n.id);
    }
    return {};
}

std::optional<ProbeStatus> probeStatusFromId(const QString &id)
{
    for (const StatusName &n : statusNames) {
        if (id == QStringView(n.id))
            return n.status;
    }
    return std::nullopt;
}

QList<ProbeStatus> finalProbeStatuses()
{
    QList<ProbeStatus> out;
    for (const StatusName &n : statusNames) {
        if (isFinal(n.status))
            out << n.status;
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

QString hostSourceId(HostSource source)
{
    switch (source) {
    case HostSource::Destination:
        return QStringLiteral("destination");
    case HostSource::CatalogSample:
        return QStringLiteral("catalog-sample");
    case HostSource::UserSample:
        return QStringLiteral("user-sample");
    case HostSource::ServiceTagHost:
        return QStringLiteral("service-tag-host");
    case HostSource::None:
        return QStringLiteral("none");
    }
    return {};
}

QString notTestableReasonId(NotTestableReason reason)
{
    switch (reason) {
    case NotTestableReason::None:
        return {};
    case NotTestableReason::Inbound:
        return QStringLiteral("inbound");
    case NotTestableReason::Route:
        return QStringLiteral("route");
    case NotTestableReason::Udp:
        return QStringLiteral("udp");
    case NotTestableReason::WildcardNoSample:
        return QStringLiteral("wildcard-without-sample");
    case NotTestableReason::ServiceTagNoHost:
        return QStringLiteral("service-tag-without-host");
    }
    return {};
}

QString ProbeTarget::probeKey() const
{
    return host.toLower() + u'|' + QString::number(port) + u'|' + (tls ? u't' : u'-') + (http ? u'h' : u'-') + u'|'
           + (http ? path : QString());
}

QString tlsOutcomeId(TlsOutcome outcome)
{
    switch (outcome) {
    case TlsOutcome::NotRun:
        return QStringLiteral("not-run");
    case TlsOutcome::Ok:
        return QStringLiteral("ok");
    case TlsOutcome::Untrusted:
        return QStringLiteral("untrusted");
    case TlsOutcome::HandshakeFailed:
        return QStringLiteral("handshake-failed");
    case TlsOutcome::Closed:
        return QStringLiteral("closed");
    case TlsOutcome::Timeout:
        return QStringLiteral("timeout");
    case TlsOutcome::Unavailable:
        return QStringLiteral("unavailable");
    }
    return {};
}

QString httpOutcomeId(HttpOutcome outcome)
{
    switch (outcome) {
    case HttpOutcome::NotRun:
        return QStringLiteral("not-run");
    case HttpOutcome::Answered:
        return QStringLiteral("answered");
    case HttpOutcome::Closed:
        return QStringLiteral("closed");
    case HttpOutcome::Timeout:
        return QStringLiteral("timeout");
    case HttpOutcome::BadResponse:
        return QStringLiteral("bad-response");
    }
    return {};
}

QString pathModeId(PathMode mode)
{
    return mode == PathMode::HttpProxy ? QStringLiteral("http-proxy") : QStringLiteral("direct");
}

QString proxySourceId(ProxySource source)
{
    switch (source) {
    case ProxySource::None:
        return QStringLiteral("none");
    case ProxySource::System:
        return QStringLiteral("system");
    case ProxySource::Explicit:
        return QStringLiteral("explicit");
    }
    return {};
}

QString proxyOutcomeId(ProxyOutcome outcome)
{
    switch (outcome) {
    case ProxyOutcome::NotUsed:
        return QStringLiteral("not-used");
    case ProxyOutcome::Ok:
        return QStringLiteral("ok");
    case ProxyOutcome::ConnectFailed:
        return QStringLiteral("connect-failed");
    case ProxyOutcome::AuthRequired:
        return QStringLiteral("auth-required");
    case ProxyOutcome::Denied:
        return QStringLiteral("denied");
    case ProxyOutcome::UpstreamFailed:
        return QStringLiteral("upstream-failed");
    case ProxyOutcome::BadResponse:
        return QStringLiteral("bad-response");
    case ProxyOutcome::Closed:
        return QStringLiteral("closed");
    case ProxyOutcome::Timeout:
        return QStringLiteral("timeout");
    case ProxyOutcome::Unsupported:
        return QStringLiteral("unsupported");
    case ProxyOutcome::NameFailed:
        return QStringLiteral("name-failed");
    }
    return {};
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
