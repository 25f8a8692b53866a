#include "probesession.h"

#include "probeengine.h"
#include "probeplanner.h"
#include "proberesultmodel.h"
#include "rule.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcProbeSession, "amlfw.probe.session", QtWarningMsg)

namespace amlfw {

ProbeSession::ProbeSession(QObject *parent)
    : QObject(parent)
    , m_model(new ProbeResultModel(this))
{
    replaceEngine();
}

ProbeSession::~ProbeSession()
{
    // The model follows the engine: let it go first, without a last round of signals.
    if (m_engine)
        m_engine->disconnect();
    m_model->setEngine(nullptr);
}

void ProbeSession::replaceEngine()
{
    if (m_engine) {
        m_engine->disconnect(this);
        m_engine->cancel();
        // Later: this may run from within one of its signals. Parented, so that it goes with the
        // session at the latest.
        ProbeEngine *old = m_engine.release();
        old->setParent(this);
        old->deleteLater();
    }
    m_engine = std::make_unique<ProbeEngine>();
    m_model->setEngine(m_engine.get());
    connect(m_engine.get(), &ProbeEngine::resultChanged, this, &ProbeSession::resultChanged);
    connect(m_engine.get(), &ProbeEngine::finished, this, [this] {
        qCInfo(lcProbeSession) << "test finished:" << counts().ok << "ok," << counts().failed << "failed";
        Q_EMIT finished();
    });
}

QStringList ProbeSession::planSignature(const RuleSet &set, const ProbeOptions &options) const
{
    if (!set.isValid())
        return {};
    QStringList out;
    for (const ProbeTarget &t : ProbePlanner::plan(set, options))
        out << t.ruleId + u'|' + t.portSpec + u'|' + t.probeKey() + u'|' + notTestableReasonId(t.notTestable);
    return out;
}

bool ProbeSession::start(const RuleSet &set, const ProbeOptions &options, Problems *problems)
{
    if (isRunning() || !set.isValid())
        return false;
    Problems local;
    Problems &out = problems ? *problems : local;
    const QList<ProbeTarget> targets = ProbePlanner::plan(set, options, &out);
    if (hasErrors(out))
        return false;
    replaceEngine(); // a fresh engine: nothing of an earlier run or scenario is left in it
    m_engine->setResolver(m_resolver);
    m_engine->setOptions(options);
    m_runOptions = options;
    m_runSignature = planSignature(set, options);
    if (!m_engine->start(targets, set.catalog.probe)) {
        qCWarning(lcProbeSession) << "the engine did not start";
        return false;
    }
    Q_EMIT started();
    return true;
}

bool ProbeSession::retryFailed(const ProbeOptions &options)
{
    if (isRunning() || counts().failed == 0)
        return false;
    return rerun(options, [this] { return m_engine->rerunFailed(); });
}

bool ProbeSession::retest(const ProbeOptions &options, const QList<int> &rows)
{
    if (isRunning() || !hasResults())
        return false;
    const QList<ProbeResult> results = m_model->results();
    QSet<QString> keys;
    for (int row : rows) {
        if (row >= 0 && row < results.size() && results.at(row).target.isTestable())
            keys.insert(results.at(row).target.probeKey());
    }
    QList<int> all;
    for (int row = 0; row < results.size(); ++row) {
        if (results.at(row).target.isTestable() && keys.contains(results.at(row).target.probeKey()))
            all << row;
    }
    if (all.isEmpty())
        return false;
    return rerun(options, [this, all] { return m_engine->rerun(all); });
}

bool ProbeSession::rerun(const ProbeOptions &options, const std::function<bool()> &startEngine)
{
    m_engine->setResolver(m_resolver);
    m_engine->setOptions(options);
    m_runOptions = options;
    if (!startEngine())
        return false;
    Q_EMIT started();
    return true;
}

void ProbeSession::cancel()
{
    if (isRunning())
        m_engine->cancel();
}

void ProbeSession::clear()
{
    replaceEngine(); // cancels a running test; the model empties
    m_runSignature.clear();
    Q_EMIT cleared();
}

bool ProbeSession::isRunning() const
{
    return m_engine && m_engine->isRunning();
}

bool ProbeSession::hasResults() const
{
    return m_model->rowCount() > 0;
}

bool ProbeSession::resultsApplyTo(const RuleSet &set) const
{
    return !m_runSignature.isEmpty() && planSignature(set, m_runOptions) == m_runSignature;
}

ProbeSession::Counts ProbeSession::counts() const
{
    Counts c;
    for (const ProbeResult &r : m_model->results()) {
        ++c.total;
        if (r.status == ProbeStatus::NotTestable) {
            ++c.notTestable;
            continue;
        }
        ++c.testable;
        if (r.status == ProbeStatus::Running)
            ++c.running;
        else if (r.status == ProbeStatus::Pending)
            ++c.pending;
        if (!isFinal(r.status))
            continue;
        ++c.done;
        if (r.status == ProbeStatus::Ok)
            ++c.ok;
        if (isFailure(r.status))
            ++c.failed;
        if (r.status == ProbeStatus::Cancelled)
            ++c.cancelled;
    }
    return c;
}

QDateTime ProbeSession::startedAt() const
{
    return m_engine->startedAt();
}

ProbeRun ProbeSession::run(const RuleSet &set) const
{
    ProbeRun run;
    run.set = set;
    run.options = m_runOptions;
    run.results = m_engine->results();
    run.baseline = m_model->baseline();
    run.vantage = ProbeVantage::current(m_runOptions, run.results, m_engine->startedAt(), m_engine->finishedAt());
    return run;
}

} // namespace amlfw
