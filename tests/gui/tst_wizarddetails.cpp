// Small things a user noticed: a pasted storage host name or URL gives its account name; a
// profile's title is shown in the window title and the page headers (its language used at start);
// file dialogs open where the same kind of file went last time, also after a restart.

#include "exportpage.h"
#include "filedialog.h"
#include "wizardtesthelpers.h"

#include <QClipboard>
#include <QMessageBox>
#include <QSaveFile>

using namespace amlfw;
using namespace amlfw::test;

namespace {

void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus, "nothing has the keyboard focus");
    QTest::keyClick(focus, Qt::Key(key), modifiers);
}

// Next until the wizard shows `id`.
void goTo(QWizard *w, int id)
{
    while (w->currentId() != id) {
        const int before = w->currentId();
        clickNext(w);
        QTRY_VERIFY(w->currentId() != before);
    }
}

Answers answersBeforeStorage()
{
    Answers a;
    a.cloud = QStringLiteral("public");
    a.region = QStringLiteral("japaneast");
    a.features = {QStringLiteral("compute-instance")};
    return a;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestWizardDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup()
    {
        applyLanguage(Language::English);
        FileDialog::instance()->setNextFileName({});
        FileDialog::instance()->getOpenFileName(nullptr, {}, {}, {}); // takes it: no answer left for the next test
    }

    void storagePaste_data()
    {
        QTest::addColumn<Language>("language");
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("from"); // what the banner names as the source; empty: a connection string
        const QString sas = QStringLiteral("https://mystore.blob.core.windows.net/container?sv=2022-11-02&ss=b&srt=co"
                                           "&sp=rl&se=2027-01-01T00:00:00Z&sig=c2VjcmV0c2VjcmV0c2VjcmV0%3D");
        const QString host = QStringLiteral("mystore.blob.core.windows.net");
        for (const Language language : {Language::English, Language::Japanese}) {
            const char *lang = language == Language::English ? "en" : "ja";
            QTest::addRow("%s url with SAS", lang) << language << sas << host;
            QTest::addRow("%s host", lang) << language << host << host;
            QTest::addRow("%s dfs", lang) << language << QStringLiteral("https://mystore.dfs.core.windows.net/")
                                          << QStringLiteral("mystore.dfs.core.windows.net");
            QTest::addRow("%s 21Vianet", lang) << language << QStringLiteral("mystore.file.core.chinacloudapi.cn")
                                               << QStringLiteral("mystore.file.core.chinacloudapi.cn");
            QTest::addRow("%s connection string", lang)
                << language
                << QStringLiteral("DefaultEndpointsProtocol=https;AccountName=mystore;AccountKey=c2VjcmV0c2VjcmV0c2Vj"
                                  "cmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0==;EndpointSuffix=core.windows.net")
                << QString();
        }
    }

    // Pasted with Ctrl+V into the focused field: the field holds the account name, the banner says
    // where it came from, the page can go on, and the address (a SAS token, a key) is nowhere kept.
    void storagePaste()
    {
        QFETCH(Language, language);
        QFETCH(QString, pasted);
        QFETCH(QString, from);
        WizardFixture f(language);
        processLanguageChange();
        FirewallWizard *w = f.wizard.get();
        f.state->setAnswers(answersBeforeStorage());
        QVERIFY(QTest::qWaitForWindowActive(w));
        goTo(w, FirewallWizard::StoragePageId);
        QLineEdit *name = find::nameField(w->storagePage());
        QCOMPARE(QApplication::focusWidget(), name);

        QGuiApplication::clipboard()->setText(pasted);
        press(Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(name->text(), QStringLiteral("mystore"));
        QCOMPARE(f.state->answers().storage, QStringLiteral("mystore"));
        QVERIFY(w->storagePage()->isComplete());
        const QString said = find::banner(w->storagePage())->text();
        QVERIFY2(said.contains(QStringLiteral("mystore")), qPrintable(said));
        if (!from.isEmpty())
            QVERIFY2(said.contains(from), qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("sig=")) && !said.contains(QStringLiteral("AccountKey")),
                 qPrintable(said));
        if (language == Language::Japanese)
            QVERIFY2(hasJapanese(said), qPrintable(said));
        // To look at: AMLFW_SHOT_DIR=... keeps a picture of the page as the user sees it now.
        if (const QString shots = qEnvironmentVariable("AMLFW_SHOT_DIR"); !shots.isEmpty())
            QVERIFY(w->grab().save(QDir(shots).filePath(
                QStringLiteral("storage-paste-%1-%2.png")
                    .arg(languageCode(language),
                         QString::fromLatin1(QTest::currentDataTag()).mid(3).replace(u' ', u'-')))));
        f.settings->sync();
        const QByteArray stored = readFile(f.settingsPath);
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains("sig=") && !stored.contains("AccountKey") && !stored.contains("core.windows.net"));

        // Typing on in the field is typing: the note goes once the name changes.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("2"));
        QCOMPARE(f.state->answers().storage, QStringLiteral("mystore2"));
        QVERIFY(!find::banner(w->storagePage())->text().contains(QStringLiteral("core.")));

        // Enter goes on with the name.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
        press(Qt::Key_Return);
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::FeaturesPageId));
        QCOMPARE(f.state->answers().storage, QStringLiteral("mystore"));
    }

    // An address that is not a storage account's is left as typed, and the error says why.
    void storageOtherAddressStays()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        f.state->setAnswers(answersBeforeStorage());
        QVERIFY(QTest::qWaitForWindowActive(w));
        goTo(w, FirewallWizard::StoragePageId);
        QGuiApplication::clipboard()->setText(QStringLiteral("myacr.azurecr.io"));
        press(Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(find::nameField(w->storagePage())->text(), QStringLiteral("myacr.azurecr.io"));
        QVERIFY(!w->storagePage()->isComplete());
        QVERIFY(find::banner(w->storagePage())->text().contains(QStringLiteral("\".\"")));
    }

    // A profile's title names the scenario in the window title and every page header; opened from
    // the menu (Ctrl+O) it keeps the language the user chose; at start its language is used; saved
    // again, the title stays in the file.
    void profileTitle()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        const QString path = f.dir.filePath(QStringLiteral("workshop.json"));
        QVERIFY(writeFile(path, R"({"amlfw": "profile", "format": 1, "title": "Tokyo workshop", "cloud": "public",
            "region": "japaneast", "storage": "mystore", "features": ["compute-instance"], "lang": "ja",
            "edition": "2021-11"})"));
        FileDialog::instance()->setNextFileName(path);
        press(Qt::Key_O, Qt::ControlModifier);
        QTRY_COMPARE(w->currentId(), int(FirewallWizard::RulesPageId));
        QCOMPARE(f.state->answers().storage, QStringLiteral("mystore"));
        QCOMPARE(f.state->language(), Language::English);
        QVERIFY2(w->windowTitle().contains(QStringLiteral("Tokyo workshop")), qPrintable(w->windowTitle()));
        QVERIFY2(w->windowTitle().contains(QStringLiteral("japaneast")), qPrintable(w->windowTitle()));
        for (const int id : w->pageIds())
            QVERIFY2(w->page(id)->subTitle().contains(QStringLiteral("Tokyo workshop")),
                     qPrintable(w->page(id)->subTitle()));
        // The header as drawn: the subtitle label of the wizard shows it.
        bool shown = false;
        for (QLabel *label : w->findChildren<QLabel *>())
            shown = shown || (label->isVisible() && label->text().contains(QStringLiteral("Tokyo workshop")));
        QVERIFY(shown);

        // Saved again (Ctrl+S): the title goes with the answers.
        const QString saved = f.dir.filePath(QStringLiteral("again.json"));
        FileDialog::instance()->setNextFileName(saved);
        press(Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(QFileInfo::exists(saved));
        QVERIFY(readFile(saved).contains("\"Tokyo workshop\""));

        // At start, without --lang, the profile's language is the wizard's.
        QVERIFY(w->loadProfile(path, FirewallWizard::ProfileLanguage::Use));
        processLanguageChange();
        QCOMPARE(f.state->language(), Language::Japanese);
        QVERIFY2(w->windowTitle().contains(QStringLiteral("Tokyo workshop")), qPrintable(w->windowTitle()));

        // Start over forgets the title with the answers.
        f.state->startOver();
        QVERIFY(!w->windowTitle().contains(QStringLiteral("Tokyo workshop")));
        QVERIFY(!w->currentPage()->subTitle().contains(QStringLiteral("Tokyo workshop")));
    }

    // Profiles in one folder, exports in another: after a restart each dialog opens where its kind
    // of file went, not where the last file of any kind went.
    void dialogsRememberTheirFolder()
    {
        WizardFixture f;
        FirewallWizard *w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        QVERIFY(QDir(f.dir.path()).mkpath(QStringLiteral("profiles")));
        QVERIFY(QDir(f.dir.path()).mkpath(QStringLiteral("tickets")));
        const QString profiles = QDir(f.dir.filePath(QStringLiteral("profiles"))).absolutePath();
        const QString tickets = QDir(f.dir.filePath(QStringLiteral("tickets"))).absolutePath();

        f.state->setAnswers([] {
            Answers a = answersBeforeStorage();
            a.storage = QStringLiteral("mystore");
            return a;
        }());
        FileDialog::instance()->setNextFileName(QDir(profiles).filePath(QStringLiteral("p.json")));
        press(Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(QFileInfo::exists(QDir(profiles).filePath(QStringLiteral("p.json"))));
        // "Profile saved": Enter closes the message, as a user does.
        QTRY_VERIFY(w->lastMessage() && w->lastMessage()->isVisible());
        QApplication::setActiveWindow(w->lastMessage());
        QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == w->lastMessage());
        press(Qt::Key_Return);
        QTRY_VERIFY(!w->lastMessage());
        QApplication::setActiveWindow(w);

        w->advanceToRules();
        nextToExport(w);
        QTest::mouseClick(child<QRadioButton>(w->exportPage(), "format-csv"), Qt::LeftButton);
        w->exportPage()->findChild<QPushButton *>(QStringLiteral("exportButton"))->setFocus();
        FileDialog::instance()->setNextFileName(QDir(tickets).filePath(QStringLiteral("rules.csv")));
        press(Qt::Key_E, Qt::AltModifier);
        QTRY_VERIFY(QFileInfo::exists(QDir(tickets).filePath(QStringLiteral("rules.csv"))));

        // A second run on the same settings.
        f.recreate(Language::English, true);
        w = f.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        FileDialog::instance()->setNextFileName(QString()); // cancelled
        press(Qt::Key_O, Qt::ControlModifier);
        QCOMPARE(FileDialog::instance()->lastStartPath(), profiles);
        FileDialog::instance()->setNextFileName(QString());
        press(Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(QFileInfo(FileDialog::instance()->lastStartPath()).absolutePath(), profiles);

        w->advanceToRules();
        nextToExport(w);
        FileDialog::instance()->setNextFileName(QString());
        press(Qt::Key_E, Qt::AltModifier); // the mnemonic clicks after a short animation
        QTRY_COMPARE(QFileInfo(FileDialog::instance()->lastStartPath()).absolutePath(), tickets);
    }
};

QTEST_MAIN(TestWizardDetails)
#include "tst_wizarddetails.moc"
