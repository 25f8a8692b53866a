#include "azcliexporter.h"

#include "armexporter.h"
#include "azurefirewall.h"
#include "rulelabels.h"
#include "servicetags.h"

namespace amlfw {

namespace {

// One argument for bash: single quotes keep everything literal; an embedded ' closes, escapes and reopens.
QString quoted(const QString &value)
{
    QString out = value;
    out.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + out + u'\'';
}

QString quotedList(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values)
        out << quoted(v);
    return out.join(u' ');
}

// A comment line: control characters (a newline above all) would end the comment and start a command.
QString comment(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        out += (c.unicode() < 0x20 || c.unicode() == 0x7f) ? QChar(u' ') : c;
    return QStringLiteral("# ") + out + u'\n';
}

QString shortText(const QString &text, qsizetype max = 140)
{
    return text.size() <= max ? text : text.left(max - 1) + QStringLiteral("…");
}

// "udr-aml-ip-region" -> "UDR_AML_IP_REGION_PREFIXES": the variable the user fills with a tag's prefixes.
QString prefixesVariable(const QString &ruleId)
{
    QString out;
    for (QChar c : ruleId)
        out += c.isLetterOrNumber() && c.unicode() < 0x80 ? c.toUpper() : QChar(u'_');
    return out + QStringLiteral("_PREFIXES");
}

// A parameter with a default the caller may override from the environment.
QString parameter(const QString &name, const QString &description, const QString &value)
{
    return comment(description) + name + QStringLiteral("=${") + name + QStringLiteral(":-") + quoted(value)
           + QStringLiteral("}\n");
}

// A parameter without a default: the script stops with the message when it is not set.
QString requiredParameter(const QString &name, const QString &description, const QString &message)
{
    return comment(description) + name + QStringLiteral("=${") + name + QStringLiteral(":?") + quoted(message)
           + QStringLiteral("}\n");
}

// One rule of a filter collection, as az arguments after the collection's own.
struct CliRule
{
    QString name;
    QString type; // NetworkRule / ApplicationRule
    QStringList arguments;
};

struct CliCollection
{
    QString name;
    int priority = 0;
    QList<CliRule> rules;
};

const QString kSourceArgs = QStringLiteral("--source-addresses \"${source_addresses[@]}\"");

CliRule networkRule(const QString &name, const QString &description, const QString &protocol,
                    const QString &destinationOption, const QString &destination, const QStringList &ports)
{
    return {name,
            QStringLiteral("NetworkRule"),
            {QStringLiteral("--description ") + quoted(shortText(description)),
             QStringLiteral("--ip-protocols ") + quoted(AzureFirewall::firewallProtocol(protocol)), kSourceArgs,
             destinationOption + u' ' + quoted(destination), QStringLiteral("--destination-ports ") + quotedList(ports)}};
}

// The ARM template's own texts, in its translation context: the same words, translated once.
QString armText(const char *source)
{
    return QCoreApplication::translate("amlfw::ArmExporter", source);
}

const QString kContinue = QStringLiteral(" \\\n  ");

} // namespace

Problems AzCliExporter::validate(const RuleSet &set, const ExportOptions &options)
{
    Problems problems = ArmExporter::validateOptions(options.deployment);
    if (hasErrors(problems))
        return problems;
    if (set.answers.network == NetworkKind::Managed)
        problems << Problem::error(
            QStringLiteral("--network"),
            TranslatableText("amlfw::AzCliExporter",
                             QT_TRANSLATE_NOOP("amlfw::AzCliExporter",
                                               "A managed virtual network has no firewall script: its outbound rules "
                                               "are set on the workspace, not in an Azure Firewall policy. Export "
                                               "them with --format managed-network.")));
    return problems;
}

QByteArray AzCliExporter::write(const RuleSet &set, const ExportOptions &exportOptions)
{
    const ArmOptions &options = exportOptions.deployment;
    const Language lang = exportOptions.language;
    const bool newPolicy = options.policy == ArmOptions::Policy::New;
    const bool premium = options.tier == ArmOptions::Tier::Premium;

    // ---- rules, by collection: the same names, priorities and rules as the ARM template
    CliCollection tags{QStringLiteral("aml-network-service-tags"), 100, {}};
    CliCollection fqdns{QStringLiteral("aml-network-fqdns"), 110, {}};
    CliCollection apps{QStringLiteral("aml-application-rules"), 200, {}};
    QList<const Rule *> routeRules;
    QStringList notes;
    QStringList anyAlternatives;
    bool dnsProxy = false;
    auto addAlternative = [&](const Rule &rule, const FirewallPart &part, const QString &purpose) {
        if (options.includeAlternatives && !part.alternativeTag.isEmpty())
            tags.rules << networkRule(rule.id + QStringLiteral("-alternative"),
                                      armText("Alternative for %1 on %2: %3")
                                          .arg(part.target, RuleLabels::ports(part.ports, lang), purpose),
                                      rule.protocol, QStringLiteral("--destination-addresses"), part.alternativeTag,
                                      part.ports);
    };
    for (const Rule &rule : set.rules) {
        if (!rule.unanswered.isEmpty()) {
            for (const TranslatableText &text : AzureFirewall::unansweredTexts(rule))
                notes << tr("Rule %1 is not in this script: %2").arg(rule.id, text.toString());
            continue;
        }
        const QString purpose = RuleLabels::purpose(rule, lang);
        for (const FirewallPart &part : rule.firewall) {
            switch (part.type) {
            case FirewallRuleType::NetworkServiceTag:
                tags.rules << networkRule(rule.id, purpose, rule.protocol, QStringLiteral("--destination-addresses"),
                                          part.target, part.ports);
                break;
            case FirewallRuleType::NetworkFqdn:
                dnsProxy = true;
                fqdns.rules << networkRule(rule.id, purpose, rule.protocol, QStringLiteral("--destination-fqdns"),
                                           part.target, part.ports);
                break;
            case FirewallRuleType::Application: {
                QStringList protocols;
                for (const QString &p : part.appProtocols)
                    protocols << quoted(QString(p).replace(u':', u'='));
                CliRule app{rule.id,
                            QStringLiteral("ApplicationRule"),
                            {QStringLiteral("--description ") + quoted(shortText(purpose)),
                             QStringLiteral("--protocols ") + protocols.join(u' '), kSourceArgs}};
                if (!part.urlPath.isEmpty() && premium) {
                    app.arguments << QStringLiteral("--target-urls ") + quoted(part.urlPath)
                                  << QStringLiteral("--enable-tls-inspection true");
                    notes << armText("Rule %1 matches the URL path %2: the policy needs TLS inspection "
                                             "configured (Premium tier, a CA certificate in Key Vault).")
                                 .arg(rule.id, part.urlPath);
                } else {
                    app.arguments << QStringLiteral("--target-fqdns ") + quoted(part.target);
                    if (!part.urlPath.isEmpty() || part.protocol == u"ANY")
                        notes << AzureFirewall::explanation(part);
                }
                apps.rules << app;
                const QString anyKey = part.alternativeTag + u' ' + part.ports.join(u',');
                if (part.protocol == u"ANY" && !anyAlternatives.contains(anyKey)) {
                    anyAlternatives << anyKey;
                    addAlternative(rule, part, purpose);
                }
                break;
            }
            case FirewallRuleType::Unsupported:
                notes << AzureFirewall::explanation(part);
                addAlternative(rule, part, purpose);
                break;
            case FirewallRuleType::Route:
                if (!routeRules.contains(&rule))
                    routeRules << &rule;
                break;
            case FirewallRuleType::Managed: // refused by validate(): a managed network has no firewall
            case FirewallRuleType::InboundNsg:
                break;
            }
        }
    }

    const bool ipRanges = set.answers.udr == UdrMethod::IpRanges;
    const bool routes = !routeRules.isEmpty() && options.routeTable != ArmOptions::RouteTable::None;
    const bool newTable = routes && options.routeTable == ArmOptions::RouteTable::New;
    if (!routeRules.isEmpty() && !routes)
        notes << tr("Compute needs user-defined routes (next hop: Internet) on its subnet's route table; "
                    "this script does not create them (--route-table none).");
    if (!newPolicy && dnsProxy)
        notes << armText(
            "Some rules are network rules with destination FQDNs: enable DNS proxy on the existing firewall policy.");
    QList<const Rule *> filledRoutes; // ip-ranges routes whose prefixes the user fills in
    if (routes && ipRanges) {
        for (const Rule *rule : std::as_const(routeRules)) {
            if (!set.hasAddressPrefixes(*rule))
                filledRoutes << rule;
        }
        if (!filledRoutes.isEmpty())
            notes << tr("Fill the route prefix variables from the current \"Azure IP Ranges and Service Tags\" file: "
                        "they change over time.");
    }
    if (newTable)
        notes << armText("Associate the route table with the compute subnet.");
    bool inbound = false;
    for (const Rule &rule : set.rules)
        inbound = inbound || rule.primaryType() == FirewallRuleType::InboundNsg;
    if (inbound)
        notes << armText("Inbound rules (BatchNodeManagement, AzureMachineLearning) belong to the compute "
                                 "subnet's network security group, which Azure creates; they are not firewall rules.");
    notes.removeDuplicates();

    // ---- header
    QString out = QStringLiteral("#!/usr/bin/env bash\n");
    out += comment(tr("Azure Firewall rules for an Azure Machine Learning workspace: %1, %2.")
                       .arg(RuleLabels::cloudName(set, lang), set.answers.region));
    out += comment(tr("Generated by amlfw %1 from the article edition %2; features: %3.")
                       .arg(QStringLiteral(AMLFW_VERSION), set.catalog.edition,
                            set.effectiveFeatures.isEmpty() ? tr("none") : set.effectiveFeatures.join(QStringLiteral(", "))));
    out += comment(tr("Storage account: %1; routes: %2.").arg(set.answers.storage, udrMethodId(set.answers.udr)));
    if (set.serviceTags)
        out += comment(tr("Service tag address prefixes from %1 (%2): they change weekly.")
                           .arg(set.serviceTags->fileName, set.serviceTags->versionText()));
    out += comment(tr("Needs the Azure CLI with the azure-firewall extension (az extension add --name azure-firewall); "
                      "sign in with az login first."));
    out += comment(tr("Run: RESOURCE_GROUP=<resource group> bash <this file>"));
    out += comment(tr("Running it again replaces the rule collection group with the same rules."));
    if (!notes.isEmpty()) {
        out += QStringLiteral("#\n");
        out += comment(tr("Notes:"));
        for (const QString &note : std::as_const(notes))
            out += comment(QStringLiteral("- ") + note);
    }
    out += QStringLiteral("\nset -euo pipefail\n\n");

    // ---- parameters (the environment overrides each default)
    out += requiredParameter(QStringLiteral("RESOURCE_GROUP"),
                             newPolicy ? tr("Resource group of the new firewall policy.")
                                       : tr("Resource group of the existing firewall policy."),
                             tr("set RESOURCE_GROUP to the resource group of the firewall policy"));
    out += parameter(QStringLiteral("POLICY_NAME"),
                     newPolicy ? armText("Name of the firewall policy to create.")
                               : armText("Name of the existing firewall policy in this resource group."),
                     options.policyName);
    const bool needsLocation = newPolicy || newTable;
    if (needsLocation)
        out += parameter(QStringLiteral("LOCATION"),
                         tr("Location of the new resources; empty: the resource group's location."), options.location);
    out += parameter(QStringLiteral("RCG_NAME"),
                     armText("Name of the rule collection group for Azure Machine Learning."),
                     options.ruleCollectionGroupName);
    out += parameter(QStringLiteral("RCG_PRIORITY"), armText("Priority of the rule collection group (100-65000)."),
                     QString::number(options.ruleCollectionGroupPriority));
    const QString sourceText = tr("Address prefixes of the Azure Machine Learning compute subnet(s), space-separated, "
                                  "such as 10.0.1.0/24.");
    if (options.sourceAddresses.isEmpty())
        out += requiredParameter(QStringLiteral("SOURCE_ADDRESSES"), sourceText,
                                 tr("set SOURCE_ADDRESSES to the compute subnet's address prefixes, such as 10.0.1.0/24"));
    else
        out += parameter(QStringLiteral("SOURCE_ADDRESSES"), sourceText, options.sourceAddresses.join(u' '));
    if (routes) {
        out += parameter(QStringLiteral("ROUTE_TABLE_NAME"),
                         newTable ? armText("Name of the route table to create for the compute subnet.")
                                  : armText("Name of the compute subnet's existing route table in this resource "
                                                    "group."),
                         options.routeTableName);
        if (newTable && !options.firewallPrivateIp.isEmpty())
            out += parameter(QStringLiteral("FIREWALL_PRIVATE_IP"),
                             armText("Private IP address of the Azure Firewall."), options.firewallPrivateIp);
        for (const Rule *rule : std::as_const(filledRoutes))
            out += parameter(prefixesVariable(rule->id),
                             tr("Address prefixes of the %1 service tag, space-separated, from the \"Azure IP Ranges "
                                "and Service Tags\" file of your cloud.")
                                 .arg(rule->destination),
                             QString());
    }
    out += QStringLiteral("\nread -r -a source_addresses <<< \"$SOURCE_ADDRESSES\"\n");
    out += QStringLiteral("if [ \"${#source_addresses[@]}\" -eq 0 ]; then\n  echo ")
           + quoted(tr("SOURCE_ADDRESSES is empty: name the compute subnet's address prefixes.")) + QStringLiteral(
               " >&2\n  exit 2\nfi\n");
    const QString rg = QStringLiteral("--resource-group \"$RESOURCE_GROUP\"");
    const QString location = QStringLiteral("${LOCATION:+--location \"$LOCATION\"}");

    // ---- policy
    if (newPolicy) {
        out += u'\n' + comment(tr("The firewall policy."));
        out += QStringLiteral("az network firewall policy create") + kContinue + rg + kContinue
               + QStringLiteral("--name \"$POLICY_NAME\" ") + location + kContinue + QStringLiteral("--sku ")
               + (premium ? QStringLiteral("Premium") : QStringLiteral("Standard"))
               + QStringLiteral(" --threat-intel-mode Alert");
        if (dnsProxy)
            out += QStringLiteral(" --enable-dns-proxy true");
        out += kContinue + QStringLiteral("--output none\n");
    } else if (dnsProxy) {
        out += u'\n' + comment(tr("Network rules with destination FQDNs need DNS proxy on the policy:"));
        out += comment(QStringLiteral("az network firewall policy update --resource-group \"$RESOURCE_GROUP\" --name "
                                      "\"$POLICY_NAME\" --enable-dns-proxy true"));
    }

    // ---- rule collection group, collections, rules
    out += u'\n' + comment(tr("The rule collection group (created, or replaced, without collections)."));
    out += QStringLiteral("az network firewall policy rule-collection-group create") + kContinue + rg + kContinue
           + QStringLiteral("--policy-name \"$POLICY_NAME\" --name \"$RCG_NAME\" --priority \"$RCG_PRIORITY\"")
           + kContinue + QStringLiteral("--output none\n");
    const QString rcgArgs = rg + kContinue + QStringLiteral("--policy-name \"$POLICY_NAME\" --rcg-name \"$RCG_NAME\"");
    for (const CliCollection *collection : {&tags, &fqdns, &apps}) {
        if (collection->rules.isEmpty())
            continue;
        out += u'\n' + comment(tr("Collection %1 (priority %2): %n rule(s).", nullptr, int(collection->rules.size()))
                                   .arg(collection->name, QString::number(collection->priority)));
        for (qsizetype i = 0; i < collection->rules.size(); ++i) {
            const CliRule &rule = collection->rules.at(i);
            if (i == 0)
                out += QStringLiteral("az network firewall policy rule-collection-group collection add-filter-collection")
                       + kContinue + rcgArgs + kContinue + QStringLiteral("--name ") + quoted(collection->name)
                       + QStringLiteral(" --collection-priority ") + QString::number(collection->priority)
                       + QStringLiteral(" --action Allow") + kContinue + QStringLiteral("--rule-name ") + quoted(rule.name)
                       + QStringLiteral(" --rule-type ") + rule.type;
            else
                out += QStringLiteral("az network firewall policy rule-collection-group collection rule add") + kContinue
                       + rcgArgs + kContinue + QStringLiteral("--collection-name ") + quoted(collection->name)
                       + kContinue + QStringLiteral("--name ") + quoted(rule.name) + QStringLiteral(" --rule-type ")
                       + rule.type;
            for (const QString &argument : rule.arguments)
                out += kContinue + argument;
            out += kContinue + QStringLiteral("--output none\n");
        }
    }

    // ---- routes
    if (routes) {
        const QString tableArgs = rg + QStringLiteral(" --route-table-name \"$ROUTE_TABLE_NAME\"");
        if (newTable) {
            out += u'\n' + comment(tr("The route table for the compute subnet."));
            out += QStringLiteral("az network route-table create") + kContinue + rg + kContinue
                   + QStringLiteral("--name \"$ROUTE_TABLE_NAME\" ") + location
                   + QStringLiteral(" --disable-bgp-route-propagation false") + kContinue
                   + QStringLiteral("--output none\n");
        } else {
            out += u'\n' + comment(tr("Routes in the compute subnet's existing route table."));
        }
        const QString routeCreate = QStringLiteral("az network route-table route create") + kContinue + tableArgs;
        for (const Rule *rule : std::as_const(routeRules)) {
            out += u'\n' + comment(rule->destination + QStringLiteral(": ") + RuleLabels::purpose(*rule, lang));
            if (!ipRanges) {
                out += routeCreate + kContinue + QStringLiteral("--name ") + quoted(rule->id)
                       + QStringLiteral(" --address-prefix ") + quoted(rule->destination)
                       + QStringLiteral(" --next-hop-type Internet --output none\n");
            } else if (set.hasAddressPrefixes(*rule)) {
                const QStringList prefixes = set.addressPrefixes(*rule);
                out += comment(tr("%n address prefix(es) from %1 (%2).", nullptr, int(prefixes.size()))
                                   .arg(set.serviceTags->fileName, set.serviceTags->versionText()));
                for (qsizetype i = 0; i < prefixes.size(); ++i)
                    out += routeCreate + kContinue + QStringLiteral("--name ")
                           + quoted(rule->id + u'-' + QString::number(i)) + QStringLiteral(" --address-prefix ")
                           + quoted(prefixes.at(i)) + QStringLiteral(" --next-hop-type Internet --output none\n");
            } else {
                const QString variable = prefixesVariable(rule->id);
                out += QStringLiteral("read -r -a prefixes <<< \"$") + variable + QStringLiteral("\"\n");
                out += QStringLiteral("if [ \"${#prefixes[@]}\" -eq 0 ]; then\n  echo ")
                       + quoted(tr("%1 is empty: no routes to %2.").arg(variable, rule->destination))
                       + QStringLiteral(" >&2\nfi\n");
                out += QStringLiteral("for i in \"${!prefixes[@]}\"; do\n  az network route-table route create ") + tableArgs
                       + QStringLiteral(" \\\n    --name ") + quoted(rule->id + u'-')
                       + QStringLiteral("\"$i\" --address-prefix \"${prefixes[$i]}\" --next-hop-type Internet --output "
                                        "none\ndone\n");
            }
        }
        if (newTable && !options.firewallPrivateIp.isEmpty()) {
            out += u'\n' + comment(tr("Everything else through the firewall."));
            out += routeCreate + kContinue
                   + QStringLiteral("--name 'default-via-firewall' --address-prefix '0.0.0.0/0' --next-hop-type "
                                    "VirtualAppliance --next-hop-ip-address \"$FIREWALL_PRIVATE_IP\" --output none\n");
        }
    }
    return out.toUtf8();
}

} // namespace amlfw
