#pragma once

#include "editionchanges.h"
#include "statepage.h"

#include <QList>
#include <memory>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace amlfw {

class GroupedFilterModel;
class MessageBanner;
class RuleTreeModel;
struct RuleSet;

// The rules the scenario needs: Azure Firewall's view in tabs (inbound and routes, network rules,
// application rules, what it cannot express) and the host tables for other firewalls; sortable,
// filterable, with a details pane, totals and copying as TSV or Markdown.
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

    // Compare with this catalog instead of the built-in other edition (tests).
    void setComparisonCatalog(const Catalog &catalog);

protected:
    void retranslateUi() override;

private:
    QTreeView *view(Tab tab) const;
    void rebuild();
    void updateChanges(); // the control's text, and the comparison when it is on
    void applyFilter();
    void updateTabTitles();
    void updateDetails();
    void copySelection(CopyFormat format);
    void showContextMenu(QTreeView *view, const QPoint &pos);
    void expandAndSpan(Tab tab);
    QString tabTitle(Tab tab) const;

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
    QAction *m_selectAll;
    QAction *m_find;
    bool m_showScenario = true;
};

} // namespace amlfw
