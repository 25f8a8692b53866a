#include "probeengine.h"

#include "dnscache.h"
#include "hostresolver.h"
#include "probejob.h"
#include "pacloader.h"
#include "probeplanner.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace amlfw {

namespace {

// --proxy pac:...: one script engine for the run, its DNS helpers answering from --resolve pins
// first; with an injected resolver (tests) other names do not resolve, never through the system.
void preparePac(ProbeContext *context, bool injectedResolver)
{
    ProxySetting &proxy = context->options.proxy;
    if (proxy.mode == ProxySetting::Mode::System && !proxy.desktopPacUrl.isEmpty()) {
        // The desktop's PAC URL (ProxySetting::useDesktop) goes as --proxy pac:URL would.
        proxy.mode = ProxySetting::Mode::Pac;
        proxy.pacLocation = proxy.desktopPacUrl;
        proxy.pacScript.clear();
    }
    if (proxy.mode != ProxySetting::Mode::Pac)
        return;
    if (proxy.pacScript.isEmpty() && !ProbeOptions::loadPac(&proxy, &context->pacError))
        return;
    PacEnvironment env = PacEnvironment::system(context->options.timeouts.dnsMs);
    const QList<ResolveRule> pins = context->options.resolve;
    env.lookup = [pins, injectedResolver, system = env.lookup](const QString &host) {
        for (const ResolveRule &r : pins) {
            if (r.host == u"*" || r.host.compare(host, Qt::CaseInsensitive) == 0)
                return r.addresses;
        }
        return injectedResolver ? QList<QHostAddress>() : system(host);
    };
    auto engine = std::make_shared<PacEngine>(std::move(env));
    if (!engine->load(proxy.pacScript, PacLoader::displayName(proxy.pacLocation), &context->pacError))
        return;
    context->pac = std::move(engine);
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
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it)
        it.key()->abort();
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
    // A new context per run: jobs of an earlier run (cancelled, not yet deleted) keep theirs, and a
    // new run asks DNS again, since the answers may be what was fixed.
    auto context = std::make_shared<ProbeContext>();
    context->options = m_options;
    context->probe = m_probe;
    if (!m_resolver)
        context->ownResolver = std::make_unique<SystemHostResolver>();
    context->dns = std::make_unique<DnsCache>(m_resolver ? m_resolver : context->ownResolver.get());
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!m_options.extraCaCertificates.isEmpty())
        ssl.setCaCertificates(systemCaCertificates() + m_options.extraCaCertificates);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    context->ssl = ssl;
    preparePac(context.get(), m_resolver != nullptr);
    m_context = std::move(context);

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
        auto *job = new ProbeJob(m_targets.at(widest), m_context, this);
        m_jobs.insert(job, key);
        connect(job, &ProbeJob::finished, this, [this, job] { jobFinished(job); });
        m_peak = std::max(m_peak, int(m_jobs.size()));
        job->start();
        // All rows first, then the signals: a slot may cancel(), which must find them all running.
        for (int row : rows)
            m_results[row].status = ProbeStatus::Running;
        for (int row : rows)
            Q_EMIT resultChanged(row);
    }
}

void ProbeEngine::jobFinished(ProbeJob *job)
{
    const QString key = m_jobs.take(job);
    job->deleteLater();
    if (key.isEmpty() || !m_running)
        return;
    // Every row of the job gets its verdict before any slot runs: a slot may cancel(), and
    // finished() must then find no row of this job still running.
    const QList<int> rows = m_rowsByKey.value(key);
    const ProbeResult base = job->result();
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
    QList<int> changed;
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it) {
        ProbeJob *job = it.key();
        job->abort();
        const ProbeResult base = job->result(); // what the stages found so far
        for (int row : m_rowsByKey.value(it.value())) {
            ProbeResult r = ProbeResult::forTarget(base, m_targets.at(row));
            r.status = ProbeStatus::Cancelled;
            m_results[row] = r;
            changed << row;
        }
        job->deleteLater();
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
