#pragma once

#include "probeoptions.h"
#include "proberesult.h"

#include <QCoreApplication>

namespace amlfw {

// Turns the rule set into endpoints to test: one per rule and port, with the concrete host that
// stands for a wildcard or a service tag, and the reason when nothing can be tested.
class ProbePlanner
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbePlanner)

public:
    // Samples that name no destination of the set, or do not fit their wildcard, are reported
    // in *problems (errors for a host outside its wildcard, warnings for unused samples).
    static QList<ProbeTarget> plan(const RuleSet &set, const ProbeOptions &options, Problems *problems = nullptr);

    // Destinations of the set that need a sample host from the user (for the GUI to ask).
    static QStringList destinationsWithoutHost(const RuleSet &set, const ProbeOptions &options);
};

} // namespace amlfw
