#pragma once

#include "proberun.h"

#include <QByteArray>

namespace amlfw {

// The evidence of a live test, as files and text: one writer per format (ProbeJsonReport,
// ProbeCsvReport, ProbeHtmlReport, ProbeSummaryText); this is the one place that names them all.
// Catalog texts in `language`; amlfw's own words in the current translator's language.
namespace ProbeReport {

QByteArray json(const ProbeRun &run, Language language);
QByteArray csv(const ProbeRun &run, bool byteOrderMark);
QByteArray html(const ProbeRun &run, Language language);
QString summaryText(const ProbeRun &run);
QString title(const ProbeRun &run, Language language); // the HTML page's (and the PDF's) title

} // namespace ProbeReport

} // namespace amlfw
