#include "pathchoice.h"

#include <QHostAddress>
#include <QNetworkProxyFactory>
#include <QUrl>

namespace amlfw {

QString hostPort(const QString &host, int port)
{
    const QString h = host.contains(u':') ? u'[' + host + u']' : host;
    return h + u':' + QString::number(port);
}

PathChoice choosePath(const PathRequest &request)
{
    PathChoice c;
    c.connectHost = request.redirected && !request.redirectHost.isEmpty() ? request.redirectHost : request.host;
    c.connectPort = request.redirected && request.redirectPort > 0 ? request.redirectPort : request.port;

    const QNetworkProxy &proxy = request.proxy;
    switch (proxy.type()) {
    case QNetworkProxy::HttpProxy:
    case QNetworkProxy::HttpCachingProxy:
        if (!request.web) {
            c.bypassed = true; // proxies carry web traffic; other protocols go out directly
            break;
        }
        c.viaProxy = true;
        c.proxyHost = proxy.hostName();
        c.proxyPort = proxy.port();
        c.proxyUser = proxy.user();
        c.proxyPassword = proxy.password();
        break;
    case QNetworkProxy::Socks5Proxy:
    case QNetworkProxy::FtpCachingProxy:
        if (!request.web) {
            c.bypassed = true;
            break;
        }
        // Never silently around it: the machine's own traffic would not go around it either.
        c.unsupportedProxy
            = (proxy.type() == QNetworkProxy::Socks5Proxy ? QStringLiteral("socks5://") : QStringLiteral("ftp://"))
              + hostPort(proxy.hostName(), proxy.port());
        break;
    case QNetworkProxy::DefaultProxy:
    case QNetworkProxy::NoProxy:
        break;
    }
    return c;
}

bool noProxyMatches(const QString &noProxy, const QString &host, int port)
{
    const QString h = host.toLower();
    const QHostAddress address(h);
    for (QString entry : noProxy.split(u',', Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        if (entry == u"*")
            return true;
        // An optional ":port" (not inside an IPv6 address).
        int entryPort = 0;
        const qsizetype colon = entry.lastIndexOf(u':');
        if (colon > 0 && entry.count(u':') == 1) {
            bool ok = false;
            entryPort = entry.mid(colon + 1).toInt(&ok);
            if (!ok)
                continue;
            entry = entry.left(colon);
        }
        if (entry.startsWith(u'[') && entry.endsWith(u']'))
            entry = entry.mid(1, entry.size() - 2);
        if (entryPort > 0 && entryPort != port)
            continue;
        if (!address.isNull()) {
            const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(entry);
            if (!subnet.first.isNull() && (entry.contains(u'/') ? address.isInSubnet(subnet) : address == subnet.first))
                return true;
            continue;
        }
        if (entry.startsWith(u'*'))
            entry.remove(0, 1);
        if (entry.startsWith(u'.'))
            entry.remove(0, 1);
        if (!entry.isEmpty() && (h == entry || h.endsWith(u'.' + entry)))
            return true;
    }
    return false;
}

QNetworkProxy systemProxyFor(const QString &host, int port, bool tls)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    const QString noProxy = qEnvironmentVariableIsSet("no_proxy") ? qEnvironmentVariable("no_proxy")
                                                                    : qEnvironmentVariable("NO_PROXY");
    if (noProxyMatches(noProxy, host, port))
        return QNetworkProxy(QNetworkProxy::NoProxy);
#endif
    QUrl url;
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(host);
    url.setPort(port);
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
    return proxies.value(0, QNetworkProxy(QNetworkProxy::NoProxy));
}

} // namespace amlfw
