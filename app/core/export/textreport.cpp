#include "textreport.h"

#include "azurefirewall.h"
#include "rulelabels.h"
#include "servicetags.h"
#include "texttable.h"

#include <QSet>
#include <algorithm>

namespace amlfw {

std::optional<RuleView> ruleViewFromId(const QString &id)
{
    if (id == u"firewall")
        return RuleView::AzureFirewall;
    if (id == u"hosts")
        return RuleView::HostTables;
    if (id == u"all")
        return RuleView::All;
    return std::nullopt;
}

QList<FirewallGroup> firewallGroups(const RuleSet &set)
{
    const QList<FirewallRuleType> order{FirewallRuleType::InboundNsg,        FirewallRuleType::Route,
                                        FirewallRuleType::NetworkServiceTag, FirewallRuleType::NetworkFqdn,
                                        FirewallRuleType::Application,       FirewallRuleType::Unsupported};
    QList<FirewallGroup> groups;
    for (FirewallRuleType type : order) {
        FirewallGroup group{type, {}};
        for (const Rule &rule : set.rules) {
            for (const FirewallPart &part : rule.firewall) {
                if (part.type == type)
                    group.entries.append({&rule, part});
            }
        }
        if (!group.entries.isEmpty())
            groups << group;
    }
    // A managed network: what Azure adds by itself, then what to add to the workspace.
    for (const bool automatic : {true, false}) {
        FirewallGroup group{FirewallRuleType::Managed, {}, automatic};
        for (const Rule &rule : set.rules) {
            for (const FirewallPart &part : rule.firewall) {
                if (part.type == FirewallRuleType::Managed && rule.automatic == automatic)
                    group.entries.append({&rule, part});
            }
        }
        if (!group.entries.isEmpty())
            groups << group;
    }
    return groups;
}

QString TextReport::markdownCell(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'|', QStringLiteral("\\|"));
    text.replace(u'*', QStringLiteral("\\*"));
    text.replace(u'<', QStringLiteral("&lt;"));
    text.replace(u'>', QStringLiteral("&gt;"));
    text.replace(u'\n', QStringLiteral("<br>")); // after the escaping, or the <br> would be escaped too
    return text;
}

namespace {

QString markdownTable(const QStringList &header, const QList<QStringList> &rows)
{
    QString out = QStringLiteral("| ");
    QStringList cells;
    for (const QString &h : header)
        cells << TextReport::markdownCell(h);
    out += cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|");
    for (qsizetype i = 0; i < header.size(); ++i)
        out += QStringLiteral(" --- |");
    out += u'\n';
    for (const QStringList &row : rows) {
        cells.clear();
        for (const QString &c : row)
            cells << TextReport::markdownCell(c);
        out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    return out;
}

// Managed-network groups add a column for the rule's kind (service tag, FQDN, private endpoint).
QStringList firewallHeader(FirewallRuleType type, bool withPrefixes)
{
    QStringList header{TextReport::tr("ID"),    TextReport::tr("Destination"),  TextReport::tr("Protocol"),
                       TextReport::tr("Ports"), TextReport::tr("Required for"), TextReport::tr("Purpose")};
    if (type == FirewallRuleType::Managed)
        header.insert(1, TextReport::tr("Type"));
    if (withPrefixes)
        header.insert(type == FirewallRuleType::Managed ? 3 : 2, TextReport::tr("Address prefixes"));
    return header;
}

// With a service tags file: how many prefixes the rule's tag has (the list is at the end of the report).
QString prefixCount(const RuleSet &set, const Rule &rule)
{
    if (!set.serviceTags || serviceTagOf(rule).isEmpty())
        return {};
    if (!set.hasAddressPrefixes(rule))
        return TextReport::tr("not in the file");
    return TextReport::tr("%n prefix(es)", nullptr, int(set.addressPrefixes(rule).size()));
}

// Whether a table of these rules gets the prefixes column: a file is given and one of them is a tag.
bool anyTag(const RuleSet &set, const QList<const Rule *> &rules)
{
    return set.serviceTags && std::any_of(rules.cbegin(), rules.cend(), [](const Rule *r) {
               return !serviceTagOf(*r).isEmpty();
           });
}

QList<const Rule *> groupRules(const FirewallGroup &group)
{
    QList<const Rule *> rules;
    for (const auto &entry : group.entries)
        rules << entry.first;
    return rules;
}

// The rules a view shows, each once, in the set's order.
QList<const Rule *> shownRules(const RuleSet &set, RuleView view)
{
    QList<const Rule *> rules;
    for (const Rule &rule : set.rules) {
        bool shown = view != RuleView::HostTables && !rule.firewall.isEmpty();
        if (!shown && view != RuleView::AzureFirewall) {
            for (const QString &table : rule.tableIds())
                shown = shown || (set.catalog.table(table) && set.catalog.table(table)->view == u"other-firewalls");
        }
        if (shown)
            rules << &rule;
    }
    return rules;
}

// The tags of the rules shown that the file lists, each once: (tag as the rules spell it, prefixes).
QList<QPair<QString, QStringList>> shownPrefixes(const RuleSet &set, RuleView view)
{
    QList<QPair<QString, QStringList>> out;
    QSet<QString> seen;
    for (const Rule *rule : shownRules(set, view)) {
        const QString tag = serviceTagOf(*rule);
        if (tag.isEmpty() || !set.hasAddressPrefixes(*rule) || seen.contains(tag.toLower()))
            continue;
        seen.insert(tag.toLower());
        out.append({tag, set.addressPrefixes(*rule)});
    }
    return out;
}

// "a, b, c" in lines of at most `width` characters (a prefix is never split).
QStringList wrappedList(const QStringList &items, int width)
{
    QStringList lines;
    QString line;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString item = items.at(i) + (i + 1 < items.size() ? QStringLiteral(",") : QString());
        if (!line.isEmpty() && line.size() + 1 + item.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + item;
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

// The line under the scenario that names the file, and the tags it lacks.
QStringList serviceTagsLines(const RuleSet &set)
{
    if (!set.serviceTags)
        return {};
    QStringList lines{TextReport::tr("Service tags file: %1").arg(set.serviceTags->description())};
    const QStringList missing = missingServiceTags(set);
    if (!missing.isEmpty())
        lines << TextReport::tr("Not in the file (no address prefixes): %1").arg(missing.join(QStringLiteral(", ")));
    return lines;
}

QString prefixesTitle(const RuleSet &set)
{
    return TextReport::tr("Address prefixes of the service tags (%1, %2)")
        .arg(set.serviceTags->fileName, set.serviceTags->versionText());
}

QStringList firewallRow(const RuleSet &set, const Rule &rule, const FirewallPart &part, Language language,
                        bool withPrefixes)
{
    QString destination = part.target;
    if (!part.urlPath.isEmpty())
        destination = part.urlPath;
    if (!rule.notes.isEmpty() || !rule.unanswered.isEmpty() || !AzureFirewall::explanation(part).isEmpty())
        destination += QStringLiteral(" [!]");
    QStringList row{rule.id,
                    destination,
                    RuleLabels::protocol(rule, part, language),
                    RuleLabels::ports(part.ports, language),
                    RuleLabels::features(set, rule, language),
                    RuleLabels::purpose(rule, language)};
    if (part.type == FirewallRuleType::Managed)
        row.insert(1, RuleLabels::kind(rule.kind));
    if (withPrefixes)
        row.insert(part.type == FirewallRuleType::Managed ? 3 : 2, prefixCount(set, rule));
    return row;
}

QStringList hostHeader(bool withPrefixes)
{
    QStringList header{TextReport::tr("Required for"), TextReport::tr("Host"), TextReport::tr("Protocol"),
                       TextReport::tr("Ports"), TextReport::tr("ID")};
    if (withPrefixes)
        header.insert(2, TextReport::tr("Address prefixes"));
    return header;
}

QStringList hostRow(const RuleSet &set, const Rule &rule, const QString &tableId, Language language,
                    bool withPrefixes)
{
    QString purpose;
    for (const RuleSource &s : rule.sources) {
        if (s.table == tableId) {
            purpose = s.purpose.text(language);
            break;
        }
    }
    QString destination = rule.destination;
    if (!rule.notes.isEmpty() || !rule.unanswered.isEmpty())
        destination += QStringLiteral(" [!]");
    QStringList row{purpose, destination, RuleLabels::protocol(rule), RuleLabels::ports(rule.ports, language), rule.id};
    if (withPrefixes)
        row.insert(2, prefixCount(set, rule));
    return row;
}

// Each distinct note once, with the rules it applies to: many rules share a note (e.g. known issue 12).
QList<QPair<QString, QStringList>> groupedNotes(const RuleSet &set, Language language)
{
    QList<QPair<QString, QStringList>> notes;
    for (const Rule &rule : set.rules) {
        for (const QString &text : RuleLabels::notes(rule, language)) {
            auto it = std::find_if(notes.begin(), notes.end(), [&](const auto &n) { return n.first == text; });
            if (it == notes.end())
                notes.append({text, {rule.id}});
            else
                it->second << rule.id;
        }
    }
    return notes;
}

} // namespace

QString TextReport::groupTitle(FirewallRuleType type)
{
    switch (type) {
    case FirewallRuleType::InboundNsg:
        return tr("Inbound to compute (network security group)");
    case FirewallRuleType::Route:
        return tr("User-defined routes on the compute subnet (next hop: Internet)");
    case FirewallRuleType::NetworkServiceTag:
        return tr("Network rules: service tags");
    case FirewallRuleType::NetworkFqdn:
        return tr("Network rules: destination FQDNs (DNS proxy required)");
    case FirewallRuleType::Application:
        return tr("Application rules");
    case FirewallRuleType::Unsupported:
        return tr("Not expressible in Azure Firewall");
    case FirewallRuleType::Managed:
        return tr("Managed virtual network: outbound rules of the workspace");
    }
    return {};
}

QString TextReport::groupTitle(const FirewallGroup &group)
{
    if (group.type != FirewallRuleType::Managed)
        return groupTitle(group.type);
    return group.automatic ? tr("Managed virtual network: rules added by Azure automatically")
                           : tr("Managed virtual network: outbound rules to add to the workspace");
}

QString TextReport::scenarioLine(const RuleSet &set, Language language)
{
    const RuleSummary s = set.summary();
    return tr("%1, %2, storage account %3. Rules: %4 (always needed: %5). Catalog edition %6.")
               .arg(RuleLabels::cloudName(set, language), RuleLabels::regionName(set, language), set.answers.storage,
                    QString::number(s.total), QString::number(s.always), set.catalog.edition)
           + (set.answers.network == NetworkKind::Managed
                  ? u' ' + tr("Managed virtual network: Azure Firewall is not involved.")
                  : QString());
}

QString TextReport::table(const RuleSet &set, Language language, RuleView view, int maxWidth)
{
    QString out = scenarioLine(set, language) + u'\n';
    QStringList featureNames;
    for (const QString &id : set.effectiveFeatures) {
        const Feature *f = set.catalog.feature(id);
        featureNames << (f ? f->name.text(language) : id);
    }
    out += tr("Features: %1")
               .arg(featureNames.isEmpty() ? tr("none (always-needed rules only)")
                                           : featureNames.join(language == Language::Japanese ? QStringLiteral("、")
                                                                                              : QStringLiteral(", ")))
           + u'\n';
    for (const QString &line : serviceTagsLines(set))
        out += line + u'\n';
    for (const Problem &p : set.problems)
        out += tr("Warning: %1").arg(p.message()) + u'\n';

    if (view != RuleView::HostTables) {
        for (const FirewallGroup &group : firewallGroups(set)) {
            const bool withPrefixes = anyTag(set, groupRules(group));
            QList<QStringList> rows;
            for (const auto &entry : group.entries)
                rows << firewallRow(set, *entry.first, entry.second, language, withPrefixes);
            out += u'\n' + groupTitle(group) + QStringLiteral(" (") + QString::number(rows.size())
                   + QStringLiteral(")\n");
            out += TextTable::render(firewallHeader(group.type, withPrefixes), rows, {true, maxWidth});
        }
    }
    if (view != RuleView::AzureFirewall) {
        for (const QString &tableId : set.tablesInView(QStringLiteral("other-firewalls"))) {
            const QList<const Rule *> tableRules = set.rulesInTable(tableId);
            const bool withPrefixes = anyTag(set, tableRules);
            QList<QStringList> rows;
            for (const Rule *rule : tableRules)
                rows << hostRow(set, *rule, tableId, language, withPrefixes);
            out += u'\n' + RuleLabels::tableTitle(set, tableId, language) + QStringLiteral(" (")
                   + QString::number(rows.size()) + QStringLiteral(")\n");
            out += TextTable::render(hostHeader(withPrefixes), rows, {true, 0});
        }
    }
    if (const auto prefixes = set.serviceTags ? shownPrefixes(set, view) : QList<QPair<QString, QStringList>>();
        !prefixes.isEmpty()) {
        // Every prefix, wrapped to the terminal: a tag per paragraph, indented under its name.
        const int width = std::max(40, (maxWidth > 0 ? maxWidth : 100) - 4);
        out += u'\n' + prefixesTitle(set) + u'\n';
        for (const auto &[tag, list] : prefixes) {
            out += QStringLiteral("  ") + tag + QStringLiteral(" (") + tr("%n prefix(es)", nullptr, int(list.size()))
                   + QStringLiteral(")\n");
            for (const QString &line : wrappedList(list, width))
                out += QStringLiteral("    ") + line + u'\n';
        }
    }
    const auto notes = groupedNotes(set, language);
    if (!notes.isEmpty()) {
        out += u'\n' + tr("Notes ([!])") + u'\n';
        for (const auto &n : notes)
            out += QStringLiteral("  - ") + n.first + QStringLiteral("\n    ")
                   + tr("Rules: %1").arg(n.second.join(QStringLiteral(", "))) + u'\n';
    }
    if (!set.scenarioNotes.isEmpty()) {
        out += u'\n' + tr("About this scenario") + u'\n';
        for (const Note &n : set.scenarioNotes)
            out += QStringLiteral("  - ") + n.text.text(language) + u'\n';
    }
    return out;
}

QString TextReport::markdown(const RuleSet &set, Language language, RuleView view)
{
    QString out = QStringLiteral("# ") + tr("Azure Machine Learning firewall rules") + QStringLiteral("\n\n");
    out += scenarioLine(set, language) + QStringLiteral("\n\n");
    out += tr("Source: %1 (%2, %3).")
               .arg(set.catalog.sourceTitle.text(language), set.catalog.sourceDate, set.catalog.sourceUrl)
           + QStringLiteral("\n");
    for (const QString &line : serviceTagsLines(set))
        out += u'\n' + markdownCell(line) + u'\n';
    for (const Problem &p : set.problems)
        out += QStringLiteral("\n> ") + tr("Warning: %1").arg(p.message()) + u'\n';

    if (view != RuleView::HostTables) {
        out += QStringLiteral("\n## ")
               + (set.answers.network == NetworkKind::Managed ? tr("Managed virtual network") : tr("Azure Firewall"))
               + u'\n';
        for (const FirewallGroup &group : firewallGroups(set)) {
            const bool withPrefixes = anyTag(set, groupRules(group));
            QList<QStringList> rows;
            for (const auto &entry : group.entries)
                rows << firewallRow(set, *entry.first, entry.second, language, withPrefixes);
            out += QStringLiteral("\n### ") + groupTitle(group) + QStringLiteral("\n\n");
            out += markdownTable(firewallHeader(group.type, withPrefixes), rows);
        }
    }
    if (view != RuleView::AzureFirewall) {
        out += QStringLiteral("\n## ") + tr("Host tables for other firewalls") + u'\n';
        for (const QString &tableId : set.tablesInView(QStringLiteral("other-firewalls"))) {
            const QList<const Rule *> tableRules = set.rulesInTable(tableId);
            const bool withPrefixes = anyTag(set, tableRules);
            QList<QStringList> rows;
            for (const Rule *rule : tableRules)
                rows << hostRow(set, *rule, tableId, language, withPrefixes);
            out += QStringLiteral("\n### ") + RuleLabels::tableTitle(set, tableId, language) + QStringLiteral("\n\n");
            out += markdownTable(hostHeader(withPrefixes), rows);
        }
    }
    if (const auto prefixes = set.serviceTags ? shownPrefixes(set, view) : QList<QPair<QString, QStringList>>();
        !prefixes.isEmpty()) {
        out += QStringLiteral("\n## ") + markdownCell(prefixesTitle(set)) + u'\n';
        for (const auto &[tag, list] : prefixes) {
            out += QStringLiteral("\n### ") + markdownCell(tag) + QStringLiteral(" (")
                   + tr("%n prefix(es)", nullptr, int(list.size())) + QStringLiteral(")\n\n```text\n")
                   + wrappedList(list, 100).join(u'\n') + QStringLiteral("\n```\n");
        }
    }
    const auto notes = groupedNotes(set, language);
    if (!notes.isEmpty()) {
        out += QStringLiteral("\n## ") + tr("Notes") + QStringLiteral("\n\n");
        for (const auto &n : notes)
            out += QStringLiteral("- ") + markdownCell(n.first) + QStringLiteral(" (")
                   + tr("Rules: %1").arg(n.second.join(QStringLiteral(", "))) + QStringLiteral(")\n");
    }
    if (!set.scenarioNotes.isEmpty()) {
        out += QStringLiteral("\n## ") + tr("About this scenario") + QStringLiteral("\n\n");
        for (const Note &n : set.scenarioNotes)
            out += QStringLiteral("- ") + markdownCell(n.text.text(language)) + u'\n';
    }
    return out;
}

} // namespace amlfw
