#include "httphead.h"

#include "pathchoice.h"

#include <QUrl>

namespace amlfw {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "HTTP/1.1 200 OK", "HTTP/2 404", "HTTP/1.0 200" (no reason). False for anything else.
bool parseStatusLine(QByteArrayView line, HttpHead *head)
{
    line = line.trimmed();
    if (!line.startsWith("HTTP/"))
        return false;
    qsizetype i = 5;
    if (i >= line.size() || !isDigit(line.at(i++)))
        return false;
    if (i < line.size() && line.at(i) == '.') {
        if (++i >= line.size() || !isDigit(line.at(i++)))
            return false;
    }
    if (line.size() < i + 4 || line.at(i) != ' ')
        return false;
    const QByteArrayView code = line.sliced(i + 1, 3);
    if (!isDigit(code.at(0)) || !isDigit(code.at(1)) || !isDigit(code.at(2)) || code.at(0) == '0')
        return false;
    const QByteArrayView rest = line.sliced(i + 4);
    if (!rest.isEmpty() && rest.at(0) != ' ')
        return false; // "HTTP/1.1 2000"
    head->status = (code.at(0) - '0') * 100 + (code.at(1) - '0') * 10 + (code.at(2) - '0');
    head->reason = QString::fromLatin1(rest.trimmed());
    return true;
}

// Whether `data`, however little of it has come, can still be the start of a status line.
bool startsLikeStatusLine(QByteArrayView data)
{
    const QByteArrayView prefix("HTTP/");
    const qsizetype n = std::min(data.size(), prefix.size());
    return data.first(n) == prefix.first(n);
}

// One head (status line to blank line) from `data` at `from`. Returns the offset after the blank
// line, -1 when incomplete, -2 when bad.
qsizetype parseOne(QByteArrayView data, qsizetype from, HttpHead *head)
{
    head->headers.clear();
    QString lastName;
    bool first = true;
    qsizetype pos = from;
    for (;;) {
        const qsizetype nl = data.indexOf('\n', pos);
        if (nl < 0 && first && !startsLikeStatusLine(data.sliced(from)))
            return -2; // not HTTP (a TLS record, an SSH banner): no need to wait for the line's end
        if (nl < 0)
            return data.size() - from > MaxHttpHeadBytes ? -2 : -1;
        if (nl - from > MaxHttpHeadBytes)
            return -2;
        QByteArrayView line = data.sliced(pos, nl - pos);
        pos = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (first) {
            if (!parseStatusLine(line, head))
                return -2;
            first = false;
            continue;
        }
        if (line.isEmpty())
            return pos;
        if (line.at(0) == ' ' || line.at(0) == '\t') {
            // An obsolete folded line continues the previous header's value (RFC 9112, 5.2).
            if (!lastName.isEmpty()) {
                QString &value = head->headers[lastName];
                value += u' ' + QString::fromLatin1(line.trimmed());
            }
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            lastName.clear();
            continue; // not a header: ignored, as browsers do
        }
        const QString name = QString::fromLatin1(line.first(colon).trimmed()).toLower();
        const QString value = QString::fromLatin1(line.sliced(colon + 1).trimmed());
        auto it = head->headers.find(name);
        if (it == head->headers.end())
            head->headers.insert(name, value);
        else
            *it += u'\n' + value;
        lastName = name;
    }
}

} // namespace

QStringList HttpHead::authSchemes(const QString &header) const
{
    QStringList schemes;
    for (const QString &challenge : headers.value(header).split(u'\n', Qt::SkipEmptyParts)) {
        const QString scheme = challenge.trimmed().section(u' ', 0, 0);
        if (!scheme.isEmpty())
            schemes << scheme;
    }
    return schemes;
}

HttpHeadParse parseHttpHead(QByteArrayView data)
{
    HttpHeadParse result;
    qsizetype from = 0;
    for (;;) {
        const qsizetype end = parseOne(data, from, &result.head);
        if (end == -1)
            return result; // Incomplete
        if (end < 0 || end > MaxHttpHeadBytes) {
            result.state = HttpHeadParse::State::Bad;
            return result;
        }
        if (result.head.status < 200) {
            // An interim answer (100 Continue, 103 Early Hints): the real one follows, unless
            // the peer sends nothing else.
            if (++result.interimResponses > MaxHttpInterimResponses) {
                result.state = HttpHeadParse::State::Bad;
                return result;
            }
            from = end;
            continue;
        }
        result.state = HttpHeadParse::State::Complete;
        result.consumed = end;
        return result;
    }
}

QString proxyEvidence(const HttpHead &head)
{
    const int status = head.status;
    if (status == 407)
        return QStringLiteral("407");
    if (status == 470) // Azure Firewall's answer to a request no application rule allows
        return QStringLiteral("470");
    if (status != 403 && status < 500)
        return {};
    for (const char *name : {"x-squid-error", "proxy-agent", "x-bluecoat-via", "x-zscaler-transaction-id"}) {
        const QString key = QString::fromLatin1(name);
        if (head.headers.contains(key))
            return key;
    }
    const QString server = head.headers.value(QStringLiteral("server"));
    const QString lower = server.toLower();
    for (const char *name : {"squid", "zscaler", "bluecoat", "proxysg", "fortigate", "web gateway", "websense"}) {
        if (lower.contains(QLatin1String(name)))
            return QStringLiteral("server: ") + server;
    }
    return {};
}

QByteArray basicProxyAuthorization(const QString &user, const QString &password)
{
    if (user.isEmpty())
        return {};
    const QByteArray token = (user + u':' + password).toUtf8().toBase64();
    return QByteArrayLiteral("Proxy-Authorization: Basic ") + token + QByteArrayLiteral("\r\n");
}

QByteArray connectRequest(const QString &host, int port, const QByteArray &proxyAuthorization)
{
    const QByteArray target = hostPort(host, port).toUtf8();
    return QByteArrayLiteral("CONNECT ") + target + QByteArrayLiteral(" HTTP/1.1\r\nHost: ") + target
           + QByteArrayLiteral("\r\nUser-Agent: amlfw/" AMLFW_VERSION " (endpoint test)\r\n") + proxyAuthorization
           + QByteArrayLiteral("\r\n");
}

HttpRequest httpRequest(const QString &method, const QString &host, int port, bool tls, const QString &path,
                        bool absoluteForm, const QByteArray &proxyAuthorization)
{
    const int defaultPort = tls ? 443 : 80;
    const QString hostHeader = port == defaultPort ? host : hostPort(host, port);
    HttpRequest r;
    r.url = (tls ? QStringLiteral("https://") : QStringLiteral("http://")) + hostHeader + path;
    r.bytes = method.toLatin1() + ' ' + QUrl(absoluteForm ? r.url : path).toEncoded()
              + QByteArrayLiteral(" HTTP/1.1\r\nHost: ") + hostHeader.toUtf8()
              + QByteArrayLiteral("\r\nUser-Agent: amlfw/" AMLFW_VERSION " (endpoint test)\r\nAccept: */*\r\n");
    if (absoluteForm)
        r.bytes += proxyAuthorization;
    r.bytes += QByteArrayLiteral("Connection: close\r\n\r\n");
    return r;
}

} // namespace amlfw
