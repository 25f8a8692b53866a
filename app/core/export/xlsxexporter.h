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

    // The sheets, in the workbook's order; the view sheets have their header row frozen and filtered.
    enum class Sheet {
        Cover,          // scenario, edition, article, amlfw version, date, service tags file, notes
        AzureFirewall,  // the Azure Firewall view by rule type (a managed network's rules for one)
        OtherFirewalls, // the article's host tables, when the scenario has any
        Prefixes,       // each service tag's address prefixes, with a service tags file only
    };
    static QString sheetName(Sheet sheet, const RuleSet &set, Language language);
};

} // namespace amlfw
