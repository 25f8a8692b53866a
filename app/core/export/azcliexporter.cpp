#include "azcliexporter.h"

namespace amlfw {

Problems AzCliExporter::validate(const RuleSet &, const ExportOptions &)
{
    return {Problem::error(QString(), QStringLiteral("not written yet"))};
}

QByteArray AzCliExporter::write(const RuleSet &, const ExportOptions &)
{
    return {};
}

} // namespace amlfw
