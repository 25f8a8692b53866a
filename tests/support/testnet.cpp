#include "testnet.h"

#include <QTcpServer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

RefusingPort::RefusingPort()
{
    m_socket.bind(QHostAddress(QHostAddress::LocalHost), 0, QAbstractSocket::DontShareAddress);
}

bool RefusingPort::handTo(QTcpServer *server)
{
    const quint16 port = m_socket.localPort();
    if (port == 0)
        return false;
#ifdef Q_OS_UNIX
    // A second descriptor of the same socket: it stays open when m_socket closes its own.
    const int descriptor = ::dup(int(m_socket.socketDescriptor()));
    m_socket.abort();
    if (descriptor < 0)
        return false;
    if (::listen(descriptor, SOMAXCONN) != 0 || !server->setSocketDescriptor(descriptor)) {
        ::close(descriptor);
        return false;
    }
    return true;
#else
    m_socket.abort();
    return server->listen(QHostAddress::LocalHost, port);
#endif
}
