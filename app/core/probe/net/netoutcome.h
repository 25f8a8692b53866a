#pragma once

#include <QHostAddress>
#include <QString>

namespace amlfw {

// What the network said at each stage below TLS: where an address comes from, what DNS answered,
// how a TCP connection ended. Shared by the resolver, the connection racer and the probe results.
enum class AddressScope { Public, Private, Loopback, LinkLocal };
AddressScope addressScope(const QHostAddress &address); // RFC 1918, RFC 6598 and fc00::/7 are private
QString addressScopeId(AddressScope scope);             // "public", "private", "loopback", "link-local"
QString addressFamilyId(const QHostAddress &address);   // "ipv4" / "ipv6"

enum class AddressSource {
    None,      // not resolved (yet)
    Dns,       // the system resolver
    Pinned,    // --resolve
    Literal,   // the host is an address (e.g. --connect-to 127.0.0.1)
};
QString addressSourceId(AddressSource source);

enum class DnsOutcome { NotRun, Ok, NotFound, Timeout, Failed };
QString dnsOutcomeId(DnsOutcome outcome);

enum class ConnectOutcome { NotTried, Connected, Refused, Timeout, Unreachable, Failed };
QString connectOutcomeId(ConnectOutcome outcome);

struct TcpAttempt
{
    QHostAddress address;
    int port = 0;
    ConnectOutcome outcome = ConnectOutcome::NotTried;
    qint64 ms = -1;
    QString error; // the system's words, for the detail
};

} // namespace amlfw
