// The wizard over two editions, driven as a user would: choosing the edition with the keyboard, the
// header naming it, answers carried across editions, the workspace resources an edition asks for,
// the managed network, a returning user and files saved before editions existed. The "2026-03"
// edition here is synthetic (syntheticEditions()): the tests do not depend on the real 2026 data.

#include "wizardtesthelpers.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

using namespace amlfw;
using namespace amlfw::test;

namespace {

const QString k2021 = QStringLiteral("2021-11");
const QString k2026 = QStringLiteral("2026-03");

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

// The page's header line as the wizard shows it.
QString header(const QWizardPage *page)
{
    return page->subTitle();
}

} // namespace

class TestWizardEditions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { applyLanguage(Language::English); }

    void chooseEditionWithTheKeyboard()
    {
        WizardFixture f(syntheticEditions());
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        WelcomePage *welcome = w->welcomePage();
        // The newest is preselected, and every header names it.
        QCOMPARE(f.state->edition(), k2026);
        QVERIFY(find::editionButton(welcome, k2026)->isChecked());
        QVERIFY2(header(welcome).contains(k2026), qPrintable(header(welcome)));
        QVERIFY(header(w->cloudPage()).contains(k2026));
        // Each choice shows its date and its sentence.
        QVERIFY(find::editionButton(welcome, k2026)->text().contains(QStringLiteral("2026-03-19")));
        QVERIFY(find::editionButton(welcome, k2021)->text().contains(f.catalog.sourceDate));
        QVERIFY(child<QLabel>(welcome, "editionSummary_2026-03")->text().contains(QStringLiteral("synthetic")));
        QVERIFY(!child<QLabel>(welcome, "editionSummary_2021-11")->text().isEmpty());

        // Alt+1 (the year's last digit) chooses 2021-11; mnemonics click with an animation.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_1, Qt::AltModifier);
        QTRY_COMPARE(f.state->edition(), k2021);
        QCOMPARE(f.state->answers().edition, k2021);
        QVERIFY(find::editionButton(welcome, k2021)->isChecked());
        QVERIFY(header(welcome).contains(k2021));
        QVERIFY(header(w->storagePage()).contains(k2021));
        QVERIFY(!header(w->storagePage()).contains(k2026));

        // Arrow keys move between the choices as in any radio group.
        QCOMPARE(QApplication::focusWidget(), find::editionButton(welcome, k2021));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
        QCOMPARE(f.state->edition(), k2026);
        QVERIFY(header(w->featuresPage()).contains(k2026));
        // Enter still means Next.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::CloudPageId));
    }

    void headerNamesTheEditionInJapanese()
    {
        WizardFixture f(syntheticEditions(), Language::Japanese);
        FirewallWizard *w = f.wizard.get();
        processLanguageChange();
        for (QWizardPage *page :
             {static_cast<QWizardPage *>(w->welcomePage()), static_cast<QWizardPage *>(w->cloudPage()),
              static_cast<QWizardPage *>(w->storagePage()), static_cast<QWizardPage *>(w->featuresPage())}) {
            QVERIFY2(header(page).contains(k2026) && hasJapanese(header(page)), qPrintable(header(page)));
        }
        QVERIFY(hasJapanese(find::editionButton(w->welcomePage(), k2026)->text()));
        QVERIFY(hasJapanese(child<QLabel>(w->welcomePage(), "editionSummary_2026-03")->text()));
        QVERIFY(hasJapanese(child<QLabel>(w->welcomePage(), "editionSummary_2021-11")->text()));
        // Switching the language keeps the edition in the header.
        f.state->setLanguage(Language::English);
        processLanguageChange();
        QVERIFY(header(w->cloudPage()).contains(k2026));
        QVERIFY(!hasJapanese(header(w->cloudPage())));
    }

    void featuresReplacedAcrossEditions()
    {
        WizardFixture f(syntheticEditions());
        FirewallWizard *w = f.wizard.get();
        QTest::mouseClick(find::editionButton(w->welcomePage(), k2021), Qt::LeftButton);
        f.state->setRegion(QStringLiteral("japaneast"));
        f.state->setStorage(QStringLiteral("mystore"));
        f.state->setFeatures({QStringLiteral("compute-cluster"), QStringLiteral("r")});
        QVERIFY(!find::noticeBanner(w->welcomePage())->isVisible());

        // 2026 has no "r": its nearest, python, takes its place, and the banner says so.
        QTest::mouseClick(find::editionButton(w->welcomePage(), k2026), Qt::LeftButton);
        QCOMPARE(f.state->answers().features,
                 (QStringList{QStringLiteral("compute-cluster"), QStringLiteral("python")}));
        QCOMPARE(f.state->answers().region, QStringLiteral("japaneast")); // kept: it exists there
        QCOMPARE(f.state->answers().cloud, QStringLiteral("public"));
        MessageBanner *banner = find::noticeBanner(w->welcomePage());
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("\"r\"")) && banner->text().contains(QStringLiteral("python")),
                 qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QStringLiteral("R packages come from the Python feed.")));

        // The features page lists 2026's features: no "r", python checked; the banner is there too.
        w->advanceToRules();
        w->back();
        QCOMPARE(w->currentId(), int(FirewallWizard::FeaturesPageId));
        FeaturesPage *features = w->featuresPage();
        QVERIFY(!find::checkBox(features, QStringLiteral("r")));
        QVERIFY(find::checkBox(features, QStringLiteral("python"))->isChecked());
        QVERIFY(find::checkBox(features, QStringLiteral("compute-cluster"))->isChecked());
        QVERIFY(features->findChild<QGroupBox *>(QStringLiteral("group_") + f.catalog.featureGroups.first().id));
        QVERIFY(find::noticeBanner(features)->isVisible());
        QVERIFY(!find::banner(features)->isVisible()); // nothing unknown left
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());

        // Dismissed on one page, gone on all.
        QTest::mouseClick(child<QPushButton>(find::noticeBanner(features), "dismissNotice"), Qt::LeftButton);
        QVERIFY(!find::noticeBanner(features)->isVisible());
        QVERIFY(f.state->notice().isEmpty());

        // Back to 2021: "r" is there again as a feature to tick, python stays.
        f.state->setEdition(k2021);
        QVERIFY(find::checkBox(features, QStringLiteral("r")));
        QVERIFY(!find::checkBox(features, QStringLiteral("r"))->isChecked());
        QVERIFY(find::checkBox(features, QStringLiteral("python"))->isChecked());
        QVERIFY(f.state->notice().isEmpty()); // nothing was replaced
    }

    void workspaceResources()
    {
        WizardFixture f(syntheticEditions());
        FirewallWizard *w = f.wizard.get();
        f.state->setRegion(QStringLiteral("japaneast"));
        f.state->setStorage(QStringLiteral("mystore"));
        w->advanceToRules();
        while (w->currentId() != FirewallWizard::StoragePageId)
            w->back();
        StoragePage *page = w->storagePage();
        QCOMPARE(page->title(), QStringLiteral("Workspace resources"));
        QLineEdit *acr = find::acrField(page);
        QLineEdit *id = find::workspaceIdField(page);
        QVERIFY(acr->isVisible() && id->isVisible());
        QVERIFY(child<QLabel>(page, "acrNameHint")->isVisible());
        QVERIFY(child<QLabel>(page, "workspaceIdHint")->text().contains(QStringLiteral("Properties")));

        // Tab order is reading order.
        find::nameField(page)->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), acr);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), id);

        // Checked as typed; a wrong optional answer holds Next back.
        QVERIFY(page->hostNames().contains(QStringLiteral("mystore.blob.core.windows.net")));
        typeInto(acr, QStringLiteral("ab-c"));
        QCOMPARE(f.state->answers().acr, QStringLiteral("ab-c"));
        QVERIFY(find::acrBanner(page)->isVisible());
        QCOMPARE(find::acrBanner(page)->kind(), MessageBanner::Kind::Error);
        QVERIFY2(find::acrBanner(page)->text().contains(QStringLiteral("5 to 50")),
                 qPrintable(find::acrBanner(page)->text()));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        typeInto(acr, QStringLiteral("MyRegistry01"));
        QVERIFY(!find::acrBanner(page)->isVisible());
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());

        typeInto(id, QStringLiteral("not-a-guid"));
        QVERIFY(find::workspaceIdBanner(page)->isVisible());
        QVERIFY(find::workspaceIdBanner(page)->text().contains(QStringLiteral("GUID")));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        // A half-typed answer does not empty the storage host names below, nor grey them.
        QVERIFY(page->hostNames().contains(QStringLiteral("mystore.blob.core.windows.net")));
        const QList<QTreeWidgetItem *> blob
            = find::hostList(page)->findItems(QStringLiteral("mystore.blob.core.windows.net"), Qt::MatchExactly);
        QCOMPARE(blob.size(), 1);
        QCOMPARE(blob.first()->toolTip(0), QStringLiteral("Needed by the features chosen so far."));
        typeInto(id, QStringLiteral("0A1B2C3D-4E5F-6789-ABCD-EF0123456789"));
        QVERIFY(!find::workspaceIdBanner(page)->isVisible());
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());

        // The answers reach the rules.
        QStringList destinations;
        for (const Rule &r : f.state->ruleSet().rules)
            destinations << r.destination;
        QVERIFY2(destinations.contains(QStringLiteral("myregistry01.azurecr.io")), qPrintable(destinations.join(u' ')));
        QVERIFY(destinations.contains(
            QStringLiteral("0a1b2c3d-4e5f-6789-abcd-ef0123456789.workspace.japaneast.api.azureml.ms")));

        // The synthetic managed network has no rules at all: the empty list says why.
        f.state->setNetwork(NetworkKind::Managed);
        QVERIFY(page->hostNames().isEmpty());
        QVERIFY(child<QLabel>(page, "storageHint")->text().contains(QStringLiteral("private endpoints")));
        f.state->setNetwork(NetworkKind::Customer);
        QVERIFY(child<QLabel>(page, "storageHint")->text().startsWith(QStringLiteral("Greyed")));

        // 2021 has no such rules: the fields are not asked, and their answers do not hold Next back.
        typeInto(acr, QStringLiteral("x"));
        f.state->setEdition(k2021);
        QVERIFY(!acr->isVisible() && !id->isVisible());
        QVERIFY(!find::acrBanner(page)->isVisible());
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());
    }

    void managedNetworkChoice()
    {
        WizardFixture f(syntheticEditions());
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        f.state->setEdition(k2021);
        w->next();
        QCOMPARE(w->currentId(), int(FirewallWizard::CloudPageId));
        CloudPage *page = w->cloudPage();
        // 2021 knows only your own firewall: the managed choice is disabled, with the reason.
        QVERIFY(find::networkButton(page, NetworkKind::Customer)->isChecked());
        QVERIFY(!find::networkButton(page, NetworkKind::Managed)->isEnabled());
        QLabel *reason = child<QLabel>(page, "networkReason");
        QVERIFY(reason->isVisible());
        QVERIFY(reason->text().contains(k2021) && reason->text().contains(k2026));

        f.state->setEdition(k2026);
        QVERIFY(find::networkButton(page, NetworkKind::Managed)->isEnabled());
        QVERIFY(!reason->isVisible());
        // Alt+M, its mnemonic, chooses it (mnemonics click with an animation).
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_M, Qt::AltModifier);
        QTRY_COMPARE(f.state->answers().network, NetworkKind::Managed);
        QVERIFY(find::networkButton(page, NetworkKind::Managed)->isChecked());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::AltModifier);
        QTRY_COMPARE(f.state->answers().network, NetworkKind::Customer);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_M, Qt::AltModifier);
        QTRY_COMPARE(f.state->answers().network, NetworkKind::Managed);

        // Back in 2021 the managed network cannot stay: your own firewall, and the banner says so.
        f.state->setEdition(k2021);
        QCOMPARE(f.state->answers().network, NetworkKind::Customer);
        QVERIFY(find::networkButton(page, NetworkKind::Customer)->isChecked());
        QVERIFY(find::noticeBanner(page)->isVisible());
        QVERIFY(find::noticeBanner(page)->text().contains(QStringLiteral("managed virtual network")));
    }

    void returningUser()
    {
        WizardFixture f(syntheticEditions());
        // The older edition, on purpose: the newest is the default, so this shows it was remembered.
        f.state->setEdition(k2021);
        f.state->setRegion(QStringLiteral("westus2"));
        f.state->setStorage(QStringLiteral("remembered"));
        f.state->setFeatures({QStringLiteral("r")});
        f.state->setAcr(QStringLiteral("myregistry"));
        const Answers answers = f.state->answers();
        f.wizard->close();
        f.recreate(Language::English, true);
        QCOMPARE(f.state->edition(), k2021);
        QCOMPARE(f.state->answers(), answers);
        QVERIFY(find::editionButton(f.wizard->welcomePage(), k2021)->isChecked());
        QVERIFY(f.state->notice().isEmpty());
        QVERIFY(!find::noticeBanner(f.wizard->welcomePage())->isVisible());
    }

    void settingsWithoutEdition()
    {
        // Answers remembered by an amlfw before editions: no "edition" key.
        WizardFixture f(syntheticEditions());
        f.wizard.reset();
        {
            QSettings raw(f.settingsPath, QSettings::IniFormat);
            raw.clear();
            raw.setValue(QStringLiteral("answers/cloud"), QStringLiteral("public"));
            raw.setValue(QStringLiteral("answers/region"), QStringLiteral("japaneast"));
            raw.setValue(QStringLiteral("answers/storage"), QStringLiteral("oldstore"));
            raw.setValue(QStringLiteral("answers/features"), QStringList{QStringLiteral("r")});
        }
        f.recreate(Language::English, true);
        QCOMPARE(f.state->edition(), k2021);
        QCOMPARE(f.state->answers().features, QStringList{QStringLiteral("r")});
        QVERIFY(find::editionButton(f.wizard->welcomePage(), k2021)->isChecked());
        MessageBanner *banner = find::noticeBanner(f.wizard->welcomePage());
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(k2021), qPrintable(banner->text()));

        // Told once: the answers are remembered with their edition now.
        f.wizard->close();
        f.recreate(Language::English, true);
        QCOMPARE(f.state->edition(), k2021);
        QVERIFY(f.state->notice().isEmpty());
        QCOMPARE(f.settings->lastAnswers()->edition, k2021);
    }

    void profilesAndEditions()
    {
        WizardFixture f(syntheticEditions());
        FirewallWizard *w = f.wizard.get();
        QCOMPARE(f.state->edition(), k2026);
        // A profile from before editions: read as 2021-11, and the page it stops at says so.
        const QString old = f.dir.filePath(QStringLiteral("old.json"));
        writeFile(old, R"({"cloud": "public", "region": "japaneast", "storage": "oldstore", "features": ["r"]})");
        QVERIFY(w->loadProfile(old));
        QCOMPARE(f.state->edition(), k2021);
        QCOMPARE(f.state->answers().features, QStringList{QStringLiteral("r")});
        QCOMPARE(w->currentId(), int(FirewallWizard::RulesPageId));
        QVERIFY(find::noticeBanner(w->rulesPage())->isVisible());
        QVERIFY(find::noticeBanner(w->rulesPage())->text().contains(k2021));

        // Saved by the wizard: the edition is in the file.
        f.state->setEdition(k2026);
        const QString saved = f.dir.filePath(QStringLiteral("saved.json"));
        QString error;
        QVERIFY2(w->saveProfileTo(saved, &error), qPrintable(error));
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("edition")).toString(), k2026);

        // Opened again from 2021: it switches to its own edition, with nothing to say.
        f.state->setEdition(k2021);
        f.state->clearNotice();
        QVERIFY(w->loadProfile(saved));
        QCOMPARE(f.state->edition(), k2026);
        QCOMPARE(f.state->answers().features, QStringList{QStringLiteral("python")});
        QVERIFY(f.state->notice().isEmpty());
        QVERIFY(!find::noticeBanner(w->rulesPage())->isVisible());
    }
};

QTEST_MAIN(TestWizardEditions)
#include "tst_wizardeditions.moc"
