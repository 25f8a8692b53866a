#pragma once

#include "probecatalog.h"
#include "probeoptions.h"
#include "proberesult.h"

#include <QHash>
#include <QSslConfiguration>
#include <functional>
#include <memory>

class QObject;
class QThread;

namespace amlfw {

class HostResolver;

// What a run's jobs share, made once on the engine's thread. Each lane makes its own ProbeContext
// from it (the DNS cache and the PAC script engine belong to one thread).
struct ProbeRunSetup
{
    ProbeOptions options;             // a PAC script already read (proxy.pacScript), or pacError
    ProbeCatalog probe;
    QSslConfiguration ssl;
    HostResolver *resolver = nullptr; // injected (not owned); nullptr: the system's
    QString pacError;
};

// Where the jobs of a run are carried out: on the engine's own thread (inline), or on a thread of
// the lane's own. The engine sends all endpoints of one host to one lane, so the lane's DNS cache
// still asks once per host and run.
//
// Jobs are named by ids the engine gives; `finished` is called on `receiver`'s thread, with a copy
// of the job's result, and never after the lane is destroyed.
class ProbeLane
{
public:
    using Finished = std::function<void(quint64 id, const ProbeResult &result)>;

    ProbeLane(bool threaded, QObject *receiver, Finished finished);
    ~ProbeLane(); // stops its jobs (no `finished`), deletes them in their thread, ends the thread
    ProbeLane(const ProbeLane &) = delete;
    ProbeLane &operator=(const ProbeLane &) = delete;

    bool isThreaded() const { return m_thread != nullptr; }
    void start(quint64 id, const ProbeTarget &target, const std::shared_ptr<const ProbeRunSetup> &setup);
    // Stops every job of the lane at once and returns what each found so far, together with the
    // results of jobs that finished but whose `finished` has not been delivered yet.
    QHash<quint64, ProbeResult> abortAll();

private:
    class Host;

    QThread *m_thread = nullptr;
    Host *m_host = nullptr;
};

} // namespace amlfw
