#include "probesummarytext.h"

#include "probeadvice.h"
#include "probetexts.h"

namespace amlfw {

// Each message gets its arguments in one arg() call: a host name or a path may hold "%1" itself.
QString ProbeSummaryText::write(const ProbeRun &run)
{
    const ProbeSummary s = run.summary();
    const QList<ProbeEndpoint> endpoints = run.endpoints();
    QString text;
    if (run.demo())
        text += ProbeTexts::demoBanner() + u'\n';
    const qint64 duration
        = run.vantage.startedAt.isValid() ? run.vantage.startedAt.msecsTo(run.vantage.finishedAt) : -1;
    // Distinct endpoints: one probe each, however many rules point at it.
    text += tr("Tested %n distinct endpoint(s) from %1 in %2: %3 reachable, %4 failed.", nullptr, s.distinctEndpoints)
                .arg(run.vantage.hostName, ProbeTexts::duration(duration), QString::number(s.distinctOk),
                     QString::number(s.distinctFailed))
            + u'\n';
    text += tr("They stand for %n rule row(s); %1 more not testable from here.", nullptr,
               s.tested)
                .arg(QString::number(s.notTestable))
            + u'\n';
    for (auto it = s.distinctByStatus.cbegin(); it != s.distinctByStatus.cend(); ++it) {
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
    const QList<ProbeAdviceGroup> groups = ProbeAdvice::group(run, endpoints);
    if (!groups.isEmpty()) {
        // One line per request, then every endpoint and rule it covers.
        text += u'\n' + tr("What to ask for:") + u'\n';
        for (qsizetype g = 0; g < groups.size(); ++g) {
            const ProbeAdviceGroup &group = groups.at(g);
            QStringList statuses;
            for (ProbeStatus status : group.statuses)
                statuses << probeStatusId(status);
            text += QStringLiteral("  ") + QString::number(g + 1) + QStringLiteral(". [") + statuses.join(u' ')
                    + QStringLiteral("] ") + group.text + u' '
                    + tr("(%n endpoint(s))", nullptr, int(group.endpoints.size())) + u'\n';
            for (const QString &label : ProbeAdvice::endpointLabels(run, endpoints, group))
                text += QStringLiteral("       ") + label + u'\n';
        }
    }
    return text;
}

} // namespace amlfw
