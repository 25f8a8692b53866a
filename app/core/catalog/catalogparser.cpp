#include "catalogparser.h"

#include "hostname.h"
#include "portlist.h"

#include <QRegularExpression>

namespace amlfw {

namespace {

using Need = JsonReader::Need;

TranslatableText ctext(const char *source)
{
    return TranslatableText("amlfw::Catalog", source);
}

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    return re;
}

// A destination as the catalog writes it, with placeholders standing for plausible values.
QString sampleDestination(const QString &destination)
{
    return substitutePlaceholders(
        destination, {{QStringLiteral("region"), QStringLiteral("westus")},
                      {QStringLiteral("storage"), QStringLiteral("store")},
                      {QStringLiteral("pair"), QStringLiteral("eastus")},
                      {QStringLiteral("acr"), QStringLiteral("registry")},
                      {QStringLiteral("workspace-id"), QStringLiteral("0a1b2c3d-0000-4000-8000-000000000000")}});
}

} // namespace

void CatalogParser::read(const QJsonObject &root)
{
    // Version first: a catalog of another format is not read further.
    if (!readFormat(root))
        return;
    m_catalog.edition = m_r.string(root, QStringLiteral("edition"), {});
    readSource(root);
    readNetworks(root);
    readClouds(root);
    readFeatures(root);
    readFeatureMap(root);
    readSectionsAndTables(root);
    readWellKnownPorts(root);
    readServiceTags(root);
    readNotes(root, QStringLiteral("notes"), false, &m_catalog.notes, &m_noteIds);
    readNotes(root, QStringLiteral("scenarioNotes"), true, &m_catalog.scenarioNotes, &m_scenarioNoteIds);
    readGeographies(root);
    readRegions(root);
    readRules(root);
}

bool CatalogParser::readFormat(const QJsonObject &root)
{
    const QJsonValue formatValue = root.value(QStringLiteral("format"));
    if (!formatValue.isDouble()) {
        m_r.error(QStringLiteral("format"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "missing format version (this amlfw reads format %1)"))
                      .arg(Catalog::FormatVersion));
        return false;
    }
    m_catalog.format = formatValue.toInt();
    if (m_catalog.format != Catalog::FormatVersion) {
        m_r.error(
            QStringLiteral("format"),
            ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "unsupported format version %1 (this amlfw reads format %2)"))
                .arg(formatValue.toDouble())
                .arg(Catalog::FormatVersion));
        return false;
    }
    return true;
}

void CatalogParser::readSource(const QJsonObject &root)
{
    if (!root.value(QStringLiteral("source")).isObject()) {
        m_r.error(QStringLiteral("source"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "missing (the article this catalog comes from)")));
        return;
    }
    const QJsonObject source = root.value(QStringLiteral("source")).toObject();
    const QString path = QStringLiteral("source");
    m_catalog.sourceTitle = m_r.text(source, QStringLiteral("title"), path);
    m_catalog.sourceUrl = m_r.string(source, QStringLiteral("url"), path);
    m_catalog.sourceLocale = m_r.string(source, QStringLiteral("locale"), path, Need::Optional);
    m_catalog.sourceDate = m_r.string(source, QStringLiteral("date"), path);
    m_catalog.summary = m_r.text(source, QStringLiteral("summary"), path, Need::Optional);
}

void CatalogParser::readNetworks(const QJsonObject &root)
{
    if (!root.contains(QStringLiteral("networks")))
        return; // customer networks only
    m_catalog.networks.clear();
    const QStringList ids = m_r.stringList(root, QStringLiteral("networks"), {}, Need::Required);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (const auto kind = networkKindIds.fromId(ids.at(i)); kind && !m_catalog.networks.contains(*kind))
            m_catalog.networks << *kind;
        else
            m_r.error(JsonReader::index(QStringLiteral("networks"), i),
                      ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "\"%1\" is not a network (customer or managed)"))
                          .arg(ids.at(i)));
    }
    if (!m_catalog.networks.contains(NetworkKind::Customer))
        m_r.error(QStringLiteral("networks"), ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "must contain \"customer\"")));
}

void CatalogParser::readFeatureMap(const QJsonObject &root)
{
    const QJsonObject map = m_r.object(root, QStringLiteral("featureMap"), {}, Need::Optional);
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const QString path = JsonReader::join(QStringLiteral("featureMap"), it.key());
        if (m_featureIds.contains(it.key()))
            m_r.error(path, ctext(QT_TRANSLATE_NOOP("amlfw::Catalog",
                                                    "\"%1\" is a feature of this catalog; map only other ids"))
                                .arg(it.key()));
        if (!it.value().isObject()) {
            m_r.error(path, JsonReader::mustBeAnObject());
            continue;
        }
        const QJsonObject o = it.value().toObject();
        FeatureMapping mapping;
        mapping.nearest = m_r.stringList(o, QStringLiteral("nearest"), path, Need::Required);
        checkKnown(mapping.nearest, m_featureIds, path + QStringLiteral(".nearest"),
                   QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown feature id \"%1\""));
        mapping.text = m_r.text(o, QStringLiteral("text"), path, Need::Optional);
        m_catalog.featureMap.insert(it.key(), mapping);
    }
}

void CatalogParser::readClouds(const QJsonObject &root)
{
    m_r.forEachObject(m_r.array(root, QStringLiteral("clouds"), {}), QStringLiteral("clouds"),
                      [&](const QJsonObject &o, const QString &path, int) {
                          Cloud cloud;
                          cloud.id = m_r.string(o, QStringLiteral("id"), path);
                          checkId(cloud.id, path, &m_cloudIds);
                          cloud.name = m_r.text(o, QStringLiteral("name"), path);
                          cloud.description = m_r.text(o, QStringLiteral("description"), path);
                          cloud.storageSuffix = m_r.string(o, QStringLiteral("storageSuffix"), path);
                          m_catalog.clouds << cloud;
                      });
    if (m_catalog.clouds.isEmpty())
        m_r.error(QStringLiteral("clouds"), ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "no cloud defined")));
}

void CatalogParser::readFeatures(const QJsonObject &root)
{
    m_r.forEachObject(m_r.array(root, QStringLiteral("featureGroups"), {}), QStringLiteral("featureGroups"),
                      [&](const QJsonObject &o, const QString &path, int) {
                          FeatureGroup g;
                          g.id = m_r.string(o, QStringLiteral("id"), path);
                          checkId(g.id, path, &m_groupIds);
                          g.name = m_r.text(o, QStringLiteral("name"), path);
                          m_catalog.featureGroups << g;
                      });
    const QJsonArray featureArray = m_r.array(root, QStringLiteral("features"), {});
    for (const QJsonValue &v : featureArray) // ids first: implications may point forward
        m_featureIds.insert(v.toObject().value(QStringLiteral("id")).toString());
    QSet<QString> seen;
    m_r.forEachObject(featureArray, QStringLiteral("features"), [&](const QJsonObject &o, const QString &path, int) {
        Feature f;
        f.id = m_r.string(o, QStringLiteral("id"), path);
        checkId(f.id, path, &seen);
        f.group = m_r.string(o, QStringLiteral("group"), path);
        checkKnown({f.group}, m_groupIds, path + QStringLiteral(".group"),
                   QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown feature group \"%1\""));
        f.name = m_r.text(o, QStringLiteral("name"), path);
        f.description = m_r.text(o, QStringLiteral("description"), path);
        f.implies = m_r.stringList(o, QStringLiteral("implies"), path);
        checkKnown(f.implies, m_featureIds, path + QStringLiteral(".implies"),
                   QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown feature id \"%1\""));
        m_catalog.features << f;
    });
}

void CatalogParser::readSectionsAndTables(const QJsonObject &root)
{
    m_r.forEachObject(m_r.array(root, QStringLiteral("sections"), {}), QStringLiteral("sections"),
                      [&](const QJsonObject &o, const QString &path, int) {
                          Section s;
                          s.id = m_r.string(o, QStringLiteral("id"), path);
                          checkId(s.id, path, &m_sectionIds);
                          s.anchor = m_r.string(o, QStringLiteral("anchor"), path);
                          s.title = m_r.text(o, QStringLiteral("title"), path);
                          m_catalog.sections << s;
                      });
    m_r.forEachObject(m_r.array(root, QStringLiteral("tables"), {}), QStringLiteral("tables"),
                      [&](const QJsonObject &o, const QString &path, int) {
                          Table t;
                          t.id = m_r.string(o, QStringLiteral("id"), path);
                          checkId(t.id, path, &m_tableIds);
                          t.section = m_r.string(o, QStringLiteral("section"), path);
                          checkKnown({t.section}, m_sectionIds, path + QStringLiteral(".section"),
                                     QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown section \"%1\""));
                          t.view = m_r.string(o, QStringLiteral("view"), path);
                          if (!t.view.isEmpty() && t.view != u"azure-firewall" && t.view != u"other-firewalls")
                              m_r.error(
                                  path + QStringLiteral(".view"),
                                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog",
                                                          "\"%1\" is not a view (azure-firewall or other-firewalls)"))
                                      .arg(t.view));
                          t.title = m_r.text(o, QStringLiteral("title"), path);
                          m_catalog.tables << t;
                      });
}

void CatalogParser::readWellKnownPorts(const QJsonObject &root)
{
    m_r.forEachObject(m_r.array(root, QStringLiteral("wellKnownPorts"), {}, Need::Optional),
                      QStringLiteral("wellKnownPorts"), [&](const QJsonObject &o, const QString &path, int) {
                          WellKnownPort p;
                          p.port = m_r.string(o, QStringLiteral("port"), path);
                          if (!p.port.isEmpty() && !isValidPortSpec(p.port))
                              m_r.error(path + QStringLiteral(".port"),
                                        ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "\"%1\" is not a port")).arg(p.port));
                          p.description = m_r.text(o, QStringLiteral("description"), path);
                          m_catalog.wellKnownPorts << p;
                      });
}

// Service tags that exist: rules naming others are flagged as not expressible.
void CatalogParser::readServiceTags(const QJsonObject &root)
{
    m_r.forEachObject(
        m_r.array(root, QStringLiteral("serviceTags"), {}), QStringLiteral("serviceTags"),
        [&](const QJsonObject &o, const QString &path, int) {
            ServiceTag t;
            t.name = m_r.string(o, QStringLiteral("name"), path);
            if (m_tagNames.contains(t.name))
                m_r.error(path + QStringLiteral(".name"),
                          ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "duplicate service tag \"%1\"")).arg(t.name));
            m_tagNames.insert(t.name);
            t.regional = m_r.boolean(o, QStringLiteral("regional"), path, false);
            if (t.regional) // an alternative may name the regional tag: "BatchNodeManagement.<region>"
                m_tagNames.insert(t.name + QStringLiteral(".<region>"));
            t.clouds = m_r.stringList(o, QStringLiteral("clouds"), path);
            checkClouds(t.clouds, path + QStringLiteral(".clouds"));
            m_catalog.serviceTags << t;
        });
}

void CatalogParser::readNotes(const QJsonObject &root, const QString &key, bool scenario, QList<Note> *list,
                              QSet<QString> *ids)
{
    m_r.forEachObject(
        m_r.array(root, key, {}, Need::Optional), key, [&](const QJsonObject &o, const QString &path, int) {
            Note n;
            n.id = m_r.string(o, QStringLiteral("id"), path);
            checkId(n.id, path, ids);
            const QString severity = m_r.string(o, QStringLiteral("severity"), path);
            if (const auto s = noteSeverityIds.fromId(severity))
                n.severity = *s;
            else if (!severity.isEmpty())
                m_r.error(path + QStringLiteral(".severity"),
                          ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "\"%1\" is not a severity (info or warning)"))
                              .arg(severity));
            const QJsonValue ki = o.value(QStringLiteral("knownIssue"));
            if (!ki.isUndefined()) {
                if (!ki.isDouble() || ki.toDouble() < 1 || ki.toDouble() != double(ki.toInt()))
                    m_r.error(path + QStringLiteral(".knownIssue"),
                              ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "must be a positive whole number")));
                else
                    n.knownIssue = ki.toInt();
            }
            n.clouds = m_r.stringList(o, QStringLiteral("clouds"), path);
            checkClouds(n.clouds, path + QStringLiteral(".clouds"));
            const QStringList networks = m_r.stringList(o, QStringLiteral("networks"), path);
            for (const QString &id : networks) {
                const auto kind = networkKindIds.fromId(id);
                if (kind && m_catalog.hasNetwork(*kind))
                    n.networks << *kind;
                else
                    m_r.error(path + QStringLiteral(".networks"),
                              ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "the catalog's \"networks\" do not list \"%1\""))
                                  .arg(id));
            }
            if (scenario)
                n.when = condition(m_r.string(o, QStringLiteral("when"), path, Need::Optional),
                                   path + QStringLiteral(".when"));
            n.text = m_r.text(o, QStringLiteral("text"), path);
            checkPlaceholders(n.text.en, path + QStringLiteral(".text.en"));
            checkPlaceholders(n.text.ja, path + QStringLiteral(".text.ja"));
            list->append(n);
        });
}

void CatalogParser::readGeographies(const QJsonObject &root)
{
    m_r.forEachObject(m_r.array(root, QStringLiteral("geographies"), {}), QStringLiteral("geographies"),
                      [&](const QJsonObject &o, const QString &path, int) {
                          Geography g;
                          g.id = m_r.string(o, QStringLiteral("id"), path);
                          checkId(g.id, path, &m_geographyIds);
                          g.name = m_r.text(o, QStringLiteral("name"), path);
                          m_catalog.geographies << g;
                      });
}

void CatalogParser::readRegions(const QJsonObject &root)
{
    if (!root.value(QStringLiteral("regions")).isObject()) {
        m_r.error(QStringLiteral("regions"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "missing (an object with the regions of each cloud)")));
        return;
    }
    const QJsonObject regions = root.value(QStringLiteral("regions")).toObject();
    for (auto it = regions.constBegin(); it != regions.constEnd(); ++it) {
        const QString cloudPath = QStringLiteral("regions.") + it.key();
        if (!m_cloudIds.contains(it.key())) {
            m_r.error(cloudPath, ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown cloud \"%1\"")).arg(it.key()));
            continue;
        }
        if (!it.value().isArray()) {
            m_r.error(cloudPath, JsonReader::mustBeAnArray());
            continue;
        }
        readRegionsOfCloud(it.key(), it.value().toArray(), cloudPath);
    }
    for (const Cloud &cloud : std::as_const(m_catalog.clouds)) {
        if (m_catalog.regions.value(cloud.id).isEmpty())
            m_r.error(QStringLiteral("regions"),
                      ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "no region for cloud \"%1\"")).arg(cloud.id));
    }
}

void CatalogParser::readRegionsOfCloud(const QString &cloud, const QJsonArray &array, const QString &cloudPath)
{
    QSet<QString> names;
    for (const QJsonValue &v : array)
        names.insert(v.toObject().value(QStringLiteral("name")).toString());
    QSet<QString> seen;
    QList<Region> list;
    m_r.forEachObject(array, cloudPath, [&](const QJsonObject &o, const QString &path, int) {
        Region region;
        region.name = m_r.string(o, QStringLiteral("name"), path);
        static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9]+$"));
        if (!region.name.isEmpty() && !namePattern.match(region.name).hasMatch())
            m_r.error(path + QStringLiteral(".name"),
                      ctext(QT_TRANSLATE_NOOP("amlfw::Catalog",
                                              "\"%1\" is not a region name (lower-case letters and digits)"))
                          .arg(region.name));
        if (seen.contains(region.name))
            m_r.error(path + QStringLiteral(".name"),
                      ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "duplicate region \"%1\"")).arg(region.name));
        seen.insert(region.name);
        region.display = m_r.text(o, QStringLiteral("display"), path);
        region.geography = m_r.string(o, QStringLiteral("geography"), path);
        checkKnown({region.geography}, m_geographyIds, path + QStringLiteral(".geography"),
                   QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown geography \"%1\""));
        region.aml = m_r.boolean(o, QStringLiteral("aml"), path, true);
        region.pair = m_r.string(o, QStringLiteral("pair"), path, Need::Optional);
        if (!region.pair.isEmpty() && (!names.contains(region.pair) || region.pair == region.name))
            m_r.error(
                path + QStringLiteral(".pair"),
                ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "paired region \"%1\" is not another region of this cloud"))
                    .arg(region.pair));
        list << region;
    });
    m_catalog.regions.insert(cloud, list);
}

void CatalogParser::readRules(const QJsonObject &root)
{
    m_r.forEachObject(m_r.array(root, QStringLiteral("rules"), {}), QStringLiteral("rules"),
                      [&](const QJsonObject &o, const QString &path, int index) { readRule(o, path, index); });
    if (m_catalog.rules.isEmpty())
        m_r.error(QStringLiteral("rules"), ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "no rule defined")));
}

void CatalogParser::readRule(const QJsonObject &o, const QString &path, int index)
{
    CatalogRule rule;
    rule.index = index;
    rule.id = m_r.string(o, QStringLiteral("id"), path);
    checkId(rule.id, path, &m_ruleIds);
    rule.clouds = m_r.stringList(o, QStringLiteral("clouds"), path, Need::Required);
    if (rule.clouds.isEmpty() && o.contains(QStringLiteral("clouds")))
        m_r.error(path + QStringLiteral(".clouds"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "must name at least one cloud")));
    checkClouds(rule.clouds, path + QStringLiteral(".clouds"));

    const QString direction = m_r.string(o, QStringLiteral("direction"), path);
    if (const auto d = directionIds.fromId(direction))
        rule.direction = *d;
    else if (!direction.isEmpty())
        m_r.error(path + QStringLiteral(".direction"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "\"%1\" is not a direction (inbound or outbound)"))
                      .arg(direction));

    const QString kind = m_r.string(o, QStringLiteral("kind"), path);
    const auto parsedKind = ruleKindIds.fromId(kind);
    if (parsedKind)
        rule.kind = *parsedKind;
    else if (!kind.isEmpty())
        m_r.error(path + QStringLiteral(".kind"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog",
                                          "\"%1\" is not a kind (service-tag, fqdn, url, route or private-endpoint)"))
                      .arg(kind));
    readRuleAddressing(o, path, &rule, parsedKind.has_value());

    rule.when = condition(m_r.string(o, QStringLiteral("when"), path, Need::Optional), path + QStringLiteral(".when"));
    rule.table = m_r.string(o, QStringLiteral("table"), path);
    checkKnown({rule.table}, m_tableIds, path + QStringLiteral(".table"),
               QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown table \"%1\""));
    rule.purpose = m_r.text(o, QStringLiteral("purpose"), path);
    rule.notes = m_r.stringList(o, QStringLiteral("notes"), path);
    checkKnown(rule.notes, m_noteIds, path + QStringLiteral(".notes"),
               QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown note \"%1\""));
    rule.alternativeTag = m_r.string(o, QStringLiteral("alternativeTag"), path, Need::Optional);
    checkKnown({rule.alternativeTag}, m_tagNames, path + QStringLiteral(".alternativeTag"),
               QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown service tag \"%1\""));
    readRuleNetwork(o, path, &rule);
    m_catalog.rules << rule;
}

// Which network the rule belongs to; private endpoints and automatic rules exist in managed networks only.
void CatalogParser::readRuleNetwork(const QJsonObject &o, const QString &path, CatalogRule *rule)
{
    const QString network = m_r.string(o, QStringLiteral("network"), path, Need::Optional);
    if (const auto kind = networkKindIds.fromId(network))
        rule->network = *kind;
    else if (!network.isEmpty())
        m_r.error(
            path + QStringLiteral(".network"),
            ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "\"%1\" is not a network (customer or managed)")).arg(network));
    if (!m_catalog.hasNetwork(rule->network))
        m_r.error(
            path + QStringLiteral(".network"),
            ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "the catalog's \"networks\" do not list \"%1\"")).arg(network));
    rule->automatic = m_r.boolean(o, QStringLiteral("automatic"), path, false);
    const bool managed = rule->network == NetworkKind::Managed;
    if (rule->automatic && !managed)
        m_r.error(path + QStringLiteral(".automatic"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "only rules of a managed network are automatic")));
    if (rule->kind == RuleKind::PrivateEndpoint && !managed)
        m_r.error(path + QStringLiteral(".kind"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "private endpoints belong to a managed network")));
}

// Destination, protocol, ports and route method, which depend on the kind.
void CatalogParser::readRuleAddressing(const QJsonObject &o, const QString &path, CatalogRule *rule, bool kindOk)
{
    rule->destination = m_r.string(o, QStringLiteral("destination"), path);
    if (kindOk)
        checkDestination(rule->kind, rule->destination, path + QStringLiteral(".destination"));
    rule->article = m_r.string(o, QStringLiteral("article"), path, Need::Optional);

    // Routes and private endpoints carry no protocol and no ports.
    const bool isRoute = kindOk && (rule->kind == RuleKind::Route || rule->kind == RuleKind::PrivateEndpoint);
    rule->protocol = m_r.string(o, QStringLiteral("protocol"), path, isRoute ? Need::Optional : Need::Required);
    if (!isRoute && !rule->protocol.isEmpty() && rule->protocol != u"TCP" && rule->protocol != u"UDP"
        && rule->protocol != u"ANY")
        m_r.error(path + QStringLiteral(".protocol"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "\"%1\" is not a protocol (TCP, UDP or ANY)"))
                      .arg(rule->protocol));
    if (isRoute && !rule->protocol.isEmpty())
        m_r.error(path + QStringLiteral(".protocol"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "a route or private endpoint has no protocol")));

    rule->ports = m_r.stringList(o, QStringLiteral("ports"), path, isRoute ? Need::Optional : Need::Required);
    for (qsizetype i = 0; i < rule->ports.size(); ++i) {
        if (!isValidPortSpec(rule->ports.at(i)))
            m_r.error(
                JsonReader::index(path + QStringLiteral(".ports"), i),
                ctext(QT_TRANSLATE_NOOP("amlfw::Catalog",
                                        "\"%1\" is not a port or port range (1-65535, such as 443 or 29876-29877)"))
                    .arg(rule->ports.at(i)));
    }
    if (!isRoute && rule->ports.isEmpty() && o.contains(QStringLiteral("ports")))
        m_r.error(path + QStringLiteral(".ports"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "must list at least one port")));
    if (isRoute && !rule->ports.isEmpty())
        m_r.error(path + QStringLiteral(".ports"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "a route or private endpoint has no ports")));

    const QSet<QString> rulePorts(rule->ports.cbegin(), rule->ports.cend()); // a set: a rule may list thousands
    m_r.forEachObject(
        m_r.array(o, QStringLiteral("portConditions"), path, Need::Optional), path + QStringLiteral(".portConditions"),
        [&](const QJsonObject &pc, const QString &pcPath, int) {
            PortCondition c;
            c.ports = m_r.stringList(pc, QStringLiteral("ports"), pcPath, Need::Required);
            for (const QString &p : std::as_const(c.ports)) {
                if (!rulePorts.contains(p))
                    m_r.error(pcPath + QStringLiteral(".ports"),
                              ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "port \"%1\" is not one of the rule's ports"))
                                  .arg(p));
            }
            c.when = condition(m_r.string(pc, QStringLiteral("when"), pcPath), pcPath + QStringLiteral(".when"));
            rule->portConditions << c;
        });

    const bool needsUdr = kindOk && rule->kind == RuleKind::Route;
    rule->udr = m_r.string(o, QStringLiteral("udr"), path, needsUdr ? Need::Required : Need::Optional);
    if (needsUdr && !rule->udr.isEmpty() && rule->udr != u"service-tags" && rule->udr != u"ip-ranges")
        m_r.error(path + QStringLiteral(".udr"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "\"%1\" is not a route method (service-tags or ip-ranges)"))
                      .arg(rule->udr));
    if (!needsUdr && !rule->udr.isEmpty())
        m_r.error(path + QStringLiteral(".udr"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "only routes have a route method")));
}

void CatalogParser::checkId(const QString &id, const QString &path, QSet<QString> *seen)
{
    if (id.isEmpty())
        return; // reported as missing
    if (!idPattern().match(id).hasMatch())
        m_r.error(path + QStringLiteral(".id"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog",
                                          "\"%1\" is not a valid id (lower-case letters, digits and hyphens)"))
                      .arg(id));
    if (seen->contains(id))
        m_r.error(path + QStringLiteral(".id"),
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "duplicate id \"%1\"")).arg(id));
    seen->insert(id);
}

void CatalogParser::checkPlaceholders(const QString &text, const QString &path)
{
    for (const QString &name : placeholdersIn(text)) {
        if (!knownPlaceholders().contains(name))
            m_r.error(path, ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown placeholder <%1> (known: %2)"))
                                .arg(name, u'<' + knownPlaceholders().join(QStringLiteral(">, <")) + u'>'));
    }
}

void CatalogParser::checkClouds(const QStringList &clouds, const QString &path)
{
    checkKnown(clouds, m_cloudIds, path, QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown cloud \"%1\""));
}

// Each non-empty value one of `known`; `message` names the value as %1.
void CatalogParser::checkKnown(const QStringList &values, const QSet<QString> &known, const QString &path,
                               const char *message)
{
    for (const QString &value : values) {
        if (!value.isEmpty() && !known.contains(value))
            m_r.error(path, ctext(message).arg(value));
    }
}

void CatalogParser::checkDestination(RuleKind kind, const QString &destination, const QString &path)
{
    if (destination.isEmpty())
        return;
    checkPlaceholders(destination, path);
    const QString sample = sampleDestination(destination);
    static const QRegularExpression tagPattern(QStringLiteral("^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)*$"));
    switch (kind) {
    case RuleKind::ServiceTag:
    case RuleKind::Route:
        if (!tagPattern.match(sample).hasMatch())
            m_r.error(path,
                      ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "\"%1\" is not a service tag name")).arg(destination));
        break;
    case RuleKind::Fqdn:
        if (!isValidHostPattern(sample))
            m_r.error(path, ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "\"%1\" is not a host name")).arg(destination));
        break;
    case RuleKind::Url:
        if (!sample.contains(u'/') || !isValidHostPattern(hostOfUrl(sample)))
            m_r.error(path, ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "\"%1\" is not a host name followed by a path"))
                                .arg(destination));
        break;
    case RuleKind::PrivateEndpoint: {
        static const QRegularExpression pePattern(QStringLiteral("^[A-Za-z0-9-]+:[a-z]+$"));
        if (!pePattern.match(sample).hasMatch())
            m_r.error(path, ctext(QT_TRANSLATE_NOOP("amlfw::Catalog",
                                                    "\"%1\" is not a private endpoint (resource:subresource)"))
                                .arg(destination));
        break;
    }
    }
}

Condition CatalogParser::condition(const QString &text, const QString &path)
{
    TranslatableText message;
    Condition c = Condition::parse(text, &message);
    if (!message.isEmpty()) {
        // A hostile condition can be megabytes long: quote its start only.
        const QString quoted = text.size() > 80 ? text.left(77) + QStringLiteral("...") : text;
        m_r.error(path,
                  ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "invalid condition \"%1\": %2")).arg(quoted, message));
        return c;
    }
    for (const QString &id : c.identifiers()) {
        if (!m_featureIds.contains(id))
            m_r.error(path, ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown feature id \"%1\"")).arg(id));
    }
    return c;
}

} // namespace amlfw
