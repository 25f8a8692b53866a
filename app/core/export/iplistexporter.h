#pragma once

#include "exportoptions.h"
#include "rule.h"

#include <QByteArray>
#include <QCoreApplication>

namespace amlfw {

// The address prefixes of every service-tag rule, from a service tags file, one per line with a
// # header naming the file's change number and date.
class IpListExporter
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::IpListExporter)

public:
    // Errors: what keeps this set or these options from being written; warnings: what is left out.
    static Problems validate(const RuleSet &set, const ExportOptions &options);
    static QByteArray write(const RuleSet &set, const ExportOptions &options);

    // A service tag of the rules (first spelling, rule order) and its prefixes of `version` in the file.
    struct Tag
    {
        QString name;
        bool inFile = false;
        QStringList prefixes;
    };
    static QList<Tag> tags(const RuleSet &set, IpVersion version);
    // Every tag's prefixes of `version`, deduplicated, IPv4 first, in address order.
    static QStringList prefixes(const RuleSet &set, IpVersion version);
};

} // namespace amlfw
