#include "tlstestserver.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

TlsTestServer::TlsTestServer(QObject *parent) : QSslServer(parent)
{
    m_clock.start();
    connect(this, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (hasPendingConnections())
            serve(qobject_cast<QSslSocket *>(nextPendingConnection()));
    });
}

void TlsTestServer::setCertificate(const QList<QSslCertificate> &chain, const QSslKey &key)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    setSslConfiguration(config);
}

bool TlsTestServer::listenLoopback()
{
    return listen(QHostAddress::LocalHost, 0);
}

void TlsTestServer::incomingConnection(qintptr descriptor)
{
    ++m_connections;
    m_acceptTimes << m_clock.elapsed();
    if (m_delayMs <= 0) {
        QSslServer::incomingConnection(descriptor);
        return;
    }
    // QSslServer starts the handshake at once; to answer late, take the socket over.
    auto *socket = new QSslSocket(this);
    socket->setSslConfiguration(sslConfiguration());
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    connect(socket, &QSslSocket::encrypted, this, [this, socket] { serve(socket); });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(m_delayMs, socket, [socket] {
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->startServerEncryption();
    });
}

void TlsTestServer::serve(QSslSocket *socket)
{
    if (!socket)
        return;
    ++m_handshakes;
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    HttpResponder::attach(socket, m_behaviour, [this](const HttpRequestSeen &seen) { m_requests << seen; });
}
