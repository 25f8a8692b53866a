#pragma once

#include "rule.h"

#include <QJsonObject>

namespace amlfw {

// The rule set with every field, in one language. The schema is documented in the README.
class JsonExporter
{
public:
    static QJsonObject toJson(const RuleSet &set, Language language);
    static QJsonObject ruleToJson(const RuleSet &set, const Rule &rule, Language language);
    static QByteArray write(const RuleSet &set, Language language);
};

} // namespace amlfw
