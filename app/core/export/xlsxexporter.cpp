#include "xlsxexporter.h"

namespace amlfw {

Problems XlsxExporter::validate(const RuleSet &, const ExportOptions &)
{
    return {Problem::error(QString(), QStringLiteral("not written yet"))};
}

QByteArray XlsxExporter::write(const RuleSet &, const ExportOptions &)
{
    return {};
}

} // namespace amlfw
