// Benchmark of how long the probe engine takes to give up or to stop: the wall-clock targets
// that used to be upper bounds in tst_probeengine (where a loaded machine made them flaky).
// Prints each figure with its target; not a test.
//
//   bench_timeouts
#include "fakeresolver.h"
#include "fullbacklog.h"
#include "probeengine.h"
#include "silentserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

using namespace amlfw;

namespace {

const QString Host = QStringLiteral("bench.amlfw.test");

ProbeTarget target(const QString &host)
{
    ProbeTarget t;
    t.ruleId = QStringLiteral("bench");
    t.destination = t.destinationTemplate = t.host = host;
    t.port = 443;
    t.portSpec = QStringLiteral("443");
    t.protocol = QStringLiteral("TCP");
    t.tls = t.http = true;
    t.firewallType = FirewallRuleType::Application;
    return t;
}

ProbeOptions redirected(const QString &host, quint16 port)
{
    ProbeOptions o;
    o.proxy.mode = ProxySetting::Mode::None;
    ConnectToRule r;
    r.host = host;
    r.port = 443;
    r.toPort = port;
    r.text = host + QStringLiteral(":443::") + QString::number(port);
    o.connectTo << r;
    return o;
}

// Milliseconds from start() to finished(), or -1 when it did not finish within `limitMs`.
qint64 timeRun(ProbeEngine &engine, const QList<ProbeTarget> &targets, const ProbeCatalog &probe, int limitMs)
{
    QEventLoop loop;
    QObject::connect(&engine, &ProbeEngine::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(limitMs, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    if (!engine.start(targets, probe))
        return -1;
    loop.exec();
    return engine.isRunning() ? -1 : clock.elapsed();
}

void report(QTextStream &out, const char *what, qint64 ms, qint64 targetMs)
{
    out << what << ": " << ms << " ms (target < " << targetMs << " ms)" << (ms >= 0 && ms < targetMs ? "" : "  MISSED")
        << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    FakeResolver resolver;
    resolver.setAddresses(Host, {QHostAddress(QHostAddress::LocalHost)});
    for (int i = 0; i < 6; ++i)
        resolver.setAddresses(QStringLiteral("h%1.amlfw.test").arg(i), {QHostAddress(QHostAddress::LocalHost)});
    ProbeCatalog probe;
    probe.tlsPorts = {QStringLiteral("443")};

    { // A handshake that never finishes, with a 300 ms TLS timeout.
        SilentServer silent;
        if (!silent.listenLoopback())
            return 1;
        ProbeOptions o = redirected(Host, silent.serverPort());
        o.timeouts.tlsMs = 300;
        ProbeEngine engine;
        engine.setResolver(&resolver);
        engine.setOptions(o);
        report(out, "TLS timeout of 300 ms reported after", timeRun(engine, {target(Host)}, probe, 10000), 3000);
    }
    { // A port that drops connections, with a 300 ms TCP timeout.
        FullBacklog backlog;
        if (backlog.start()) {
            ProbeOptions o = redirected(Host, backlog.port());
            o.timeouts.tcpMs = 300;
            ProbeEngine engine;
            engine.setResolver(&resolver);
            engine.setOptions(o);
            report(out, "TCP timeout of 300 ms reported after", timeRun(engine, {target(Host)}, probe, 10000), 2500);
        } else {
            out << "TCP timeout: needs POSIX sockets" << Qt::endl;
        }
    }
    { // cancel() with four handshakes hanging and two waiting.
        SilentServer silent;
        if (!silent.listenLoopback())
            return 1;
        ProbeOptions o;
        o.proxy.mode = ProxySetting::Mode::None;
        o.timeouts.tlsMs = 60000;
        o.concurrency = 4;
        QList<ProbeTarget> targets;
        for (int i = 0; i < 6; ++i) {
            const QString host = QStringLiteral("h%1.amlfw.test").arg(i);
            o.connectTo << redirected(host, silent.serverPort()).connectTo;
            targets << target(host);
        }
        ProbeEngine engine;
        engine.setResolver(&resolver);
        engine.setOptions(o);
        if (!engine.start(targets, probe))
            return 1;
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (silent.connections() >= 4)
                loop.quit();
        });
        poll.start(5);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        QElapsedTimer clock;
        clock.start();
        engine.cancel();
        report(out, "cancel() with 4 hanging handshakes took", engine.isRunning() ? -1 : clock.elapsed(), 1000);
    }
    return 0;
}
