#include "diffreport.h"

#include "csvexporter.h"
#include "rulelabels.h"
#include "textreport.h"
#include "texttable.h"

#include <QJsonArray>

namespace amlfw {

namespace {

enum Column { DirectionColumn, DestinationColumn, ProtocolColumn, PortsColumn, ConditionColumn };

QJsonValue ruleIdJson(const std::optional<RuleDiffSide> &side)
{
    return side && side->rule ? QJsonValue(side->rule->id) : QJsonValue(QJsonValue::Null);
}

} // namespace

DiffReport::DiffReport(const RuleSet &from, const RuleSet &to, Language language)
    : m_from(from)
    , m_to(to)
    , m_language(language)
    , m_diff(RuleDiff::compare(from, to))
{
}

QString DiffReport::heading() const
{
    return tr("Changes from the %1 edition (%2) to the %3 edition (%4)")
        .arg(m_from.catalog.edition, m_from.catalog.sourceDate, m_to.catalog.edition, m_to.catalog.sourceDate);
}

QString DiffReport::scenario() const
{
    const auto features = [](const RuleSet &set) {
        return set.answers.features.isEmpty() ? tr("none") : set.answers.features.join(QStringLiteral(", "));
    };
    const QString cloud = RuleLabels::cloudName(m_to, m_language);
    const QString region = RuleLabels::regionName(m_to, m_language);
    if (m_from.answers.features == m_to.answers.features)
        return tr("Scenario: %1, %2, storage account %3; features: %4.")
            .arg(cloud, region, m_to.answers.storage, features(m_to));
    return tr("Scenario: %1, %2, storage account %3; features: %4 (%5), %6 (%7).")
        .arg(cloud, region, m_to.answers.storage, features(m_from), m_from.catalog.edition, features(m_to),
             m_to.catalog.edition);
}

QString DiffReport::counts() const
{
    // No plural forms needed: the words stand after the numbers, unchanged in English and Japanese.
    return tr("%1 added, %2 removed, %3 changed, %4 unchanged.")
        .arg(m_diff.added.size())
        .arg(m_diff.removed.size())
        .arg(m_diff.changed.size())
        .arg(m_diff.unchanged);
}

QString DiffReport::sections(const std::optional<RuleDiffSide> &side) const
{
    if (!side || side->sections.isEmpty())
        return QStringLiteral("-");
    QStringList titles;
    for (const Section &s : side->sections)
        titles << s.title.text(m_language);
    return titles.join(QStringLiteral(" / "));
}

QStringList DiffReport::header(RuleChange change) const
{
    QStringList h{tr("Direction"), tr("Destination"), tr("Protocol"), tr("Ports"), tr("Required for")};
    if (change == RuleChange::Changed)
        h << tr("Changes");
    if (change != RuleChange::Added)
        h << tr("Sections (%1)").arg(m_from.catalog.edition);
    if (change != RuleChange::Removed)
        h << tr("Sections (%1)").arg(m_to.catalog.edition);
    return h;
}

QList<QStringList> DiffReport::rows(const QList<RuleDiffItem> &items, RuleChange change) const
{
    QList<QStringList> out;
    for (const RuleDiffItem &item : items) {
        const RuleDiffSide &side = item.current();
        QStringList row{RuleLabels::direction(item.direction), side.destination,
                        RuleDiff::value(side, DiffField::Protocol, m_language),
                        RuleDiff::value(side, DiffField::Ports, m_language),
                        RuleDiff::value(side, DiffField::Condition, m_language)};
        if (change == RuleChange::Changed)
            row << RuleDiff::changeLines(item, m_language).join(u'\n');
        if (change != RuleChange::Added)
            row << sections(item.before);
        if (change != RuleChange::Removed)
            row << sections(item.after);
        out << row;
    }
    return out;
}

QString DiffReport::table(int maxWidth) const
{
    QString text = heading() + u'\n' + scenario() + u'\n' + counts() + u'\n';
    TextTable::Options options;
    options.headerRule = true;
    options.maxWidth = maxWidth;
    const QList<std::pair<RuleChange, const QList<RuleDiffItem> *>> groups{{RuleChange::Added, &m_diff.added},
                                                                           {RuleChange::Removed, &m_diff.removed},
                                                                           {RuleChange::Changed, &m_diff.changed}};
    for (const auto &[change, items] : groups) {
        text += u'\n' + tr("%1 (%2)").arg(RuleDiff::changeTitle(change)).arg(items->size()) + u'\n';
        if (items->isEmpty()) {
            text += tr("None.") + u'\n';
            continue;
        }
        // A terminal row per changed field: "before → after" each on its own line.
        QList<QStringList> lines;
        for (const QStringList &row : rows(*items, change)) {
            if (change != RuleChange::Changed) {
                lines << row;
                continue;
            }
            const QStringList changes = row.at(ConditionColumn + 1).split(u'\n');
            for (qsizetype i = 0; i < changes.size(); ++i) {
                QStringList line = i == 0 ? row : QStringList(row.size());
                line[ConditionColumn + 1] = changes.at(i);
                lines << line;
            }
        }
        text += TextTable::render(header(change), lines, options);
    }
    return text;
}

QString DiffReport::markdown() const
{
    QString text = QStringLiteral("# ") + TextReport::markdownCell(heading()) + QStringLiteral("\n\n")
                   + TextReport::markdownCell(scenario()) + QStringLiteral("\n\n") + TextReport::markdownCell(counts())
                   + u'\n';
    const QList<std::pair<RuleChange, const QList<RuleDiffItem> *>> groups{{RuleChange::Added, &m_diff.added},
                                                                           {RuleChange::Removed, &m_diff.removed},
                                                                           {RuleChange::Changed, &m_diff.changed}};
    for (const auto &[change, items] : groups) {
        text += QStringLiteral("\n## ") + tr("%1 (%2)").arg(RuleDiff::changeTitle(change)).arg(items->size())
                + QStringLiteral("\n\n");
        if (items->isEmpty()) {
            text += tr("None.") + u'\n';
            continue;
        }
        const QStringList h = header(change);
        QStringList cells;
        for (const QString &c : h)
            cells << TextReport::markdownCell(c);
        text += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|")
                + QStringLiteral("---|").repeated(h.size()) + u'\n';
        for (const QStringList &row : rows(*items, change)) {
            cells.clear();
            for (const QString &c : row)
                cells << TextReport::markdownCell(c);
            text += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        }
    }
    return text;
}

QByteArray DiffReport::csv(bool byteOrderMark) const
{
    const QStringList header{tr("Change"),
                             tr("Direction"),
                             tr("Destination"),
                             tr("Protocol"),
                             tr("Ports"),
                             tr("Required for"),
                             tr("Changed fields"),
                             tr("Before"),
                             tr("After"),
                             tr("Rule (%1)").arg(m_from.catalog.edition),
                             tr("Rule (%1)").arg(m_to.catalog.edition),
                             tr("Sections (%1)").arg(m_from.catalog.edition),
                             tr("Sections (%1)").arg(m_to.catalog.edition)};
    QList<QStringList> rows{header};
    for (const QList<RuleDiffItem> *items : {&m_diff.added, &m_diff.removed, &m_diff.changed}) {
        for (const RuleDiffItem &item : *items) {
            const RuleDiffSide &side = item.current();
            QStringList fields, before, after;
            for (DiffField f : item.fields) {
                fields << RuleDiff::fieldName(f);
                before << RuleDiff::fieldName(f) + QStringLiteral(": ") + RuleDiff::value(*item.before, f, m_language);
                after << RuleDiff::fieldName(f) + QStringLiteral(": ") + RuleDiff::value(*item.after, f, m_language);
            }
            rows << QStringList{RuleDiff::changeTitle(item.change),
                                RuleLabels::direction(item.direction),
                                side.destination,
                                side.protocol, // empty for routes: a "-" would be neutralised as a formula
                                side.ports.join(QStringLiteral(", ")),
                                RuleDiff::value(side, DiffField::Condition, m_language),
                                fields.join(QStringLiteral(", ")),
                                before.join(QStringLiteral("; ")),
                                after.join(QStringLiteral("; ")),
                                item.before ? item.before->rule->id : QString(),
                                item.after ? item.after->rule->id : QString(),
                                item.before ? sections(item.before) : QString(),
                                item.after ? sections(item.after) : QString()};
        }
    }
    QString out;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (const QString &c : row)
            cells << CsvExporter::cell(c);
        out += cells.join(u',') + QStringLiteral("\r\n");
    }
    return (byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray()) + out.toUtf8();
}

QJsonObject DiffReport::editionJson(const RuleSet &set) const
{
    return {{QStringLiteral("edition"), set.catalog.edition},
            {QStringLiteral("date"), set.catalog.sourceDate},
            {QStringLiteral("title"), set.catalog.sourceTitle.text(m_language)},
            {QStringLiteral("url"), set.catalog.sourceUrl},
            {QStringLiteral("features"), QJsonArray::fromStringList(set.answers.features)}};
}

QJsonObject DiffReport::itemJson(const RuleDiffItem &item) const
{
    const auto sideJson = [](const RuleDiffSide &side) {
        return QJsonObject{{QStringLiteral("destination"), side.destination},
                           {QStringLiteral("protocol"), side.protocol},
                           {QStringLiteral("ports"), QJsonArray::fromStringList(side.ports)},
                           {QStringLiteral("condition"), side.conditionText()},
                           {QStringLiteral("classification"), QJsonArray::fromStringList(side.classification)}};
    };
    const auto sectionsJson = [this](const std::optional<RuleDiffSide> &side) {
        QJsonArray out;
        if (side) {
            for (const Section &s : side->sections)
                out.append(
                    QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("title"), s.title.text(m_language)}});
        }
        return out;
    };
    const RuleDiffSide &side = item.current();
    QJsonObject o = sideJson(side);
    o.insert(QStringLiteral("direction"), directionId(item.direction));
    o.insert(QStringLiteral("kind"), ruleKindId(item.kind));
    o.insert(QStringLiteral("rules"), QJsonObject{{QStringLiteral("from"), ruleIdJson(item.before)},
                                                  {QStringLiteral("to"), ruleIdJson(item.after)}});
    o.insert(QStringLiteral("sections"), QJsonObject{{QStringLiteral("from"), sectionsJson(item.before)},
                                                     {QStringLiteral("to"), sectionsJson(item.after)}});
    if (item.change == RuleChange::Changed) {
        QJsonArray fields;
        for (DiffField f : item.fields)
            fields.append(diffFieldIds.toId(f));
        o.insert(QStringLiteral("fields"), fields);
        o.insert(QStringLiteral("before"), sideJson(*item.before));
        o.insert(QStringLiteral("after"), sideJson(*item.after));
    }
    return o;
}

QJsonObject DiffReport::json() const
{
    QJsonObject root;
    root.insert(QStringLiteral("amlfw"), QStringLiteral(AMLFW_VERSION));
    root.insert(QStringLiteral("language"), languageCode(m_language));
    root.insert(QStringLiteral("from"), editionJson(m_from));
    root.insert(QStringLiteral("to"), editionJson(m_to));
    const Answers &a = m_to.answers;
    root.insert(QStringLiteral("scenario"), QJsonObject{{QStringLiteral("cloud"), a.cloud},
                                                        {QStringLiteral("region"), a.region},
                                                        {QStringLiteral("storage"), a.storage},
                                                        {QStringLiteral("udr"), udrMethodId(a.udr)},
                                                        {QStringLiteral("network"), networkKindId(a.network)},
                                                        {QStringLiteral("acr"), a.acr},
                                                        {QStringLiteral("workspaceId"), a.workspaceId}});
    root.insert(QStringLiteral("summary"), QJsonObject{{QStringLiteral("added"), m_diff.added.size()},
                                                       {QStringLiteral("removed"), m_diff.removed.size()},
                                                       {QStringLiteral("changed"), m_diff.changed.size()},
                                                       {QStringLiteral("unchanged"), m_diff.unchanged}});
    const QList<std::pair<QString, const QList<RuleDiffItem> *>> groups{{QStringLiteral("added"), &m_diff.added},
                                                                        {QStringLiteral("removed"), &m_diff.removed},
                                                                        {QStringLiteral("changed"), &m_diff.changed}};
    for (const auto &[key, items] : groups) {
        QJsonArray array;
        for (const RuleDiffItem &item : *items)
            array.append(itemJson(item));
        root.insert(key, array);
    }
    return root;
}

} // namespace amlfw
