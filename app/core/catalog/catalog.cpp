#include "catalog.h"

#include "hostname.h"
#include "portlist.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

Q_LOGGING_CATEGORY(lcCatalog, "amlfw.catalog", QtWarningMsg)

namespace amlfw {

namespace {

constexpr qint64 MaxCatalogBytes = 16 * 1024 * 1024;

// Walks the JSON, converting values and recording every problem with its location.
class Reader
{
public:
    Reader(const QString &origin, Problems *problems)
        : m_origin(origin)
        , m_problems(problems)
    {
    }

    void error(const QString &path, const QString &message)
    {
        m_problems->append(Problem::error(location(path), message));
    }
    void warning(const QString &path, const QString &message)
    {
        m_problems->append(Problem::warning(location(path), message));
    }
    QString location(const QString &path) const
    {
        return path.isEmpty() ? m_origin : m_origin + QStringLiteral(": ") + path;
    }

    static QString join(const QString &path, const QString &key) { return path.isEmpty() ? key : path + u'.' + key; }

    QString string(const QJsonObject &object, const QString &key, const QString &path, bool required = true)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                error(join(path, key), Catalog::tr("missing"));
            return {};
        }
        if (!value.isString()) {
            error(join(path, key), Catalog::tr("must be a string"));
            return {};
        }
        const QString s = value.toString();
        if (required && s.trimmed().isEmpty())
            error(join(path, key), Catalog::tr("must not be empty"));
        return s;
    }

    LocalizedText text(const QJsonObject &object, const QString &key, const QString &path, bool required = true)
    {
        const QJsonValue value = object.value(key);
        const QString where = join(path, key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                error(where, Catalog::tr("missing (a text in English and Japanese)"));
            return {};
        }
        if (!value.isObject()) {
            error(where, Catalog::tr("must be an object with \"en\" and \"ja\" texts"));
            return {};
        }
        const QJsonObject o = value.toObject();
        LocalizedText t;
        t.en = o.value(QStringLiteral("en")).toString();
        t.ja = o.value(QStringLiteral("ja")).toString();
        if (t.en.trimmed().isEmpty())
            error(join(where, QStringLiteral("en")), Catalog::tr("missing English text"));
        if (t.ja.trimmed().isEmpty())
            error(join(where, QStringLiteral("ja")), Catalog::tr("missing Japanese translation"));
        return t;
    }

    QStringList stringList(const QJsonObject &object, const QString &key, const QString &path, bool required = false)
    {
        const QJsonValue value = object.value(key);
        const QString where = join(path, key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                error(where, Catalog::tr("missing"));
            return {};
        }
        if (!value.isArray()) {
            error(where, Catalog::tr("must be an array of strings"));
            return {};
        }
        QStringList out;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString()) {
                error(where + u'[' + QString::number(i) + u']', Catalog::tr("must be a string"));
                continue;
            }
            out << array.at(i).toString();
        }
        return out;
    }

    bool boolean(const QJsonObject &object, const QString &key, const QString &path, bool fallback)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isBool()) {
            error(join(path, key), Catalog::tr("must be true or false"));
            return fallback;
        }
        return value.toBool();
    }

    QJsonArray array(const QJsonObject &object, const QString &key, const QString &path, bool required = true)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                error(join(path, key), Catalog::tr("missing"));
            return {};
        }
        if (!value.isArray()) {
            error(join(path, key), Catalog::tr("must be an array"));
            return {};
        }
        return value.toArray();
    }

    // Iterates the objects of an array; path of each element names its id when it has one.
    template<typename F>
    void forEachObject(const QJsonArray &array, const QString &arrayPath, F &&f)
    {
        for (qsizetype i = 0; i < array.size(); ++i) {
            QString path = arrayPath + u'[' + QString::number(i) + u']';
            if (!array.at(i).isObject()) {
                error(path, Catalog::tr("must be an object"));
                continue;
            }
            const QJsonObject o = array.at(i).toObject();
            const QString id = o.value(QStringLiteral("id")).toString(o.value(QStringLiteral("name")).toString());
            if (!id.isEmpty())
                path += QStringLiteral(" (") + id + u')';
            f(o, path, int(i));
        }
    }

    Condition condition(const QString &text, const QString &path, const QSet<QString> &featureIds)
    {
        QString message;
        Condition c = Condition::parse(text, &message);
        if (!message.isEmpty()) {
            error(path, Catalog::tr("invalid condition \"%1\": %2").arg(text, message));
            return c;
        }
        for (const QString &id : c.identifiers()) {
            if (!featureIds.contains(id))
                error(path, Catalog::tr("unknown feature id \"%1\"").arg(id));
        }
        return c;
    }

private:
    QString m_origin;
    Problems *m_problems;
};

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    return re;
}

void checkId(Reader &reader, const QString &id, const QString &path, QSet<QString> *seen)
{
    if (id.isEmpty())
        return; // reported as missing
    if (!idPattern().match(id).hasMatch())
        reader.error(path + QStringLiteral(".id"),
                     Catalog::tr("\"%1\" is not a valid id (lower-case letters, digits and hyphens)").arg(id));
    if (seen->contains(id))
        reader.error(path + QStringLiteral(".id"), Catalog::tr("duplicate id \"%1\"").arg(id));
    seen->insert(id);
}

void checkPlaceholders(Reader &reader, const QString &text, const QString &path)
{
    for (const QString &name : placeholdersIn(text)) {
        if (!knownPlaceholders().contains(name))
            reader.error(path, Catalog::tr("unknown placeholder <%1> (known: %2)")
                                   .arg(name, QStringLiteral("<region>, <storage>, <pair>")));
    }
}

void checkClouds(Reader &reader, const QStringList &clouds, const QString &path, const QSet<QString> &cloudIds)
{
    for (const QString &c : clouds) {
        if (!cloudIds.contains(c))
            reader.error(path, Catalog::tr("unknown cloud \"%1\"").arg(c));
    }
}

// A destination as the catalog writes it, with placeholders standing for plausible values.
QString sampleDestination(const QString &destination)
{
    return substitutePlaceholders(destination, {{QStringLiteral("region"), QStringLiteral("westus")},
                                                {QStringLiteral("storage"), QStringLiteral("store")},
                                                {QStringLiteral("pair"), QStringLiteral("eastus")}});
}

void checkDestination(Reader &reader, RuleKind kind, const QString &destination, const QString &path)
{
    if (destination.isEmpty())
        return;
    checkPlaceholders(reader, destination, path);
    const QString sample = sampleDestination(destination);
    static const QRegularExpression tagPattern(QStringLiteral("^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)*$"));
    switch (kind) {
    case RuleKind::ServiceTag:
    case RuleKind::Route:
        if (!tagPattern.match(sample).hasMatch())
            reader.error(path, Catalog::tr("\"%1\" is not a service tag name").arg(destination));
        break;
    case RuleKind::Fqdn:
        if (!isValidHostPattern(sample))
            reader.error(path, Catalog::tr("\"%1\" is not a host name").arg(destination));
        break;
    case RuleKind::Url:
        if (!sample.contains(u'/') || !isValidHostPattern(hostOfUrl(sample)))
            reader.error(path, Catalog::tr("\"%1\" is not a host name followed by a path").arg(destination));
        break;
    }
}

QString lineColumn(const QByteArray &json, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(json.at(i)) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return Catalog::tr("line %1, column %2").arg(line).arg(column);
}

} // namespace

QString Catalog::builtInPath()
{
    return QStringLiteral(":/catalog/amlfw-catalog-2021-11.json");
}

Catalog Catalog::fromFile(const QString &path, Problems *problems)
{
    Problems local;
    Problems &out = problems ? *problems : local;
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        out << Problem::error(path, tr("cannot open the catalog file: %1").arg(file.errorString()));
        return {};
    }
    if (file.size() > MaxCatalogBytes) {
        out << Problem::error(
            path, tr("the catalog file is too large (%1 bytes; at most %2)").arg(file.size()).arg(MaxCatalogBytes));
        return {};
    }
    const QByteArray data = file.read(MaxCatalogBytes + 1);
    return fromJson(data, path.startsWith(u':') ? name : path, &out);
}

Catalog Catalog::builtIn(Problems *problems)
{
    return fromFile(builtInPath(), problems);
}

Catalog Catalog::fromJson(const QByteArray &json, const QString &origin, Problems *problems)
{
    Problems local;
    Problems &out = problems ? *problems : local;
    const qsizetype problemsBefore = out.size();
    Catalog c;
    c.origin = origin;

    if (json.size() > MaxCatalogBytes) {
        out << Problem::error(
            origin, tr("the catalog is too large (%1 bytes; at most %2)").arg(json.size()).arg(MaxCatalogBytes));
        return c;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out << Problem::error(origin + QStringLiteral(": ") + lineColumn(json, parseError.offset),
                              tr("not valid JSON: %1").arg(parseError.errorString()));
        return c;
    }
    if (!doc.isObject()) {
        out << Problem::error(origin, tr("the catalog must be a JSON object"));
        return c;
    }
    const QJsonObject root = doc.object();
    Reader r(origin, &out);

    // Version first: a catalog of another format is not read further.
    const QJsonValue formatValue = root.value(QStringLiteral("format"));
    if (!formatValue.isDouble()) {
        r.error(QStringLiteral("format"), tr("missing format version (this amlfw reads format %1)").arg(FormatVersion));
        return c;
    }
    c.format = formatValue.toInt();
    if (c.format != FormatVersion) {
        r.error(QStringLiteral("format"), tr("unsupported format version %1 (this amlfw reads format %2)")
                                              .arg(formatValue.toDouble())
                                              .arg(FormatVersion));
        return c;
    }
    c.edition = r.string(root, QStringLiteral("edition"), {});
    if (!root.value(QStringLiteral("source")).isObject()) {
        r.error(QStringLiteral("source"), tr("missing (the article this catalog comes from)"));
    } else {
        const QJsonObject source = root.value(QStringLiteral("source")).toObject();
        c.sourceTitle = r.text(source, QStringLiteral("title"), QStringLiteral("source"));
        c.sourceUrl = r.string(source, QStringLiteral("url"), QStringLiteral("source"));
        c.sourceLocale = r.string(source, QStringLiteral("locale"), QStringLiteral("source"), false);
        c.sourceDate = r.string(source, QStringLiteral("date"), QStringLiteral("source"));
    }

    // Clouds
    QSet<QString> cloudIds;
    r.forEachObject(r.array(root, QStringLiteral("clouds"), {}), QStringLiteral("clouds"),
                    [&](const QJsonObject &o, const QString &path, int) {
                        Cloud cloud;
                        cloud.id = r.string(o, QStringLiteral("id"), path);
                        checkId(r, cloud.id, path, &cloudIds);
                        cloud.name = r.text(o, QStringLiteral("name"), path);
                        cloud.description = r.text(o, QStringLiteral("description"), path);
                        cloud.storageSuffix = r.string(o, QStringLiteral("storageSuffix"), path);
                        c.clouds << cloud;
                    });
    if (c.clouds.isEmpty())
        r.error(QStringLiteral("clouds"), tr("no cloud defined"));

    // Features
    QSet<QString> groupIds;
    r.forEachObject(r.array(root, QStringLiteral("featureGroups"), {}), QStringLiteral("featureGroups"),
                    [&](const QJsonObject &o, const QString &path, int) {
                        FeatureGroup g;
                        g.id = r.string(o, QStringLiteral("id"), path);
                        checkId(r, g.id, path, &groupIds);
                        g.name = r.text(o, QStringLiteral("name"), path);
                        c.featureGroups << g;
                    });
    QSet<QString> featureIds;
    const QJsonArray featureArray = r.array(root, QStringLiteral("features"), {});
    for (const QJsonValue &v : featureArray) // ids first: implications may point forward
        featureIds.insert(v.toObject().value(QStringLiteral("id")).toString());
    QSet<QString> seenFeatures;
    r.forEachObject(featureArray, QStringLiteral("features"), [&](const QJsonObject &o, const QString &path, int) {
        Feature f;
        f.id = r.string(o, QStringLiteral("id"), path);
        checkId(r, f.id, path, &seenFeatures);
        f.group = r.string(o, QStringLiteral("group"), path);
        if (!f.group.isEmpty() && !groupIds.contains(f.group))
            r.error(path + QStringLiteral(".group"), tr("unknown feature group \"%1\"").arg(f.group));
        f.name = r.text(o, QStringLiteral("name"), path);
        f.description = r.text(o, QStringLiteral("description"), path);
        f.implies = r.stringList(o, QStringLiteral("implies"), path);
        for (const QString &id : std::as_const(f.implies)) {
            if (!featureIds.contains(id))
                r.error(path + QStringLiteral(".implies"), tr("unknown feature id \"%1\"").arg(id));
        }
        c.features << f;
    });

    // Sections and tables
    QSet<QString> sectionIds;
    r.forEachObject(r.array(root, QStringLiteral("sections"), {}), QStringLiteral("sections"),
                    [&](const QJsonObject &o, const QString &path, int) {
                        Section s;
                        s.id = r.string(o, QStringLiteral("id"), path);
                        checkId(r, s.id, path, &sectionIds);
                        s.anchor = r.string(o, QStringLiteral("anchor"), path);
                        s.title = r.text(o, QStringLiteral("title"), path);
                        c.sections << s;
                    });
    QSet<QString> tableIds;
    r.forEachObject(r.array(root, QStringLiteral("tables"), {}), QStringLiteral("tables"),
                    [&](const QJsonObject &o, const QString &path, int) {
                        Table t;
                        t.id = r.string(o, QStringLiteral("id"), path);
                        checkId(r, t.id, path, &tableIds);
                        t.section = r.string(o, QStringLiteral("section"), path);
                        if (!t.section.isEmpty() && !sectionIds.contains(t.section))
                            r.error(path + QStringLiteral(".section"), tr("unknown section \"%1\"").arg(t.section));
                        t.view = r.string(o, QStringLiteral("view"), path);
                        if (!t.view.isEmpty() && t.view != u"azure-firewall" && t.view != u"other-firewalls")
                            r.error(path + QStringLiteral(".view"),
                                    tr("\"%1\" is not a view (azure-firewall or other-firewalls)").arg(t.view));
                        t.title = r.text(o, QStringLiteral("title"), path);
                        c.tables << t;
                    });

    r.forEachObject(r.array(root, QStringLiteral("wellKnownPorts"), {}, false), QStringLiteral("wellKnownPorts"),
                    [&](const QJsonObject &o, const QString &path, int) {
                        WellKnownPort p;
                        p.port = r.string(o, QStringLiteral("port"), path);
                        if (!p.port.isEmpty() && !isValidPortSpec(p.port))
                            r.error(path + QStringLiteral(".port"), tr("\"%1\" is not a port").arg(p.port));
                        p.description = r.text(o, QStringLiteral("description"), path);
                        c.wellKnownPorts << p;
                    });

    // Service tags that exist: rules naming others are flagged as not expressible.
    QSet<QString> tagNames;
    r.forEachObject(r.array(root, QStringLiteral("serviceTags"), {}), QStringLiteral("serviceTags"),
                    [&](const QJsonObject &o, const QString &path, int) {
                        ServiceTag t;
                        t.name = r.string(o, QStringLiteral("name"), path);
                        if (tagNames.contains(t.name))
                            r.error(path + QStringLiteral(".name"), tr("duplicate service tag \"%1\"").arg(t.name));
                        tagNames.insert(t.name);
                        t.regional = r.boolean(o, QStringLiteral("regional"), path, false);
                        t.clouds = r.stringList(o, QStringLiteral("clouds"), path);
                        checkClouds(r, t.clouds, path + QStringLiteral(".clouds"), cloudIds);
                        c.serviceTags << t;
                    });

    // Notes
    auto readNotes = [&](const QString &key, bool scenario, QList<Note> *list, QSet<QString> *ids) {
        r.forEachObject(r.array(root, key, {}, false), key, [&](const QJsonObject &o, const QString &path, int) {
            Note n;
            n.id = r.string(o, QStringLiteral("id"), path);
            checkId(r, n.id, path, ids);
            const QString severity = r.string(o, QStringLiteral("severity"), path);
            if (const auto s = noteSeverityIds.fromId(severity))
                n.severity = *s;
            else if (!severity.isEmpty())
                r.error(path + QStringLiteral(".severity"),
                        tr("\"%1\" is not a severity (info or warning)").arg(severity));
            const QJsonValue ki = o.value(QStringLiteral("knownIssue"));
            if (!ki.isUndefined()) {
                if (!ki.isDouble() || ki.toDouble() < 1 || ki.toDouble() != double(ki.toInt()))
                    r.error(path + QStringLiteral(".knownIssue"), tr("must be a positive whole number"));
                else
                    n.knownIssue = ki.toInt();
            }
            n.clouds = r.stringList(o, QStringLiteral("clouds"), path);
            checkClouds(r, n.clouds, path + QStringLiteral(".clouds"), cloudIds);
            if (scenario)
                n.when = r.condition(r.string(o, QStringLiteral("when"), path, false), path + QStringLiteral(".when"),
                                     featureIds);
            n.text = r.text(o, QStringLiteral("text"), path);
            checkPlaceholders(r, n.text.en, path + QStringLiteral(".text.en"));
            checkPlaceholders(r, n.text.ja, path + QStringLiteral(".text.ja"));
            list->append(n);
        });
    };
    QSet<QString> noteIds;
    QSet<QString> scenarioNoteIds;
    readNotes(QStringLiteral("notes"), false, &c.notes, &noteIds);
    readNotes(QStringLiteral("scenarioNotes"), true, &c.scenarioNotes, &scenarioNoteIds);

    // Regions
    QSet<QString> geographyIds;
    r.forEachObject(r.array(root, QStringLiteral("geographies"), {}), QStringLiteral("geographies"),
                    [&](const QJsonObject &o, const QString &path, int) {
                        Geography g;
                        g.id = r.string(o, QStringLiteral("id"), path);
                        checkId(r, g.id, path, &geographyIds);
                        g.name = r.text(o, QStringLiteral("name"), path);
                        c.geographies << g;
                    });
    const QJsonValue regionsValue = root.value(QStringLiteral("regions"));
    if (!regionsValue.isObject()) {
        r.error(QStringLiteral("regions"), tr("missing (an object with the regions of each cloud)"));
    } else {
        const QJsonObject regions = regionsValue.toObject();
        for (auto it = regions.constBegin(); it != regions.constEnd(); ++it) {
            const QString cloudPath = QStringLiteral("regions.") + it.key();
            if (!cloudIds.contains(it.key())) {
                r.error(cloudPath, tr("unknown cloud \"%1\"").arg(it.key()));
                continue;
            }
            if (!it.value().isArray()) {
                r.error(cloudPath, tr("must be an array"));
                continue;
            }
            const QJsonArray array = it.value().toArray();
            QSet<QString> names;
            for (const QJsonValue &v : array)
                names.insert(v.toObject().value(QStringLiteral("name")).toString());
            QSet<QString> seen;
            QList<Region> list;
            r.forEachObject(array, cloudPath, [&](const QJsonObject &o, const QString &path, int) {
                Region region;
                region.name = r.string(o, QStringLiteral("name"), path);
                static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9]+$"));
                if (!region.name.isEmpty() && !namePattern.match(region.name).hasMatch())
                    r.error(path + QStringLiteral(".name"),
                            tr("\"%1\" is not a region name (lower-case letters and digits)").arg(region.name));
                if (seen.contains(region.name))
                    r.error(path + QStringLiteral(".name"), tr("duplicate region \"%1\"").arg(region.name));
                seen.insert(region.name);
                region.display = r.text(o, QStringLiteral("display"), path);
                region.geography = r.string(o, QStringLiteral("geography"), path);
                if (!region.geography.isEmpty() && !geographyIds.contains(region.geography))
                    r.error(path + QStringLiteral(".geography"), tr("unknown geography \"%1\"").arg(region.geography));
                region.aml = r.boolean(o, QStringLiteral("aml"), path, true);
                region.pair = r.string(o, QStringLiteral("pair"), path, false);
                if (!region.pair.isEmpty() && (!names.contains(region.pair) || region.pair == region.name))
                    r.error(path + QStringLiteral(".pair"),
                            tr("paired region \"%1\" is not another region of this cloud").arg(region.pair));
                list << region;
            });
            c.regions.insert(it.key(), list);
        }
        for (const Cloud &cloud : std::as_const(c.clouds)) {
            if (c.regions.value(cloud.id).isEmpty())
                r.error(QStringLiteral("regions"), tr("no region for cloud \"%1\"").arg(cloud.id));
        }
    }

    // Rules
    QSet<QString> ruleIds;
    r.forEachObject(r.array(root, QStringLiteral("rules"), {}), QStringLiteral("rules"),
                    [&](const QJsonObject &o, const QString &path, int index) {
                        CatalogRule rule;
                        rule.index = index;
                        rule.id = r.string(o, QStringLiteral("id"), path);
                        checkId(r, rule.id, path, &ruleIds);
                        rule.clouds = r.stringList(o, QStringLiteral("clouds"), path, true);
                        if (rule.clouds.isEmpty() && o.contains(QStringLiteral("clouds")))
                            r.error(path + QStringLiteral(".clouds"), tr("must name at least one cloud"));
                        checkClouds(r, rule.clouds, path + QStringLiteral(".clouds"), cloudIds);

                        const QString direction = r.string(o, QStringLiteral("direction"), path);
                        if (const auto d = directionIds.fromId(direction))
                            rule.direction = *d;
                        else if (!direction.isEmpty())
                            r.error(path + QStringLiteral(".direction"),
                                    tr("\"%1\" is not a direction (inbound or outbound)").arg(direction));

                        const QString kind = r.string(o, QStringLiteral("kind"), path);
                        const auto parsedKind = ruleKindIds.fromId(kind);
                        const bool kindOk = parsedKind.has_value();
                        if (parsedKind)
                            rule.kind = *parsedKind;
                        else if (!kind.isEmpty())
                            r.error(path + QStringLiteral(".kind"),
                                    tr("\"%1\" is not a kind (service-tag, fqdn, url or route)").arg(kind));

                        rule.destination = r.string(o, QStringLiteral("destination"), path);
                        if (kindOk)
                            checkDestination(r, rule.kind, rule.destination, path + QStringLiteral(".destination"));
                        rule.article = r.string(o, QStringLiteral("article"), path, false);

                        const bool isRoute = kindOk && rule.kind == RuleKind::Route;
                        rule.protocol = r.string(o, QStringLiteral("protocol"), path, !isRoute);
                        if (!isRoute && !rule.protocol.isEmpty() && rule.protocol != u"TCP" && rule.protocol != u"UDP")
                            r.error(path + QStringLiteral(".protocol"),
                                    tr("\"%1\" is not a protocol (TCP or UDP)").arg(rule.protocol));
                        if (isRoute && !rule.protocol.isEmpty())
                            r.error(path + QStringLiteral(".protocol"), tr("a route has no protocol"));

                        rule.ports = r.stringList(o, QStringLiteral("ports"), path, true);
                        for (qsizetype i = 0; i < rule.ports.size(); ++i) {
                            if (!isValidPortSpec(rule.ports.at(i)))
                                r.error(path + QStringLiteral(".ports[") + QString::number(i) + u']',
                                        tr("\"%1\" is not a port or port range (1-65535, such as 443 or 29876-29877)")
                                            .arg(rule.ports.at(i)));
                        }
                        if (!isRoute && rule.ports.isEmpty() && o.contains(QStringLiteral("ports")))
                            r.error(path + QStringLiteral(".ports"), tr("must list at least one port"));
                        if (isRoute && !rule.ports.isEmpty())
                            r.error(path + QStringLiteral(".ports"), tr("a route has no ports"));

                        const QSet<QString> rulePorts(rule.ports.cbegin(), rule.ports.cend());
                        const QJsonArray portConditions = r.array(o, QStringLiteral("portConditions"), path, false);
                        r.forEachObject(portConditions, path + QStringLiteral(".portConditions"),
                                        [&](const QJsonObject &pc, const QString &pcPath, int) {
                                            PortCondition condition;
                                            condition.ports = r.stringList(pc, QStringLiteral("ports"), pcPath, true);
                                            for (const QString &p : std::as_const(condition.ports)) {
                                                if (!rulePorts.contains(p))
                                                    r.error(pcPath + QStringLiteral(".ports"),
                                                            tr("port \"%1\" is not one of the rule's ports").arg(p));
                                            }
                                            condition.when = r.condition(r.string(pc, QStringLiteral("when"), pcPath),
                                                                         pcPath + QStringLiteral(".when"), featureIds);
                                            rule.portConditions << condition;
                                        });

                        rule.when = r.condition(r.string(o, QStringLiteral("when"), path, false),
                                                path + QStringLiteral(".when"), featureIds);
                        rule.udr = r.string(o, QStringLiteral("udr"), path, isRoute);
                        if (isRoute && !rule.udr.isEmpty() && rule.udr != u"service-tags" && rule.udr != u"ip-ranges")
                            r.error(path + QStringLiteral(".udr"),
                                    tr("\"%1\" is not a route method (service-tags or ip-ranges)").arg(rule.udr));
                        if (!isRoute && !rule.udr.isEmpty())
                            r.error(path + QStringLiteral(".udr"), tr("only routes have a route method"));

                        rule.table = r.string(o, QStringLiteral("table"), path);
                        if (!rule.table.isEmpty() && !tableIds.contains(rule.table))
                            r.error(path + QStringLiteral(".table"), tr("unknown table \"%1\"").arg(rule.table));
                        rule.purpose = r.text(o, QStringLiteral("purpose"), path);
                        rule.notes = r.stringList(o, QStringLiteral("notes"), path);
                        for (const QString &n : std::as_const(rule.notes)) {
                            if (!noteIds.contains(n))
                                r.error(path + QStringLiteral(".notes"), tr("unknown note \"%1\"").arg(n));
                        }
                        rule.alternativeTag = r.string(o, QStringLiteral("alternativeTag"), path, false);
                        if (!rule.alternativeTag.isEmpty() && !tagNames.contains(rule.alternativeTag))
                            r.error(path + QStringLiteral(".alternativeTag"),
                                    tr("unknown service tag \"%1\"").arg(rule.alternativeTag));
                        c.rules << rule;
                    });
    if (c.rules.isEmpty())
        r.error(QStringLiteral("rules"), tr("no rule defined"));
    c.probe = ProbeCatalog::fromJson(root.value(QStringLiteral("probe")), c, &out);

    bool ok = true;
    for (qsizetype i = problemsBefore; i < out.size(); ++i) {
        if (out.at(i).isError())
            ok = false;
    }
    c.m_valid = ok;
    if (!ok)
        qCWarning(lcCatalog) << "catalog" << origin << "has" << (out.size() - problemsBefore) << "problems";
    return c;
}

namespace {

// The catalog's lists are short (tens of entries): a linear search is the simple, fast choice.
template<typename T, typename Key>
const T *findBy(const QList<T> &list, Key T::*key, const QString &value)
{
    for (const T &item : list) {
        if (item.*key == value)
            return &item;
    }
    return nullptr;
}

} // namespace

const Cloud *Catalog::cloud(const QString &id) const
{
    return findBy(clouds, &Cloud::id, id);
}

const Feature *Catalog::feature(const QString &id) const
{
    return findBy(features, &Feature::id, id);
}

const FeatureGroup *Catalog::featureGroup(const QString &id) const
{
    return findBy(featureGroups, &FeatureGroup::id, id);
}

const Section *Catalog::section(const QString &id) const
{
    return findBy(sections, &Section::id, id);
}

const Table *Catalog::table(const QString &id) const
{
    return findBy(tables, &Table::id, id);
}

const Note *Catalog::note(const QString &id) const
{
    return findBy(notes, &Note::id, id);
}

const Region *Catalog::region(const QString &cloudId, const QString &name) const
{
    const auto it = regions.constFind(cloudId);
    return it == regions.constEnd() ? nullptr : findBy(*it, &Region::name, name);
}

const Geography *Catalog::geography(const QString &id) const
{
    return findBy(geographies, &Geography::id, id);
}

const ServiceTag *Catalog::serviceTag(const QString &name) const
{
    for (const ServiceTag &t : serviceTags) {
        if (t.name.compare(name, Qt::CaseInsensitive) == 0) // Azure treats tag names case-insensitively
            return &t;
    }
    return nullptr;
}

QStringList Catalog::featureIds() const
{
    QStringList ids;
    for (const Feature &f : features)
        ids << f.id;
    return ids;
}

QStringList Catalog::cloudIds() const
{
    QStringList ids;
    for (const Cloud &c : clouds)
        ids << c.id;
    return ids;
}

QStringList Catalog::expandFeatures(const QStringList &selected) const
{
    QStringList out;
    QStringList pending = selected;
    while (!pending.isEmpty()) {
        const QString id = pending.takeFirst();
        if (out.contains(id))
            continue;
        out << id;
        if (const Feature *f = feature(id))
            pending << f->implies;
    }
    // Catalog order, so that output does not depend on the order of the selection.
    QStringList ordered;
    for (const Feature &f : features) {
        if (out.contains(f.id))
            ordered << f.id;
    }
    for (const QString &id : std::as_const(out)) {
        if (!ordered.contains(id))
            ordered << id;
    }
    return ordered;
}

} // namespace amlfw
