#pragma once

#include "proberun.h"

#include <QByteArray>
#include <QCoreApplication>
#include <optional>

namespace amlfw {

// Reads the JSON report of "amlfw check" (ProbeJsonReport) back into a run, to show it again: the
// scenario, the vantage point, the options, every result of results[] with its stages (path, TLS,
// HTTP, timings) and the baseline it was compared with. Members it does not know are ignored, so
// newer writers' additions (endpoints[], grouped advice) do not stop it. Texts (labels,
// explanations, details) are not read: they are made again from the values, in today's language.
class ProbeReportReader
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbeReportReader)

public:
    // nullopt, with a translated message naming `origin` in *error, when `json` is not such a report.
    static std::optional<ProbeRun> read(const QByteArray &json, const QString &origin, QString *error);
    static std::optional<ProbeRun> readFile(const QString &path, QString *error);
};

} // namespace amlfw
