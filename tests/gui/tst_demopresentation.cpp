// Demonstrations: the live-test page's demo network chosen and run by keyboard, with every status
// and the DEMO strip; the presentation zoom by real key events, in both languages, remembered.

#include "elidedlabel.h"
#include "liveresultfiltermodel.h"
#include "livetestpage.h"
#include "livetestreportbar.h"
#include "presentationzoom.h"
#include "probereport.h"
#include "proberesultmodel.h"
#include "probesession.h"
#include "uifont.h"
#include "wizardtesthelpers.h"

#include <QComboBox>
#include <QDir>
#include <QFontInfo>
#include <QLineEdit>
#include <QSaveFile>

using namespace amlfw;
using namespace amlfw::test;

namespace {

// Tabs from where the focus is until `target` has it, as a user would; false after a full round.
bool tabTo(QWidget *target)
{
    for (int i = 0; i < 80 && QApplication::focusWidget() != target; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    return QApplication::focusWidget() == target;
}

qreal fontSize(const QWidget *w)
{
    return QFontInfo(w->font()).pointSizeF();
}

} // namespace

class TestDemoPresentation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup()
    {
        setUiZoom(100);
        applyLanguage(Language::English);
    }

    void demoNetworkByKeyboard()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        answerUpToRules(w, QStringLiteral("public"), QStringLiteral("japan east"), QStringLiteral("mystore"),
                        {QStringLiteral("compute-instance")});
        clickNext(w);
        QCOMPARE(w->currentId(), int(FirewallWizard::LiveTestPageId));
        auto *page = qobject_cast<LiveTestPage *>(w->currentPage());
        QVERIFY(page);
        auto *demo = child<QCheckBox>(page, QStringLiteral("demoNetwork"));
        auto *strip = child<QLabel>(page, QStringLiteral("demoBanner"));
        auto *start = child<QPushButton>(page, QStringLiteral("startTest"));
        QVERIFY(!strip->isVisible());

        // Tab to the box, Space checks it; Tab to Start, Space runs.
        QVERIFY(tabTo(demo));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(demo->isChecked());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), start);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTRY_VERIFY(page->session()->isRunning() || page->session()->hasResults());
        QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isRunning(), 20000);

        QVERIFY(strip->isVisible());
        QVERIFY(strip->text().startsWith(QStringLiteral("DEMO")));
        QSet<ProbeStatus> seen;
        const ProbeResultModel *model = page->session()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const ProbeResult &r = model->result(row);
            seen.insert(r.status);
            for (const TcpAttempt &a : r.tcp)
                QVERIFY(a.address.isLoopback());
        }
        for (ProbeStatus s : {ProbeStatus::Ok, ProbeStatus::DnsFailed, ProbeStatus::TcpRefused, ProbeStatus::TlsTimeout,
                              ProbeStatus::TlsInspected, ProbeStatus::ProxyAuthRequired})
            QVERIFY2(seen.contains(s), qPrintable(probeStatusId(s)));
        // The report of this run says DEMO.
        QVERIFY(page->session()->run(f.state->ruleSet()).demo());

        // A real run's report as the baseline of demo results: said at once.
        ProbeRun realRun = page->session()->run(f.state->ruleSet());
        realRun.vantage.demo = false;
        realRun.options.demo = false;
        const QString realReport = f.dir.filePath(QStringLiteral("real.json"));
        QSaveFile file(realReport);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ProbeReport::json(realRun, Language::English));
        QVERIFY(file.commit());
        QVERIFY(page->findChild<LiveTestReportBar *>()->loadBaselineFrom(realReport));
        auto *banner = child<MessageBanner>(page, QStringLiteral("liveTestBanner"));
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("real network")), qPrintable(banner->text()));

        // Unchecked, the strip stays with the demo results until a real run replaces them.
        QVERIFY(tabTo(demo));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(!demo->isChecked());
        QVERIFY(strip->isVisible());
    }

    // The options the demo does not use (proxy, CAs, timeouts, redirects) are greyed out while it is
    // chosen, and a broken one does not stop it: a presenter's HTTP proxy of another network, half
    // typed, must not keep the demo from running.
    void demoIgnoresTheOptionsItDoesNotUse()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        answerUpToRules(w, QStringLiteral("public"), QStringLiteral("japan east"), QStringLiteral("mystore"),
                        {QStringLiteral("compute-instance")});
        clickNext(w);
        auto *page = qobject_cast<LiveTestPage *>(w->currentPage());
        QVERIFY(page);
        auto *combo = child<QComboBox>(page, QStringLiteral("proxyMode"));
        auto *proxyUrl = child<QLineEdit>(page, QStringLiteral("proxyUrl"));
        auto *demo = child<QCheckBox>(page, QStringLiteral("demoNetwork"));
        auto *summary = child<ElidedLabel>(page, QStringLiteral("optionsSummary"));

        // An HTTP proxy with a URL that is no URL: a real run refuses to start.
        QVERIFY(tabTo(combo));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(combo->currentData().toInt(), int(ProxySetting::Mode::Explicit));
        QVERIFY(proxyUrl->isVisible());
        QVERIFY(tabTo(proxyUrl));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("http://proxy.example.com:notaport"));
        QVERIFY(!page->startTest());
        QVERIFY(!page->session()->hasResults());

        // The demo: those options greyed out and said so; Start runs it all the same.
        QVERIFY(tabTo(demo));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(demo->isChecked());
        QVERIFY(!combo->isEnabled());
        QVERIFY(!proxyUrl->isEnabled());
        QVERIFY(!child<QLineEdit>(page, QStringLiteral("caBundle"))->isEnabled());
        QVERIFY2(summary->fullText().startsWith(QStringLiteral("demo network")), qPrintable(summary->fullText()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), child<QPushButton>(page, QStringLiteral("startTest")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTRY_VERIFY(page->session()->isRunning() || page->session()->hasResults());
        QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isRunning(), 20000);
        QVERIFY(page->session()->runOptions().demo);
        QVERIFY(page->session()->counts().ok > 0);

        // Unchecked: the options are the user's again, the broken URL with them.
        QVERIFY(tabTo(demo));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(combo->isEnabled() && proxyUrl->isEnabled());
        QVERIFY(!summary->fullText().contains(QStringLiteral("demo network")));
        QVERIFY(!page->startTest());
    }

    void zoomByKeys_data()
    {
        QTest::addColumn<Language>("language");
        QTest::newRow("English") << Language::English;
        QTest::newRow("Japanese") << Language::Japanese;
    }

    void zoomByKeys()
    {
        QFETCH(Language, language);
        WizardFixture f(language);
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        clickNext(w); // the cloud page: a page with labels
        QLabel *label = nullptr;
        for (QLabel *l : w->currentPage()->findChildren<QLabel *>()) {
            if (l->isVisible() && !l->text().isEmpty()) {
                label = l;
                break;
            }
        }
        QVERIFY(label);
        const qreal base = fontSize(label);
        const int baseHeight = label->sizeHint().height();
        QVERIFY(base > 0);

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Plus, Qt::ControlModifier);
        QTRY_VERIFY2(fontSize(label) >= base * 1.08, qPrintable(QString::number(fontSize(label))));
        QVERIFY(label->sizeHint().height() > baseHeight); // the layout follows
        auto *indicator = child<QLabel>(w, QStringLiteral("zoomIndicator"));
        QVERIFY(indicator->isVisible());
        QVERIFY2(indicator->text().endsWith(QStringLiteral(" 110%")), qPrintable(indicator->text()));
        // Without a numpad: Ctrl+= is plus too.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Equal, Qt::ControlModifier);
        QTRY_VERIFY(fontSize(label) >= base * 1.2);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Minus, Qt::ControlModifier);
        QTRY_VERIFY(fontSize(label) < base * 1.2 && fontSize(label) >= base * 1.08);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_0, Qt::ControlModifier);
        QTRY_COMPARE(fontSize(label), base);

        // Remembered: zoomed, then the program again on the same settings.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Plus, Qt::ControlModifier);
        QTRY_VERIFY(fontSize(label) >= base * 1.08);
        QCOMPARE(f.settings->uiZoomPercent(), 110);
        f.wizard.reset();
        setUiZoom(100); // a new process starts at the system's size
        f.recreate(language, false);
        QVERIFY(QTest::qWaitForWindowActive(f.wizard.get()));
        QCOMPARE(f.wizard->findChild<PresentationZoom *>()->percent(), 110);
        QVERIFY(QFontInfo(QApplication::font()).pointSizeF() >= base * 1.08);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_0, Qt::ControlModifier);
        QTRY_COMPARE(QFontInfo(QApplication::font()).pointSizeF(), base);
        QCOMPARE(f.settings->uiZoomPercent(), 100);
    }

    // The page after a demo run, at 1024x700, in both languages (docs/screenshots/livetest-demo-*.png).
    void screenshot_data()
    {
        QTest::addColumn<Language>("language");
        QTest::newRow("en") << Language::English;
        QTest::newRow("ja") << Language::Japanese;
    }

    void screenshot()
    {
        QFETCH(Language, language);
        QVERIFY(QDir().mkpath(QStringLiteral(AMLFW_SCREENSHOT_DIR)));
        const QFont systemFont = QApplication::font();
        QFont font(QStringLiteral("Noto Sans CJK JP"));
        font.setPointSize(9);
        QApplication::setFont(font);
        WizardFixture f(language);
        Answers answers = f.state->answers();
        answers.cloud = QStringLiteral("public");
        answers.region = QStringLiteral("japaneast");
        answers.storage = QStringLiteral("mystore");
        answers.features = {QStringLiteral("compute-instance"), QStringLiteral("compute-cluster")};
        f.state->setAnswers(answers);
        FirewallWizard *w = f.wizard.get();
        w->resize(1024, 700);
        w->advanceToRules();
        clickNext(w);
        auto *page = qobject_cast<LiveTestPage *>(w->currentPage());
        QVERIFY(page);
        child<QCheckBox>(page, QStringLiteral("demoNetwork"))->setChecked(true);
        QSignalSpy finished(page, &LiveTestPage::testFinished);
        QVERIFY(page->startTest());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        const ProbeResultModel *model = page->session()->model();
        auto *view = child<QTreeView>(page, QStringLiteral("liveTestView"));
        auto *filter = qobject_cast<LiveResultFilterModel *>(view->model());
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->result(row).status == ProbeStatus::TlsInspected) {
                view->setCurrentIndex(filter->mapFromSource(model->index(row, 0)));
                break;
            }
        }
        processLanguageChange();
        const QString path = QStringLiteral(AMLFW_SCREENSHOT_DIR "/livetest-demo-%1.png")
                                 .arg(language == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en"));
        QVERIFY(w->grab().save(path));
        f.wizard.reset();
        QApplication::setFont(systemFont);
    }
};

QTEST_MAIN(TestDemoPresentation)
#include "tst_demopresentation.moc"
