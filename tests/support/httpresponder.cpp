#include "httpresponder.h"

#include <QTcpSocket>
#include <QTimer>

void HttpResponder::attach(QTcpSocket *socket, const HttpBehaviour &behaviour, Recorder recorder)
{
    new HttpResponder(socket, behaviour, std::move(recorder));
}

HttpResponder::HttpResponder(QTcpSocket *socket, const HttpBehaviour &behaviour, Recorder recorder)
    : QObject(socket), m_socket(socket), m_behaviour(behaviour), m_recorder(std::move(recorder))
{
    connect(socket, &QIODevice::readyRead, this, &HttpResponder::readyRead);
    if (socket->bytesAvailable() > 0)
        readyRead();
}

void HttpResponder::readyRead()
{
    m_buffer += m_socket->readAll();
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.clear();
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    HttpRequestSeen seen;
    seen.method = QString::fromLatin1(requestLine.value(0));
    seen.target = QString::fromLatin1(requestLine.value(1));
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("host:"))
            seen.host = QString::fromLatin1(line.mid(5).trimmed());
    }
    if (m_recorder)
        m_recorder(seen);
    if (m_behaviour.closeWithoutAnswer) {
        m_socket->disconnectFromHost();
        return;
    }
    QByteArray answer;
    if (m_behaviour.headNotAllowed && seen.method == u"HEAD") {
        answer = "HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    } else {
        answer = "HTTP/1.1 " + QByteArray::number(m_behaviour.status) + ' ' + m_behaviour.reason + "\r\n";
        for (const auto &h : std::as_const(m_behaviour.headers))
            answer += h.first + ": " + h.second + "\r\n";
        answer += "Content-Length: " + QByteArray::number(m_behaviour.body.size()) + "\r\nConnection: close\r\n\r\n";
        if (seen.method != u"HEAD")
            answer += m_behaviour.body;
    }
    if (m_behaviour.answerDelayMs > 0) {
        QTimer::singleShot(m_behaviour.answerDelayMs, this, [socket = m_socket, answer] {
            socket->write(answer);
            socket->disconnectFromHost();
        });
        return;
    }
    m_socket->write(answer);
    m_socket->disconnectFromHost();
}
