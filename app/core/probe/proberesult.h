#pragma once

#include "enumtable.h"
#include "netoutcome.h"
#include "rule.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QSslError>
#include <QString>
#include <QStringList>
#include <optional>

namespace amlfw {

// The verdict on one endpoint. Pending and Running are transient; the rest are final.
enum class ProbeStatus {
    Pending,
    Running,
    Ok,
    DnsFailed,
    TcpRefused,
    TcpTimeout,
    TcpUnreachable, // no route to the address (network or host unreachable)
    TlsFailed,
    TlsTimeout,
    TlsInspected,
    HttpError,
    HttpBlocked, // a firewall or proxy answered in place of the service and refused
    ProxyAuthRequired,
    ProxyFailed,
    NotTestable,
    Cancelled,
};
inline constexpr EnumTable probeStatusIds{std::to_array<EnumId<ProbeStatus>>({
    {ProbeStatus::Pending, "PENDING"},
    {ProbeStatus::Running, "RUNNING"},
    {ProbeStatus::Ok, "OK"},
    {ProbeStatus::DnsFailed, "DNS_FAILED"},
    {ProbeStatus::TcpRefused, "TCP_REFUSED"},
    {ProbeStatus::TcpTimeout, "TCP_TIMEOUT"},
    {ProbeStatus::TcpUnreachable, "TCP_UNREACHABLE"},
    {ProbeStatus::TlsFailed, "TLS_FAILED"},
    {ProbeStatus::TlsTimeout, "TLS_TIMEOUT"},
    {ProbeStatus::TlsInspected, "TLS_INSPECTED"},
    {ProbeStatus::HttpError, "HTTP_ERROR"},
    {ProbeStatus::HttpBlocked, "HTTP_BLOCKED"},
    {ProbeStatus::ProxyAuthRequired, "PROXY_AUTH_REQUIRED"},
    {ProbeStatus::ProxyFailed, "PROXY_FAILED"},
    {ProbeStatus::NotTestable, "NOT_TESTABLE"},
    {ProbeStatus::Cancelled, "CANCELLED"},
})};
inline QString probeStatusId(ProbeStatus status)
{
    return probeStatusIds.toId(status);
}
inline std::optional<ProbeStatus> probeStatusFromId(const QString &id)
{
    return probeStatusIds.fromId(id);
}
QList<ProbeStatus> finalProbeStatuses(); // every status a finished endpoint can have, in report order
bool isFinal(ProbeStatus status);
bool isFailure(ProbeStatus status); // final, tested, and not OK (cancelled counts as a failure)

// Where the name tested comes from.
enum class HostSource {
    Destination,    // the rule's destination itself
    CatalogSample,  // a concrete host for a wildcard, from the catalog
    UserSample,     // a concrete host the user supplied (--sample)
    ServiceTagHost, // a representative host of a service tag, from the catalog
    None,           // nothing to test
};
inline constexpr EnumTable hostSourceIds{std::to_array<EnumId<HostSource>>({
    {HostSource::Destination, "destination"},
    {HostSource::CatalogSample, "catalog-sample"},
    {HostSource::UserSample, "user-sample"},
    {HostSource::ServiceTagHost, "service-tag-host"},
    {HostSource::None, "none"},
})};
inline QString hostSourceId(HostSource source)
{
    return hostSourceIds.toId(source);
}

enum class NotTestableReason {
    None,
    Inbound,          // traffic from Azure to the compute subnet
    Route,            // a route of the subnet's route table
    Udp,              // no connection to test
    WildcardNoSample, // wildcard without a concrete host
    ServiceTagNoHost, // service tag without a representative host
    Unanswered,       // the destination still holds a placeholder (<acr>, <workspace-id>)
    PrivateEndpoint,  // a managed network's private endpoint: reachable only inside that network
};
inline constexpr EnumTable notTestableReasonIds{std::to_array<EnumId<NotTestableReason>>({
    {NotTestableReason::None, ""},
    {NotTestableReason::Inbound, "inbound"},
    {NotTestableReason::Route, "route"},
    {NotTestableReason::Udp, "udp"},
    {NotTestableReason::WildcardNoSample, "wildcard-without-sample"},
    {NotTestableReason::ServiceTagNoHost, "service-tag-without-host"},
    {NotTestableReason::Unanswered, "unanswered-placeholder"},
    {NotTestableReason::PrivateEndpoint, "managed-private-endpoint"},
})};
inline QString notTestableReasonId(NotTestableReason reason)
{
    return notTestableReasonIds.toId(reason);
}

// One endpoint to test: a port of a rule, with the concrete host that stands for it.
struct ProbeTarget
{
    QString ruleId;
    QString destination;         // as the rule says (wildcards, tags)
    QString destinationTemplate; // as the catalog says (<storage>, <region>)
    Direction direction = Direction::Outbound;
    RuleKind kind = RuleKind::Fqdn;
    FirewallRuleType firewallType = FirewallRuleType::Application;
    QString protocol;
    QString host; // the name tested; empty when not testable
    HostSource hostSource = HostSource::Destination;
    QString hostTemplate; // catalog samples and service tag hosts: the catalog's template ("<storage>.blob...")
    int port = 0;         // the port tested (the first of a range); 0 for routes
    QString portSpec;     // as the rule writes it: "443", "29876-29877"
    bool tls = false;     // TLS handshake on this port
    bool http = false;    // HTTP request (application rules)
    QString path = QStringLiteral("/");
    NotTestableReason notTestable = NotTestableReason::None;

    bool isTestable() const { return notTestable == NotTestableReason::None; }
    // Endpoints with the same key are tested once: the host, the port and the route the probe
    // takes. On a TLS port every rule's probe goes the same way (through a proxy by CONNECT, then
    // the handshake), so a network rule (TCP, TLS) and an application rule (then HTTP) of one
    // host:port share one probe, the one with HTTP; each rule takes the result up to its own last
    // stage (ProbeResult::forTarget). A plain port keeps HTTP apart: through a proxy, HTTP goes as
    // an absolute-form request and a bare TCP connection as a CONNECT tunnel.
    QString probeKey() const;
    // Of targets with one key, the one whose probe covers every stage the others need.
    bool coversStagesOf(const ProbeTarget &other) const { return http || !other.http; }
};

struct CertificateInfo
{
    QString subject;            // CN, else the whole subject
    QString issuer;             // CN of the issuer
    QString issuerOrganization; // O of the issuer
    QDateTime notAfter;
    QString sha256;

    QString issuerLabel() const; // "CN (O)"
};

enum class TlsOutcome { NotRun, Ok, Untrusted, HandshakeFailed, Closed, Timeout, Unavailable };
inline constexpr EnumTable tlsOutcomeIds{std::to_array<EnumId<TlsOutcome>>({
    {TlsOutcome::NotRun, "not-run"},
    {TlsOutcome::Ok, "ok"},
    {TlsOutcome::Untrusted, "untrusted"},
    {TlsOutcome::HandshakeFailed, "handshake-failed"},
    {TlsOutcome::Closed, "closed"},
    {TlsOutcome::Timeout, "timeout"},
    {TlsOutcome::Unavailable, "unavailable"},
})};
inline QString tlsOutcomeId(TlsOutcome outcome)
{
    return tlsOutcomeIds.toId(outcome);
}

struct TlsInfo
{
    TlsOutcome outcome = TlsOutcome::NotRun;
    QString sni;
    QString protocol; // "TLS 1.3"
    QString cipher;
    QList<CertificateInfo> chain; // leaf first
    QList<QSslError::SslError> errors;
    QStringList errorStrings;  // Qt's words for `errors`, for the detail
    QString expectedIssuersId; // the catalog entry the issuer was checked against; empty: not checked
    QStringList expectedIssuers;
    bool unexpectedIssuer = false; // the leaf's issuer is not one of expectedIssuers
    QString handshakeError;        // when the handshake failed without certificate errors
};

enum class HttpOutcome { NotRun, Answered, Closed, Timeout, BadResponse };
inline constexpr EnumTable httpOutcomeIds{std::to_array<EnumId<HttpOutcome>>({
    {HttpOutcome::NotRun, "not-run"},
    {HttpOutcome::Answered, "answered"},
    {HttpOutcome::Closed, "closed"},
    {HttpOutcome::Timeout, "timeout"},
    {HttpOutcome::BadResponse, "bad-response"},
})};
inline QString httpOutcomeId(HttpOutcome outcome)
{
    return httpOutcomeIds.toId(outcome);
}

struct HttpInfo
{
    HttpOutcome outcome = HttpOutcome::NotRun;
    QString method;
    QString url;
    int status = 0;
    QString reason;
    QString server;
    bool fromProxy = false; // the answer came from a firewall or proxy, not the service
    QString proxyEvidence;  // why we think so: "407", "470", "X-Squid-Error", ...
    QString error;
    int interimResponses = 0; // 1xx heads before the answer (or before giving up on them)
    qint64 headBytes = 0;     // bytes taken from the connection for the answer's head (bounded)
};

enum class PathMode { Direct, HttpProxy };
enum class ProxySource { None, System, Explicit, Pac };
inline constexpr EnumTable pathModeIds{std::to_array<EnumId<PathMode>>({
    {PathMode::Direct, "direct"},
    {PathMode::HttpProxy, "http-proxy"},
})};
inline constexpr EnumTable proxySourceIds{std::to_array<EnumId<ProxySource>>({
    {ProxySource::None, "none"},
    {ProxySource::System, "system"},
    {ProxySource::Explicit, "explicit"},
    {ProxySource::Pac, "pac"},
})};
inline QString pathModeId(PathMode mode)
{
    return pathModeIds.toId(mode);
}
inline QString proxySourceId(ProxySource source)
{
    return proxySourceIds.toId(source);
}

enum class ProxyOutcome {
    NotUsed,
    Ok,
    ConnectFailed,
    AuthRequired,
    Denied,
    UpstreamFailed,
    BadResponse,
    Closed,
    Timeout,
    Unsupported,
    NameFailed,
    TunnelClosed, // 2xx to CONNECT, then the tunnel closed before the TLS handshake
    PacFailed, // the PAC script gave no usable answer for this endpoint
};
inline constexpr EnumTable proxyOutcomeIds{std::to_array<EnumId<ProxyOutcome>>({
    {ProxyOutcome::NotUsed, "not-used"},
    {ProxyOutcome::Ok, "ok"},
    {ProxyOutcome::ConnectFailed, "connect-failed"},
    {ProxyOutcome::AuthRequired, "auth-required"},
    {ProxyOutcome::Denied, "denied"},
    {ProxyOutcome::UpstreamFailed, "upstream-failed"},
    {ProxyOutcome::BadResponse, "bad-response"},
    {ProxyOutcome::Closed, "closed"},
    {ProxyOutcome::Timeout, "timeout"},
    {ProxyOutcome::Unsupported, "unsupported"},
    {ProxyOutcome::NameFailed, "name-failed"},
    {ProxyOutcome::TunnelClosed, "tunnel-closed"},
    {ProxyOutcome::PacFailed, "pac-failed"},
})};
inline QString proxyOutcomeId(ProxyOutcome outcome)
{
    return proxyOutcomeIds.toId(outcome);
}

// How the connection went out.
struct ProbePath
{
    PathMode mode = PathMode::Direct;
    ProxySource source = ProxySource::None;
    QString proxy;            // host:port, never credentials
    bool bypassed = false;    // a proxy is configured but does not carry this port
    QString unsupportedProxy; // the system proxy is of a kind amlfw does not speak (SOCKS)
    ProxyOutcome proxyOutcome = ProxyOutcome::NotUsed;
    int proxyStatus = 0; // the proxy's answer to CONNECT
    QStringList proxyAuthSchemes; // every scheme the proxy offered
    bool credentialsSent = false;
    QString proxyAuthScheme;  // the scheme amlfw answered with ("NTLM", "Digest", "Basic"); empty: none
    QString proxyAuthFailure; // why authentication stopped: a ProxyAuthFailure id, empty when it did not
    QString connectHost; // where the connection went when --connect-to redirected it
    int connectPort = 0;

    // --proxy pac:...: the script's answer, the entries tried before the one used (a proxy that
    // could not be reached, or one amlfw does not speak), and why the script gave no answer.
    struct Tried
    {
        QString proxy; // host:port, or "socks://host:port" for a kind not spoken
        ProxyOutcome outcome = ProxyOutcome::ConnectFailed;
    };
    QString pacAnswer;
    QList<Tried> proxiesFailed;
    QString pacError; // translated when it happened
};

struct ProbeTimings
{
    qint64 dnsMs = -1;
    qint64 tcpMs = -1;
    qint64 proxyMs = -1; // CONNECT round trip
    qint64 tlsMs = -1;
    qint64 httpMs = -1;
    qint64 totalMs = -1;
};

struct ProbeAddress
{
    QHostAddress address;
    AddressScope scope = AddressScope::Public;
};

// Everything known about one endpoint: the target, what each stage found, and the verdict.
// Texts are made from these values when shown (ProbeTexts), in the language of the moment.
struct ProbeResult
{
    ProbeTarget target;
    ProbeStatus status = ProbeStatus::Pending;

    DnsOutcome dns = DnsOutcome::NotRun;
    QString dnsError;
    AddressSource addressSource = AddressSource::None;
    QList<ProbeAddress> addresses;
    QStringList cnames; // the chain, first hop first

    QList<TcpAttempt> tcp;
    ProbePath path;
    TlsInfo tls;
    HttpInfo http;
    ProbeTimings timings;
    QDateTime finishedAt;

    bool hasPrivateAddress() const;
    bool hasPublicAddress() const;
    bool cnameToPrivateLink() const; // a CNAME in the chain names a privatelink zone
    // Per family: "the first outcome that connected, else the last tried".
    ConnectOutcome familyOutcome(QAbstractSocket::NetworkLayerProtocol family) const;
    QHostAddress connectedAddress() const;
    // The verdict from the stages' outcomes.
    static ProbeStatus deriveStatus(const ProbeResult &result);
    // An endpoint's result as one of its rows sees it: that row's target, and when the probe ran
    // HTTP for another rule and this one does not ask for it, the HTTP stage left out and the
    // verdict taken from the stages before it.
    static ProbeResult forTarget(const ProbeResult &endpoint, const ProbeTarget &target);
};

} // namespace amlfw
