#include "silentserver.h"

#include <QTcpSocket>
#include <memory>

SilentServer::SilentServer(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            ++m_connections;
            ++m_open;
            // Owned by the connection below, which ends with the socket or the server, whichever
            // goes first (a delete on the socket's destroyed() never ran when the server went first).
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QIODevice::readyRead, this, [this, socket, buffer] {
                if (socket->property("seen").toBool()) {
                    socket->readAll();
                    return;
                }
                *buffer += socket->readAll();
                const QString name = serverNameOf(*buffer);
                if (!name.isEmpty()) {
                    socket->setProperty("seen", true);
                    m_serverNames << name;
                }
            });
            connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
                --m_open;
                socket->deleteLater();
            });
        }
    });
}

bool SilentServer::listenLoopback()
{
    return listen(QHostAddress::LocalHost, 0);
}

QString SilentServer::serverNameOf(const QByteArray &data)
{
    // TLS record (5) | handshake header (4) | version (2) | random (32) | session id | cipher
    // suites | compression methods | extensions.
    auto u8 = [&data](qsizetype i) {
        return i < data.size() ? int(quint8(data.at(i))) : -1;
    };
    auto u16 = [&u8](qsizetype i) {
        return u8(i) < 0 || u8(i + 1) < 0 ? -1 : (u8(i) << 8) | u8(i + 1);
    };
    if (u8(0) != 0x16 || u8(5) != 0x01)
        return {};
    qsizetype p = 5 + 4 + 2 + 32;
    if (u8(p) < 0)
        return {};
    p += 1 + u8(p);
    if (u16(p) < 0)
        return {};
    p += 2 + u16(p);
    if (u8(p) < 0)
        return {};
    p += 1 + u8(p);
    const int extensionsLength = u16(p);
    if (extensionsLength < 0)
        return {};
    p += 2;
    const qsizetype end = p + extensionsLength;
    while (p + 4 <= end) {
        const int type = u16(p);
        const int length = u16(p + 2);
        if (type < 0 || length < 0)
            return {};
        if (type == 0) { // server_name: list length (2), name type (1), name length (2), name
            const int nameLength = u16(p + 4 + 3);
            if (u8(p + 4 + 2) != 0 || nameLength < 0 || p + 9 + nameLength > data.size())
                return {};
            return QString::fromLatin1(data.mid(p + 9, nameLength));
        }
        p += 4 + length;
    }
    return {};
}
