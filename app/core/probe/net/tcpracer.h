#pragma once

#include "netoutcome.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

class QSslSocket;

namespace amlfw {

// Connects to an endpoint's addresses: each address family on its own and at the same time, the
// addresses of a family one after another in the resolver's order, all under one deadline. The
// first connection wins and is handed over; the other family keeps trying until it has its own
// outcome, because both families are reported. Every socket callback is checked against the
// socket the racer is waiting on, so a late signal of a socket already given up changes nothing.
class TcpRacer : public QObject
{
    Q_OBJECT

public:
    explicit TcpRacer(QObject *parent = nullptr);
    ~TcpRacer() override;

    void start(const QList<QHostAddress> &addresses, int port, int timeoutMs);
    void abort(); // every socket dropped at once; no signal follows

    const QList<TcpAttempt> &attempts() const { return m_attempts; }
    bool isFinished() const { return m_finished; }
    qint64 elapsed() const { return m_clock.isValid() ? m_clock.elapsed() : -1; }

Q_SIGNALS:
    // The first connection. The receiver owns `socket` from now on (it has no parent).
    void connected(QSslSocket *socket);
    // Every family has its outcome (after connected(), or without it: nothing connected). Queued
    // when there was no address to try; else emitted from the socket callback that ended the race.
    void finished();

private:
    struct Family
    {
        QList<int> attempts; // indices into m_attempts
        int next = 0;
        int current = -1;
        QSslSocket *socket = nullptr; // the attempt in flight
        bool done = false;
    };

    void tryNext(int family);
    void attemptConnected(int family, QSslSocket *socket);
    void attemptFailed(int family, QSslSocket *socket, int error);
    void deadline();
    void familyDone();
    void drop(QSslSocket *socket);

    QList<TcpAttempt> m_attempts;
    QList<Family> m_families;
    QElapsedTimer m_clock;
    QTimer m_deadline;
    bool m_won = false;
    bool m_finished = true; // no race running
};

ConnectOutcome connectOutcome(int socketError); // QAbstractSocket::SocketError -> outcome

} // namespace amlfw
