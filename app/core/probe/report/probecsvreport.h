#pragma once

#include "proberun.h"

#include <QByteArray>
#include <QCoreApplication>

namespace amlfw {

// The CSV report of a live test, for a change ticket: one row per endpoint, and with a baseline
// the rows that are no longer tested. The texts are amlfw's own, in the current translator's language.
class ProbeCsvReport
{
    // Shares the report's translation context with the other report writers.
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbeReport)

public:
    // `byteOrderMark`: for a file Excel opens; not for a pipe.
    static QByteArray write(const ProbeRun &run, bool byteOrderMark);
};

} // namespace amlfw
