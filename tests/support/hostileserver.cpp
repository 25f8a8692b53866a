#include "hostileserver.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace {

const QByteArray Interim = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");

} // namespace

HostileServer::HostileServer(Behaviour behaviour, QObject *parent) : QTcpServer(parent), m_behaviour(behaviour) {}

void HostileServer::setCertificate(const QList<QSslCertificate> &chain, const QSslKey &key)
{
    m_chain = chain;
    m_key = key;
}

bool HostileServer::listenLoopback()
{
    return listen(QHostAddress::LocalHost, 0);
}

void HostileServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    if (m_behaviour == Behaviour::CloseOnAccept) {
        socket->disconnectFromHost();
        return;
    }
    if (m_behaviour == Behaviour::GarbageOnAccept) {
        socket->write(QByteArray(512, '\x15'));
        return;
    }
    auto buffer = std::make_shared<QByteArray>();
    auto answered = std::make_shared<bool>(false);
    connect(socket, &QIODevice::readyRead, this, [this, socket, buffer, answered] {
        const QByteArray bytes = socket->readAll();
        if (*answered)
            return; // what follows the first request is ignored
        *buffer += bytes;
        if (!buffer->contains("\r\n\r\n"))
            return;
        *answered = true;
        ++m_requests;
        requestHead(socket);
    });
    if (!m_chain.isEmpty()) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(m_chain);
        config.setPrivateKey(m_key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket->setSslConfiguration(config);
        socket->startServerEncryption();
    }
}

void HostileServer::requestHead(QTcpSocket *socket)
{
    auto send = [this, socket](const QByteArray &bytes) {
        m_bytesSent += bytes.size();
        socket->write(bytes);
    };
    switch (m_behaviour) {
    case Behaviour::EndlessInterim:
        // Queued: a write from within the socket's own signal would recurse.
        connect(socket, &QIODevice::bytesWritten, this, [this, socket] { feed(socket); }, Qt::QueuedConnection);
        if (auto *ssl = qobject_cast<QSslSocket *>(socket))
            connect(ssl, &QSslSocket::encryptedBytesWritten, this, [this, socket] { feed(socket); },
                    Qt::QueuedConnection);
        feed(socket);
        return;
    case Behaviour::DripInterim: {
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, this, [send] { send(Interim); });
        timer->start(20);
        return;
    }
    case Behaviour::RawAnswer:
        send(m_answer);
        socket->disconnectFromHost();
        return;
    case Behaviour::ConnectThenClose:
        send(QByteArrayLiteral("HTTP/1.1 200 Connection established\r\n\r\n"));
        socket->disconnectFromHost();
        return;
    case Behaviour::ConnectThenGarbage:
        send(QByteArrayLiteral("HTTP/1.1 200 Connection established\r\n\r\n"));
        // Later, as an answer to the ClientHello: a line of text where a TLS record belongs.
        QTimer::singleShot(100, socket, [send] { send(QByteArrayLiteral("SSH-2.0-OpenSSH_9.2\r\n")); });
        return;
    case Behaviour::CloseOnAccept:
    case Behaviour::GarbageOnAccept:
        return;
    }
}

void HostileServer::feed(QTcpSocket *socket)
{
    // Keep about 256 KB queued: as fast as the peer reads, without growing this side's memory.
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    static const QByteArray chunk = [] {
        QByteArray c;
        while (c.size() < 64 * 1024)
            c += Interim;
        return c;
    }();
    auto *ssl = qobject_cast<QSslSocket *>(socket);
    const qint64 queued = socket->bytesToWrite() + (ssl ? ssl->encryptedBytesToWrite() : 0);
    if (queued > 256 * 1024)
        return; // bytesWritten comes back for more
    m_bytesSent += chunk.size();
    socket->write(chunk);
}
