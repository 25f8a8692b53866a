#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>

namespace amlfw {

// The status line and headers of an HTTP/1.x response: a proxy's answer to CONNECT, or the
// service's answer to the request.
struct HttpHead
{
    int status = 0;
    QString reason;
    QHash<QString, QString> headers; // names lower-case; a repeated header's values joined by '\n'

    // The schemes of a challenge header ("proxy-authenticate": "Basic realm=x" -> "Basic"), one per value.
    QStringList authSchemes(const QString &header) const;
};

struct HttpHeadParse
{
    enum class State { Incomplete, Complete, Bad };
    State state = State::Incomplete;
    HttpHead head;          // Complete: the final answer (interim 1xx answers are skipped)
    qsizetype consumed = 0; // Complete: bytes of `data` up to and including the head's blank line
    int interimResponses = 0; // 1xx heads skipped; Bad when more than MaxHttpInterimResponses
};

// Longer heads are refused as Bad: a peer that never ends its head must not grow the buffer.
inline constexpr qsizetype MaxHttpHeadBytes = 64 * 1024;
// More interim answers (100 Continue, 103 Early Hints) than this before the real one: Bad. A
// server sends one or two; a stream of them must not hold the stage until its timeout.
inline constexpr int MaxHttpInterimResponses = 8;

// Parses the response head at the start of `data`, as much as has arrived. Tolerant where peers
// differ (bare LF line ends, folded header lines, missing reason phrase), strict about the status
// line. Pure: no sockets, no state.
HttpHeadParse parseHttpHead(QByteArrayView data);

// Why an answer looks like a proxy's or a firewall's own page rather than the service's:
// "407", "470", a proxy-only header name, or "server: <name>"; empty when it looks like the service.
QString proxyEvidence(const HttpHead &head);

// The requests amlfw sends, byte for byte.
QByteArray basicProxyAuthorization(const QString &user, const QString &password); // header line; empty without user
QByteArray connectRequest(const QString &host, int port, const QByteArray &proxyAuthorization);

struct HttpRequest
{
    QString url;      // as reported: "https://host/path", the port when it is not the scheme's
    QByteArray bytes; // the request head, "Connection: close"
};
// `method` of `path` on host:port, over TLS or not; `absoluteForm`: the form a proxy takes for plain HTTP.
HttpRequest httpRequest(const QString &method, const QString &host, int port, bool tls, const QString &path,
                        bool absoluteForm, const QByteArray &proxyAuthorization);

} // namespace amlfw
