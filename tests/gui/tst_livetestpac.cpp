// The live-test page's "Automatic configuration script (PAC)…" proxy choice, driven by the keyboard:
// chosen with the proxy's mnemonic and the arrow keys, the script's field reached with its own
// mnemonic, a broken script said in the options' summary and the banner (file and line), a working
// one used for the run (each result's path says PAC and its answer), and the choice remembered.
#include "elidedlabel.h"
#include "livetestpage.h"
#include "livetestrig.h"
#include "messagebanner.h"
#include "probesession.h"
#include "proberesultmodel.h"
#include "wizardtesthelpers.h"

#include <QComboBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>

using namespace amlfw;
using namespace amlfw::test;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(bytes);
    return f.commit();
}

void key(int k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, Qt::Key(k), modifiers);
}

} // namespace

class TestLiveTestPac : public QObject
{
    Q_OBJECT

private:
    LiveTestRig m_rig;

    struct Fixture
    {
        explicit Fixture(const LiveTestRig &rig, Language language = Language::English)
        {
            wizard.catalog = rig.catalog;
            wizard.recreate(language, false);
            wizard.state->setAnswers(LiveTestRig::answers());
            wizard.wizard->advanceToRules();
            clickNext(wizard.wizard.get());
            page = qobject_cast<LiveTestPage *>(wizard.wizard->currentPage());
        }
        WizardFixture wizard;
        LiveTestPage *page = nullptr;
    };

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_rig.setUp(&error), qPrintable(error));
    }

    void pacByKeyboard()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        QVERIFY(page);
        f.wizard.wizard->show();
        QVERIFY(QTest::qWaitForWindowActive(f.wizard.wizard.get()));
        page->setResolver(&m_rig.resolver);
        page->setBaseOptions(m_rig.baseOptions(false, false));
        QTest::mouseClick(child<QToolButton>(page, "moreOptions"), Qt::LeftButton);
        typeInto(child<QLineEdit>(page, "caBundle"), m_rig.caBundlePath);
        child<QSpinBox>(page, "timeout")->setValue(2);
        for (const auto &[destination, host] : LiveTestRig::samples())
            liveOptions(page)->setSampleHost(destination, host);

        auto *combo = child<QComboBox>(page, "proxyMode");
        auto *location = child<QLineEdit>(page, "pacLocation");
        QVERIFY(!location->isVisible());
        // Alt+X: the proxy choice; End: its last entry, the PAC.
        key(Qt::Key_X, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), combo);
        key(Qt::Key_End);
        QCOMPARE(combo->currentData().toInt(), int(ProxySetting::Mode::Pac));
        QVERIFY(combo->currentText().contains(QStringLiteral("PAC")));
        QVERIFY(location->isVisible());
        QVERIFY(child<QPushButton>(page, "browsePac")->isVisible());
        QVERIFY(!child<QLineEdit>(page, "proxyUrl")->isVisible());

        // Alt+G: the script's field. A script with a syntax error: said with its file and line.
        const QString broken = f.wizard.dir.filePath(QStringLiteral("broken.pac"));
        QVERIFY(writeFile(broken, "function FindProxyForURL(url, host) {\n  return 'DIRECT' +;\n}\n"));
        key(Qt::Key_G, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), location);
        QTest::keyClicks(QApplication::focusWidget(), broken);
        key(Qt::Key_Tab);
        const QString summary = child<ElidedLabel>(page, "optionsSummary")->fullText();
        QVERIFY2(summary.contains(QStringLiteral("broken.pac")) && summary.contains(QStringLiteral("line 2")),
                 qPrintable(summary));
        QVERIFY(!location->styleSheet().isEmpty()); // marked
        QVERIFY(!page->startTest());
        const QString banner = child<MessageBanner>(page, "liveTestBanner")->text();
        QVERIFY2(banner.contains(QStringLiteral("broken.pac")) && banner.contains(QStringLiteral("line 2")),
                 qPrintable(banner));

        // A working script: every endpoint DIRECT, and the results say so.
        const QString good = f.wizard.dir.filePath(QStringLiteral("good.pac"));
        QVERIFY(writeFile(good, "function FindProxyForURL(url, host) { return 'DIRECT'; }\n"));
        key(Qt::Key_G, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), location);
        key(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), good);
        key(Qt::Key_Tab);
        QVERIFY(location->styleSheet().isEmpty());
        QVERIFY(!child<ElidedLabel>(page, "optionsSummary")->fullText().contains(QStringLiteral("PAC")));
        QVERIFY(page->startTest());
        QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isRunning(), 30000);
        int pac = 0;
        for (const ProbeResult &r : page->session()->model()->results()) {
            if (!r.target.isTestable() || !(r.target.tls || r.target.http))
                continue;
            QCOMPARE(r.path.source, ProxySource::Pac);
            QCOMPARE(r.path.pacAnswer, QStringLiteral("DIRECT"));
            ++pac;
        }
        QVERIFY(pac > 0);

        // Remembered: the choice and the script's location.
        f.wizard.recreate(Language::English, true);
        f.wizard.state->setAnswers(LiveTestRig::answers());
        auto *again = qobject_cast<LiveTestPage *>(f.wizard.wizard->page(FirewallWizard::LiveTestPageId));
        QVERIFY(again);
        QCOMPARE(child<QComboBox>(again, "proxyMode")->currentData().toInt(), int(ProxySetting::Mode::Pac));
        QCOMPARE(child<QLineEdit>(again, "pacLocation")->text(), good);
    }

    // The page with the PAC choice and a broken script, in both languages, for a look
    // (build/screenshots/livetest-pac-en.png, -ja.png).
    void screenshots()
    {
        for (const Language language : {Language::English, Language::Japanese}) {
            Fixture f(m_rig, language);
            LiveTestPage *page = f.page;
            f.wizard.wizard->resize(1100, 760);
            f.wizard.wizard->show();
            QVERIFY(QTest::qWaitForWindowExposed(f.wizard.wizard.get()));
            auto *combo = child<QComboBox>(page, "proxyMode");
            combo->setFocus();
            key(Qt::Key_End);
            const QString broken = f.wizard.dir.filePath(QStringLiteral("corp.pac"));
            QVERIFY(writeFile(broken, "function FindProxyForURL(url, host) {\n  return 'DIRECT' +;\n}\n"));
            typeInto(child<QLineEdit>(page, "pacLocation"), broken);
            key(Qt::Key_Tab);
            QVERIFY(child<ElidedLabel>(page, "optionsSummary")->fullText().contains(QStringLiteral("corp.pac")));
            QVERIFY(!page->startTest());
            QCoreApplication::processEvents();
            const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/../../screenshots");
            QDir().mkpath(dir);
            const QString name = language == Language::English ? QStringLiteral("en") : QStringLiteral("ja");
            QVERIFY(f.wizard.wizard->grab().save(dir + QStringLiteral("/livetest-pac-") + name + QStringLiteral(".png")));
        }
    }
};

QTEST_MAIN(TestLiveTestPac)
#include "tst_livetestpac.moc"
