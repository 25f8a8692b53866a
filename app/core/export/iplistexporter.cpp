#include "iplistexporter.h"

namespace amlfw {

Problems IpListExporter::validate(const RuleSet &, const ExportOptions &)
{
    return {Problem::error(QString(), QStringLiteral("not written yet"))};
}

QByteArray IpListExporter::write(const RuleSet &, const ExportOptions &)
{
    return {};
}

} // namespace amlfw
