#pragma once

#include "language.h"
#include "rulediff.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace amlfw {

// `amlfw diff`'s output: what changed between two editions' rule sets, as a terminal table,
// Markdown, CSV (for change tickets, formula-safe like the CSV export) or JSON.
class DiffReport
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::Cli)

public:
    DiffReport(const RuleSet &from, const RuleSet &to, Language language);

    const RuleDiff &diff() const { return m_diff; }
    QString table(int maxWidth) const;
    QString markdown() const;
    QByteArray csv(bool byteOrderMark) const;
    QJsonObject json() const;

private:
    QString heading() const; // "From 2021-11 (2021-11-05) to 2026-03 (2026-03-19)"
    QString scenario() const;
    QString counts() const;
    QString sections(const std::optional<RuleDiffSide> &side) const; // titles, or "-"
    QList<QStringList> rows(const QList<RuleDiffItem> &items, RuleChange change) const;
    QStringList header(RuleChange change) const;
    QJsonObject editionJson(const RuleSet &set) const;
    QJsonObject itemJson(const RuleDiffItem &item) const;

    const RuleSet &m_from;
    const RuleSet &m_to;
    Language m_language;
    RuleDiff m_diff;
};

} // namespace amlfw
