#include "testconnectproxy.h"

#include <QTcpSocket>
#include <QUrl>
#include <memory>

TestConnectProxy::TestConnectProxy(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *client = nextPendingConnection())
            handle(client);
    });
}

bool TestConnectProxy::listenLoopback()
{
    return listen(QHostAddress::LocalHost, 0);
}

void TestConnectProxy::requireCredentials(const QString &user, const QString &password)
{
    m_credentials = QString::fromLatin1((user + u':' + password).toUtf8().toBase64());
}

void TestConnectProxy::addRoute(const QString &host, int port, int loopbackPort)
{
    m_routes.insert(host.toLower() + u':' + QString::number(port), loopbackPort);
}

void TestConnectProxy::deny(const QString &host)
{
    m_denied.insert(host.toLower());
}

bool TestConnectProxy::route(const QString &host, int port, QHostAddress *address, int *loopbackPort) const
{
    const QHostAddress literal(host);
    if (!literal.isNull()) {
        if (!literal.isLoopback())
            return false; // never beyond this machine
        *address = literal;
        *loopbackPort = port;
        return true;
    }
    const auto it = m_routes.constFind(host.toLower() + u':' + QString::number(port));
    if (it == m_routes.constEnd())
        return false;
    *address = QHostAddress(QHostAddress::LocalHost);
    *loopbackPort = *it;
    return true;
}

void TestConnectProxy::handle(QTcpSocket *client)
{
    connect(client, &QAbstractSocket::disconnected, client, &QObject::deleteLater);
    auto buffer = std::make_shared<QByteArray>(); // lives as long as the connection below
    connect(client, &QIODevice::readyRead, this, [this, client, buffer] {
        if (client->property("tunnel").toBool())
            return;
        *buffer += client->readAll();
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer->left(end + 4);
        const QByteArray rest = buffer->mid(end + 4);
        buffer->clear();
        client->setProperty("tunnel", true);
        request(client, head, rest);
    });
}

void TestConnectProxy::request(QTcpSocket *client, const QByteArray &head, const QByteArray &rest)
{
    const QList<QByteArray> lines = head.trimmed().split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    Request seen;
    seen.method = QString::fromLatin1(requestLine.value(0));
    seen.target = QString::fromLatin1(requestLine.value(1));
    QByteArray forwarded;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.toLower().startsWith("proxy-authorization:")) {
            seen.hadCredentials = true;
            seen.authorized = line.mid(20).trimmed() == "Basic " + m_credentials.toLatin1();
            continue;
        }
        if (!line.isEmpty())
            forwarded += line + "\r\n";
    }
    if (m_credentials.isEmpty())
        seen.authorized = true;
    m_requests << seen;

    auto answer = [client](const QByteArray &statusLine, const QByteArray &headers = {}) {
        client->write("HTTP/1.1 " + statusLine + "\r\n" + headers + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        client->disconnectFromHost();
    };
    if (!seen.authorized) {
        answer("407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"amlfw-test\"\r\n");
        return;
    }

    const bool tunnel = seen.method == u"CONNECT";
    QString host;
    int port = 0;
    QByteArray upstreamRequest;
    if (tunnel) {
        const qsizetype colon = seen.target.lastIndexOf(u':');
        host = seen.target.left(colon);
        if (host.startsWith(u'['))
            host = host.mid(1, host.size() - 2);
        port = seen.target.mid(colon + 1).toInt();
    } else {
        const QUrl url(seen.target);
        host = url.host();
        port = url.port(80);
        QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
        if (path.isEmpty())
            path = "/";
        upstreamRequest
            = requestLine.value(0) + ' ' + path + ' ' + requestLine.value(2) + "\r\n" + forwarded + "\r\n" + rest;
    }
    if (m_denied.contains(host.toLower())) {
        answer("403 Forbidden", "X-Squid-Error: ERR_ACCESS_DENIED 0\r\nServer: squid\r\n");
        return;
    }
    QHostAddress address;
    int loopbackPort = 0;
    if (!route(host, port, &address, &loopbackPort)) {
        answer("502 Bad Gateway", "X-Squid-Error: ERR_DNS_FAIL 0\r\n");
        return;
    }
    auto *upstream = new QTcpSocket(client);
    connect(upstream, &QAbstractSocket::connected, client, [client, upstream, tunnel, upstreamRequest, rest] {
        if (tunnel) {
            client->write("HTTP/1.1 200 Connection established\r\n\r\n");
            if (!rest.isEmpty())
                upstream->write(rest);
        } else {
            upstream->write(upstreamRequest);
        }
        connect(client, &QIODevice::readyRead, upstream, [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QIODevice::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        connect(upstream, &QAbstractSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        connect(client, &QAbstractSocket::disconnected, upstream, [upstream] { upstream->disconnectFromHost(); });
    });
    connect(upstream, &QAbstractSocket::errorOccurred, client,
            [client, upstream, answer](QAbstractSocket::SocketError) {
                if (upstream->state() != QAbstractSocket::ConnectedState
                    && client->state() == QAbstractSocket::ConnectedState && client->bytesToWrite() == 0
                    && !upstream->property("answered").toBool()) {
                    upstream->setProperty("answered", true);
                    answer("502 Bad Gateway");
                }
            });
    upstream->connectToHost(address, quint16(loopbackPort));
}
