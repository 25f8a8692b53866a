#include "managednetworkexporter.h"

#include "azurefirewall.h"
#include "rulelabels.h"

#include <QSet>

namespace amlfw {

namespace {

const char *const kContext = "amlfw::ManagedNetworkExporter";

// A YAML single-quoted scalar: nothing is special inside but the quote, which is doubled. Line breaks
// would fold, so control characters become spaces.
QString yamlQuoted(const QString &value)
{
    QString out;
    for (QChar c : value) {
        if (c == u'\'')
            out += QStringLiteral("''");
        else
            out += (c.unicode() < 0x20 || c.unicode() == 0x7f) ? QChar(u' ') : c;
    }
    return u'\'' + out + u'\'';
}

// A bash single-quoted word, for the az commands in the comment block.
QString shellQuoted(const QString &value)
{
    QString out = value;
    out.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + out + u'\'';
}

// A comment line at `indent`: control characters (a newline above all) would end the comment.
QString comment(const QString &text, const QString &indent = {})
{
    QString out;
    for (QChar c : text)
        out += (c.unicode() < 0x20 || c.unicode() == 0x7f) ? QChar(u' ') : c;
    return indent + QStringLiteral("# ") + out + u'\n';
}

// Outbound rule names: ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$, unique in the workspace.
QString ruleName(const QString &id, QSet<QString> *used)
{
    QString name;
    for (QChar c : id)
        name += (c.unicode() < 0x80 && (c.isLetterOrNumber() || c == u'-' || c == u'_')) ? c : QChar(u'-');
    while (!name.isEmpty() && !(name.at(0).unicode() < 0x80 && name.at(0).isLetterOrNumber()))
        name.remove(0, 1);
    if (name.size() < 3)
        name = QStringLiteral("rule-") + name;
    name.truncate(33);
    QString unique = name;
    for (int i = 2; used->contains(unique.toLower()); ++i) {
        const QString suffix = u'-' + QString::number(i);
        unique = name.left(33 - suffix.size()) + suffix;
    }
    used->insert(unique.toLower());
    return unique;
}

bool isWebPort(const QString &port)
{
    return AzureFirewall::isWebPort(port);
}

// The ARM resource type of a private endpoint's target, by the catalog's name for it.
struct EndpointTarget
{
    QString providerPath; // "Microsoft.Storage/storageAccounts/"
    QString placeholder;  // the name when the answers do not give it
};

EndpointTarget endpointTarget(const QString &templateResource)
{
    if (templateResource == u"<storage>")
        return {QStringLiteral("Microsoft.Storage/storageAccounts/"), QStringLiteral("<STORAGE_ACCOUNT_NAME>")};
    if (templateResource == u"<acr>")
        return {QStringLiteral("Microsoft.ContainerRegistry/registries/"), QStringLiteral("<REGISTRY_NAME>")};
    if (templateResource == u"keyvault")
        return {QStringLiteral("Microsoft.KeyVault/vaults/"), QStringLiteral("<KEY_VAULT_NAME>")};
    if (templateResource == u"workspace")
        return {QStringLiteral("Microsoft.MachineLearningServices/workspaces/"), QStringLiteral("<WORKSPACE_NAME>")};
    return {};
}

struct OutboundRule
{
    const Rule *rule = nullptr;
    QString name;
    QString type; // fqdn / service_tag / private_endpoint
    QString destination;         // fqdn
    QString serviceTag, protocol, portRanges; // service_tag
    QString resourceId, subresource;          // private_endpoint
    QString fill;                             // private_endpoint: what the user fills in
};

struct Plan
{
    QList<OutboundRule> rules;
    QList<const Rule *> automatic;
    QList<Problem> leftOut; // warnings: what is not in the file, and why
    int placeholders = 0;   // private endpoints whose resource ID holds placeholders
};

Plan plan(const RuleSet &set)
{
    Plan p;
    QSet<QString> used;
    for (const Rule &rule : set.rules) {
        if (rule.network != NetworkKind::Managed)
            continue;
        if (rule.automatic) {
            p.automatic << &rule;
            continue;
        }
        if (rule.direction != Direction::Outbound)
            continue;
        OutboundRule out;
        out.rule = &rule;
        switch (rule.kind) {
        case RuleKind::Fqdn: {
            if (!rule.unanswered.isEmpty()) {
                for (const TranslatableText &text : AzureFirewall::unansweredTexts(rule))
                    p.leftOut << Problem::warning(
                        rule.id, TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::ManagedNetworkExporter",
                                                                              "%1 is left out: %2"))
                                     .arg(rule.destination)
                                     .arg(text));
                continue;
            }
            QStringList web;
            QStringList other;
            for (const QString &port : rule.ports)
                (isWebPort(port) ? web : other) << port;
            const bool tcp = rule.protocol.isEmpty() || rule.protocol == u"TCP" || rule.protocol == u"ANY";
            if (web.isEmpty() || !tcp) {
                p.leftOut << Problem::warning(
                    rule.id, TranslatableText(kContext,
                                              QT_TRANSLATE_NOOP("amlfw::ManagedNetworkExporter",
                                                                "%1 (%2, port(s) %3) is left out: FQDN outbound rules "
                                                                "of a managed network carry TCP ports 80 and 443 only. "
                                                                "Ask whether a service tag or private endpoint rule "
                                                                "covers it."))
                                 .arg(rule.destination, AzureFirewall::firewallProtocol(rule.protocol),
                                      rule.ports.join(QStringLiteral(", "))));
                continue;
            }
            if (!other.isEmpty())
                p.leftOut << Problem::warning(
                    rule.id, TranslatableText(kContext,
                                              QT_TRANSLATE_NOOP("amlfw::ManagedNetworkExporter",
                                                                "%1 is allowed on ports 80 and 443 only; port(s) %2 "
                                                                "are left out: FQDN outbound rules of a managed "
                                                                "network carry ports 80 and 443 only."))
                                 .arg(rule.destination, other.join(QStringLiteral(", "))));
            if (rule.protocol == u"ANY")
                p.leftOut << Problem::warning(
                    rule.id, TranslatableText(kContext,
                                              QT_TRANSLATE_NOOP("amlfw::ManagedNetworkExporter",
                                                                "%1 is allowed over TCP only; the article's other "
                                                                "protocols are left out: FQDN outbound rules carry "
                                                                "HTTP and HTTPS."))
                                 .arg(rule.destination));
            out.type = QStringLiteral("fqdn");
            out.destination = rule.destination;
            break;
        }
        case RuleKind::ServiceTag:
            out.type = QStringLiteral("service_tag");
            out.serviceTag = rule.destination;
            out.protocol = rule.protocol == u"ANY" || rule.protocol.isEmpty() ? QStringLiteral("*") : rule.protocol;
            out.portRanges = rule.ports.isEmpty() ? QStringLiteral("*") : rule.ports.join(QStringLiteral(","));
            break;
        case RuleKind::PrivateEndpoint: {
            // "<storage>:queue": the resource (a placeholder of the catalog, or its name) and the subresource.
            const QString resource = rule.destination.section(u':', 0, 0);
            const QString templateResource = rule.destinationTemplate.section(u':', 0, 0);
            out.subresource = rule.destination.section(u':', 1);
            const EndpointTarget target = endpointTarget(templateResource);
            const bool named = !templateResource.startsWith(u'<') || rule.unanswered.isEmpty();
            if (target.providerPath.isEmpty()) {
                out.resourceId = QStringLiteral("<RESOURCE_ID>");
                out.fill = QCoreApplication::translate("amlfw::ManagedNetworkExporter", "Fill in the resource ID of %1.").arg(resource);
            } else {
                const QString name = named && templateResource.startsWith(u'<') ? resource : target.placeholder;
                out.resourceId = QStringLiteral("/subscriptions/<SUBSCRIPTION_ID>/resourceGroups/<RESOURCE_GROUP>/"
                                                "providers/")
                                 + target.providerPath + name;
                out.fill = name.startsWith(u'<')
                               ? QCoreApplication::translate("amlfw::ManagedNetworkExporter",
                                                             "Fill in the subscription, the resource group and the "
                                                             "resource name.")
                               : QCoreApplication::translate("amlfw::ManagedNetworkExporter",
                                                             "Fill in the subscription and the resource group of %1.")
                                     .arg(name);
            }
            out.type = QStringLiteral("private_endpoint");
            ++p.placeholders;
            break;
        }
        case RuleKind::Url:
        case RuleKind::Route:
            p.leftOut << Problem::warning(
                rule.id, TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::ManagedNetworkExporter",
                                                                      "%1 is left out: a managed network has no "
                                                                      "outbound rule of this kind."))
                             .arg(rule.destination));
            continue;
        }
        out.name = ruleName(rule.id, &used);
        p.rules << out;
    }
    return p;
}

} // namespace

Problems ManagedNetworkExporter::validate(const RuleSet &set, const ExportOptions &)
{
    Problems problems;
    if (set.answers.network != NetworkKind::Managed) {
        problems << Problem::error(
            QStringLiteral("--network"),
            TranslatableText("amlfw::ManagedNetworkExporter",
                             QT_TRANSLATE_NOOP("amlfw::ManagedNetworkExporter",
                                               "These rules are for your own firewall, not for a managed virtual "
                                               "network: export the managed network's outbound rules with --network "
                                               "managed (edition 2026-03 or later), or your firewall's rules with "
                                               "--format arm, terraform or az-cli.")));
        return problems;
    }
    const Plan p = plan(set);
    problems += p.leftOut;
    if (p.placeholders > 0)
        problems << Problem::warning(
            QString(), TranslatableText("amlfw::ManagedNetworkExporter",
                                        QT_TRANSLATE_N_NOOP("amlfw::ManagedNetworkExporter",
                                                            "%n private endpoint rule(s) name their resource by "
                                                          "placeholders (<SUBSCRIPTION_ID>, <RESOURCE_GROUP>): fill "
                                                          "them in before applying the file."),
                                        p.placeholders));
    return problems;
}

QByteArray ManagedNetworkExporter::write(const RuleSet &set, const ExportOptions &options)
{
    const Language lang = options.language;
    const Plan p = plan(set);

    QString out;
    out += comment(tr("Outbound rules of an Azure Machine Learning workspace's managed virtual network: %1, %2.")
                       .arg(RuleLabels::cloudName(set, lang), set.answers.region));
    out += comment(tr("Generated by amlfw %1 from the article edition %2; features: %3.")
                       .arg(QStringLiteral(AMLFW_VERSION), set.catalog.edition,
                            set.effectiveFeatures.isEmpty() ? tr("none")
                                                            : set.effectiveFeatures.join(QStringLiteral(", "))));
    out += comment(tr("Apply: az ml workspace update --file <this file> --resource-group <group> --name <workspace>"));
    out += comment(tr("A workspace created with allow_internet_outbound cannot be changed to "
                      "allow_only_approved_outbound; a managed network cannot be turned off."));
    out += comment(tr("FQDN outbound rules are carried by an Azure Firewall that Azure adds to the managed network "
                      "and bills; they allow ports 80 and 443 only."));
    if (!p.automatic.isEmpty()) {
        out += QStringLiteral("#\n");
        out += comment(tr("Azure adds these rules by itself (not in this file):"));
        for (const Rule *rule : std::as_const(p.automatic)) {
            QString what = rule->destination + QStringLiteral(" (") + RuleLabels::kind(rule->kind);
            if (!rule->protocol.isEmpty())
                what += QStringLiteral("; ") + rule->protocol + u' ' + RuleLabels::ports(rule->ports, lang);
            out += comment(QStringLiteral("- ") + what + u')');
        }
    }
    if (!p.leftOut.isEmpty()) {
        out += QStringLiteral("#\n");
        out += comment(tr("Left out:"));
        for (const Problem &problem : p.leftOut)
            out += comment(QStringLiteral("- ") + problem.toString());
    }
    out += u'\n';

    out += QStringLiteral("managed_network:\n  isolation_mode: allow_only_approved_outbound\n");
    if (p.rules.isEmpty()) {
        out += QStringLiteral("  outbound_rules: []\n");
    } else {
        out += QStringLiteral("  outbound_rules:\n");
        for (const OutboundRule &r : p.rules) {
            out += comment(RuleLabels::purpose(*r.rule, lang), QStringLiteral("  "));
            if (!r.fill.isEmpty())
                out += comment(r.fill, QStringLiteral("  "));
            out += QStringLiteral("  - name: ") + yamlQuoted(r.name) + QStringLiteral("\n    type: ") + r.type + u'\n';
            if (r.type == u"fqdn") {
                out += QStringLiteral("    destination: ") + yamlQuoted(r.destination) + u'\n';
            } else if (r.type == u"service_tag") {
                out += QStringLiteral("    destination:\n      service_tag: ") + yamlQuoted(r.serviceTag)
                       + QStringLiteral("\n      protocol: ") + yamlQuoted(r.protocol)
                       + QStringLiteral("\n      port_ranges: ") + yamlQuoted(r.portRanges) + u'\n';
            } else {
                out += QStringLiteral("    destination:\n      service_resource_id: ") + yamlQuoted(r.resourceId)
                       + QStringLiteral("\n      subresource_target: ") + yamlQuoted(r.subresource)
                       + QStringLiteral("\n      spark_enabled: false\n");
            }
        }
    }

    if (!p.rules.isEmpty()) {
        out += QStringLiteral("\n");
        out += comment(tr("The same rules one at a time, with az ml workspace outbound-rule set (set RG and WS "
                          "first: RG=my-group WS=my-workspace):"));
        for (const OutboundRule &r : p.rules) {
            QString command = QStringLiteral("az ml workspace outbound-rule set --resource-group \"$RG\" "
                                             "--workspace-name \"$WS\" --rule ")
                              + shellQuoted(r.name) + QStringLiteral(" --type ") + r.type;
            if (r.type == u"fqdn")
                command += QStringLiteral(" --destination ") + shellQuoted(r.destination);
            else if (r.type == u"service_tag")
                command += QStringLiteral(" --service-tag ") + shellQuoted(r.serviceTag) + QStringLiteral(" --protocol ")
                           + shellQuoted(r.protocol) + QStringLiteral(" --port-ranges ") + shellQuoted(r.portRanges);
            else
                command += QStringLiteral(" --service-resource-id ") + shellQuoted(r.resourceId)
                           + QStringLiteral(" --subresource-target ") + shellQuoted(r.subresource)
                           + QStringLiteral(" --spark-enabled false");
            out += comment(command);
        }
    }
    return out.toUtf8();
}

} // namespace amlfw
