#pragma once

#include "rule.h"

#include <QCoreApplication>
#include <QUrl>

namespace amlfw {

// The details pane of the rules page as HTML: one rule (purpose, sources with the article's
// section, notes, Azure Firewall classification and explanation), or the scenario's notes.
class RuleDetails
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::RuleDetails)

public:
    // With a service tags file applied, a rule of a service tag shows how many address prefixes the
    // file gives it, and the file's change number and date; `showPrefixes` lists them, and a link
    // (PrefixesLink) shows or hides the list.
    static QString ruleHtml(const RuleSet &set, const Rule &rule, const FirewallPart *part, Language language,
                            bool showPrefixes = false);
    static QUrl prefixesLink();
    static QString scenarioHtml(const RuleSet &set, Language language);
    // The pane while the filter shows no rule of the tab: says so, and how many other tabs show.
    static QString noMatchHtml(const QString &filter, int shownInOtherTabs);
};

} // namespace amlfw
