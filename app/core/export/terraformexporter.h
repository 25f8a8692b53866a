#pragma once

#include "exportoptions.h"
#include "rule.h"

#include <QByteArray>
#include <QCoreApplication>

namespace amlfw {

// One .tf file for the azurerm provider 4.x: the firewall policy (new, or a data source for an existing one),
// its rule collection group, and the route table with the UDRs; variables with the ARM template's defaults.
class TerraformExporter
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::TerraformExporter)

public:
    // Errors: what keeps this set or these options from being written; warnings: what is left out.
    static Problems validate(const RuleSet &set, const ExportOptions &options);
    static QByteArray write(const RuleSet &set, const ExportOptions &options);
};

} // namespace amlfw
