#pragma once

#include "exportoptions.h"
#include "rule.h"

#include <QByteArray>
#include <QCoreApplication>

namespace amlfw {

// An Excel workbook for change tickets (libxlsxwriter): a cover sheet, one sheet per view and the
// address prefixes when a service tags file is given. Never writes a formula from data.
class XlsxExporter
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::XlsxExporter)

public:
    // Errors: what keeps this set or these options from being written; warnings: what is left out.
    static Problems validate(const RuleSet &set, const ExportOptions &options);
    static QByteArray write(const RuleSet &set, const ExportOptions &options);
};

} // namespace amlfw
