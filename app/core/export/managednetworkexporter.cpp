#include "managednetworkexporter.h"

namespace amlfw {

Problems ManagedNetworkExporter::validate(const RuleSet &, const ExportOptions &)
{
    return {Problem::error(QString(), QStringLiteral("not written yet"))};
}

QByteArray ManagedNetworkExporter::write(const RuleSet &, const ExportOptions &)
{
    return {};
}

} // namespace amlfw
