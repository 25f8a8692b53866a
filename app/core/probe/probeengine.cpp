#include "probeengine.h"

#include "hostresolver.h"
#include "probelane.h"
#include "probeplanner.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace amlfw {

namespace {

// --proxy pac:... (or the desktop's PAC URL): the script read once for the run; each lane compiles
// its own copy (ProbeLane).
void preparePac(ProbeRunSetup *setup)
{
    ProxySetting &proxy = setup->options.proxy;
    if (proxy.mode == ProxySetting::Mode::System && !proxy.desktopPacUrl.isEmpty()) {
        // The desktop's PAC URL (ProxySetting::useDesktop) goes as --proxy pac:URL would; the
        // wizard fetches it beforehand (pacLocation and pacScript already set), the CLI here.
        proxy.mode = ProxySetting::Mode::Pac;
        if (proxy.pacLocation != proxy.desktopPacUrl) {
            proxy.pacLocation = proxy.desktopPacUrl;
            proxy.pacScript.clear();
        }
    }
    if (proxy.mode == ProxySetting::Mode::Pac && proxy.pacScript.isEmpty())
        ProbeOptions::loadPac(&proxy, &setup->pacError);
}

// Reading the system's store takes a good part of a second: once per process is enough.
const QList<QSslCertificate> &systemCaCertificates()
{
    static const QList<QSslCertificate> certificates = QSslConfiguration::systemCaCertificates();
    return certificates;
}

} // namespace

ProbeEngine::ProbeEngine(QObject *parent)
    : QObject(parent)
{
}

ProbeEngine::~ProbeEngine()
{
    // Before QObject's destructor: no lane may deliver to the engine once it is being taken apart.
    m_lanes.clear();
    m_inline.reset();
}

void ProbeEngine::setResolver(HostResolver *resolver)
{
    m_resolver = resolver;
}

void ProbeEngine::setOptions(const ProbeOptions &options)
{
    m_options = options;
    if (m_options.concurrency != ProbeOptions::AutomaticConcurrency)
        m_options.concurrency = std::clamp(m_options.concurrency, 1, ProbeOptions::MaxConcurrency);
}

bool ProbeEngine::start(const RuleSet &set, Problems *problems)
{
    if (m_running)
        return false;
    Problems local;
    Problems &out = problems ? *problems : local;
    const QList<ProbeTarget> targets = ProbePlanner::plan(set, m_options, &out);
    if (hasErrors(out))
        return false;
    return start(targets, set.catalog.probe);
}

bool ProbeEngine::start(const QList<ProbeTarget> &targets, const ProbeCatalog &probe)
{
    if (m_running)
        return false;
    m_targets = targets;
    m_probe = probe;
    m_results.clear();
    QList<int> rows;
    for (int row = 0; row < m_targets.size(); ++row) {
        ProbeResult r;
        r.target = m_targets.at(row);
        r.status = r.target.isTestable() ? ProbeStatus::Pending : ProbeStatus::NotTestable;
        m_results << r;
        rows << row;
    }
    m_startedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT started();
    begin(rows);
    return true;
}

bool ProbeEngine::rerunFailed()
{
    QList<int> rows;
    for (int row = 0; row < m_results.size(); ++row) {
        if (isFailure(m_results.at(row).status))
            rows << row;
    }
    return rerun(rows);
}

bool ProbeEngine::rerun(const QList<int> &rows)
{
    if (m_running)
        return false;
    QList<int> selected;
    for (int row : rows) {
        if (row < 0 || row >= m_results.size() || !m_targets.at(row).isTestable() || selected.contains(row))
            continue;
        ProbeResult r;
        r.target = m_targets.at(row);
        m_results[row] = r; // Pending
        selected << row;
    }
    for (int row : std::as_const(selected))
        Q_EMIT resultChanged(row);
    begin(selected);
    return true;
}

void ProbeEngine::begin(const QList<int> &rows)
{
    // A new setup per run: jobs of an earlier run (cancelled, not yet deleted) keep their context,
    // and a new run asks DNS again, since the answers may be what was fixed.
    auto setup = std::make_shared<ProbeRunSetup>();
    setup->options = m_options;
    setup->probe = m_probe;
    setup->resolver = m_resolver;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!m_options.extraCaCertificates.isEmpty())
        ssl.setCaCertificates(systemCaCertificates() + m_options.extraCaCertificates);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    setup->ssl = ssl;
    preparePac(setup.get());
    m_setup = std::move(setup);
    m_laneOfHost.clear();
    m_nextLane = 0;

    m_queue.clear();
    m_rowsByKey.clear();
    m_done = 0;
    m_total = 0;
    m_peak = 0;
    for (int row : rows) {
        const ProbeTarget &t = m_targets.at(row);
        if (!t.isTestable())
            continue;
        const QString key = t.probeKey();
        if (!m_rowsByKey.contains(key))
            m_queue << key;
        m_rowsByKey[key] << row;
        ++m_total;
    }
    m_limit = m_options.effectiveConcurrency(int(m_queue.size()));
    // Lanes share the resolver: one that is not thread-safe keeps the run on this thread.
    m_threads = m_resolver && !m_resolver->isThreadSafe() ? 1 : m_options.effectiveThreads(int(m_queue.size()));
    m_threads = std::min(m_threads, m_limit);
    m_running = true;
    if (m_queue.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            if (m_running && m_jobs.isEmpty() && m_queue.isEmpty())
                finishRun();
        });
        return;
    }
    pump();
}

void ProbeEngine::pump()
{
    while (m_running && m_jobs.size() < m_limit && !m_queue.isEmpty()) {
        const QString key = m_queue.takeFirst();
        const QList<int> rows = m_rowsByKey.value(key);
        // One probe for all rows: the target whose stages cover the others' (HTTP when any asks).
        int widest = rows.constFirst();
        for (int row : rows) {
            if (!m_targets.at(widest).coversStagesOf(m_targets.at(row)))
                widest = row;
        }
        const quint64 id = ++m_nextJob;
        m_jobs.insert(id, key);
        m_peak = std::max(m_peak, int(m_jobs.size()));
        laneFor(m_targets.at(widest).host)->start(id, m_targets.at(widest), m_setup);
        // All rows first, then the signals: a slot may cancel(), which must find them all running.
        for (int row : rows)
            m_results[row].status = ProbeStatus::Running;
        for (int row : rows)
            Q_EMIT resultChanged(row);
    }
}

ProbeLane *ProbeEngine::laneFor(const QString &host)
{
    const auto deliver = [this](quint64 id, const ProbeResult &result) { jobFinished(id, result); };
    if (m_threads <= 1) {
        if (!m_inline)
            m_inline = std::make_unique<ProbeLane>(false, this, deliver);
        return m_inline.get();
    }
    // Hosts in turn, in the order they come: endpoints of one host share the lane's DNS cache.
    const QString name = host.toLower();
    if (ProbeLane *lane = m_laneOfHost.value(name))
        return lane;
    const int index = m_nextLane++ % m_threads;
    while (int(m_lanes.size()) <= index)
        m_lanes.push_back(std::make_unique<ProbeLane>(true, this, deliver));
    ProbeLane *lane = m_lanes.at(index).get();
    m_laneOfHost.insert(name, lane);
    return lane;
}

void ProbeEngine::jobFinished(quint64 id, const ProbeResult &base)
{
    const QString key = m_jobs.take(id);
    if (key.isEmpty() || !m_running)
        return; // a job of a cancelled run, delivered late
    // Every row of the job gets its verdict before any slot runs: a slot may cancel(), and
    // finished() must then find no row of this job still running.
    const QList<int> rows = m_rowsByKey.value(key);
    for (int row : rows)
        m_results[row] = ProbeResult::forTarget(base, m_targets.at(row));
    const int doneBefore = m_done;
    m_done += int(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        Q_EMIT resultChanged(rows.at(i)); // after a cancel() too: the row did change
        if (m_running)
            Q_EMIT progress(doneBefore + int(i) + 1, m_total);
    }
    if (!m_running)
        return; // cancelled from a slot
    pump();
    if (m_running && m_jobs.isEmpty() && m_queue.isEmpty())
        finishRun();
}

void ProbeEngine::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    // What the stages found so far, from every lane (a threaded lane answers at once: it never
    // waits for this thread).
    QHash<quint64, ProbeResult> found;
    if (m_inline)
        found.insert(m_inline->abortAll());
    for (const auto &lane : m_lanes)
        found.insert(lane->abortAll());
    QList<int> changed;
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it) {
        const QList<int> rows = m_rowsByKey.value(it.value());
        const ProbeResult base = found.value(it.key(), m_results.at(rows.constFirst()));
        for (int row : rows) {
            ProbeResult r = ProbeResult::forTarget(base, m_targets.at(row));
            r.status = ProbeStatus::Cancelled;
            m_results[row] = r;
            changed << row;
        }
    }
    m_jobs.clear();
    for (const QString &key : std::as_const(m_queue)) {
        for (int row : m_rowsByKey.value(key)) {
            m_results[row].status = ProbeStatus::Cancelled;
            changed << row;
        }
    }
    m_queue.clear();
    m_finishedAt = QDateTime::currentDateTimeUtc();
    for (int row : std::as_const(changed))
        Q_EMIT resultChanged(row);
    Q_EMIT finished();
}

void ProbeEngine::finishRun()
{
    m_running = false;
    m_finishedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT finished();
}

} // namespace amlfw
