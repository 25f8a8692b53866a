#include "netoutcome.h"

namespace amlfw {

AddressScope addressScope(const QHostAddress &input)
{
    QHostAddress address = input;
    bool mapped = false;
    const quint32 v4 = input.toIPv4Address(&mapped); // also unwraps ::ffff:a.b.c.d
    if (mapped)
        address = QHostAddress(v4);
    if (address.isLoopback())
        return AddressScope::Loopback;
    if (address.isLinkLocal())
        return AddressScope::LinkLocal;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 a = address.toIPv4Address();
        if ((a & 0xFF000000u) == 0x0A000000u     // 10.0.0.0/8
            || (a & 0xFFF00000u) == 0xAC100000u  // 172.16.0.0/12
            || (a & 0xFFFF0000u) == 0xC0A80000u  // 192.168.0.0/16
            || (a & 0xFFC00000u) == 0x64400000u) // 100.64.0.0/10 (RFC 6598)
            return AddressScope::Private;
        return AddressScope::Public;
    }
    if (address.isUniqueLocalUnicast()) // fc00::/7
        return AddressScope::Private;
    return AddressScope::Public;
}

QString addressFamilyId(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
}

} // namespace amlfw
