#pragma once

#include "enumtable.h"
#include "rule.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace amlfw {

// The feature selection `features` (ids of any edition) as `catalog`'s edition understands it: ids
// it has stay, ids of another edition become the edition's `featureMap` nearest ids (none when the
// mapping is empty); ids of `other` that neither has nor maps are dropped (no counterpart), other
// unknown ids stay so that validation names them. Order kept, no duplicates.
QStringList featuresForEdition(const Catalog &catalog, const QStringList &features, const Catalog *other = nullptr);

enum class RuleChange { Added, Removed, Changed };
inline constexpr EnumTable ruleChangeIds{std::to_array<EnumId<RuleChange>>({
    {RuleChange::Added, "added"},
    {RuleChange::Removed, "removed"},
    {RuleChange::Changed, "changed"},
})};

// What differs between two matched rules.
enum class DiffField { Ports, Protocol, Destination, Condition, Classification };
inline constexpr EnumTable diffFieldIds{std::to_array<EnumId<DiffField>>({
    {DiffField::Ports, "ports"},
    {DiffField::Protocol, "protocol"},
    {DiffField::Destination, "destination"},
    {DiffField::Condition, "condition"},
    {DiffField::Classification, "classification"},
})};

// One rule as one edition has it, with what the diff compares.
struct RuleDiffSide
{
    const Rule *rule = nullptr; // points into the RuleSet given to RuleDiff::compare
    QString destination;
    QString protocol;
    QStringList ports;
    QStringList condition;      // feature ids that require it; empty: always
    QStringList classification; // Azure Firewall type ids of its parts, distinct
    QList<Section> sections;    // of its edition, ids and titles

    QString conditionText() const; // ids joined, or "always"
};

struct RuleDiffItem
{
    RuleChange change = RuleChange::Added;
    Direction direction = Direction::Outbound;
    RuleKind kind = RuleKind::Fqdn;
    std::optional<RuleDiffSide> before; // the 'from' edition: removed and changed items
    std::optional<RuleDiffSide> after;  // the 'to' edition: added and changed items
    QList<DiffField> fields;            // changed items: what differs, in DiffField order

    const RuleDiffSide &current() const { return after ? *after : *before; } // 'to' where it exists
};

// What changed between the rules of two editions for the same scenario. Rules are matched in passes,
// each on what is left by the one before: the same destination (case-insensitive), protocol and ports
// (unchanged, unless condition or classification differ); the same destination and protocol (ports
// changed); the same destination (protocol changed); the same destination stem, a service tag without
// its ".<region>" or a wildcard "*x" as "*.x" (destination spelling changed). Every pass also needs
// the same direction, and routes match only routes. The rest are added or removed.
struct RuleDiff
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::RuleDiff)

public:
    QList<RuleDiffItem> added;   // in the 'to' rule order
    QList<RuleDiffItem> removed; // in the 'from' rule order
    QList<RuleDiffItem> changed; // in the 'to' rule order
    int unchanged = 0;

    // Both sets must stay alive while the result is used (items point into them).
    static RuleDiff compare(const RuleSet &from, const RuleSet &to);

    // The added or changed item of a rule of the 'to' set, or nullptr (unchanged, or not in it).
    const RuleDiffItem *itemForRule(const QString &toRuleId) const;

    // Translated texts.
    static QString changeTitle(RuleChange change); // "Added"
    static QString fieldName(DiffField field);     // "ports"
    static QString value(const RuleDiffSide &side, DiffField field, Language language);
    // One line per changed field: "ports: 443 → 443, 8787, 18881".
    static QStringList changeLines(const RuleDiffItem &item, Language language);
    // The lines joined: "ports: 443 → 443, 8787, 18881; protocol: TCP → UDP".
    static QString changeText(const RuleDiffItem &item, Language language);
};

} // namespace amlfw
