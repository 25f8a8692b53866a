#pragma once

#include "httpresponder.h"

#include <QTcpServer>

// A plain HTTP server on loopback (port 80 endpoints).
class HttpTestServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit HttpTestServer(QObject *parent = nullptr);
    void setBehaviour(const HttpBehaviour &behaviour) { m_behaviour = behaviour; }
    bool listenLoopback();
    const QList<HttpRequestSeen> &requests() const { return m_requests; }

private:
    HttpBehaviour m_behaviour;
    QList<HttpRequestSeen> m_requests;
};
