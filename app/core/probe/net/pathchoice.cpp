#include "pathchoice.h"

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

QNetworkProxy systemProxyFor(const QString &host, int port, bool tls)
{
    QUrl url;
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(host);
    url.setPort(port);
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
    return proxies.value(0, QNetworkProxy(QNetworkProxy::NoProxy));
}

} // namespace amlfw
