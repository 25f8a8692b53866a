#include "checkcommand.h"

#include "probeengine.h"
#include "probeplanner.h"
#include "probereport.h"
#include "proberesultmodel.h"
#include "proberun.h"
#include "probetexts.h"
#include "rulegenerator.h"
#include "textreport.h"

#include <QDir>
#include <QEventLoop>
#include <QTimer>

#include <csignal>
#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace amlfw {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int)
{
    g_interrupted = 1;
}

bool stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr));
#else
    return isatty(STDERR_FILENO);
#endif
}

QString padded(const QString &text, int width)
{
    const int w = TextReport::displayWidth(text);
    return w >= width ? text : text + QString(width - w, u' ');
}

QString elided(const QString &text, int width)
{
    if (width <= 1 || TextReport::displayWidth(text) <= width)
        return text;
    QString out;
    for (const QChar c : text) {
        if (TextReport::displayWidth(out + c) > width - 1)
            break;
        out += c;
    }
    return out + QStringLiteral("…");
}

// Prints results as they come: aligned rows, and on a terminal a progress line kept at the bottom.
class LiveView
{
public:
    LiveView(QTextStream &out, bool terminal, int width, const ProbeRun &run, const QList<ProbeTarget> &targets)
        : m_out(out), m_terminal(terminal), m_width(width), m_run(run)
    {
        m_color = terminal && qEnvironmentVariableIsEmpty("NO_COLOR");
        for (const ProbeTarget &t : targets) {
            m_ruleWidth = std::max(m_ruleWidth, TextReport::displayWidth(t.ruleId));
            m_endpointWidth = std::max(m_endpointWidth, TextReport::displayWidth(endpoint(t)));
        }
        m_ruleWidth = std::min(m_ruleWidth, 28);
        m_endpointWidth = std::min(m_endpointWidth, 48);
    }

    static QString endpoint(const ProbeTarget &t)
    {
        return t.host.isEmpty() ? t.destination : t.host + u':' + ProbeTexts::ports(t);
    }

    QString header() const
    {
        return padded(CheckCommand::tr("STATUS"), StatusWidth) + QStringLiteral("  ")
               + padded(CheckCommand::tr("TIME"), TimeWidth) + QStringLiteral("  ")
               + padded(CheckCommand::tr("RULE"), m_ruleWidth) + QStringLiteral("  ")
               + padded(CheckCommand::tr("ENDPOINT"), m_endpointWidth) + QStringLiteral("  ")
               + CheckCommand::tr("RESULT");
    }

    QString row(int index, bool color) const
    {
        const ProbeResult &r = m_run.results.at(index);
        QString info;
        if (r.status == ProbeStatus::Ok)
            info = ProbeTexts::addresses(r);
        else if (r.status == ProbeStatus::NotTestable || r.status == ProbeStatus::Cancelled)
            info = ProbeTexts::explanation(r);
        else
            info = ProbeTexts::statusLabel(r.status) + QStringLiteral(": ") + ProbeTexts::detail(r);
        if (m_run.baseline) {
            const ProbeChange change = m_run.change(index);
            if (change != ProbeChange::Unchanged)
                info = u'[' + ProbeTexts::changeLabel(change) + QStringLiteral("] ") + info;
        }
        const QString status = padded(probeStatusId(r.status), StatusWidth);
        QString line = QStringLiteral("  ") + padded(ProbeTexts::duration(r.timings.totalMs), TimeWidth)
                       + QStringLiteral("  ") + padded(elided(r.target.ruleId, m_ruleWidth), m_ruleWidth)
                       + QStringLiteral("  ") + padded(elided(endpoint(r.target), m_endpointWidth), m_endpointWidth)
                       + QStringLiteral("  ") + info;
        if (m_width > 0)
            line = elided(line, m_width - StatusWidth);
        return (color ? colored(r.status, status) : status) + line;
    }

    void printHeader()
    {
        m_out << header() << u'\n';
        m_out.flush();
    }

    void printRow(int index)
    {
        clearProgress();
        m_out << row(index, m_color) << u'\n';
        m_out.flush();
    }

    void progress(int done, int total, int failed, int running)
    {
        if (!m_terminal)
            return;
        clearProgress();
        m_out << CheckCommand::tr("Testing: %1 of %2 done, %3 failed, %4 in progress (Ctrl+C stops)")
                     .arg(done)
                     .arg(total)
                     .arg(failed)
                     .arg(running);
        m_out.flush();
        m_progressShown = true;
    }

    void clearProgress()
    {
        if (!m_progressShown)
            return;
        m_out << QStringLiteral("\r\x1b[K");
        m_progressShown = false;
    }

private:
    static constexpr int StatusWidth = 19;
    static constexpr int TimeWidth = 8;

    static QString colored(ProbeStatus status, const QString &text)
    {
        const char *code = status == ProbeStatus::Ok               ? "32"
                           : status == ProbeStatus::NotTestable    ? "90"
                           : status == ProbeStatus::TlsInspected   ? "33"
                           : status == ProbeStatus::Cancelled      ? "33"
                           : isFailure(status)                     ? "31"
                                                                   : "0";
        return QStringLiteral("\x1b[") + QLatin1String(code) + u'm' + text + QStringLiteral("\x1b[0m");
    }

    QTextStream &m_out;
    bool m_terminal;
    bool m_color = false;
    int m_width;
    const ProbeRun &m_run;
    int m_ruleWidth = 4;
    int m_endpointWidth = 8;
    bool m_progressShown = false;
};

} // namespace

CliApp::Command CheckCommand::command()
{
    return {QStringLiteral("check"), [] { return tr("Test every endpoint live from this machine (DNS, TCP, TLS, HTTP)."); },
            &CheckCommand::addOptions, &CheckCommand::run};
}

void CheckCommand::addOptions(QCommandLineParser &parser)
{
    CliApp::addSelectionOptions(parser);
    parser.addOption({QStringLiteral("format"), tr("Output format: table (default), json, csv or html."),
                      QStringLiteral("format"), QStringLiteral("table")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      tr("Write the report to this file (\"-\" for standard output); the live table stays on the "
                         "terminal."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("timeout-ms"),
                      tr("Timeout of each stage in milliseconds, or per stage: dns=3000,tcp=5000,tls=5000,http=10000 "
                         "(the defaults)."),
                      QStringLiteral("ms")});
    parser.addOption({QStringLiteral("concurrency"),
                      tr("Endpoints tested at once, 1 to %1 (default %2).")
                          .arg(ProbeOptions::MaxConcurrency)
                          .arg(ProbeOptions::DefaultConcurrency),
                      QStringLiteral("n"), QString::number(ProbeOptions::DefaultConcurrency)});
    parser.addOption({QStringLiteral("proxy"),
                      tr("How web traffic goes out: none (direct), system (the system's proxy setting, default) or "
                         "http://[user:password@]host:port."),
                      QStringLiteral("none|system|url"), QStringLiteral("system")});
    parser.addOption({QStringLiteral("ca-bundle"),
                      tr("Also trust the CA certificates in this PEM file (such as your TLS inspection's CA)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("sample"),
                      tr("Test HOST for a wildcard or service tag destination, such as '*.vault.azure.net=myvault.vault.azure.net' "
                         "(repeatable)."),
                      QStringLiteral("wildcard=host")});
    parser.addOption({QStringLiteral("resolve"),
                      tr("Use these addresses for HOST on PORT instead of asking DNS, as curl does; * for any port "
                         "(repeatable)."),
                      QStringLiteral("host:port:addr[,addr]")});
    parser.addOption({QStringLiteral("connect-to"),
                      tr("Connect to HOST2:PORT2 instead of HOST:PORT, as curl does; TLS and HTTP still name HOST. Empty "
                         "parts match any host or port (repeatable)."),
                      QStringLiteral("host:port:host2:port2")});
    parser.addOption({QStringLiteral("baseline"),
                      tr("A JSON report of an earlier run: show what changed since."), QStringLiteral("file")});
}

int CheckCommand::run(CliApp &app, QCommandLineParser &parser)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"table" && format != u"json" && format != u"csv" && format != u"html")
        return app.fail(tr("\"%1\" is not a format of \"check\": use table, json, csv or html.").arg(format));
    const QString output = parser.value(QStringLiteral("output"));

    ProbeOptions options;
    QString error;
    if (parser.isSet(QStringLiteral("timeout-ms"))) {
        const auto timeouts = ProbeOptions::parseTimeouts(parser.value(QStringLiteral("timeout-ms")), &error);
        if (!timeouts)
            return app.fail(QStringLiteral("--timeout-ms: ") + error);
        options.timeouts = *timeouts;
    }
    bool ok = false;
    options.concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
    if (!ok || options.concurrency < 1 || options.concurrency > ProbeOptions::MaxConcurrency)
        return app.fail(tr("\"%1\" is not a number from 1 to %2: --concurrency takes how many endpoints are tested at "
                           "once.")
                            .arg(parser.value(QStringLiteral("concurrency")))
                            .arg(ProbeOptions::MaxConcurrency));
    const auto proxy = ProbeOptions::parseProxy(parser.value(QStringLiteral("proxy")), &error);
    if (!proxy)
        return app.fail(QStringLiteral("--proxy: ") + error);
    options.proxy = *proxy;
    if (parser.isSet(QStringLiteral("ca-bundle"))) {
        options.caBundlePath = parser.value(QStringLiteral("ca-bundle"));
        const auto certificates = ProbeOptions::loadCaBundle(options.caBundlePath, &error);
        if (!certificates)
            return app.fail(QStringLiteral("--ca-bundle: ") + error);
        options.extraCaCertificates = *certificates;
    }
    for (const QString &text : parser.values(QStringLiteral("sample"))) {
        const auto sample = ProbeOptions::parseSample(text, &error);
        if (!sample)
            return app.fail(QStringLiteral("--sample: ") + error);
        options.samples.insert(sample->first, sample->second);
    }
    for (const QString &text : parser.values(QStringLiteral("resolve"))) {
        const auto rule = ProbeOptions::parseResolve(text, &error);
        if (!rule)
            return app.fail(QStringLiteral("--resolve: ") + error);
        options.resolve << *rule;
    }
    for (const QString &text : parser.values(QStringLiteral("connect-to"))) {
        const auto rule = ProbeOptions::parseConnectTo(text, &error);
        if (!rule)
            return app.fail(QStringLiteral("--connect-to: ") + error);
        options.connectTo << *rule;
    }
    std::optional<ProbeBaseline> baseline;
    if (parser.isSet(QStringLiteral("baseline"))) {
        baseline = ProbeBaseline::fromFile(parser.value(QStringLiteral("baseline")), &error);
        if (!baseline)
            return app.fail(QStringLiteral("--baseline: ") + error);
    }

    Catalog catalog;
    if (!app.loadCatalog(parser, &catalog))
        return CliApp::BadInput;
    ProbeRun run;
    if (!app.buildRuleSet(parser, catalog, &run.set))
        return CliApp::BadInput;
    Problems problems;
    const QList<ProbeTarget> targets = ProbePlanner::plan(run.set, options, &problems);
    app.printProblems(problems);
    if (hasErrors(problems))
        return CliApp::BadInput;
    run.options = options;
    run.baseline = baseline;

    // Live rows go to standard output unless the report itself does.
    const bool reportToStdout = output.isEmpty() || output == u"-";
    const bool liveOnStdout = format == u"table" || !reportToStdout;
    const bool terminal = liveOnStdout ? CliApp::isTerminal() : stderrIsTerminal();
    QTextStream &liveStream = liveOnStdout ? app.out() : app.err();

    ProbeEngine engine;
    engine.setOptions(options);
    ProbeResultModel model;
    model.setEngine(&engine);
    LiveView view(liveStream, terminal, terminal ? CliApp::terminalWidth() : 0, run, targets);
    int failed = 0;
    QObject::connect(&engine, &ProbeEngine::started, [&] { run.results = engine.results(); });
    QObject::connect(&engine, &ProbeEngine::resultChanged, [&](int row) {
        run.results[row] = engine.results().at(row);
        const ProbeResult &r = run.results.at(row);
        if (!isFinal(r.status))
            return;
        if (isFailure(r.status))
            ++failed;
        if (liveOnStdout)
            view.printRow(row);
    });
    QObject::connect(&engine, &ProbeEngine::progress, [&](int done, int total) {
        int running = 0;
        for (const ProbeResult &r : std::as_const(run.results))
            running += r.status == ProbeStatus::Running ? 1 : 0;
        view.progress(done, total, failed, running);
    });

    g_interrupted = 0;
    const auto previousHandler = std::signal(SIGINT, onInterrupt);
    QTimer interruptPoll;
    interruptPoll.setInterval(100);
    QObject::connect(&interruptPoll, &QTimer::timeout, [&] {
        if (g_interrupted)
            engine.cancel();
    });
    interruptPoll.start();

    QEventLoop loop;
    QObject::connect(&engine, &ProbeEngine::finished, &loop, &QEventLoop::quit);
    if (liveOnStdout)
        view.printHeader();
    engine.start(targets, run.set.catalog.probe);
    if (engine.isRunning())
        loop.exec();
    interruptPoll.stop();
    std::signal(SIGINT, previousHandler);
    view.clearProgress();

    run.results = engine.results();
    run.vantage = ProbeVantage::current(options, run.results, engine.startedAt(), engine.finishedAt());
    if (liveOnStdout) {
        for (int row = 0; row < run.results.size(); ++row) {
            if (run.results.at(row).status == ProbeStatus::NotTestable)
                view.printRow(row);
        }
        liveStream << u'\n';
    }
    if (g_interrupted)
        app.err() << QStringLiteral("amlfw: ") << tr("stopped: endpoints not tested are marked CANCELLED.") << Qt::endl;

    const QString summary = ProbeReport::summaryText(run, app.language());
    QByteArray report;
    if (format == u"json") {
        report = ProbeReport::json(run, app.language());
    } else if (format == u"csv") {
        report = ProbeReport::csv(run, app.language(), !reportToStdout);
    } else if (format == u"html") {
        report = ProbeReport::html(run, app.language());
    } else if (!reportToStdout) {
        LiveView fileView(liveStream, false, 0, run, targets);
        QString text = fileView.header() + u'\n';
        for (int row = 0; row < run.results.size(); ++row)
            text += fileView.row(row, false) + u'\n';
        report = (TextReport::scenarioLine(run.set, app.language()) + QStringLiteral("\n\n") + text + u'\n' + summary)
                     .toUtf8();
    }

    if (liveOnStdout) {
        liveStream << summary;
        liveStream.flush();
    } else if (terminal) {
        app.err() << summary;
        app.err().flush();
    }
    if (!report.isEmpty()) {
        if (!app.writeOutput(reportToStdout ? QStringLiteral("-") : output, report))
            return CliApp::BadInput;
        if (!reportToStdout)
            app.err() << QStringLiteral("amlfw: ") << tr("wrote %1.").arg(QDir::toNativeSeparators(output)) << Qt::endl;
    }
    return run.summary().failed > 0 ? CliApp::Failure : CliApp::Success;
}

} // namespace amlfw
