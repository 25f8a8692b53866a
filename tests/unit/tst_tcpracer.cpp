// TcpRacer on loopback: both address families at once, the winner handed over, the loser's
// outcome still recorded, one deadline, and no signal from a socket the racer has given up.
#include "fullbacklog.h"
#include "silentserver.h"
#include "tcpracer.h"
#include "testnet.h"

#include <QPointer>
#include <QSignalSpy>
#include <QSslSocket>
#include <QtTest>
#include <memory>
#include <vector>

using namespace amlfw;

namespace {

const QHostAddress V4(QHostAddress::LocalHost);
const QHostAddress V6(QHostAddress::LocalHostIPv6);

// What a racer says: the sockets it hands over (owned here from then on) and its finished().
struct Watch
{
    explicit Watch(TcpRacer *racer)
        : finished(racer, &TcpRacer::finished)
    {
        QObject::connect(racer, &TcpRacer::connected, racer, [this](QSslSocket *s) { sockets.emplace_back(s); });
    }
    std::vector<std::unique_ptr<QSslSocket>> sockets;
    QSignalSpy finished;
};

} // namespace

class TestTcpRacer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void winnerIsHandedOverAndTheLoserStillReported()
    {
        SilentServer server; // 127.0.0.1 only: ::1 on its port is refused
        QVERIFY(server.listenLoopback());
        TcpRacer racer;
        Watch watch(&racer);
        racer.start({V6, V4}, server.serverPort(), 5000);
        QVERIFY(!racer.isFinished());
        QTRY_COMPARE(watch.finished.count(), 1);
        QCOMPARE(watch.sockets.size(), size_t(1));
        QSslSocket *winner = watch.sockets.front().get();
        QCOMPARE(winner->parent(), nullptr); // the receiver's now
        QCOMPARE(winner->state(), QAbstractSocket::ConnectedState);
        QCOMPARE(winner->peerAddress(), V4);
        QCOMPARE(racer.attempts().size(), 2);
        QCOMPARE(racer.attempts().at(1).outcome, ConnectOutcome::Connected);
        const ConnectOutcome v6 = racer.attempts().at(0).outcome;
        QVERIFY(v6 == ConnectOutcome::Refused || v6 == ConnectOutcome::Unreachable);
        QVERIFY(racer.attempts().at(1).ms >= 0);
        QVERIFY(racer.isFinished());
    }

    void addressesOfAFamilyOneAfterAnother()
    {
        SilentServer server;
        QVERIFY(server.listenLoopback());
        TcpRacer racer;
        Watch watch(&racer);
        // 127.0.0.2 on this port: nothing listens, refused; then 127.0.0.1 answers.
        racer.start({QHostAddress(QStringLiteral("127.0.0.2")), V4}, server.serverPort(), 5000);
        QTRY_COMPARE(watch.finished.count(), 1);
        QCOMPARE(watch.sockets.size(), size_t(1));
        QCOMPARE(racer.attempts().at(0).outcome, ConnectOutcome::Refused);
        QVERIFY(!racer.attempts().at(0).error.isEmpty());
        QCOMPARE(racer.attempts().at(1).outcome, ConnectOutcome::Connected);
    }

    void nothingToTryFinishesLater()
    {
        TcpRacer racer;
        QSignalSpy finished(&racer, &TcpRacer::finished);
        racer.start({}, 443, 5000);
        QCOMPARE(finished.count(), 0); // never from within start()
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(racer.attempts().isEmpty());
    }

    void deadlineEndsWhatHangs()
    {
        FullBacklog backlog;
        if (!backlog.start())
            QSKIP("needs POSIX sockets to make a port that drops connections");
        TcpRacer racer;
        Watch watch(&racer);
        racer.start({V4, QHostAddress(QStringLiteral("127.0.0.3"))}, backlog.port(), 300);
        QTRY_COMPARE(watch.finished.count(), 1);
        QVERIFY(watch.sockets.empty());
        QCOMPARE(racer.attempts().at(0).outcome, ConnectOutcome::Timeout);
        QVERIFY(racer.attempts().at(0).ms >= 300);
        QCOMPARE(racer.attempts().at(1).outcome, ConnectOutcome::NotTried); // same family, never reached
    }

    void abortedRaceSaysNothingMore()
    {
        SilentServer server;
        QVERIFY(server.listenLoopback());
        TcpRacer racer;
        Watch watch(&racer);
        racer.start({V4}, server.serverPort(), 5000);
        racer.abort(); // before the connection is through
        QVERIFY(racer.isFinished());
        QTest::qWait(200);
        QVERIFY(watch.sockets.empty());
        QCOMPARE(watch.finished.count(), 0);
        QTRY_COMPARE(server.openConnections(), 0);
    }

    void newRaceDropsTheOldOne()
    {
        // Restarted while the first race hangs on its only address: the first race's socket is
        // closed, and only the second race's outcome is reported.
        FullBacklog backlog;
        if (!backlog.start())
            QSKIP("needs POSIX sockets to make a port that drops connections");
        SilentServer server;
        QVERIFY(server.listenLoopback());
        TcpRacer racer;
        Watch watch(&racer);
        racer.start({V4}, backlog.port(), 60000);
        racer.start({V4}, server.serverPort(), 60000);
        QTRY_COMPARE(watch.finished.count(), 1);
        QCOMPARE(watch.sockets.size(), size_t(1));
        QCOMPARE(watch.sockets.front()->peerPort(), server.serverPort());
        QCOMPARE(racer.attempts().size(), 1);
        QCOMPARE(racer.attempts().first().port, int(server.serverPort()));
        QCOMPARE(racer.findChildren<QSslSocket *>().size(), 0); // the first race's socket is gone (or going)
    }

    void destroyedWhileConnecting()
    {
        SilentServer server;
        QVERIFY(server.listenLoopback());
        auto racer = std::make_unique<TcpRacer>();
        racer->start({V4, V6}, server.serverPort(), 5000);
        racer.reset();
        QTRY_COMPARE(server.openConnections(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTcpRacer)
#include "tst_tcpracer.moc"
