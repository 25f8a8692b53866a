#pragma once

#include "rule.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace amlfw {

struct ArmOptions
{
    enum class Policy { New, Existing };
    enum class RouteTable { New, Existing, None };
    enum class Tier { Standard, Premium };

    Policy policy = Policy::New;
    QString policyName = QStringLiteral("fwpol-aml");
    QString ruleCollectionGroupName = QStringLiteral("AzureML");
    int ruleCollectionGroupPriority = 500;
    QStringList sourceAddresses; // AML compute subnet(s); empty: the template asks at deployment
    QString location;            // empty: the resource group's location
    Tier tier = Tier::Standard;
    RouteTable routeTable = RouteTable::New;
    QString routeTableName = QStringLiteral("rt-aml-compute");
    QString firewallPrivateIp;             // with a new route table: adds the default route via the firewall
    bool includeAlternatives = true;       // service-tag rules for what Azure Firewall cannot express
    Language language = Language::English; // of descriptions
};

QString armPolicyId(ArmOptions::Policy policy);
QString armRouteTableId(ArmOptions::RouteTable mode);
QString armTierId(ArmOptions::Tier tier);

// A deployable ARM template (classic 2019-04-01 deploymentTemplate schema) for an Azure Firewall
// Policy rule collection group and, when compute needs inbound routes, a route table with the UDRs.
class ArmExporter
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::ArmExporter)

public:
    static constexpr const char *ApiVersion = "2025-05-01";
    static constexpr const char *Schema
        = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    static Problems validateOptions(const ArmOptions &options);
    // A managed network's rule set is refused: its rules belong to the workspace, not to a firewall.
    static Problems validateRuleSet(const RuleSet &set);
    static QJsonObject build(const RuleSet &set, const ArmOptions &options);
    static QByteArray write(const RuleSet &set, const ArmOptions &options);

    static bool isValidResourceName(const QString &name);
    static bool isValidSourceAddress(const QString &address);
};

} // namespace amlfw
