// The live-test page's "Automatic configuration script (PAC)…" proxy choice, driven by the keyboard:
// chosen with the proxy's mnemonic and the arrow keys, the script's field reached with its own
// mnemonic, a broken script said in the options' summary and the banner (file and line), a working
// one used for the run (each result's path says PAC and its answer), and the choice remembered.
#include "elidedlabel.h"
#include "httptestserver.h"
#include "livetestpage.h"
#include "livetestrig.h"
#include "messagebanner.h"
#include "probesession.h"
#include "proberesultmodel.h"
#include "wizardtesthelpers.h"

#include <QComboBox>
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
