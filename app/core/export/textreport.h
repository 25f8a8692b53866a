#pragma once

#include "rule.h"

#include <QCoreApplication>

namespace amlfw {

// Which of the article's two views to show.
enum class RuleView {
    AzureFirewall, // inbound and routes, network rules, application rules, what cannot be expressed
    HostTables,    // the "Other firewalls" host tables
    All,
};
std::optional<RuleView> ruleViewFromId(const QString &id); // firewall | hosts | all

// One group of the Azure Firewall view: the parts of rules that one kind of firewall rule carries.
struct FirewallGroup
{
    FirewallRuleType type;
    QList<QPair<const Rule *, FirewallPart>> entries;
    bool automatic = false; // managed network: the rules Azure adds by itself (a group of their own)
};
QList<FirewallGroup> firewallGroups(const RuleSet &set);

// Plain-text tables for a terminal, and Markdown, in the language given (amlfw's own words in the
// current translator's language).
class TextReport
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::TextReport)

public:
    static QString table(const RuleSet &set, Language language, RuleView view, int maxWidth = 0);
    static QString markdown(const RuleSet &set, Language language, RuleView view);
    static QString scenarioLine(const RuleSet &set, Language language);
    // A Markdown table cell: pipes, backslashes, emphasis and HTML escaped, line breaks as <br>.
    static QString markdownCell(QString text);

    static QString groupTitle(FirewallRuleType type);
    static QString groupTitle(const FirewallGroup &group); // the managed network's two groups told apart
};

} // namespace amlfw
