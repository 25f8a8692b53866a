#pragma once

#include "proberesult.h"
#include "proberun.h"

#include <QCoreApplication>

namespace amlfw {

// The details pane of the live-test page as HTML: what was found for one endpoint, stage by stage
// (addresses and their scope, CNAMEs, path, TCP attempts, TLS chain, HTTP answer, timings), what it
// means and what to ask the firewall team for. Words from ProbeTexts, in the current language.
class LiveTestDetails
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::LiveTestDetails)

public:
    // `baselineStatus`: the row's status id in the earlier run ("" when not in it); `change` None
    // without a baseline.
    static QString resultHtml(const ProbeResult &result, ProbeChange change, const QString &baselineStatus);
    // What the pane says when no row is selected.
    static QString placeholderHtml(bool hasResults);
    // "What to ask for" of a finished run, grouped by request (ProbeAdvice, as the reports say it):
    // shown while no row is selected. Empty when there is nothing to ask for.
    static QString askForHtml(const ProbeRun &run);
};

} // namespace amlfw
