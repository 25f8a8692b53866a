#include "httptestserver.h"

#include <QTcpSocket>

HttpTestServer::HttpTestServer(QObject *parent) : QTcpServer(parent)
{
    connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            HttpResponder::attach(socket, m_behaviour, [this](const HttpRequestSeen &seen) { m_requests << seen; });
        }
    });
}

bool HttpTestServer::listenLoopback()
{
    return listen(QHostAddress::LocalHost, 0);
}
