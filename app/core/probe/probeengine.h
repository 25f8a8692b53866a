#pragma once

#include "probecatalog.h"
#include "probeoptions.h"
#include "proberesult.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <memory>

namespace amlfw {

class HostResolver;
class ProbeJob;
struct ProbeContext;

// Tests the endpoints of a rule set live, from this machine: asynchronous on the caller's event
// loop (no thread per endpoint), at most `concurrency` endpoints at a time, results as they come.
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
    void jobFinished(ProbeJob *job);
    void finishRun();

    ProbeOptions m_options;
    HostResolver *m_resolver = nullptr;
    // The run's shared state (DNS cache, the system resolver it asks, TLS settings): each job
    // holds it too, so it outlives every job of its run, whenever the job is deleted.
    std::shared_ptr<const ProbeContext> m_context;
    ProbeCatalog m_probe;

    QList<ProbeTarget> m_targets;
    QList<ProbeResult> m_results;
    QStringList m_queue;                    // probe keys waiting, in row order
    QHash<QString, QList<int>> m_rowsByKey; // rows sharing one test
    QHash<ProbeJob *, QString> m_jobs;      // in flight
    bool m_running = false;
    int m_done = 0;
    int m_total = 0;
    int m_peak = 0;
    int m_limit = 1;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
};

} // namespace amlfw
