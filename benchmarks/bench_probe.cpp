// Benchmark of the probe engine: 200 loopback endpoints whose servers wait 200 ms before they
// answer the TLS handshake. Prints the figures; not a test.
//
//   bench_probe [--endpoints N] [--delay MS] [--skip-sequential]
//
// The servers run in a child process (this program with --serve), so that the figures — peak RSS
// above all — are the engine's alone and the servers do not share its event loop.
#include "catalog.h"
#include "httptestserver.h"
#include "probeengine.h"
#include "probeplanner.h"
#include "rulegenerator.h"
#include "silentserver.h"
#include "testpki.h"
#include "tlstestserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QThread>
#include <QTextStream>
#include <QTimer>

#include <ctime>
#include <memory>

using namespace amlfw;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Child: `count` TLS servers that wait `delay` ms before the handshake, and one that never answers.
int serve(const QString &pkiDirectory, int count, int delay)
{
    const QString dir = pkiDirectory + u'/';
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(dir + QStringLiteral("bench.pem"))
                                         + QSslCertificate::fromPath(dir + QStringLiteral("public-ca.pem"));
    QFile keyFile(dir + QStringLiteral("bench.key"));
    if (chain.size() != 2 || !keyFile.open(QIODevice::ReadOnly))
        return 1;
    const QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    QList<TlsTestServer *> servers;
    QStringList ports;
    for (int i = 0; i < count; ++i) {
        auto *server = new TlsTestServer(qApp);
        server->setCertificate(chain, key);
        server->setHandshakeDelay(delay);
        if (!server->listenLoopback())
            return 1;
        ports << QString::number(server->serverPort());
    }
    auto *silent = new SilentServer(qApp);
    if (!silent->listenLoopback())
        return 1;
    // The realistic rig: every endpoint of an edition goes to one of these (connect-to), each
    // connection answered after `delay` ms: TLS at the handshake, plain HTTP at the answer; other
    // ports are TCP only (the kernel completes the connection, nothing to delay).
    auto *web = new TlsTestServer(qApp);
    web->setCertificate(chain, key);
    web->setHandshakeDelay(delay);
    auto *plain = new HttpTestServer(qApp);
    HttpBehaviour late;
    late.answerDelayMs = delay;
    plain->setBehaviour(late);
    auto *tcp = new SilentServer(qApp);
    // All endpoints of a run connect to these at once: a backlog of Qt's default 50 would drop
    // SYNs, and their retransmission (1 s) is not what is measured. Real endpoints are many hosts.
    for (QTcpServer *server : std::initializer_list<QTcpServer *>{web, plain, tcp})
        server->setListenBacklogSize(1024);
    if (!web->listenLoopback() || !plain->listenLoopback() || !tcp->listenLoopback())
        return 1;
    out() << "PORTS " << ports.join(u' ') << "\nREALISTIC " << web->serverPort() << ' ' << plain->serverPort() << ' '
          << tcp->serverPort() << "\nSILENT " << silent->serverPort() << Qt::endl;
    // Serve until the parent closes our standard input.
    QSocketNotifier stdinClosed(0, QSocketNotifier::Read);
    QObject::connect(&stdinClosed, &QSocketNotifier::activated, qApp, [] { QCoreApplication::quit(); });
    return QCoreApplication::exec();
}

// CPU time (user + system) of a process, in ms, from /proc; -1 where there is none.
qint64 cpuMsOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const qint64 ticks = fields.value(11).toLongLong() + fields.value(12).toLongLong(); // utime, stime
    return ticks * 1000 / 100; // USER_HZ is 100 on Linux
}

qint64 g_serverPid = 0;

struct RunFigures
{
    qint64 wallMs = 0;
    qint64 slowestMs = 0;
    qint64 clientCpuMs = 0;
    qint64 serverCpuMs = -1;
    int ok = 0;
    int failed = 0;
    int peak = 0;
    int threads = 1;
    QMap<QString, int> byStatus; // failures only, "STATUS port"
    QString slowest;
};

RunFigures runOnce(const QList<ProbeTarget> &targets, const ProbeOptions &options)
{
    const std::clock_t cpuBefore = std::clock();
    const qint64 serverBefore = cpuMsOf(g_serverPid);
    ProbeEngine engine;
    engine.setOptions(options);
    ProbeCatalog probe;
    probe.tlsPorts = {QStringLiteral("443")};
    QEventLoop loop;
    QObject::connect(&engine, &ProbeEngine::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    engine.start(targets, probe);
    loop.exec();
    RunFigures f;
    f.wallMs = clock.elapsed();
    f.clientCpuMs = qint64(std::clock() - cpuBefore) * 1000 / CLOCKS_PER_SEC;
    const qint64 serverAfter = cpuMsOf(g_serverPid);
    if (serverBefore >= 0 && serverAfter >= 0)
        f.serverCpuMs = serverAfter - serverBefore;
    f.peak = engine.peakConcurrency();
    f.threads = engine.threadCount();
    for (const ProbeResult &r : engine.results()) {
        if (r.timings.totalMs > f.slowestMs)
            f.slowest = QStringLiteral("%1:%2 (tcp %3, tls %4, http %5 ms)")
                            .arg(r.target.host)
                            .arg(r.target.port)
                            .arg(r.timings.tcpMs)
                            .arg(r.timings.tlsMs)
                            .arg(r.timings.httpMs);
        f.slowestMs = std::max(f.slowestMs, r.timings.totalMs);
        if (r.status == ProbeStatus::Ok || r.status == ProbeStatus::NotTestable) {
            ++f.ok;
        } else {
            ++f.failed;
            ++f.byStatus[probeStatusId(r.status) + u' ' + QString::number(r.target.port)];
        }
    }
    return f;
}

ProbeTarget benchTarget(const QString &host)
{
    ProbeTarget t;
    t.ruleId = host.section(u'.', 0, 0);
    t.destination = host;
    t.host = host;
    t.port = 443;
    t.portSpec = QStringLiteral("443");
    t.tls = true;
    t.http = true;
    t.protocol = QStringLiteral("TCP");
    return t;
}

// The endpoints of all features of `edition` (public cloud), as `amlfw check` plans them.
QList<ProbeTarget> editionTargets(const QString &edition, const ProbeOptions &options)
{
    Problems problems;
    const Catalog catalog = Catalog::builtIn(edition, &problems);
    Answers answers;
    answers.cloud = QStringLiteral("public");
    answers.region = QStringLiteral("japaneast");
    answers.storage = QStringLiteral("mystore");
    answers.acr = QStringLiteral("myacr");
    answers.workspaceId = QStringLiteral("00000000-0000-4000-8000-000000000001");
    answers.edition = edition;
    answers.features = catalog.featureIds();
    const RuleSet set = RuleGenerator::generate(catalog, answers);
    return ProbePlanner::plan(set, options, &problems);
}

int distinctEndpoints(const QList<ProbeTarget> &targets)
{
    QSet<QString> keys;
    for (const ProbeTarget &t : targets) {
        if (t.isTestable())
            keys.insert(t.probeKey());
    }
    return int(keys.size());
}

QStringList hostsOf(const QList<ProbeTarget> &targets)
{
    QStringList hosts;
    for (const ProbeTarget &t : targets) {
        if (t.isTestable() && !hosts.contains(t.host))
            hosts << t.host;
    }
    return hosts;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("endpoints"), QStringLiteral("Endpoints."), QStringLiteral("n"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("delay"), QStringLiteral("Handshake delay (ms)."), QStringLiteral("ms"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("skip-sequential"), QStringLiteral("Skip the run with concurrency 1.")});
    parser.addOption({QStringLiteral("realistic-only"), QStringLiteral("Only one endpoint alone and the editions.")});
    parser.addOption({QStringLiteral("serve"), QStringLiteral("Internal: serve from this PKI directory."), QStringLiteral("dir")});
    parser.process(app);
    const int count = parser.value(QStringLiteral("endpoints")).toInt();
    const int delay = parser.value(QStringLiteral("delay")).toInt();
    if (parser.isSet(QStringLiteral("serve")))
        return serve(parser.value(QStringLiteral("serve")), count, delay);

    QTemporaryDir dir;
    TestPki pki(dir.path());
    QString error;
    ProbeOptions planning;
    const QStringList editions{QStringLiteral("2021-11"), QStringLiteral("2026-03")};
    QStringList names{QStringLiteral("*.amlfw.test")};
    for (const QString &edition : editions)
        for (const QString &host : hostsOf(editionTargets(edition, planning)))
            if (!names.contains(host))
                names << host;
    if (!pki.create(&error) || !pki.issue(QStringLiteral("bench"), names, TestPki::Authority::Public, &error)) {
        out() << "cannot make certificates: " << error << Qt::endl;
        return 1;
    }

    QProcess servers;
    servers.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    servers.start(QCoreApplication::applicationFilePath(),
                  {QStringLiteral("--serve"), dir.path(), QStringLiteral("--endpoints"), QString::number(count),
                   QStringLiteral("--delay"), QString::number(delay)});
    QList<quint16> ports;
    QList<quint16> realisticPorts; // TLS (443), HTTP (80), any other port
    quint16 silentPort = 0;
    while (silentPort == 0 && servers.waitForReadyRead(30000)) {
        while (servers.canReadLine()) {
            const QByteArray line = servers.readLine().trimmed();
            if (line.startsWith("PORTS "))
                for (const QByteArray &p : line.mid(6).split(' '))
                    ports << quint16(p.toUInt());
            else if (line.startsWith("REALISTIC "))
                for (const QByteArray &p : line.mid(10).split(' '))
                    realisticPorts << quint16(p.toUInt());
            else if (line.startsWith("SILENT "))
                silentPort = quint16(line.mid(7).toUInt());
        }
    }
    if (ports.size() != count || realisticPorts.size() != 3 || silentPort == 0) {
        out() << "the servers did not start" << Qt::endl;
        return 1;
    }
    g_serverPid = servers.processId();

    ProbeOptions options;
    options.proxy.mode = ProxySetting::Mode::None;
    options.extraCaCertificates = {pki.publicCa};
    QList<ProbeTarget> targets;
    for (int i = 0; i < count; ++i) {
        const QString host = QStringLiteral("bench-%1.amlfw.test").arg(i);
        targets << benchTarget(host);
        ConnectToRule rule;
        rule.host = host;
        rule.port = 443;
        rule.toHost = QStringLiteral("127.0.0.1");
        rule.toPort = ports.at(i);
        options.connectTo << rule;
    }
    ConnectToRule silentRule;
    silentRule.host = QStringLiteral("silent.amlfw.test");
    silentRule.toHost = QStringLiteral("127.0.0.1");
    silentRule.toPort = silentPort;
    options.connectTo << silentRule;

    out() << "amlfw probe benchmark: " << count << " loopback endpoints, TLS handshake answered after " << delay
          << " ms, HEAD after it\n";
    const auto report = [](const QString &label, const RunFigures &f) {
        out() << "  " << label.leftJustified(44) << QString::number(f.wallMs).rightJustified(6)
              << " ms total, slowest endpoint " << QString::number(f.slowestMs).rightJustified(5) << " ms, CPU client "
              << f.clientCpuMs << " ms / servers " << f.serverCpuMs << " ms, peak in flight " << f.peak << ", threads " << f.threads << ", ok/not testable " << f.ok
              << ", failed " << f.failed << '\n';
        out().flush();
    };

    options.concurrency = 1;
    runOnce({targets.last()}, options); // warm-up: TLS backend, system CA store
    const RunFigures single = runOnce({targets.first()}, options);
    report(QStringLiteral("one endpoint alone"), single);

    const bool realisticOnly = parser.isSet(QStringLiteral("realistic-only"));
    options.concurrency = count;
    const RunFigures wide = realisticOnly ? RunFigures() : runOnce(targets, options);
    if (!realisticOnly)
        report(QStringLiteral("concurrency %1").arg(count), wide);

    options.concurrency = ProbeOptions::DefaultConcurrency;
    RunFigures normal;
    if (!realisticOnly) {
        normal = runOnce(targets, options);
        report(QStringLiteral("default (automatic: %1)").arg(normal.peak), normal);
        options.concurrency = 32;
        const RunFigures old32 = runOnce(targets, options);
        report(QStringLiteral("concurrency 32 (the earlier default)"), old32);
    }

    RunFigures sequential;
    if (!parser.isSet(QStringLiteral("skip-sequential")) && !realisticOnly) {
        options.concurrency = 1;
        sequential = runOnce(targets, options);
        report(QStringLiteral("concurrency 1"), sequential);
    }

    // One more endpoint that accepts and never answers, with a 1 s TLS timeout.
    constexpr int HangTimeout = 1000;
    ProbeOptions hang = options;
    hang.timeouts.tlsMs = HangTimeout;
    QList<ProbeTarget> withSilent = targets;
    withSilent.prepend(benchTarget(QStringLiteral("silent.amlfw.test")));
    hang.concurrency = count + 1;
    RunFigures hangWide;
    if (!realisticOnly) {
        hangWide = runOnce(withSilent, hang);
        report(QStringLiteral("+1 never answering (TLS timeout 1 s), c=%1").arg(hang.concurrency), hangWide);
        hang.concurrency = ProbeOptions::DefaultConcurrency;
        const RunFigures hangNormal = runOnce(withSilent, hang);
        report(QStringLiteral("+1 never answering (TLS timeout 1 s), default"), hangNormal);
    }

    // The realistic case: all features of each edition, every endpoint redirected to the rig.
    ProbeOptions real;
    real.proxy.mode = ProxySetting::Mode::None;
    real.extraCaCertificates = {pki.publicCa};
    for (const auto &[port, toPort] : {std::pair{443, realisticPorts.at(0)}, std::pair{80, realisticPorts.at(1)},
                                       std::pair{0, realisticPorts.at(2)}}) {
        ConnectToRule rule; // any host
        rule.port = port;
        rule.toHost = QStringLiteral("127.0.0.1");
        rule.toPort = toPort;
        real.connectTo << rule;
    }
    struct Realistic
    {
        QString edition;
        int rows = 0;
        int endpoints = 0;
        RunFigures run;
        RunFigures oneThread;
        RunFigures systemStore;
    };
    QList<Realistic> realistic;
    out() << "\nRealistic: all features of an edition (public cloud), each endpoint answering after " << delay
          << " ms\n";
    for (const QString &edition : editions) {
        Realistic r;
        r.edition = edition;
        const QList<ProbeTarget> planned = editionTargets(edition, real);
        r.rows = int(planned.size());
        r.endpoints = distinctEndpoints(planned);
        r.run = runOnce(planned, real);
        report(QStringLiteral("%1: %2 rows, %3 endpoints, default").arg(edition).arg(r.rows).arg(r.endpoints), r.run);
        out() << "      slowest: " << r.run.slowest << '\n';
        for (auto it = r.run.byStatus.cbegin(); it != r.run.byStatus.cend(); ++it)
            out() << "      not ok: " << it.key() << " x" << it.value() << '\n';
        ProbeOptions oneThread = real; // --threads 1: every handshake on the engine's thread
        oneThread.threads = 1;
        r.oneThread = runOnce(planned, oneThread);
        report(QStringLiteral("%1: the same on one thread (--threads 1)").arg(edition), r.oneThread);
        ProbeOptions systemOnly = real; // no --ca-bundle: the system store, loaded on demand
        systemOnly.extraCaCertificates.clear();
        r.systemStore = runOnce(planned, systemOnly);
        report(QStringLiteral("%1: the same without --ca-bundle (verification fails)").arg(edition), r.systemStore);
        realistic << r;
    }

    const qint64 rss = peakRssKb();
    const double wideRatio = double(wide.wallMs) / double(std::max<qint64>(1, wide.slowestMs));
    const int defaultLimit = std::max(1, normal.peak);
    const double normalBound = (double(count) / defaultLimit + 1) * double(wide.slowestMs);
    out() << "\nTargets\n";
    // The synthetic targets only when their runs were made (not with --realistic-only).
    if (!realisticOnly) {
        const double aloneRatio = double(wide.wallMs) / double(std::max<qint64>(1, single.slowestMs));
        out() << "  concurrency " << count << ": total / slowest endpoint of the run = " << QString::number(wideRatio, 'f', 2)
              << " (target <= 2): " << (wideRatio <= 2 ? "met" : "MISSED") << '\n';
        out() << "  concurrency " << count << ": total / one endpoint alone = " << QString::number(aloneRatio, 'f', 2)
              << " (same target read strictly): " << (aloneRatio <= 2 ? "met" : "MISSED") << '\n';
        out() << "  default concurrency: total " << normal.wallMs << " ms <= (" << count << "/" << defaultLimit
              << " + 1) x " << wide.slowestMs << " = " << qint64(normalBound)
              << " ms: " << (normal.wallMs <= normalBound ? "met" : "MISSED") << '\n';
        const double normalStrict = (double(count) / defaultLimit + 1) * double(single.slowestMs);
        out() << "  default concurrency, read strictly (one endpoint alone " << single.slowestMs << " ms): bound "
              << qint64(normalStrict) << " ms: " << (normal.wallMs <= normalStrict ? "met" : "MISSED") << '\n';
        out() << "  never answering endpoint: total " << hangWide.wallMs << " ms <= " << HangTimeout << " ms + 500 ms: "
              << (hangWide.wallMs <= HangTimeout + 500 ? "met" : "MISSED") << '\n';
    }
    for (const Realistic &r : std::as_const(realistic)) {
        const double ratio = double(r.run.wallMs) / double(std::max<qint64>(1, single.slowestMs));
        out() << "  realistic " << r.edition << ": " << r.run.wallMs << " ms / one endpoint alone " << single.slowestMs
              << " ms = " << QString::number(ratio, 'f', 2) << " (target <= 1.3): " << (ratio <= 1.3 ? "met" : "MISSED")
              << ", " << r.run.ok << " ok\n";
        // Client and rig share this machine's cores: after the servers' delay, the CPU both spend
        // cannot take less than its share of the cores, whatever the engine does.
        const int cores = std::max(1, QThread::idealThreadCount());
        const double floorMs = delay + double(r.run.clientCpuMs + std::max<qint64>(0, r.run.serverCpuMs)) / cores;
        out() << "      on one thread (--threads 1): " << r.oneThread.wallMs << " ms = "
              << QString::number(double(r.oneThread.wallMs) / double(std::max<qint64>(1, single.slowestMs)), 'f', 2)
              << "; this machine's floor, " << delay << " ms + (client " << r.run.clientCpuMs << " + servers "
              << r.run.serverCpuMs << " ms CPU) / " << cores << " cores = " << qint64(floorMs) << " ms = "
              << QString::number(floorMs / double(std::max<qint64>(1, single.slowestMs)), 'f', 2) << '\n';
    }
    if (!realisticOnly)
        out() << "  200 endpoints at once, CPU-bound figure: " << wide.wallMs << " ms (client CPU " << wide.clientCpuMs
              << " ms, servers " << wide.serverCpuMs << " ms)\n";
    out() << "  peak RSS (VmHWM): " << QString::number(rss / 1024.0, 'f', 1) << " MB (target < 60 MB): "
          << (rss >= 0 && rss < 60 * 1024 ? "met" : "MISSED") << '\n';
    if (!parser.isSet(QStringLiteral("skip-sequential")) && !realisticOnly)
        out() << "  concurrency 1 for comparison: " << sequential.wallMs << " ms\n";
    out().flush();

    servers.closeWriteChannel();
    if (!servers.waitForFinished(5000))
        servers.kill();
    return 0;
}
