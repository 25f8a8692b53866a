#pragma once

#include "language.h"

#include <QStandardItemModel>

namespace amlfw {

class Catalog;

// The regions of one cloud, grouped by geography: a geography row holds its regions.
class RegionModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Column { DisplayColumn, NameColumn, PairColumn, AmlColumn, ColumnCount };
    enum Role {
        RegionNameRole = Qt::UserRole + 1, // programmatic name; empty on geography rows
        SearchTextRole,                    // every name the row can be found by, lower case
        AmlRole,                           // bool
    };

    explicit RegionModel(QObject *parent = nullptr);

    void rebuild(const Catalog &catalog, const QString &cloudId, Language language);
    void retranslateHeaders();
    QModelIndex indexOfRegion(const QString &name) const; // column 0
    int regionCount() const { return m_regionCount; }

private:
    int m_regionCount = 0;
};

} // namespace amlfw
