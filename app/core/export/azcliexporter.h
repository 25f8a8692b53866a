#pragma once

#include "exportoptions.h"
#include "rule.h"

#include <QByteArray>
#include <QCoreApplication>

namespace amlfw {

// A bash script (set -euo pipefail) of `az network firewall policy ...` and `az network route-table ...`
// commands that creates or extends the policy, its rule collection group and rules, and the route table.
class AzCliExporter
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::AzCliExporter)

public:
    // Errors: what keeps this set or these options from being written; warnings: what is left out.
    static Problems validate(const RuleSet &set, const ExportOptions &options);
    static QByteArray write(const RuleSet &set, const ExportOptions &options);
};

} // namespace amlfw
