#include "checkliveview.h"

#include "checkcommand.h"
#include "probetexts.h"
#include "texttable.h"

#include <QHash>
#include <algorithm>

namespace amlfw {

namespace {

QString endpoint(const ProbeTarget &t)
{
    return t.host.isEmpty() ? t.destination : t.host + u':' + ProbeTexts::ports(t);
}

QString colored(ProbeStatus status, const QString &text)
{
    const char *code = status == ProbeStatus::Ok             ? "32"
                       : status == ProbeStatus::NotTestable  ? "90"
                       : status == ProbeStatus::TlsInspected ? "33"
                       : status == ProbeStatus::Cancelled    ? "33"
                       : isFailure(status)                   ? "31"
                                                             : "0";
    return QStringLiteral("\x1b[") + QLatin1String(code) + u'm' + text + QStringLiteral("\x1b[0m");
}

} // namespace

CheckLiveView::CheckLiveView(QTextStream &out, bool terminal, int width, const ProbeRun &run,
                             const QList<ProbeTarget> &targets)
    : m_out(out)
    , m_terminal(terminal)
    , m_width(width)
    , m_run(run)
{
    m_color = terminal && qEnvironmentVariableIsEmpty("NO_COLOR");
    for (const ProbeTarget &t : targets) {
        m_ruleWidth = std::max(m_ruleWidth, TextTable::displayWidth(t.ruleId));
        m_endpointWidth = std::max(m_endpointWidth, TextTable::displayWidth(endpoint(t)));
    }
    m_ruleWidth = std::min(m_ruleWidth, 28);
    // Rows of one endpoint share one probe and finish together: the later ones say so.
    QHash<QString, int> firstByKey;
    for (int row = 0; row < targets.size(); ++row) {
        const ProbeTarget &t = targets.at(row);
        m_firstOfEndpoint << (t.isTestable() ? *firstByKey.insert(t.probeKey(), firstByKey.value(t.probeKey(), row))
                                             : row);
    }
    m_endpointWidth = std::min(m_endpointWidth, 48);
}

QString CheckLiveView::header() const
{
    return TextTable::pad(CheckCommand::tr("STATUS"), StatusWidth) + QStringLiteral("  ")
           + TextTable::pad(CheckCommand::tr("TIME"), TimeWidth) + QStringLiteral("  ")
           + TextTable::pad(CheckCommand::tr("RULE"), m_ruleWidth) + QStringLiteral("  ")
           + TextTable::pad(CheckCommand::tr("ENDPOINT"), m_endpointWidth) + QStringLiteral("  ")
           + CheckCommand::tr("RESULT");
}

QString CheckLiveView::row(int index, bool color) const
{
    const ProbeResult &r = m_run.results.at(index);
    QString info;
    if (r.status == ProbeStatus::Ok)
        info = ProbeTexts::addresses(r);
    else if (r.status == ProbeStatus::NotTestable || r.status == ProbeStatus::Cancelled)
        info = ProbeTexts::explanation(r);
    else
        info = ProbeTexts::statusLabel(r.status) + QStringLiteral(": ") + ProbeTexts::detail(r);
    if (const int first = m_firstOfEndpoint.value(index, index); first != index && isFinal(r.status)
        && r.status != ProbeStatus::NotTestable && first < m_run.results.size())
        info = CheckCommand::tr("(same endpoint as rule %1) ").arg(m_run.results.at(first).target.ruleId) + info;
    if (m_run.baseline) {
        const ProbeChange change = m_run.change(index);
        if (change != ProbeChange::Unchanged)
            info = u'[' + ProbeTexts::changeLabel(change) + QStringLiteral("] ") + info;
    }
    const QString status = TextTable::pad(probeStatusId(r.status), StatusWidth);
    QString line = QStringLiteral("  ") + TextTable::pad(ProbeTexts::duration(r.timings.totalMs), TimeWidth)
                   + QStringLiteral("  ") + TextTable::pad(TextTable::elide(r.target.ruleId, m_ruleWidth), m_ruleWidth)
                   + QStringLiteral("  ")
                   + TextTable::pad(TextTable::elide(endpoint(r.target), m_endpointWidth), m_endpointWidth)
                   + QStringLiteral("  ") + info;
    if (m_width > 0)
        line = TextTable::elide(line, m_width - StatusWidth);
    return (color ? colored(r.status, status) : status) + line;
}

void CheckLiveView::printHeader()
{
    m_out << header() << u'\n';
    m_out.flush();
}

void CheckLiveView::printRow(int index)
{
    clearProgress();
    m_out << row(index, m_color) << u'\n';
    m_out.flush();
}

void CheckLiveView::progress(int done, int total, int failed, int running)
{
    if (!m_terminal)
        return;
    clearProgress();
    m_out << CheckCommand::tr("Testing: %1 of %2 done, %3 failed, %4 in progress (Ctrl+C stops)")
                 .arg(QString::number(done), QString::number(total), QString::number(failed), QString::number(running));
    m_out.flush();
    m_progressShown = true;
}

void CheckLiveView::clearProgress()
{
    if (!m_progressShown)
        return;
    m_out << QStringLiteral("\r\x1b[K");
    m_progressShown = false;
}

} // namespace amlfw
