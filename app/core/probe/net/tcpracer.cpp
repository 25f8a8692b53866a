#include "tcpracer.h"

#include <QNetworkProxy>
#include <QSslSocket>

namespace amlfw {

ConnectOutcome connectOutcome(int socketError)
{
    switch (socketError) {
    case QAbstractSocket::ConnectionRefusedError:
        return ConnectOutcome::Refused;
    case QAbstractSocket::SocketTimeoutError:
        return ConnectOutcome::Timeout;
    case QAbstractSocket::NetworkError:
    case QAbstractSocket::HostNotFoundError:
        return ConnectOutcome::Unreachable; // ENETUNREACH / EHOSTUNREACH end up here
    default:
        return ConnectOutcome::Failed;
    }
}

TcpRacer::TcpRacer(QObject *parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    // Coarse timers may fire early; a timeout reported must be the timeout given.
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, &TcpRacer::deadline);
}

TcpRacer::~TcpRacer()
{
    abort();
}

void TcpRacer::start(const QList<QHostAddress> &addresses, int port, int timeoutMs)
{
    abort();
    m_attempts.clear();
    m_families.clear();
    m_won = false;
    m_finished = false;
    QList<QAbstractSocket::NetworkLayerProtocol> order;
    for (const QHostAddress &address : addresses) {
        TcpAttempt attempt;
        attempt.address = address;
        attempt.port = port;
        m_attempts << attempt;
        qsizetype index = order.indexOf(address.protocol());
        if (index < 0) {
            order << address.protocol();
            m_families.append(Family{});
            index = order.size() - 1;
        }
        m_families[index].attempts << int(m_attempts.size() - 1);
    }
    m_clock.start();
    if (m_families.isEmpty()) {
        // Nothing to connect to: fails like an unanswered connection, never from within start().
        QTimer::singleShot(0, this, [this] {
            if (!m_finished && m_families.isEmpty())
                familyDone();
        });
        return;
    }
    m_deadline.start(timeoutMs);
    for (int i = 0; i < m_families.size(); ++i)
        tryNext(i);
}

void TcpRacer::abort()
{
    m_deadline.stop();
    for (Family &f : m_families) {
        drop(std::exchange(f.socket, nullptr));
        f.done = true;
    }
    m_finished = true;
}

void TcpRacer::drop(QSslSocket *socket)
{
    if (!socket)
        return;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void TcpRacer::tryNext(int family)
{
    Family &f = m_families[family];
    if (f.next >= f.attempts.size()) {
        f.done = true;
        familyDone();
        return;
    }
    f.current = f.attempts.at(f.next++);
    TcpAttempt &attempt = m_attempts[f.current];
    attempt.ms = m_clock.elapsed(); // start offset until the outcome is known
    auto *socket = new QSslSocket(this);
    socket->setProxy(QNetworkProxy::NoProxy); // the path is amlfw's choice, never Qt's defaults
    f.socket = socket;
    connect(socket, &QAbstractSocket::connected, this, [this, family, socket] { attemptConnected(family, socket); });
    connect(socket, &QAbstractSocket::errorOccurred, this,
            [this, family, socket](QAbstractSocket::SocketError error) { attemptFailed(family, socket, error); });
    socket->connectToHost(attempt.address.toString(), quint16(attempt.port));
}

void TcpRacer::attemptConnected(int family, QSslSocket *socket)
{
    if (family >= m_families.size() || m_families.at(family).socket != socket)
        return; // a socket given up on (deadline, abort, a new race): not this race's news
    Family &f = m_families[family];
    TcpAttempt &attempt = m_attempts[f.current];
    attempt.outcome = ConnectOutcome::Connected;
    attempt.ms = m_clock.elapsed() - attempt.ms;
    f.socket = nullptr;
    f.done = true;
    if (!m_won) {
        m_won = true;
        socket->disconnect(this);
        socket->setParent(nullptr);
        Q_EMIT connected(socket);
        if (m_finished)
            return; // aborted or restarted by the receiver
    } else {
        drop(socket); // the other family was faster; this one only had to answer
    }
    familyDone();
}

void TcpRacer::attemptFailed(int family, QSslSocket *socket, int error)
{
    if (family >= m_families.size() || m_families.at(family).socket != socket)
        return;
    Family &f = m_families[family];
    TcpAttempt &attempt = m_attempts[f.current];
    attempt.outcome = connectOutcome(error);
    attempt.ms = m_clock.elapsed() - attempt.ms;
    attempt.error = socket->errorString();
    f.socket = nullptr;
    socket->disconnect(this);
    socket->deleteLater();
    tryNext(family);
}

void TcpRacer::deadline()
{
    for (Family &f : m_families) {
        if (f.done)
            continue;
        if (f.socket) {
            TcpAttempt &attempt = m_attempts[f.current];
            attempt.outcome = ConnectOutcome::Timeout;
            attempt.ms = m_clock.elapsed() - attempt.ms;
            drop(std::exchange(f.socket, nullptr));
        }
        f.done = true; // addresses not reached stay "not tried"
    }
    familyDone();
}

void TcpRacer::familyDone()
{
    if (m_finished)
        return;
    for (const Family &f : std::as_const(m_families)) {
        if (!f.done)
            return;
    }
    m_deadline.stop();
    m_finished = true;
    Q_EMIT finished();
}

} // namespace amlfw
