#include "fqdnlistexporter.h"

namespace amlfw {

Problems FqdnListExporter::validate(const RuleSet &, const ExportOptions &)
{
    return {Problem::error(QString(), QStringLiteral("not written yet"))};
}

QByteArray FqdnListExporter::write(const RuleSet &, const ExportOptions &)
{
    return {};
}

} // namespace amlfw
