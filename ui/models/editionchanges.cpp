#include "editionchanges.h"

#include "rulediff.h"
#include "rulegenerator.h"

#include <QSet>

namespace amlfw {

namespace {

const QString oldestEdition = QStringLiteral("2021-11");

} // namespace

QString EditionChanges::otherEdition(const QString &edition)
{
    if (!Catalog::builtInEditions().contains(edition) || Catalog::builtInEditions().size() < 2)
        return {};
    return edition == oldestEdition ? Catalog::newestEdition() : oldestEdition;
}

QString EditionChanges::toggleText(const QString &shownEdition)
{
    const QString other = otherEdition(shownEdition);
    if (shownEdition == oldestEdition)
        return tr("Show chan&ges against %1").arg(other.isEmpty() ? Catalog::newestEdition() : other);
    return tr("Show chan&ges since %1").arg(oldestEdition);
}

const Catalog *EditionChanges::otherCatalog(const QString &edition)
{
    if (m_override)
        return &*m_override;
    if (edition.isEmpty())
        return nullptr;
    auto it = m_builtIn.find(edition);
    if (it == m_builtIn.end())
        it = m_builtIn.insert(edition, Catalog::builtIn(edition));
    return it->isValid() ? &*it : nullptr;
}

bool EditionChanges::update(const RuleSet &set, Language language)
{
    m_marks.clear();
    m_otherOnlyMarks.clear();
    m_otherOnly.reset();
    m_added = m_removed = m_changed = 0;
    m_unavailable.clear();
    const Catalog *other = otherCatalog(otherEdition(set.catalog.edition));
    if (!set.isValid() || !other) {
        m_unavailable = tr("There is no other edition to compare these rules with.");
        return false;
    }
    m_otherEdition = other->edition;
    m_shownIsNewer = set.catalog.edition != oldestEdition;
    if (!other->hasNetwork(set.answers.network)) {
        m_unavailable
            = tr("The %1 edition has no managed virtual network: there is nothing to compare.").arg(other->edition);
        return false;
    }
    Answers answers = set.answers;
    answers.edition = other->edition;
    answers.features = featuresForEdition(*other, set.answers.features, &set.catalog);
    auto otherSet = std::make_shared<RuleSet>(RuleGenerator::generate(*other, answers));
    if (!otherSet->isValid()) {
        m_unavailable = tr("The rules of the %1 edition cannot be made for these answers: %2")
                            .arg(other->edition, formatProblems(otherSet->problems).trimmed());
        return false;
    }

    // From the older edition to the newer: "before" is always the older one.
    const RuleSet &from = m_shownIsNewer ? *otherSet : set;
    const RuleSet &to = m_shownIsNewer ? set : *otherSet;
    const RuleDiff diff = RuleDiff::compare(from, to);
    m_added = int(diff.added.size());
    m_removed = int(diff.removed.size());
    m_changed = int(diff.changed.size());
    QSet<QString> otherOnlyIds;
    for (const RuleDiffItem &item : diff.changed) {
        const QString text = RuleDiff::changeText(item, language);
        const QString id = (m_shownIsNewer ? item.after : item.before)->rule->id;
        m_marks.insert(id, m_shownIsNewer ? tr("Changed — %1").arg(text)
                                          : tr("Changed in %1 — %2").arg(m_otherEdition, text));
    }
    for (const RuleDiffItem &item : diff.added) {
        const QString id = item.after->rule->id;
        if (m_shownIsNewer) {
            m_marks.insert(id, tr("New"));
        } else {
            otherOnlyIds << id;
            m_otherOnlyMarks.insert(id, tr("New in %1").arg(m_otherEdition));
        }
    }
    for (const RuleDiffItem &item : diff.removed) {
        const QString id = item.before->rule->id;
        if (m_shownIsNewer) {
            otherOnlyIds << id;
            m_otherOnlyMarks.insert(id, tr("Removed"));
        } else {
            m_marks.insert(id, tr("Not in %1").arg(m_otherEdition));
        }
    }
    // The other edition's rules that the shown one lacks, as a rule set of their own for the tab.
    QList<Rule> kept;
    for (const Rule &rule : std::as_const(otherSet->rules)) {
        if (otherOnlyIds.contains(rule.id))
            kept << rule;
    }
    otherSet->rules = kept;
    m_otherOnly = otherSet;
    return true;
}

QString EditionChanges::otherOnlyTitle() const
{
    // Short, for the tab bar; otherOnlyToolTip() says since when, and the control above the tabs too.
    return m_shownIsNewer ? tr("&Removed", "rules page tab: rules removed since the other edition")
                          : tr("N&ew", "rules page tab: rules new in the other edition");
}

QString EditionChanges::otherOnlyToolTip() const
{
    return m_shownIsNewer
               ? tr("Removed since %1: the rules the %1 edition of the article has and this one no longer "
                    "has.")
                     .arg(m_otherEdition)
               : tr("New in %1: the rules the %1 edition of the article adds to this one.").arg(m_otherEdition);
}

QString EditionChanges::summary() const
{
    return m_shownIsNewer ? tr("Since %1: %2 new, %3 removed, %4 changed.")
                                .arg(m_otherEdition)
                                .arg(m_added)
                                .arg(m_removed)
                                .arg(m_changed)
                          : tr("In %1: %2 new, %3 removed, %4 changed.")
                                .arg(m_otherEdition)
                                .arg(m_added)
                                .arg(m_removed)
                                .arg(m_changed);
}

} // namespace amlfw
