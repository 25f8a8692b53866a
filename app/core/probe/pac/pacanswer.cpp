#include "pacanswer.h"

namespace amlfw {

QString PacProxy::hostPort() const
{
    const QString h = host.contains(u':') ? u'[' + host + u']' : host;
    return h + u':' + QString::number(port);
}

PacAnswer PacAnswerParser::parse(const QString &answer)
{
    PacAnswer out;
    out.answer = answer;
    const QStringList entries = answer.split(u';', Qt::SkipEmptyParts);
    for (const QString &raw : entries) {
        const QString entry = raw.simplified();
        if (entry.isEmpty())
            continue;
        const QString keyword = entry.section(u' ', 0, 0).toUpper();
        const QString address = entry.section(u' ', 1).trimmed();
        PacProxy p;
        p.token = entry;
        if (keyword == u"DIRECT" && address.isEmpty()) {
            out.proxies << p;
            continue;
        }
        if (keyword == u"PROXY" || keyword == u"HTTP")
            p.kind = PacProxy::Kind::Http;
        else if (keyword == u"HTTPS")
            p.kind = PacProxy::Kind::Https;
        else if (keyword == u"SOCKS" || keyword == u"SOCKS4" || keyword == u"SOCKS5")
            p.kind = PacProxy::Kind::Socks;
        else {
            out.error = tr("The PAC answered \"%1\": \"%2\" is not DIRECT, PROXY, HTTP, HTTPS or SOCKS.")
                            .arg(answer, entry);
            return out;
        }
        // host:port, [v6]:port; a missing port is the scheme's default, as browsers do.
        QString host = address;
        int port = p.kind == PacProxy::Kind::Https ? 443 : p.kind == PacProxy::Kind::Socks ? 1080 : 80;
        const qsizetype colon = address.lastIndexOf(u':');
        const qsizetype bracket = address.lastIndexOf(u']');
        if (colon > bracket && (bracket >= 0 || address.count(u':') == 1)) {
            bool ok = false;
            port = address.mid(colon + 1).toInt(&ok);
            if (!ok || port < 1 || port > 65535) {
                out.error = tr("The PAC answered \"%1\": \"%2\" has no valid port.").arg(answer, entry);
                return out;
            }
            host = address.left(colon);
        }
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        if (host.isEmpty() || host.contains(u' ') || host.contains(u'/')) {
            out.error = tr("The PAC answered \"%1\": \"%2\" names no proxy host.").arg(answer, entry);
            return out;
        }
        p.host = host;
        p.port = port;
        out.proxies << p;
    }
    if (out.proxies.isEmpty())
        out.proxies << PacProxy(); // "" means DIRECT
    return out;
}

QString pacUrlFor(const QString &host, int port, bool tls, const QString &path)
{
    const QString h = host.contains(u':') ? u'[' + host + u']' : host;
    const bool defaultPort = tls ? port == 443 : port == 80;
    const QString authority = defaultPort ? h : QString(h + u':' + QString::number(port));
    if (tls)
        return QStringLiteral("https://") + authority + u'/';
    const QString p = path.startsWith(u'/') ? path : QString(u'/' + path);
    return QStringLiteral("http://") + authority + p;
}

} // namespace amlfw
