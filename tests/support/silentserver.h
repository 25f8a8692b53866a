#pragma once

#include <QStringList>
#include <QTcpServer>

// Accepts connections and never answers: a TLS handshake that never finishes. It reads the
// client's ClientHello and records the server name (SNI) it asks for.
class SilentServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit SilentServer(QObject *parent = nullptr);
    bool listenLoopback();

    int connections() const { return m_connections; }
    int openConnections() const { return m_open; }
    const QStringList &serverNames() const { return m_serverNames; }

    // The host_name of the server_name extension of a TLS ClientHello record, or empty.
    static QString serverNameOf(const QByteArray &clientHello);

private:
    int m_connections = 0;
    int m_open = 0;
    QStringList m_serverNames;
};
