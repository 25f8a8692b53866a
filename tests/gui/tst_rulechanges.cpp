// The rules page against the other edition of the article: the control (by its mnemonic), the text
// marks on the rows, the tab of the rules only the other edition has, in English and Japanese; and a
// screenshot of the built-in editions in both languages (screenshots/rules-changes-<lang>.png).

#include "editionfixture.h"
#include "groupedfiltermodel.h"
#include "rulespage.h"
#include "ruletreemodel.h"
#include "wizardstate.h"
#include "wizardtesthelpers.h"

#include <QCheckBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTreeView>
#include <QtTest>

using namespace amlfw;
using namespace amlfw::test;

namespace {

QCheckBox *changesBox(const RulesPage *page)
{
    return page->findChild<QCheckBox *>(QStringLiteral("showChanges"));
}

// The change mark of a rule in a tab, or a null string when the rule is not there.
QString markOf(RulesPage *page, RulesPage::Tab tab, const QString &ruleId)
{
    const QAbstractItemModel *m = page->filterModel(tab);
    const QModelIndexList hits
        = m->match(m->index(0, 0), RuleTreeModel::RuleIdRole, ruleId, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (hits.isEmpty())
        return {};
    const QString mark = hits.first().siblingAtColumn(RuleTreeModel::ChangeColumn).data().toString();
    return mark.isNull() ? QStringLiteral("") : mark;
}

Answers scenarioAnswers(const Catalog &catalog)
{
    Answers a;
    a.cloud = QStringLiteral("public");
    a.region = QStringLiteral("japaneast");
    a.storage = QStringLiteral("mystore");
    a.features = catalog.featureIds();
    return a;
}

// Alt+G, the way a keyboard sends it: to the widget that has the focus.
void pressMnemonic(QWidget *page)
{
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : page;
    QTest::keyClick(target, Qt::Key_G, Qt::AltModifier);
}

} // namespace

class TestRuleChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QDir().mkpath(QStringLiteral(AMLFW_SCREENSHOT_DIR)));
        QFont font(QStringLiteral("Noto Sans CJK JP"));
        font.setPointSize(9);
        QApplication::setFont(font);
    }

    void cleanup()
    {
        m_page.reset();
        m_state.reset();
        applyLanguage(Language::English);
    }

    // The newer edition shown: "New" and "Changed — ..." on its rows, the removed ones in their own tab.
    void newerEditionAgainstTheOlder_data()
    {
        QTest::addColumn<int>("language");
        QTest::newRow("en") << int(Language::English);
        QTest::newRow("ja") << int(Language::Japanese);
    }

    void newerEditionAgainstTheOlder()
    {
        QFETCH(int, language);
        const bool ja = Language(language) == Language::Japanese;
        show(newerEditionCatalog(), Catalog::builtIn(QStringLiteral("2021-11")), Language(language));
        QCheckBox *box = changesBox(m_page.get());
        QVERIFY(box);
        QVERIFY(box->isEnabled());
        QCOMPARE(box->text(),
                 ja ? QStringLiteral("2021-11 からの変更を表示(&G)") : QStringLiteral("Show chan&ges since 2021-11"));
        QCOMPARE(box->accessibleName(),
                 ja ? QStringLiteral("2021-11 からの変更を表示") : QStringLiteral("Show changes since 2021-11"));
        QVERIFY(!box->isChecked());
        QCOMPARE(m_page->model(RulesPage::NetworkTab)->columnCount(), int(RuleTreeModel::ChangeColumn));
        QVERIFY(!find::tabs(m_page.get())->isTabVisible(RulesPage::OtherEditionTab));

        pressMnemonic(m_page.get());
        QTRY_VERIFY(box->isChecked()); // mnemonics click with an animation
        RuleTreeModel *network = m_page->model(RulesPage::NetworkTab);
        QCOMPARE(network->columnCount(), int(RuleTreeModel::ColumnCount));
        QCOMPARE(network->headerData(RuleTreeModel::ChangeColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
                 ja ? QStringLiteral("変更点") : QStringLiteral("Change"));
        QCOMPARE(markOf(m_page.get(), RulesPage::NetworkTab, QStringLiteral("internet-out-aml")),
                 ja ? QStringLiteral("変更 — ポート: 443 → 443、8787、18881")
                    : QStringLiteral("Changed — ports: 443 → 443, 8787, 18881"));
        QCOMPARE(markOf(m_page.get(), RulesPage::NetworkTab, QStringLiteral("internet-out-aml-udp")),
                 ja ? QStringLiteral("新規") : QStringLiteral("New"));
        // Unchanged rules carry no mark.
        QCOMPARE(markOf(m_page.get(), RulesPage::NetworkTab, QStringLiteral("internet-out-arm")), QStringLiteral(""));
        // The change sits beside the destination.
        QCOMPARE(find::view(m_page.get(), RulesPage::NetworkTab)->header()->visualIndex(RuleTreeModel::ChangeColumn),
                 1);

        QTabWidget *tabs = find::tabs(m_page.get());
        QVERIFY(tabs->isTabVisible(RulesPage::OtherEditionTab));
        QCOMPARE(tabs->tabText(RulesPage::OtherEditionTab),
                 ja ? QStringLiteral("削除(&R) (1)") : QStringLiteral("&Removed (1)"));
        QVERIFY(tabs->tabToolTip(RulesPage::OtherEditionTab)
                    .startsWith(ja ? QStringLiteral("2021-11 以降に削除") : QStringLiteral("Removed since 2021-11")));
        QCOMPARE(markOf(m_page.get(), RulesPage::OtherEditionTab, QStringLiteral("internet-in-batch")),
                 ja ? QStringLiteral("削除") : QStringLiteral("Removed"));
        QVERIFY(m_page->model(RulesPage::OtherEditionTab)->ruleSet());
        QCOMPARE(m_page->model(RulesPage::OtherEditionTab)->ruleSet()->catalog.edition, QStringLiteral("2021-11"));
        QVERIFY2(find::totalsLabel(m_page.get())
                     ->text()
                     .contains(ja ? QStringLiteral("2021-11 以降: 新規 1、削除 1、変更 2。")
                                  : QStringLiteral("Since 2021-11: 1 new, 1 removed, 2 changed.")),
                 qPrintable(find::totalsLabel(m_page.get())->text()));
        // The filter finds the marks.
        find::filterField(m_page.get())->setText(ja ? QStringLiteral("新規") : QStringLiteral("new"));
        QVERIFY(m_page->filterModel(RulesPage::NetworkTab)->matchingItems() >= 1);
        find::filterField(m_page.get())->clear();

        tabs->setCurrentIndex(RulesPage::NetworkTab);

        // Off again: no column, no tab, no marks.
        box->setFocus();
        pressMnemonic(m_page.get());
        QTRY_VERIFY(!box->isChecked());
        QCOMPARE(network->columnCount(), int(RuleTreeModel::ChangeColumn));
        QVERIFY(!tabs->isTabVisible(RulesPage::OtherEditionTab));
        QVERIFY(!find::totalsLabel(m_page.get())->text().contains(QStringLiteral("2021-11")));
    }

    // The built-in editions, as a user of the wizard meets them: 2026-03 shown for a scenario with
    // compute, changes against 2021-11 by Alt+G; the picture for the README.
    void builtInEditions_data() { newerEditionAgainstTheOlder_data(); }

    void builtInEditions()
    {
        QFETCH(int, language);
        const bool ja = Language(language) == Language::Japanese;
        applyLanguage(Language(language));
        m_state = std::make_unique<WizardState>(
            QList<Catalog>{Catalog::builtIn(QStringLiteral("2021-11")), Catalog::builtIn(QStringLiteral("2026-03"))},
            QStringLiteral("2026-03"));
        m_state->setLanguage(Language(language));
        Answers a = scenarioAnswers(m_state->catalog());
        a.features = QStringList{QStringLiteral("compute-instance"), QStringLiteral("compute-cluster"),
                                 QStringLiteral("compute-public-ip"), QStringLiteral("private-endpoint"),
                                 QStringLiteral("python")};
        a.edition = QStringLiteral("2026-03");
        m_state->setAnswers(a);
        m_page = std::make_unique<RulesPage>(m_state.get());
        m_page->resize(1100, 680);
        m_page->show();
        m_page->initializePage();
        QApplication::setActiveWindow(m_page.get());
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        processLanguageChange();

        pressMnemonic(m_page.get());
        QTRY_VERIFY(changesBox(m_page.get())->isChecked());
        const QString isNew = ja ? QStringLiteral("新規") : QStringLiteral("New");
        QCOMPARE(markOf(m_page.get(), RulesPage::NetworkTab, QStringLiteral("basic-out-aml-udp")), isNew);
        QCOMPARE(markOf(m_page.get(), RulesPage::NetworkTab, QStringLiteral("basic-out-batch")), isNew);
        QVERIFY(markOf(m_page.get(), RulesPage::NetworkTab, QStringLiteral("basic-out-aml"))
                    .contains(QStringLiteral("443 → 443")));
        QCOMPARE(markOf(m_page.get(), RulesPage::OtherEditionTab, QStringLiteral("internet-in-batch")),
                 ja ? QStringLiteral("削除") : QStringLiteral("Removed"));
        QVERIFY(find::totalsLabel(m_page.get())->text().contains(ja ? QStringLiteral("2021-11 以降")
                                                                     : QStringLiteral("Since 2021-11")));
        find::tabs(m_page.get())->setCurrentIndex(RulesPage::NetworkTab);
        QCOMPARE(shoot(ja ? QStringLiteral("ja") : QStringLiteral("en")), QString());
    }

    // The 2021 edition shown: what the newer one changes, and what it adds in its own tab.
    void olderEditionAgainstTheNewer_data() { newerEditionAgainstTheOlder_data(); }

    void olderEditionAgainstTheNewer()
    {
        QFETCH(int, language);
        const bool ja = Language(language) == Language::Japanese;
        show(Catalog::builtIn(QStringLiteral("2021-11")), newerEditionCatalog(), Language(language));
        QCheckBox *box = changesBox(m_page.get());
        QCOMPARE(box->text(),
                 ja ? QStringLiteral("2026-03 との違いを表示(&G)") : QStringLiteral("Show chan&ges against 2026-03"));
        pressMnemonic(m_page.get());
        QTRY_VERIFY(box->isChecked()); // mnemonics click with an animation
        QCOMPARE(markOf(m_page.get(), RulesPage::NetworkTab, QStringLiteral("internet-out-aml")),
                 ja ? QStringLiteral("2026-03 で変更 — ポート: 443 → 443、8787、18881")
                    : QStringLiteral("Changed in 2026-03 — ports: 443 → 443, 8787, 18881"));
        QCOMPARE(markOf(m_page.get(), RulesPage::InboundTab, QStringLiteral("internet-in-batch")),
                 ja ? QStringLiteral("2026-03 にはありません") : QStringLiteral("Not in 2026-03"));
        QTabWidget *tabs = find::tabs(m_page.get());
        QCOMPARE(tabs->tabText(RulesPage::OtherEditionTab),
                 ja ? QStringLiteral("追加(&E) (1)") : QStringLiteral("N&ew (1)"));
        QVERIFY(tabs->tabToolTip(RulesPage::OtherEditionTab)
                    .startsWith(ja ? QStringLiteral("2026-03 で追加") : QStringLiteral("New in 2026-03")));
        QCOMPARE(markOf(m_page.get(), RulesPage::OtherEditionTab, QStringLiteral("internet-out-aml-udp")),
                 ja ? QStringLiteral("2026-03 で追加") : QStringLiteral("New in 2026-03"));
        // The details of a rule of the other edition come from that edition's rule set.
        tabs->setCurrentIndex(RulesPage::OtherEditionTab);
        QTreeView *view = find::view(m_page.get(), RulesPage::OtherEditionTab);
        const QAbstractItemModel *m = view->model();
        view->setCurrentIndex(m->match(m->index(0, 0), RuleTreeModel::RuleIdRole,
                                       QStringLiteral("internet-out-aml-udp"), 1, Qt::MatchExactly | Qt::MatchRecursive)
                                  .value(0));
        QVERIFY(find::details(m_page.get())->toPlainText().contains(QStringLiteral("5831")));
    }

    // A language switch while the changes are shown re-marks the rows in the new language.
    void marksFollowTheLanguage()
    {
        show(newerEditionCatalog(), Catalog::builtIn(QStringLiteral("2021-11")), Language::English);
        pressMnemonic(m_page.get());
        QTRY_VERIFY(changesBox(m_page.get())->isChecked());
        QCOMPARE(markOf(m_page.get(), RulesPage::NetworkTab, QStringLiteral("internet-out-aml-udp")),
                 QStringLiteral("New"));
        m_state->setLanguage(Language::Japanese);
        processLanguageChange();
        QCOMPARE(markOf(m_page.get(), RulesPage::NetworkTab, QStringLiteral("internet-out-aml-udp")),
                 QStringLiteral("新規"));
        QCOMPARE(changesBox(m_page.get())->text(), QStringLiteral("2021-11 からの変更を表示(&G)"));
    }

private:
    void show(const Catalog &shown, const Catalog &other, Language language)
    {
        applyLanguage(language);
        m_state = std::make_unique<WizardState>(shown);
        m_state->setLanguage(language);
        m_state->setAnswers(scenarioAnswers(shown));
        m_page = std::make_unique<RulesPage>(m_state.get());
        m_page->setComparisonCatalog(other);
        m_page->resize(1100, 680);
        m_page->show();
        m_page->initializePage();
        QApplication::setActiveWindow(m_page.get());
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        processLanguageChange();
    }

    QString shoot(const QString &suffix) // what went wrong, or empty
    {
        processLanguageChange();
        const QString path = QStringLiteral(AMLFW_SCREENSHOT_DIR "/rules-changes-%1.png").arg(suffix);
        return m_page->grab().save(path) ? QString() : QStringLiteral("cannot save ") + path;
    }

    std::unique_ptr<WizardState> m_state;
    std::unique_ptr<RulesPage> m_page;
};

QTEST_MAIN(TestRuleChanges)
#include "tst_rulechanges.moc"
