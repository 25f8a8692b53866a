#pragma once

#include "probecatalog.h"
#include "probeoptions.h"
#include "proberesult.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <memory>
#include <vector>

namespace amlfw {

class HostResolver;
class ProbeLane;
struct ProbeRunSetup;

// Tests the endpoints of a rule set live, from this machine: asynchronous, at most `concurrency`
// endpoints at a time, results as they come. The jobs run on the caller's thread, or — for larger
// runs, see ProbeOptions::effectiveThreads() — on a few lanes (threads of the engine's own, each
// with its own event loop, no thread per endpoint), all endpoints of one host on one lane. Signals
// and results() stay on the engine's thread either way.
//
//   engine.setOptions(options);
//   connect(&engine, &ProbeEngine::resultChanged, ...);   // row moved to Running or to its verdict
//   connect(&engine, &ProbeEngine::finished, ...);
//   engine.start(ruleSet);
//
// Rows are the planned targets (ProbePlanner), in order; rows with the same ProbeTarget::probeKey()
// (host, port, route, path) are tested once, by the probe that covers the stages of all, and each
// row gets the result up to its own last stage (ProbeResult::forTarget).
class ProbeEngine : public QObject
{
    Q_OBJECT

public:
    explicit ProbeEngine(QObject *parent = nullptr);
    ~ProbeEngine() override;

    void setResolver(HostResolver *resolver); // not owned, must outlive the engine; nullptr: the system's
    void setOptions(const ProbeOptions &options);
    const ProbeOptions &options() const { return m_options; }

    // Plans `set` with the options (problems: see ProbePlanner) and starts. False when running or
    // when the plan has errors.
    bool start(const RuleSet &set, Problems *problems = nullptr);
    bool start(const QList<ProbeTarget> &targets, const ProbeCatalog &probe);
    // Tests again the rows that failed or were cancelled, keeping the others.
    bool rerunFailed();
    bool rerun(const QList<int> &rows);
    // Stops at once: rows not finished become Cancelled; finished() follows.
    void cancel();

    bool isRunning() const { return m_running; }
    const QList<ProbeResult> &results() const { return m_results; }
    int finishedCount() const { return m_done; }
    int peakConcurrency() const { return m_peak; } // most endpoints in flight at once in the last run
    int concurrencyLimit() const { return m_limit; } // the last run's limit (the automatic one resolved)
    int threadCount() const { return m_threads; }     // the last run's lanes (1: the engine's thread)
    QDateTime startedAt() const { return m_startedAt; }
    QDateTime finishedAt() const { return m_finishedAt; }

Q_SIGNALS:
    void started();              // results() holds every row: Pending, or NotTestable
    void resultChanged(int row); // a row became Running, or got its verdict
    void progress(int finished, int total);
    void finished();

private:
    void begin(const QList<int> &rows);
    void pump();
    ProbeLane *laneFor(const QString &host);
    void jobFinished(quint64 id, const ProbeResult &result);
    void finishRun();

    ProbeOptions m_options;
    HostResolver *m_resolver = nullptr;
    // What the run's jobs share (options, TLS settings, the PAC script): each lane makes its
    // context (DNS cache, PAC engine) from it, and jobs hold that, so it outlives every job.
    std::shared_ptr<const ProbeRunSetup> m_setup;
    ProbeCatalog m_probe;
    std::unique_ptr<ProbeLane> m_inline;             // the engine's own thread
    std::vector<std::unique_ptr<ProbeLane>> m_lanes; // threads, made when a run first needs them
    QHash<QString, ProbeLane *> m_laneOfHost;        // this run's
    int m_nextLane = 0;
    int m_threads = 1;
    quint64 m_nextJob = 0;

    QList<ProbeTarget> m_targets;
    QList<ProbeResult> m_results;
    QStringList m_queue;                    // probe keys waiting, in row order
    QHash<QString, QList<int>> m_rowsByKey; // rows sharing one test
    QHash<quint64, QString> m_jobs;         // in flight: job id -> probe key
    bool m_running = false;
    int m_done = 0;
    int m_total = 0;
    int m_peak = 0;
    int m_limit = 1;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
};

} // namespace amlfw
