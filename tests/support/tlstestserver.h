#pragma once

#include "httpresponder.h"

#include <QElapsedTimer>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>

// A TLS server on loopback that answers HTTP: QSslServer, with an optional delay before the
// handshake starts (a far-away or slow service) and counters for what it saw.
class TlsTestServer : public QSslServer
{
    Q_OBJECT

public:
    explicit TlsTestServer(QObject *parent = nullptr);

    void setCertificate(const QList<QSslCertificate> &chain, const QSslKey &key);
    void setHandshakeDelay(int ms) { m_delayMs = ms; }
    void setBehaviour(const HttpBehaviour &behaviour) { m_behaviour = behaviour; }
    bool listenLoopback(); // 127.0.0.1, a free port

    int connections() const { return m_connections; }
    int handshakes() const { return m_handshakes; }
    const QList<HttpRequestSeen> &requests() const { return m_requests; }
    const QList<qint64> &acceptTimes() const { return m_acceptTimes; } // ms since construction

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void serve(QSslSocket *socket);

    int m_delayMs = 0;
    HttpBehaviour m_behaviour;
    int m_connections = 0;
    int m_handshakes = 0;
    QList<HttpRequestSeen> m_requests;
    QList<qint64> m_acceptTimes;
    QElapsedTimer m_clock;
};
