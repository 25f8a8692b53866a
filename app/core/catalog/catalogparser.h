#pragma once

#include "catalog.h"
#include "jsonreader.h"

#include <QJsonObject>
#include <QSet>

namespace amlfw {

// Reads the sections of a catalog document into a Catalog, one function per section, checking
// each reference against the sections read before it. Used by Catalog::fromJson only.
class CatalogParser
{
public:
    CatalogParser(Catalog *catalog, JsonReader *reader)
        : m_catalog(*catalog)
        , m_r(*reader)
    {
    }

    void read(const QJsonObject &root);

private:
    bool readFormat(const QJsonObject &root);
    void readSource(const QJsonObject &root);
    void readNetworks(const QJsonObject &root);
    void readFeatureMap(const QJsonObject &root);
    void readClouds(const QJsonObject &root);
    void readFeatures(const QJsonObject &root);
    void readSectionsAndTables(const QJsonObject &root);
    void readWellKnownPorts(const QJsonObject &root);
    void readServiceTags(const QJsonObject &root);
    void readNotes(const QJsonObject &root, const QString &key, bool scenario, QList<Note> *list, QSet<QString> *ids);
    void readGeographies(const QJsonObject &root);
    void readRegions(const QJsonObject &root);
    void readRegionsOfCloud(const QString &cloud, const QJsonArray &array, const QString &cloudPath);
    void readRules(const QJsonObject &root);
    void readRule(const QJsonObject &o, const QString &path, int index);
    void readRuleNetwork(const QJsonObject &o, const QString &path, CatalogRule *rule);
    void readRuleAddressing(const QJsonObject &o, const QString &path, CatalogRule *rule, bool kindOk);

    void checkId(const QString &id, const QString &path, QSet<QString> *seen);
    void checkPlaceholders(const QString &text, const QString &path);
    void checkClouds(const QStringList &clouds, const QString &path);
    void checkKnown(const QStringList &values, const QSet<QString> &known, const QString &path, const char *message);
    void checkDestination(RuleKind kind, const QString &destination, const QString &path);
    Condition condition(const QString &text, const QString &path);

    Catalog &m_catalog;
    JsonReader &m_r;
    QSet<QString> m_cloudIds;
    QSet<QString> m_groupIds;
    QSet<QString> m_featureIds;
    QSet<QString> m_sectionIds;
    QSet<QString> m_tableIds;
    QSet<QString> m_tagNames;
    QSet<QString> m_noteIds;
    QSet<QString> m_scenarioNoteIds;
    QSet<QString> m_geographyIds;
    QSet<QString> m_ruleIds;
};

} // namespace amlfw
