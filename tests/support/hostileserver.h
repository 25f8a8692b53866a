#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

class QTcpSocket;

// A loopback server that misbehaves on purpose, for the hostile-network tests: after the first
// request head it answers as `behaviour` says. Plain TCP, or TLS with setCertificate().
class HostileServer : public QTcpServer
{
    Q_OBJECT

public:
    enum class Behaviour {
        EndlessInterim,       // "HTTP/1.1 100 Continue" heads, as fast as the socket takes them, forever
        DripInterim,          // one "100 Continue" head every 20 ms, forever
        RawAnswer,            // the bytes given to setAnswer(), then close
        ConnectThenClose,     // a proxy: "200 Connection established" to CONNECT, then close the tunnel
        ConnectThenGarbage,   // a proxy: 200 to CONNECT, then bytes that are not TLS
        CloseOnAccept,        // accept, then hang up at once
        GarbageOnAccept,      // accept, then send bytes that are neither TLS nor HTTP
    };

    explicit HostileServer(Behaviour behaviour, QObject *parent = nullptr);
    void setAnswer(const QByteArray &bytes) { m_answer = bytes; }
    void setCertificate(const QList<QSslCertificate> &chain, const QSslKey &key);
    bool listenLoopback();

    qint64 bytesSent() const { return m_bytesSent; }
    int requests() const { return m_requests; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void requestHead(QTcpSocket *socket);
    void feed(QTcpSocket *socket);

    Behaviour m_behaviour;
    QByteArray m_answer;
    QList<QSslCertificate> m_chain;
    QSslKey m_key;
    qint64 m_bytesSent = 0;
    int m_requests = 0;
};
