#pragma once

#include "rule.h"

#include <QCoreApplication>

namespace amlfw {

// The details pane of the rules page as HTML: one rule (purpose, sources with the article's
// section, notes, Azure Firewall classification and explanation), or the scenario's notes.
class RuleDetails
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::RuleDetails)

public:
    static QString ruleHtml(const RuleSet &set, const Rule &rule, const FirewallPart *part, Language language);
    static QString scenarioHtml(const RuleSet &set, Language language);
    // The pane while the filter shows no rule of the tab: says so, and how many other tabs show.
    static QString noMatchHtml(const QString &filter, int shownInOtherTabs);
};

} // namespace amlfw
