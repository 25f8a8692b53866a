#pragma once

#include <QSortFilterProxyModel>

namespace amlfw {

// Filters a two-level model (group rows holding item rows) by words typed in a search field:
// an item row matches when every word occurs in its search text or its group's. Groups show while
// one of their items matches, and keep their order whichever way the items are sorted.
class GroupedFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit GroupedFilterModel(int searchRole, QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    int matchingItems() const; // item rows that pass the filter
    int totalItems() const;    // item rows of the source model

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_searchRole;
    QString m_search;
    QStringList m_words;
};

} // namespace amlfw
