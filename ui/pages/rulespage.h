#pragma once

#include "editionchanges.h"
#include "ruletreemodel.h"
#include "statepage.h"

#include <QList>
#include <memory>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace amlfw {

class GroupedFilterModel;
class MessageBanner;
struct RuleSet;

// The rules the scenario needs: Azure Firewall's view in tabs (inbound and routes, network rules,
// application rules, what it cannot express) and the host tables for other firewalls; sortable,
// filterable, with a details pane that follows the filter, totals, and copying for a change request:
// host names, the shown table as TSV, selected rows as TSV or Markdown.
class RulesPage : public StatePage
{
    Q_OBJECT

public:
    // OtherEditionTab: the rules only the other edition has, while its changes are shown.
    enum Tab { InboundTab, NetworkTab, ApplicationTab, UnsupportedTab, HostsTab, OtherEditionTab, TabCount };
    enum class CopyFormat { Tsv, Markdown };

    explicit RulesPage(WizardState *state, QWidget *parent = nullptr);

    QString stepName() const override;
    void initializePage() override;
    bool isComplete() const override;

    RuleTreeModel *model(Tab tab) const;
    GroupedFilterModel *filterModel(Tab tab) const;

    // The selected rows of the current tab, with a header line, in the view's order.
    QString selectedRowsText(CopyFormat format) const;
    // The distinct destinations of the current tab's selected rows, or of all shown rows when none
    // is selected, one per line.
    QString hostNamesText() const;
    // The current tab as shown (filtered and sorted) as TSV: the header line, then each group's
    // header as a row of its own, followed by its rows.
    QString shownTableText() const;

    // Compare with this catalog instead of the built-in other edition (tests).
    void setComparisonCatalog(const Catalog &catalog);

protected:
    void retranslateUi() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTreeView *view(Tab tab) const;
    void rebuild();
    void updateChanges(); // the control's text, and the comparison when it is on
    void applyFilter();
    void updateTabTitles();
    void updateDetails();
    const RuleTreeModel::Entry *detailsEntry() const; // the row the details show; null: none
    QString currentRuleId() const;
    QModelIndex firstShownRow(Tab tab) const;
    void fitColumns(Tab tab);
    void copyText(const QString &text);
    void copySelection(CopyFormat format);
    void showContextMenu(QTreeView *view, const QPoint &pos);
    void expandAndSpan(Tab tab);
    QString tabTitle(Tab tab) const;
    QString tabToolTip(Tab tab) const;

    struct TabParts
    {
        RuleTreeModel *model = nullptr;
        GroupedFilterModel *filter = nullptr;
        QTreeView *view = nullptr;
    };
    QList<TabParts> m_parts;
    std::shared_ptr<const RuleSet> m_set;
    QLabel *m_scenario;
    MessageBanner *m_banner;
    QLabel *m_filterLabel;
    QLineEdit *m_filter;
    QLabel *m_matches;
    QTabWidget *m_tabs;
    QTextBrowser *m_details;
    QSplitter *m_splitter;
    QLabel *m_totals;
    QCheckBox *m_showChanges;
    EditionChanges m_changes;
    bool m_changesShown = false; // the control is on and the other edition could be compared
    QAction *m_copyTsv;
    QAction *m_copyMarkdown;
    QAction *m_copyHostNames;
    QAction *m_copyTable;
    QPushButton *m_copyHostNamesButton;
    QPushButton *m_copyTableButton;
    QAction *m_selectAll;
    QAction *m_find;
    bool m_showScenario = true;
    QString m_prefixesShownFor; // the rule whose address prefixes the details list
    // The tab the user chose (the first one until then): kept while the tabs come and go with the
    // rules, so that the tab bar's own moves while all tabs are disabled do not stick.
    int m_chosenTab = InboundTab;
    bool m_updatingTabs = false;
    bool m_fittingColumns = false;
    QList<bool> m_userSizedColumns; // per tab: the user resized a column, leave the widths alone
};

} // namespace amlfw
