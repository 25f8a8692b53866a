#pragma once

#include <QByteArray>
#include <QString>

namespace amlfw {

// NTLM (MS-NLMP) for HTTP proxy authentication: the client's NEGOTIATE and AUTHENTICATE messages
// with an NTLMv2 response, and the reading of the proxy's CHALLENGE. Connection-oriented, no
// signing or sealing (a proxy only checks who asks), so no key exchange. Pure: no sockets.
namespace Ntlm {

// Flags amlfw asks for in NEGOTIATE: Unicode/OEM, request target, NTLM, always sign, extended
// session security, 128- and 56-bit.
inline constexpr quint32 NegotiateFlags = 0xA0088207u;
inline constexpr quint32 FlagUnicode = 0x00000001u;
inline constexpr quint32 FlagOem = 0x00000002u;

// "DOMAIN\user" -> {"DOMAIN", "user"}; "user@domain" stays whole as the user (a UPN, empty domain).
struct Identity
{
    QString domain;
    QString user;
};
Identity splitUser(const QString &user);

struct Challenge
{
    quint32 flags = 0;
    QByteArray serverChallenge; // 8 bytes
    QByteArray targetInfo;      // the AV pairs, as sent
    QString targetName;
    QByteArray timestamp; // MsvAvTimestamp (8 bytes) when the target info has one
};

QByteArray negotiateMessage(); // type 1
// Reads a type 2 message; false when it is not one (too short, wrong signature or type, fields outside).
bool parseChallenge(const QByteArray &message, Challenge *challenge);

// MS-NLMP 3.3.2 pieces, exposed for the test vectors of 4.2.4.
QByteArray ntOwfV1(const QString &password);                                             // MD4(UTF-16LE)
QByteArray ntOwfV2(const QString &password, const QString &user, const QString &domain); // ResponseKeyNT
// NTProofStr || temp: the NTLMv2 response for `clientChallenge` and `time` (FILETIME, 8 bytes LE).
QByteArray ntlmV2Response(const QByteArray &responseKeyNt, const QByteArray &serverChallenge,
                          const QByteArray &clientChallenge, const QByteArray &time, const QByteArray &targetInfo);
QByteArray lmV2Response(const QByteArray &responseKeyNt, const QByteArray &serverChallenge,
                        const QByteArray &clientChallenge);
QByteArray sessionBaseKey(const QByteArray &responseKeyNt, const QByteArray &ntProofStr);

// Type 3 for `challenge`. `clientChallenge` and `time` are for tests: empty = random / now (or
// the challenge's timestamp, as the specification wants).
QByteArray authenticateMessage(const Challenge &challenge, const QString &user, const QString &password,
                               const QString &workstation = QString(), QByteArray clientChallenge = QByteArray(),
                               QByteArray time = QByteArray());

} // namespace Ntlm

} // namespace amlfw
