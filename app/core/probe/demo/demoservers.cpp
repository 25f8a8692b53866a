#include "demoservers.h"

#include <QCryptographicHash>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>
#include <memory>

namespace amlfw {

int demoDelayMs(const QString &host)
{
    const QByteArray h = QCryptographicHash::hash(host.toLower().toUtf8(), QCryptographicHash::Sha1);
    return 40 + (quint8(h.at(0)) * 256 + quint8(h.at(1))) % 600;
}

namespace {

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// Reads one request head on `socket` and calls `answer` with it.
void onRequestHead(QTcpSocket *socket, std::function<void(const QByteArray &head, const QByteArray &rest)> answer)
{
    auto buffer = std::make_shared<QByteArray>();
    auto done = std::make_shared<bool>(false);
    QObject::connect(socket, &QIODevice::readyRead, socket, [socket, buffer, done, answer] {
        if (*done)
            return;
        *buffer += socket->readAll();
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0) {
            if (buffer->size() > 64 * 1024)
                socket->abort();
            return;
        }
        *done = true;
        answer(buffer->left(end + 4), buffer->mid(end + 4));
    });
}

} // namespace

void DemoService::setCertificate(const QList<QSslCertificate> &chain, const QSslKey &key)
{
    m_chain = chain;
    m_key = key;
}

void DemoService::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    onRequestHead(socket, [socket](const QByteArray &head, const QByteArray &) {
        QByteArray host = headerValue(head, "host");
        const qsizetype colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith(']'))
            host.truncate(colon);
        QTimer::singleShot(demoDelayMs(QString::fromLatin1(host)), socket, [socket] {
            socket->write("HTTP/1.1 200 OK\r\nServer: amlfw-demo\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        });
    });
    if (!m_chain.isEmpty()) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(m_chain);
        config.setPrivateKey(m_key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone); // a server; clients show no certificate
        socket->setSslConfiguration(config);
        socket->startServerEncryption();
    }
}

DemoSilentServer::DemoSilentServer(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

DemoProxy::DemoProxy(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *client = nextPendingConnection())
            handle(client);
    });
}

void DemoProxy::handle(QTcpSocket *client)
{
    connect(client, &QAbstractSocket::disconnected, client, &QObject::deleteLater);
    onRequestHead(client,
                  [this, client](const QByteArray &head, const QByteArray &rest) { request(client, head, rest); });
}

void DemoProxy::request(QTcpSocket *client, const QByteArray &head, const QByteArray &rest)
{
    const QList<QByteArray> lines = head.trimmed().split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QByteArray method = requestLine.value(0);
    const QString target = QString::fromLatin1(requestLine.value(1));
    const bool tunnel = method == "CONNECT";
    QString host;
    int port = 0;
    QByteArray upstreamRequest;
    if (tunnel) {
        const qsizetype colon = target.lastIndexOf(u':');
        host = target.left(colon);
        if (host.startsWith(u'['))
            host = host.mid(1, host.size() - 2);
        port = target.mid(colon + 1).toInt();
    } else {
        const QUrl url(target);
        host = url.host();
        port = url.port(80);
        QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
        if (path.isEmpty())
            path = "/";
        QByteArray headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            if (!line.isEmpty() && !line.toLower().startsWith("proxy-"))
                headers += line + "\r\n";
        }
        upstreamRequest = method + ' ' + path + ' ' + requestLine.value(2) + "\r\n" + headers + "\r\n" + rest;
    }

    auto answer = [client](const QByteArray &statusLine, const QByteArray &headers) {
        client->write("HTTP/1.1 " + statusLine + "\r\n" + headers
                      + "Proxy-Agent: amlfw-demo-proxy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        client->disconnectFromHost();
    };
    if (m_authHosts.contains(host.toLower())) {
        QTimer::singleShot(demoDelayMs(host), client, [answer] {
            answer("407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"amlfw DEMO proxy\"\r\n");
        });
        return;
    }
    port = m_routes.value(host.toLower() + u':' + QString::number(port), port);
    if (port <= 0 || port > 65535) {
        answer("400 Bad Request", {});
        return;
    }
    // Never beyond this machine: every name is this machine in the demo network.
    const QHostAddress address(QHostAddress::LocalHost);
    m_upstream << address;
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
                    && client->state() == QAbstractSocket::ConnectedState && !upstream->property("answered").toBool()) {
                    upstream->setProperty("answered", true);
                    answer("502 Bad Gateway", {});
                }
            });
    upstream->connectToHost(address, quint16(port));
}

} // namespace amlfw
