// The wizard under a user's keyboard: real key events sent to the focused widget, page by page, as
// a new and as a returning user, in English and Japanese. Enter means Next and changes no answer
// the user did not change; Escape empties a search first; leaving without an export asks; every
// mnemonic shown works and no two on a page share a letter; the step list moves between pages.

#include "exportpage.h"
#include "filedialog.h"
#include "steplist.h"
#include "wizardtesthelpers.h"

#include <QAccessible>
#include <QMessageBox>
#include <QTimer>

using namespace amlfw;
using namespace amlfw::test;

namespace {

// A returning user: what a previous run left in the settings.
Answers rememberedAnswers()
{
    Answers a;
    a.cloud = QStringLiteral("public");
    a.region = QStringLiteral("westus2"); // not the first of the list
    a.storage = QStringLiteral("rememberedstore");
    a.features = {QStringLiteral("compute-instance"), QStringLiteral("notebooks")};
    return a;
}

void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus, "nothing has the keyboard focus");
    QTest::keyClick(focus, Qt::Key(key), modifiers);
}

// Enter on the focused widget must move the wizard from `from` to `to`.
void enterTo(QWizard *w, int from, int to)
{
    QCOMPARE(w->currentId(), from);
    press(Qt::Key_Return);
    QTRY_COMPARE(w->currentId(), to);
}

// The letter a widget's text underlines ("&Next", "次へ(&N)"), lower-case; none: empty.
QString mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Letters shown twice in the window as it is now: a mnemonic that clashes does not do what it shows.
QStringList mnemonicClashes(QWizard *w)
{
    QMap<QString, QStringList> owners;
    auto add = [&](QWidget *widget, const QString &text) {
        const QString key = mnemonic(text);
        if (!key.isEmpty() && widget->isVisibleTo(w) && widget->isEnabled())
            owners[key] << QString(text);
    };
    for (QAbstractButton *b : w->findChildren<QAbstractButton *>())
        add(b, b->text());
    for (QLabel *l : w->findChildren<QLabel *>()) {
        if (l->buddy())
            add(l, l->text());
    }
    QStringList clashes;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it->size() > 1)
            clashes << it.key() + QStringLiteral(": ") + it->join(QStringLiteral(" | "));
    }
    return clashes;
}

// The next modal question, answered with a key as a user would; what it said is kept.
class Answerer : public QObject
{
public:
    explicit Answerer(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, [this, key, modifiers] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || !box->isVisible())
                return;
            m_timer.stop();
            asked = true;
            // As the window manager does: the new dialog is the active window.
            QApplication::setActiveWindow(box);
            text = box->text();
            defaultIsStay = box->defaultButton() && box->defaultButton()->objectName() == u"confirmStay";
            QWidget *focus = QApplication::focusWidget();
            QTest::keyClick(focus && focus->window() == box ? focus : box, Qt::Key(key), modifiers);
            // A key that did nothing must not hang the test (mnemonics click after a short animation).
            QTimer::singleShot(2000, box, [box] { box->reject(); });
        });
        m_timer.start();
    }

    bool asked = false;
    bool defaultIsStay = false;
    QString text;

private:
    QTimer m_timer;
};

} // namespace

class TestKeyboardWalk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setEffectEnabled(Qt::UI_AnimateCombo, false);
    }
    void cleanup() { applyLanguage(Language::English); }

    void languages_data()
    {
        QTest::addColumn<Language>("language");
        QTest::newRow("en") << Language::English;
        QTest::newRow("ja") << Language::Japanese;
    }

    // A returning user presses only Enter: every page keeps its answer, the region included, and the
    // walk ends on the export page.
    void returningUserEnterKeepsAnswers_data() { languages_data(); }
    void returningUserEnterKeepsAnswers()
    {
        QFETCH(Language, language);
        WizardFixture f(language);
        f.state->setAnswers(rememberedAnswers());
        const Answers answers = f.state->answers();
        f.recreate(language, true);
        processLanguageChange();
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        QCOMPARE(f.state->answers(), answers);

        enterTo(w, FirewallWizard::WelcomePageId, FirewallWizard::CloudPageId);
        enterTo(w, FirewallWizard::CloudPageId, FirewallWizard::RegionPageId);
        // Focus in the empty search box: Enter keeps the highlighted, remembered region.
        QCOMPARE(QApplication::focusWidget(), find::searchField(w->regionPage()));
        QVERIFY(find::searchField(w->regionPage())->text().isEmpty());
        enterTo(w, FirewallWizard::RegionPageId, FirewallWizard::StoragePageId);
        QCOMPARE(f.state->answers().region, QStringLiteral("westus2"));
        enterTo(w, FirewallWizard::StoragePageId, FirewallWizard::FeaturesPageId);
        // Focus is on a feature, not on "Select all": Enter goes on and ticks nothing.
        QVERIFY(QApplication::focusWidget() != child<QPushButton>(w->featuresPage(), "selectAllFeatures"));
        enterTo(w, FirewallWizard::FeaturesPageId, FirewallWizard::RulesPageId);
        QCOMPARE(f.state->answers().features, answers.features);
        enterTo(w, FirewallWizard::RulesPageId, FirewallWizard::LiveTestPageId);
        enterTo(w, FirewallWizard::LiveTestPageId, FirewallWizard::ExportPageId);
        QCOMPARE(f.state->answers(), answers);
    }

    // Escape empties the search first and keeps the wizard and the answer; a search that hides the
    // answer makes Enter choose the first match and stop, so that the new answer is seen.
    void regionSearchKeys_data() { languages_data(); }
    void regionSearchKeys()
    {
        QFETCH(Language, language);
        WizardFixture f(language);
        f.state->setAnswers(rememberedAnswers());
        processLanguageChange();
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        enterTo(w, FirewallWizard::WelcomePageId, FirewallWizard::CloudPageId);
        enterTo(w, FirewallWizard::CloudPageId, FirewallWizard::RegionPageId);
        QLineEdit *search = find::searchField(w->regionPage());
        QCOMPARE(QApplication::focusWidget(), search);

        // A search that still shows the answer: Enter keeps it and goes on.
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("westus"));
        enterTo(w, FirewallWizard::RegionPageId, FirewallWizard::StoragePageId);
        QCOMPARE(f.state->answers().region, QStringLiteral("westus2"));
        QTest::mouseClick(w->button(QWizard::BackButton), Qt::LeftButton);
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::RegionPageId));

        search->setFocus();
        search->selectAll();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("japaneast"));
        press(Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        QVERIFY(w->isVisible());
        QCOMPARE(f.state->answers().region, QStringLiteral("westus2"));

        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("japaneast"));
        press(Qt::Key_Return);
        QCOMPARE(w->currentId(), int(FirewallWizard::RegionPageId)); // seen before it counts
        QCOMPARE(f.state->answers().region, QStringLiteral("japaneast"));
        enterTo(w, FirewallWizard::RegionPageId, FirewallWizard::StoragePageId);
        QCOMPARE(f.state->answers().region, QStringLiteral("japaneast"));
    }

    // No push button on any page is a default or auto-default one: Enter is Next wherever the focus is.
    void onlyNextIsDefault()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        for (const int id : w->pageIds()) {
            for (QPushButton *b : w->page(id)->findChildren<QPushButton *>()) {
                QVERIFY2(!b->autoDefault() && !b->isDefault(), qPrintable(b->objectName() + u' ' + b->text()));
            }
        }
        // "Select all" with the focus: Enter still means Next and ticks nothing.
        f.state->setAnswers(rememberedAnswers());
        w->advanceToRules();
        QTest::mouseClick(w->button(QWizard::BackButton), Qt::LeftButton);
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::FeaturesPageId));
        child<QPushButton>(w->featuresPage(), "selectAllFeatures")->setFocus(Qt::TabFocusReason);
        enterTo(w, FirewallWizard::FeaturesPageId, FirewallWizard::RulesPageId);
        QCOMPARE(f.state->answers().features, rememberedAnswers().features);
    }

    // Arrow keys through the clouds and back keep each cloud's region.
    void cloudArrowsKeepRegion()
    {
        WizardFixture f;
        f.state->setAnswers(rememberedAnswers());
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        enterTo(w, FirewallWizard::WelcomePageId, FirewallWizard::CloudPageId);
        find::button(w->cloudPage(), QStringLiteral("public"))->setFocus(Qt::TabFocusReason);
        press(Qt::Key_Down);
        QVERIFY(f.state->answers().cloud != u"public");
        press(Qt::Key_Up);
        QCOMPARE(f.state->answers().cloud, QStringLiteral("public"));
        QCOMPARE(f.state->answers().region, QStringLiteral("westus2"));
    }

    // A new user by keyboard alone, to an exported CSV: Alt+E exports, then Enter (Finish) closes
    // without a question. Quitting before that asks, and Enter in the question stays.
    void newUserExportsWithAltE_data() { languages_data(); }
    void newUserExportsWithAltE()
    {
        QFETCH(Language, language);
        WizardFixture f(language);
        processLanguageChange();
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        enterTo(w, FirewallWizard::WelcomePageId, FirewallWizard::CloudPageId);
        enterTo(w, FirewallWizard::CloudPageId, FirewallWizard::RegionPageId);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("japaneast"));
        press(Qt::Key_Return);
        enterTo(w, FirewallWizard::RegionPageId, FirewallWizard::StoragePageId);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("mystore"));
        enterTo(w, FirewallWizard::StoragePageId, FirewallWizard::FeaturesPageId);
        QCOMPARE(f.state->answers().features, WizardState::defaultAnswers().features);
        enterTo(w, FirewallWizard::FeaturesPageId, FirewallWizard::RulesPageId);
        enterTo(w, FirewallWizard::RulesPageId, FirewallWizard::LiveTestPageId);
        enterTo(w, FirewallWizard::LiveTestPageId, FirewallWizard::ExportPageId);
        const Answers answers = f.state->answers();
        QCOMPARE(answers.region, QStringLiteral("japaneast"));
        QCOMPARE(answers.storage, QStringLiteral("mystore"));

        // Enter on the last page without an export: asked, and Enter in the question stays.
        {
            Answerer answer(Qt::Key_Return);
            press(Qt::Key_Return);
            QTRY_VERIFY(answer.asked);
            QVERIFY(answer.defaultIsStay);
            QVERIFY2(!answer.text.isEmpty() && (language == Language::English || hasJapanese(answer.text)),
                     qPrintable(answer.text));
        }
        QVERIFY(w->isVisible());
        // Cancel asks too; Escape in the question stays.
        {
            Answerer answer(Qt::Key_Escape);
            QTest::mouseClick(w->button(QWizard::CancelButton), Qt::LeftButton);
            QTRY_VERIFY(answer.asked);
        }
        QVERIFY(w->isVisible());
        QApplication::setActiveWindow(w); // back from the question
        QTRY_VERIFY(QApplication::focusWidget());

        // Alt+E, the letter the export button shows, in either language.
        QVERIFY2(w->exportPage()->findChild<QPushButton *>(QStringLiteral("exportButton"))->text().contains(u"&E"),
                 "the export button shows E");
        const QString path = f.dir.filePath(QStringLiteral("rules.csv"));
        w->exportPage()->setFormat(ExportFormat::Csv);
        FileDialog::instance()->setNextFileName(path);
        press(Qt::Key_E, Qt::AltModifier);
        QTRY_VERIFY(QFileInfo::exists(path));
        QCOMPARE(w->exportPage()->lastExportedPath(), QFileInfo(path).absoluteFilePath());
        // Ctrl+E, the shortcut its tooltip names, works too.
        const QString second = f.dir.filePath(QStringLiteral("again.csv"));
        FileDialog::instance()->setNextFileName(second);
        press(Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(QFileInfo::exists(second));

        // Exported: Enter finishes without a question.
        w->exportPage()->findChild<QPushButton *>(QStringLiteral("exportButton"))->setFocus();
        {
            Answerer answer(Qt::Key_Escape);
            press(Qt::Key_Return);
            QTRY_VERIFY(!w->isVisible());
            QVERIFY(!answer.asked);
        }
        QCOMPARE(f.state->answers(), answers);
    }

    // Closing the window with nothing exported asks; the close button's "close" answer closes.
    void closingAsksAndCanLeave()
    {
        WizardFixture f;
        f.state->setAnswers(rememberedAnswers());
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        w->advanceToRules();
        QCOMPARE(w->currentId(), int(FirewallWizard::RulesPageId));
        {
            Answerer answer(Qt::Key_Return);
            QVERIFY(!w->close());
            QVERIFY(answer.asked);
        }
        QVERIFY(w->isVisible());
        {
            Answerer answer(Qt::Key_C, Qt::AltModifier);
            w->close();
            QVERIFY(answer.asked);
        }
        QTRY_VERIFY(!w->isVisible());
    }

    // "Start over" asks; Enter keeps the answers.
    void startOverAsks_data() { languages_data(); }
    void startOverAsks()
    {
        QFETCH(Language, language);
        WizardFixture f(language);
        f.state->setAnswers(rememberedAnswers());
        processLanguageChange();
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        QPushButton *startOver = find::startOverButton(w->welcomePage());
        const QString letter = mnemonic(startOver->text());
        QVERIFY(!letter.isEmpty());
        {
            Answerer answer(Qt::Key_Return);
            press(Qt::Key_A + (letter.at(0).unicode() - u'a'), Qt::AltModifier);
            QTRY_VERIFY(answer.asked);
        }
        QCOMPARE(f.state->answers().region, QStringLiteral("westus2"));
    }

    // On every page, in both languages, no two visible mnemonics share a letter.
    void noMnemonicClashes_data() { languages_data(); }
    void noMnemonicClashes()
    {
        QFETCH(Language, language);
        WizardFixture f(language);
        f.state->setAnswers(rememberedAnswers());
        processLanguageChange();
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        while (true) {
            const QStringList clashes = mnemonicClashes(w);
            QVERIFY2(clashes.isEmpty(),
                     qPrintable(QStringLiteral("page %1: ").arg(w->currentId()) + clashes.join(QStringLiteral("; "))));
            if (w->currentId() == FirewallWizard::ExportPageId)
                break;
            const int before = w->currentId();
            w->next();
            QVERIFY(w->currentId() != before);
        }
    }

    // The step list moves: a click on a visited step goes back, Up/Enter from the keyboard too, and
    // the current step is announced.
    void stepListMoves()
    {
        WizardFixture f;
        f.state->setAnswers(rememberedAnswers());
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        const Answers answers = f.state->answers();
        w->advanceToRules();
        StepList *steps = w->stepList();
        QVERIFY(steps->isVisible());
        QVERIFY2(steps->accessibleDescription().contains(w->rulesPage()->stepName()),
                 qPrintable(steps->accessibleDescription()));

        // Click on "Cloud" (the second step).
        QLabel *cloud = child<QLabel>(steps, "step_1");
        QTest::mouseClick(steps, Qt::LeftButton, {}, cloud->geometry().center());
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::CloudPageId));
        QVERIFY(steps->accessibleDescription().contains(w->cloudPage()->stepName()));
        QCOMPARE(f.state->answers(), answers);

        // Keyboard: focus the list, Down three times (to Storage), Enter goes forward over answered pages.
        steps->setFocus(Qt::TabFocusReason);
        QCOMPARE(QApplication::focusWidget(), steps);
        press(Qt::Key_Down);
        press(Qt::Key_Down);
        press(Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::StoragePageId));
        QCOMPARE(f.state->answers().region, QStringLiteral("westus2"));
    }
};

QTEST_MAIN(TestKeyboardWalk)
#include "tst_keyboardwalk.moc"
