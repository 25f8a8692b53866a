#pragma once

#include "httphead.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace amlfw {

// One challenge of a Proxy-Authenticate header: "Digest realm="x", nonce="y"" or "NTLM <base64>".
struct AuthChallenge
{
    QString scheme;                 // as sent ("NTLM", "Digest")
    QByteArray token;               // a token68 after the scheme (NTLM's type 2 message, base64)
    QHash<QString, QString> params; // names lower-case, values unquoted
};

// Every challenge of a header value (several headers joined by '\n', several challenges per line).
QList<AuthChallenge> parseAuthChallenges(const QString &value);

// RFC 7616 Digest, qop "auth" (or none, RFC 2069 style), MD5 / SHA-256 and their "-sess" forms.
struct DigestRequest
{
    QString user;
    QString password;
    QString method; // "CONNECT", "GET"
    QString uri;    // "host:port" for CONNECT, the request target otherwise
    QString cnonce; // empty: random
    int nc = 1;
};
// The credentials (without "Proxy-Authorization: "); empty when the challenge cannot be answered
// (an unknown algorithm, qop without "auth", no nonce).
QByteArray digestCredentials(const AuthChallenge &challenge, const DigestRequest &request);

// The proxy side of one connection's (or reconnected) requests: reads each 407 and says what to
// send next. Picks the strongest scheme offered that it can do with what was given:
// NTLM (also inside Negotiate when only that is offered) > Digest > Basic. Kerberos itself and the
// logged-on user's credentials are not here (see ProbeJob's Windows path).
class ProxyAuthenticator
{
public:
    enum class GiveUp {
        No,
        NoCredentials, // none given, and the proxy wants some
        Unsupported,   // no scheme offered that amlfw speaks
        Rejected,      // credentials were sent and refused
        BadChallenge,  // the proxy's NTLM or Digest challenge is unreadable
    };

    ProxyAuthenticator() = default;
    ProxyAuthenticator(const QString &user, const QString &password);

    // A 407 to `method uri`: true and the next Proxy-Authorization line in header(); false: give up (why: giveUp()).
    bool challenged(const HttpHead &head, const QString &method, const QString &uri);
    QByteArray header() const { return m_header; } // "Proxy-Authorization: ...\r\n" or empty
    // The next request must go on the connection that carried the challenge (NTLM's type 3).
    bool needsSameConnection() const { return m_sameConnection; }
    QStringList offered() const { return m_offered; } // every scheme any 407 named, first seen first
    QString scheme() const { return m_scheme; }       // the scheme answered with ("NTLM", "Negotiate", ...)
    bool credentialsSent() const { return m_credentialsSent; }
    GiveUp giveUp() const { return m_giveUp; }
    bool hasCredentials() const { return !m_user.isEmpty(); }
    // A new connection from the start (the GET after a HEAD): the handshake runs again when asked.
    void restart();

private:
    enum class State { Start, NtlmNegotiated, Final };
    bool stop(GiveUp why);

    QString m_user;
    QString m_password;
    State m_state = State::Start;
    QByteArray m_header;
    bool m_sameConnection = false;
    QStringList m_offered;
    QString m_scheme;
    bool m_credentialsSent = false;
    bool m_staleRetried = false;
    GiveUp m_giveUp = GiveUp::No;
};

} // namespace amlfw
