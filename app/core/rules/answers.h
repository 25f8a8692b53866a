#pragma once

#include "catalog.h"
#include "enumtable.h"
#include "language.h"
#include "problem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace amlfw {

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
    QString acr;                                 // the workspace's container registry name, for <acr>; optional
    QString workspaceId;                         // the workspace ID (a GUID), for <workspace-id>; optional
    NetworkKind network = NetworkKind::Customer; // Managed: the workspace's managed virtual network
    QString edition; // the catalog edition the answers are for; empty: whichever catalog is used

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
    // The account name in a pasted host name, URL or connection string of a storage account
    // ("mystore.blob.core.windows.net", "https://mystore.dfs.core.chinacloudapi.cn/c?sv=...",
    // "...;AccountName=mystore;..."), lower-cased; empty when `text` is none of them (a plain name
    // included). `host`, when given, receives the host name it was found in (empty for a
    // connection string): never the path or query, which may hold a secret.
    static QString storageAccountFromAddress(const QString &text, QString *host = nullptr);
    static Problems validateCloud(const Catalog &catalog, const QString &cloud);
    static Problems validateRegion(const Catalog &catalog, const QString &cloud, const QString &region);
    static Problems validateFeatures(const Catalog &catalog, const QStringList &features);
    // Empty when valid (or empty: both are optional); otherwise says what is wrong.
    static TranslatableText acrText(const QString &name);
    static TranslatableText featureOfOtherEdition(const Catalog &catalog, const QString &id);
    static TranslatableText workspaceIdText(const QString &id);

    // The closest known name, for "did you mean ...?", or empty.
    static QString suggestion(const QString &input, const QStringList &candidates);
};

} // namespace amlfw
