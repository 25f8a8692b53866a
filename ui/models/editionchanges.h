#pragma once

#include "catalog.h"
#include "language.h"
#include "rule.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <memory>
#include <optional>

namespace amlfw {

// What changed between the edition the rules page shows and the other edition of the article, for
// the same answers: a text mark per rule of the shown set, and the rules only the other edition has.
// The other edition's rules come from its built-in catalog (loaded once), with the features mapped
// by featuresForEdition(); the comparison always runs from the older edition to the newer one.
class EditionChanges
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::EditionChanges)

public:
    // The edition to compare `edition` with: the newest for 2021-11, else 2021-11; empty if none.
    static QString otherEdition(const QString &edition);

    // Instead of the built-in catalog of the other edition (tests).
    void setComparisonCatalog(const Catalog &catalog) { m_override = catalog; }

    // Compares `set` with the other edition. False when there is nothing to compare with; then
    // unavailableReason() says why.
    bool update(const RuleSet &set, Language language);

    QString otherEditionId() const { return m_otherEdition; }
    bool shownIsNewer() const { return m_shownIsNewer; }
    QString unavailableReason() const { return m_unavailable; }

    // "Show chan&ges since 2021-11" or "Show chan&ges against 2026-03": the control's text.
    static QString toggleText(const QString &shownEdition);
    // The tab of the rules only the other edition has: "&Removed" / "N&ew" (the tooltip says since when).
    QString otherOnlyTitle() const;
    QString otherOnlyToolTip() const; // what that tab lists, in a sentence
    QString summary() const;          // "Since 2021-11: 13 new, 4 removed, 3 changed."

    const QHash<QString, QString> &marks() const { return m_marks; } // rule id of the shown set -> mark
    std::shared_ptr<const RuleSet> otherOnly() const { return m_otherOnly; }
    const QHash<QString, QString> &otherOnlyMarks() const { return m_otherOnlyMarks; }

private:
    const Catalog *otherCatalog(const QString &edition);

    std::optional<Catalog> m_override;
    QHash<QString, Catalog> m_builtIn; // loaded once per edition
    QString m_otherEdition;
    bool m_shownIsNewer = true;
    QString m_unavailable;
    QHash<QString, QString> m_marks;
    QHash<QString, QString> m_otherOnlyMarks;
    std::shared_ptr<const RuleSet> m_otherOnly;
    int m_added = 0;
    int m_removed = 0;
    int m_changed = 0;
};

} // namespace amlfw
