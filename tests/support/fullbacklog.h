#pragma once

#include <QtGlobal>

// A loopback port that never completes a connection: a listening socket with a backlog of zero
// whose queue is already full, so that new connection attempts are dropped and time out, as
// with a firewall that drops. POSIX only; start() is false elsewhere.
class FullBacklog
{
public:
    FullBacklog() = default;
    ~FullBacklog();
    FullBacklog(const FullBacklog &) = delete;
    FullBacklog &operator=(const FullBacklog &) = delete;

    bool start();
    quint16 port() const { return m_port; }

private:
    int m_listener = -1;
    int m_filler = -1;
    quint16 m_port = 0;
};
