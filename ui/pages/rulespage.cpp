#include "rulespage.h"

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
#include <QRegularExpression>
#include <QSplitter>
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

} // namespace

RulesPage::RulesPage(WizardState *state, QWidget *parent)
    : StatePage(state, parent)
    , m_scenario(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_filterLabel(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_matches(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_details(new QTextBrowser(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_totals(new QLabel(this))
    , m_showChanges(new QCheckBox(this))
    , m_copyTsv(new QAction(this))
    , m_copyMarkdown(new QAction(this))
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
    m_details->setObjectName(QStringLiteral("rulesDetails"));
    m_details->setOpenExternalLinks(true);
    m_details->setMinimumHeight(80);
    m_totals->setObjectName(QStringLiteral("rulesTotals"));
    m_copyTsv->setObjectName(QStringLiteral("copyTsv"));
    m_copyMarkdown->setObjectName(QStringLiteral("copyMarkdown"));
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
        connect(parts.view, &QTreeView::customContextMenuRequested, this,
                [this, v = parts.view](const QPoint &pos) { showContextMenu(v, pos); });
        connect(parts.view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
            m_showScenario = false;
            updateDetails();
        });
        m_tabs->addTab(parts.view, QString());
        m_parts << parts;
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { updateDetails(); });

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
    setTabOrder(m_showChanges, m_tabs);
    setTabOrder(m_tabs, m_details);

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
    m_copyTsv->setText(tr("Copy as &TSV"));
    m_copyTsv->setToolTip(tr("Copy the selected rows as tab-separated values, for a spreadsheet."));
    m_copyMarkdown->setText(tr("Copy as &Markdown"));
    m_copyMarkdown->setToolTip(tr("Copy the selected rows as a Markdown table, for a ticket or a wiki."));
    m_selectAll->setText(tr("Select &all"));
    m_find->setText(tr("Find"));
    rebuild();
}

QString RulesPage::tabTitle(Tab tab) const
{
    switch (tab) {
    case InboundTab:
        return tr("&Inbound and routes");
    case NetworkTab:
        return tr("Net&work rules");
    case ApplicationTab:
        return tr("A&pplication rules");
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
        QTreeView *v = m_parts.at(t).view;
        QHeaderView *header = v->header();
        // Short columns fit their content; long texts get a useful width and the details pane.
        for (int c : {RuleTreeModel::DestinationColumn, RuleTreeModel::ProtocolColumn, RuleTreeModel::PortsColumn,
                      RuleTreeModel::IdColumn}) {
            v->resizeColumnToContents(c);
            header->resizeSection(c, std::min(header->sectionSize(c) + 16, 340));
        }
        header->resizeSection(RuleTreeModel::RequiredForColumn, 200);
        header->resizeSection(RuleTreeModel::PurposeColumn, 420);
        if (m_changesShown) {
            // The change beside the destination, where a reviewer reads first.
            header->moveSection(header->visualIndex(RuleTreeModel::ChangeColumn), 1);
            v->resizeColumnToContents(RuleTreeModel::ChangeColumn);
            header->resizeSection(RuleTreeModel::ChangeColumn,
                                  std::min(header->sectionSize(RuleTreeModel::ChangeColumn) + 16, 360));
        }
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
    for (int t = 0; t < TabCount; ++t) {
        m_parts.at(t).filter->setSearchText(m_filter->text());
        expandAndSpan(Tab(t));
        matching += m_parts.at(t).filter->matchingItems();
        total += m_parts.at(t).filter->totalItems();
    }
    m_matches->setText(m_filter->text().trimmed().isEmpty() ? QString()
                                                            : tr("%1 of %2 shown").arg(matching).arg(total));
    m_matches->setAccessibleName(m_matches->text());
    updateTabTitles();
}

void RulesPage::updateTabTitles()
{
    const bool filtering = !m_filter->text().trimmed().isEmpty();
    for (int t = 0; t < TabCount; ++t) {
        const GroupedFilterModel *filter = m_parts.at(t).filter;
        const int total = filter->totalItems();
        const QString count
            = filtering ? QStringLiteral("%1/%2").arg(filter->matchingItems()).arg(total) : QString::number(total);
        m_tabs->setTabText(t, tabTitle(Tab(t)) + QStringLiteral(" (") + count + u')');
        // Most scenarios have nothing Azure Firewall cannot express: that tab shows only when needed.
        // The other edition's tab shows while its changes are shown, even when empty ("(0)" says so).
        m_tabs->setTabVisible(t, t == OtherEditionTab ? m_changesShown : total > 0 || t != UnsupportedTab);
        m_tabs->setTabEnabled(t, total > 0);
        m_tabs->setTabToolTip(t, total > 0 ? QString() : tr("No rules of this kind in this scenario."));
    }
    if (!m_tabs->isTabEnabled(m_tabs->currentIndex()) || !m_tabs->isTabVisible(m_tabs->currentIndex())) {
        for (int t = 0; t < TabCount; ++t) {
            if (m_tabs->isTabEnabled(t) && m_tabs->isTabVisible(t)) {
                m_tabs->setCurrentIndex(t);
                break;
            }
        }
    }
}

void RulesPage::updateDetails()
{
    if (!m_set)
        return;
    const Tab tab = Tab(std::max(0, m_tabs->currentIndex()));
    const QModelIndex current = view(tab)->currentIndex();
    const RuleTreeModel::Entry *entry = nullptr;
    if (!m_showScenario && current.isValid())
        entry = m_parts.at(tab).model->entry(m_parts.at(tab).filter->mapToSource(current));
    // The other edition's tab holds rules of another rule set.
    const RuleSet *set = m_parts.at(tab).model->ruleSet();
    if (entry && entry->rule && set)
        m_details->setHtml(
            RuleDetails::ruleHtml(*set, *entry->rule, entry->hasPart ? &entry->part : nullptr, language()));
    else
        m_details->setHtml(RuleDetails::scenarioHtml(*m_set, language()));
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

void RulesPage::copySelection(CopyFormat format)
{
    const QString text = selectedRowsText(format);
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
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
    menu.addAction(m_selectAll);
    menu.exec(view->viewport()->mapToGlobal(pos));
    m_copyTsv->setEnabled(true);
    m_copyMarkdown->setEnabled(true);
}

} // namespace amlfw
