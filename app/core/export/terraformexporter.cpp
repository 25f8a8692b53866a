#include "terraformexporter.h"

namespace amlfw {

Problems TerraformExporter::validate(const RuleSet &, const ExportOptions &)
{
    return {Problem::error(QString(), QStringLiteral("not written yet"))};
}

QByteArray TerraformExporter::write(const RuleSet &, const ExportOptions &)
{
    return {};
}

} // namespace amlfw
