#include "groupedfiltermodel.h"

namespace amlfw {

GroupedFilterModel::GroupedFilterModel(int searchRole, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_searchRole(searchRole)
{
    setRecursiveFilteringEnabled(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void GroupedFilterModel::setSearchText(const QString &text)
{
    const QString normalized = text.simplified().toLower();
    if (normalized == m_search)
        return;
    m_search = normalized;
    m_words = m_search.split(u' ', Qt::SkipEmptyParts);
    invalidateFilter();
    // The group rows' counts changed with the filter.
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::DisplayRole, Qt::AccessibleTextRole});
}

QVariant GroupedFilterModel::data(const QModelIndex &index, int role) const
{
    if (m_groupTitleRole >= 0 && !m_words.isEmpty() && index.isValid() && !index.parent().isValid()
        && index.column() == 0 && (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)) {
        const QModelIndex source = mapToSource(index);
        const int total = sourceModel()->rowCount(source);
        //: A group of rules under a filter: its title, the rows shown, all its rows ("Application rules (3 of 12)")
        return tr("%1 (%2 of %n)", nullptr, total)
            .arg(source.data(m_groupTitleRole).toString(), QString::number(rowCount(index)));
    }
    return QSortFilterProxyModel::data(index, role);
}

int GroupedFilterModel::matchingItems() const
{
    int count = 0;
    for (int g = 0; g < rowCount(); ++g)
        count += rowCount(index(g, 0));
    return count;
}

int GroupedFilterModel::totalItems() const
{
    if (!sourceModel())
        return 0;
    int count = 0;
    for (int g = 0; g < sourceModel()->rowCount(); ++g)
        count += sourceModel()->rowCount(sourceModel()->index(g, 0));
    return count;
}

bool GroupedFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    if (!sourceParent.isValid())
        return false; // a group shows when one of its items matches (recursive filtering)
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString haystack = idx.data(m_searchRole).toString() + u' ' + sourceParent.data(m_searchRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

bool GroupedFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!left.parent().isValid())
        return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace amlfw
