#pragma once

#include "exportoptions.h"
#include "rule.h"

#include <QByteArray>
#include <QCoreApplication>
#include <optional>

namespace amlfw {

// The one entry to every format, for the CLI and the wizard alike: the same rule set and options
// give the same bytes in both.
class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::Exporter)

public:
    static QList<ExportFormat> formats(); // in the order of exportFormatIds
    static QString id(ExportFormat format) { return exportFormatIds.toId(format); }
    static std::optional<ExportFormat> fromId(const QString &id) { return exportFormatIds.fromId(id); }
    static QString title(ExportFormat format);   // "Terraform (azurerm)", translated
    static QString summary(ExportFormat format); // one line, translated: what it is for
    static QString fileSuffix(ExportFormat format);
    static bool isText(ExportFormat format); // false for XLSX
    static bool appliesTo(ExportFormat format, ExportOption option);

    // Everything that keeps the format from being written for this set and these options, as
    // errors; warnings for what it leaves out.
    static Problems validate(const RuleSet &set, ExportFormat format, const ExportOptions &options);
    static QByteArray write(const RuleSet &set, ExportFormat format, const ExportOptions &options);
};

} // namespace amlfw
