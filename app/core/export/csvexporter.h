#pragma once

#include "rule.h"

#include <QByteArray>
#include <QCoreApplication>

namespace amlfw {

struct CsvOptions
{
    Language language = Language::English;
    bool bothLanguages = false;  // purpose in English and Japanese columns
    bool byteOrderMark = true;   // so Excel, Japanese Excel included, reads UTF-8
    QStringList sourceAddresses; // the AML subnet, for the source/destination columns
};

// One row per rule, for change-approval tickets. RFC 4180 (CRLF, quotes doubled); cells that a
// spreadsheet would run as a formula are neutralised.
class CsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::CsvExporter)

public:
    static QByteArray write(const RuleSet &set, const CsvOptions &options);
    static QString cell(const QString &value); // quoted as needed, formula-safe
    static QString neutralize(const QString &value);
    // The address prefixes of a service-tag rule's tag, one a line, as long as a spreadsheet cell holds;
    // empty for other rules and without a file.
    static QString prefixesCell(const RuleSet &set, const Rule &rule);
};

} // namespace amlfw
