#include "ruledetails.h"

#include "azurefirewall.h"
#include "rulelabels.h"

namespace amlfw {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px; color:#57606a; white-space:nowrap;\">") + esc(label)
           + QStringLiteral("</td><td>") + valueHtml + QStringLiteral("</td></tr>");
}

QString list(const QStringList &itemsHtml)
{
    if (itemsHtml.isEmpty())
        return {};
    QString out = QStringLiteral("<ul style=\"margin-top:2px; margin-left:-20px;\">");
    for (const QString &item : itemsHtml)
        out += QStringLiteral("<li>") + item + QStringLiteral("</li>");
    return out + QStringLiteral("</ul>");
}

QString heading(const QString &text)
{
    return QStringLiteral("<p style=\"margin-top:10px; margin-bottom:0px;\"><b>") + esc(text)
           + QStringLiteral("</b></p>");
}

QString noteItem(const Note &note, Language language)
{
    const QString text = esc(note.text.text(language));
    if (note.severity == NoteSeverity::Warning)
        return QStringLiteral("<span style=\"color:#9a6700;\">⚠</span> ") + text;
    return text;
}

} // namespace

QString RuleDetails::ruleHtml(const RuleSet &set, const Rule &rule, const FirewallPart *part, Language language)
{
    const QString subnet = RuleLabels::computeSubnet({});
    QString html = QStringLiteral("<p style=\"margin-bottom:4px;\"><b style=\"font-size:large;\">")
                   + esc(part && !part->urlPath.isEmpty() ? part->urlPath : (part ? part->target : rule.destination))
                   + QStringLiteral("</b></p>");
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    if (!rule.articleDestination.isEmpty())
        html += row(tr("In the article"), esc(rule.articleDestination));
    html += row(tr("Direction"), esc(RuleLabels::direction(rule.direction)));
    html += row(tr("From"), esc(RuleLabels::source(rule, subnet)));
    html += row(tr("To"), esc(RuleLabels::target(rule, subnet)));
    if (!rule.protocol.isEmpty())
        html += row(tr("Protocol and ports"), esc(rule.protocol + u' ' + RuleLabels::ports(rule.ports, language)));
    html += row(tr("Required for"), esc(RuleLabels::features(set, rule, language)));
    html += row(tr("Azure Firewall"), esc(part ? AzureFirewall::partLabel(*part) : AzureFirewall::ruleTypeLabel(rule)));
    html += row(tr("Rule ID"), QStringLiteral("<code>") + esc(rule.id) + QStringLiteral("</code>"));
    html += QStringLiteral("</table>");

    html += heading(tr("Purpose"));
    QStringList purposes;
    for (const QString &p : rule.purposes(language))
        purposes << esc(p);
    html += list(purposes);

    html += heading(tr("Where the article lists it"));
    QStringList sources;
    for (const RuleSource &s : rule.sources) {
        const Section *section = set.catalog.section(s.section);
        QString where = esc(RuleLabels::tableTitle(set, s.table, language));
        if (section && !set.catalog.sourceUrl.isEmpty()) {
            where = QStringLiteral("<a href=\"") + esc(set.catalog.sourceUrl + u'#' + section->anchor)
                    + QStringLiteral("\">") + where + QStringLiteral("</a>");
        }
        const QString item = where + QStringLiteral(": ") + esc(s.purpose.text(language));
        if (!sources.contains(item))
            sources << item;
    }
    html += list(sources);

    QStringList notes;
    for (const Note &n : rule.notes)
        notes << noteItem(n, language);
    if (!notes.isEmpty()) {
        html += heading(tr("Notes"));
        html += list(notes);
    }
    QStringList explanations;
    if (part) {
        const QString e = AzureFirewall::explanation(*part);
        if (!e.isEmpty())
            explanations << esc(e);
    } else {
        for (const QString &e : AzureFirewall::explanations(rule))
            explanations << esc(e);
    }
    if (!explanations.isEmpty()) {
        html += heading(tr("Azure Firewall"));
        html += list(explanations);
    }
    return html;
}

QString RuleDetails::scenarioHtml(const RuleSet &set, Language language)
{
    QString html = QStringLiteral("<p style=\"margin-bottom:4px;\"><b style=\"font-size:large;\">")
                   + esc(tr("About this scenario")) + QStringLiteral("</b></p>");
    QStringList items;
    for (const Problem &p : set.problems)
        items << QStringLiteral("<span style=\"color:#9a6700;\">⚠</span> ") + esc(p.message);
    for (const Note &n : set.scenarioNotes)
        items << noteItem(n, language);
    html += list(items);
    html += QStringLiteral("<p style=\"color:#57606a;\">")
            + esc(tr("Select a rule to see its purpose, where the article lists it, its notes and how Azure Firewall "
                     "carries it."))
            + QStringLiteral("</p>");
    return html;
}

} // namespace amlfw
