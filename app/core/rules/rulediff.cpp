#include "rulediff.h"

#include "rulelabels.h"

#include <QSet>
#include <algorithm>
#include <functional>

namespace amlfw {

QStringList featuresForEdition(const Catalog &catalog, const QStringList &features, const Catalog *other)
{
    QStringList out;
    const auto add = [&out](const QString &id) {
        if (!out.contains(id))
            out << id;
    };
    for (const QString &id : features) {
        if (catalog.feature(id) || (!catalog.featureMap.contains(id) && !(other && other->feature(id)))) {
            add(id);
            continue;
        }
        for (const QString &nearest : catalog.featureMap.value(id).nearest)
            add(nearest);
    }
    return out;
}

namespace {

QStringList sortedPorts(QStringList ports)
{
    std::sort(ports.begin(), ports.end());
    return ports;
}

// "MicrosoftContainerRegistry.japaneast" -> "microsoftcontainerregistry"; "*.x" and "*x" -> "x".
QString destinationStem(const Rule &rule)
{
    QString d = rule.destination.toLower();
    if (rule.kind == RuleKind::ServiceTag || rule.kind == RuleKind::Route) {
        const qsizetype dot = d.indexOf(u'.');
        return dot > 0 ? d.left(dot) : d;
    }
    if (d.startsWith(QStringLiteral("*.")))
        return d.mid(2);
    if (d.startsWith(u'*'))
        return d.mid(1);
    return d;
}

RuleDiffSide sideOf(const RuleSet &set, const Rule &rule)
{
    RuleDiffSide side;
    side.rule = &rule;
    side.destination = rule.destination;
    side.protocol = rule.protocol;
    side.ports = rule.ports;
    side.condition = rule.features;
    for (const FirewallPart &part : rule.firewall) {
        const QString type = firewallRuleTypeId(part.type);
        if (!side.classification.contains(type))
            side.classification << type;
    }
    for (const QString &id : rule.sectionIds()) {
        if (const Section *section = set.catalog.section(id))
            side.sections << *section;
        else
            side.sections << Section{id, {}, {id, id}};
    }
    return side;
}

QList<DiffField> differences(const RuleDiffSide &a, const RuleDiffSide &b)
{
    QList<DiffField> fields;
    if (sortedPorts(a.ports) != sortedPorts(b.ports))
        fields << DiffField::Ports;
    if (a.protocol.compare(b.protocol, Qt::CaseInsensitive) != 0)
        fields << DiffField::Protocol;
    if (a.destination.compare(b.destination, Qt::CaseInsensitive) != 0)
        fields << DiffField::Destination;
    if (QSet<QString>(a.condition.begin(), a.condition.end()) != QSet<QString>(b.condition.begin(), b.condition.end()))
        fields << DiffField::Condition;
    if (a.classification != b.classification)
        fields << DiffField::Classification;
    return fields;
}

using MatchKey = std::function<QString(const Rule &)>;

QString baseKey(const Rule &rule)
{
    return directionId(rule.direction) + u'|' + (rule.kind == RuleKind::Route ? u'r' : u'-') + u'|';
}

} // namespace

QString RuleDiffSide::conditionText() const
{
    return condition.isEmpty() ? QStringLiteral("always") : condition.join(QStringLiteral(", "));
}

RuleDiff RuleDiff::compare(const RuleSet &from, const RuleSet &to)
{
    const QList<MatchKey> passes{
        [](const Rule &r) -> QString {
            return baseKey(r) + r.destination.toLower() + u'|' + r.protocol.toUpper() + u'|'
                   + sortedPorts(r.ports).join(u',');
        },
        [](const Rule &r) -> QString { return baseKey(r) + r.destination.toLower() + u'|' + r.protocol.toUpper(); },
        [](const Rule &r) -> QString { return baseKey(r) + r.destination.toLower(); },
        [](const Rule &r) -> QString { return baseKey(r) + destinationStem(r); },
    };
    // match[i]: index into from.rules of the rule matched with to.rules[i], or -1.
    QList<qsizetype> match(to.rules.size(), -1);
    QList<bool> taken(from.rules.size(), false);
    for (const MatchKey &key : passes) {
        QHash<QString, QList<qsizetype>> open; // key -> unmatched 'from' rules, in order
        for (qsizetype j = 0; j < from.rules.size(); ++j) {
            if (!taken.at(j))
                open[key(from.rules.at(j))] << j;
        }
        for (qsizetype i = 0; i < to.rules.size(); ++i) {
            if (match.at(i) >= 0)
                continue;
            auto it = open.find(key(to.rules.at(i)));
            if (it == open.end() || it->isEmpty())
                continue;
            match[i] = it->takeFirst();
            taken[match.at(i)] = true;
        }
    }

    RuleDiff diff;
    for (qsizetype i = 0; i < to.rules.size(); ++i) {
        const Rule &rule = to.rules.at(i);
        RuleDiffItem item;
        item.direction = rule.direction;
        item.kind = rule.kind;
        item.after = sideOf(to, rule);
        if (match.at(i) < 0) {
            item.change = RuleChange::Added;
            diff.added << item;
            continue;
        }
        item.before = sideOf(from, from.rules.at(match.at(i)));
        item.fields = differences(*item.before, *item.after);
        if (item.fields.isEmpty()) {
            ++diff.unchanged;
            continue;
        }
        item.change = RuleChange::Changed;
        diff.changed << item;
    }
    for (qsizetype j = 0; j < from.rules.size(); ++j) {
        if (taken.at(j))
            continue;
        const Rule &rule = from.rules.at(j);
        RuleDiffItem item;
        item.change = RuleChange::Removed;
        item.direction = rule.direction;
        item.kind = rule.kind;
        item.before = sideOf(from, rule);
        diff.removed << item;
    }
    return diff;
}

const RuleDiffItem *RuleDiff::itemForRule(const QString &toRuleId) const
{
    for (const QList<RuleDiffItem> *list : {&added, &changed}) {
        for (const RuleDiffItem &item : *list) {
            if (item.after && item.after->rule && item.after->rule->id == toRuleId)
                return &item;
        }
    }
    return nullptr;
}

QString RuleDiff::changeTitle(RuleChange change)
{
    switch (change) {
    case RuleChange::Added:
        return tr("Added");
    case RuleChange::Removed:
        return tr("Removed");
    case RuleChange::Changed:
        return tr("Changed");
    }
    return {};
}

QString RuleDiff::fieldName(DiffField field)
{
    switch (field) {
    case DiffField::Ports:
        return tr("ports");
    case DiffField::Protocol:
        return tr("protocol");
    case DiffField::Destination:
        return tr("destination");
    case DiffField::Condition:
        return tr("condition");
    case DiffField::Classification:
        return tr("classification");
    }
    return {};
}

QString RuleDiff::value(const RuleDiffSide &side, DiffField field, Language language)
{
    switch (field) {
    case DiffField::Ports:
        return side.ports.isEmpty() ? QStringLiteral("-") : RuleLabels::ports(side.ports, language);
    case DiffField::Protocol:
        return side.protocol.isEmpty() ? QStringLiteral("-") : side.protocol;
    case DiffField::Destination:
        return side.destination;
    case DiffField::Condition:
        return side.condition.isEmpty() ? tr("always") : side.condition.join(QStringLiteral(", "));
    case DiffField::Classification:
        return side.classification.join(QStringLiteral(", "));
    }
    return {};
}

QStringList RuleDiff::changeLines(const RuleDiffItem &item, Language language)
{
    QStringList lines;
    if (!item.before || !item.after)
        return lines;
    for (DiffField field : item.fields)
        lines << tr("%1: %2 → %3")
                     .arg(fieldName(field), value(*item.before, field, language), value(*item.after, field, language));
    return lines;
}

QString RuleDiff::changeText(const RuleDiffItem &item, Language language)
{
    return changeLines(item, language).join(QStringLiteral("; "));
}

} // namespace amlfw
