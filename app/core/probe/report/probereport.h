#pragma once

#include "proberun.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

namespace amlfw {

// The evidence of a live test, as files: JSON (for tools and as the next run's baseline), CSV
// (for the change ticket) and a self-contained HTML page (for people). Catalog texts in
// `language`; amlfw's own words in the current translator's language (applyLanguage()).
class ProbeReport
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbeReport)

public:
    static constexpr int FormatVersion = 1;

    static QJsonObject resultToJson(const ProbeResult &result);
    static QJsonObject toJson(const ProbeRun &run, Language language);
    static QByteArray json(const ProbeRun &run, Language language);
    static QByteArray csv(const ProbeRun &run, Language language, bool byteOrderMark);
    static QByteArray html(const ProbeRun &run, Language language);
    // For a terminal: counts, changes against the baseline, and what to ask for.
    static QString summaryText(const ProbeRun &run, Language language);

};

} // namespace amlfw
