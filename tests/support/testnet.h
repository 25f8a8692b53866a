#pragma once

#include <QTcpSocket>

class QTcpServer;

// A loopback port that refuses connections, held for as long as this object lives: a TCP socket
// bound to it that never listens. Holding it (instead of binding, reading the port and releasing
// it) keeps another test or process from taking the port between the choice and its use.
class RefusingPort
{
public:
    RefusingPort();
    RefusingPort(const RefusingPort &) = delete;
    RefusingPort &operator=(const RefusingPort &) = delete;

    bool isValid() const { return port() != 0; }
    quint16 port() const { return m_socket.localPort(); }

    // "The firewall now lets it through": `server` starts listening on this very port, taking the
    // bound socket over, so the port is never free in between (POSIX; elsewhere it is released
    // and listened on again at once). This object is empty afterwards.
    bool handTo(QTcpServer *server);

private:
    QTcpSocket m_socket;
};
