#include "fullbacklog.h"

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

FullBacklog::~FullBacklog()
{
#ifdef Q_OS_UNIX
    if (m_filler >= 0)
        ::close(m_filler);
    if (m_listener >= 0)
        ::close(m_listener);
#endif
}

bool FullBacklog::start()
{
#ifdef Q_OS_UNIX
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_listener < 0)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    if (::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0
        || ::listen(m_listener, 0) != 0
        || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return false;
    m_port = ntohs(address.sin_port);
    // One connection fills the queue of a zero backlog; it is never accepted.
    m_filler = ::socket(AF_INET, SOCK_STREAM, 0);
    return m_filler >= 0 && ::connect(m_filler, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
#else
    return false;
#endif
}
