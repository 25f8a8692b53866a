#include "terraformexporter.h"

#include "azurefirewall.h"
#include "rulelabels.h"
#include "servicetags.h"

#include <QSet>

#include <algorithm>

namespace amlfw {

namespace {

// A quoted HCL string: escapes, and "${" / "%{" written so that Terraform reads no template in them.
QString hclString(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c == u'"')
            out += QStringLiteral("\\\"");
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c == u'\r')
            out += QStringLiteral("\\r");
        else if (c == u'\t')
            out += QStringLiteral("\\t");
        else if ((c == u'$' || c == u'%') && next == u'{')
            out += QString(2, c);
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    out += u'"';
    return out;
}

QString hclList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted << hclString(item);
    return u'[' + quoted.join(QStringLiteral(", ")) + u']';
}

// A Terraform identifier (variable or resource label) from a rule id or route name: "udr-aml-ip.region" ->
// "udr_aml_ip_region".
QString identifier(const QString &text)
{
    QString out;
    for (const QChar c : text)
        out += (c.isLetterOrNumber() && c.unicode() < 0x80) || c == u'_' ? c : u'_';
    if (out.isEmpty() || out.at(0).isDigit())
        out.prepend(u'_');
    return out;
}

// A route's name for one prefix: "<rule id>-<prefix>" with "/" as "_" and ":" as "-" (the provider's
// name pattern takes neither). The same expression stands in the for_each of the prefix variables.
QString prefixRouteName(const QString &ruleId, const QString &prefix)
{
    QString p = prefix;
    p.replace(u'/', u'_').replace(u':', u'-');
    return ruleId + u'-' + p;
}

QString shortText(const QString &text, qsizetype max = 140)
{
    return text.size() <= max ? text : text.left(max - 1) + QStringLiteral("…");
}

// Comment lines of at most `width` characters, broken at spaces. Japanese text stays on one line: its
// spaces stand between words of other scripts, not where a line may break.
QStringList wrapped(const QString &text, qsizetype width, const QString &firstPrefix, const QString &nextPrefix)
{
    if (std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x3000; }))
        return {firstPrefix + text};
    QStringList lines;
    QString line = firstPrefix;
    bool empty = true;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!empty && line.size() + 1 + word.size() > width) {
            lines << line;
            line = nextPrefix;
            empty = true;
        }
        if (!empty)
            line += u' ';
        line += word;
        empty = false;
    }
    lines << line;
    return lines;
}

// Writes HCL the way `terraform fmt` lays it out: two spaces per level, the "=" of consecutive
// one-line arguments aligned, one blank line between blocks.
class HclWriter
{
public:
    void comment(const QString &text)
    {
        for (const QString &line : text.split(u'\n'))
            m_lines << indent() + (line.isEmpty() ? QStringLiteral("#") : QStringLiteral("# ") + line);
    }
    void commentLines(const QStringList &lines)
    {
        for (const QString &line : lines)
            comment(line);
    }
    void attr(const QString &key, const QString &value) { m_pending.append({key, value}); }
    void open(const QString &header)
    {
        flush();
        separate();
        m_lines << indent() + header + QStringLiteral(" {");
        ++m_depth;
        m_justOpened = true;
    }
    void close()
    {
        flush();
        --m_depth;
        m_lines << indent() + u'}';
        m_justOpened = false;
    }
    // An empty block on one line: "features {}".
    void emptyBlock(const QString &header)
    {
        flush();
        m_lines << indent() + header + QStringLiteral(" {}");
        m_justOpened = false;
    }
    void blank()
    {
        flush();
        if (!m_lines.isEmpty() && !m_lines.last().isEmpty() && !m_justOpened)
            m_lines << QString();
    }
    QByteArray bytes()
    {
        flush();
        return (m_lines.join(u'\n') + u'\n').toUtf8();
    }

private:
    QString indent() const { return QString(2 * m_depth, u' '); }
    // A block after arguments or another block gets a blank line before it.
    void separate()
    {
        if (!m_lines.isEmpty() && !m_lines.last().isEmpty() && !m_justOpened && !m_lines.last().trimmed().startsWith(u'#'))
            m_lines << QString();
    }
    void flush()
    {
        if (m_pending.isEmpty())
            return;
        qsizetype width = 0;
        for (const auto &[key, value] : std::as_const(m_pending))
            width = std::max(width, key.size());
        for (const auto &[key, value] : std::as_const(m_pending))
            m_lines << indent() + key.leftJustified(width) + QStringLiteral(" = ") + value;
        m_pending.clear();
        m_justOpened = false;
    }

    QStringList m_lines;
    QList<std::pair<QString, QString>> m_pending;
    int m_depth = 0;
    bool m_justOpened = false;
};

struct NetworkRule
{
    QString name;
    QString description;
    QString protocol;        // Any, TCP, UDP, ICMP
    QString destinationKey;  // destination_addresses (service tags) or destination_fqdns
    QString destination;
    QStringList ports;
};

struct ApplicationRule
{
    QString name;
    QString description;
    QList<std::pair<QString, int>> protocols; // Https, 443
    QString fqdn;
    QString url; // Premium: destination_urls with TLS inspection instead of the FQDN
};

// One route of the route table: a literal prefix (or service tag), or one per element of a variable.
struct Route
{
    QString ruleId;
    QString name;     // literal routes
    QString prefix;   // literal routes
    QString variable; // routes from a list(string) variable of prefixes
};

// What the file holds, worked out before it is written: the rules by collection, the routes, the notes.
struct Plan
{
    QList<NetworkRule> tagRules;
    QList<NetworkRule> fqdnRules;
    QList<ApplicationRule> appRules;
    QList<const Rule *> routeRules;
    QList<Route> routes;
    QList<const Rule *> prefixVariables; // ip-ranges routes whose tag the service tags file does not give
    bool prefixesFromFile = false;
    bool dnsProxy = false;
    QStringList notes;
};

} // namespace

Problems TerraformExporter::validate(const RuleSet &set, const ExportOptions &options)
{
    Problems problems = ArmExporter::validateOptions(options.deployment);
    if (!hasErrors(problems))
        problems += ArmExporter::validateRuleSet(set);
    return problems;
}

QByteArray TerraformExporter::write(const RuleSet &set, const ExportOptions &options)
{
    const ArmOptions &o = options.deployment;
    const Language lang = options.language;
    const bool newPolicy = o.policy == ArmOptions::Policy::New;
    const bool premium = o.tier == ArmOptions::Tier::Premium;

    // ---- the rules, by collection (as the ARM template has them)
    Plan plan;
    QStringList anyAlternatives;
    auto networkRule = [](const QString &name, const QString &description, const QString &protocol,
                          const QString &key, const QString &destination, const QStringList &ports) {
        return NetworkRule{name, shortText(description), AzureFirewall::firewallProtocol(protocol), key, destination,
                           ports};
    };
    const QString addresses = QStringLiteral("destination_addresses");
    const QString fqdns = QStringLiteral("destination_fqdns");
    auto addAlternative = [&](const Rule &rule, const FirewallPart &part, const QString &purpose) {
        if (o.includeAlternatives && !part.alternativeTag.isEmpty())
            plan.tagRules.append(networkRule(
                rule.id + QStringLiteral("-alternative"),
                tr("Alternative for %1 on %2: %3").arg(part.target, RuleLabels::ports(part.ports, lang), purpose),
                rule.protocol, addresses, part.alternativeTag, part.ports));
    };
    for (const Rule &rule : set.rules) {
        if (!rule.unanswered.isEmpty()) { // "<acr>.azurecr.io" is no FQDN: left out, the note names the answer
            for (const TranslatableText &text : AzureFirewall::unansweredTexts(rule))
                plan.notes << tr("Rule %1 is not in this file: %2").arg(rule.id, text.toString());
            continue;
        }
        const QString purpose = RuleLabels::purpose(rule, lang);
        for (const FirewallPart &part : rule.firewall) {
            switch (part.type) {
            case FirewallRuleType::NetworkServiceTag:
                plan.tagRules.append(networkRule(rule.id, purpose, rule.protocol, addresses, part.target, part.ports));
                break;
            case FirewallRuleType::NetworkFqdn:
                plan.dnsProxy = true;
                plan.fqdnRules.append(networkRule(rule.id, purpose, rule.protocol, fqdns, part.target, part.ports));
                break;
            case FirewallRuleType::Application: {
                ApplicationRule app{rule.id, shortText(purpose), {}, {}, {}};
                for (const QString &p : part.appProtocols) {
                    const auto pieces = p.split(u':');
                    app.protocols.append({pieces.value(0), pieces.value(1).toInt()});
                }
                if (!part.urlPath.isEmpty() && premium) {
                    app.url = part.urlPath;
                    plan.notes << tr("Rule %1 matches the URL path %2: the policy needs TLS inspection configured "
                                     "(Premium tier, a CA certificate in Key Vault).")
                                      .arg(rule.id, part.urlPath);
                } else {
                    app.fqdn = part.target;
                    if (!part.urlPath.isEmpty() || part.protocol == u"ANY") // what the rule does not carry
                        plan.notes << AzureFirewall::explanation(part);
                }
                plan.appRules.append(app);
                // ANY on a wildcard: the tag carries the rest of ANY, once per tag and ports.
                const QString anyKey = part.alternativeTag + u' ' + part.ports.join(u',');
                if (part.protocol == u"ANY" && !anyAlternatives.contains(anyKey)) {
                    anyAlternatives << anyKey;
                    addAlternative(rule, part, purpose);
                }
                break;
            }
            case FirewallRuleType::Unsupported:
                plan.notes << AzureFirewall::explanation(part);
                addAlternative(rule, part, purpose);
                break;
            case FirewallRuleType::Route:
                if (!plan.routeRules.contains(&rule))
                    plan.routeRules << &rule;
                break;
            case FirewallRuleType::Managed: // refused before: a managed network has no firewall policy
            case FirewallRuleType::InboundNsg:
                break;
            }
        }
    }
    if (!newPolicy && plan.dnsProxy)
        plan.notes << tr(
            "Some rules are network rules with destination FQDNs: enable DNS proxy on the existing firewall policy.");

    // ---- the routes
    const bool ipRanges = set.answers.udr == UdrMethod::IpRanges;
    const bool routesWritten = !plan.routeRules.isEmpty() && o.routeTable != ArmOptions::RouteTable::None;
    const bool defaultRoute = routesWritten && o.routeTable == ArmOptions::RouteTable::New && !o.firewallPrivateIp.isEmpty();
    if (!plan.routeRules.isEmpty() && o.routeTable == ArmOptions::RouteTable::None) {
        plan.notes << tr("Compute needs user-defined routes (next hop: Internet) on its subnet's route table; this file "
                         "does not create them.");
    } else if (routesWritten) {
        QSet<QString> names;
        if (defaultRoute)
            names.insert(QStringLiteral("default-via-firewall"));
        auto uniqueName = [&names](const QString &wanted) {
            QString name = wanted.left(80);
            for (int n = 2; names.contains(name); ++n) {
                const QString suffix = u'-' + QString::number(n);
                name = wanted.left(80 - suffix.size()) + suffix;
            }
            names.insert(name);
            return name;
        };
        for (const Rule *rule : std::as_const(plan.routeRules)) {
            if (!ipRanges) {
                plan.routes.append({rule->id, uniqueName(rule->id), rule->destination, {}});
            } else if (set.hasAddressPrefixes(*rule)) {
                plan.prefixesFromFile = true;
                for (const QString &prefix : set.addressPrefixes(*rule))
                    plan.routes.append({rule->id, uniqueName(prefixRouteName(rule->id, prefix)), prefix, {}});
            } else {
                plan.prefixVariables << rule;
                plan.routes.append({rule->id, {}, {}, identifier(rule->id) + QStringLiteral("_prefixes")});
            }
        }
        if (!plan.prefixVariables.isEmpty())
            plan.notes << tr("Fill the route prefix variables from the current \"Azure IP Ranges and Service Tags\" "
                             "file: they change over time.");
        if (plan.prefixesFromFile && set.serviceTags)
            plan.notes << tr("The route prefixes are those of %1 (%2): they change weekly, so export again with a "
                             "newer file before each change.")
                              .arg(set.serviceTags->fileName, set.serviceTags->versionText());
        if (o.routeTable == ArmOptions::RouteTable::New)
            plan.notes << tr("Associate the route table with the compute subnet.");
    }
    bool inbound = false;
    for (const Rule &rule : set.rules)
        inbound = inbound || rule.primaryType() == FirewallRuleType::InboundNsg;
    if (inbound)
        plan.notes << tr("Inbound rules (BatchNodeManagement, AzureMachineLearning) belong to the compute subnet's "
                         "network security group, which Azure creates; they are not firewall rules.");
    plan.notes.removeDuplicates();

    const bool needsLocation = newPolicy || (routesWritten && o.routeTable == ArmOptions::RouteTable::New);
    const bool locationFromGroup = needsLocation && o.location.isEmpty();
    const QString location = locationFromGroup ? QStringLiteral("local.location") : QStringLiteral("var.location");

    HclWriter w;
    // ---- header
    w.comment(tr("Azure Firewall rules for an Azure Machine Learning workspace: %1, %2.")
                  .arg(RuleLabels::cloudName(set, lang), set.answers.region));
    w.comment(tr("Generated by amlfw %1 from the article edition %2.")
                  .arg(QStringLiteral(AMLFW_VERSION), set.catalog.edition));
    const QString features = set.effectiveFeatures.isEmpty() ? tr("none")
                                                             : set.effectiveFeatures.join(QStringLiteral(", "));
    w.commentLines(wrapped(tr("Features: %1").arg(features), 110, QString(), QStringLiteral("  ")));
    w.comment(tr("Routes (UDR): %1").arg(udrMethodId(set.answers.udr)));
    if (set.serviceTags)
        w.comment(tr("Service tags file: %1 (%2)").arg(set.serviceTags->fileName, set.serviceTags->versionText()));
    w.comment(QString());
    w.comment(tr("Deploy with: terraform init && terraform plan -var resource_group_name=<resource group>"));
    if (!plan.notes.isEmpty()) {
        w.comment(QString());
        w.comment(tr("Notes:"));
        for (const QString &note : std::as_const(plan.notes))
            w.commentLines(wrapped(note, 110, QStringLiteral("- "), QStringLiteral("  ")));
    }
    w.blank();

    // ---- provider
    w.open(QStringLiteral("terraform"));
    w.open(QStringLiteral("required_providers"));
    w.open(QStringLiteral("azurerm ="));
    w.attr(QStringLiteral("source"), hclString(QStringLiteral("hashicorp/azurerm")));
    w.attr(QStringLiteral("version"), hclString(QStringLiteral("~> 4.0")));
    w.close();
    w.close();
    w.close();
    w.open(QStringLiteral("provider \"azurerm\""));
    if (set.answers.cloud == u"usgov")
        w.attr(QStringLiteral("environment"), hclString(QStringLiteral("usgovernment")));
    else if (set.answers.cloud == u"china")
        w.attr(QStringLiteral("environment"), hclString(QStringLiteral("china")));
    w.blank();
    w.emptyBlock(QStringLiteral("features"));
    w.close();

    // ---- variables, with the ARM template's defaults
    auto variable = [&w](const QString &name, const QString &type, const QString &description,
                         const QString &defaultValue = QString()) {
        w.open(QStringLiteral("variable \"%1\"").arg(name));
        w.attr(QStringLiteral("description"), hclString(description));
        w.attr(QStringLiteral("type"), type);
        if (!defaultValue.isEmpty())
            w.attr(QStringLiteral("default"), defaultValue);
    };
    auto validation = [&w](const QString &condition, const QString &message) {
        w.blank();
        w.open(QStringLiteral("validation"));
        w.attr(QStringLiteral("condition"), condition);
        w.attr(QStringLiteral("error_message"), hclString(message));
        w.close();
    };
    const QString string = QStringLiteral("string");
    const QString stringList = QStringLiteral("list(string)");
    variable(QStringLiteral("resource_group_name"), string,
             tr("Name of the existing resource group of the firewall policy and the route table."));
    w.close();
    variable(QStringLiteral("firewall_policy_name"), string,
             newPolicy ? tr("Name of the firewall policy to create.")
                       : tr("Name of the existing firewall policy in this resource group."),
             hclString(o.policyName));
    w.close();
    if (needsLocation) {
        if (locationFromGroup)
            variable(QStringLiteral("location"), string,
                     tr("Location of the new resources (null: the resource group's)."), QStringLiteral("null"));
        else
            variable(QStringLiteral("location"), string, tr("Location of the new resources."), hclString(o.location));
        w.close();
    }
    variable(QStringLiteral("rule_collection_group_name"), string,
             tr("Name of the rule collection group for Azure Machine Learning."),
             hclString(o.ruleCollectionGroupName));
    w.close();
    variable(QStringLiteral("rule_collection_group_priority"), QStringLiteral("number"),
             tr("Priority of the rule collection group (100-65000)."), QString::number(o.ruleCollectionGroupPriority));
    validation(QStringLiteral("var.rule_collection_group_priority >= 100 && var.rule_collection_group_priority <= 65000"),
               tr("The rule collection group priority must be from 100 to 65000."));
    w.close();
    variable(QStringLiteral("source_addresses"), stringList,
             tr("Address prefixes of the Azure Machine Learning compute subnet(s), such as 10.0.1.0/24."),
             o.sourceAddresses.isEmpty() ? QString() : hclList(o.sourceAddresses));
    validation(QStringLiteral("length(var.source_addresses) > 0"),
               tr("Give at least one address prefix of the compute subnet."));
    w.close();
    if (routesWritten) {
        variable(QStringLiteral("route_table_name"), string,
                 o.routeTable == ArmOptions::RouteTable::New
                     ? tr("Name of the route table to create for the compute subnet.")
                     : tr("Name of the compute subnet's existing route table in this resource group."),
                 hclString(o.routeTableName));
        w.close();
        if (defaultRoute) {
            variable(QStringLiteral("firewall_private_ip"), string, tr("Private IP address of the Azure Firewall."),
                     hclString(o.firewallPrivateIp));
            w.close();
        }
        for (const Rule *rule : std::as_const(plan.prefixVariables)) {
            variable(identifier(rule->id) + QStringLiteral("_prefixes"), stringList,
                     tr("Address prefixes of the %1 service tag, from the \"Azure IP Ranges and Service Tags\" file "
                        "of your cloud.")
                         .arg(rule->destination),
                     QStringLiteral("[]"));
            w.close();
        }
    }

    // ---- the resource group's location, the policy
    if (locationFromGroup) {
        w.open(QStringLiteral("data \"azurerm_resource_group\" \"aml\""));
        w.attr(QStringLiteral("name"), QStringLiteral("var.resource_group_name"));
        w.close();
        w.open(QStringLiteral("locals"));
        w.attr(QStringLiteral("location"), QStringLiteral("coalesce(var.location, data.azurerm_resource_group.aml.location)"));
        w.close();
    }
    QString policyId;
    if (newPolicy) {
        policyId = QStringLiteral("azurerm_firewall_policy.aml.id");
        w.open(QStringLiteral("resource \"azurerm_firewall_policy\" \"aml\""));
        w.attr(QStringLiteral("name"), QStringLiteral("var.firewall_policy_name"));
        w.attr(QStringLiteral("resource_group_name"), QStringLiteral("var.resource_group_name"));
        w.attr(QStringLiteral("location"), location);
        w.attr(QStringLiteral("sku"), hclString(premium ? QStringLiteral("Premium") : QStringLiteral("Standard")));
        w.attr(QStringLiteral("threat_intelligence_mode"), hclString(QStringLiteral("Alert")));
        if (plan.dnsProxy) {
            w.blank();
            w.comment(tr("Network rules with destination FQDNs need the DNS proxy."));
            w.open(QStringLiteral("dns"));
            w.attr(QStringLiteral("proxy_enabled"), QStringLiteral("true"));
            w.close();
        }
        w.close();
    } else {
        policyId = QStringLiteral("data.azurerm_firewall_policy.aml.id");
        w.open(QStringLiteral("data \"azurerm_firewall_policy\" \"aml\""));
        w.attr(QStringLiteral("name"), QStringLiteral("var.firewall_policy_name"));
        w.attr(QStringLiteral("resource_group_name"), QStringLiteral("var.resource_group_name"));
        w.close();
    }

    // ---- the rule collection group
    w.open(QStringLiteral("resource \"azurerm_firewall_policy_rule_collection_group\" \"aml\""));
    w.attr(QStringLiteral("name"), QStringLiteral("var.rule_collection_group_name"));
    w.attr(QStringLiteral("firewall_policy_id"), policyId);
    w.attr(QStringLiteral("priority"), QStringLiteral("var.rule_collection_group_priority"));
    auto collection = [&w](const QString &type, const QString &name, int priority) {
        w.open(type);
        w.attr(QStringLiteral("name"), hclString(name));
        w.attr(QStringLiteral("priority"), QString::number(priority));
        w.attr(QStringLiteral("action"), hclString(QStringLiteral("Allow")));
    };
    auto networkRules = [&](const QString &name, int priority, const QList<NetworkRule> &rules) {
        if (rules.isEmpty())
            return;
        collection(QStringLiteral("network_rule_collection"), name, priority);
        for (const NetworkRule &r : rules) {
            w.open(QStringLiteral("rule"));
            w.attr(QStringLiteral("name"), hclString(r.name));
            if (!r.description.isEmpty())
                w.attr(QStringLiteral("description"), hclString(r.description));
            w.attr(QStringLiteral("protocols"), hclList({r.protocol}));
            w.attr(QStringLiteral("source_addresses"), QStringLiteral("var.source_addresses"));
            w.attr(r.destinationKey, hclList({r.destination}));
            w.attr(QStringLiteral("destination_ports"), hclList(r.ports));
            w.close();
        }
        w.close();
    };
    networkRules(QStringLiteral("aml-network-service-tags"), 100, plan.tagRules);
    networkRules(QStringLiteral("aml-network-fqdns"), 110, plan.fqdnRules);
    if (!plan.appRules.isEmpty()) {
        collection(QStringLiteral("application_rule_collection"), QStringLiteral("aml-application-rules"), 200);
        for (const ApplicationRule &r : std::as_const(plan.appRules)) {
            w.open(QStringLiteral("rule"));
            w.attr(QStringLiteral("name"), hclString(r.name));
            if (!r.description.isEmpty())
                w.attr(QStringLiteral("description"), hclString(r.description));
            w.attr(QStringLiteral("source_addresses"), QStringLiteral("var.source_addresses"));
            if (!r.url.isEmpty()) {
                w.attr(QStringLiteral("destination_urls"), hclList({r.url}));
                w.attr(QStringLiteral("terminate_tls"), QStringLiteral("true"));
            } else {
                w.attr(QStringLiteral("destination_fqdns"), hclList({r.fqdn}));
            }
            for (const auto &[type, port] : r.protocols) {
                w.open(QStringLiteral("protocols"));
                w.attr(QStringLiteral("type"), hclString(type));
                w.attr(QStringLiteral("port"), QString::number(port));
                w.close();
            }
            w.close();
        }
        w.close();
    }
    w.close();

    // ---- the routes (next hop Internet), and the default route through the firewall
    const QString internet = hclString(QStringLiteral("Internet"));
    // The for_each form of prefixRouteName().
    auto variableRouteName = [](const QString &ruleId, const QString &value) -> QString {
        return u'"' + ruleId + QStringLiteral("-${replace(replace(") + value
               + QStringLiteral(", \"/\", \"_\"), \":\", \"-\")}\"");
    };
    if (routesWritten && o.routeTable == ArmOptions::RouteTable::New) {
        w.open(QStringLiteral("resource \"azurerm_route_table\" \"aml\""));
        w.attr(QStringLiteral("name"), QStringLiteral("var.route_table_name"));
        w.attr(QStringLiteral("resource_group_name"), QStringLiteral("var.resource_group_name"));
        w.attr(QStringLiteral("location"), location);
        w.attr(QStringLiteral("bgp_route_propagation_enabled"), QStringLiteral("true"));
        for (const Route &r : std::as_const(plan.routes)) {
            if (!r.variable.isEmpty()) {
                w.open(QStringLiteral("dynamic \"route\""));
                w.attr(QStringLiteral("for_each"), QStringLiteral("var.") + r.variable);
                w.blank();
                w.open(QStringLiteral("content"));
                w.attr(QStringLiteral("name"), variableRouteName(r.ruleId, QStringLiteral("route.value")));
                w.attr(QStringLiteral("address_prefix"), QStringLiteral("route.value"));
                w.attr(QStringLiteral("next_hop_type"), internet);
                w.close();
                w.close();
            } else {
                w.open(QStringLiteral("route"));
                w.attr(QStringLiteral("name"), hclString(r.name));
                w.attr(QStringLiteral("address_prefix"), hclString(r.prefix));
                w.attr(QStringLiteral("next_hop_type"), internet);
                w.close();
            }
        }
        if (defaultRoute) {
            w.open(QStringLiteral("route"));
            w.attr(QStringLiteral("name"), hclString(QStringLiteral("default-via-firewall")));
            w.attr(QStringLiteral("address_prefix"), hclString(QStringLiteral("0.0.0.0/0")));
            w.attr(QStringLiteral("next_hop_type"), hclString(QStringLiteral("VirtualAppliance")));
            w.attr(QStringLiteral("next_hop_in_ip_address"), QStringLiteral("var.firewall_private_ip"));
            w.close();
        }
        w.close();
    } else if (routesWritten) {
        w.open(QStringLiteral("data \"azurerm_route_table\" \"aml\""));
        w.attr(QStringLiteral("name"), QStringLiteral("var.route_table_name"));
        w.attr(QStringLiteral("resource_group_name"), QStringLiteral("var.resource_group_name"));
        w.close();
        QSet<QString> labels;
        for (const Route &r : std::as_const(plan.routes)) {
            QString label = identifier(r.variable.isEmpty() ? r.name : r.ruleId);
            for (int n = 2; labels.contains(label); ++n)
                label = identifier(r.variable.isEmpty() ? r.name : r.ruleId) + u'_' + QString::number(n);
            labels.insert(label);
            w.open(QStringLiteral("resource \"azurerm_route\" \"%1\"").arg(label));
            if (!r.variable.isEmpty()) {
                w.attr(QStringLiteral("for_each"), QStringLiteral("toset(var.") + r.variable + u')');
                w.blank();
                w.attr(QStringLiteral("name"), variableRouteName(r.ruleId, QStringLiteral("each.value")));
                w.attr(QStringLiteral("address_prefix"), QStringLiteral("each.value"));
            } else {
                w.attr(QStringLiteral("name"), hclString(r.name));
                w.attr(QStringLiteral("address_prefix"), hclString(r.prefix));
            }
            w.attr(QStringLiteral("resource_group_name"), QStringLiteral("var.resource_group_name"));
            w.attr(QStringLiteral("route_table_name"), QStringLiteral("data.azurerm_route_table.aml.name"));
            w.attr(QStringLiteral("next_hop_type"), internet);
            w.close();
        }
    }

    // ---- outputs
    if (newPolicy) {
        w.open(QStringLiteral("output \"firewall_policy_id\""));
        w.attr(QStringLiteral("description"), hclString(tr("Attach this policy to the Azure Firewall.")));
        w.attr(QStringLiteral("value"), policyId);
        w.close();
    }
    w.open(QStringLiteral("output \"rule_collection_group_id\""));
    w.attr(QStringLiteral("value"), QStringLiteral("azurerm_firewall_policy_rule_collection_group.aml.id"));
    w.close();
    if (routesWritten) {
        w.open(QStringLiteral("output \"route_table_id\""));
        if (o.routeTable == ArmOptions::RouteTable::New) {
            w.attr(QStringLiteral("description"), hclString(tr("Associate this route table with the compute subnet.")));
            w.attr(QStringLiteral("value"), QStringLiteral("azurerm_route_table.aml.id"));
        } else {
            w.attr(QStringLiteral("value"), QStringLiteral("data.azurerm_route_table.aml.id"));
        }
        w.close();
    }
    return w.bytes();
}

} // namespace amlfw
