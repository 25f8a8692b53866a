#pragma once

#include <QSortFilterProxyModel>

namespace amlfw {

// Filters a two-level model (group rows holding item rows) by words typed in a search field:
// an item row matches when every word occurs in its search text or its group's. Groups show while
// one of their items matches, and keep their order whichever way the items are sorted. Under a
// filter a group row counts what it shows: "Application rules (3 of 12)".
class GroupedFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit GroupedFilterModel(int searchRole, QObject *parent = nullptr);

    // The role of a group row's title without its count; set, group rows count what the filter shows.
    void setGroupTitleRole(int role) { m_groupTitleRole = role; }

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    int matchingItems() const; // item rows that pass the filter
    int totalItems() const;    // item rows of the source model
    bool isFiltering() const { return !m_words.isEmpty(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_searchRole;
    int m_groupTitleRole = -1;
    QString m_search;
    QStringList m_words;
};

} // namespace amlfw
