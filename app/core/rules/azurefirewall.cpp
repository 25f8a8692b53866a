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
    part.protocol = rule.protocol;

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
            part.type = FirewallRuleType::NetworkServiceTag; // with ANY: a network rule with protocol Any
        }
        return {part};
    }

    QString host = rule.destination;
    if (rule.kind == RuleKind::Url) {
        host = hostOfUrl(rule.destination);
        part.urlPath = rule.destination;
        part.target = host;
    }
    const bool any = rule.protocol == u"ANY";
    const bool tcp = rule.protocol == u"TCP";
    const bool wildcard = isWildcardHost(host);
    // A concrete host on ANY: one network rule with protocol Any carries all of it.
    if (any && !wildcard && rule.kind == RuleKind::Fqdn) {
        part.type = FirewallRuleType::NetworkFqdn;
        part.dnsProxyRequired = true;
        return {part};
    }
    QStringList web;
    QStringList other;
    for (const QString &p : rule.ports)
        ((tcp || any) && isWebPort(p) ? web : other) << p;

    if (other.isEmpty()) {
        part.type = FirewallRuleType::Application;
        part.appProtocols = appProtocolsFor(web);
        if (any) // the explanation names what covers the rest of ANY
            part.alternativeTag = rule.alternativeTag;
        return {part};
    }
    if (!wildcard && rule.kind == RuleKind::Fqdn) {
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
        if (any)
            app.alternativeTag = rule.alternativeTag;
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
    const bool otherProtocol = !part.protocol.isEmpty() && part.protocol != u"TCP";
    switch (part.type) {
    case FirewallRuleType::Application:
        return tr("Application rule (%1)").arg(portList(part.appProtocols));
    case FirewallRuleType::NetworkFqdn:
        if (otherProtocol)
            return tr("Network rule (FQDN, DNS proxy; %1 %2)").arg(firewallProtocol(part.protocol), ports);
        return tr("Network rule (FQDN, DNS proxy; %1)").arg(ports);
    case FirewallRuleType::NetworkServiceTag:
        if (otherProtocol)
            return tr("Network rule (service tag; %1)").arg(firewallProtocol(part.protocol));
        return typeLabel(part.type);
    case FirewallRuleType::Unsupported:
        return ports.isEmpty() ? typeLabel(part.type) : tr("Not expressible in Azure Firewall (%1)").arg(ports);
    default:
        return typeLabel(part.type);
    }
}

QString AzureFirewall::firewallProtocol(const QString &protocol)
{
    if (protocol == u"ANY")
        return QStringLiteral("Any");
    return protocol.isEmpty() ? QStringLiteral("TCP") : protocol;
}

TranslatableText AzureFirewall::answerText(const QString &placeholder)
{
    if (placeholder == u"acr")
        return TranslatableText("amlfw::AzureFirewall",
                                QT_TRANSLATE_NOOP("amlfw::AzureFirewall",
                                                  "the workspace's container registry name (amlfw --acr NAME, or "
                                                  "the wizard's container registry field)"));
    if (placeholder == u"workspace-id")
        return TranslatableText("amlfw::AzureFirewall",
                                QT_TRANSLATE_NOOP("amlfw::AzureFirewall",
                                                  "the workspace ID (amlfw --workspace-id GUID, or the wizard's "
                                                  "workspace ID field)"));
    return TranslatableText::plain(u'<' + placeholder + u'>');
}

QList<TranslatableText> AzureFirewall::unansweredTexts(const Rule &rule)
{
    QList<TranslatableText> out;
    for (const QString &name : rule.unanswered)
        out << TranslatableText("amlfw::AzureFirewall",
                                QT_TRANSLATE_NOOP("amlfw::AzureFirewall",
                                                  "%1 still holds the placeholder <%2>: give %3 to fill it."))
                   .arg(rule.destination, name)
                   .arg(answerText(name));
    return out;
}

QString AzureFirewall::ruleTypeLabel(const Rule &rule)
{
    if (rule.network == NetworkKind::Managed) // the managed network's own rule types follow the kind
        return tr("Managed network outbound rule (%1)").arg(RuleLabels::kind(rule.kind));
    QStringList labels;
    for (const FirewallPart &p : rule.firewall)
        labels << partLabel(p);
    return labels.join(QStringLiteral("; "));
}

TranslatableText AzureFirewall::explanationText(const FirewallPart &part)
{
    const bool otherProtocol = !part.protocol.isEmpty() && part.protocol != u"TCP";
    switch (part.type) {
    case FirewallRuleType::NetworkFqdn:
        if (otherProtocol)
            return TranslatableText(
                       "amlfw::AzureFirewall",
                       QT_TRANSLATE_NOOP("amlfw::AzureFirewall",
                                         "Azure Firewall application rules carry only HTTP and HTTPS over TCP, so %1 "
                                         "(%2, port(s) %3) needs a network rule with protocol %2 and a destination "
                                         "FQDN. Network rules match FQDNs only when the firewall policy's DNS proxy "
                                         "is enabled and clients use the firewall for DNS."))
                .arg(part.target, firewallProtocol(part.protocol))
                .arg(portListText(part.ports));
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
        if (part.protocol == u"ANY") {
            if (!part.alternativeTag.isEmpty())
                return TranslatableText(
                           "amlfw::AzureFirewall",
                           QT_TRANSLATE_NOOP(
                               "amlfw::AzureFirewall",
                               "The article allows %1 on any protocol, port(s) %2. Azure Firewall takes a wildcard "
                               "only in an application rule, which carries TCP (HTTP/HTTPS) alone: UDP and other "
                               "protocols to %1 are not covered by it. The %3 service tag covers them: a network "
                               "rule to it with protocol Any on port(s) %2."))
                    .arg(part.target, portListText(part.ports), part.alternativeTag);
            return TranslatableText(
                       "amlfw::AzureFirewall",
                       QT_TRANSLATE_NOOP("amlfw::AzureFirewall",
                                         "The article allows %1 on any protocol, port(s) %2. Azure Firewall takes a "
                                         "wildcard only in an application rule, which carries TCP (HTTP/HTTPS) alone: "
                                         "UDP and other protocols to %1 are not covered by it. To cover them, allow "
                                         "the service's IP addresses in a network rule with protocol Any."))
                .arg(part.target, portListText(part.ports));
        }
        return {};
    case FirewallRuleType::Managed:
        return {};
    case FirewallRuleType::Unsupported:
        switch (part.reason) {
        case UnsupportedReason::WildcardOnOtherPort:
            if (part.protocol == u"UDP") {
                if (!part.alternativeTag.isEmpty())
                    return TranslatableText(
                               "amlfw::AzureFirewall",
                               QT_TRANSLATE_NOOP("amlfw::AzureFirewall",
                                                 "Azure Firewall cannot express %1 on UDP port(s) %2: application "
                                                 "rules carry only HTTP and HTTPS over TCP, and network rules take no "
                                                 "wildcard FQDNs. Alternative: a network rule to the %3 service tag "
                                                 "with protocol UDP on those ports."))
                        .arg(part.target, portListText(part.ports), part.alternativeTag);
                return TranslatableText(
                           "amlfw::AzureFirewall",
                           QT_TRANSLATE_NOOP("amlfw::AzureFirewall",
                                             "Azure Firewall cannot express %1 on UDP port(s) %2: application rules "
                                             "carry only HTTP and HTTPS over TCP, and network rules take no wildcard "
                                             "FQDNs. Alternative: allow the concrete host names, or the IP addresses "
                                             "of the service, with protocol UDP on those ports."))
                    .arg(part.target, portListText(part.ports));
            }
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
    for (const TranslatableText &t : unansweredTexts(rule))
        out << t.toString(language);
    for (const FirewallPart &p : rule.firewall) {
        const QString text = explanationText(p).toString(language);
        if (!text.isEmpty() && !out.contains(text))
            out << text;
    }
    return out;
}

} // namespace amlfw
