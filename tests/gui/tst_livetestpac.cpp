// The live-test page's "Automatic configuration script (PAC)…" proxy choice, driven by the keyboard:
// chosen with the proxy's mnemonic and the arrow keys, the script's field reached with its own
// mnemonic, a broken script said in the options' summary and the banner (file and line), a working
// one used for the run (each result's path says PAC and its answer), and the choice remembered; a
// PAC URL that does not answer shows a progress dialog that Escape cancels.
#include "elidedlabel.h"
#include "httptestserver.h"
#include "livetestoptions.h"
#include "livetestpage.h"
#include "livetestrig.h"
#include "messagebanner.h"
#include "probesession.h"
#include "proberesultmodel.h"
#include "silentserver.h"
#include "wizardtesthelpers.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
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

    // As a user would set the page up for the rig: its resolver and base options, the More options
    // open, the test CAs trusted, a host for each wildcard.
    void useRig(LiveTestPage *page)
    {
        page->setResolver(&m_rig.resolver);
        page->setBaseOptions(m_rig.baseOptions(false, false));
        QTest::mouseClick(child<QToolButton>(page, "moreOptions"), Qt::LeftButton);
        typeInto(child<QLineEdit>(page, "caBundle"), m_rig.caBundlePath);
        for (const auto &[destination, host] : LiveTestRig::samples())
            liveOptions(page)->setSampleHost(destination, host);
    }

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
        useRig(page);
        child<QSpinBox>(page, "timeout")->setValue(2);

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

    // A PAC URL that does not answer: after a moment a progress dialog names it, window-modal (the
    // page cannot start anything meanwhile), and Escape gives up at once with a message that says so.
    void slowPacUrlShowsProgressAndEscapeCancels()
    {
        SilentServer silent; // accepts, never answers: the fetch would wait for its 10 s limit
        QVERIFY(silent.listenLoopback());
        const QString url = QStringLiteral("http://127.0.0.1:%1/proxy.pac").arg(silent.serverPort());
        for (const Language language : {Language::English, Language::Japanese}) {
            Fixture f(m_rig, language);
            LiveTestPage *page = f.page;
            QVERIFY(page);
            f.wizard.wizard->resize(1024, 700);
            f.wizard.wizard->show();
            QVERIFY(QTest::qWaitForWindowActive(f.wizard.wizard.get()));
            auto *combo = child<QComboBox>(page, "proxyMode");
            combo->setCurrentIndex(combo->findData(int(ProxySetting::Mode::Pac)));
            auto *location = child<QLineEdit>(page, "pacLocation");
            location->setFocus();
            QTest::keyClicks(location, url);

            // While the fetch waits (inside the Tab below), the dialog comes up; look, then Escape.
            bool seen = false;
            QString label;
            bool focusInDialog = false;
            bool pageBlocked = false;
            QTimer::singleShot(LiveTestOptions::FetchDialogDelayMs + 400, this, [&] {
                auto *dialog = f.wizard.wizard->findChild<QProgressDialog *>(QStringLiteral("pacProgress"));
                if (!dialog || !dialog->isVisible())
                    return;
                seen = true;
                label = dialog->labelText();
                pageBlocked = QApplication::activeModalWidget() == dialog;
                const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/../../screenshots");
                QDir().mkpath(dir);
                dialog->grab().save(dir + QStringLiteral("/livetest-pac-progress-")
                                    + (language == Language::English ? u"en" : u"ja") + QStringLiteral(".png"));
                QWidget *focus = QApplication::focusWidget();
                focusInDialog = focus && dialog->isAncestorOf(focus);
                QTest::keyClick(focusInDialog ? focus : dialog, Qt::Key_Escape);
            });
            QElapsedTimer clock;
            clock.start();
            key(Qt::Key_Tab); // editingFinished: the script is fetched
            QVERIFY(seen);
            QVERIFY2(label.contains(url), qPrintable(label));
            QVERIFY(pageBlocked);
            QVERIFY(focusInDialog);
            QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed()))); // not the 10 s limit
            QVERIFY(!f.wizard.wizard->findChild<QProgressDialog *>(QStringLiteral("pacProgress")));
            const QString summary = child<ElidedLabel>(page, "optionsSummary")->fullText();
            QVERIFY2(summary.contains(url), qPrintable(summary));
            if (language == Language::English)
                QVERIFY2(summary.contains(QStringLiteral("cancelled")), qPrintable(summary));
            else
                QVERIFY2(summary.contains(QStringLiteral("キャンセル")), qPrintable(summary));
            QVERIFY(!location->styleSheet().isEmpty()); // marked
            QVERIFY(!page->startTest());
        }
    }

    // "System proxy setting" on a KDE session whose proxy is a PAC URL: the summary says so, and the
    // run goes as the script says (Qt alone would not see the desktop's setting on Linux).
    void systemProxyFromTheDesktop()
    {
        HttpTestServer pacServer;
        HttpBehaviour b;
        b.body = "function FindProxyForURL(url, host) { return 'DIRECT'; }\n";
        pacServer.setBehaviour(b);
        QVERIFY(pacServer.listenLoopback());
        const QString url = QStringLiteral("http://127.0.0.1:%1/desktop.pac").arg(pacServer.serverPort());
        QTemporaryDir config;
        QVERIFY(config.isValid());
        QVERIFY(writeFile(config.filePath(QStringLiteral("kioslaverc")),
                          "[Proxy Settings]\nProxyType=2\nProxy Config Script=" + url.toUtf8() + '\n'));
        const QByteArrayList names{"XDG_CURRENT_DESKTOP", "XDG_CONFIG_HOME", "http_proxy", "https_proxy",
                                   "HTTP_PROXY",          "HTTPS_PROXY",     "all_proxy",  "ALL_PROXY"};
        QHash<QByteArray, QByteArray> saved;
        for (const QByteArray &name : names) {
            if (qEnvironmentVariableIsSet(name.constData()))
                saved.insert(name, qgetenv(name.constData()));
            qunsetenv(name.constData());
        }
        const auto restore = qScopeGuard([&] {
            for (const QByteArray &name : names) {
                if (saved.contains(name))
                    qputenv(name.constData(), saved.value(name));
                else
                    qunsetenv(name.constData());
            }
        });
        qputenv("XDG_CURRENT_DESKTOP", "KDE");
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));

        // For a look, in both languages (build/screenshots/livetest-desktop-pac-en.png, -ja.png).
        for (const Language language : {Language::English, Language::Japanese}) {
            Fixture look(m_rig, language);
            look.wizard.wizard->resize(1024, 700);
            look.wizard.wizard->show();
            QVERIFY(QTest::qWaitForWindowExposed(look.wizard.wizard.get()));
            auto *mode = child<QComboBox>(look.page, "proxyMode");
            mode->setCurrentIndex(mode->findData(int(ProxySetting::Mode::System)));
            const QString text = child<ElidedLabel>(look.page, "optionsSummary")->fullText();
            QVERIFY2(text.contains(url) && text.contains(QStringLiteral("KDE")), qPrintable(text));
            QCoreApplication::processEvents();
            const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/../../screenshots");
            QDir().mkpath(dir);
            QVERIFY(look.wizard.wizard->grab().save(dir + QStringLiteral("/livetest-desktop-pac-")
                                                     + (language == Language::English ? u"en" : u"ja")
                                                     + QStringLiteral(".png")));
        }

        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        QVERIFY(page);
        f.wizard.wizard->show();
        QVERIFY(QTest::qWaitForWindowActive(f.wizard.wizard.get()));
        useRig(page);

        // Alt+X, Home, Down: "System proxy setting".
        auto *combo = child<QComboBox>(page, "proxyMode");
        key(Qt::Key_X, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), combo);
        key(Qt::Key_Home);
        key(Qt::Key_Down);
        QCOMPARE(combo->currentData().toInt(), int(ProxySetting::Mode::System));
        const QString summary = child<ElidedLabel>(page, "optionsSummary")->fullText();
        QVERIFY2(summary.contains(url) && summary.contains(QStringLiteral("KDE")), qPrintable(summary));

        QVERIFY(page->startTest());
        QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isRunning(), 30000);
        QCOMPARE(pacServer.requests().size(), 1);
        int pac = 0;
        for (const ProbeResult &r : page->session()->model()->results()) {
            if (!r.target.isTestable() || !(r.target.tls || r.target.http))
                continue;
            QCOMPARE(r.path.source, ProxySource::Pac);
            QCOMPARE(r.path.pacAnswer, QStringLiteral("DIRECT"));
            ++pac;
        }
        QVERIFY(pac > 0);

        // A desktop PAC URL that cannot be fetched: the test does not start, and says why.
        SilentServer closedAfter;
        QVERIFY(closedAfter.listenLoopback());
        const quint16 deadPort = closedAfter.serverPort();
        closedAfter.close(); // nothing listens there now: refused
        const QString dead = QStringLiteral("http://127.0.0.1:%1/desktop.pac").arg(deadPort);
        QVERIFY(writeFile(config.filePath(QStringLiteral("kioslaverc")),
                          "[Proxy Settings]\nProxyType=2\nProxy Config Script=" + dead.toUtf8() + '\n'));
        Fixture g(m_rig);
        QVERIFY(g.page);
        useRig(g.page);
        auto *mode = child<QComboBox>(g.page, "proxyMode");
        mode->setCurrentIndex(mode->findData(int(ProxySetting::Mode::System)));
        QVERIFY(!g.page->startTest());
        const QString banner = child<MessageBanner>(g.page, "liveTestBanner")->text();
        QVERIFY2(banner.contains(QStringLiteral("KDE")) && banner.contains(dead), qPrintable(banner));
        QVERIFY(!g.page->session()->isRunning());
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
