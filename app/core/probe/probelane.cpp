#include "probelane.h"

#include "dnscache.h"
#include "hostresolver.h"
#include "pacloader.h"
#include "probejob.h"

#include <QMetaObject>
#include <QThread>

namespace amlfw {

namespace {

// The lane's context for a run, made on the lane's thread. PAC: one script engine per lane, its
// DNS helpers answering from --resolve pins first; with an injected resolver (tests) other names
// do not resolve, never through the system.
std::shared_ptr<ProbeContext> makeContext(const ProbeRunSetup &setup)
{
    auto context = std::make_shared<ProbeContext>();
    context->options = setup.options;
    context->probe = setup.probe;
    context->ssl = setup.ssl;
    context->pacError = setup.pacError;
    if (!setup.resolver)
        context->ownResolver = std::make_unique<SystemHostResolver>();
    context->dns = std::make_unique<DnsCache>(setup.resolver ? setup.resolver : context->ownResolver.get());

    const ProxySetting &proxy = setup.options.proxy;
    if (proxy.mode != ProxySetting::Mode::Pac || !setup.pacError.isEmpty())
        return context;
    PacEnvironment env = PacEnvironment::system(setup.options.timeouts.dnsMs);
    const QList<ResolveRule> pins = setup.options.resolve;
    const bool injected = setup.resolver != nullptr;
    env.lookup = [pins, injected, system = env.lookup](const QString &host) {
        for (const ResolveRule &r : pins) {
            if (r.host == u"*" || r.host.compare(host, Qt::CaseInsensitive) == 0)
                return r.addresses;
        }
        return injected ? QList<QHostAddress>() : system(host);
    };
    auto engine = std::make_shared<PacEngine>(std::move(env));
    if (engine->load(proxy.pacScript, PacLoader::displayName(proxy.pacLocation), &context->pacError))
        context->pac = std::move(engine);
    return context;
}

} // namespace

// Lives in the lane's thread; every member is touched there only.
class ProbeLane::Host : public QObject
{
public:
    Host(QObject *receiver, Finished finished)
        : m_receiver(receiver)
        , m_finished(std::move(finished))
    {
    }

    void start(quint64 id, const ProbeTarget &target, const std::shared_ptr<const ProbeRunSetup> &setup)
    {
        if (setup != m_setup) {
            // A new run: a new context (DNS is asked again), and the last run's results are gone.
            m_setup = setup;
            m_context = makeContext(*setup);
            m_done.clear();
        }
        auto *job = new ProbeJob(target, m_context, this);
        m_jobs.insert(id, job);
        QObject::connect(job, &ProbeJob::finished, this, [this, id, job] { jobFinished(id, job); });
        job->start();
    }

    QHash<quint64, ProbeResult> abortAll()
    {
        QHash<quint64, ProbeResult> results = std::exchange(m_done, {});
        for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it) {
            it.value()->abort();
            results.insert(it.key(), it.value()->result());
            it.value()->deleteLater();
        }
        m_jobs.clear();
        return results;
    }

    void shutDown()
    {
        abortAll();
        qDeleteAll(findChildren<ProbeJob *>(Qt::FindDirectChildrenOnly));
        m_context.reset(); // the DNS cache and the PAC engine go in their own thread
        m_setup.reset();
    }

private:
    void jobFinished(quint64 id, ProbeJob *job)
    {
        if (m_jobs.value(id) != job)
            return;
        m_jobs.remove(id);
        const ProbeResult result = job->result();
        m_done.insert(id, result);
        job->deleteLater();
        // Direct on the inline lane (this is already a queued call), queued to the engine otherwise.
        QMetaObject::invokeMethod(
            m_receiver, [finished = m_finished, id, result] { finished(id, result); }, Qt::AutoConnection);
    }

    QObject *m_receiver;
    Finished m_finished;
    std::shared_ptr<const ProbeRunSetup> m_setup;
    std::shared_ptr<const ProbeContext> m_context;
    QHash<quint64, ProbeJob *> m_jobs;
    QHash<quint64, ProbeResult> m_done; // finished in this run, as abortAll() may still ask
};

ProbeLane::ProbeLane(bool threaded, QObject *receiver, Finished finished)
    : m_host(new Host(receiver, std::move(finished)))
{
    if (!threaded)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("amlfw probe lane"));
    m_host->moveToThread(m_thread);
    m_thread->start();
}

ProbeLane::~ProbeLane()
{
    if (!m_thread) {
        m_host->shutDown();
        delete m_host;
        return;
    }
    Host *host = m_host;
    QMetaObject::invokeMethod(host, [host] { host->shutDown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_host; // its thread has ended: nothing runs in it any more
    delete m_thread;
}

void ProbeLane::start(quint64 id, const ProbeTarget &target, const std::shared_ptr<const ProbeRunSetup> &setup)
{
    if (!m_thread) {
        m_host->start(id, target, setup);
        return;
    }
    Host *host = m_host;
    QMetaObject::invokeMethod(host, [host, id, target, setup] { host->start(id, target, setup); }, Qt::QueuedConnection);
}

QHash<quint64, ProbeResult> ProbeLane::abortAll()
{
    if (!m_thread)
        return m_host->abortAll();
    QHash<quint64, ProbeResult> results;
    Host *host = m_host;
    QMetaObject::invokeMethod(host, [host, &results] { results = host->abortAll(); }, Qt::BlockingQueuedConnection);
    return results;
}

} // namespace amlfw
