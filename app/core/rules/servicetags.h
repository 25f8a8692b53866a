#pragma once

#include "problem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace amlfw {

struct RuleSet;
struct Rule;

// One tag of an "Azure IP Ranges and Service Tags" file.
struct ServiceTagEntry
{
    QString name; // as the file spells it: "Storage.JapanEast"
    QString id;
    QString region; // empty for global tags
    QString systemService;
    QStringList addressPrefixes; // IPv4 and IPv6, as in the file
    QStringList networkFeatures;
};

// Microsoft's weekly "Azure IP Ranges and Service Tags" file (ServiceTags_Public_YYYYMMDD.json,
// the Government and China files) or the output of `az network list-service-tags`.
// Tag names are matched without regard to case.
class ServiceTagsFile
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::ServiceTagsFile)

public:
    QString fileName;  // the base name it was read from
    QString fileCloud; // as written: "Public", "AzureGovernment", "China"
    qint64 changeNumber = 0;
    QDate date; // from the file name (ServiceTags_Public_20261130.json); invalid when it has none
    QList<ServiceTagEntry> entries;

    // The file's cloud as a catalog cloud id (public / usgov / china); empty when unknown.
    QString cloudId() const;
    const ServiceTagEntry *find(const QString &tag) const; // case-insensitive
    // "change 412, 2026-11-30" or "change 412": what every view shows beside the prefixes.
    QString versionText() const;
    TranslatableText version() const; // the same, for messages translated when shown
    // "ServiceTags_Public_20261130.json (change 412, 2026-11-30)"
    QString description() const;

    // Problems name `fileName`; nullopt (with an error) for anything that is not such a file: empty, not
    // JSON (a web page saved instead of the file), cut off, JSON of another kind, no tags, a tag twice,
    // a prefix that is not one. At most kMaxProblems are listed, then how many more there are.
    static std::optional<ServiceTagsFile> parse(const QByteArray &json, const QString &fileName, Problems *problems);
    static std::optional<ServiceTagsFile> load(const QString &path, Problems *problems);
    static constexpr qsizetype kMaxProblems = 20;
    static QString cloudIdFromFileCloud(const QString &fileCloud);

private:
    QHash<QString, qsizetype> m_index; // lower-case name -> entries index
};

// Attaches `file` to the rule set: every service-tag rule and every route to a service tag gets its
// prefixes. Errors (the set is left alone): a file of another cloud. Warnings: tags the rules use
// that the file lacks, and tags it lists without prefixes, one per tag. A null file detaches it.
Problems applyServiceTags(RuleSet *set, std::shared_ptr<const ServiceTagsFile> file);

// The service tag a rule names, if it is one whose prefixes a file can give: service-tag rules and
// routes (their destination), and the alternative tag of an unsupported part is not included.
QString serviceTagOf(const Rule &rule);

// The tags the set's rules name that its file lacks, each once, in the rules' order; empty without a file.
QStringList missingServiceTags(const RuleSet &set);

} // namespace amlfw
