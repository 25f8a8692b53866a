#include "azurefirewall.h"

#include "hostname.h"
#include "rulelabels.h"

namespace amlfw {

namespace {

// Resolves "Storage.japaneast" / "AzureFrontDoor.FrontEnd" / "AzureMachineLearning" against the
// catalog's list of tags that exist.
UnsupportedReason checkServiceTag(const QString &tag, const Catalog &catalog, const QString &cloud)
{
    const ServiceTag *known = catalog.serviceTag(tag);
    if (!known) {
        const qsizetype dot = tag.lastIndexOf(u'.');
        if (dot > 0) {
            const ServiceTag *base = catalog.serviceTag(tag.left(dot));
            if (base && base->regional)
                known = base;
        }
    }
    if (!known)
        return UnsupportedReason::UnknownServiceTag;
    if (!known->clouds.isEmpty() && !known->clouds.contains(cloud))
        return UnsupportedReason::TagNotInCloud;
    return UnsupportedReason::None;
}

QStringList appProtocolsFor(const QStringList &ports)
{
    QStringList out;
    if (ports.contains(QStringLiteral("80")))
        out << QStringLiteral("Http:80");
    if (ports.contains(QStringLiteral("443")))
        out << QStringLiteral("Https:443");
    return out;
}

// Port lists the way the current language writes them ("80, 443" / "80、443").
QString portList(const QStringList &ports)
{
    return RuleLabels::ports(ports, currentLanguage());
}

// The same, written when shown, in the language of the text it goes into.
TranslatableText portListText(const QStringList &ports)
{
    return TranslatableText::localized(
        {RuleLabels::ports(ports, Language::English), RuleLabels::ports(ports, Language::Japanese)});
}

} // namespace

QList<FirewallPart> AzureFirewall::classify(const Rule &rule, const Catalog &catalog, const QString &cloud)
{
    QList<FirewallPart> parts;
    FirewallPart part;
    part.ports = rule.ports;
    part.target = rule.destination;

    if (rule.kind == RuleKind::ServiceTag || rule.kind == RuleKind::Route) {
        const UnsupportedReason reason = checkServiceTag(rule.destination, catalog, cloud);
        if (reason != UnsupportedReason::None) {
            part.type = FirewallRuleType::Unsupported;
            part.reason = reason;
        } else if (rule.kind == RuleKind::Route) {
            part.type = FirewallRuleType::Route;
        } else if (rule.direction == Direction::Inbound) {
            part.type = FirewallRuleType::InboundNsg;
        } else {
            part.type = FirewallRuleType::NetworkServiceTag;
        }
        return {part};
    }

    QString host = rule.destination;
    if (rule.kind == RuleKind::Url) {
        host = hostOfUrl(rule.destination);
        part.urlPath = rule.destination;
        part.target = host;
    }
    const bool tcp = rule.protocol == u"TCP";
    QStringList web;
    QStringList other;
    for (const QString &p : rule.ports)
        (tcp && isWebPort(p) ? web : other) << p;

    if (other.isEmpty()) {
        part.type = FirewallRuleType::Application;
        part.appProtocols = appProtocolsFor(web);
        return {part};
    }
    if (!isWildcardHost(host) && rule.kind == RuleKind::Fqdn) {
        // Keep the rule whole: one network rule with a destination FQDN on all its ports.
        part.type = FirewallRuleType::NetworkFqdn;
        part.dnsProxyRequired = true;
        return {part};
    }
    if (!web.isEmpty()) {
        FirewallPart app = part;
        app.type = FirewallRuleType::Application;
        app.ports = web;
        app.appProtocols = appProtocolsFor(web);
        parts << app;
    }
    FirewallPart rest = part;
    rest.type = FirewallRuleType::Unsupported;
    rest.ports = other;
    rest.reason = UnsupportedReason::WildcardOnOtherPort;
    rest.alternativeTag = rule.alternativeTag;
    rest.urlPath.clear();
    parts << rest;
    return parts;
}

QString AzureFirewall::typeLabel(FirewallRuleType type)
{
    switch (type) {
    case FirewallRuleType::InboundNsg:
        return tr("Inbound (network security group)");
    case FirewallRuleType::Route:
        return tr("Route (next hop: Internet)");
    case FirewallRuleType::NetworkServiceTag:
        return tr("Network rule (service tag)");
    case FirewallRuleType::NetworkFqdn:
        return tr("Network rule (FQDN, DNS proxy)");
    case FirewallRuleType::Application:
        return tr("Application rule");
    case FirewallRuleType::Unsupported:
        return tr("Not expressible in Azure Firewall");
    case FirewallRuleType::Managed:
        return tr("Managed network outbound rule");
    }
    return {};
}

QString AzureFirewall::partLabel(const FirewallPart &part)
{
    const QString ports = portList(part.ports);
    switch (part.type) {
    case FirewallRuleType::Application:
        return tr("Application rule (%1)").arg(portList(part.appProtocols));
    case FirewallRuleType::NetworkFqdn:
        return tr("Network rule (FQDN, DNS proxy; %1)").arg(ports);
    case FirewallRuleType::Unsupported:
        return ports.isEmpty() ? typeLabel(part.type) : tr("Not expressible in Azure Firewall (%1)").arg(ports);
    default:
        return typeLabel(part.type);
    }
}

QString AzureFirewall::ruleTypeLabel(const Rule &rule)
{
    QStringList labels;
    for (const FirewallPart &p : rule.firewall)
        labels << partLabel(p);
    return labels.join(QStringLiteral("; "));
}

TranslatableText AzureFirewall::explanationText(const FirewallPart &part)
{
    switch (part.type) {
    case FirewallRuleType::NetworkFqdn:
        return TranslatableText("amlfw::AzureFirewall",
                                QT_TRANSLATE_NOOP("amlfw::AzureFirewall",
                                                  "Azure Firewall application rules carry only Http and Https, so %1 "
                                                  "on port(s) %2 needs a network rule "
                                                  "with a destination FQDN. Network rules match FQDNs only when the "
                                                  "firewall policy's DNS proxy is "
                                                  "enabled and clients use the firewall for DNS."))
            .arg(part.target, portListText(part.ports));
    case FirewallRuleType::Application:
        if (!part.urlPath.isEmpty())
            return TranslatableText(
                       "amlfw::AzureFirewall",
                       QT_TRANSLATE_NOOP(
                           "amlfw::AzureFirewall",
                           "Azure Firewall Standard matches host names only: this rule allows all of %1, not just %2. "
                           "To limit it to the path, use Azure Firewall Premium with TLS inspection and a target URL."))
                .arg(part.target, part.urlPath);
        return {};
    case FirewallRuleType::Managed:
        return {};
    case FirewallRuleType::Unsupported:
        switch (part.reason) {
        case UnsupportedReason::WildcardOnOtherPort:
            if (!part.alternativeTag.isEmpty())
                return TranslatableText("amlfw::AzureFirewall",
                                        QT_TRANSLATE_NOOP("amlfw::AzureFirewall",
                                                          "Azure Firewall cannot express %1 on port(s) %2: application "
                                                          "rules take only Http/Https, and "
                                                          "network rules take no wildcard FQDNs. Alternative: a "
                                                          "network rule to the %3 service tag on "
                                                          "those ports."))
                    .arg(part.target, portListText(part.ports), part.alternativeTag);
            return TranslatableText("amlfw::AzureFirewall",
                                    QT_TRANSLATE_NOOP("amlfw::AzureFirewall",
                                                      "Azure Firewall cannot express %1 on port(s) %2: application "
                                                      "rules take only Http/Https, and "
                                                      "network rules take no wildcard FQDNs. Alternative: allow the "
                                                      "concrete host names, or the IP "
                                                      "addresses of the service, on those ports."))
                .arg(part.target, portListText(part.ports));
        case UnsupportedReason::UnknownServiceTag:
            return TranslatableText(
                       "amlfw::AzureFirewall",
                       QT_TRANSLATE_NOOP(
                           "amlfw::AzureFirewall",
                           "\"%1\" is not a service tag that Azure knows. Alternative: check the tag name against the "
                           "\"Azure IP Ranges and Service Tags\" file, or allow the addresses it lists."))
                .arg(part.target);
        case UnsupportedReason::TagNotInCloud:
            return TranslatableText("amlfw::AzureFirewall",
                                    QT_TRANSLATE_NOOP("amlfw::AzureFirewall",
                                                      "The service tag \"%1\" does not exist in this cloud. "
                                                      "Alternative: allow the service's addresses "
                                                      "from the cloud's \"Azure IP Ranges and Service Tags\" file."))
                .arg(part.target);
        case UnsupportedReason::None:
            break;
        }
        return {};
    case FirewallRuleType::Route:
    case FirewallRuleType::InboundNsg:
    case FirewallRuleType::NetworkServiceTag:
        return {};
    }
    return {};
}

QString AzureFirewall::explanation(const FirewallPart &part)
{
    return explanationText(part).toString();
}

QStringList AzureFirewall::explanations(const Rule &rule, Language language)
{
    QStringList out;
    for (const FirewallPart &p : rule.firewall) {
        const QString text = explanationText(p).toString(language);
        if (!text.isEmpty() && !out.contains(text))
            out << text;
    }
    return out;
}

} // namespace amlfw
