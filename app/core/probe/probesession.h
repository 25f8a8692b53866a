#pragma once

#include "probeoptions.h"
#include "proberun.h"

#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>

namespace amlfw {

class HostResolver;
class ProbeEngine;
class ProbeResultModel;
struct RuleSet;

// One live test as a front end holds it, without widgets: the engine (a fresh one per start, so that
// nothing of an earlier run or scenario is left), the rows as a table model, the options and plan of
// the last start, retry of the failed rows, and the run a report is written from.
class ProbeSession : public QObject
{
    Q_OBJECT

public:
    // What the rows say so far. done = ok + failed (cancelled and TLS inspection count as failed);
    // done + running + pending = testable; testable + notTestable = total.
    struct Counts
    {
        int total = 0;
        int testable = 0;
        int done = 0;
        int ok = 0;
        int failed = 0;
        int cancelled = 0;
        int notTestable = 0;
        int running = 0;
        int pending = 0;
    };

    explicit ProbeSession(QObject *parent = nullptr);
    ~ProbeSession() override;

    // The resolver the engine asks (not owned; nullptr: the system's).
    void setResolver(HostResolver *resolver) { m_resolver = resolver; }
    HostResolver *resolver() const { return m_resolver; }

    // Plans `set` with `options` and starts; false, with the reasons in *problems, when nothing started.
    bool start(const RuleSet &set, const ProbeOptions &options, Problems *problems = nullptr);
    // The failed and cancelled rows only, with `options` (after a fix the proxy may be what changed).
    bool retryFailed(const ProbeOptions &options);
    // Tests `rows` again (rows of the model), with every row that shares an endpoint with one of
    // them (one probe stands for all); the others keep their results. False when running, with no
    // results yet, or when none of the rows can be tested.
    bool retest(const ProbeOptions &options, const QList<int> &rows);
    void cancel();
    // Forgets the results (cancelling a run): for another scenario.
    void clear();

    bool isRunning() const;
    bool hasResults() const;
    Counts counts() const;
    // Whether the results are for the endpoints `set` plans now (a language switch, answers changed back).
    bool resultsApplyTo(const RuleSet &set) const;

    ProbeEngine *engine() const { return m_engine.get(); }
    ProbeResultModel *model() const { return m_model; }
    const ProbeOptions &runOptions() const { return m_runOptions; }
    QDateTime startedAt() const; // of the last start; invalid before
    // The last run, for a report: `set` is the scenario of the results, in the language of the moment.
    ProbeRun run(const RuleSet &set) const;

Q_SIGNALS:
    void started(); // a start or a retry
    void resultChanged(int row);
    void finished();
    void cleared();

private:
    void replaceEngine();
    // Another round on the same rows' engine (retryFailed, retest): the options, then `startEngine`.
    bool rerun(const ProbeOptions &options, const std::function<bool()> &startEngine);
    QStringList planSignature(const RuleSet &set, const ProbeOptions &options) const;

    HostResolver *m_resolver = nullptr;
    std::unique_ptr<ProbeEngine> m_engine;
    ProbeResultModel *m_model;
    ProbeOptions m_runOptions;  // of the last start or retry, for the report
    QStringList m_runSignature; // the endpoints of the last start: the scenario the results are for
};

} // namespace amlfw
