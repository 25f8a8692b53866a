#include "ruledetails.h"

#include "azurefirewall.h"
#include "rulelabels.h"
#include "servicetags.h"

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

QUrl RuleDetails::prefixesLink()
{
    return QUrl(QStringLiteral("amlfw:prefixes"));
}

QString RuleDetails::ruleHtml(const RuleSet &set, const Rule &rule, const FirewallPart *part, Language language,
                              bool showPrefixes)
{
    const QString subnet = RuleLabels::computeSubnet({});
    QString html = QStringLiteral("<p style=\"margin-bottom:4px;\"><b style=\"font-size:large;\">")
                   + esc(part && !part->urlPath.isEmpty() ? part->urlPath : (part ? part->target : rule.destination))
                   + QStringLiteral("</b></p>");

    // Left: what the rule is. Right: why, and what to watch out for. Sources below.
    QString facts = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    if (!rule.articleDestination.isEmpty())
        facts += row(tr("In the article"), esc(rule.articleDestination));
    facts += row(tr("Direction"), esc(RuleLabels::direction(rule.direction)));
    facts += row(tr("From"), esc(RuleLabels::source(rule, subnet)));
    facts += row(tr("To"), esc(RuleLabels::target(rule, subnet)));
    const QString tag = serviceTagOf(rule);
    const bool withPrefixes = set.serviceTags && set.hasAddressPrefixes(rule);
    if (set.serviceTags && !tag.isEmpty()) {
        const QString version = set.serviceTags->versionText();
        QString value;
        if (withPrefixes) {
            const auto count = int(set.addressPrefixes(rule).size());
            value = esc(tr("%n prefix(es) (%1)", nullptr, count).arg(version))
                    + QStringLiteral(" &nbsp;<a href=\"") + prefixesLink().toString() + QStringLiteral("\">")
                    + esc(showPrefixes ? tr("Hide the list") : tr("Show the list")) + QStringLiteral("</a>");
        } else {
            value = esc(tr("%1 is not in the service tags file (%2)").arg(tag, version));
        }
        facts += row(tr("Address prefixes"), value);
    }
    if (!rule.protocol.isEmpty())
        facts += row(tr("Protocol and ports"), esc(rule.protocol + u' ' + RuleLabels::ports(rule.ports, language)));
    facts += row(tr("Required for"), esc(RuleLabels::features(set, rule, language)));
    facts
        += row(tr("Azure Firewall"), esc(part ? AzureFirewall::partLabel(*part) : AzureFirewall::ruleTypeLabel(rule)));
    facts += row(tr("Rule ID"), QStringLiteral("<code>") + esc(rule.id) + QStringLiteral("</code>"));
    facts += QStringLiteral("</table>");

    QString why = heading(tr("Purpose"));
    QStringList purposes;
    for (const QString &p : rule.purposes(language))
        purposes << esc(p);
    why += list(purposes);
    QStringList notes;
    for (const Note &n : rule.notes)
        notes << noteItem(n, language);
    if (part) {
        const QString e = AzureFirewall::explanation(*part);
        if (!e.isEmpty())
            notes << esc(e);
    } else {
        for (const QString &e : AzureFirewall::explanations(rule))
            notes << esc(e);
    }
    if (!notes.isEmpty()) {
        why += heading(tr("Notes"));
        why += list(notes);
    }

    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                           "<td width=\"45%\" style=\"padding-right:16px;\">")
            + facts + QStringLiteral("</td><td width=\"55%\">") + why + QStringLiteral("</td></tr></table>");

    if (withPrefixes && showPrefixes) {
        const QStringList prefixes = set.addressPrefixes(rule);
        html += heading(tr("Address prefixes of %1 (%2, %3)")
                            .arg(tag, set.serviceTags->fileName, set.serviceTags->versionText()));
        QStringList items;
        for (const QString &prefix : prefixes)
            items << QStringLiteral("<code>") + esc(prefix) + QStringLiteral("</code>");
        html += QStringLiteral("<p style=\"margin-top:2px;\">") + items.join(QStringLiteral(", ")) + QStringLiteral("</p>");
    }

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
    return html;
}

QString RuleDetails::noMatchHtml(const QString &filter, int shownInOtherTabs)
{
    QString html = QStringLiteral("<p><b>") + esc(tr("No rule in this tab matches “%1”.").arg(filter))
                   + QStringLiteral("</b></p><p style=\"color:#57606a;\">");
    if (shownInOtherTabs > 0)
        html += esc(tr("%n rule(s) in other tabs match; the tab titles count them.", nullptr, shownInOtherTabs));
    else
        html += esc(tr("No rule in any tab matches. Escape in the filter field shows all rules again."));
    return html + QStringLiteral("</p>");
}

QString RuleDetails::scenarioHtml(const RuleSet &set, Language language)
{
    QString html = QStringLiteral("<p style=\"margin-bottom:4px;\"><b style=\"font-size:large;\">")
                   + esc(tr("About this scenario")) + QStringLiteral("</b></p>");
    QStringList items;
    for (const Problem &p : set.problems)
        items << QStringLiteral("<span style=\"color:#9a6700;\">⚠</span> ") + esc(p.message());
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
