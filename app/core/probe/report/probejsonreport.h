#pragma once

#include "probeadvice.h"
#include "proberun.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
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
    // endpoints[]: one per distinct endpoint; `askFor` the group index of each (-1: none).
    static QJsonArray endpointsToJson(const ProbeRun &run, const QList<ProbeEndpoint> &endpoints,
                                      const QList<int> &askFor);
    // askFor[]: one per distinct request.
    static QJsonArray askForToJson(const ProbeRun &run, const QList<ProbeEndpoint> &endpoints,
                                   const QList<ProbeAdviceGroup> &groups);
    static QJsonObject toJson(const ProbeRun &run, Language language);
    static QByteArray write(const ProbeRun &run, Language language);
    // Keys written first, in this order (each once); the others follow alphabetically.
    static const QStringList &keyOrder();
};

} // namespace amlfw
