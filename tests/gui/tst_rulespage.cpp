// The rules page: tabs and their counts, filter, sorting, note icons, details, totals and copying.

#include "azurefirewall.h"
#include "groupedfiltermodel.h"
#include "messagebanner.h"
#include "ruledetails.h"
#include "rulelabels.h"
#include "rulespage.h"
#include "ruletreemodel.h"
#include "textreport.h"
#include "wizardstate.h"
#include "wizardtesthelpers.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QStyleOptionTab>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QtTest>

using namespace amlfw;
using namespace amlfw::test;

namespace {

int partsOfTypes(const RuleSet &set, const QList<FirewallRuleType> &types)
{
    int count = 0;
    for (const FirewallGroup &g : firewallGroups(set)) {
        if (types.contains(g.type))
            count += int(g.entries.size());
    }
    return count;
}

QModelIndex findRow(QTreeView *view, const QString &ruleId)
{
    const QAbstractItemModel *m = view->model();
    const QModelIndexList hits
        = m->match(m->index(0, 0), RuleTreeModel::RuleIdRole, ruleId, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return hits.value(0);
}

} // namespace

class TestRulesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        applyLanguage(Language::English);
        m_state = std::make_unique<WizardState>(m_catalog);
        Answers a;
        a.cloud = QStringLiteral("public");
        a.region = QStringLiteral("japaneast");
        a.storage = QStringLiteral("mystore");
        a.features = m_catalog.featureIds();
        m_state->setAnswers(a);
        m_page = std::make_unique<RulesPage>(m_state.get());
        m_page->resize(900, 600);
        m_page->show();
        m_page->initializePage();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_state.reset();
    }

    void tabsCountTheRules()
    {
        const RuleSet &set = m_state->ruleSet();
        QCOMPARE(m_page->model(RulesPage::InboundTab)->itemCount(),
                 partsOfTypes(set, {FirewallRuleType::InboundNsg, FirewallRuleType::Route}));
        QCOMPARE(m_page->model(RulesPage::NetworkTab)->itemCount(),
                 partsOfTypes(set, {FirewallRuleType::NetworkServiceTag, FirewallRuleType::NetworkFqdn}));
        QCOMPARE(m_page->model(RulesPage::ApplicationTab)->itemCount(),
                 partsOfTypes(set, {FirewallRuleType::Application}));
        QCOMPARE(m_page->model(RulesPage::UnsupportedTab)->itemCount(),
                 partsOfTypes(set, {FirewallRuleType::Unsupported}));
        int hosts = 0;
        const QStringList tables = set.tablesInView(QStringLiteral("other-firewalls"));
        for (const QString &t : tables)
            hosts += int(set.rulesInTable(t).size());
        QCOMPARE(m_page->model(RulesPage::HostsTab)->itemCount(), hosts);
        QCOMPARE(m_page->model(RulesPage::HostsTab)->rowCount(), tables.size());
        const QModelIndex firstTable = m_page->model(RulesPage::HostsTab)->index(0, 0);
        QCOMPARE(firstTable.data(Qt::ToolTipRole).toString(),
                 RuleLabels::tableTitle(set, tables.first(), Language::English));
        QCOMPARE(
            firstTable.data().toString(),
            QStringLiteral("Microsoft hosts › General Azure hosts (%1)").arg(set.rulesInTable(tables.first()).size()));
        // A table named like its section is not named twice.
        QStringList groups;
        for (int g = 0; g < m_page->model(RulesPage::HostsTab)->rowCount(); ++g)
            groups << m_page->model(RulesPage::HostsTab)->index(g, 0).data().toString();
        QVERIFY2(groups.contains(
                     QStringLiteral("Python hosts (%1)").arg(set.rulesInTable(QStringLiteral("python-hosts")).size())),
                 qPrintable(groups.join(u'\n')));
        QCOMPARE(find::tabs(m_page.get())->tabText(RulesPage::ApplicationTab),
                 QStringLiteral("A&pplication (%1)").arg(partsOfTypes(set, {FirewallRuleType::Application})));
        QVERIFY(find::tabs(m_page.get())->isTabVisible(RulesPage::UnsupportedTab)); // every feature: there is one

        // Fewer features: nothing unexpressible, and that tab goes away.
        m_state->setFeatures({QStringLiteral("compute-instance")});
        QCOMPARE(m_page->model(RulesPage::UnsupportedTab)->itemCount(), 0);
        QVERIFY(!find::tabs(m_page.get())->isTabVisible(RulesPage::UnsupportedTab));
        const RuleSummary s = m_state->ruleSet().summary();
        QVERIFY2(find::totalsLabel(m_page.get())
                     ->text()
                     .startsWith(QStringLiteral("%1 rules: %2 inbound").arg(s.total).arg(s.inbound)),
                 qPrintable(find::totalsLabel(m_page.get())->text()));
    }

    void filterAcrossTabs()
    {
        QSignalSpy spy(m_page->filterModel(RulesPage::HostsTab), &QAbstractItemModel::layoutChanged);
        QTest::keyClicks(find::filterField(m_page.get()), QStringLiteral("blob core"));
        int shown = 0;
        for (int t = 0; t < RulesPage::TabCount; ++t) {
            GroupedFilterModel *filter = m_page->filterModel(RulesPage::Tab(t));
            shown += filter->matchingItems();
            for (int g = 0; g < filter->rowCount(); ++g) {
                const QModelIndex group = filter->index(g, 0);
                for (int r = 0; r < filter->rowCount(group); ++r) {
                    const QString text = filter->index(r, 0, group).data(RuleTreeModel::SearchTextRole).toString()
                                         + group.data(RuleTreeModel::SearchTextRole).toString();
                    QVERIFY(text.contains(QStringLiteral("blob")) && text.contains(QStringLiteral("core")));
                }
            }
        }
        QVERIFY(shown > 0);
        QVERIFY(m_page->filterModel(RulesPage::ApplicationTab)->matchingItems()
                < m_page->filterModel(RulesPage::ApplicationTab)->totalItems());
        QCOMPARE(
            find::tabs(m_page.get())->tabText(RulesPage::ApplicationTab),
            QStringLiteral("A&pplication (%1)").arg(m_page->filterModel(RulesPage::ApplicationTab)->matchingItems()));
        QVERIFY(find::tabs(m_page.get())
                    ->tabToolTip(RulesPage::ApplicationTab)
                    .contains(QStringLiteral(" match the filter")));
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("rulesMatches"))->text().contains(QStringLiteral(" of ")));

        // Japanese purposes can be searched too, once the page speaks Japanese.
        find::filterField(m_page.get())->setText(QStringLiteral("nothing-matches-this"));
        QCOMPARE(m_page->filterModel(RulesPage::ApplicationTab)->matchingItems(), 0);
        find::filterField(m_page.get())->clear();
        QCOMPARE(m_page->filterModel(RulesPage::ApplicationTab)->matchingItems(),
                 m_page->filterModel(RulesPage::ApplicationTab)->totalItems());
    }

    void sortsWithinGroups()
    {
        QTreeView *view = find::view(m_page.get(), RulesPage::NetworkTab);
        const QAbstractItemModel *m = view->model();
        const QString firstGroup = m->index(0, 0).data().toString();
        view->sortByColumn(RuleTreeModel::DestinationColumn, Qt::DescendingOrder);
        QCOMPARE(m->index(0, 0).data().toString(), firstGroup); // groups keep their order
        const QModelIndex group = m->index(0, 0);
        QStringList shown;
        for (int r = 0; r < m->rowCount(group); ++r)
            shown << m->index(r, RuleTreeModel::DestinationColumn, group).data().toString();
        QStringList sorted = shown;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
            return QString::localeAwareCompare(a.toLower(), b.toLower()) > 0;
        });
        QCOMPARE(shown, sorted);
        view->sortByColumn(-1, Qt::AscendingOrder); // back to the article's order
        const RuleSet &set = m_state->ruleSet();
        QCOMPARE(m->index(0, RuleTreeModel::IdColumn, group).data().toString(),
                 firewallGroups(set).at(2).entries.first().first->id);
    }

    void notesAreMarkedAndDetailed()
    {
        const RuleSet &set = m_state->ruleSet();
        // A rule whose article text amlfw corrects carries a warning note (known issue).
        const Rule *acr = nullptr;
        for (const Rule &r : set.rules) {
            if (r.destination == u"AzureContainerRegistry.japaneast")
                acr = &r;
        }
        QVERIFY(acr);
        QVERIFY(!acr->articleDestination.isEmpty());
        QTreeView *view = find::view(m_page.get(), RulesPage::NetworkTab);
        find::tabs(m_page.get())->setCurrentIndex(RulesPage::NetworkTab);
        const QModelIndex row = findRow(view, acr->id);
        QVERIFY(row.isValid());
        QCOMPARE(row.data(RuleTreeModel::NoteLevelRole).toInt(), 2);
        QVERIFY(!row.data(Qt::DecorationRole).value<QIcon>().isNull());
        const QString tooltip = row.data(Qt::ToolTipRole).toString();
        QVERIFY2(tooltip.contains(acr->notes.first().text.en), qPrintable(tooltip));

        // Always-needed rules without notes carry no icon.
        const QModelIndex plain = findRow(view, QStringLiteral("internet-out-arm"));
        QVERIFY(plain.isValid());
        QCOMPARE(plain.data(RuleTreeModel::NoteLevelRole).toInt(), 0);
        QVERIFY(plain.data(Qt::DecorationRole).isNull());

        view->setCurrentIndex(row);
        const QString details = find::details(m_page.get())->toPlainText();
        QVERIFY2(details.contains(acr->articleDestination), qPrintable(details));
        QVERIFY(details.contains(acr->sources.first().purpose.en));
        QVERIFY(details.contains(RuleLabels::tableTitle(set, acr->sources.first().table, Language::English)));
        QVERIFY(details.contains(acr->notes.first().text.en));
        QVERIFY(details.contains(AzureFirewall::partLabel(acr->firewall.first())));
        const Section *section = set.catalog.section(acr->sources.first().section);
        QVERIFY(find::details(m_page.get())->toHtml().contains(set.catalog.sourceUrl + u'#' + section->anchor));

        // The scenario link clears the selection and shows the scenario's notes.
        QLabel *scenario = m_page->findChild<QLabel *>(QStringLiteral("rulesScenario"));
        QVERIFY(scenario->text().contains(QStringLiteral("About this scenario")));
        Q_EMIT scenario->linkActivated(QStringLiteral("#scenario"));
        QVERIFY(find::details(m_page.get())->toPlainText().contains(set.scenarioNotes.first().text.en));
    }

    void warningsOfTheScenario()
    {
        QVERIFY(!find::banner(m_page.get())->isVisible());
        m_state->setRegion(QStringLiteral("francesouth"));
        QVERIFY(find::banner(m_page.get())->isVisible());
        QCOMPARE(find::banner(m_page.get())->kind(), MessageBanner::Kind::Warning);
        QCOMPARE(find::banner(m_page.get())->text(), m_state->ruleSet().problems.first().message());
    }

    void copiesTsvAndMarkdown()
    {
        QTreeView *view = find::view(m_page.get(), RulesPage::ApplicationTab);
        find::tabs(m_page.get())->setCurrentIndex(RulesPage::ApplicationTab);
        view->setFocus();
        QVERIFY(m_page->selectedRowsText(RulesPage::CopyFormat::Tsv).isEmpty());
        const QModelIndex group = view->model()->index(0, 0);
        view->selectionModel()->select(view->model()->index(0, 0, group),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view->selectionModel()->select(view->model()->index(2, 0, group),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);

        QApplication::clipboard()->clear();
        QTest::keySequence(view, QKeySequence::Copy);
        const QString tsv = QApplication::clipboard()->text();
        const QStringList lines = tsv.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.first(), QStringLiteral("Destination\tProtocol\tPorts\tRequired for\tPurpose\tRule ID"));
        QCOMPARE(lines.at(1).split(u'\t').size(), 6);
        QCOMPARE(lines.at(1).split(u'\t').first(), view->model()->index(0, 0, group).data().toString());
        QCOMPARE(lines.at(2).split(u'\t').last(),
                 view->model()->index(2, RuleTreeModel::IdColumn, group).data().toString());

        QTest::keySequence(view, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        const QString md = QApplication::clipboard()->text();
        const QStringList mdLines = md.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(mdLines.size(), 4);
        QVERIFY(mdLines.first().startsWith(QStringLiteral("| Destination | Protocol |")));
        QCOMPARE(mdLines.at(1), QStringLiteral("| --- | --- | --- | --- | --- | --- |"));
        // Wildcards are escaped so Markdown shows them as they are.
        QVERIFY(!md.contains(QStringLiteral("| *.")));

        // The context menu offers the same actions.
        QVERIFY(view->actions().contains(find::copyTsvAction(m_page.get())));
        QVERIFY(view->actions().contains(find::copyMarkdownAction(m_page.get())));
        QCOMPARE(view->contextMenuPolicy(), Qt::CustomContextMenu);
    }

    void keepsSelectionWhenRegenerated()
    {
        QTreeView *view = find::view(m_page.get(), RulesPage::NetworkTab);
        find::tabs(m_page.get())->setCurrentIndex(RulesPage::NetworkTab);
        view->setCurrentIndex(findRow(view, QStringLiteral("internet-out-arm")));
        m_state->setStorage(QStringLiteral("otherstore"));
        QCOMPARE(view->currentIndex().data(RuleTreeModel::RuleIdRole).toString(), QStringLiteral("internet-out-arm"));
        QVERIFY(find::details(m_page.get())->toPlainText().contains(QStringLiteral("AzureResourceManager")));
    }

    void speaksJapanese()
    {
        m_state->setLanguage(Language::Japanese);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        QCOMPARE(m_page->model(RulesPage::NetworkTab)
                     ->headerData(RuleTreeModel::PurposeColumn, Qt::Horizontal, Qt::DisplayRole)
                     .toString(),
                 QStringLiteral("目的"));
        QVERIFY(
            find::tabs(m_page.get())->tabText(RulesPage::NetworkTab).startsWith(QStringLiteral("ネットワーク(&W)")));
        QTreeView *view = find::view(m_page.get(), RulesPage::NetworkTab);
        const QModelIndex arm = findRow(view, QStringLiteral("internet-out-arm"));
        const Rule *rule = m_state->ruleSet().rule(QStringLiteral("internet-out-arm"));
        QCOMPARE(arm.siblingAtColumn(RuleTreeModel::PurposeColumn).data().toString(),
                 RuleLabels::purpose(*rule, Language::Japanese));
        QVERIFY(m_page->title().contains(QStringLiteral("規則")));
        // Filtering works on what is shown: the Japanese purpose.
        find::filterField(m_page.get())->setText(QStringLiteral("リソース"));
        QVERIFY(m_page->filterModel(RulesPage::NetworkTab)->matchingItems() >= 1);
        applyLanguage(Language::English);
    }

    // A new user walks to the rules page by keyboard, as a person does: it opens on the first tab.
    void firstVisitOpensOnFirstTab_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<bool>("builtInEditions");
        QTest::newRow("en") << int(Language::English) << false;
        QTest::newRow("ja") << int(Language::Japanese) << false;
        QTest::newRow("en, built-in editions") << int(Language::English) << true;
        QTest::newRow("ja, built-in editions") << int(Language::Japanese) << true;
    }
    void firstVisitOpensOnFirstTab()
    {
        QFETCH(int, language);
        QFETCH(bool, builtInEditions);
        QList<Catalog> catalogs;
        if (builtInEditions) {
            for (const QString &edition : Catalog::builtInEditions())
                catalogs << Catalog::builtIn(edition);
        }
        WizardFixture f(catalogs, Language(language));
        processLanguageChange();
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        auto enter = [w](int to) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            QTRY_COMPARE(w->currentId(), to);
        };
        enter(FirewallWizard::CloudPageId);
        enter(FirewallWizard::RegionPageId);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("japaneast"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        enter(FirewallWizard::StoragePageId);
        // A slip corrected: "my-store" is no storage account name, "mystore" is.
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("mystore-"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
        QCOMPARE(f.state->answers().storage, QStringLiteral("mystore"));
        enter(FirewallWizard::FeaturesPageId);
        enter(FirewallWizard::RulesPageId);
        // The first tab with rules: the inbound one, unless the scenario has no inbound rules.
        QTabWidget *tabs = find::tabs(w->rulesPage());
        int first = 0;
        while (first < tabs->count() && !(tabs->isTabEnabled(first) && tabs->isTabVisible(first)))
            ++first;
        QVERIFY(first < int(RulesPage::HostsTab));
        QCOMPARE(tabs->currentIndex(), first);
    }

    // The details pane shows a row the filter shows: the selected one while it matches, else the
    // first one shown, else a hint; never a row the filter hid.
    void detailsFollowTheFilter()
    {
        QTabWidget *tabs = find::tabs(m_page.get());
        tabs->setCurrentIndex(RulesPage::NetworkTab);
        QTreeView *view = find::view(m_page.get(), RulesPage::NetworkTab);
        const QModelIndex acr = findRow(view, QStringLiteral("internet-out-acr"));
        QVERIFY(acr.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(acr).center());
        QCOMPARE(view->currentIndex().data(RuleTreeModel::RuleIdRole).toString(), QStringLiteral("internet-out-acr"));
        QCOMPARE(find::details(m_page.get())->toPlainText(), detailsText(RulesPage::NetworkTab, acr));

        // A filter that keeps only the other group's first rule (by its destination) hides it.
        const QAbstractItemModel *m = view->model();
        QVERIFY(m->rowCount() >= 2);
        QVERIFY(acr.parent().row() == 0);
        const QString other = m->index(0, RuleTreeModel::DestinationColumn, m->index(1, 0)).data().toString();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), find::filterField(m_page.get()));
        QTest::keyClicks(QApplication::focusWidget(), other);
        QVERIFY(!findRow(view, QStringLiteral("internet-out-acr")).isValid());
        const QModelIndex firstShown = m->index(0, 0, m->index(0, 0));
        QVERIFY(firstShown.isValid());
        const QString shownPurpose = firstShown.siblingAtColumn(RuleTreeModel::PurposeColumn).data().toString();
        QCOMPARE(find::details(m_page.get())->toPlainText(), detailsText(RulesPage::NetworkTab, firstShown));

        // Another tab under the same filter shows its own first row, or says that nothing matches.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::AltModifier); // A&pplication rules
        QTRY_COMPARE(tabs->currentIndex(), int(RulesPage::ApplicationTab));
        const QAbstractItemModel *app = find::view(m_page.get(), RulesPage::ApplicationTab)->model();
        const QString appText = find::details(m_page.get())->toPlainText();
        if (app->rowCount() > 0)
            QCOMPARE(appText, detailsText(RulesPage::ApplicationTab, app->index(0, 0, app->index(0, 0))));
        else
            QVERIFY2(appText.contains(QStringLiteral("No rule in this tab matches")), qPrintable(appText));

        // Nothing matches: no rule, a hint.
        find::filterField(m_page.get())->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral(" nothing-matches-this"));
        const QString none = find::details(m_page.get())->toPlainText();
        QVERIFY2(none.contains(QStringLiteral("No rule in this tab matches")), qPrintable(none));
        QVERIFY(!shownPurpose.isEmpty() && !none.contains(shownPurpose));
        QVERIFY(!none.contains(QStringLiteral("AzureContainerRegistry")));
    }

    // Group headers count what is shown: "Title (3 of 12)" under a filter, "Title (12)" without.
    void groupHeadersCountWhatIsShown()
    {
        GroupedFilterModel *filter = m_page->filterModel(RulesPage::ApplicationTab);
        const QAbstractItemModel *source = m_page->model(RulesPage::ApplicationTab);
        const QString title = source->index(0, 0).data(RuleTreeModel::GroupTitleRole).toString();
        QVERIFY(!title.isEmpty());
        QCOMPARE(filter->index(0, 0).data().toString(),
                 QStringLiteral("%1 (%2)").arg(title).arg(source->rowCount(source->index(0, 0))));
        find::filterField(m_page.get())->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("blob"));
        QVERIFY(filter->rowCount() > 0);
        for (int g = 0; g < filter->rowCount(); ++g) {
            const QModelIndex group = filter->index(g, 0);
            const QModelIndex sourceGroup = filter->mapToSource(group);
            QCOMPARE(group.data().toString(), QStringLiteral("%1 (%2 of %3)")
                                                  .arg(sourceGroup.data(RuleTreeModel::GroupTitleRole).toString())
                                                  .arg(filter->rowCount(group))
                                                  .arg(source->rowCount(sourceGroup)));
        }
        QVERIFY(filter->rowCount(filter->index(0, 0)) < source->rowCount(filter->mapToSource(filter->index(0, 0))));
        m_state->setLanguage(Language::Japanese);
        processLanguageChange();
        const QString ja = filter->index(0, 0).data().toString();
        QVERIFY2(ja.contains(QStringLiteral("件中")), qPrintable(ja));
        applyLanguage(Language::English);
    }

    // Copying for a change request: host names (of the selected rows, else of all shown rows), the
    // shown table as TSV with its group headers, and several selected rows with Ctrl+C.
    void copiesForAChangeRequest()
    {
        QTabWidget *tabs = find::tabs(m_page.get());
        tabs->setCurrentIndex(RulesPage::ApplicationTab);
        QTreeView *view = find::view(m_page.get(), RulesPage::ApplicationTab);
        const QAbstractItemModel *m = view->model();
        find::filterField(m_page.get())->setFocus();

        // Nothing selected: every shown destination, once, in the order shown.
        QStringList shown;
        for (int g = 0; g < m->rowCount(); ++g) {
            for (int r = 0; r < m->rowCount(m->index(g, 0)); ++r) {
                const QString host = m->index(r, RuleTreeModel::DestinationColumn, m->index(g, 0)).data().toString();
                if (!shown.contains(host))
                    shown << host;
            }
        }
        QVERIFY(shown.size() > 3);
        QApplication::clipboard()->clear();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_H, Qt::AltModifier);
        QTRY_COMPARE(QApplication::clipboard()->text(), shown.join(u'\n') + u'\n');

        // The shown table as TSV: the header line, then each group's header and its rows.
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("blob"));
        QApplication::clipboard()->clear();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_T, Qt::AltModifier);
        QTRY_VERIFY(!QApplication::clipboard()->text().isEmpty());
        const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("Destination\tProtocol\tPorts\tRequired for\tPurpose\tRule ID"));
        QStringList expected{lines.first()};
        for (int g = 0; g < m->rowCount(); ++g) {
            const QModelIndex group = m->index(g, 0);
            expected << group.data().toString() + QStringLiteral("\t\t\t\t\t");
            for (int r = 0; r < m->rowCount(group); ++r) {
                QStringList cells;
                for (int c = 0; c < RuleTreeModel::ChangeColumn; ++c)
                    cells << m->index(r, c, group).data().toString();
                expected << cells.join(u'\t');
            }
        }
        QCOMPARE(lines, expected);
        QVERIFY(lines.size() < shown.size() + 2);

        // Three rows selected by keyboard: Ctrl+C copies all three; Alt+H their host names.
        find::filterField(m_page.get())->clear();
        const QModelIndex first = m->index(0, 0, m->index(0, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        QCOMPARE(QApplication::focusWidget(), view);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 3);
        QApplication::clipboard()->clear();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::ControlModifier);
        const QStringList copied = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(copied.size(), 4);
        for (int r = 0; r < 3; ++r)
            QCOMPARE(copied.at(r + 1).section(u'\t', 0, 0), m->index(r, 0, m->index(0, 0)).data().toString());
        QApplication::clipboard()->clear();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_H, Qt::AltModifier);
        QStringList three;
        for (int r = 0; r < 3; ++r) {
            const QString host = m->index(r, 0, m->index(0, 0)).data().toString();
            if (!three.contains(host))
                three << host;
        }
        QTRY_COMPARE(QApplication::clipboard()->text(), three.join(u'\n') + u'\n');
    }

    // The rules tabs never scroll at 1024x700, in either language, filtering, with the other
    // edition's tab shown; the columns fit their content and the window, Purpose takes the rest.
    void tabsAndColumnsFit_data()
    {
        QTest::addColumn<int>("language");
        QTest::newRow("en") << int(Language::English);
        QTest::newRow("ja") << int(Language::Japanese);
    }
    void tabsAndColumnsFit()
    {
        QFETCH(int, language);
        const QFont font = QApplication::font();
        QFont screenshotFont(QStringLiteral("Noto Sans CJK JP")); // as tst_screenshots draws
        screenshotFont.setPointSize(9);
        QApplication::setFont(screenshotFont);
        auto restoreFont = qScopeGuard([font] { QApplication::setFont(font); });
        QList<Catalog> catalogs;
        for (const QString &edition : Catalog::builtInEditions())
            catalogs << Catalog::builtIn(edition);
        WizardFixture f(catalogs, Language(language));
        processLanguageChange();
        FirewallWizard *w = f.wizard.get();
        w->resize(1024, 700);
        QVERIFY(QTest::qWaitForWindowActive(w));
        Answers a = f.state->answers();
        a.region = QStringLiteral("japaneast");
        a.storage = QStringLiteral("mlwsdemo4711");
        a.features = f.state->catalog().featureIds();
        f.state->setAnswers(a);
        w->advanceToRules();
        QCOMPARE(w->currentId(), int(FirewallWizard::RulesPageId));
        RulesPage *page = w->rulesPage();
        QTabBar *bar = find::tabs(page)->tabBar();
        auto fits = [bar](const char *when) -> QString {
            QCoreApplication::processEvents();
            // Each label whole in the room the style gives it (the tab bar elides what does not fit).
            QStringList cut;
            for (int t = 0; t < bar->count(); ++t) {
                if (!bar->isTabVisible(t))
                    continue;
                QStyleOptionTab option;
                option.initFrom(bar);
                option.shape = bar->shape();
                option.rect = bar->tabRect(t);
                option.text = bar->tabText(t);
                const int room = bar->style()->subElementRect(QStyle::SE_TabBarTabText, &option, bar).width();
                if (bar->fontMetrics().size(Qt::TextShowMnemonic, option.text).width() > room)
                    cut << option.text;
            }
            if (!cut.isEmpty())
                return QStringLiteral("%1: cut: %2").arg(QString::fromLatin1(when), cut.join(QStringLiteral(" | ")));
            if (bar->sizeHint().width() <= bar->width())
                return {};
            QStringList texts;
            for (int t = 0; t < bar->count(); ++t) {
                if (bar->isTabVisible(t))
                    texts << bar->tabText(t);
            }
            return QStringLiteral("%1: tab bar wants %2 px, has %3: %4")
                .arg(QString::fromLatin1(when))
                .arg(bar->sizeHint().width())
                .arg(bar->width())
                .arg(texts.join(QStringLiteral(" | ")));
        };
        QCOMPARE(fits("shown"), QString());
        find::filterField(page)->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("a"));
        QCOMPARE(fits("filtering"), QString());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_G, Qt::AltModifier); // Show chan&ges
        QTRY_VERIFY(bar->isTabVisible(RulesPage::OtherEditionTab));
        QCOMPARE(fits("changes shown, filtering"), QString());
        QVERIFY2(bar->tabToolTip(RulesPage::OtherEditionTab).contains(QStringLiteral("2021-11"))
                     && bar->tabText(RulesPage::OtherEditionTab).contains(u'&'),
                 qPrintable(bar->tabToolTip(RulesPage::OtherEditionTab)));

        // Columns at 1024 px: everything but Purpose as wide as its content, nothing to scroll sideways.
        auto checkColumns = [page](int minimumPurpose) -> QString {
            QCoreApplication::processEvents();
            for (int t : {int(RulesPage::NetworkTab), int(RulesPage::ApplicationTab)}) {
                const QAbstractItemView *v = find::view(page, RulesPage::Tab(t));
                find::tabs(page)->setCurrentIndex(t);
                QCoreApplication::processEvents();
                QHeaderView *h = find::view(page, RulesPage::Tab(t))->header();
                if (h->length() > v->viewport()->width())
                    return QStringLiteral("tab %1: columns %2 px in %3")
                        .arg(t)
                        .arg(h->length())
                        .arg(v->viewport()->width());
                // Large: the rule ID whole, and the destination unless it is a long URL; Purpose a fifth or more.
                const bool large = minimumPurpose < 0;
                const int purposeMinimum = large ? v->viewport()->width() / 5 : minimumPurpose;
                QList<int> whole{int(RuleTreeModel::ProtocolColumn), int(RuleTreeModel::PortsColumn)};
                if (large)
                    whole << int(RuleTreeModel::IdColumn);
                if (large && v->sizeHintForColumn(RuleTreeModel::DestinationColumn) < v->viewport()->width() / 3)
                    whole << int(RuleTreeModel::DestinationColumn);
                for (int c : std::as_const(whole)) {
                    if (h->sectionSize(c) < v->sizeHintForColumn(c))
                        return QStringLiteral("tab %1 column %2: %3 px for %4")
                            .arg(t)
                            .arg(c)
                            .arg(h->sectionSize(c))
                            .arg(v->sizeHintForColumn(c));
                }
                if (h->sectionSize(RuleTreeModel::PurposeColumn) < purposeMinimum) {
                    QStringList sizes;
                    for (int c = 0; c < h->count(); ++c)
                        sizes << QString::number(h->sectionSize(c)) + u'/' + QString::number(v->sizeHintForColumn(c));
                    return QStringLiteral("tab %1: Purpose %2 px of %3: %4")
                        .arg(t)
                        .arg(h->sectionSize(RuleTreeModel::PurposeColumn))
                        .arg(v->viewport()->width())
                        .arg(sizes.join(u' '));
                }
            }
            return {};
        };
        QCOMPARE(checkColumns(140), QString());
        // Pictures to look at: the application rules, filtered, a row selected, changes shown.
        const QString lang = Language(language) == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
        auto shoot = [&](const QString &size) {
            find::tabs(page)->setCurrentIndex(RulesPage::ApplicationTab);
            QTreeView *v = find::view(page, RulesPage::ApplicationTab);
            v->setCurrentIndex(v->model()->index(0, 0, v->model()->index(0, 0)));
            QCoreApplication::processEvents();
            QVERIFY(QDir().mkpath(QStringLiteral(AMLFW_SCREENSHOT_DIR)));
            QVERIFY(w->grab().save(QStringLiteral(AMLFW_SCREENSHOT_DIR "/rules-%1-%2.png").arg(size, lang)));
        };
        shoot(QStringLiteral("1024x700"));
        w->resize(1920, 1080);
        QCOMPARE(fits("1920x1080"), QString());
        find::filterField(page)->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_G, Qt::AltModifier); // changes off again
        QTRY_VERIFY(!bar->isTabVisible(RulesPage::OtherEditionTab));
        // On a large screen the destinations show whole and Purpose has most of the room.
        QCOMPARE(checkColumns(-1), QString());
        shoot(QStringLiteral("1920x1080"));
    }

private:
    QString detailsText(RulesPage::Tab tab, const QModelIndex &row) const
    {
        const GroupedFilterModel *filter = m_page->filterModel(tab);
        const RuleTreeModel::Entry *entry = m_page->model(tab)->entry(filter->mapToSource(row));
        if (!entry)
            return QStringLiteral("(no rule)");
        QTextBrowser browser;
        browser.setHtml(RuleDetails::ruleHtml(*m_page->model(tab)->ruleSet(), *entry->rule,
                                              entry->hasPart ? &entry->part : nullptr, Language::English));
        return browser.toPlainText();
    }

    const Catalog m_catalog = Catalog::builtIn(QStringLiteral("2021-11"));
    std::unique_ptr<WizardState> m_state;
    std::unique_ptr<RulesPage> m_page;
};

QTEST_MAIN(TestRulesPage)
#include "tst_rulespage.moc"
