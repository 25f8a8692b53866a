#pragma once

#include "exportoptions.h"
#include "rule.h"

#include <QByteArray>
#include <QCoreApplication>

namespace amlfw {

// For a workspace with a managed virtual network: the YAML `az ml workspace update --file` takes
// (managed_network with outbound_rules of type fqdn, service_tag and private_endpoint), with the same
// rules as `az ml workspace outbound-rule set` commands in a comment block.
class ManagedNetworkExporter
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::ManagedNetworkExporter)

public:
    // Errors: what keeps this set or these options from being written; warnings: what is left out.
    static Problems validate(const RuleSet &set, const ExportOptions &options);
    static QByteArray write(const RuleSet &set, const ExportOptions &options);
};

} // namespace amlfw
