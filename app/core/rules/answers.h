#pragma once

#include "enumtable.h"
#include "language.h"
#include "problem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace amlfw {

class Catalog;

enum class UdrMethod { ServiceTags, IpRanges };
inline constexpr EnumTable udrMethodIds{std::to_array<EnumId<UdrMethod>>({
    {UdrMethod::ServiceTags, "service-tags"},
    {UdrMethod::IpRanges, "ip-ranges"},
})};
inline QString udrMethodId(UdrMethod method)
{
    return udrMethodIds.toId(method);
}
inline std::optional<UdrMethod> udrMethodFromId(const QString &id)
{
    return udrMethodIds.fromId(id);
}

// The user's answers: the scenario that rules are generated for.
struct Answers
{
    QString cloud;
    QString region;
    QString storage;      // the workspace's default storage account name
    QStringList features; // feature ids as selected (not expanded)
    UdrMethod udr = UdrMethod::ServiceTags;

    bool operator==(const Answers &other) const = default;
};

// Checks answers against the catalog: errors for anything that cannot be used, warnings for
// what works but deserves attention (a region where Azure ML is not offered).
class AnswersValidator
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::AnswersValidator)

public:
    static Problems validate(const Catalog &catalog, const Answers &answers);

    // Empty when `name` is a valid storage account name; otherwise says which rule is broken.
    static QString storageNameError(const QString &name);
    static TranslatableText storageNameText(const QString &name); // the same, translated when shown
    static Problems validateCloud(const Catalog &catalog, const QString &cloud);
    static Problems validateRegion(const Catalog &catalog, const QString &cloud, const QString &region);
    static Problems validateFeatures(const Catalog &catalog, const QStringList &features);

    // The closest known name, for "did you mean ...?", or empty.
    static QString suggestion(const QString &input, const QStringList &candidates);
};

// A profile: a small JSON file holding answers, saved by the wizard and read by the CLI.
// Every field is optional, so a profile can hold part of a scenario and flags add the rest.
struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::Profile)

public:
    static constexpr int FormatVersion = 1;

    std::optional<QString> cloud;
    std::optional<QString> region;
    std::optional<QString> storage;
    std::optional<QStringList> features;
    std::optional<UdrMethod> udr;
    std::optional<Language> language;
    QString title; // optional name of the scenario, e.g. for a workshop

    static Profile fromAnswers(const Answers &answers);
    Answers toAnswers() const; // fields not set stay empty / default
    void applyTo(Answers *answers) const;

    static std::optional<Profile> fromJson(const QByteArray &json, const QString &origin, Problems *problems);
    static std::optional<Profile> fromFile(const QString &path, Problems *problems);
    QByteArray toJson() const;
    bool save(const QString &path, QString *error) const; // atomic
};

} // namespace amlfw
