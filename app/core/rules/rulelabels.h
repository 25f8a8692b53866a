#pragma once

#include "rule.h"

#include <QCoreApplication>

namespace amlfw {

// Texts that describe a rule for people, shared by the table, Markdown, CSV and the GUI.
// Catalog texts in `language`; amlfw's own words via tr() in the current language.
class RuleLabels
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::RuleLabels)

public:
    static QString direction(Direction direction);
    static QString kind(RuleKind kind);
    static QString ports(const QStringList &ports, Language language);   // "80, 443" / "80、443"
    static QString protocol(const Rule &rule);                           // "TCP", or "-" for routes
    // As the firewall names it: an application rule's "Http:80, Https:443", else the rule's protocol.
    static QString protocol(const Rule &rule, const FirewallPart &part, Language language);
    static QString features(const RuleSet &set, const Rule &rule, Language language); // names, or "Always"
    static QString featureIds(const Rule &rule);                          // ids, or "always"
    static QString sections(const RuleSet &set, const Rule &rule, Language language);
    static QString tableTitle(const RuleSet &set, const QString &tableId, Language language); // "Section › Table"
    static QString purpose(const Rule &rule, Language language);          // distinct purposes joined
    static QStringList notes(const Rule &rule, Language language);        // catalog notes and firewall explanations
    static QString source(const Rule &rule, const QString &subnet);       // who sends the traffic
    static QString target(const Rule &rule, const QString &subnet);       // who receives it
    static QString computeSubnet(const QStringList &sourceAddresses);     // addresses, or "Azure ML compute subnet"
    static QString destinationWithArticle(const Rule &rule);             // "x (article: y)"
    static QString cloudName(const RuleSet &set, Language language);
    static QString regionName(const RuleSet &set, Language language);    // "東日本 (japaneast)"
};

} // namespace amlfw
