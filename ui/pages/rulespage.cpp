#include "rulespage.h"

#include "filedialog.h"
#include "groupedfiltermodel.h"
#include "messagebanner.h"
#include "ruledetails.h"
#include "rulelabels.h"
#include "ruletreemodel.h"
#include "textreport.h"
#include "wizardstate.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSplitter>
#include <QStyleOptionTab>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace amlfw {

namespace {

QString tsvCell(QString text)
{
    text.replace(u'\t', u' ');
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text;
}

// QTabBar elides a label with QFontMetrics::elidedText(), which in Japanese text measures the
// mnemonic's '&' of "(&I)" too, and so cuts labels that fit the room QTabBar gave them.
class RuleTabBar : public QTabBar
{
public:
    using QTabBar::QTabBar;

protected:
    void initStyleOption(QStyleOptionTab *option, int tabIndex) const override
    {
        QTabBar::initStyleOption(option, tabIndex);
        const QRect room = style()->subElementRect(QStyle::SE_TabBarTabText, option, this);
        if (fontMetrics().size(Qt::TextShowMnemonic, tabText(tabIndex)).width() <= room.width())
            option->text = tabText(tabIndex);
    }
};

class RuleTabWidget : public QTabWidget
{
public:
    explicit RuleTabWidget(QWidget *parent)
        : QTabWidget(parent)
    {
        setTabBar(new RuleTabBar(this));
    }
};

} // namespace

RulesPage::RulesPage(WizardState *state, QWidget *parent)
    : StatePage(state, parent)
    , m_scenario(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_filterLabel(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_matches(new QLabel(this))
    , m_tabs(new RuleTabWidget(this))
    , m_details(new QTextBrowser(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_totals(new QLabel(this))
    , m_showChanges(new QCheckBox(this))
    , m_copyTsv(new QAction(this))
    , m_copyMarkdown(new QAction(this))
    , m_copyHostNames(new QAction(this))
    , m_copyTable(new QAction(this))
    , m_copyHostNamesButton(new QPushButton(this))
    , m_copyTableButton(new QPushButton(this))
    , m_selectAll(new QAction(this))
    , m_find(new QAction(this))
{
    setObjectName(QStringLiteral("rulesPage"));
    m_scenario->setObjectName(QStringLiteral("rulesScenario"));
    m_scenario->setWordWrap(true);
    m_scenario->setTextFormat(Qt::RichText);
    m_scenario->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_scenario, &QLabel::linkActivated, this, [this] {
        view(Tab(m_tabs->currentIndex()))->clearSelection();
        m_showScenario = true;
        updateDetails();
    });
    m_banner->setObjectName(QStringLiteral("rulesBanner"));
    m_filter->setObjectName(QStringLiteral("rulesFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setProperty(ClearOnEscapeProperty, true);
    m_filterLabel->setBuddy(m_filter);
    m_matches->setObjectName(QStringLiteral("rulesMatches"));
    m_tabs->setObjectName(QStringLiteral("rulesTabs"));
    m_tabs->setDocumentMode(false);
    // The labels are short enough to fit at 1024 px in both languages; should a translation not
    // fit, the labels elide (the tooltip names the tab in full) rather than scroll.
    m_tabs->tabBar()->setUsesScrollButtons(false);
    m_tabs->tabBar()->setElideMode(Qt::ElideRight);
    m_tabs->tabBar()->setExpanding(false);
    m_details->setObjectName(QStringLiteral("rulesDetails"));
    // The article opens in the browser; the details' own link shows or hides a rule's address prefixes.
    m_details->setOpenLinks(false);
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url == RuleDetails::prefixesLink()) {
            const QString id = currentRuleId();
            m_prefixesShownFor = m_prefixesShownFor == id ? QString() : id;
            const int scrolled = m_details->verticalScrollBar()->value();
            updateDetails();
            m_details->verticalScrollBar()->setValue(scrolled);
            return;
        }
        FileDialog::instance()->openUrl(url);
    });
    m_details->setMinimumHeight(80);
    m_totals->setObjectName(QStringLiteral("rulesTotals"));
    m_copyTsv->setObjectName(QStringLiteral("copyTsv"));
    m_copyMarkdown->setObjectName(QStringLiteral("copyMarkdown"));
    m_copyHostNames->setObjectName(QStringLiteral("copyHostNames"));
    m_copyTable->setObjectName(QStringLiteral("copyTable"));
    m_copyHostNamesButton->setObjectName(QStringLiteral("copyHostNamesButton"));
    m_copyTableButton->setObjectName(QStringLiteral("copyTableButton"));
    for (QPushButton *button : {m_copyHostNamesButton, m_copyTableButton})
        button->setAutoDefault(false); // Enter in the wizard means Next
    connect(m_copyHostNamesButton, &QPushButton::clicked, m_copyHostNames, &QAction::trigger);
    connect(m_copyTableButton, &QPushButton::clicked, m_copyTable, &QAction::trigger);
    m_showChanges->setObjectName(QStringLiteral("showChanges"));
    connect(m_showChanges, &QCheckBox::toggled, this, &RulesPage::rebuild);
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const QList<QList<FirewallRuleType>> types{
        {FirewallRuleType::InboundNsg, FirewallRuleType::Route},
        {FirewallRuleType::NetworkServiceTag, FirewallRuleType::NetworkFqdn},
        {FirewallRuleType::Application},
        {FirewallRuleType::Unsupported},
        {},
        {FirewallRuleType::InboundNsg, FirewallRuleType::Route, FirewallRuleType::NetworkServiceTag,
         FirewallRuleType::NetworkFqdn, FirewallRuleType::Application, FirewallRuleType::Unsupported,
         FirewallRuleType::Managed},
    };
    for (int t = 0; t < TabCount; ++t) {
        TabParts parts;
        parts.model = new RuleTreeModel(t == HostsTab ? RuleTreeModel::Mode::HostTables : RuleTreeModel::Mode::Firewall,
                                        types.at(t), this);
        parts.filter = new GroupedFilterModel(RuleTreeModel::SearchTextRole, this);
        parts.filter->setGroupTitleRole(RuleTreeModel::GroupTitleRole);
        parts.filter->setSourceModel(parts.model);
        parts.view = new QTreeView(m_tabs);
        parts.view->setObjectName(QStringLiteral("rulesView%1").arg(t));
        parts.view->setModel(parts.filter);
        parts.view->setUniformRowHeights(true);
        parts.view->setAlternatingRowColors(true);
        parts.view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        parts.view->setSelectionBehavior(QAbstractItemView::SelectRows);
        parts.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        parts.view->header()->setSortIndicator(-1, Qt::AscendingOrder);
        parts.view->setSortingEnabled(true);
        parts.view->setContextMenuPolicy(Qt::CustomContextMenu);
        parts.view->header()->setStretchLastSection(false);
        parts.view->setTextElideMode(Qt::ElideRight);
        parts.view->viewport()->installEventFilter(this); // columns follow the width
        connect(parts.view->header(), &QHeaderView::sectionResized, this, [this, t](int logical) {
            // The user dragged a column: from now on the widths are theirs. (The header resizes
            // sections by itself too, when the model resets: those are not the user's.)
            if (!m_fittingColumns && logical != RuleTreeModel::PurposeColumn
                && QApplication::mouseButtons() != Qt::NoButton)
                m_userSizedColumns[t] = true;
        });
        connect(parts.view, &QTreeView::customContextMenuRequested, this,
                [this, v = parts.view](const QPoint &pos) { showContextMenu(v, pos); });
        connect(parts.view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
            m_showScenario = false;
            updateDetails();
        });
        m_tabs->addTab(parts.view, QString());
        m_parts << parts;
        m_userSizedColumns << false;
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (!m_updatingTabs)
            m_chosenTab = index;
        updateDetails();
    });

    m_copyTsv->setShortcut(QKeySequence::Copy);
    m_copyMarkdown->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_selectAll->setShortcut(QKeySequence::SelectAll);
    m_find->setShortcut(QKeySequence::Find);
    for (QAction *action : {m_copyTsv, m_copyMarkdown, m_selectAll}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        for (const TabParts &p : std::as_const(m_parts))
            p.view->addAction(action);
    }
    m_find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_find);
    connect(m_copyTsv, &QAction::triggered, this, [this] { copySelection(CopyFormat::Tsv); });
    connect(m_copyMarkdown, &QAction::triggered, this, [this] { copySelection(CopyFormat::Markdown); });
    connect(m_copyHostNames, &QAction::triggered, this, [this] { copyText(hostNamesText()); });
    connect(m_copyTable, &QAction::triggered, this, [this] { copyText(shownTableText()); });
    connect(m_selectAll, &QAction::triggered, this, [this] { view(Tab(m_tabs->currentIndex()))->selectAll(); });
    connect(m_find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(m_filter, &QLineEdit::textChanged, this, &RulesPage::applyFilter);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterLabel);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_matches);
    filterRow->addSpacing(12);
    filterRow->addWidget(m_showChanges);
    filterRow->addSpacing(12);
    filterRow->addWidget(m_copyHostNamesButton);
    filterRow->addWidget(m_copyTableButton);

    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scenario);
    layout->addWidget(m_banner);
    layout->addLayout(filterRow);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_totals);

    setTabOrder(m_filter, m_showChanges);
    setTabOrder(m_showChanges, m_copyHostNamesButton);
    setTabOrder(m_copyHostNamesButton, m_copyTableButton);
    setTabOrder(m_copyTableButton, m_tabs);
    // The tab bar, the table of each tab, then the details below them (Qt would put the details right
    // after the tab bar: the tables are children of the tab widget).
    QWidget *previous = m_tabs;
    for (const TabParts &parts : std::as_const(m_parts)) {
        setTabOrder(previous, parts.view);
        previous = parts.view;
    }
    setTabOrder(previous, m_details);

    connect(state, &WizardState::ruleSetChanged, this, &RulesPage::rebuild);
    rebuild();
    retranslateUi();
}

QString RulesPage::stepName() const
{
    return tr("Rules");
}

void RulesPage::initializePage()
{
    rebuild();
}

bool RulesPage::isComplete() const
{
    return state()->ruleSet().isValid();
}

QTreeView *RulesPage::view(Tab tab) const
{
    return m_parts.value(tab).view;
}

RuleTreeModel *RulesPage::model(Tab tab) const
{
    return m_parts.value(tab).model;
}

GroupedFilterModel *RulesPage::filterModel(Tab tab) const
{
    return m_parts.value(tab).filter;
}

void RulesPage::retranslateUi()
{
    setTitle(tr("The rules for this scenario"));
    setSubTitle(tr("What Azure Firewall needs, and the host tables for other firewalls."));
    m_filterLabel->setText(tr("&Filter:"));
    m_filter->setPlaceholderText(tr("Host, service tag, port, feature or purpose (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter rules"));
    m_filter->setAccessibleDescription(tr("Shows only the rules that contain every word typed, in every tab."));
    m_filter->setToolTip(tr("Shows only the rules that contain every word typed, in every tab."));
    m_tabs->setAccessibleName(tr("Rule views"));
    m_tabs->setAccessibleDescription(tr("Inbound and routes, network rules, application rules, what Azure Firewall "
                                        "cannot express, and host tables for other firewalls."));
    for (int t = 0; t < TabCount; ++t) {
        m_parts.at(t).view->setAccessibleName(tabTitle(Tab(t)));
        m_parts.at(t).view->setAccessibleDescription(
            tr("Rules; select rows to see details, Ctrl+C copies them as TSV, Ctrl+Shift+C as Markdown."));
    }
    m_details->setAccessibleName(tr("Rule details"));
    m_details->setAccessibleDescription(
        tr("Purpose, sources in the article, notes and Azure Firewall classification of the selected rule."));
    m_copyTsv->setText(tr("&Copy selected rows"));
    m_copyTsv->setToolTip(tr("Copy the selected rows as tab-separated values, for a spreadsheet."));
    m_copyMarkdown->setText(tr("Copy selected rows as &Markdown"));
    m_copyMarkdown->setToolTip(tr("Copy the selected rows as a Markdown table, for a ticket or a wiki."));
    m_copyHostNames->setText(tr("Copy &host names"));
    m_copyHostNames->setToolTip(tr("Copy the destinations of the selected rows, or of all rows shown in this tab "
                                   "when none is selected: each once, one per line."));
    m_copyTable->setText(tr("Copy as &TSV"));
    m_copyTable->setToolTip(tr("Copy the rows shown in this tab with their group headers as tab-separated values, "
                               "for a spreadsheet or a change request."));
    for (auto [button, action] :
         {std::pair{m_copyHostNamesButton, m_copyHostNames}, std::pair{m_copyTableButton, m_copyTable}}) {
        button->setText(action->text());
        button->setAccessibleName(
            QString(action->text()).remove(QRegularExpression(QStringLiteral("\\(&.\\)"))).remove(u'&'));
        button->setToolTip(action->toolTip());
        button->setAccessibleDescription(action->toolTip());
    }
    m_selectAll->setText(tr("Select &all"));
    m_find->setText(tr("Find"));
    rebuild();
}

QString RulesPage::tabTitle(Tab tab) const
{
    switch (tab) {
    // Short, so that all tabs fit at 1024 px in either language; the tooltips name them in full.
    case InboundTab:
        return tr("&Inbound && routes");
    case NetworkTab:
        return tr("Net&work", "rules page tab: Azure Firewall's network rules");
    case ApplicationTab:
        return tr("A&pplication", "rules page tab: Azure Firewall's application rules");
    case UnsupportedTab:
        return tr("Not e&xpressible");
    case HostsTab:
        return tr("&Other firewalls");
    case OtherEditionTab:
        return m_changes.otherOnlyTitle();
    case TabCount:
        break;
    }
    return {};
}

QString RulesPage::tabToolTip(Tab tab) const
{
    switch (tab) {
    case InboundTab:
        return tr("Inbound rules of the network security group and the routes of the route table.");
    case NetworkTab:
        return tr("Network rules of Azure Firewall: service tags and FQDNs.");
    case ApplicationTab:
        return tr("Application rules of Azure Firewall: FQDNs with their protocols.");
    case UnsupportedTab:
        return tr("Rules Azure Firewall cannot express as the article writes them, and what to do instead.");
    case HostsTab:
        return tr("The article's host tables, for firewalls other than Azure Firewall.");
    case OtherEditionTab:
        return m_changes.otherOnlyToolTip();
    case TabCount:
        break;
    }
    return {};
}

void RulesPage::rebuild()
{
    // Keep the selected rule selected across regeneration and language changes.
    const Tab current = Tab(std::max(0, m_tabs->currentIndex()));
    QString selectedId;
    if (const QModelIndex idx = view(current)->currentIndex(); idx.isValid())
        selectedId = idx.data(RuleTreeModel::RuleIdRole).toString();

    m_set = std::make_shared<const RuleSet>(state()->ruleSet());
    updateChanges();
    for (int t = 0; t < TabCount; ++t) {
        RuleTreeModel *model = m_parts.at(t).model;
        if (t == OtherEditionTab) {
            model->setRuleSet(m_changesShown ? m_changes.otherOnly() : std::make_shared<const RuleSet>(), language());
            model->setChangeMarks(m_changesShown, m_changes.otherOnlyMarks());
        } else {
            model->setRuleSet(m_set, language());
            model->setChangeMarks(m_changesShown, m_changes.marks());
        }
        expandAndSpan(Tab(t));
    }
    for (int t = 0; t < TabCount; ++t) {
        QHeaderView *header = m_parts.at(t).view->header();
        if (m_changesShown) // the change beside the destination, where a reviewer reads first
            header->moveSection(header->visualIndex(RuleTreeModel::ChangeColumn), 1);
        fitColumns(Tab(t));
    }
    if (!selectedId.isEmpty()) {
        GroupedFilterModel *filter = m_parts.at(current).filter;
        const QModelIndexList hits = filter->match(filter->index(0, 0), RuleTreeModel::RuleIdRole, selectedId, 1,
                                                   Qt::MatchExactly | Qt::MatchRecursive);
        if (!hits.isEmpty())
            view(current)->setCurrentIndex(hits.first());
    }

    const RuleSet &set = *m_set;
    const Language lang = language();
    QString scenario = QStringLiteral("<b>") + RuleLabels::cloudName(set, lang).toHtmlEscaped()
                       + QStringLiteral("</b> · ") + RuleLabels::regionName(set, lang).toHtmlEscaped()
                       + QStringLiteral(" · ")
                       + tr("storage account %1")
                             .arg(QStringLiteral("<b>") + set.answers.storage.toHtmlEscaped() + QStringLiteral("</b>"));
    if (!set.scenarioNotes.isEmpty() || !set.problems.isEmpty())
        scenario += QStringLiteral(" — <a href=\"#scenario\">")
                    + tr("About this scenario (notes: %1)")
                          .arg(set.scenarioNotes.size() + set.problems.size())
                          .toHtmlEscaped()
                    + QStringLiteral("</a>");
    m_scenario->setText(scenario);
    m_scenario->setAccessibleName(tr("Scenario"));

    m_banner->setProperty(MessageBanner::CoreTextProperty, true);
    if (!set.isValid()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("No rules: %1").arg(formatProblems(set.problems).trimmed()));
    } else if (!set.problems.isEmpty()) {
        QStringList messages;
        for (const Problem &p : set.problems)
            messages << p.message();
        m_banner->showMessage(MessageBanner::Kind::Warning, messages.join(u'\n'));
    } else {
        m_banner->clearMessage();
    }

    const RuleSummary s = set.summary();
    QString totals = tr("%n rule(s): %1 inbound, %2 routes, %3 network rules with service tags, %4 with FQDNs, "
                        "%5 application rules, %6 not expressible. %7 are always needed; %8 have notes.",
                        nullptr, int(s.total))
                         .arg(s.inbound)
                         .arg(s.routes)
                         .arg(s.networkServiceTag)
                         .arg(s.networkFqdn)
                         .arg(s.application)
                         .arg(s.unsupported)
                         .arg(s.always)
                         .arg(s.withWarnings);
    if (s.dnsProxyRequired)
        totals += u' ' + tr("Network rules with FQDNs need the firewall policy's DNS proxy.");
    if (m_changesShown)
        totals += u' ' + m_changes.summary();
    else if (m_showChanges->isChecked())
        totals += u' ' + m_changes.unavailableReason();
    m_totals->setText(totals);
    m_totals->setAccessibleName(totals);
    applyFilter();
    updateDetails();
    Q_EMIT completeChanged();
}

void RulesPage::setComparisonCatalog(const Catalog &catalog)
{
    m_changes.setComparisonCatalog(catalog);
    rebuild();
}

void RulesPage::updateChanges()
{
    const QString edition = m_set->catalog.edition;
    const bool comparable = !EditionChanges::otherEdition(edition).isEmpty();
    m_showChanges->setText(EditionChanges::toggleText(edition));
    // Read without its mnemonic: "Show changes since 2021-11", 「2021-11 からの変更を表示」.
    m_showChanges->setAccessibleName(
        m_showChanges->text().remove(QRegularExpression(QStringLiteral("\\(&.\\)"))).remove(u'&'));
    m_showChanges->setEnabled(comparable);
    m_showChanges->setToolTip(comparable ? tr("Marks each rule that is new or changed, with what changed, and lists "
                                              "the rules only the other edition has in a tab of their own.")
                                         : tr("There is no other edition to compare these rules with."));
    m_showChanges->setAccessibleDescription(m_showChanges->toolTip());
    m_changesShown = comparable && m_showChanges->isChecked() && m_changes.update(*m_set, language());
}

void RulesPage::expandAndSpan(Tab tab)
{
    QTreeView *v = m_parts.at(tab).view;
    v->expandAll();
    for (int g = 0; g < m_parts.at(tab).filter->rowCount(); ++g)
        v->setFirstColumnSpanned(g, QModelIndex(), true);
}

void RulesPage::applyFilter()
{
    int matching = 0;
    int total = 0;
    const bool filtering = !m_filter->text().trimmed().isEmpty();
    for (int t = 0; t < TabCount; ++t) {
        const TabParts &parts = m_parts.at(t);
        const QModelIndex before = parts.filter->mapToSource(parts.view->currentIndex());
        parts.filter->setSearchText(m_filter->text());
        expandAndSpan(Tab(t));
        matching += parts.filter->matchingItems();
        total += parts.filter->totalItems();
        // The details follow the filter: when it hid the current row (or there was none), the
        // first row shown becomes current, without selecting it (copying "all shown" stays so).
        const QModelIndex current = parts.view->currentIndex();
        if (filtering
            && (!current.isValid() || !current.parent().isValid() || parts.filter->mapToSource(current) != before
                || !before.isValid())) {
            parts.view->selectionModel()->setCurrentIndex(firstShownRow(Tab(t)), QItemSelectionModel::NoUpdate);
        }
    }
    if (filtering)
        m_showScenario = false;
    m_matches->setText(m_filter->text().trimmed().isEmpty() ? QString()
                                                            : tr("%1 of %2 shown").arg(matching).arg(total));
    m_matches->setAccessibleName(m_matches->text());
    updateTabTitles();
    updateDetails();
}

QModelIndex RulesPage::firstShownRow(Tab tab) const
{
    const GroupedFilterModel *filter = m_parts.at(tab).filter;
    for (int g = 0; g < filter->rowCount(); ++g) {
        const QModelIndex group = filter->index(g, 0);
        if (filter->rowCount(group) > 0)
            return filter->index(0, 0, group);
    }
    return {};
}

void RulesPage::updateTabTitles()
{
    // The tab bar moves its current tab by itself while tabs are disabled one by one (all of them
    // while there are no rules): what the user chose is restored below.
    const QScopedValueRollback<bool> updating(m_updatingTabs, true);
    const bool filtering = !m_filter->text().trimmed().isEmpty();
    for (int t = 0; t < TabCount; ++t) {
        const GroupedFilterModel *filter = m_parts.at(t).filter;
        const int total = filter->totalItems();
        // Under a filter the tab counts what it shows; the group headers say "3 of 12".
        const int count = filtering ? filter->matchingItems() : total;
        m_tabs->setTabText(t, tabTitle(Tab(t)) + QStringLiteral(" (") + QString::number(count) + u')');
        // Most scenarios have nothing Azure Firewall cannot express: that tab shows only when needed.
        // The other edition's tab shows while its changes are shown, even when empty ("(0)" says so).
        m_tabs->setTabVisible(t, t == OtherEditionTab ? m_changesShown : total > 0 || t != UnsupportedTab);
        m_tabs->setTabEnabled(t, total > 0);
        QString tip = total > 0 ? tabToolTip(Tab(t)) : tr("No rules of this kind in this scenario.");
        if (filtering && total > 0)
            tip += u' ' + tr("%1 of %n rule(s) match the filter.", nullptr, total).arg(filter->matchingItems());
        m_tabs->setTabToolTip(t, tip);
    }
    int shown = -1; // the chosen tab, else the first one with rules
    if (m_tabs->isTabEnabled(m_chosenTab) && m_tabs->isTabVisible(m_chosenTab)) {
        shown = m_chosenTab;
    } else {
        for (int t = 0; t < TabCount && shown < 0; ++t) {
            if (m_tabs->isTabEnabled(t) && m_tabs->isTabVisible(t))
                shown = t;
        }
    }
    if (shown >= 0)
        m_tabs->setCurrentIndex(shown);
}

const RuleTreeModel::Entry *RulesPage::detailsEntry() const
{
    const Tab tab = Tab(std::max(0, m_tabs->currentIndex()));
    const QModelIndex current = view(tab)->currentIndex();
    const TabParts &parts = m_parts.at(tab);
    const RuleTreeModel::Entry *entry = nullptr;
    if (!m_showScenario && current.isValid())
        entry = parts.model->entry(parts.filter->mapToSource(current));
    if (!entry && parts.filter->isFiltering()) // never a row the filter hid: the first one shown, if any
        entry = parts.model->entry(parts.filter->mapToSource(firstShownRow(tab)));
    return entry;
}

QString RulesPage::currentRuleId() const
{
    const RuleTreeModel::Entry *entry = detailsEntry();
    return entry && entry->rule ? entry->rule->id : QString();
}

void RulesPage::updateDetails()
{
    if (!m_set)
        return;
    const Tab tab = Tab(std::max(0, m_tabs->currentIndex()));
    const TabParts &parts = m_parts.at(tab);
    const RuleTreeModel::Entry *entry = detailsEntry();
    const bool filtering = parts.filter->isFiltering();
    // The other edition's tab holds rules of another rule set.
    const RuleSet *set = parts.model->ruleSet();
    if (entry && entry->rule && set) {
        m_details->setHtml(RuleDetails::ruleHtml(*set, *entry->rule, entry->hasPart ? &entry->part : nullptr,
                                                 language(), entry->rule->id == m_prefixesShownFor));
    } else if (filtering) {
        int elsewhere = 0;
        for (int t = 0; t < TabCount; ++t) {
            if (t != tab && m_tabs->isTabVisible(t))
                elsewhere += m_parts.at(t).filter->matchingItems();
        }
        m_details->setHtml(RuleDetails::noMatchHtml(m_filter->text().simplified(), elsewhere));
    } else {
        m_details->setHtml(RuleDetails::scenarioHtml(*m_set, language()));
    }
}

QString RulesPage::selectedRowsText(CopyFormat format) const
{
    const Tab tab = Tab(std::max(0, m_tabs->currentIndex()));
    const TabParts &parts = m_parts.at(tab);
    const QItemSelectionModel *selection = parts.view->selectionModel();
    QStringList header;
    for (int c = 0; c < parts.model->columnCount(); ++c)
        header << parts.model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    QList<QStringList> rows;
    for (int g = 0; g < parts.filter->rowCount(); ++g) {
        const QModelIndex group = parts.filter->index(g, 0);
        for (int r = 0; r < parts.filter->rowCount(group); ++r) {
            const QModelIndex idx = parts.filter->index(r, 0, group);
            if (!selection->isRowSelected(r, group))
                continue;
            const RuleTreeModel::Entry *entry = parts.model->entry(parts.filter->mapToSource(idx));
            if (!entry)
                continue;
            QStringList cells;
            for (int c = 0; c < parts.model->columnCount(); ++c)
                cells << parts.model->cellText(*entry, c);
            rows << cells;
        }
    }
    if (rows.isEmpty())
        return {};
    QString out;
    if (format == CopyFormat::Tsv) {
        auto line = [](const QStringList &cells) -> QString {
            QStringList escaped;
            for (const QString &c : cells)
                escaped << tsvCell(c);
            return escaped.join(u'\t') + u'\n';
        };
        out += line(header);
        for (const QStringList &r : std::as_const(rows))
            out += line(r);
    } else {
        auto line = [](const QStringList &cells) -> QString {
            QStringList escaped;
            for (const QString &c : cells)
                escaped << TextReport::markdownCell(c);
            return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        };
        out += line(header);
        QStringList rule;
        for (qsizetype i = 0; i < header.size(); ++i)
            rule << QStringLiteral("---");
        out += QStringLiteral("| ") + rule.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        for (const QStringList &r : std::as_const(rows))
            out += line(r);
    }
    return out;
}

QString RulesPage::hostNamesText() const
{
    const TabParts &parts = m_parts.at(std::max(0, m_tabs->currentIndex()));
    const QItemSelectionModel *selection = parts.view->selectionModel();
    const bool selected = !selection->selectedRows().isEmpty();
    QStringList hosts;
    for (int g = 0; g < parts.filter->rowCount(); ++g) {
        const QModelIndex group = parts.filter->index(g, 0);
        for (int r = 0; r < parts.filter->rowCount(group); ++r) {
            if (selected && !selection->isRowSelected(r, group))
                continue;
            const RuleTreeModel::Entry *entry
                = parts.model->entry(parts.filter->mapToSource(parts.filter->index(r, 0, group)));
            if (!entry)
                continue;
            const QString host = parts.model->cellText(*entry, RuleTreeModel::DestinationColumn);
            if (!host.isEmpty() && !hosts.contains(host))
                hosts << host;
        }
    }
    return hosts.isEmpty() ? QString() : hosts.join(u'\n') + u'\n';
}

QString RulesPage::shownTableText() const
{
    const TabParts &parts = m_parts.at(std::max(0, m_tabs->currentIndex()));
    const int columns = parts.model->columnCount();
    auto line = [](const QStringList &cells) -> QString {
        QStringList escaped;
        for (const QString &c : cells)
            escaped << tsvCell(c);
        return escaped.join(u'\t') + u'\n';
    };
    QStringList header;
    for (int c = 0; c < columns; ++c)
        header << parts.model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    QString out = line(header);
    for (int g = 0; g < parts.filter->rowCount(); ++g) {
        const QModelIndex group = parts.filter->index(g, 0);
        QStringList groupRow(columns);
        groupRow[0] = group.data().toString(); // with what it counts
        out += line(groupRow);
        for (int r = 0; r < parts.filter->rowCount(group); ++r) {
            const RuleTreeModel::Entry *entry
                = parts.model->entry(parts.filter->mapToSource(parts.filter->index(r, 0, group)));
            if (!entry)
                continue;
            QStringList cells;
            for (int c = 0; c < columns; ++c)
                cells << parts.model->cellText(*entry, c);
            out += line(cells);
        }
    }
    return parts.filter->rowCount() > 0 ? out : QString();
}

void RulesPage::copySelection(CopyFormat format)
{
    copyText(selectedRowsText(format));
}

void RulesPage::copyText(const QString &text)
{
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

bool RulesPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        for (int t = 0; t < TabCount; ++t) {
            if (m_parts.at(t).view->viewport() == watched
                && static_cast<QResizeEvent *>(event)->oldSize().width()
                       != static_cast<QResizeEvent *>(event)->size().width())
                fitColumns(Tab(t));
        }
    }
    return StatePage::eventFilter(watched, event);
}

void RulesPage::fitColumns(Tab tab)
{
    QTreeView *v = m_parts.at(tab).view;
    QHeaderView *header = v->header();
    const int available = v->viewport()->width();
    if (m_userSizedColumns.at(tab) || available <= 0 || header->count() == 0)
        return;
    const QScopedValueRollback<bool> fitting(m_fittingColumns, true);
    const int padding = 12;
    const QAbstractItemView *items = v; // QTreeView hides sizeHintForColumn()
    auto content = [&](int c) {
        return items->sizeHintForColumn(c) + padding;
    };
    // Each column but Purpose gets what its content and header need, or, when the window is too
    // narrow for that, shrinks towards a floor, in proportion to what it can give; Purpose (a
    // sentence, elided, whole in the details pane) takes the rest.
    QList<int> columns{RuleTreeModel::DestinationColumn, RuleTreeModel::ProtocolColumn, RuleTreeModel::PortsColumn,
                       RuleTreeModel::RequiredForColumn, RuleTreeModel::IdColumn};
    if (header->count() > RuleTreeModel::ChangeColumn)
        columns << RuleTreeModel::ChangeColumn;
    QList<int> widths;
    QList<int> floors;
    int wanted = 0;
    int slack = 0;
    for (int c : std::as_const(columns)) {
        int full = std::max(content(c), header->sectionSizeHint(c) + padding);
        int floor = content(c); // protocol and ports: whole, the header may elide
        switch (c) {
        case RuleTreeModel::DestinationColumn: // a long URL elides; its tooltip and the details show it
            full = std::min(full, available / 3);
            floor = std::min(full, std::max(150, available / 6));
            break;
        case RuleTreeModel::RequiredForColumn: // a list of features: the details pane has it whole
            full = std::min(full, available / 6);
            floor = std::min(full, 90);
            break;
        case RuleTreeModel::ChangeColumn:
            full = std::min(full, available / 4);
            floor = std::min(full, 90);
            break;
        case RuleTreeModel::IdColumn:
            floor = std::min(full, 80);
            break;
        default:
            floor = std::min(full, floor);
            break;
        }
        widths << full;
        floors << floor;
        wanted += full;
        slack += full - floor;
    }
    const int purposeFloor = std::min(content(RuleTreeModel::PurposeColumn), std::max(140, available / 6));
    const int excess = wanted + purposeFloor - available;
    if (excess > 0 && slack > 0) {
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const int give = widths.at(i) - floors.at(i);
            widths[i] -= int(std::min<qint64>(give, (qint64(excess) * give + slack - 1) / slack));
        }
    }
    for (qsizetype i = 0; i < columns.size(); ++i) {
        header->setSectionResizeMode(columns.at(i), QHeaderView::Interactive);
        header->resizeSection(columns.at(i), widths.at(i));
    }
    header->setSectionResizeMode(RuleTreeModel::PurposeColumn, QHeaderView::Stretch);
}

void RulesPage::showContextMenu(QTreeView *view, const QPoint &pos)
{
    const bool hasSelection = view->selectionModel()->hasSelection();
    m_copyTsv->setEnabled(hasSelection);
    m_copyMarkdown->setEnabled(hasSelection);
    QMenu menu(this);
    menu.addAction(m_copyTsv);
    menu.addAction(m_copyMarkdown);
    menu.addSeparator();
    menu.addAction(m_copyHostNames);
    menu.addAction(m_copyTable);
    menu.addSeparator();
    menu.addAction(m_selectAll);
    menu.exec(view->viewport()->mapToGlobal(pos));
    m_copyTsv->setEnabled(true);
    m_copyMarkdown->setEnabled(true);
}

} // namespace amlfw
