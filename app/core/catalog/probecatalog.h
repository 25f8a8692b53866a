#pragma once

#include "problem.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace amlfw {

class Catalog;

// Issuers a service's certificates come from. A verified chain whose leaf issuer is none of these
// is reported as TLS inspection.
struct ExpectedIssuers
{
    QString id;
    QStringList hosts;   // host patterns ("*.windows.net", "*" for any host), first matching entry wins
    QStringList issuers; // organisation (O) or common name (CN) of the leaf's issuer; "Prefix*" matches a prefix
};

// What the live endpoint test needs beyond the rules: the catalog's top-level "probe" object.
//   "tlsPorts":        ports spoken with TLS ("443")
//   "expectedIssuers": [{ "id", "hosts": [...], "issuers": [...] }]
//   "wildcardSamples": { "<destination template>": { "<cloud id>|*": "<host template>" } }
//   "serviceTagHosts": { "<destination template>": { "<cloud id>|*": "<host template>" } }
// Host templates may use the rule placeholders (<region>, <storage>, <pair>).
class ProbeCatalog
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbeCatalog)

public:
    QStringList tlsPorts;
    QList<ExpectedIssuers> expectedIssuers;
    QHash<QString, QHash<QString, QString>> wildcardSamples; // destination template -> cloud -> host template
    QHash<QString, QHash<QString, QString>> serviceTagHosts; // destination template -> cloud -> host template

    // Reads and validates `value` (the "probe" object; undefined means none) against the rest of
    // `catalog`. Problems are located like the catalog's ("<origin>: probe.wildcardSamples[...]").
    static ProbeCatalog fromJson(const QJsonValue &value, const Catalog &catalog, Problems *problems);

    bool isTlsPort(int port) const;
    const ExpectedIssuers *expectedIssuersFor(const QString &host) const;
    QString wildcardSample(const QString &destinationTemplate, const QString &cloud) const; // host template or empty
    QString serviceTagHost(const QString &destinationTemplate, const QString &cloud) const;
};

// Whether `host` is one of the names a firewall pattern admits: "*.a.b" admits any name under
// a.b, "*a.b" any name ending in "a.b", "*" everything, anything else only itself. Case-insensitive.
bool hostMatchesPattern(const QString &host, const QString &pattern);

// Whether an expected issuer name ("Microsoft Corporation", "Microsoft Azure TLS Issuing CA*")
// matches an issuer's organisation or common name.
bool issuerNameMatches(const QString &expected, const QString &organization, const QString &commonName);

} // namespace amlfw
