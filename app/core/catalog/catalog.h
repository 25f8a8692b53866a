#pragma once

#include "condition.h"
#include "enumtable.h"
#include "localizedtext.h"
#include "probecatalog.h"
#include "problem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace amlfw {

enum class Direction { Inbound, Outbound };
inline constexpr EnumTable directionIds{std::to_array<EnumId<Direction>>({
    {Direction::Inbound, "inbound"},
    {Direction::Outbound, "outbound"},
})};

// PrivateEndpoint: a managed virtual network's private-endpoint rule ("<resource>:<subresource>").
enum class RuleKind { ServiceTag, Fqdn, Url, Route, PrivateEndpoint };
inline constexpr EnumTable ruleKindIds{std::to_array<EnumId<RuleKind>>({
    {RuleKind::ServiceTag, "service-tag"},
    {RuleKind::Fqdn, "fqdn"},
    {RuleKind::Url, "url"},
    {RuleKind::Route, "route"},
    {RuleKind::PrivateEndpoint, "private-endpoint"},
})};

// Where the rules go: the customer's own firewall, or the outbound rules of a managed virtual network.
enum class NetworkKind { Customer, Managed };
inline constexpr EnumTable networkKindIds{std::to_array<EnumId<NetworkKind>>({
    {NetworkKind::Customer, "customer"},
    {NetworkKind::Managed, "managed"},
})};
inline QString networkKindId(NetworkKind kind)
{
    return networkKindIds.toId(kind);
}

enum class NoteSeverity { Info, Warning };
inline constexpr EnumTable noteSeverityIds{std::to_array<EnumId<NoteSeverity>>({
    {NoteSeverity::Info, "info"},
    {NoteSeverity::Warning, "warning"},
})};

inline QString directionId(Direction direction)
{
    return directionIds.toId(direction);
}
inline QString ruleKindId(RuleKind kind)
{
    return ruleKindIds.toId(kind);
}
inline QString noteSeverityId(NoteSeverity severity)
{
    return noteSeverityIds.toId(severity);
}

struct Cloud
{
    QString id; // public | usgov | china
    LocalizedText name;
    LocalizedText description;
    QString storageSuffix; // core.windows.net ...
};

struct FeatureGroup
{
    QString id;
    LocalizedText name;
};

struct Feature
{
    QString id;
    QString group;
    LocalizedText name;
    LocalizedText description;
    QStringList implies;
};

// What a feature id of another edition is closest to in this one.
struct FeatureMapping
{
    QStringList nearest; // feature ids of this catalog, may be empty
    LocalizedText text;  // optional: why
};

struct Section
{
    QString id;
    QString anchor; // the article's anchor (#...)
    LocalizedText title;
};

struct Table
{
    QString id;
    QString section;
    QString view; // "azure-firewall" or "other-firewalls"
    LocalizedText title;
};

struct Note
{
    QString id;
    int knownIssue = 0; // number in known-issues-2021.md, 0 if none
    NoteSeverity severity = NoteSeverity::Info;
    QStringList clouds;           // empty: every cloud
    QList<NetworkKind> networks;  // empty: every network
    Condition when;               // scenario notes only
    LocalizedText text;
};

struct ServiceTag
{
    QString name;
    bool regional = false;
    QStringList clouds; // empty: every cloud
};

struct Geography
{
    QString id;
    LocalizedText name;
};

struct Region
{
    QString name; // programmatic name, e.g. japaneast
    LocalizedText display;
    QString geography;
    bool aml = true; // Azure Machine Learning offered there
    QString pair;    // paired region, may be empty
};

struct WellKnownPort
{
    QString port;
    LocalizedText description;
};

struct PortCondition
{
    QStringList ports;
    Condition when;
};

// One row of one table of the article.
struct CatalogRule
{
    int index = 0; // position in the catalog: the stable order
    QString id;
    QStringList clouds;
    Direction direction = Direction::Outbound;
    RuleKind kind = RuleKind::Fqdn;
    QString destination; // template with <region>, <storage>, <pair>
    QString article;     // as printed in the article, when amlfw corrects it
    QString protocol;    // TCP / UDP / ANY, empty for routes and private endpoints
    QStringList ports;
    QList<PortCondition> portConditions;
    Condition when;
    QString udr; // routes: "service-tags" or "ip-ranges"
    QString table;
    LocalizedText purpose;
    QStringList notes;
    QString alternativeTag; // service tag to use where Azure Firewall cannot express the rule
    NetworkKind network = NetworkKind::Customer;
    bool automatic = false; // managed network: Azure adds the rule by itself
};

// The rule catalog: every rule of the article, its sections and tables, the clouds, regions and
// features. Loaded from JSON (the embedded resource or a file) and validated on load.
class Catalog
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::Catalog)

public:
    static constexpr int FormatVersion = 1;
    static QStringList builtInEditions();                    // oldest first: "2021-11", "2026-03"
    static QString newestEdition();                          // the default edition
    static QString builtInPath(const QString &edition = {}); // ":/catalog/amlfw-catalog-<edition>.json"

    // Parses and validates. `origin` names the source in problem locations (a file name).
    // The catalog is usable only when no problem is an error.
    static Catalog fromJson(const QByteArray &json, const QString &origin, Problems *problems);
    static Catalog fromFile(const QString &path, Problems *problems);
    static Catalog builtIn(Problems *problems = nullptr); // the newest edition
    static Catalog builtIn(const QString &edition, Problems *problems = nullptr);

    bool isValid() const { return m_valid; }

    int format = 0;
    QString edition;
    LocalizedText sourceTitle;
    QString sourceUrl;
    QString sourceLocale;
    QString sourceDate;
    LocalizedText summary; // one sentence on the edition, for choosing it
    QString origin;
    QList<NetworkKind> networks{NetworkKind::Customer};
    QHash<QString, FeatureMapping> featureMap; // ids of other editions -> nearest features here

    QList<Cloud> clouds;
    QList<FeatureGroup> featureGroups;
    QList<Feature> features;
    QList<Section> sections;
    QList<Table> tables;
    QList<WellKnownPort> wellKnownPorts;
    QList<ServiceTag> serviceTags;
    QList<Note> notes;
    QList<Note> scenarioNotes;
    QList<Geography> geographies;
    QHash<QString, QList<Region>> regions; // by cloud id
    QList<CatalogRule> rules;
    ProbeCatalog probe; // the "probe" object: what the live endpoint test needs (probecatalog.h)

    const Cloud *cloud(const QString &id) const;
    const Feature *feature(const QString &id) const;
    const FeatureGroup *featureGroup(const QString &id) const;
    const Section *section(const QString &id) const;
    const Table *table(const QString &id) const;
    const Note *note(const QString &id) const;
    const Region *region(const QString &cloudId, const QString &name) const;
    const Geography *geography(const QString &id) const;
    const ServiceTag *serviceTag(const QString &name) const;
    QStringList featureIds() const;
    QStringList cloudIds() const;
    bool hasNetwork(NetworkKind kind) const { return networks.contains(kind); }

    // The selection plus everything it implies (arc-inference -> arc-training -> arc-extension).
    QStringList expandFeatures(const QStringList &selected) const;

private:
    bool m_valid = false;
};

} // namespace amlfw
