#include "probehtmlreport.h"

#include "probetexts.h"
#include "rulelabels.h"
#include "textreport.h"

#include <QLocale>

namespace amlfw {

namespace {

QStringList featureNames(const RuleSet &set, const QStringList &ids, Language language)
{
    QStringList names;
    for (const QString &id : ids) {
        const Feature *f = set.catalog.feature(id);
        names << (f ? f->name.text(language) : id);
    }
    return names;
}

QString statusClass(ProbeStatus status)
{
    switch (status) {
    case ProbeStatus::Ok:
        return QStringLiteral("ok");
    case ProbeStatus::NotTestable:
        return QStringLiteral("nt");
    case ProbeStatus::TlsInspected:
    case ProbeStatus::Cancelled:
        return QStringLiteral("warn");
    default:
        return isFailure(status) ? QStringLiteral("fail") : QStringLiteral("nt");
    }
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QByteArray ProbeHtmlReport::write(const ProbeRun &run, Language language)
{
    const RuleSet &set = run.set;
    const ProbeSummary s = run.summary();
    const ProbeVantage &v = run.vantage;
    const QLocale locale(language == Language::Japanese ? QLocale::Japanese : QLocale::English);
    auto row = [](const QString &label, const QString &value) -> QString {
        return QStringLiteral("<tr><th>") + esc(label) + QStringLiteral("</th><td>") + esc(value)
               + QStringLiteral("</td></tr>\n");
    };
    auto time = [&locale](const QDateTime &t) -> QString {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::LongFormat) : QStringLiteral("-");
    };

    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"") + languageCode(language)
         + QStringLiteral(
             "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>")
         + esc(tr("Endpoint test: %1").arg(RuleLabels::regionName(set, language))) + QStringLiteral("</title>\n");
    h += QStringLiteral(
        "<style>\n"
        "body{font-family:system-ui,-apple-system,'Segoe UI','Hiragino Sans','Yu Gothic UI','Noto Sans CJK "
        "JP',sans-serif;"
        "margin:2em;color:#1b1b1b;line-height:1.45}\n"
        "h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ccc}\n"
        "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #d0d0d0;padding:.3em "
        ".5em;vertical-align:top;"
        "text-align:left}\n"
        "table.facts th{background:#f4f4f4;font-weight:600;width:14em}\n"
        "table.results th{background:#f4f4f4;position:sticky;top:0}\n"
        "td.mono,span.mono{font-family:ui-monospace,Consolas,'Noto Sans Mono',monospace;font-size:.92em}\n"
        ".badge{display:inline-block;padding:.05em "
        ".45em;border-radius:.3em;font-family:ui-monospace,Consolas,monospace;"
        "font-size:.85em;white-space:nowrap}\n"
        ".ok{background:#dff3e4;color:#0f5323}.fail{background:#fbe0e0;color:#8a1111}.warn{background:#fff1d6;color:#"
        "7a4b00}"
        ".nt{background:#ececec;color:#444}\n"
        ".small{font-size:.88em;color:#444}ul.asks li{margin:.3em 0}.change{font-weight:600}\n"
        "@media print{table.results th{position:static}}\n"
        "</style>\n</head>\n<body>\n");
    if (run.demo()) { // the demo network: said in the title and first on the page
        h.replace(QStringLiteral("<title>"), QStringLiteral("<title>DEMO - "));
        h += QStringLiteral("<p style=\"background:#7a1fa2;color:#fff;font-weight:700;font-size:1.2em;padding:.5em "
                            ".8em;border-radius:.3em\">")
             + esc(ProbeTexts::demoBanner()) + QStringLiteral("</p>\n");
    }
    h += QStringLiteral("<h1>") + esc(tr("Endpoint test of the firewall rules for Azure Machine Learning"))
         + QStringLiteral("</h1>\n<p class=\"small\">") + esc(TextReport::scenarioLine(set, language))
         + QStringLiteral("</p>\n");

    h += QStringLiteral("<h2>") + esc(tr("Scenario")) + QStringLiteral("</h2>\n<table class=\"facts\">\n");
    h += row(tr("Cloud"), RuleLabels::cloudName(set, language));
    h += row(tr("Region"), RuleLabels::regionName(set, language));
    h += row(tr("Storage account"), set.answers.storage);
    const QStringList features = featureNames(set, set.effectiveFeatures, language);
    h += row(tr("Features"), features.isEmpty() ? tr("none")
                                                : features.join(language == Language::Japanese ? QStringLiteral("、")
                                                                                               : QStringLiteral(", ")));
    h += row(tr("Catalog edition"), set.catalog.edition);
    h += QStringLiteral("</table>\n");

    h += QStringLiteral("<h2>") + esc(tr("Vantage point")) + QStringLiteral("</h2>\n<table class=\"facts\">\n");
    h += row(tr("Computer"), v.hostName);
    h += row(tr("Operating system"), v.os + QStringLiteral(" (") + v.kernel + u')');
    QStringList paths;
    for (const QString &used : v.proxyUsed)
        paths << ProbeTexts::pathUsed(used);
    h += row(tr("Proxy setting"), ProbeTexts::proxySetting(v.proxySetting));
    h += row(tr("Paths taken"), paths.join(QStringLiteral(", ")));
    h += row(tr("Started"), time(v.startedAt));
    h += row(tr("Finished"), time(v.finishedAt));
    h += row(tr("Software"), QStringLiteral("amlfw ") + v.amlfwVersion + QStringLiteral(", Qt ") + v.qtVersion
                                 + QStringLiteral(", ") + v.tlsLibrary);
    h += QStringLiteral("</table>\n");

    h += QStringLiteral("<h2>") + esc(tr("Summary")) + QStringLiteral("</h2>\n<p>")
         + esc(tr("%n endpoint(s): %1 reachable, %2 failed, %3 not testable from here.", nullptr, s.endpoints)
                   .arg(QString::number(s.ok), QString::number(s.failed), QString::number(s.notTestable)))
         + QStringLiteral("</p>\n<table>\n<tr><th>") + esc(tr("Status")) + QStringLiteral("</th><th>")
         + esc(tr("Meaning")) + QStringLiteral("</th><th>") + esc(tr("Count")) + QStringLiteral("</th></tr>\n");
    for (auto it = s.byStatus.cbegin(); it != s.byStatus.cend(); ++it)
        h += QStringLiteral("<tr><td><span class=\"badge ") + statusClass(it.key()) + QStringLiteral("\">")
             + probeStatusId(it.key()) + QStringLiteral("</span></td><td>") + esc(ProbeTexts::statusLabel(it.key()))
             + QStringLiteral("</td><td>") + QString::number(it.value()) + QStringLiteral("</td></tr>\n");
    h += QStringLiteral("</table>\n");
    if (run.baseline) {
        h += QStringLiteral("<p>")
             + esc(tr("Compared with the run of %1 on %2 (%3): %4 fixed, %5 now failing, %6 changed, %7 new, %8 no "
                      "longer tested.")
                       .arg(time(run.baseline->startedAt), run.baseline->hostName, run.baseline->origin,
                            QString::number(s.byChange.value(ProbeChange::Fixed)),
                            QString::number(s.byChange.value(ProbeChange::Broken)),
                            QString::number(s.byChange.value(ProbeChange::Changed)),
                            QString::number(s.byChange.value(ProbeChange::New)), QString::number(s.removed)))
             + QStringLiteral("</p>\n");
    }

    QStringList asks;
    for (const ProbeResult &r : run.results) {
        if (!isFailure(r.status))
            continue;
        const QString item = QStringLiteral("<li><span class=\"badge ") + statusClass(r.status) + QStringLiteral("\">")
                             + probeStatusId(r.status) + QStringLiteral("</span> <span class=\"mono\">")
                             + esc(r.target.host + u':' + ProbeTexts::ports(r.target)) + QStringLiteral("</span>: ")
                             + esc(ProbeTexts::action(r)) + QStringLiteral("</li>\n");
        if (!asks.contains(item))
            asks << item;
    }
    if (!asks.isEmpty())
        h += QStringLiteral("<h2>") + esc(tr("What to ask for")) + QStringLiteral("</h2>\n<ul class=\"asks\">\n")
             + asks.join(QString()) + QStringLiteral("</ul>\n");

    h += QStringLiteral("<h2>") + esc(tr("Results")) + QStringLiteral("</h2>\n<table class=\"results\">\n<tr>");
    QStringList headers{tr("Status"),    tr("Rule"), tr("Destination"), tr("Host tested"), tr("Port"),
                        tr("Addresses"), tr("Path"), tr("Time"),        tr("Explanation")};
    if (run.baseline)
        headers << tr("Change");
    for (const QString &header : std::as_const(headers))
        h += QStringLiteral("<th>") + esc(header) + QStringLiteral("</th>");
    h += QStringLiteral("</tr>\n");
    for (int i = 0; i < run.results.size(); ++i) {
        const ProbeResult &r = run.results.at(i);
        QString explanation = QStringLiteral("<div>") + esc(ProbeTexts::explanation(r)) + QStringLiteral("</div>");
        if (const QString action = ProbeTexts::action(r); !action.isEmpty())
            explanation += QStringLiteral("<div><b>") + esc(tr("Ask for:")) + QStringLiteral("</b> ") + esc(action)
                           + QStringLiteral("</div>");
        if (const QString detail = ProbeTexts::detail(r); !detail.isEmpty())
            explanation += QStringLiteral("<div class=\"small mono\">") + esc(detail) + QStringLiteral("</div>");
        for (const QString &note : ProbeTexts::notes(r))
            explanation += QStringLiteral("<div class=\"small\">") + esc(note) + QStringLiteral("</div>");
        QString addresses = r.addresses.isEmpty() ? QStringLiteral("-") : esc(ProbeTexts::addresses(r));
        if (!r.cnames.isEmpty())
            addresses += QStringLiteral("<div class=\"small\">CNAME: ") + esc(r.cnames.join(QStringLiteral(" → ")))
                         + QStringLiteral("</div>");
        h += QStringLiteral("<tr><td><span class=\"badge ") + statusClass(r.status) + QStringLiteral("\">")
             + probeStatusId(r.status) + QStringLiteral("</span></td><td class=\"mono\">") + esc(r.target.ruleId)
             + QStringLiteral("</td><td class=\"mono\">") + esc(r.target.destination)
             + QStringLiteral("</td><td class=\"mono\">")
             + esc(r.target.host.isEmpty() ? QStringLiteral("-") : r.target.host) + QStringLiteral("</td><td>")
             + esc(ProbeTexts::ports(r.target)) + QStringLiteral("</td><td class=\"mono\">") + addresses
             + QStringLiteral("</td><td>") + esc(r.target.isTestable() ? ProbeTexts::path(r) : QStringLiteral("-"))
             + QStringLiteral("</td><td>") + esc(ProbeTexts::duration(r.timings.totalMs)) + QStringLiteral("</td><td>")
             + explanation + QStringLiteral("</td>");
        if (run.baseline) {
            const QString before = run.baselineStatus(i);
            h += QStringLiteral("<td class=\"change\">") + esc(ProbeTexts::changeLabel(run.change(i)))
                 + (before.isEmpty() ? QString()
                                     : QStringLiteral("<div class=\"small\">") + esc(tr("before: %1").arg(before))
                                           + QStringLiteral("</div>"))
                 + QStringLiteral("</td>");
        }
        h += QStringLiteral("</tr>\n");
    }
    h += QStringLiteral("</table>\n");
    if (run.baseline) {
        const QList<ProbeBaseline::Entry> removed = run.removedEntries();
        if (!removed.isEmpty()) {
            h += QStringLiteral("<h2>") + esc(tr("In the baseline, not in this run")) + QStringLiteral("</h2>\n<ul>\n");
            for (const ProbeBaseline::Entry &e : removed)
                h += QStringLiteral("<li><span class=\"mono\">") + esc(e.ruleId + u' ' + e.destination + u':' + e.port)
                     + QStringLiteral("</span> (") + esc(e.status) + QStringLiteral(")</li>\n");
            h += QStringLiteral("</ul>\n");
        }
    }
    h += QStringLiteral("<p class=\"small\">")
         + esc(tr("Made by amlfw %1 from the catalog of the article \"%2\" (edition %3). Tests from one machine show "
                  "what its network allows; the compute in Azure goes through the firewall's rules.")
                   .arg(QStringLiteral(AMLFW_VERSION), set.catalog.sourceTitle.text(language), set.catalog.edition))
         + QStringLiteral("</p>\n</body>\n</html>\n");
    return h.toUtf8();
}

} // namespace amlfw
