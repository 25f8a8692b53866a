#pragma once

#include "exportoptions.h"
#include "rule.h"

#include <QByteArray>
#include <QCoreApplication>

namespace amlfw {

// Every host name the rules need, one per line, sorted and deduplicated, with a # header: for
// firewalls and proxies other than Azure Firewall.
class FqdnListExporter
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::FqdnListExporter)

public:
    // Errors: what keeps this set or these options from being written; warnings: what is left out.
    static Problems validate(const RuleSet &set, const ExportOptions &options);
    static QByteArray write(const RuleSet &set, const ExportOptions &options);

    // The names in the list's order (lower case, deduplicated, sorted byte-wise). Rules with an
    // unanswered placeholder are left out; with the dot style, so is a name a ".domain" entry covers
    // (into `covered`).
    static QStringList names(const RuleSet &set, WildcardStyle style, QStringList *covered = nullptr);
    // The lines every list starts with: amlfw's version, the scenario, the features, the article.
    static QStringList headerLines(const RuleSet &set, Language language);
    static QString commentLines(const QStringList &lines); // "# " before each line, LF line ends
};

} // namespace amlfw
