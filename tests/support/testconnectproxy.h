#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QString>
#include <QTcpServer>

// A small HTTP proxy on loopback: CONNECT tunnels and absolute-form requests ("GET http://...").
// It resolves names only from its own routes and connects only to loopback, so a test never
// reaches a real host. Optionally wants Basic credentials, and refuses hosts with a 403 page.
class TestConnectProxy : public QTcpServer
{
    Q_OBJECT

public:
    struct Request
    {
        QString method;
        QString target;
        bool authorized = false;
        bool hadCredentials = false;
    };

    explicit TestConnectProxy(QObject *parent = nullptr);
    bool listenLoopback();

    void requireCredentials(const QString &user, const QString &password);
    void addRoute(const QString &host, int port, int loopbackPort); // host:port -> 127.0.0.1:loopbackPort
    void deny(const QString &host);

    const QList<Request> &requests() const { return m_requests; }

private:
    void handle(QTcpSocket *client);
    void request(QTcpSocket *client, const QByteArray &head, const QByteArray &rest);
    bool route(const QString &host, int port, QHostAddress *address, int *loopbackPort) const;

    QString m_credentials; // base64 of user:password, empty: none needed
    QHash<QString, int> m_routes;
    QSet<QString> m_denied;
    QList<Request> m_requests;
};
