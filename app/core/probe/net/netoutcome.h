#pragma once

#include "enumtable.h"

#include <QHostAddress>
#include <QString>

namespace amlfw {

// What the network said at each stage below TLS: where an address comes from, what DNS answered,
// how a TCP connection ended. Shared by the resolver, the connection racer and the probe results.
enum class AddressScope { Public, Private, Loopback, LinkLocal };
AddressScope addressScope(const QHostAddress &address); // RFC 1918, RFC 6598 and fc00::/7 are private
inline constexpr EnumTable addressScopeIds{std::to_array<EnumId<AddressScope>>({
    {AddressScope::Public, "public"},
    {AddressScope::Private, "private"},
    {AddressScope::Loopback, "loopback"},
    {AddressScope::LinkLocal, "link-local"},
})};
inline QString addressScopeId(AddressScope scope)
{
    return addressScopeIds.toId(scope);
}
QString addressFamilyId(const QHostAddress &address); // "ipv4" / "ipv6"

enum class AddressSource {
    None,    // not resolved (yet)
    Dns,     // the system resolver
    Pinned,  // --resolve
    Literal, // the host is an address (e.g. --connect-to 127.0.0.1)
};
inline constexpr EnumTable addressSourceIds{std::to_array<EnumId<AddressSource>>({
    {AddressSource::None, "none"},
    {AddressSource::Dns, "dns"},
    {AddressSource::Pinned, "pinned"},
    {AddressSource::Literal, "literal"},
})};
inline QString addressSourceId(AddressSource source)
{
    return addressSourceIds.toId(source);
}

enum class DnsOutcome { NotRun, Ok, NotFound, Timeout, Failed };
inline constexpr EnumTable dnsOutcomeIds{std::to_array<EnumId<DnsOutcome>>({
    {DnsOutcome::NotRun, "not-run"},
    {DnsOutcome::Ok, "ok"},
    {DnsOutcome::NotFound, "not-found"},
    {DnsOutcome::Timeout, "timeout"},
    {DnsOutcome::Failed, "failed"},
})};
inline QString dnsOutcomeId(DnsOutcome outcome)
{
    return dnsOutcomeIds.toId(outcome);
}

enum class ConnectOutcome { NotTried, Connected, Refused, Timeout, Unreachable, Failed };
inline constexpr EnumTable connectOutcomeIds{std::to_array<EnumId<ConnectOutcome>>({
    {ConnectOutcome::NotTried, "not-tried"},
    {ConnectOutcome::Connected, "connected"},
    {ConnectOutcome::Refused, "refused"},
    {ConnectOutcome::Timeout, "timeout"},
    {ConnectOutcome::Unreachable, "unreachable"},
    {ConnectOutcome::Failed, "failed"},
})};
inline QString connectOutcomeId(ConnectOutcome outcome)
{
    return connectOutcomeIds.toId(outcome);
}

struct TcpAttempt
{
    QHostAddress address;
    int port = 0;
    ConnectOutcome outcome = ConnectOutcome::NotTried;
    qint64 ms = -1;
    QString error; // the system's words, for the detail
};

} // namespace amlfw
