#include "armexporter.h"

#include "azurefirewall.h"
#include "orderedjson.h"
#include "rulelabels.h"
#include "servicetags.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>

namespace amlfw {

QString armPolicyId(ArmOptions::Policy policy)
{
    return policy == ArmOptions::Policy::Existing ? QStringLiteral("existing") : QStringLiteral("new");
}

QString armRouteTableId(ArmOptions::RouteTable mode)
{
    switch (mode) {
    case ArmOptions::RouteTable::New:
        return QStringLiteral("new");
    case ArmOptions::RouteTable::Existing:
        return QStringLiteral("existing");
    case ArmOptions::RouteTable::None:
        return QStringLiteral("none");
    }
    return {};
}

QString armTierId(ArmOptions::Tier tier)
{
    return tier == ArmOptions::Tier::Premium ? QStringLiteral("premium") : QStringLiteral("standard");
}

namespace {

const QString kApiVersion = QString::fromLatin1(ArmExporter::ApiVersion);

QString param(const QString &name)
{
    return QStringLiteral("[parameters('") + name + QStringLiteral("')]");
}

// ARM parameter names: "udr-aml-ip-region" -> "udrAmlIpRegionPrefixes".
QString prefixesParameter(const QString &ruleId)
{
    QString out;
    bool upper = false;
    for (QChar c : ruleId) {
        if (c == u'-' || c == u'.' || c == u'_') {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out + QStringLiteral("Prefixes");
}

QString shortText(const QString &text, qsizetype max = 140)
{
    return text.size() <= max ? text : text.left(max - 1) + QStringLiteral("…");
}

QJsonObject description(const QString &text)
{
    return {{QStringLiteral("description"), text}};
}

QJsonObject networkRule(const QString &name, const QString &descriptionText, const QString &protocol,
                        const QString &destinationKey, const QString &destination, const QStringList &ports)
{
    return {{QStringLiteral("ruleType"), QStringLiteral("NetworkRule")},
            {QStringLiteral("name"), name},
            {QStringLiteral("description"), shortText(descriptionText)},
            {QStringLiteral("ipProtocols"), QJsonArray{AzureFirewall::firewallProtocol(protocol)}},
            {QStringLiteral("sourceAddresses"), param(QStringLiteral("sourceAddresses"))},
            {destinationKey, QJsonArray{destination}},
            {QStringLiteral("destinationPorts"), QJsonArray::fromStringList(ports)}};
}

QJsonObject ruleCollection(const QString &name, int priority, const QJsonArray &rules)
{
    return {{QStringLiteral("ruleCollectionType"), QStringLiteral("FirewallPolicyFilterRuleCollection")},
            {QStringLiteral("name"), name},
            {QStringLiteral("priority"), priority},
            {QStringLiteral("action"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Allow")}}},
            {QStringLiteral("rules"), rules}};
}

QJsonObject route(const QString &name, const QString &prefix)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("properties"), QJsonObject{{QStringLiteral("addressPrefix"), prefix},
                                                       {QStringLiteral("nextHopType"), QStringLiteral("Internet")}}}};
}

} // namespace

bool ArmExporter::isValidResourceName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$"));
    return re.match(name).hasMatch();
}

bool ArmExporter::isValidSourceAddress(const QString &address)
{
    if (address == u"*")
        return true;
    if (address.contains(u'/')) {
        const auto subnet = QHostAddress::parseSubnet(address);
        return !subnet.first.isNull();
    }
    QHostAddress host;
    return host.setAddress(address);
}

Problems ArmExporter::validateOptions(const ArmOptions &options)
{
    Problems problems;
    if (!isValidResourceName(options.policyName))
        problems << Problem::error(
            QStringLiteral("--policy-name"),
            TranslatableText(
                "amlfw::ArmExporter",
                QT_TRANSLATE_NOOP("amlfw::ArmExporter",
                                  "\"%1\" is not a valid firewall policy name: use 1 to 80 letters, digits, "
                                  "underscores, periods and hyphens, starting with a letter or digit."))
                .arg(options.policyName));
    if (!isValidResourceName(options.ruleCollectionGroupName))
        problems << Problem::error(
            QStringLiteral("--rcg-name"),
            TranslatableText(
                "amlfw::ArmExporter",
                QT_TRANSLATE_NOOP("amlfw::ArmExporter",
                                  "\"%1\" is not a valid rule collection group name: use 1 to 80 letters, digits, "
                                  "underscores, periods and hyphens, starting with a letter or digit."))
                .arg(options.ruleCollectionGroupName));
    if (options.ruleCollectionGroupPriority < 100 || options.ruleCollectionGroupPriority > 65000)
        problems << Problem::error(
            QStringLiteral("--rcg-priority"),
            TranslatableText(
                "amlfw::ArmExporter",
                QT_TRANSLATE_NOOP("amlfw::ArmExporter",
                                  "The rule collection group priority %1 is out of range: use 100 to 65000."))
                .arg(options.ruleCollectionGroupPriority));
    for (const QString &address : options.sourceAddresses) {
        if (!isValidSourceAddress(address))
            problems << Problem::error(
                QStringLiteral("--source-addresses"),
                TranslatableText("amlfw::ArmExporter",
                                 QT_TRANSLATE_NOOP("amlfw::ArmExporter",
                                                   "\"%1\" is not an IP address or CIDR range (such as 10.0.1.0/24)."))
                    .arg(address));
    }
    static const QRegularExpression locationPattern(QStringLiteral("^[a-z0-9]+$"));
    if (!options.location.isEmpty() && !locationPattern.match(options.location).hasMatch())
        problems << Problem::error(
            QStringLiteral("--location"),
            TranslatableText(
                "amlfw::ArmExporter",
                QT_TRANSLATE_NOOP("amlfw::ArmExporter", "\"%1\" is not an Azure location name (such as japaneast)."))
                .arg(options.location));
    if (options.routeTable != ArmOptions::RouteTable::None && !isValidResourceName(options.routeTableName))
        problems << Problem::error(
            QStringLiteral("--route-table-name"),
            TranslatableText("amlfw::ArmExporter",
                             QT_TRANSLATE_NOOP("amlfw::ArmExporter",
                                               "\"%1\" is not a valid route table name: use 1 to 80 letters, digits, "
                                               "underscores, periods and hyphens, starting with a letter or digit."))
                .arg(options.routeTableName));
    if (!options.firewallPrivateIp.isEmpty()) {
        QHostAddress address;
        if (!address.setAddress(options.firewallPrivateIp) || address.protocol() != QAbstractSocket::IPv4Protocol)
            problems << Problem::error(
                QStringLiteral("--firewall-ip"),
                TranslatableText(
                    "amlfw::ArmExporter",
                    QT_TRANSLATE_NOOP("amlfw::ArmExporter",
                                      "\"%1\" is not an IPv4 address (the firewall's private IP, such as 10.0.0.4)."))
                    .arg(options.firewallPrivateIp));
        else if (options.routeTable != ArmOptions::RouteTable::New)
            problems << Problem::error(
                QStringLiteral("--firewall-ip"),
                TranslatableText(
                    "amlfw::ArmExporter",
                    QT_TRANSLATE_NOOP("amlfw::ArmExporter",
                                      "The default route through the firewall is added only to a new route table "
                                      "(--route-table new).")));
    }
    return problems;
}

Problems ArmExporter::validateRuleSet(const RuleSet &set)
{
    Problems problems;
    if (set.answers.network == NetworkKind::Managed)
        problems << Problem::error(
            QStringLiteral("--network"),
            TranslatableText("amlfw::ArmExporter",
                             QT_TRANSLATE_NOOP("amlfw::ArmExporter",
                                               "A managed virtual network has no firewall template: its outbound "
                                               "rules are set on the workspace (its managed network settings), not "
                                               "in an Azure Firewall policy. Export them with --format "
                                               "managed-network.")));
    return problems;
}

QJsonObject ArmExporter::build(const RuleSet &set, const ArmOptions &options)
{
    const Language lang = options.language;
    const bool newPolicy = options.policy == ArmOptions::Policy::New;
    const bool premium = options.tier == ArmOptions::Tier::Premium;

    // ---- rules, by collection
    QJsonArray tagRules;
    QJsonArray fqdnRules;
    QJsonArray appRules;
    QList<const Rule *> routeRules;
    QStringList notes;
    QStringList anyAlternatives;
    bool dnsProxy = false;
    // A network rule to the service tag that covers what the firewall cannot carry otherwise.
    auto addAlternative = [&](const Rule &rule, const FirewallPart &part, const QString &purpose) {
        if (options.includeAlternatives && !part.alternativeTag.isEmpty())
            tagRules.append(networkRule(
                rule.id + QStringLiteral("-alternative"),
                tr("Alternative for %1 on %2: %3").arg(part.target, RuleLabels::ports(part.ports, lang), purpose),
                rule.protocol, QStringLiteral("destinationAddresses"), part.alternativeTag, part.ports));
    };
    for (const Rule &rule : set.rules) {
        if (!rule.unanswered.isEmpty()) { // "<acr>.azurecr.io" is no FQDN: left out, the note names the answer
            for (const TranslatableText &text : AzureFirewall::unansweredTexts(rule))
                notes << tr("Rule %1 is not in this template: %2").arg(rule.id, text.toString());
            continue;
        }
        const QString purpose = RuleLabels::purpose(rule, lang);
        for (const FirewallPart &part : rule.firewall) {
            switch (part.type) {
            case FirewallRuleType::NetworkServiceTag:
                tagRules.append(networkRule(rule.id, purpose, rule.protocol, QStringLiteral("destinationAddresses"),
                                            part.target, part.ports));
                break;
            case FirewallRuleType::NetworkFqdn:
                dnsProxy = true;
                fqdnRules.append(networkRule(rule.id, purpose, rule.protocol, QStringLiteral("destinationFqdns"),
                                             part.target, part.ports));
                break;
            case FirewallRuleType::Application: {
                QJsonArray protocols;
                for (const QString &p : part.appProtocols) {
                    const auto pieces = p.split(u':');
                    protocols.append(QJsonObject{{QStringLiteral("protocolType"), pieces.value(0)},
                                                 {QStringLiteral("port"), pieces.value(1).toInt()}});
                }
                QJsonObject app{{QStringLiteral("ruleType"), QStringLiteral("ApplicationRule")},
                                {QStringLiteral("name"), rule.id},
                                {QStringLiteral("description"), shortText(purpose)},
                                {QStringLiteral("protocols"), protocols},
                                {QStringLiteral("sourceAddresses"), param(QStringLiteral("sourceAddresses"))}};
                if (!part.urlPath.isEmpty() && premium) {
                    app.insert(QStringLiteral("targetUrls"), QJsonArray{part.urlPath});
                    app.insert(QStringLiteral("terminateTLS"), true);
                    notes << tr("Rule %1 matches the URL path %2: the policy needs TLS inspection configured "
                                "(Premium tier, a CA certificate in Key Vault).")
                                 .arg(rule.id, part.urlPath);
                } else {
                    app.insert(QStringLiteral("targetFqdns"), QJsonArray{part.target});
                    if (!part.urlPath.isEmpty() || part.protocol == u"ANY") // what the rule does not carry
                        notes << AzureFirewall::explanation(part);
                }
                appRules.append(app);
                // ANY on a wildcard: the tag carries the rest of ANY, once per tag and ports.
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
            case FirewallRuleType::Managed: // refused before: a managed network has no firewall template
                break;
            case FirewallRuleType::Route:
                if (!routeRules.contains(&rule))
                    routeRules << &rule;
                break;
            case FirewallRuleType::InboundNsg:
                break;
            }
        }
    }

    QJsonObject parameters;
    parameters.insert(
        QStringLiteral("firewallPolicyName"),
        QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                    {QStringLiteral("defaultValue"), options.policyName},
                    {QStringLiteral("metadata"),
                     description(newPolicy ? tr("Name of the firewall policy to create.")
                                           : tr("Name of the existing firewall policy in this resource group."))}});
    const bool needsLocation
        = newPolicy || (options.routeTable == ArmOptions::RouteTable::New && !routeRules.isEmpty());
    if (needsLocation)
        parameters.insert(
            QStringLiteral("location"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                        {QStringLiteral("defaultValue"),
                         options.location.isEmpty() ? QStringLiteral("[resourceGroup().location]") : options.location},
                        {QStringLiteral("metadata"), description(tr("Location of the new resources."))}});
    parameters.insert(QStringLiteral("ruleCollectionGroupName"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                  {QStringLiteral("defaultValue"), options.ruleCollectionGroupName},
                                  {QStringLiteral("metadata"),
                                   description(tr("Name of the rule collection group for Azure Machine Learning."))}});
    parameters.insert(QStringLiteral("ruleCollectionGroupPriority"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("int")},
                                  {QStringLiteral("defaultValue"), options.ruleCollectionGroupPriority},
                                  {QStringLiteral("minValue"), 100},
                                  {QStringLiteral("maxValue"), 65000},
                                  {QStringLiteral("metadata"),
                                   description(tr("Priority of the rule collection group (100-65000)."))}});
    QJsonObject sourceParam{
        {QStringLiteral("type"), QStringLiteral("array")},
        {QStringLiteral("metadata"),
         description(tr("Address prefixes of the Azure Machine Learning compute subnet(s), such as 10.0.1.0/24."))}};
    if (!options.sourceAddresses.isEmpty())
        sourceParam.insert(QStringLiteral("defaultValue"), QJsonArray::fromStringList(options.sourceAddresses));
    parameters.insert(QStringLiteral("sourceAddresses"), sourceParam);

    QJsonArray resources;
    const QString policyId
        = QStringLiteral("[resourceId('Microsoft.Network/firewallPolicies', parameters('firewallPolicyName'))]");
    if (newPolicy) {
        QJsonObject properties{
            {QStringLiteral("sku"),
             QJsonObject{{QStringLiteral("tier"), premium ? QStringLiteral("Premium") : QStringLiteral("Standard")}}},
            {QStringLiteral("threatIntelMode"), QStringLiteral("Alert")}};
        if (dnsProxy)
            properties.insert(QStringLiteral("dnsSettings"),
                              QJsonObject{{QStringLiteral("enableProxy"), true},
                                          {QStringLiteral("requireProxyForNetworkRules"), true}});
        resources.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Microsoft.Network/firewallPolicies")},
                                     {QStringLiteral("apiVersion"), kApiVersion},
                                     {QStringLiteral("name"), param(QStringLiteral("firewallPolicyName"))},
                                     {QStringLiteral("location"), param(QStringLiteral("location"))},
                                     {QStringLiteral("properties"), properties}});
    } else if (dnsProxy) {
        notes << tr(
            "Some rules are network rules with destination FQDNs: enable DNS proxy on the existing firewall policy.");
    }

    QJsonArray collections;
    if (!tagRules.isEmpty())
        collections.append(ruleCollection(QStringLiteral("aml-network-service-tags"), 100, tagRules));
    if (!fqdnRules.isEmpty())
        collections.append(ruleCollection(QStringLiteral("aml-network-fqdns"), 110, fqdnRules));
    if (!appRules.isEmpty())
        collections.append(ruleCollection(QStringLiteral("aml-application-rules"), 200, appRules));
    QJsonObject rcg{
        {QStringLiteral("type"), QStringLiteral("Microsoft.Network/firewallPolicies/ruleCollectionGroups")},
        {QStringLiteral("apiVersion"), kApiVersion},
        {QStringLiteral("name"),
         QStringLiteral(
             "[format('{0}/{1}', parameters('firewallPolicyName'), parameters('ruleCollectionGroupName'))]")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("priority"), param(QStringLiteral("ruleCollectionGroupPriority"))},
                     {QStringLiteral("ruleCollections"), collections}}}};
    if (newPolicy)
        rcg.insert(QStringLiteral("dependsOn"), QJsonArray{policyId});
    resources.append(rcg);

    QJsonObject outputs{
        {QStringLiteral("ruleCollectionGroupId"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                     {QStringLiteral("value"),
                      QStringLiteral("[resourceId('Microsoft.Network/firewallPolicies/ruleCollectionGroups', "
                                     "parameters('firewallPolicyName'), parameters('ruleCollectionGroupName'))]")}}}};

    // ---- routes
    QJsonObject variables;
    bool routesFromFile = false; // some routes hold a service tags file's prefixes
    if (!routeRules.isEmpty() && options.routeTable == ArmOptions::RouteTable::None) {
        notes << tr("Compute needs user-defined routes (next hop: Internet) on its subnet's route table; this template "
                    "does not create them.");
    } else if (!routeRules.isEmpty()) {
        parameters.insert(
            QStringLiteral("routeTableName"),
            QJsonObject{
                {QStringLiteral("type"), QStringLiteral("string")},
                {QStringLiteral("defaultValue"), options.routeTableName},
                {QStringLiteral("metadata"),
                 description(options.routeTable == ArmOptions::RouteTable::New
                                 ? tr("Name of the route table to create for the compute subnet.")
                                 : tr("Name of the compute subnet's existing route table in this resource group."))}});
        const bool ipRanges = set.answers.udr == UdrMethod::IpRanges;
        const QString tableId
            = QStringLiteral("[resourceId('Microsoft.Network/routeTables', parameters('routeTableName'))]");
        // With a service tags file that lists a route's tag, its routes hold the file's prefixes
        // ("udr-aml-ip-region-0", ...); the others keep a parameter to fill.
        QList<const Rule *> parameterRoutes;
        QStringList fileTags;
        qsizetype fileRouteCount = 0;
        const auto filePrefixes = [&](const Rule *rule) {
            return ipRanges ? set.addressPrefixes(*rule) : QStringList();
        };
        const auto fileRouteName = [](const Rule *rule, qsizetype i) -> QString {
            return rule->id + u'-' + QString::number(i);
        };
        for (const Rule *rule : std::as_const(routeRules)) {
            if (!ipRanges)
                continue;
            if (const QStringList prefixes = filePrefixes(rule); !prefixes.isEmpty()) {
                fileTags << rule->destination;
                fileRouteCount += prefixes.size();
                continue;
            }
            parameterRoutes << rule;
            parameters.insert(prefixesParameter(rule->id),
                              QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                          {QStringLiteral("defaultValue"), QJsonArray{}},
                                          {QStringLiteral("metadata"),
                                           description(tr("Address prefixes of the %1 service tag, from the \"Azure IP "
                                                          "Ranges and Service Tags\" file of your cloud.")
                                                           .arg(rule->destination))}});
        }
        if (!parameterRoutes.isEmpty())
            notes << tr("Fill the route prefix parameters from the current \"Azure IP Ranges and Service Tags\" file: "
                        "they change over time.");
        if (!fileTags.isEmpty()) {
            routesFromFile = true;
            notes << tr("The routes to %1 hold the address prefixes of %2. Microsoft changes them weekly: export "
                        "again with the current file before you deploy.")
                         .arg(fileTags.join(QStringLiteral(", ")), set.serviceTags->description());
            // Azure's limit for a route table (the table's other routes count too).
            if (fileRouteCount > 400)
                notes << tr("These are %1 routes; a route table holds at most 400.").arg(fileRouteCount);
        }

        if (options.routeTable == ArmOptions::RouteTable::New) {
            QJsonObject properties{{QStringLiteral("disableBgpRoutePropagation"), false}};
            QJsonArray fixedRoutes;
            if (!options.firewallPrivateIp.isEmpty()) {
                QJsonObject def = route(QStringLiteral("default-via-firewall"), QStringLiteral("0.0.0.0/0"));
                QJsonObject props = def.value(QStringLiteral("properties")).toObject();
                props.insert(QStringLiteral("nextHopType"), QStringLiteral("VirtualAppliance"));
                props.insert(QStringLiteral("nextHopIpAddress"), param(QStringLiteral("firewallPrivateIp")));
                def.insert(QStringLiteral("properties"), props);
                fixedRoutes.append(def);
                parameters.insert(QStringLiteral("firewallPrivateIp"),
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                              {QStringLiteral("defaultValue"), options.firewallPrivateIp},
                                              {QStringLiteral("metadata"),
                                               description(tr("Private IP address of the Azure Firewall."))}});
            }
            if (!ipRanges) {
                QJsonArray routes;
                for (const Rule *rule : std::as_const(routeRules))
                    routes.append(route(rule->id, rule->destination));
                for (const QJsonValue &r : std::as_const(fixedRoutes))
                    routes.append(r);
                properties.insert(QStringLiteral("routes"), routes);
            } else {
                // The file's prefixes as routes, then one variable loop per parameter, concatenated into the
                // table's routes; without parameters, one literal list.
                QJsonArray literalRoutes;
                for (const Rule *rule : std::as_const(routeRules)) {
                    const QStringList prefixes = filePrefixes(rule);
                    for (qsizetype i = 0; i < prefixes.size(); ++i)
                        literalRoutes.append(route(fileRouteName(rule, i), prefixes.at(i)));
                }
                QJsonArray loops;
                QStringList parts;
                if (!literalRoutes.isEmpty() && !parameterRoutes.isEmpty()) {
                    variables.insert(QStringLiteral("fileRoutes"), literalRoutes);
                    parts << QStringLiteral("variables('fileRoutes')");
                }
                for (const Rule *rule : std::as_const(parameterRoutes)) {
                    const QString p = prefixesParameter(rule->id);
                    const QString loopName = p.left(p.size() - int(qstrlen("Prefixes"))) + QStringLiteral("Routes");
                    loops.append(QJsonObject{
                        {QStringLiteral("name"), loopName},
                        {QStringLiteral("count"), QStringLiteral("[length(parameters('%1'))]").arg(p)},
                        {QStringLiteral("input"),
                         QJsonObject{
                             {QStringLiteral("name"),
                              QStringLiteral("[format('%1-{0}', copyIndex('%2'))]").arg(rule->id, loopName)},
                             {QStringLiteral("properties"),
                              QJsonObject{{QStringLiteral("addressPrefix"),
                                           QStringLiteral("[parameters('%1')[copyIndex('%2')]]").arg(p, loopName)},
                                          {QStringLiteral("nextHopType"), QStringLiteral("Internet")}}}}}});
                    parts << QStringLiteral("variables('%1')").arg(loopName);
                }
                if (parameterRoutes.isEmpty()) {
                    for (const QJsonValue &r : std::as_const(fixedRoutes))
                        literalRoutes.append(r);
                    properties.insert(QStringLiteral("routes"), literalRoutes);
                } else {
                    variables.insert(QStringLiteral("copy"), loops);
                    if (!fixedRoutes.isEmpty()) {
                        variables.insert(QStringLiteral("fixedRoutes"), fixedRoutes);
                        parts << QStringLiteral("variables('fixedRoutes')");
                    }
                    properties.insert(QStringLiteral("routes"),
                                      QStringLiteral("[concat(%1)]").arg(parts.join(QStringLiteral(", "))));
                }
            }
            resources.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Microsoft.Network/routeTables")},
                                         {QStringLiteral("apiVersion"), kApiVersion},
                                         {QStringLiteral("name"), param(QStringLiteral("routeTableName"))},
                                         {QStringLiteral("location"), param(QStringLiteral("location"))},
                                         {QStringLiteral("properties"), properties}});
            notes << tr("Associate the route table with the compute subnet.");
        } else {
            // Child routes on an existing table: one at a time, the table takes one update at once.
            QString previous;
            for (const Rule *rule : std::as_const(routeRules)) {
                QJsonObject res{{QStringLiteral("type"), QStringLiteral("Microsoft.Network/routeTables/routes")},
                                {QStringLiteral("apiVersion"), kApiVersion}};
                if (!ipRanges) {
                    res.insert(QStringLiteral("name"),
                               QStringLiteral("[format('{0}/{1}', parameters('routeTableName'), '%1')]").arg(rule->id));
                    res.insert(QStringLiteral("properties"),
                               QJsonObject{{QStringLiteral("addressPrefix"), rule->destination},
                                           {QStringLiteral("nextHopType"), QStringLiteral("Internet")}});
                    if (!previous.isEmpty())
                        res.insert(QStringLiteral("dependsOn"), QJsonArray{previous});
                    previous = QStringLiteral("[resourceId('Microsoft.Network/routeTables/routes', "
                                              "parameters('routeTableName'), '%1')]")
                                   .arg(rule->id);
                } else if (const QStringList prefixes = filePrefixes(rule); !prefixes.isEmpty()) {
                    for (qsizetype i = 0; i < prefixes.size(); ++i) {
                        const QString name = fileRouteName(rule, i);
                        QJsonObject one = res;
                        one.insert(QStringLiteral("name"),
                                   QStringLiteral("[format('{0}/{1}', parameters('routeTableName'), '%1')]").arg(name));
                        one.insert(QStringLiteral("properties"),
                                   QJsonObject{{QStringLiteral("addressPrefix"), prefixes.at(i)},
                                               {QStringLiteral("nextHopType"), QStringLiteral("Internet")}});
                        if (!previous.isEmpty())
                            one.insert(QStringLiteral("dependsOn"), QJsonArray{previous});
                        previous = QStringLiteral("[resourceId('Microsoft.Network/routeTables/routes', "
                                                  "parameters('routeTableName'), '%1')]")
                                       .arg(name);
                        resources.append(one);
                    }
                    continue;
                } else {
                    const QString p = prefixesParameter(rule->id);
                    const QString loopName = p.left(p.size() - int(qstrlen("Prefixes"))) + QStringLiteral("Routes");
                    res.insert(QStringLiteral("name"),
                               QStringLiteral("[format('{0}/%1-{1}', parameters('routeTableName'), copyIndex())]")
                                   .arg(rule->id));
                    res.insert(
                        QStringLiteral("copy"),
                        QJsonObject{{QStringLiteral("name"), loopName},
                                    {QStringLiteral("count"), QStringLiteral("[length(parameters('%1'))]").arg(p)},
                                    {QStringLiteral("mode"), QStringLiteral("Serial")},
                                    {QStringLiteral("batchSize"), 1}});
                    res.insert(QStringLiteral("properties"),
                               QJsonObject{{QStringLiteral("addressPrefix"),
                                            QStringLiteral("[parameters('%1')[copyIndex()]]").arg(p)},
                                           {QStringLiteral("nextHopType"), QStringLiteral("Internet")}});
                    if (!previous.isEmpty())
                        res.insert(QStringLiteral("dependsOn"), QJsonArray{previous});
                    previous = loopName;
                }
                resources.append(res);
            }
        }
        outputs.insert(QStringLiteral("routeTableId"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                                   {QStringLiteral("value"), tableId}});
    }

    bool inbound = false;
    for (const Rule &rule : set.rules)
        inbound = inbound || rule.primaryType() == FirewallRuleType::InboundNsg;
    if (inbound)
        notes << tr("Inbound rules (BatchNodeManagement, AzureMachineLearning) belong to the compute subnet's network "
                    "security group, which Azure creates; they are not firewall rules.");
    notes.removeDuplicates();

    QJsonObject metadata{
        {QStringLiteral("description"),
         tr("Azure Firewall rules for an Azure Machine Learning workspace: %1, %2. Generated by amlfw %3 from the "
            "article edition %4.")
             .arg(RuleLabels::cloudName(set, lang), set.answers.region, QStringLiteral(AMLFW_VERSION),
                  set.catalog.edition)},
        {QStringLiteral("generator"), QJsonObject{{QStringLiteral("name"), QStringLiteral("amlfw")},
                                                  {QStringLiteral("version"), QStringLiteral(AMLFW_VERSION)}}},
        {QStringLiteral("amlfw"),
         QJsonObject{{QStringLiteral("cloud"), set.answers.cloud},
                     {QStringLiteral("region"), set.answers.region},
                     {QStringLiteral("storage"), set.answers.storage},
                     {QStringLiteral("features"), QJsonArray::fromStringList(set.effectiveFeatures)},
                     {QStringLiteral("udr"), udrMethodId(set.answers.udr)},
                     {QStringLiteral("catalogEdition"), set.catalog.edition},
                     {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}}}};
    if (routesFromFile) { // the file the routes' prefixes come from
        QJsonObject amlfw = metadata.value(QStringLiteral("amlfw")).toObject();
        QJsonObject tags{{QStringLiteral("file"), set.serviceTags->fileName},
                         {QStringLiteral("cloud"), set.serviceTags->fileCloud},
                         {QStringLiteral("changeNumber"), set.serviceTags->changeNumber}};
        if (set.serviceTags->date.isValid())
            tags.insert(QStringLiteral("date"), set.serviceTags->date.toString(Qt::ISODate));
        amlfw.insert(QStringLiteral("serviceTags"), tags);
        metadata.insert(QStringLiteral("amlfw"), amlfw);
    }

    QJsonObject tpl{{QStringLiteral("$schema"), QString::fromLatin1(Schema)},
                    {QStringLiteral("contentVersion"), QStringLiteral("1.0.0.0")},
                    {QStringLiteral("metadata"), metadata},
                    {QStringLiteral("parameters"), parameters},
                    {QStringLiteral("resources"), resources},
                    {QStringLiteral("outputs"), outputs}};
    if (!variables.isEmpty())
        tpl.insert(QStringLiteral("variables"), variables);
    return tpl;
}

QByteArray ArmExporter::write(const RuleSet &set, const ArmOptions &options)
{
    static const QStringList order{QStringLiteral("$schema"),
                                   QStringLiteral("contentVersion"),
                                   QStringLiteral("type"),
                                   QStringLiteral("ruleCollectionType"),
                                   QStringLiteral("ruleType"),
                                   QStringLiteral("apiVersion"),
                                   QStringLiteral("name"),
                                   QStringLiteral("description"),
                                   QStringLiteral("location"),
                                   QStringLiteral("dependsOn"),
                                   QStringLiteral("copy"),
                                   QStringLiteral("mode"),
                                   QStringLiteral("batchSize"),
                                   QStringLiteral("count"),
                                   QStringLiteral("input"),
                                   QStringLiteral("defaultValue"),
                                   QStringLiteral("minValue"),
                                   QStringLiteral("maxValue"),
                                   QStringLiteral("value"),
                                   QStringLiteral("metadata"),
                                   QStringLiteral("parameters"),
                                   QStringLiteral("variables"),
                                   QStringLiteral("resources"),
                                   QStringLiteral("outputs"),
                                   QStringLiteral("priority"),
                                   QStringLiteral("action"),
                                   QStringLiteral("ipProtocols"),
                                   QStringLiteral("protocols"),
                                   QStringLiteral("protocolType"),
                                   QStringLiteral("port"),
                                   QStringLiteral("sourceAddresses"),
                                   QStringLiteral("destinationAddresses"),
                                   QStringLiteral("destinationFqdns"),
                                   QStringLiteral("targetFqdns"),
                                   QStringLiteral("targetUrls"),
                                   QStringLiteral("terminateTLS"),
                                   QStringLiteral("destinationPorts"),
                                   QStringLiteral("sku"),
                                   QStringLiteral("tier"),
                                   QStringLiteral("properties"),
                                   QStringLiteral("addressPrefix"),
                                   QStringLiteral("nextHopType"),
                                   QStringLiteral("nextHopIpAddress"),
                                   QStringLiteral("rules"),
                                   QStringLiteral("ruleCollections")};
    return writeOrderedJson(build(set, options), order);
}

} // namespace amlfw
