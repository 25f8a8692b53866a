#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

class QTcpSocket;

namespace amlfw {

// The servers of the demo network, all on 127.0.0.1 (internal to DemoNetwork).

// A service: HTTP, in TLS when given a certificate; answers every request after a short delay that
// depends on the Host (so that rows arrive one after another, as on a real network).
class DemoService : public QTcpServer
{
    Q_OBJECT

public:
    explicit DemoService(QObject *parent = nullptr)
        : QTcpServer(parent)
    {
    }
    void setCertificate(const QList<QSslCertificate> &chain, const QSslKey &key);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QList<QSslCertificate> m_chain;
    QSslKey m_key;
};

// Accepts and never says a word: a TLS handshake or an HTTP answer that never comes.
class DemoSilentServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit DemoSilentServer(QObject *parent = nullptr);
};

// An HTTP proxy (CONNECT and absolute-form requests) that connects only to 127.0.0.1, on the port
// the request names; wants credentials (407) for the hosts in authHosts.
class DemoProxy : public QTcpServer
{
    Q_OBJECT

public:
    explicit DemoProxy(QObject *parent = nullptr);
    void setAuthHosts(const QSet<QString> &hosts) { m_authHosts = hosts; }
    // "host:port" -> a loopback port, for requests that name the endpoint itself (plain HTTP).
    void setRoutes(const QHash<QString, int> &routes) { m_routes = routes; }
    const QList<QHostAddress> &upstreamAddresses() const { return m_upstream; } // every address it connected to

private:
    void handle(QTcpSocket *client);
    void request(QTcpSocket *client, const QByteArray &head, const QByteArray &rest);

    QSet<QString> m_authHosts;
    QHash<QString, int> m_routes;
    QList<QHostAddress> m_upstream;
};

// The delay of an answer for a host: 40-640 ms, always the same for the same host.
int demoDelayMs(const QString &host);

} // namespace amlfw
