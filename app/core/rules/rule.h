#pragma once

#include "answers.h"
#include "catalog.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace amlfw {

class ServiceTagsFile;

// How Azure Firewall carries (a part of) a rule.
enum class FirewallRuleType {
    InboundNsg,        // inbound to compute: allowed by the network security group, routed around the firewall
    Route,             // user-defined route, next hop Internet
    NetworkServiceTag, // network rule with a service tag as destination
    NetworkFqdn,       // network rule with destination FQDNs: needs the firewall's DNS proxy
    Application,       // application rule: FQDN on Http:80 / Https:443
    Unsupported,       // Azure Firewall cannot express it: see reason and alternative
    Managed,           // an outbound rule of the workspace's managed virtual network: no firewall of yours
};
inline constexpr EnumTable firewallRuleTypeIds{std::to_array<EnumId<FirewallRuleType>>({
    {FirewallRuleType::InboundNsg, "inbound-nsg"},
    {FirewallRuleType::Route, "route"},
    {FirewallRuleType::NetworkServiceTag, "network-service-tag"},
    {FirewallRuleType::NetworkFqdn, "network-fqdn"},
    {FirewallRuleType::Application, "application"},
    {FirewallRuleType::Unsupported, "unsupported"},
    {FirewallRuleType::Managed, "managed"},
})};
inline QString firewallRuleTypeId(FirewallRuleType type)
{
    return firewallRuleTypeIds.toId(type);
}

enum class UnsupportedReason {
    None,
    WildcardOnOtherPort, // wildcard FQDN on a port other than 80/443
    UnknownServiceTag,   // no such service tag
    TagNotInCloud,       // the tag exists, but not in this cloud
};
inline constexpr EnumTable unsupportedReasonIds{std::to_array<EnumId<UnsupportedReason>>({
    {UnsupportedReason::None, ""},
    {UnsupportedReason::WildcardOnOtherPort, "wildcard-on-other-port"},
    {UnsupportedReason::UnknownServiceTag, "unknown-service-tag"},
    {UnsupportedReason::TagNotInCloud, "tag-not-in-cloud"},
})};
inline QString unsupportedReasonId(UnsupportedReason reason)
{
    return unsupportedReasonIds.toId(reason);
}

struct FirewallPart
{
    FirewallRuleType type = FirewallRuleType::Application;
    QStringList ports;
    QString target;           // the FQDN or service tag the firewall rule names
    QStringList appProtocols; // application rules: "Http:80", "Https:443"
    bool dnsProxyRequired = false;
    UnsupportedReason reason = UnsupportedReason::None;
    QString alternativeTag; // unsupported parts: a service tag that covers them, if the catalog knows one
    QString urlPath;        // URL entries: the full URL, which only Premium's targetUrls can match
    QString protocol;       // the rule's protocol (TCP / UDP / ANY), for the explanation and the exports
    bool operator==(const FirewallPart &other) const = default;
};

// Where a rule comes from: one row of one table of the article.
struct RuleSource
{
    QString catalogId;
    int catalogIndex = 0;
    QString section;
    QString table;
    QString when; // the catalog's condition, as written
    LocalizedText purpose;
    QStringList ports; // the ports this row lists (after its port conditions); the rule has their union
};

// A rule of the generated set: catalog rows with the same direction, kind, destination and protocol
// merged, their ports united.
struct Rule
{
    QString id; // stable: the id of the first catalog row with this destination and protocol
    Direction direction = Direction::Outbound;
    RuleKind kind = RuleKind::Fqdn;
    QString destination;         // placeholders replaced
    QString destinationTemplate; // as in the catalog
    QString articleDestination;  // as printed in the article, when amlfw corrects it
    QString protocol;            // TCP / UDP / ANY; empty for routes and private endpoints
    QStringList ports;    // every source's ports, normalized
    QStringList features; // selected features that require it; empty: always needed
    QString udr;          // routes: service-tags / ip-ranges
    QString alternativeTag;
    QList<RuleSource> sources;
    QList<Note> notes; // placeholders replaced
    QList<FirewallPart> firewall;
    NetworkKind network = NetworkKind::Customer;
    bool automatic = false; // managed network: Azure adds it by itself
    QStringList unanswered; // placeholders left in the destination: "acr", "workspace-id"

    bool isAlways() const { return features.isEmpty(); }
    QStringList sectionIds() const;
    QStringList tableIds() const;
    bool inTable(const QString &tableId) const;
    QStringList purposes(Language language) const; // distinct, in source order
    FirewallRuleType primaryType() const;
    bool needsDnsProxy() const;
    bool hasUnsupportedPart() const;
    bool hasWarning() const;
};

struct RuleSummary
{
    int total = 0;
    int inbound = 0;
    int routes = 0;
    int networkServiceTag = 0;
    int networkFqdn = 0;
    int application = 0;
    int unsupported = 0;
    int managed = 0;   // managed-network rules the user adds
    int automatic = 0; // managed-network rules Azure adds
    int always = 0;
    int withWarnings = 0;
    bool dnsProxyRequired = false;
};

// The one shared value: everything the views, exporters and the probe engine need.
struct RuleSet
{
    Catalog catalog;
    Answers answers;
    QStringList effectiveFeatures; // selection plus implied features
    QString pairedRegion;
    QHash<QString, QString> placeholders; // region, storage, pair, and acr, workspace-id when answered
    QList<Rule> rules;
    QList<Note> scenarioNotes;
    Problems problems; // warnings about the answers (errors mean no rules)
    // The "Azure IP Ranges and Service Tags" file the rules were expanded with (applyServiceTags), if any.
    std::shared_ptr<const ServiceTagsFile> serviceTags;

    bool isValid() const { return !hasErrors(problems) && catalog.isValid(); }
    const Rule *rule(const QString &id) const;
    // Rules listed by a table of the article, in the table's order.
    QList<const Rule *> rulesInTable(const QString &tableId) const;
    // Tables of a view ("azure-firewall" / "other-firewalls") that have rules in this set.
    QStringList tablesInView(const QString &view) const;
    RuleSummary summary() const;
    // With a service tags file: the address prefixes of the rule's service tag (IPv4 and IPv6, as the
    // file lists them); empty without a file, for other rules and for tags the file lacks.
    QStringList addressPrefixes(const Rule &rule) const;
    bool hasAddressPrefixes(const Rule &rule) const; // the file lists the rule's tag
};

} // namespace amlfw
