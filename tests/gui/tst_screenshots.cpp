// Renders every page of the wizard in English and Japanese to PNG files under the build folder
// (screenshots/<page>-<lang>.png): for the README, and to look at after a change.

#include "exportpage.h"
#include "filedialog.h"
#include "liveresultfiltermodel.h"
#include "livetestpage.h"
#include "livetestrig.h"
#include "proberesultmodel.h"
#include "ruledetails.h"
#include "rulespage.h"
#include "ruletreemodel.h"
#include "wizardtesthelpers.h"

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeView>

using namespace amlfw;
using namespace amlfw::test;

namespace {

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(QStringLiteral(AMLFW_SCREENSHOT_DIR)));
        // The same font everywhere, so that screenshots do not depend on the machine's defaults.
        QFont font(QStringLiteral("Noto Sans CJK JP"));
        font.setPointSize(9);
        QApplication::setFont(font);
        QApplication::setCursorFlashTime(0); // a steady text cursor: the same picture every run
    }

    void pages_data()
    {
        QTest::addColumn<int>("language");
        QTest::newRow("en") << int(Language::English);
        QTest::newRow("ja") << int(Language::Japanese);
    }

    void pages()
    {
        QFETCH(int, language);
        const auto lang = Language(language);
        // Both editions as the application has them, the pages in the 2021-11 one (the rules shown are its own).
        WizardFixture f(builtInCatalogs(), lang);
        f.state->setEdition(QStringLiteral("2021-11"));
        FirewallWizard *wizard = f.wizard.get();
        const QString suffix = lang == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en");

        // Returns what is wrong with the picture, empty when nothing (a QVERIFY in here would
        // return from the lambda only, and the test would go on).
        auto shoot = [&](const QString &name) -> QString {
            processLanguageChange();
            QImage image = wizard->grab().toImage();
            if (image.isNull())
                return name + QStringLiteral(": no image");
            if (image.size() != wizard->size() * wizard->devicePixelRatio())
                return name + QStringLiteral(": not the size of the window");
            // A blank or unpainted window would be one colour.
            const QRgb first = image.pixel(10, 10);
            bool varied = false;
            for (int y = 0; y < image.height() && !varied; y += 7)
                for (int x = 0; x < image.width() && !varied; x += 7)
                    varied = image.pixel(x, y) != first;
            if (!varied)
                return name + QStringLiteral(": one colour");
            const QString path = QStringLiteral(AMLFW_SCREENSHOT_DIR "/%1-%2.png").arg(name, suffix);
            return image.save(path) ? QString() : QStringLiteral("cannot save ") + path;
        };

        // The welcome page, with the edition choice, is pictured by editions().
        clickNext(wizard);
        QTest::mouseClick(find::button(wizard->cloudPage(), QStringLiteral("public")), Qt::LeftButton);
        QCOMPARE(shoot(QStringLiteral("cloud")), QString());
        clickNext(wizard);
        // One geography, with regions that have Azure ML and some that do not.
        typeInto(find::searchField(wizard->regionPage()), QStringLiteral("asia"));
        f.state->setRegion(QStringLiteral("japaneast"));
        QVERIFY(wizard->regionPage()->isComplete());
        QCOMPARE(f.state->answers().region, QStringLiteral("japaneast"));
        QCOMPARE(shoot(QStringLiteral("region")), QString());
        clickNext(wizard);
        typeInto(find::nameField(wizard->storagePage()), QStringLiteral("mlwsdemo4711"));
        QCOMPARE(shoot(QStringLiteral("storage")), QString());
        clickNext(wizard);
        f.state->setFeatures({QStringLiteral("compute-instance"), QStringLiteral("compute-cluster"),
                              QStringLiteral("notebooks"), QStringLiteral("custom-images"), QStringLiteral("python"),
                              QStringLiteral("arc-inference")});
        wizard->featuresPage()->recountNow();
        QCOMPARE(shoot(QStringLiteral("features")), QString());
        clickNext(wizard);
        // A rule with notes selected, so that the details pane shows what it is for.
        QTreeView *view = find::view(wizard->rulesPage(), RulesPage::NetworkTab);
        find::tabs(wizard->rulesPage())->setCurrentIndex(RulesPage::NetworkTab);
        const QModelIndexList acr
            = view->model()->match(view->model()->index(0, 0), RuleTreeModel::RuleIdRole,
                                   QStringLiteral("internet-out-acr"), 1, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(acr.size(), 1);
        view->setCurrentIndex(acr.first());
        QCOMPARE(shoot(QStringLiteral("rules")), QString());
        nextToExport(wizard); // the live test has its own pictures, after a run (liveTest)
        // With a service tags file, as a change ticket for a firewall that takes addresses would.
        ExportPage *exportPage = wizard->exportPage();
        FileDialog::instance()->setNextFileName(qEnvironmentVariable("AMLFW_TEST_DATA")
                                                + QStringLiteral("/servicetags/ServiceTags_Public_20261130.json"));
        QVERIFY(exportPage->chooseServiceTags());
        QCOMPARE(shoot(QStringLiteral("export")), QString());
        exportPage->setFormat(ExportFormat::FqdnList);
        QCOMPARE(shoot(QStringLiteral("export-fqdn-list")), QString());
        exportPage->setFormat(ExportFormat::Csv);
        QCOMPARE(shoot(QStringLiteral("export-csv")), QString());
        exportPage->setFormat(ExportFormat::Arm);
        // The rule details with the service tag's prefixes listed.
        clickBack(wizard);
        clickBack(wizard);
        const QModelIndexList aad
            = view->model()->match(view->model()->index(0, 0), RuleTreeModel::RuleIdRole,
                                   QStringLiteral("internet-out-aad"), 1, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(aad.size(), 1);
        view->setCurrentIndex(aad.first());
        Q_EMIT find::details(wizard->rulesPage())->anchorClicked(RuleDetails::prefixesLink());
        QCOMPARE(shoot(QStringLiteral("rules-prefixes")), QString());
        f.state->clearServiceTags();
    }

    // The pages that differ between editions, with the built-in editions, at 1024x700: the edition
    // choice, the network choice (the managed network chosen) and the workspace resources. While
    // the newest built-in edition names no <acr> the synthetic one stands in, so that the
    // registry and workspace ID fields are in the picture.
    void editions_data() { pages_data(); }

    void editions()
    {
        QFETCH(int, language);
        const auto lang = Language(language);
        auto fixture = std::make_unique<WizardFixture>(builtInCatalogs(), lang);
        FirewallWizard *wizard = nullptr;
        const QString suffix = lang == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
        auto shoot = [&](const QString &name) -> QString {
            processLanguageChange();
            const QImage image = wizard->grab().toImage();
            if (image.isNull() || image.size() != QSize(1024, 700) * wizard->devicePixelRatio())
                return name + QStringLiteral(": no image of the window's size");
            const QString path = QStringLiteral(AMLFW_SCREENSHOT_DIR "/%1-%2.png").arg(name, suffix);
            return image.save(path) ? QString() : QStringLiteral("cannot save ") + path;
        };
        wizard = fixture->wizard.get();
        wizard->resize(1024, 700);
        QCOMPARE(fixture->state->edition(), Catalog::newestEdition());
        QCOMPARE(shoot(QStringLiteral("welcome")), QString());
        clickNext(wizard);
        QTest::mouseClick(find::networkButton(wizard->cloudPage(), NetworkKind::Managed), Qt::LeftButton);
        QCOMPARE(fixture->state->answers().network, NetworkKind::Managed);
        QCOMPARE(shoot(QStringLiteral("cloud-network")), QString());
        if (!fixture->state->usesPlaceholder(QStringLiteral("acr"))) {
            fixture.reset();
            fixture = std::make_unique<WizardFixture>(syntheticEditions(), lang);
            wizard = fixture->wizard.get();
            wizard->resize(1024, 700);
            wizard->next();
        }
        // The storage host names are those of your own firewall's rules.
        fixture->state->setNetwork(NetworkKind::Customer);
        clickNext(wizard);
        fixture->state->setRegion(QStringLiteral("japaneast"));
        clickNext(wizard);
        typeInto(find::nameField(wizard->storagePage()), QStringLiteral("mlwsdemo4711"));
        typeInto(find::acrField(wizard->storagePage()), QStringLiteral("mlwsdemo"));
        typeInto(find::workspaceIdField(wizard->storagePage()), QStringLiteral("0a1b2c3d-4e5f-6789"));
        QVERIFY(find::workspaceIdBanner(wizard->storagePage())->isVisible()); // half typed: the message shows
        QCOMPARE(shoot(QStringLiteral("resources")), QString());
    }

    // The live-test page after a run against the loopback rig: reachable, refused, inspected and
    // timed-out endpoints, the inspected one selected so that the details show its certificate chain.
    void liveTest_data() { pages_data(); }

    void liveTest()
    {
        QFETCH(int, language);
        const auto lang = Language(language);
        const QString suffix = lang == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
        LiveTestRig rig;
        QString error;
        QVERIFY2(rig.setUp(&error), qPrintable(error));
        WizardFixture f(lang);
        f.catalog = rig.catalog;
        f.recreate(lang, false);
        f.state->setAnswers(LiveTestRig::answers());
        FirewallWizard *wizard = f.wizard.get();
        wizard->advanceToRules();
        clickNext(wizard);
        auto *page = qobject_cast<LiveTestPage *>(wizard->currentPage());
        QVERIFY(page);
        auto shoot = [&](const QString &name) -> QString { // what went wrong, or empty
            processLanguageChange();
            const QString path = QStringLiteral(AMLFW_SCREENSHOT_DIR "/%1-%2.png").arg(name, suffix);
            return wizard->grab().save(path) ? QString() : QStringLiteral("cannot save ") + path;
        };

        page->setResolver(&rig.resolver);
        page->setBaseOptions(rig.baseOptions());
        child<QComboBox>(page, "proxyMode")
            ->setCurrentIndex(child<QComboBox>(page, "proxyMode")->findData(int(ProxySetting::Mode::None)));
        child<QLineEdit>(page, "caBundle")->setText(rig.caBundlePath);
        child<QSpinBox>(page, "timeout")->setValue(1);
        for (const auto &[destination, host] : LiveTestRig::samples())
            liveOptions(page)->setSampleHost(destination, host);
        // The options open, with an HTTP proxy and its credentials (the password masked).
        child<QToolButton>(page, "moreOptions")->click();
        child<QComboBox>(page, "proxyMode")
            ->setCurrentIndex(child<QComboBox>(page, "proxyMode")->findData(int(ProxySetting::Mode::Explicit)));
        child<QLineEdit>(page, "proxyUrl")->setText(QStringLiteral("http://proxy.contoso.example:3128"));
        child<QLineEdit>(page, "proxyUser")->setText(QStringLiteral("mladmin"));
        child<QLineEdit>(page, "proxyPassword")->setText(QStringLiteral("not-a-real-password"));
        liveOptions(page)->setRedirectText(QStringLiteral("--resolve ml.azure.com:443:10.0.0.4\n"
                                                          "--connect-to login.microsoftonline.com:443:10.1.2.3:8443\n"
                                                          "portal.azure.com:http:10.0.0.5"));
        QCOMPARE(shoot(QStringLiteral("state-livetest-options")), QString());
        liveOptions(page)->setRedirectText(QString()); // the rig's pins only for the run
        child<QComboBox>(page, "proxyMode")
            ->setCurrentIndex(child<QComboBox>(page, "proxyMode")->findData(int(ProxySetting::Mode::None)));
        child<QToolButton>(page, "moreOptions")->click();
        // Before the run: what each row will test, and why some will not.
        QCOMPARE(shoot(QStringLiteral("state-livetest-plan")), QString());

        QSignalSpy finished(page, &LiveTestPage::testFinished);
        QVERIFY(page->startTest());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        const auto &results = page->session()->model()->results();
        int inspected = -1;
        for (int row = 0; row < results.size() && inspected < 0; ++row) {
            if (results.at(row).status == ProbeStatus::TlsInspected)
                inspected = row;
        }
        QVERIFY(inspected >= 0);
        child<QTreeView>(page, "liveTestView")
            ->setCurrentIndex(filterModel(page)->mapFromSource(page->session()->model()->index(inspected, 0)));
        child<QTreeView>(page, "liveTestView")->scrollTo(child<QTreeView>(page, "liveTestView")->currentIndex());
        QCOMPARE(shoot(QStringLiteral("livetest")), QString());
        // No row selected: the details pane lists the grouped requests; the save menu with PDF.
        child<QTreeView>(page, "liveTestView")->setCurrentIndex(QModelIndex());
        QCOMPARE(shoot(QStringLiteral("state-livetest-askfor")), QString());
        QMenu *saveMenu = child<QPushButton>(page, "saveReport")->menu();
        QVERIFY(saveMenu);
        saveMenu->adjustSize();
        QVERIFY(saveMenu->grab().save(
            QStringLiteral(AMLFW_SCREENSHOT_DIR "/state-livetest-savemenu-%1.png").arg(suffix)));

        // After the change: compared with the first run, saved as its JSON report.
        const QString before = f.dir.filePath(QStringLiteral("before.json"));
        FileDialog::instance()->setNextFileName(before);
        QVERIFY(reportBar(page)->saveReport(LiveTestReportBar::ReportFormat::Json));
        page->setBaseOptions(rig.baseOptions(true));
        finished.clear();
        QVERIFY(page->startTest());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QVERIFY(reportBar(page)->loadBaselineFrom(before));
        child<QCheckBox>(page, "failuresOnly")->setChecked(false);
        for (int row = 0; row < results.size(); ++row) {
            if (results.at(row).target.port == 80) {
                child<QTreeView>(page, "liveTestView")
                    ->setCurrentIndex(filterModel(page)->mapFromSource(page->session()->model()->index(row, 0)));
                break;
            }
        }
        QCOMPARE(shoot(QStringLiteral("state-livetest-compare")), QString());

        // The first run's report opened again, read-only, with its machine, time and scenario.
        QVERIFY(page->openReport(before));
        child<QTreeView>(page, "liveTestView")
            ->setCurrentIndex(filterModel(page)->mapFromSource(page->shownModel()->index(inspected, 0)));
        QCOMPARE(shoot(QStringLiteral("state-livetest-report")), QString());
    }

    // States worth a look that the README does not show: messages of every kind.
    void states_data() { pages_data(); }

    void states()
    {
        QFETCH(int, language);
        const auto lang = Language(language);
        WizardFixture f(lang);
        FirewallWizard *wizard = f.wizard.get();
        const QString suffix = lang == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
        auto shoot = [&](QWidget *widget, const QString &name) -> QString { // what went wrong, or empty
            processLanguageChange();
            const QString path = QStringLiteral(AMLFW_SCREENSHOT_DIR "/state-%1-%2.png").arg(name, suffix);
            return widget->grab().save(path) ? QString() : QStringLiteral("cannot save ") + path;
        };
        f.state->setRegion(QStringLiteral("francesouth"));
        wizard->advanceToRules();
        QCOMPARE(wizard->currentId(), int(FirewallWizard::StoragePageId));
        typeInto(find::nameField(wizard->storagePage()), QStringLiteral("My-Store"));
        QVERIFY(find::banner(wizard->storagePage())->isVisible());
        QCOMPARE(shoot(wizard, QStringLiteral("storage-error")), QString());
        clickBack(wizard);
        QVERIFY(find::banner(wizard->regionPage())->isVisible());
        QCOMPARE(shoot(wizard, QStringLiteral("region-warning")), QString());
        typeInto(find::searchField(wizard->regionPage()), QStringLiteral("japaneest"));
        QCOMPARE(shoot(wizard, QStringLiteral("region-nomatch")), QString());
        f.state->setRegion(QStringLiteral("japaneast"));
        f.state->setStorage(QStringLiteral("mystore"));
        f.state->setFeatures(f.catalog.featureIds());
        wizard->advanceToRules();
        find::tabs(wizard->rulesPage())->setCurrentIndex(RulesPage::HostsTab);
        typeInto(find::filterField(wizard->rulesPage()), QStringLiteral("python"));
        QCOMPARE(shoot(wizard, QStringLiteral("rules-filter")), QString());
        clickNext(wizard);
        ExportPage *page = wizard->exportPage();
        typeInto(child<QLineEdit>(page, "policyName"), QStringLiteral("bad name"));
        QCOMPARE(shoot(wizard, QStringLiteral("export-invalid")), QString());
        typeInto(child<QLineEdit>(page, "policyName"), QStringLiteral("fwpol-aml"));
        FileDialog::instance()->setNextFileName(f.dir.filePath(QStringLiteral("amlfw-arm.json")));
        QVERIFY(page->exportFile());
        QCOMPARE(shoot(wizard, QStringLiteral("export-saved")), QString());
        wizard->showAbout();
        QVERIFY(wizard->lastMessage());
        QCOMPARE(shoot(wizard->lastMessage(), QStringLiteral("about")), QString());
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
