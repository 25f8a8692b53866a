#pragma once

#include "rule.h"

#include <QCoreApplication>

namespace amlfw {

// Turns answers into the rule set: selects the catalog rows of the cloud and features, replaces
// placeholders, merges rows with the same destination, protocol and ports, and classifies each
// rule for Azure Firewall.
class RuleGenerator
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::RuleGenerator)

public:
    // On invalid answers the result has no rules and its problems say why.
    static RuleSet generate(const Catalog &catalog, const Answers &answers);
};

} // namespace amlfw
