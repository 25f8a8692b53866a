#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTcpServer>

class QTcpSocket;

// A proxy on loopback that asks for NTLM and checks the three messages itself: type 1 with its
// flags, the type 2 challenge of MS-NLMP 4.2.4, type 3 read field by field, on one connection.
// It answers the last step with 200 (CONNECT: then closes; absolute form: "200 OK" for itself).
class NtlmTestProxy : public QTcpServer
{
    Q_OBJECT

public:
    explicit NtlmTestProxy(QObject *parent = nullptr);
    bool listenLoopback();
    void setCloseAfterChallenge(bool close) { m_closeAfterChallenge = close; }

    struct Seen
    {
        int step = 0; // 0: no header, 1: type 1, 3: type 3
        quint32 type1Flags = 0;
        QString domain; // type 3
        QString user;
        int ntResponseSize = 0;
        bool sameConnection = false; // type 3 came where the challenge went
        QString method;
    };
    const QList<Seen> &seen() const { return m_seen; }

private:
    void serve(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const QByteArray &head);

    QList<Seen> m_seen;
    QList<QTcpSocket *> m_challenged;
    bool m_closeAfterChallenge = false;
};
