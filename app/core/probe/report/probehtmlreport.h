#pragma once

#include "proberun.h"

#include <QByteArray>
#include <QCoreApplication>

namespace amlfw {

// The HTML report of a live test: one self-contained page (its CSS inline) for people. Catalog
// texts in `language`; amlfw's own words in the current translator's language.
class ProbeHtmlReport
{
    // Shares the report's translation context with the other report writers.
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbeReport)

public:
    static QByteArray write(const ProbeRun &run, Language language);
    static const char *css();
    static QString title(const ProbeRun &run, Language language); // the page's style sheet, screen and print
};

} // namespace amlfw
