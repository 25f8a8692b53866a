#include "checkcommand.h"

#include "checkliveview.h"
#include "cliapp.h"
#include "demonetwork.h"
#include "desktopproxy.h"
#include "probeengine.h"
#include "reportpdf.h"
#include "probeplanner.h"
#include "probereport.h"
#include "proberesultmodel.h"
#include "proberun.h"
#include "probetexts.h"
#include "rulegenerator.h"
#include "textreport.h"

#include <QDir>
#include <QEventLoop>
#include <QGuiApplication>
#include <QTimer>
#include <csignal>

namespace amlfw {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int)
{
    g_interrupted = 1;
}

} // namespace

// --format pdf: a file (not a terminal), the paper, and the QGuiApplication main() made for it.
bool CheckCommand::checkPdfOptions(CliApp &app, const QCommandLineParser &parser, const QString &format,
                                   const QString &output, ReportPdf::Options *pdf) const
{
    if (parser.isSet(QStringLiteral("paper"))) {
        const auto size = ReportPdf::pageSizeFromName(parser.value(QStringLiteral("paper")));
        if (!size) {
            app.fail(tr("\"%1\" is not a paper of --paper: use a4 or letter.").arg(parser.value(QStringLiteral("paper"))));
            return false;
        }
        pdf->pageSize = *size;
    } else {
        pdf->pageSize = ReportPdf::pageSizeFor(QLocale::system());
    }
    if (format != u"pdf")
        return true;
    if (output.isEmpty() || (output == u"-" && CliApp::isTerminal())) {
        app.fail(tr("--format pdf writes a file: give --output FILE."));
        return false;
    }
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        app.fail(tr("--format pdf: write it as \"--format pdf\" or \"--format=pdf\"."));
        return false;
    }
    return true;
}

QString CheckCommand::description() const
{
    return tr("Test every endpoint live from this machine (DNS, TCP, TLS, HTTP).");
}

void CheckCommand::addOptions(QCommandLineParser &parser) const
{
    CliApp::addSelectionOptions(parser);
    parser.addOption({QStringLiteral("format"),
                      tr("Output format: table (default), json, csv, html or pdf (the HTML report printed, needs "
                         "--output)."),
                      QStringLiteral("format"), QStringLiteral("table")});
    parser.addOption({QStringLiteral("paper"),
                      tr("Paper of --format pdf: a4 or letter (default: the one of this computer's country)."),
                      QStringLiteral("a4|letter")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      tr("Write the report to this file (\"-\" for standard output); the live table stays on the "
                         "terminal.")
                          + u' ' + CliApp::outputNote(),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("timeout-ms"),
                      tr("Timeout of each stage in milliseconds, or per stage: dns=3000,tcp=5000,tls=5000,http=10000 "
                         "(the defaults)."),
                      QStringLiteral("ms")});
    parser.addOption({QStringLiteral("concurrency"),
                      tr("Endpoints tested at once, 1 to %1, or auto (the default: every endpoint at once, up to %2).")
                          .arg(QString::number(ProbeOptions::MaxConcurrency),
                               QString::number(ProbeOptions::AutomaticConcurrencyCap)),
                      QStringLiteral("n|auto"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("threads"),
                      tr("Threads the TLS handshakes are spread over, 1 to %1, or auto (the default: one per %2 "
                         "endpoints, up to the processor's cores).")
                          .arg(QString::number(ProbeOptions::MaxThreads),
                               QString::number(ProbeOptions::AutomaticThreadEndpoints)),
                      QStringLiteral("n|auto"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("proxy"),
                      tr("How web traffic goes out: none (direct), system (the system's proxy setting, default), "
                         "http://[user:password@]host:port, or pac:FILE_OR_URL (a proxy auto-configuration script)."),
                      QStringLiteral("none|system|url|pac:file"), QStringLiteral("system")});
    parser.addOption({QStringLiteral("ca-bundle"),
                      tr("Also trust the CA certificates in this PEM file (such as your TLS inspection's CA)."),
                      QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("sample"),
         tr("Test HOST for a wildcard or service tag destination, such as '*.vault.azure.net=myvault.vault.azure.net' "
            "(repeatable)."),
         QStringLiteral("wildcard=host")});
    parser.addOption({QStringLiteral("resolve"),
                      tr("Use these addresses for HOST on PORT instead of asking DNS, as curl does; * for any port "
                         "(repeatable)."),
                      QStringLiteral("host:port:addr[,addr]")});
    parser.addOption(
        {QStringLiteral("connect-to"),
         tr("Connect to HOST2:PORT2 instead of HOST:PORT, as curl does; TLS and HTTP still name HOST. Empty "
            "parts match any host or port (repeatable)."),
         QStringLiteral("host:port:host2:port2")});
    parser.addOption({QStringLiteral("baseline"), tr("A JSON report of an earlier run: show what changed since."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("demo"),
                      tr("Run on a simulated network inside amlfw (loopback only, every status shown once), for "
                         "demonstrations without the real network; every output says DEMO.")});
}

int CheckCommand::execute(CliApp &app, const QCommandLineParser &parser) const
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"table" && format != u"json" && format != u"csv" && format != u"html" && format != u"pdf")
        return app.fail(tr("\"%1\" is not a format of \"check\": use table, json, csv, html or pdf.").arg(format));
    const QString output = parser.value(QStringLiteral("output"));
    ReportPdf::Options pdf;
    if (!checkPdfOptions(app, parser, format, output, &pdf))
        return CliApp::BadInput;
    // Before minutes of testing: a report that cannot be written is bad input now.
    if (!output.isEmpty() && !app.checkOutput(output))
        return CliApp::BadInput;

    ProbeOptions options;
    QString error;
    if (parser.isSet(QStringLiteral("timeout-ms"))) {
        const auto timeouts = ProbeOptions::parseTimeouts(parser.value(QStringLiteral("timeout-ms")), &error);
        if (!timeouts)
            return app.fail(QStringLiteral("--timeout-ms: ") + error);
        options.timeouts = *timeouts;
    }
    const QString concurrency = parser.value(QStringLiteral("concurrency")).trimmed();
    const bool automatic = concurrency.compare(QStringLiteral("auto"), Qt::CaseInsensitive) == 0;
    bool ok = automatic;
    options.concurrency = automatic ? ProbeOptions::AutomaticConcurrency : concurrency.toInt(&ok);
    if (!automatic && (!ok || options.concurrency < 1 || options.concurrency > ProbeOptions::MaxConcurrency))
        return app.fail(
            tr("\"%1\" is neither auto nor a number from 1 to %2: --concurrency takes how many endpoints are "
               "tested at once.")
                .arg(parser.value(QStringLiteral("concurrency")), QString::number(ProbeOptions::MaxConcurrency)));
    const QString threads = parser.value(QStringLiteral("threads")).trimmed();
    const bool automaticThreads = threads.compare(QStringLiteral("auto"), Qt::CaseInsensitive) == 0;
    ok = automaticThreads;
    options.threads = automaticThreads ? ProbeOptions::AutomaticThreads : threads.toInt(&ok);
    if (!automaticThreads && (!ok || options.threads < 1 || options.threads > ProbeOptions::MaxThreads))
        return app.fail(tr("\"%1\" is neither auto nor a number from 1 to %2: --threads takes how many threads the "
                           "handshakes are spread over.")
                            .arg(parser.value(QStringLiteral("threads")), QString::number(ProbeOptions::MaxThreads)));
    const auto proxy = ProbeOptions::parseProxy(parser.value(QStringLiteral("proxy")), &error);
    if (!proxy)
        return app.fail(QStringLiteral("--proxy: ") + error);
    options.proxy = *proxy;
    // A PAC file that cannot be read, fetched or compiled is bad input, before anything is tested.
    if (!ProbeOptions::loadPac(&options.proxy, &error))
        return app.fail(QStringLiteral("--proxy: ") + error);
    // --proxy system on Linux: a desktop's PAC URL, which Qt does not see (the environment wins).
    if (options.proxy.mode == ProxySetting::Mode::System)
        options.proxy.useDesktop(DesktopProxy::read());
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

    // The demo network and real runs are never compared with each other.
    const bool demoRun = parser.isSet(QStringLiteral("demo"));
    if (baseline && baseline->demo != demoRun)
        return app.fail(QStringLiteral("--baseline: ")
                        + (baseline->demo ? tr("%1 is a report of the demo network: a real run is not compared with "
                                               "simulated results.")
                                          : tr("%1 is a report of a real network: a demo run is not compared with "
                                               "it."))
                              .arg(QDir::toNativeSeparators(baseline->origin)));

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
    DemoNetwork demo;
    ProbeCatalog probeCatalog = run.set.catalog.probe;
    if (demoRun) {
        if (!demo.start(targets, &error))
            return app.fail(error);
        options = demo.options(options);
        probeCatalog = DemoNetwork::catalog(probeCatalog);
    }
    run.options = options;
    run.baseline = baseline;
    if (baseline) {
        // Compared never silently against another scenario: the rows' changes would be the scenario's.
        const QStringList differences = baseline->scenarioDifferences(run.set);
        if (!differences.isEmpty())
            app.err() << QStringLiteral("amlfw: ")
                      << tr("warning: the baseline %1 tested another scenario (%2): changes may come from that, not "
                            "from the firewall.")
                             .arg(QDir::toNativeSeparators(parser.value(QStringLiteral("baseline"))),
                                  differences.join(QStringLiteral("; ")))
                      << Qt::endl;
    }

    // Live rows go to standard output unless the report itself does.
    const bool reportToStdout = output.isEmpty() || output == u"-";
    const bool liveOnStdout = format == u"table" || !reportToStdout;
    const bool terminal = liveOnStdout ? CliApp::isTerminal() : CliApp::isErrorTerminal();
    QTextStream &liveStream = liveOnStdout ? app.out() : app.err();

    ProbeEngine engine;
    engine.setOptions(options);
    if (demoRun)
        engine.setResolver(demo.resolver());
    ProbeResultModel model;
    model.setEngine(&engine);
    CheckLiveView view(liveStream, terminal, terminal ? CliApp::terminalWidth() : 0, run, targets);
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
    if (liveOnStdout && demoRun)
        liveStream << ProbeTexts::demoBanner() << QStringLiteral("\n\n");
    if (liveOnStdout)
        view.printHeader();
    engine.start(targets, probeCatalog);
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

    const QString summary = ProbeReport::summaryText(run);
    QByteArray report;
    if (format == u"json") {
        report = ProbeReport::json(run, app.language());
    } else if (format == u"csv") {
        report = ProbeReport::csv(run, !reportToStdout);
    } else if (format == u"html") {
        report = ProbeReport::html(run, app.language());
    } else if (format == u"pdf") {
        pdf.title = ProbeReport::title(run, app.language());
        pdf.footer = QStringLiteral("amlfw check — ") + run.vantage.hostName + QStringLiteral(" — ")
                     + run.vantage.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        report = ReportPdf::write(QString::fromUtf8(ProbeReport::html(run, app.language())), pdf);
    } else if (!reportToStdout) {
        CheckLiveView fileView(liveStream, false, 0, run, targets);
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
