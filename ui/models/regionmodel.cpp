#include "regionmodel.h"

#include "catalog.h"

#include <QApplication>
#include <QStyle>

namespace amlfw {

RegionModel::RegionModel(QObject *parent)
    : QStandardItemModel(parent)
{
}

void RegionModel::rebuild(const Catalog &catalog, const QString &cloudId, Language language)
{
    clear();
    setColumnCount(ColumnCount);
    retranslateHeaders();
    m_regionCount = 0;
    const QList<Region> regions = catalog.regions.value(cloudId);
    const QIcon warning = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);

    for (const Geography &geography : catalog.geographies) {
        QList<QStandardItem *> groupRow;
        auto *group = new QStandardItem(geography.name.text(language));
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font();
        bold.setBold(true);
        group->setFont(bold);
        group->setData((geography.name.en + u' ' + geography.name.ja).toLower(), SearchTextRole);
        groupRow << group;
        for (int c = 1; c < ColumnCount; ++c) {
            auto *filler = new QStandardItem;
            filler->setFlags(Qt::ItemIsEnabled);
            groupRow << filler;
        }
        for (const Region &region : regions) {
            if (region.geography != geography.id)
                continue;
            const Region *pair = catalog.region(cloudId, region.pair);
            const QString pairText = pair ? pair->display.text(language) + QStringLiteral(" (") + pair->name + u')'
                                          : (region.pair.isEmpty() ? tr("None") : region.pair);
            const QString search = (region.display.en + u' ' + region.display.ja + u' ' + region.name).toLower();
            QList<QStandardItem *> row{new QStandardItem(region.display.text(language)), new QStandardItem(region.name),
                                       new QStandardItem(pairText),
                                       new QStandardItem(region.aml ? tr("Available") : tr("Not offered"))};
            for (QStandardItem *item : row) {
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
                item->setData(region.name, RegionNameRole);
                item->setData(search, SearchTextRole);
                item->setData(region.aml, AmlRole);
            }
            // The paired region's column is the one that gives way in a narrow window: its whole text is the tooltip.
            row.at(PairColumn)->setToolTip(pairText);
            if (!region.aml) {
                row.at(AmlColumn)->setIcon(warning);
                const QString tip = tr("Azure Machine Learning is not offered in this region.");
                for (QStandardItem *item : row)
                    item->setToolTip(item == row.at(PairColumn) ? pairText + u'\n' + tip : tip);
            }
            group->appendRow(row);
            ++m_regionCount;
        }
        if (group->hasChildren())
            appendRow(groupRow);
        else
            qDeleteAll(groupRow);
    }
}

void RegionModel::retranslateHeaders()
{
    setHorizontalHeaderLabels({tr("Region"), tr("Programmatic name"), tr("Paired region"), tr("Azure ML")});
}

QModelIndex RegionModel::indexOfRegion(const QString &name) const
{
    if (name.isEmpty())
        return {};
    for (int g = 0; g < rowCount(); ++g) {
        const QModelIndex group = index(g, 0);
        for (int r = 0; r < rowCount(group); ++r) {
            const QModelIndex idx = index(r, 0, group);
            if (idx.data(RegionNameRole).toString() == name)
                return idx;
        }
    }
    return {};
}

} // namespace amlfw
