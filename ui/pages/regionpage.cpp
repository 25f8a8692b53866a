#include "regionpage.h"

#include "groupedfiltermodel.h"
#include "messagebanner.h"
#include "regionmodel.h"
#include "wizardstate.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWizard>

namespace amlfw {

RegionPage::RegionPage(WizardState *state, QWidget *parent)
    : StatePage(state, parent)
    , m_searchLabel(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_listLabel(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_model(new RegionModel(this))
    , m_filter(new GroupedFilterModel(RegionModel::SearchTextRole, this))
    , m_selection(new QLabel(this))
    , m_banner(new MessageBanner(this))
{
    setObjectName(QStringLiteral("regionPage"));
    m_search->setObjectName(QStringLiteral("regionSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setProperty(ClearOnEscapeProperty, true);
    m_search->installEventFilter(this);
    m_searchLabel->setBuddy(m_search);
    m_listLabel->setBuddy(m_view);

    m_filter->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("regionView"));
    m_banner->setObjectName(QStringLiteral("regionBanner"));
    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    // The names keep the width of their content; "Azure ML" ("Not offered" with its icon) always
    // shows whole; the paired region takes the rest and gives way (elided, with a tooltip) first.
    m_view->header()->setStretchLastSection(false);
    // (The modes per column are set with the model's columns, in rebuildModel().)
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->installEventFilter(this);

    m_selection->setObjectName(QStringLiteral("regionSelection"));
    m_selection->setWordWrap(true);
    m_selection->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_searchLabel);
    searchRow->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(m_listLabel);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_selection);
    layout->addWidget(m_banner);

    connect(m_search, &QLineEdit::textChanged, this, &RegionPage::onSearchChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RegionPage::onSelectionChanged);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.data(RegionModel::RegionNameRole).toString().isEmpty() && wizard())
            wizard()->next();
    });
    connect(state, &WizardState::answersChanged, this, [this] {
        if (m_syncing)
            return;
        if (m_modelCloud != this->state()->answers().cloud)
            rebuildModel();
        selectFromState();
        updateMessages();
        Q_EMIT completeChanged();
    });
    rebuildModel();
    selectFromState();
    retranslateUi();
}

QString RegionPage::stepName() const
{
    return tr("Region");
}

void RegionPage::initializePage()
{
    selectFromState();
    m_search->setFocus();
}

bool RegionPage::isComplete() const
{
    return state()->isRegionValid();
}

void RegionPage::retranslateUi()
{
    const Cloud *cloud = state()->catalog().cloud(state()->answers().cloud);
    const QString cloudName = cloud ? cloud->name.text(language()) : state()->answers().cloud;
    setTitle(tr("Which region is the workspace in?"));
    setSubTitle(tr("Regional service tags and host names follow the region of the workspace."));
    m_searchLabel->setText(tr("&Search:"));
    m_search->setPlaceholderText(tr("Name or programmatic name, e.g. Japan East or japaneast"));
    m_search->setAccessibleName(tr("Search regions"));
    m_search->setAccessibleDescription(
        tr("Filters the list of regions. Enter chooses the first match when the chosen region is not among them; "
           "Down goes to the list, Escape clears the search."));
    m_search->setToolTip(tr("Type any part of a region's name, in English or Japanese, or its programmatic name."));
    m_listLabel->setText(tr("&Regions of %1:").arg(cloudName));
    m_view->setAccessibleName(tr("Regions"));
    m_view->setAccessibleDescription(tr("Regions of the chosen cloud, grouped by geography, with the paired region and "
                                        "whether Azure Machine Learning is offered."));
    if (m_modelLanguage != language())
        rebuildModel();
    else
        m_model->retranslateHeaders();
    selectFromState();
    updateMessages();
}

void RegionPage::rebuildModel()
{
    const QSignalBlocker blocker(m_view->selectionModel());
    m_modelCloud = state()->answers().cloud;
    m_modelLanguage = language();
    m_model->rebuild(state()->catalog(), m_modelCloud, m_modelLanguage);
    m_view->expandAll();
    for (int g = 0; g < m_filter->rowCount(); ++g)
        m_view->setFirstColumnSpanned(g, QModelIndex(), true);
    m_view->header()->setSectionResizeMode(RegionModel::PairColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(RegionModel::AmlColumn, QHeaderView::ResizeToContents);
    // Every region is in the list now (no search yet): the names' columns fit the longest.
    for (const int c : {RegionModel::DisplayColumn, RegionModel::NameColumn}) {
        const int content = std::max(static_cast<QAbstractItemView *>(m_view)->sizeHintForColumn(c),
                                     m_view->header()->sectionSizeHint(c));
        m_view->header()->resizeSection(c, content + 16);
    }
}

void RegionPage::selectFromState()
{
    const QModelIndex source = m_model->indexOfRegion(state()->answers().region);
    const QModelIndex proxy = m_filter->mapFromSource(source);
    const QSignalBlocker blocker(m_view->selectionModel());
    if (proxy.isValid()) {
        m_view->selectionModel()->select(proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(proxy);
    } else {
        m_view->selectionModel()->clearSelection();
    }
}

void RegionPage::onSelectionChanged()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return; // the filter hid the selection: keep the answer
    const QString name = rows.first().data(RegionModel::RegionNameRole).toString();
    if (name.isEmpty())
        return;
    m_syncing = true;
    state()->setRegion(name);
    m_syncing = false;
    updateMessages();
    Q_EMIT completeChanged();
}

void RegionPage::onSearchChanged()
{
    m_filter->setSearchText(m_search->text());
    m_view->expandAll();
    for (int g = 0; g < m_filter->rowCount(); ++g)
        m_view->setFirstColumnSpanned(g, QModelIndex(), true);
    selectFromState();
    updateMessages();
}

void RegionPage::selectFirstMatch()
{
    for (int g = 0; g < m_filter->rowCount(); ++g) {
        const QModelIndex group = m_filter->index(g, 0);
        if (m_filter->rowCount(group) > 0) {
            const QModelIndex first = m_filter->index(0, 0, group);
            m_view->selectionModel()->select(first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
            return;
        }
    }
}

void RegionPage::updateMessages()
{
    const Catalog &catalog = state()->catalog();
    const Answers &answers = state()->answers();
    const Cloud *cloud = catalog.cloud(answers.cloud);
    const QString cloudName = cloud ? cloud->name.text(language()) : answers.cloud;

    // What is chosen, and its pair: the pair's tags and hosts can matter for failover.
    if (const Region *region = catalog.region(answers.cloud, answers.region)) {
        const Region *pair = catalog.region(answers.cloud, region->pair);
        const QString name = region->display.text(language()) + QStringLiteral(" (") + region->name + u')';
        const QString pairName
            = pair ? pair->display.text(language()) + QStringLiteral(" (") + pair->name + u')' : tr("none");
        m_selection->setText(tr("Chosen: %1 · paired region: %2").arg(name, pairName));
    } else {
        m_selection->setText(tr("No region chosen yet."));
    }
    m_selection->setAccessibleName(m_selection->text());

    if (!m_filter->searchText().isEmpty() && m_filter->matchingItems() == 0) {
        QStringList names;
        for (const Region &r : catalog.regions.value(answers.cloud))
            names << r.name;
        const QString guess = AnswersValidator::suggestion(m_search->text(), names);
        QString text = tr("No region of %1 matches \"%2\".").arg(cloudName, m_search->text().trimmed());
        if (!guess.isEmpty()) {
            const Region *g = catalog.region(answers.cloud, guess);
            text += u' ' + tr("Did you mean %1 (%2)?").arg(g ? g->display.text(language()) : guess, guess);
        }
        m_banner->setProperty(MessageBanner::CoreTextProperty, false);
        m_banner->showMessage(MessageBanner::Kind::Error, text);
        return;
    }
    if (!answers.region.isEmpty()) {
        const Problems problems = AnswersValidator::validateRegion(catalog, answers.cloud, answers.region);
        if (!problems.isEmpty()) {
            m_banner->setProperty(MessageBanner::CoreTextProperty, true);
            m_banner->showMessage(hasErrors(problems) ? MessageBanner::Kind::Error : MessageBanner::Kind::Warning,
                                  problems.first().message());
            return;
        }
    }
    m_banner->clearMessage();
}

bool RegionPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down) {
            m_view->setFocus(Qt::TabFocusReason);
            if (m_view->selectionModel()->selectedRows().isEmpty())
                selectFirstMatch();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            // Enter keeps what is shown: the highlighted region stays the answer and Enter goes on
            // as Next. Only when a search hides the answer does Enter pick the first match, and then
            // it stops here, so that the new answer is seen before the next Enter moves on.
            if (!m_search->text().trimmed().isEmpty() && m_view->selectionModel()->selectedRows().isEmpty()) {
                selectFirstMatch();
                return true;
            }
            return false;
        }
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier && !m_search->text().isEmpty()) {
            // Escape empties the search before anything else; the answer is kept.
            m_search->clear();
            return true;
        }
    }
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && isComplete() && wizard()) {
            wizard()->next();
            return true;
        }
    }
    return StatePage::eventFilter(watched, event);
}

} // namespace amlfw
