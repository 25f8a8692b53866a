#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <functional>

class QTcpSocket;

// How a test server answers an HTTP request.
struct HttpBehaviour
{
    int status = 200;
    QByteArray reason = "OK";
    QList<QPair<QByteArray, QByteArray>> headers;
    bool headNotAllowed = false;     // 405 to HEAD, the configured answer to GET
    bool closeWithoutAnswer = false; // read the request, then hang up
    int answerDelayMs = 0;           // wait this long after the request before answering (a far-away service)
    QByteArray body;                 // sent after the head (not to HEAD); a PAC file, say
};

struct HttpRequestSeen
{
    QString method;
    QString target;
    QString host;
};

// Reads one request from `socket` (which it lives on), answers as `behaviour` says, then closes.
class HttpResponder : public QObject
{
public:
    using Recorder = std::function<void(const HttpRequestSeen &)>;
    static void attach(QTcpSocket *socket, const HttpBehaviour &behaviour, Recorder recorder);

private:
    HttpResponder(QTcpSocket *socket, const HttpBehaviour &behaviour, Recorder recorder);
    void readyRead();

    QTcpSocket *m_socket;
    HttpBehaviour m_behaviour;
    Recorder m_recorder;
    QByteArray m_buffer;
};
