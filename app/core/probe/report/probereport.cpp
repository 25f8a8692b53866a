#include "probereport.h"

#include "probecsvreport.h"
#include "probehtmlreport.h"
#include "probejsonreport.h"
#include "probesummarytext.h"

namespace amlfw::ProbeReport {

QByteArray json(const ProbeRun &run, Language language)
{
    return ProbeJsonReport::write(run, language);
}

QByteArray csv(const ProbeRun &run, bool byteOrderMark)
{
    return ProbeCsvReport::write(run, byteOrderMark);
}

QByteArray html(const ProbeRun &run, Language language)
{
    return ProbeHtmlReport::write(run, language);
}

QString title(const ProbeRun &run, Language language)
{
    return ProbeHtmlReport::title(run, language);
}

QString summaryText(const ProbeRun &run)
{
    return ProbeSummaryText::write(run);
}

} // namespace amlfw::ProbeReport
