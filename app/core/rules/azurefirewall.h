#pragma once

#include "rule.h"

#include <QCoreApplication>

namespace amlfw {

// Azure Firewall's view of a rule: which kind of firewall rule carries it, and what it cannot express.
class AzureFirewall
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::AzureFirewall)

public:
    static QList<FirewallPart> classify(const Rule &rule, const Catalog &catalog, const QString &cloud);

    // Translated texts, in the current language.
    static QString typeLabel(FirewallRuleType type);                   // "Application rule"
    static QString partLabel(const FirewallPart &part);                // "Application rule (Http:80, Https:443)"
    static QString ruleTypeLabel(const Rule &rule);                    // every part, joined
    static QString explanation(const FirewallPart &part);              // why, and what to do instead
    static TranslatableText explanationText(const FirewallPart &part); // the same, translated when shown
    // "Any" for the article's ANY, as Azure Firewall writes it; "TCP" when empty.
    static QString firewallProtocol(const QString &protocol);
    // Which answer fills a placeholder: "the workspace ID (amlfw --workspace-id GUID, or ...)".
    static TranslatableText answerText(const QString &placeholder);
    // One text per placeholder the rule's destination still holds, naming the answer that fills it.
    static QList<TranslatableText> unansweredTexts(const Rule &rule);
    // The rule's unanswered placeholders, then its non-trivial parts, in `language`.
    static QStringList explanations(const Rule &rule, Language language = currentLanguage());

    static bool isWebPort(const QString &port) { return port == u"80" || port == u"443"; }
};

} // namespace amlfw
