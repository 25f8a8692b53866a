// The whole wizard driven as a user would: every page, validation, Back and Next, the language
// switch on every page, profiles and what is remembered.

#include "exportpage.h"
#include "filedialog.h"
#include "groupedfiltermodel.h"
#include "livetestpage.h"
#include "livetestslot.h"
#include "probesession.h"
#include "profile.h"
#include "rulegenerator.h"
#include "rulespage.h"
#include "steplist.h"
#include "welcomepage.h"
#include "wizardtesthelpers.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>

using namespace amlfw;
using namespace amlfw::test;

namespace {

// The question the next action asks (a modal QMessageBox), answered with a key as a user would.
void answerNextQuestion(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QTimer::singleShot(0, [key, modifiers] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            QApplication::setActiveWindow(box);
            QTest::keyClick(box, key, modifiers);
        }
    });
}

const QList<int> kFlow{FirewallWizard::WelcomePageId,  FirewallWizard::CloudPageId,    FirewallWizard::RegionPageId,
                       FirewallWizard::StoragePageId,  FirewallWizard::FeaturesPageId, FirewallWizard::RulesPageId,
                       FirewallWizard::LiveTestPageId, FirewallWizard::ExportPageId};

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

} // namespace

class TestFirewallWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { applyLanguage(Language::English); }

    void pagesAndLiveTestSlot()
    {
        WizardFixture f;
        WizardState state(f.catalog);
        std::unique_ptr<QWizardPage> page(createLiveTestPage(&state, nullptr, nullptr));
        QVERIFY(qobject_cast<LiveTestPage *>(page.get()));
        QCOMPARE(f.wizard->pageIds(), kFlow);
        auto *liveTest = qobject_cast<LiveTestPage *>(f.wizard->page(FirewallWizard::LiveTestPageId));
        QVERIFY(liveTest);
        // Nothing is tested until the user asks: walking through the wizard touches no network.
        QVERIFY(!liveTest->session()->isRunning());
        QVERIFY(!liveTest->session()->hasResults());
        QCOMPARE(f.wizard->currentId(), int(FirewallWizard::WelcomePageId));
        QVERIFY(!f.wizard->button(QWizard::BackButton)->isVisible());
        QCOMPARE(f.wizard->stepList()->stepTexts().size(), kFlow.size());
    }

    void wholeFlow()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        QCOMPARE(w->windowTitle(), QStringLiteral("amlfw — Azure Public"));
        answerUpToRules(w, QStringLiteral("public"), QStringLiteral("japan east"), QStringLiteral("mystore"),
                        {QStringLiteral("compute-instance"), QStringLiteral("notebooks")});
        QCOMPARE(f.state->answers().region, QStringLiteral("japaneast"));
        QCOMPARE(f.state->answers().storage, QStringLiteral("mystore"));
        QCOMPARE(f.state->answers().features,
                 QStringList({QStringLiteral("compute-instance"), QStringLiteral("notebooks")}));
        QCOMPARE(w->windowTitle(), QStringLiteral("amlfw — Azure Public, japaneast, mystore"));
        QVERIFY(w->rulesPage()->isComplete());
        const RuleSet expected = RuleGenerator::generate(f.catalog, f.state->answers());
        QVERIFY(find::totalsLabel(w->rulesPage())
                    ->text()
                    .startsWith(QString::number(expected.rules.size()) + QStringLiteral(" rules")));
        // The live test is optional: Next goes on without it.
        nextToExport(w);
        auto *liveTest = qobject_cast<LiveTestPage *>(w->page(FirewallWizard::LiveTestPageId));
        QVERIFY(liveTest && !liveTest->session()->hasResults() && !liveTest->session()->isRunning());
        QVERIFY(!w->button(QWizard::NextButton)->isVisible());
        QVERIFY(w->button(QWizard::FinishButton)->isVisible());
        // The side list marks where the user is.
        QVERIFY(w->stepList()->stepTexts().last().startsWith(QStringLiteral("▶")));
        QVERIFY(w->stepList()->stepTexts().first().startsWith(QStringLiteral("✓")));
        // Nothing was exported: Finish asks first; the user leaves (Alt+C).
        answerNextQuestion(Qt::Key_C, Qt::AltModifier);
        QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(!w->isVisible());
    }

    void keyboardOnly()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        // Mnemonics click with an animation: wait for the page to change.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier); // "&Next >"
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::CloudPageId));
        QRadioButton *gov = find::button(w->cloudPage(), QStringLiteral("usgov"));
        gov->setFocus();
        QCOMPARE(QApplication::focusWidget(), gov);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(f.state->answers().cloud, QStringLiteral("usgov"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::RegionPageId));
        QTRY_VERIFY(find::searchField(w->regionPage())->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("virginia"));
        // Enter picks the first match and stops, so that the new answer is seen; Enter again goes on.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(f.state->answers().region, QStringLiteral("usgovvirginia"));
        QCOMPARE(w->currentId(), int(FirewallWizard::RegionPageId));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::StoragePageId));
        QTRY_VERIFY(find::nameField(w->storagePage())->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("govstore"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::FeaturesPageId));
        QCheckBox *notebooks = find::checkBox(w->featuresPage(), QStringLiteral("notebooks"));
        notebooks->setFocus();
        QCOMPARE(QApplication::focusWidget(), notebooks);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(f.state->answers().features.contains(QStringLiteral("notebooks")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::RulesPageId));
        // Ctrl+F finds the filter; the tabs have mnemonics of their own.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(find::filterField(w->rulesPage())->hasFocus());
        // Escape empties the filter and leaves the window open.
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("python"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(find::filterField(w->rulesPage())->text().isEmpty());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(w->isVisible());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::AltModifier); // "&Other firewalls"
        QTRY_COMPARE(find::tabs(w->rulesPage())->currentIndex(), int(RulesPage::HostsTab));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_B, Qt::AltModifier); // "< &Back"
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::FeaturesPageId));
    }

    void storageValidation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QString() << QStringLiteral("3 to 24");
        QTest::newRow("short") << QStringLiteral("ab") << QStringLiteral("too short");
        QTest::newRow("long") << QStringLiteral("abcdefghijklmnopqrstuvwxy") << QStringLiteral("too long");
        QTest::newRow("upper") << QStringLiteral("myStore") << QStringLiteral("upper-case letter \"S\"");
        QTest::newRow("dash") << QStringLiteral("my-store") << QStringLiteral("\"-\"");
        // A storage host name gives its account name (tst_wizarddetails); any other host is no name.
        QTest::newRow("other host") << QStringLiteral("mystore.example.com") << QStringLiteral("\".\"");
    }

    void storageValidation()
    {
        QFETCH(QString, name);
        QFETCH(QString, mentions);
        WizardFixture f;
        f.state->setRegion(QStringLiteral("japaneast"));
        FirewallWizard *w = f.wizard.get();
        w->advanceToRules(); // stops at the storage page: nothing typed yet
        QCOMPARE(w->currentId(), int(FirewallWizard::StoragePageId));
        typeInto(find::nameField(w->storagePage()), QStringLiteral("valid1"));
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());
        QCOMPARE(find::banner(w->storagePage())->kind(), MessageBanner::Kind::Success);
        QVERIFY(w->storagePage()->hostNames().contains(QStringLiteral("valid1.blob.core.windows.net")));
        typeInto(find::nameField(w->storagePage()), name);
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QVERIFY(find::banner(w->storagePage())->isVisible());
        QVERIFY2(find::banner(w->storagePage())->text().contains(mentions),
                 qPrintable(find::banner(w->storagePage())->text()));
        if (!name.isEmpty())
            QCOMPARE(find::banner(w->storagePage())->text(), AnswersValidator::storageNameError(name));
        // The hosts are shown as templates while the name is not valid.
        QVERIFY(w->storagePage()->hostNames().contains(QStringLiteral("<name>.blob.core.windows.net")));
    }

    void regionValidation()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        w->advanceToRules();
        QCOMPARE(w->currentId(), int(FirewallWizard::RegionPageId));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        RegionPage *page = w->regionPage();

        // A typo: nothing matches, and the closest name is offered.
        typeInto(find::searchField(page), QStringLiteral("japaneest"));
        QVERIFY(find::banner(page)->isVisible());
        QCOMPARE(find::banner(page)->kind(), MessageBanner::Kind::Error);
        QVERIFY2(find::banner(page)->text().contains(QStringLiteral("Did you mean Japan East (japaneast)?")),
                 qPrintable(find::banner(page)->text()));

        // A region without Azure ML can be chosen, with a warning.
        typeInto(find::searchField(page), QStringLiteral("france south"));
        QTest::keyClick(find::searchField(page), Qt::Key_Down);
        QCOMPARE(f.state->answers().region, QStringLiteral("francesouth"));
        QCOMPARE(find::banner(page)->kind(), MessageBanner::Kind::Warning);
        QVERIFY2(find::banner(page)->text().contains(QStringLiteral("not offered")),
                 qPrintable(find::banner(page)->text()));
        QVERIFY(find::selectionLabel(page)->text().contains(QStringLiteral("France Central (francecentral)")));
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());

        // Grouped by geography, searchable in Japanese too.
        find::searchField(page)->setText(QStringLiteral("東日本")); // QTest types ASCII only
        QCOMPARE(page->filterModel()->matchingItems(), 1);
        typeInto(find::searchField(page), QStringLiteral("europe"));
        QVERIFY(page->filterModel()->matchingItems() > 5);
        QCOMPARE(page->filterModel()->rowCount(), 1);

        // A region of another cloud (from a profile) is an error with the reason.
        Answers a = f.state->answers();
        a.cloud = QStringLiteral("usgov");
        a.region = QStringLiteral("japaneast");
        f.state->setAnswers(a);
        typeInto(find::searchField(page), QString());
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QCOMPARE(find::banner(page)->kind(), MessageBanner::Kind::Error);
        QVERIFY2(find::banner(page)->text().contains(QStringLiteral("belongs to Azure Public")),
                 qPrintable(find::banner(page)->text()));
    }

    void backAndNextKeepAnswers()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        answerUpToRules(w, QStringLiteral("public"), QStringLiteral("westeurope"), QStringLiteral("firststore"));
        clickBack(w);
        clickBack(w);
        QCOMPARE(w->currentId(), int(FirewallWizard::StoragePageId));
        QCOMPARE(find::nameField(w->storagePage())->text(), QStringLiteral("firststore"));
        typeInto(find::nameField(w->storagePage()), QStringLiteral("secondstore"));
        clickBack(w);
        QCOMPARE(w->currentId(), int(FirewallWizard::RegionPageId));
        QCOMPARE(f.state->answers().region, QStringLiteral("westeurope"));
        QVERIFY(find::view(w->regionPage())->selectionModel()->hasSelection());
        clickNext(w);
        clickNext(w);
        clickNext(w);
        QCOMPARE(w->currentId(), int(FirewallWizard::RulesPageId));
        // The later page shows the changed answer.
        RulesPage *rules = w->rulesPage();
        typeInto(find::filterField(rules), QStringLiteral("blob.core"));
        const QString tsv = [&] {
            QTreeView *v = find::view(rules, RulesPage::HostsTab);
            find::tabs(rules)->setCurrentIndex(RulesPage::HostsTab);
            v->selectAll();
            return rules->selectedRowsText(RulesPage::CopyFormat::Tsv);
        }();
        QVERIFY2(tsv.contains(QStringLiteral("secondstore.blob.core.windows.net")), qPrintable(tsv));
        QVERIFY(!tsv.contains(QStringLiteral("firststore")));

        // Another cloud: the region is asked again, the rest is kept.
        for (int i = 0; i < 4; ++i)
            clickBack(w);
        QCOMPARE(w->currentId(), int(FirewallWizard::CloudPageId));
        QTest::mouseClick(find::button(w->cloudPage(), QStringLiteral("china")), Qt::LeftButton);
        QVERIFY(f.state->answers().region.isEmpty());
        clickNext(w);
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QCOMPARE(f.state->answers().storage, QStringLiteral("secondstore"));
        QCOMPARE(w->regionPage()->filterModel()->totalItems(), f.catalog.regions.value(QStringLiteral("china")).size());
    }

    void featuresImpliedAndCounted()
    {
        WizardFixture f;
        f.state->setRegion(QStringLiteral("japaneast"));
        f.state->setStorage(QStringLiteral("mystore"));
        FirewallWizard *w = f.wizard.get();
        w->advanceToRules();
        clickBack(w);
        QCOMPARE(w->currentId(), int(FirewallWizard::FeaturesPageId));
        FeaturesPage *page = w->featuresPage();
        QCheckBox *inference = find::checkBox(page, QStringLiteral("arc-inference"));
        QCheckBox *training = find::checkBox(page, QStringLiteral("arc-training"));
        QCheckBox *extension = find::checkBox(page, QStringLiteral("arc-extension"));
        QVERIFY(!training->isChecked());
        inference->click();
        QVERIFY(training->isChecked() && !training->isEnabled());
        QVERIFY(extension->isChecked() && !extension->isEnabled());
        QCOMPARE(f.state->answers().features.contains(QStringLiteral("arc-training")), false); // implied, not selected
        QCOMPARE(f.state->ruleSet().effectiveFeatures.contains(QStringLiteral("arc-extension")), true);
        page->recountNow();
        QCOMPARE(find::countLabel(page, QStringLiteral("arc-training"))->text(), QStringLiteral("included"));
        inference->click();
        QVERIFY(!training->isChecked() && training->isEnabled());

        // The counts are what generating with and without the feature gives.
        page->recountNow();
        const Answers base = f.state->answers();
        Answers with = base;
        with.features << QStringLiteral("hbi");
        const int added = int(RuleGenerator::generate(f.catalog, with).rules.size()
                              - RuleGenerator::generate(f.catalog, base).rules.size());
        QVERIFY(added > 0);
        QCOMPARE(page->ruleDelta(QStringLiteral("hbi")), added);
        QCOMPARE(find::countLabel(page, QStringLiteral("hbi"))->text(), QStringLiteral("+%1 rules").arg(added));
        // The private endpoint adds ports, not rules: shown as a change.
        QCOMPARE(page->ruleDelta(QStringLiteral("private-endpoint")), 0);
        QVERIFY(page->ruleChanges(QStringLiteral("private-endpoint")) > 0);
        QVERIFY(
            find::countLabel(page, QStringLiteral("private-endpoint"))->text().startsWith(QStringLiteral("changes")));

        // The route method.
        QVERIFY(find::ipRangesButton(page)->isEnabled());
        find::ipRangesButton(page)->click();
        QCOMPARE(f.state->answers().udr, UdrMethod::IpRanges);
        bool ipRoutes = false;
        for (const Rule &r : f.state->ruleSet().rules)
            ipRoutes = ipRoutes || (r.kind == RuleKind::Route && r.udr == u"ip-ranges");
        QVERIFY(ipRoutes);
        page->findChild<QPushButton *>(QStringLiteral("clearAllFeatures"))->click();
        QVERIFY(f.state->answers().features.isEmpty());
        QVERIFY(!find::ipRangesButton(page)->isEnabled()); // no compute: no routes
        page->findChild<QPushButton *>(QStringLiteral("selectAllFeatures"))->click();
        QCOMPARE(f.state->answers().features, f.catalog.featureIds());
    }

    void languageSwitchOnEveryPage()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        f.state->setRegion(QStringLiteral("japaneast"));
        f.state->setStorage(QStringLiteral("mystore"));
        const QStringList identifiers{QStringLiteral("japaneast"), QStringLiteral("mystore"), QStringLiteral("fwpol"),
                                      QStringLiteral("AzureML")};
        w->restart();
        for (int id : kFlow) {
            while (w->currentId() != id)
                clickNext(w);
            const Answers before = f.state->answers();
            const QString englishNext = w->button(QWizard::NextButton)->text();
            const QString englishTitle = w->currentPage()->title();

            // Ctrl+L, from wherever the focus is.
            QTest::keyClick(w, Qt::Key_L, Qt::ControlModifier);
            processLanguageChange();
            QCOMPARE(f.state->language(), Language::Japanese);
            QCOMPARE(f.state->answers(), before);
            QCOMPARE(w->currentId(), id);
            QVERIFY(hasJapanese(w->currentPage()->title()));
            QVERIFY(w->currentPage()->title() != englishTitle);
            QVERIFY2(hasJapanese(w->button(QWizard::CancelButton)->text()),
                     qPrintable(w->button(QWizard::CancelButton)->text()));
            if (w->button(QWizard::NextButton)->isVisible())
                QVERIFY(w->button(QWizard::NextButton)->text() != englishNext);
            const QStringList english = englishLeft(w, identifiers, coreIsTranslated());
            QVERIFY2(english.isEmpty(),
                     qPrintable(QStringLiteral("page %1: ").arg(id) + english.join(QStringLiteral(" | "))));
            QCOMPARE(w->button(QWizard::CustomButton1)->text(), QStringLiteral("English"));

            // And back, with the language button.
            QTest::mouseClick(w->button(QWizard::CustomButton1), Qt::LeftButton);
            processLanguageChange();
            QCOMPARE(f.state->language(), Language::English);
            QCOMPARE(w->currentPage()->title(), englishTitle);
            if (w->button(QWizard::NextButton)->isVisible())
                QCOMPARE(w->button(QWizard::NextButton)->text(), englishNext);
            QCOMPARE(w->button(QWizard::CustomButton1)->text(), QStringLiteral("日本語"));
        }
    }

    void languageFromWelcomePage()
    {
        WizardFixture f;
        QComboBox *box = find::languageBox(f.wizard->welcomePage());
        box->setFocus();
        QCOMPARE(QApplication::focusWidget(), box);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        processLanguageChange();
        QCOMPARE(f.state->language(), Language::Japanese);
        QCOMPARE(*f.settings->language(), Language::Japanese);
        QVERIFY(hasJapanese(f.wizard->welcomePage()->title()));
        QVERIFY(hasJapanese(f.wizard->button(QWizard::NextButton)->text()));
        // The rules page speaks the catalog's Japanese.
        f.state->setRegion(QStringLiteral("japaneast"));
        f.state->setStorage(QStringLiteral("mystore"));
        f.wizard->advanceToRules();
        QCOMPARE(f.wizard->currentId(), int(FirewallWizard::RulesPageId));
        QVERIFY(hasJapanese(find::details(f.wizard->rulesPage())->toPlainText()));
    }

    void profileRoundTrip()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        answerUpToRules(w, QStringLiteral("public"), QStringLiteral("japaneast"), QStringLiteral("roundtrip"),
                        {QStringLiteral("compute-cluster"), QStringLiteral("python"), QStringLiteral("arc-training")});
        f.state->setUdr(UdrMethod::IpRanges);
        const Answers saved = f.state->answers();
        const QString path = f.dir.filePath(QStringLiteral("scenario.json"));
        FileDialog::instance()->setNextFileName(path);
        QTest::keyClick(w, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(QFile::exists(path));
        QVERIFY(w->lastMessage());
        QCOMPARE(w->lastMessage()->icon(), QMessageBox::Information);
        // The same JSON the CLI reads.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("region")).toString(), QStringLiteral("japaneast"));
        QCOMPARE(json.value(QStringLiteral("udr")).toString(), QStringLiteral("ip-ranges"));
        Problems problems;
        QCOMPARE(Profile::fromFile(path, &problems)->toAnswers(), saved);

        // Start over, then open it from the welcome page: every answer is back and the wizard
        // goes straight to the rules.
        w->lastMessage()->close();
        w->restart();
        answerNextQuestion(Qt::Key_S, Qt::AltModifier); // "Start over?" — "&Start over"
        QTest::mouseClick(find::startOverButton(w->welcomePage()), Qt::LeftButton);
        QTRY_VERIFY(f.state->hasDefaultAnswers());
        FileDialog::instance()->setNextFileName(path);
        QTest::mouseClick(find::openProfileButton(w->welcomePage()), Qt::LeftButton);
        QCOMPARE(f.state->answers(), saved);
        QCOMPARE(w->currentId(), int(FirewallWizard::RulesPageId));
        QVERIFY(!w->lastMessage()); // no warnings

        // Cancelling the dialog changes nothing.
        FileDialog::instance()->setNextFileName(QString());
        w->openProfile();
        QCOMPARE(f.state->answers(), saved);
    }

    void badProfiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{ cloud: public") << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("JSON object");
        QTest::newRow("wrong type") << QByteArray(R"({"region": 42})") << QStringLiteral("must be a string");
        QTest::newRow("format") << QByteArray(R"({"format": 99})") << QStringLiteral("format");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 12) << QStringLiteral("JSON");
        QTest::newRow("bad udr") << QByteArray(R"({"udr": "sideways"})") << QStringLiteral("sideways");
    }

    void badProfiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        WizardFixture f;
        f.state->setStorage(QStringLiteral("keepme"));
        const Answers before = f.state->answers();
        const QString path = f.dir.filePath(QStringLiteral("bad.json"));
        writeFile(path, content);
        QVERIFY(!f.wizard->loadProfile(path));
        QCOMPARE(f.state->answers(), before);
        QVERIFY(f.wizard->isVisible());
        QMessageBox *box = f.wizard->lastMessage();
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QCOMPARE(box->icon(), QMessageBox::Critical);
        QVERIFY2(box->text().contains(QStringLiteral("bad.json")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(mentions), qPrintable(box->text()));
        QVERIFY(!box->text().contains(f.dir.path() + QStringLiteral("/bad.json: "))); // short location
    }

    void badProfileMessageIsTranslated()
    {
        WizardFixture f(Language::Japanese);
        const QString path = f.dir.filePath(QStringLiteral("missing.json"));
        FileDialog::instance()->setNextFileName(path);
        QTest::keyClick(f.wizard.get(), Qt::Key_O, Qt::ControlModifier);
        QMessageBox *box = f.wizard->lastMessage();
        QVERIFY(box);
        QVERIFY(hasJapanese(box->windowTitle()));
        QVERIFY(box->text().contains(QStringLiteral("回答は変更されていません")));
    }

    void profileWithWarningsAndGaps()
    {
        WizardFixture f;
        const QString path = f.dir.filePath(QStringLiteral("partial.json"));
        // An unknown field (a warning) and a region of another cloud: the wizard stops at the region.
        writeFile(path, R"({"cloud": "usgov", "region": "japaneast", "storage": "govstore", "colour": "blue"})");
        QVERIFY(f.wizard->loadProfile(path));
        QCOMPARE(f.state->answers().cloud, QStringLiteral("usgov"));
        QCOMPARE(f.state->answers().storage, QStringLiteral("govstore"));
        QCOMPARE(f.wizard->currentId(), int(FirewallWizard::RegionPageId));
        QCOMPARE(find::banner(f.wizard->regionPage())->kind(), MessageBanner::Kind::Error);
        QVERIFY(f.wizard->lastMessage());
        QCOMPARE(f.wizard->lastMessage()->icon(), QMessageBox::Warning);
        QVERIFY(f.wizard->lastMessage()->text().contains(QStringLiteral("colour")));
    }

    void profileWithUnknownCloudAndFeatures()
    {
        WizardFixture f;
        const QString path = f.dir.filePath(QStringLiteral("odd.json"));
        writeFile(path, R"({"cloud": "mars", "region": "olympus", "storage": "redstore"})");
        QVERIFY(f.wizard->loadProfile(path));
        QCOMPARE(f.wizard->currentId(), int(FirewallWizard::CloudPageId));
        QVERIFY(!f.wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(find::banner(f.wizard->cloudPage())->isVisible());
        QVERIFY(find::banner(f.wizard->cloudPage())->text().contains(QStringLiteral("mars")));
        QTest::mouseClick(find::button(f.wizard->cloudPage(), QStringLiteral("public")), Qt::LeftButton);
        QVERIFY(!find::banner(f.wizard->cloudPage())->isVisible());
        QVERIFY(f.state->answers().region.isEmpty()); // olympus is not a region of Azure Public

        writeFile(path, R"({"cloud": "public", "region": "japaneast", "storage": "redstore",
                            "features": ["notebooks", "telepathy"]})");
        QVERIFY(f.wizard->loadProfile(path));
        QCOMPARE(f.wizard->currentId(), int(FirewallWizard::FeaturesPageId));
        FeaturesPage *page = f.wizard->featuresPage();
        QVERIFY(!f.wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(find::banner(page)->isVisible());
        QVERIFY(find::banner(page)->text().contains(QStringLiteral("telepathy")));
        QTest::mouseClick(find::removeUnknownButton(page), Qt::LeftButton);
        QCOMPARE(f.state->answers().features, QStringList{QStringLiteral("notebooks")});
        QVERIFY(!find::banner(page)->isVisible());
        QVERIFY(f.wizard->button(QWizard::NextButton)->isEnabled());
    }

    void remembersAnswersAndLanguage()
    {
        WizardFixture f;
        answerUpToRules(f.wizard.get(), QStringLiteral("public"), QStringLiteral("westus2"),
                        QStringLiteral("remembered"), {QStringLiteral("notebooks")});
        f.state->setLanguage(Language::Japanese);
        const Answers answers = f.state->answers();
        // Nothing was exported: closing asks (tst_keyboardwalk); the user leaves with Alt+C.
        answerNextQuestion(Qt::Key_C, Qt::AltModifier);
        f.wizard->close();
        QTRY_VERIFY(!f.wizard->isVisible());
        f.recreate(f.settings->language().value_or(Language::English), true);
        QCOMPARE(f.state->answers(), answers);
        QCOMPARE(f.state->language(), Language::Japanese);
        QVERIFY(find::startOverButton(f.wizard->welcomePage())->isEnabled());
        QVERIFY(f.wizard->findChild<QLabel *>(QStringLiteral("scenarioLabel"))
                    ->text()
                    .contains(QStringLiteral("remembered")));
    }

    void aboutBox()
    {
        WizardFixture f;
        QTest::mouseClick(f.wizard->button(QWizard::CustomButton3), Qt::LeftButton);
        QMessageBox *box = f.wizard->lastMessage();
        QVERIFY(box);
        const QString text = box->text();
        QVERIFY(text.contains(QStringLiteral(AMLFW_VERSION)));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(f.catalog.edition));
        QVERIFY(text.contains(QStringLiteral("TLS")));
        QVERIFY(box->isVisible());
        QVERIFY(!box->iconPixmap().isNull());
    }

    void windowBasics()
    {
        WizardFixture f;
        const QIcon icon = f.wizard->windowIcon();
        QVERIFY(!icon.isNull());
        const QList<QSize> sizes = icon.availableSizes();
        for (int s : {16, 32, 48, 256})
            QVERIFY2(sizes.contains(QSize(s, s)), qPrintable(QString::number(s)));
        QVERIFY(f.wizard->minimumWidth() >= 700 && f.wizard->minimumHeight() >= 500);
        QVERIFY(f.wizard->minimumWidth() <= 1024 && f.wizard->minimumHeight() <= 700);
        // Every step of the flow fits at the minimum size without the buttons leaving the window.
        f.wizard->resize(f.wizard->minimumSize());
        QTRY_COMPARE(f.wizard->size(), f.wizard->minimumSize());
        QAbstractButton *cancel = f.wizard->button(QWizard::CancelButton);
        QVERIFY(f.wizard->rect().contains(cancel->geometry()));
        // The list of steps stays at the minimum size, inside the window (tst_layoutfit checks every page).
        QVERIFY(f.wizard->stepList()->isVisible());
        QVERIFY(f.wizard->rect().contains(
            QRect(f.wizard->stepList()->mapTo(f.wizard.get(), QPoint()), f.wizard->stepList()->size())));
    }

    // Alt+letter reaches one control per page, in both languages.
    void mnemonicsAreUnique_data() { accessibleNames_data(); }

    void mnemonicsAreUnique()
    {
        QFETCH(int, language);
        WizardFixture f{Language(language)};
        f.state->setRegion(QStringLiteral("japaneast"));
        f.state->setStorage(QStringLiteral("mystore"));
        FirewallWizard *w = f.wizard.get();
        w->restart();
        for (int id : kFlow) {
            while (w->currentId() != id)
                clickNext(w);
            QHash<QKeySequence, QString> seen;
            QStringList clashes; // collected, then checked once: a QVERIFY here would leave only the lambda
            auto check = [&](const QString &text, const QString &what) {
                const QKeySequence key = QKeySequence::mnemonic(text);
                if (key.isEmpty())
                    return;
                if (seen.contains(key))
                    clashes << QStringLiteral("page %1: %2 and %3 share %4")
                                   .arg(id)
                                   .arg(seen.value(key), what, key.toString());
                seen.insert(key, what);
            };
            for (QWidget *widget : w->findChildren<QWidget *>()) {
                if (!widget->isVisible())
                    continue;
                if (auto *button = qobject_cast<QAbstractButton *>(widget))
                    check(button->text(), button->text());
                else if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy())
                    check(label->text(), label->text());
                else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
                    for (int i = 0; i < tabs->count(); ++i) {
                        if (tabs->isTabVisible(i))
                            check(tabs->tabText(i), tabs->tabText(i));
                    }
                }
            }
            QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
        }
    }

    // Every control a user can reach has an accessible name and description, in both languages.
    void accessibleNames_data()
    {
        QTest::addColumn<int>("language");
        QTest::newRow("en") << int(Language::English);
        QTest::newRow("ja") << int(Language::Japanese);
    }

    void accessibleNames()
    {
        QFETCH(int, language);
        WizardFixture f{Language(language)};
        f.state->setRegion(QStringLiteral("japaneast"));
        f.state->setStorage(QStringLiteral("mystore"));
        FirewallWizard *w = f.wizard.get();
        w->restart();
        for (int id : kFlow) {
            while (w->currentId() != id)
                clickNext(w);
            for (QWidget *widget : w->findChildren<QWidget *>()) {
                if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
                    continue;
                bool internal = false; // parts of a composite control that is checked itself
                for (QWidget *p = widget->parentWidget(); p && p != w; p = p->parentWidget())
                    internal = internal || qobject_cast<QTabBar *>(p) || qobject_cast<QAbstractSpinBox *>(p)
                               || qobject_cast<QComboBox *>(p) || qobject_cast<QLineEdit *>(p)
                               || qobject_cast<QScrollBar *>(p);
                if (internal || qobject_cast<QScrollBar *>(widget) || qobject_cast<QHeaderView *>(widget)
                    || qobject_cast<QTabBar *>(widget) || widget->inherits("QScrollArea"))
                    continue;
                const QString what
                    = QStringLiteral("page %1: %2 %3")
                          .arg(id)
                          .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
                QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(what));
                const bool wizardButton = widget->parentWidget() == w;
                // A label's text is what it says: it needs a name, not a description.
                if (!wizardButton && !qobject_cast<QLabel *>(widget))
                    QVERIFY2(!widget->accessibleDescription().isEmpty() || !widget->toolTip().isEmpty(),
                             qPrintable(what));
            }
        }
    }
};

QTEST_MAIN(TestFirewallWizard)
#include "tst_firewallwizard.moc"
