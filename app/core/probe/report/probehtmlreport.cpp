#include "probehtmlreport.h"

#include "probeadvice.h"
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

// Fits a 1280-pixel screen: the tables take the page's width with fixed columns, long names wrap
// anywhere, and the words sit in a row below each endpoint instead of extra columns. On paper
// (A4 or Letter, either orientation) the header row repeats and an endpoint's two rows stay together.
const char *ProbeHtmlReport::css()
{
    return "body{font-family:system-ui,-apple-system,'Segoe UI','Hiragino Sans','Yu Gothic UI','Noto Sans CJK JP',"
           "sans-serif;margin:1.2em auto;max-width:1240px;padding:0 1em;color:#1b1b1b;line-height:1.35;"
           "font-size:14px}\n"
           "h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.1em;margin:1.2em 0 .4em;border-bottom:1px solid #ccc}\n"
           "p{margin:.3em 0}p.lead{font-weight:600}\n"
           "table{border-collapse:collapse;margin:.4em 0;width:100%;table-layout:fixed}\n"
           "th,td{border:1px solid #d0d0d0;padding:.2em .4em;vertical-align:top;text-align:left;"
           "overflow-wrap:anywhere;word-break:break-word}\n"
           "th{background:#f4f4f4;font-weight:600}\n"
           "table.facts th{width:15%}\n"
           "table.results thead th{position:sticky;top:0}\n"
           "tbody.ep:nth-child(even) td{background:#fafafa}\n"
           "tr.more td{border-top:none;padding-top:0;font-size:.9em}tr.main td{border-bottom:none}\n"
           ".mono{font-family:ui-monospace,Consolas,'Noto Sans Mono',monospace;font-size:.9em}\n"
           ".badge{display:inline-block;padding:0 .4em;border-radius:.3em;font-family:ui-monospace,Consolas,"
           "monospace;font-size:.85em;white-space:nowrap}\n"
           ".ok{background:#dff3e4;color:#0f5323}.fail{background:#fbe0e0;color:#8a1111}"
           ".warn{background:#fff1d6;color:#7a4b00}.nt{background:#ececec;color:#444}\n"
           ".small{font-size:.86em;color:#444}.change{font-weight:600}\n"
           "ol.asks{padding-left:1.6em}ol.asks li{margin:.4em 0}p.covers{margin:.1em 0 .5em;font-size:.86em}\n"
           "@page{margin:12mm}\n"
           "@media print{\n"
           "body{font-size:8.5pt;margin:0;max-width:none;padding:0;line-height:1.2}\n"
           "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
           "table.results thead th{position:static}thead{display:table-header-group}\n"
           "tbody.ep,tr,ol.asks li{break-inside:avoid;page-break-inside:avoid}tr.main{break-after:avoid}\n"
           "h2{break-after:avoid;page-break-after:avoid}\n"
           "}\n";
}

QString ProbeHtmlReport::title(const ProbeRun &run, Language language)
{
    return tr("Endpoint test: %1").arg(RuleLabels::regionName(run.set, language));
}

QByteArray ProbeHtmlReport::write(const ProbeRun &run, Language language)
{
    const RuleSet &set = run.set;
    const ProbeSummary s = run.summary();
    const ProbeVantage &v = run.vantage;
    const QLocale locale(language == Language::Japanese ? QLocale::Japanese : QLocale::English);
    auto time = [&locale](const QDateTime &t) -> QString {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::LongFormat) : QStringLiteral("-");
    };

    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"") + languageCode(language)
         + QStringLiteral(
             "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>")
         + esc(title(run, language)) + QStringLiteral("</title>\n");
    h += QStringLiteral("<style>\n") + QString::fromLatin1(css()) + QStringLiteral("</style>\n</head>\n<body>\n");
    if (run.demo()) { // the demo network: said in the title and first on the page
        h.replace(QStringLiteral("<title>"), QStringLiteral("<title>DEMO - "));
        h += QStringLiteral("<p style=\"background:#7a1fa2;color:#fff;font-weight:700;font-size:1.2em;padding:.5em "
                            ".8em;border-radius:.3em\">")
             + esc(ProbeTexts::demoBanner()) + QStringLiteral("</p>\n");
    }
    h += QStringLiteral("<h1>") + esc(tr("Endpoint test of the firewall rules for Azure Machine Learning"))
         + QStringLiteral("</h1>\n<p class=\"small\">") + esc(TextReport::scenarioLine(set, language))
         + QStringLiteral("</p>\n");

    // The verdict first: counts of distinct endpoints (each probed once), then the requests.
    const QList<ProbeEndpoint> endpoints = run.endpoints();
    const QList<ProbeAdviceGroup> groups = ProbeAdvice::group(run, endpoints);
    const QList<int> groupOf = ProbeAdvice::groupOfEndpoints(groups, endpoints.size());
    h += QStringLiteral("<p class=\"lead\">")
         + esc(tr("%n distinct endpoint(s) tested from %1: %2 reachable, %3 failed.", nullptr, s.distinctEndpoints)
                   .arg(v.hostName, QString::number(s.distinctOk), QString::number(s.distinctFailed)))
         + u' '
         + esc(tr("They stand for %n rule row(s); %1 more not testable from here.", nullptr, s.tested)
                   .arg(QString::number(s.notTestable)))
         + QStringLiteral("</p>\n<p class=\"chips\">");
    for (auto it = s.distinctByStatus.cbegin(); it != s.distinctByStatus.cend(); ++it)
        h += QStringLiteral("<span class=\"badge ") + statusClass(it.key()) + QStringLiteral("\">")
             + probeStatusId(it.key()) + u' ' + QString::number(it.value()) + QStringLiteral("</span> ")
             + esc(ProbeTexts::statusLabel(it.key())) + QStringLiteral(" &nbsp; ");
    h += QStringLiteral("</p>\n");
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

    if (!groups.isEmpty()) {
        h += QStringLiteral("<h2>") + esc(tr("What to ask for")) + QStringLiteral("</h2>\n<ol class=\"asks\">\n");
        for (const ProbeAdviceGroup &g : groups) {
            h += QStringLiteral("<li><p class=\"ask\">");
            for (ProbeStatus status : g.statuses)
                h += QStringLiteral("<span class=\"badge ") + statusClass(status) + QStringLiteral("\">")
                     + probeStatusId(status) + QStringLiteral("</span> ");
            h += esc(g.text) + QStringLiteral(" <span class=\"small\">")
                 + esc(tr("(%n endpoint(s))", nullptr, int(g.endpoints.size()))) + QStringLiteral("</span></p>\n")
                 + QStringLiteral("<p class=\"covers\">");
            QStringList labels;
            for (const QString &label : ProbeAdvice::endpointLabels(run, endpoints, g))
                labels << QStringLiteral("<span class=\"mono\">") + esc(label) + QStringLiteral("</span>");
            h += labels.join(QStringLiteral(" · ")) + QStringLiteral("</p></li>\n");
        }
        h += QStringLiteral("</ol>\n");
    }

    h += QStringLiteral("<h2>") + esc(tr("Scenario and vantage point"))
         + QStringLiteral("</h2>\n<table class=\"facts\" width=\"100%\">\n");
    const QStringList features = featureNames(set, set.effectiveFeatures, language);
    QStringList paths;
    for (const QString &used : v.proxyUsed)
        paths << ProbeTexts::pathUsed(used);
    const QList<QPair<QString, QString>> facts{
        {tr("Cloud"), RuleLabels::cloudName(set, language)},
        {tr("Computer"), v.hostName},
        {tr("Region"), RuleLabels::regionName(set, language)},
        {tr("Operating system"), v.os + QStringLiteral(" (") + v.kernel + u')'},
        {tr("Storage account"), set.answers.storage},
        {tr("Proxy setting"), ProbeTexts::proxySetting(v.proxySetting)},
        {tr("Catalog edition"), set.catalog.edition},
        {tr("Paths taken"), paths.join(QStringLiteral(", "))},
        {tr("Started"), time(v.startedAt)},
        {tr("Finished"), time(v.finishedAt)},
        {tr("Features"),
         features.isEmpty()
             ? tr("none")
             : features.join(language == Language::Japanese ? QStringLiteral("、") : QStringLiteral(", "))},
        {tr("Software"), QStringLiteral("amlfw ") + v.amlfwVersion + QStringLiteral(", Qt ") + v.qtVersion
                             + QStringLiteral(", ") + v.tlsLibrary},
    };
    // Two facts a row: half the height at 1280 px and on paper.
    for (qsizetype i = 0; i < facts.size(); i += 2) {
        h += QStringLiteral("<tr>");
        for (qsizetype j = i; j < std::min(i + 2, facts.size()); ++j)
            h += QStringLiteral("<th width=\"15%\">") + esc(facts.at(j).first) + QStringLiteral("</th><td width=\"35%\">")
                 + esc(facts.at(j).second) + QStringLiteral("</td>");
        h += QStringLiteral("</tr>\n");
    }
    h += QStringLiteral("</table>\n");

    // One row per distinct endpoint with all its rules; the words folded into a second row below it,
    // so that the table keeps to the page's width.
    if (!endpoints.isEmpty()) {
        h += QStringLiteral("<h2>") + esc(tr("Endpoints tested")) + QStringLiteral("</h2>\n");
        struct Column
        {
            QString title;
            int width; // percent
        };
        QList<Column> columns{{tr("Status"), 12}, {tr("Endpoint"), 24}, {tr("Rules"), 24},
                              {tr("Addresses"), 18}, {tr("Path"), 14},  {tr("Time"), 8}};
        if (run.baseline) {
            columns[2].width = 20;
            columns[3].width = 14;
            columns << Column{tr("Change"), 8};
        }
        h += QStringLiteral("<table class=\"results\" width=\"100%\">\n<colgroup>");
        for (const Column &c : std::as_const(columns))
            h += QStringLiteral("<col width=\"") + QString::number(c.width) + QStringLiteral("%\">");
        h += QStringLiteral("</colgroup>\n<thead><tr>");
        for (const Column &c : std::as_const(columns))
            h += QStringLiteral("<th width=\"") + QString::number(c.width) + QStringLiteral("%\">") + esc(c.title)
                 + QStringLiteral("</th>");
        h += QStringLiteral("</tr></thead>\n");
        for (qsizetype i = 0; i < endpoints.size(); ++i) {
            const ProbeEndpoint &e = endpoints.at(i);
            const ProbeResult &r = e.result;
            h += QStringLiteral("<tbody class=\"ep\">\n<tr class=\"main\"><td><span class=\"badge ")
                 + statusClass(r.status) + QStringLiteral("\">") + probeStatusId(r.status)
                 + QStringLiteral("</span></td><td class=\"mono\"><b>") + esc(e.hostPort()) + QStringLiteral("</b>");
            if (r.target.http && r.target.path != u"/")
                h += QStringLiteral("<br>") + esc(r.target.path);
            const QString detail = ProbeTexts::detail(r);
            if (r.status == ProbeStatus::Ok && !detail.isEmpty())
                h += QStringLiteral("<br><span class=\"small\">") + esc(detail) + QStringLiteral("</span>");
            h += QStringLiteral("</td><td class=\"mono\">");
            QStringList rules;
            for (int row : e.rows) {
                const ProbeTarget &t = run.results.at(row).target;
                QString rule = esc(t.ruleId);
                if (t.destination.compare(t.host, Qt::CaseInsensitive) != 0)
                    rule += QStringLiteral(" <span class=\"small\">") + esc(t.destination) + QStringLiteral("</span>");
                if (ProbeTexts::ports(t) != QString::number(t.port))
                    rule += QStringLiteral(" <span class=\"small\">") + esc(ProbeTexts::ports(t))
                            + QStringLiteral("</span>");
                rules << rule;
            }
            h += rules.join(QStringLiteral("<br>")) + QStringLiteral("</td><td class=\"mono\">")
                 + (r.addresses.isEmpty() ? QStringLiteral("-") : esc(ProbeTexts::addresses(r)));
            if (!r.cnames.isEmpty())
                h += QStringLiteral("<br><span class=\"small\">CNAME: ") + esc(r.cnames.join(QStringLiteral(" → ")))
                     + QStringLiteral("</span>");
            h += QStringLiteral("</td><td>") + esc(ProbeTexts::path(r)) + QStringLiteral("</td><td>")
                 + esc(ProbeTexts::duration(r.timings.totalMs)) + QStringLiteral("</td>");
            if (run.baseline) {
                QStringList changes;
                for (int row : e.rows) {
                    const QString before = run.baselineStatus(row);
                    QString change = esc(ProbeTexts::changeLabel(run.change(row)));
                    if (!before.isEmpty() && run.change(row) != ProbeChange::Unchanged)
                        change += QStringLiteral("<br><span class=\"small\">") + esc(tr("before: %1").arg(before))
                                  + QStringLiteral("</span>");
                    if (!changes.contains(change))
                        changes << change;
                }
                h += QStringLiteral("<td class=\"change\">") + changes.join(QStringLiteral("<br>"))
                     + QStringLiteral("</td>");
            }
            h += QStringLiteral("</tr>\n");
            // The folded words: what happened, which request covers it, the specifics, the notes.
            QString more;
            if (r.status != ProbeStatus::Ok)
                more += QStringLiteral("<div>") + esc(ProbeTexts::explanation(r)) + QStringLiteral("</div>");
            if (const int g = groupOf.value(i, -1); g >= 0)
                more += QStringLiteral("<div><b>") + esc(tr("Ask for:")) + QStringLiteral("</b> ")
                        + esc(tr("request %1 above").arg(g + 1)) + QStringLiteral("</div>");
            if (r.status != ProbeStatus::Ok && !detail.isEmpty())
                more += QStringLiteral("<div class=\"small mono\">") + esc(detail) + QStringLiteral("</div>");
            QStringList notes;
            for (int row : e.rows) {
                for (const QString &note : ProbeTexts::notes(run.results.at(row))) {
                    if (!notes.contains(note))
                        notes << note;
                }
            }
            for (const QString &note : std::as_const(notes))
                more += QStringLiteral("<div class=\"small\">") + esc(note) + QStringLiteral("</div>");
            if (!more.isEmpty())
                h += QStringLiteral("<tr class=\"more\"><td></td><td colspan=\"")
                     + QString::number(columns.size() - 1) + QStringLiteral("\">") + more + QStringLiteral("</td></tr>\n");
            h += QStringLiteral("</tbody>\n");
        }
        h += QStringLiteral("</table>\n");
    }

    // Rows not testable keep one line per rule: each has its own reason.
    QList<int> notTestable;
    for (int row = 0; row < run.results.size(); ++row) {
        if (!run.results.at(row).target.isTestable())
            notTestable << row;
    }
    if (!notTestable.isEmpty()) {
        h += QStringLiteral("<h2>") + esc(tr("Not testable from here")) + QStringLiteral("</h2>\n")
             + QStringLiteral("<table class=\"results\" width=\"100%\">\n<thead><tr><th width=\"22%\">") + esc(tr("Rule"))
             + QStringLiteral("</th><th width=\"24%\">") + esc(tr("Destination")) + QStringLiteral("</th><th width=\"8%\">")
             + esc(tr("Port")) + QStringLiteral("</th><th width=\"46%\">") + esc(tr("Why")) + QStringLiteral("</th>");
        h += QStringLiteral("</tr></thead>\n<tbody>\n");
        for (int row : std::as_const(notTestable)) {
            const ProbeResult &r = run.results.at(row);
            h += QStringLiteral("<tr><td class=\"mono\">") + esc(r.target.ruleId) + QStringLiteral("</td><td class=\"mono\">")
                 + esc(r.target.destination) + QStringLiteral("</td><td>") + esc(ProbeTexts::ports(r.target))
                 + QStringLiteral("</td><td class=\"small\">") + esc(ProbeTexts::explanation(r));
            if (const QString action = ProbeTexts::action(r); !action.isEmpty())
                h += u' ' + esc(action);
            h += QStringLiteral("</td></tr>\n");
        }
        h += QStringLiteral("</tbody></table>\n");
    }
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
