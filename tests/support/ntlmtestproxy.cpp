#include "ntlmtestproxy.h"

#include <QTcpSocket>
#include <QtEndian>

namespace {

// MS-NLMP 4.2.4.3's CHALLENGE_MESSAGE (server challenge 0123456789abcdef, AV pairs Domain/Server).
QByteArray challengeMessage()
{
    return QByteArray::fromHex("4e544c4d53535000020000000c000c003800000033828ae20123456789abcdef"
                               "0000000000000000240024004400000006007017000000"
                               "0f530065007200760065007200"
                               "02000c0044006f006d00610069006e0001000c00530065007200760065007200"
                               "00000000");
}

QString utf16(const QByteArray &b)
{
    QString s;
    for (qsizetype i = 0; i + 1 < b.size(); i += 2)
        s.append(QChar(char16_t(quint8(b.at(i)) | (quint8(b.at(i + 1)) << 8))));
    return s;
}

QByteArray field(const QByteArray &m, int at)
{
    if (m.size() < at + 8)
        return {};
    const quint16 len = qFromLittleEndian<quint16>(m.constData() + at);
    const quint32 off = qFromLittleEndian<quint32>(m.constData() + at + 4);
    return off + len <= quint32(m.size()) ? m.mid(off, len) : QByteArray();
}

} // namespace

NtlmTestProxy::NtlmTestProxy(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *client = nextPendingConnection())
            serve(client);
    });
}

bool NtlmTestProxy::listenLoopback()
{
    return listen(QHostAddress::LocalHost, 0);
}

void NtlmTestProxy::serve(QTcpSocket *socket)
{
    socket->setParent(this);
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        *buffer += socket->readAll();
        for (qsizetype end; (end = buffer->indexOf("\r\n\r\n")) >= 0;) {
            const QByteArray head = buffer->left(end);
            buffer->remove(0, end + 4);
            answer(socket, head);
        }
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void NtlmTestProxy::answer(QTcpSocket *socket, const QByteArray &head)
{
    Seen seen;
    seen.method = QString::fromLatin1(head.left(head.indexOf(' ')));
    QByteArray token;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("proxy-authorization: ntlm "))
            token = QByteArray::fromBase64(line.trimmed().mid(26));
    }
    const QByteArray deny = "HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 6\r\n";
    const QByteArray body = seen.method == u"HEAD" ? QByteArray() : QByteArray("denied"); // HEAD: no body
    if (token.isEmpty()) {
        m_seen << seen;
        socket->write(deny + "Proxy-Authenticate: NTLM\r\n\r\n" + body);
        return;
    }
    const quint32 type = token.size() >= 12 ? qFromLittleEndian<quint32>(token.constData() + 8) : 0;
    if (!token.startsWith(QByteArray("NTLMSSP\0", 8)) || (type != 1 && type != 3)) {
        socket->write("HTTP/1.1 400 Bad NTLM\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    if (type == 1) {
        seen.step = 1;
        seen.type1Flags = qFromLittleEndian<quint32>(token.constData() + 12);
        m_seen << seen;
        m_challenged << socket;
        socket->write(deny + "Proxy-Authenticate: NTLM " + challengeMessage().toBase64() + "\r\n"
                      + (m_closeAfterChallenge ? "Connection: close\r\n" : "") + "\r\n" + body);
        if (m_closeAfterChallenge)
            socket->disconnectFromHost();
        return;
    }
    seen.step = 3;
    seen.ntResponseSize = int(field(token, 20).size());
    seen.domain = utf16(field(token, 28));
    seen.user = utf16(field(token, 36));
    seen.sameConnection = m_challenged.contains(socket);
    m_seen << seen;
    if (seen.method == u"CONNECT") {
        socket->write("HTTP/1.1 200 Connection established\r\n\r\n");
        socket->disconnectFromHost(); // no tunnel: the test looks at the proxy's part only
    } else {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    }
}
