#pragma once

#include "proberun.h"

#include <QCoreApplication>

namespace amlfw {

// The end of a live test on a terminal: counts, changes against the baseline, and what to ask
// for. amlfw's own words only, in the current translator's language.
class ProbeSummaryText
{
    // Shares the report's translation context with the other report writers.
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbeReport)

public:
    static QString write(const ProbeRun &run);
};

} // namespace amlfw
