#include "probesummarytext.h"

#include "probetexts.h"

namespace amlfw {

// Each message gets its arguments in one arg() call: a host name or a path may hold "%1" itself.
QString ProbeSummaryText::write(const ProbeRun &run)
{
    const ProbeSummary s = run.summary();
    QString text;
    if (run.demo())
        text += ProbeTexts::demoBanner() + u'\n';
    const qint64 duration
        = run.vantage.startedAt.isValid() ? run.vantage.startedAt.msecsTo(run.vantage.finishedAt) : -1;
    text += tr("Tested %1 of %n endpoint(s) from %2 in %3: %4 reachable, %5 failed, %6 not testable from here.",
               nullptr, s.endpoints)
                .arg(QString::number(s.tested), run.vantage.hostName, ProbeTexts::duration(duration),
                     QString::number(s.ok), QString::number(s.failed), QString::number(s.notTestable))
            + u'\n';
    for (auto it = s.byStatus.cbegin(); it != s.byStatus.cend(); ++it) {
        if (it.key() == ProbeStatus::Ok || it.key() == ProbeStatus::NotTestable)
            continue;
        text += QStringLiteral("  ") + probeStatusId(it.key()).leftJustified(20)
                + QString::number(it.value()).rightJustified(3) + QStringLiteral("  ")
                + ProbeTexts::statusLabel(it.key()) + u'\n';
    }
    if (run.baseline) {
        text += tr("Compared with %1 (%2): %3 fixed, %4 now failing, %5 changed, %6 new, %7 no longer tested.")
                    .arg(run.baseline->origin, run.baseline->startedAt.toLocalTime().toString(Qt::ISODate),
                         QString::number(s.byChange.value(ProbeChange::Fixed)),
                         QString::number(s.byChange.value(ProbeChange::Broken)),
                         QString::number(s.byChange.value(ProbeChange::Changed)),
                         QString::number(s.byChange.value(ProbeChange::New)), QString::number(s.removed))
                + u'\n';
    }
    QStringList asks;
    for (const ProbeResult &r : run.results) {
        if (!isFailure(r.status))
            continue;
        const QString line = QStringLiteral("  - ") + r.target.host + u':' + ProbeTexts::ports(r.target) + u' '
                             + probeStatusId(r.status) + QStringLiteral(": ") + ProbeTexts::action(r);
        if (!asks.contains(line))
            asks << line;
    }
    if (!asks.isEmpty())
        text += u'\n' + tr("What to ask for:") + u'\n' + asks.join(u'\n') + u'\n';
    return text;
}

} // namespace amlfw
