#pragma once

#include "exportoptions.h"
#include "rule.h"

#include <QByteArray>
#include <QCoreApplication>

namespace amlfw {

// Every host name the rules need, one per line, sorted and deduplicated, with a # header: for
// firewalls and proxies other than Azure Firewall.
class FqdnListExporter
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::FqdnListExporter)

public:
    // Errors: what keeps this set or these options from being written; warnings: what is left out.
    static Problems validate(const RuleSet &set, const ExportOptions &options);
    static QByteArray write(const RuleSet &set, const ExportOptions &options);
};

} // namespace amlfw
