#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace amlfw {

// Placeholders the catalog may use in destinations and notes.
inline const QStringList &knownPlaceholders()
{
    static const QStringList names{QStringLiteral("region"), QStringLiteral("storage"), QStringLiteral("pair"),
                                   QStringLiteral("acr"), QStringLiteral("workspace-id")};
    return names;
}

QStringList placeholdersIn(const QString &text); // "<storage>.blob..." -> {"storage"}
QString substitutePlaceholders(QString text, const QHash<QString, QString> &values);

// A host name as a firewall rule takes it: labels of letters, digits and hyphens, optionally
// starting with "*." or "*" (the article writes both "*.anaconda.org" and "*pytorch.org").
bool isValidHostPattern(const QString &host);
bool isWildcardHost(const QString &host);
// The host part of a URL-path entry ("raw.githubusercontent.com/microsoft/..." -> "raw.githubusercontent.com").
QString hostOfUrl(const QString &url);
bool isValidHostName(const QString &host); // no wildcard

} // namespace amlfw
