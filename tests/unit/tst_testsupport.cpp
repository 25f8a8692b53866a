// The test helpers themselves (tests/support): what the other tests rely on them for.
#include "silentserver.h"
#include "testnet.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>
#include <memory>

class TestTestSupport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusingPortRefuses()
    {
        const RefusingPort refused;
        QVERIFY(refused.isValid());
        QTcpSocket client;
        QSignalSpy errors(&client, &QAbstractSocket::errorOccurred);
        client.connectToHost(QHostAddress(QHostAddress::LocalHost), refused.port());
        QTRY_COMPARE(errors.count(), 1);
        QCOMPARE(client.error(), QAbstractSocket::ConnectionRefusedError);
    }

    void refusingPortKeepsThePort()
    {
        // Held, not released: nothing else can listen there while the test uses the number.
        const RefusingPort refused;
        QVERIFY(refused.isValid());
        QTcpServer other;
        QVERIFY(!other.listen(QHostAddress::LocalHost, refused.port()));
    }

    void refusingPortHandsItsPortToAServer()
    {
        RefusingPort later;
        QVERIFY(later.isValid());
        const quint16 port = later.port();
        QTcpServer server;
        QVERIFY(later.handTo(&server));
        QCOMPARE(server.serverPort(), port);
        QTcpSocket client;
        client.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        QTRY_VERIFY(server.hasPendingConnections());
    }

    void silentServerGoesWithOpenConnections()
    {
        // The server destroyed while a client is still connected: the buffer it keeps for the
        // connection must go too. The sanitizer build's LeakSanitizer checks this at exit; the
        // buffer leaked when it was freed by a slot that ended with the server.
        auto server = std::make_unique<SilentServer>();
        QVERIFY(server->listenLoopback());
        QTcpSocket client;
        client.connectToHost(QHostAddress(QHostAddress::LocalHost), server->serverPort());
        QTRY_COMPARE(server->openConnections(), 1); // accepted: its buffer exists
        server.reset();
    }
};

QTEST_GUILESS_MAIN(TestTestSupport)
#include "tst_testsupport.moc"
