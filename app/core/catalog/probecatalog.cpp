#include "probecatalog.h"

#include "catalog.h"
#include "hostname.h"
#include "jsonreader.h"
#include "portlist.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace amlfw {

namespace {

// Plausible placeholder values, to check that a host template yields a host name.
QString sampleHost(const QString &hostTemplate)
{
    return substitutePlaceholders(hostTemplate, {{QStringLiteral("region"), QStringLiteral("westus")},
                                                 {QStringLiteral("storage"), QStringLiteral("store")},
                                                 {QStringLiteral("pair"), QStringLiteral("eastus")}});
}

TranslatableText ptext(const char *source)
{
    return TranslatableText("amlfw::ProbeCatalog", source);
}

// The catalog's reader, plus checks against the rules.
class ProbeReader : public JsonReader
{
public:
    ProbeReader(const Catalog &catalog, Problems *problems)
        : JsonReader(catalog.origin, problems)
        , m_catalog(catalog)
    {
    }

    void checkHostTemplate(const QString &hostTemplate, const QString &path)
    {
        for (const QString &name : placeholdersIn(hostTemplate)) {
            if (!knownPlaceholders().contains(name)) {
                error(path, ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog", "unknown placeholder <%1> (known: %2)"))
                                .arg(name, QStringLiteral("<region>, <storage>, <pair>")));
                return;
            }
        }
        if (!isValidHostName(sampleHost(hostTemplate)))
            error(path, ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog",
                                                "\"%1\" is not a host name (wildcards cannot be tested)"))
                            .arg(hostTemplate));
    }

    // { "<destination template>": { "<cloud>|*": "<host template>" } }, keys checked against the rules.
    QHash<QString, QHash<QString, QString>> hostMap(const QJsonObject &probe, const QString &key, bool wildcards)
    {
        QHash<QString, QHash<QString, QString>> out;
        const QJsonValue value = probe.value(key);
        const QString path = QStringLiteral("probe.") + key;
        if (value.isUndefined())
            return out;
        if (!value.isObject()) {
            error(path, ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog", "must be an object keyed by destination")));
            return out;
        }
        const QJsonObject map = value.toObject();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString destination = it.key();
            const QString where = path + QStringLiteral("[\"") + destination + QStringLiteral("\"]");
            QSet<QString> ruleClouds;
            for (const CatalogRule &rule : m_catalog.rules) {
                const bool kindMatches = wildcards ? (rule.kind == RuleKind::Fqdn && isWildcardHost(rule.destination))
                                                   : rule.kind == RuleKind::ServiceTag;
                if (kindMatches && rule.destination == destination) {
                    for (const QString &c : rule.clouds)
                        ruleClouds.insert(c);
                }
            }
            if (ruleClouds.isEmpty()) {
                error(where, wildcards ? ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog",
                                                                 "no wildcard rule has the destination \"%1\""))
                                             .arg(destination)
                                       : ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog",
                                                                 "no service tag rule has the destination \"%1\""))
                                             .arg(destination));
                continue;
            }
            if (!it.value().isObject()) {
                error(where,
                      ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog",
                                              "must be an object keyed by cloud id (or \"*\" for every cloud)")));
                continue;
            }
            QHash<QString, QString> byCloud;
            const QJsonObject clouds = it.value().toObject();
            for (auto c = clouds.constBegin(); c != clouds.constEnd(); ++c) {
                const QString cloudPath = where + u'.' + c.key();
                if (c.key() != u"*" && !m_catalog.cloud(c.key())) {
                    error(cloudPath,
                          ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog", "unknown cloud \"%1\"")).arg(c.key()));
                    continue;
                }
                if (c.key() != u"*" && !ruleClouds.contains(c.key()))
                    error(cloudPath, ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog",
                                                             "no rule with this destination applies to cloud \"%1\""))
                                         .arg(c.key()));
                const QString host = c.value().toString();
                if (!c.value().isString() || host.trimmed().isEmpty()) {
                    error(cloudPath, ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog", "must be a host name")));
                    continue;
                }
                checkHostTemplate(host, cloudPath);
                if (wildcards && !hostMatchesPattern(sampleHost(host), sampleHost(destination)))
                    error(cloudPath,
                          ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog", "\"%1\" is not a name that \"%2\" admits"))
                              .arg(host, destination));
                byCloud.insert(c.key(), host);
            }
            out.insert(destination, byCloud);
        }
        return out;
    }

private:
    const Catalog &m_catalog;
};

} // namespace

bool hostMatchesPattern(const QString &host, const QString &pattern)
{
    if (pattern == u"*")
        return true;
    if (pattern.startsWith(u'*')) {
        const QString suffix = pattern.mid(1); // ".a.b" or "a.b"
        return (host.size() > suffix.size() && host.endsWith(suffix, Qt::CaseInsensitive))
               || (!suffix.startsWith(u'.') && host.compare(suffix, Qt::CaseInsensitive) == 0);
    }
    return host.compare(pattern, Qt::CaseInsensitive) == 0;
}

bool issuerNameMatches(const QString &expected, const QString &organization, const QString &commonName)
{
    if (expected.endsWith(u'*')) {
        const QString prefix = expected.chopped(1);
        return (!organization.isEmpty() && organization.startsWith(prefix, Qt::CaseInsensitive))
               || (!commonName.isEmpty() && commonName.startsWith(prefix, Qt::CaseInsensitive));
    }
    return expected.compare(organization, Qt::CaseInsensitive) == 0
           || expected.compare(commonName, Qt::CaseInsensitive) == 0;
}

ProbeCatalog ProbeCatalog::fromJson(const QJsonValue &value, const Catalog &catalog, Problems *problems)
{
    Problems local;
    ProbeReader r(catalog, problems ? problems : &local);
    ProbeCatalog p;
    if (value.isUndefined())
        return p;
    if (!value.isObject()) {
        r.error(QStringLiteral("probe"), JsonReader::mustBeAnObject());
        return p;
    }
    const QJsonObject probe = value.toObject();

    p.tlsPorts
        = r.stringList(probe, QStringLiteral("tlsPorts"), QStringLiteral("probe"), JsonReader::Need::Optional, true);
    for (const QString &port : std::as_const(p.tlsPorts)) {
        PortRange range;
        if (!PortRange::parse(port, &range) || !range.isSingle())
            r.error(QStringLiteral("probe.tlsPorts"),
                    ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog", "\"%1\" is not a port")).arg(port));
    }

    const QJsonValue issuers = probe.value(QStringLiteral("expectedIssuers"));
    if (!issuers.isUndefined() && !issuers.isArray())
        r.error(QStringLiteral("probe.expectedIssuers"), JsonReader::mustBeAnArray());
    const QJsonArray issuerArray = issuers.toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < issuerArray.size(); ++i) {
        QString path = QStringLiteral("probe.expectedIssuers[") + QString::number(i) + u']';
        if (!issuerArray.at(i).isObject()) {
            r.error(path, JsonReader::mustBeAnObject());
            continue;
        }
        const QJsonObject o = issuerArray.at(i).toObject();
        ExpectedIssuers e;
        e.id = o.value(QStringLiteral("id")).toString();
        if (e.id.isEmpty())
            r.error(path + QStringLiteral(".id"), JsonReader::missing());
        else
            path += QStringLiteral(" (") + e.id + u')';
        if (!e.id.isEmpty() && ids.contains(e.id))
            r.error(path + QStringLiteral(".id"),
                    ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog", "duplicate id \"%1\"")).arg(e.id));
        ids.insert(e.id);
        e.hosts = r.stringList(o, QStringLiteral("hosts"), path, JsonReader::Need::Optional, true);
        e.issuers = r.stringList(o, QStringLiteral("issuers"), path, JsonReader::Need::Optional, true);
        if (e.hosts.isEmpty())
            r.error(path + QStringLiteral(".hosts"),
                    ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog", "must list at least one host pattern")));
        if (e.issuers.isEmpty())
            r.error(path + QStringLiteral(".issuers"),
                    ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog", "must list at least one issuer")));
        for (const QString &h : std::as_const(e.hosts)) {
            if (h != u"*" && !isValidHostPattern(h))
                r.error(path + QStringLiteral(".hosts"),
                        ptext(QT_TRANSLATE_NOOP("amlfw::ProbeCatalog", "\"%1\" is not a host pattern")).arg(h));
        }
        p.expectedIssuers << e;
    }

    p.wildcardSamples = r.hostMap(probe, QStringLiteral("wildcardSamples"), true);
    p.serviceTagHosts = r.hostMap(probe, QStringLiteral("serviceTagHosts"), false);
    return p;
}

bool ProbeCatalog::isTlsPort(int port) const
{
    return tlsPorts.contains(QString::number(port));
}

const ExpectedIssuers *ProbeCatalog::expectedIssuersFor(const QString &host) const
{
    for (const ExpectedIssuers &e : expectedIssuers) {
        for (const QString &pattern : e.hosts) {
            if (hostMatchesPattern(host, pattern))
                return &e;
        }
    }
    return nullptr;
}

namespace {

QString lookupByCloud(const QHash<QString, QHash<QString, QString>> &map, const QString &key, const QString &cloud)
{
    const auto it = map.constFind(key);
    if (it == map.constEnd())
        return {};
    return it->value(cloud, it->value(QStringLiteral("*")));
}

} // namespace

QString ProbeCatalog::wildcardSample(const QString &destinationTemplate, const QString &cloud) const
{
    return lookupByCloud(wildcardSamples, destinationTemplate, cloud);
}

QString ProbeCatalog::serviceTagHost(const QString &destinationTemplate, const QString &cloud) const
{
    return lookupByCloud(serviceTagHosts, destinationTemplate, cloud);
}

} // namespace amlfw
