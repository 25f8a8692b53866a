#pragma once

#include "proberun.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

namespace amlfw {

// The JSON report of a live test: for tools, and as the next run's baseline (ProbeBaseline reads
// it back). Catalog texts in `language`; amlfw's own words in the current translator's language.
class ProbeJsonReport
{
    // Shares the report's translation context with the other report writers.
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbeReport)

public:
    static constexpr int FormatVersion = 1;

    static QJsonObject resultToJson(const ProbeResult &result);
    static QJsonObject toJson(const ProbeRun &run, Language language);
    static QByteArray write(const ProbeRun &run, Language language);
    // Keys written first, in this order (each once); the others follow alphabetically.
    static const QStringList &keyOrder();
};

} // namespace amlfw
