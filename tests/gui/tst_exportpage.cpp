// The export page writes the same bytes as "amlfw export" for the same answers and options (the
// built CLI is run to compare), validates its options, and reports failures without closing.

#include "clirunner.h"
#include "exportpage.h"
#include "filedialog.h"
#include "wizardtesthelpers.h"

#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>

using namespace amlfw;
using namespace amlfw::test;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void selectData(QComboBox *box, int value)
{
    box->setCurrentIndex(box->findData(value));
}

// Answers with rules of every kind: inbound and routes, service tags, FQDN network rules, URL
// application rules, host tables.
Answers richAnswers()
{
    Answers a;
    a.cloud = QStringLiteral("public");
    a.region = QStringLiteral("japaneast");
    a.storage = QStringLiteral("mystore");
    a.features
        = {QStringLiteral("compute-instance"), QStringLiteral("compute-cluster"), QStringLiteral("notebooks"),
           QStringLiteral("python"),           QStringLiteral("vscode"),          QStringLiteral("arc-inference")};
    a.udr = UdrMethod::IpRanges;
    return a;
}

} // namespace

class TestExportPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_cli = qEnvironmentVariable("AMLFW_CLI");
        QVERIFY2(QFileInfo(m_cli).isExecutable(), "AMLFW_CLI must name the built amlfw (set by CTest)");
    }

    void cleanup() { applyLanguage(Language::English); }

    void sameBytesAsCli_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("customOptions");
        for (int lang : {int(Language::English), int(Language::Japanese)}) {
            const char *l = lang == int(Language::English) ? "en" : "ja";
            QTest::addRow("arm-defaults-%s", l) << lang << int(ExportPage::Format::Arm) << false;
            QTest::addRow("arm-options-%s", l) << lang << int(ExportPage::Format::Arm) << true;
            QTest::addRow("csv-defaults-%s", l) << lang << int(ExportPage::Format::Csv) << false;
            QTest::addRow("csv-options-%s", l) << lang << int(ExportPage::Format::Csv) << true;
            QTest::addRow("json-%s", l) << lang << int(ExportPage::Format::Json) << false;
        }
    }

    void sameBytesAsCli()
    {
        QFETCH(int, language);
        QFETCH(int, format);
        QFETCH(bool, customOptions);
        const auto lang = Language(language);
        WizardFixture f(lang);
        f.state->setAnswers(richAnswers());
        FirewallWizard *w = f.wizard.get();
        w->advanceToRules();
        nextToExport(w);
        ExportPage *page = w->exportPage();
        const char *formatNames[] = {"formatArm", "formatCsv", "formatJson"}; // ExportPage::Format's order
        QTest::mouseClick(child<QRadioButton>(page, formatNames[format]), Qt::LeftButton, {}, QPoint(6, 6));
        QCOMPARE(int(page->format()), format);

        // The CLI reads the answers from a profile the wizard saved.
        const QString profile = f.dir.filePath(QStringLiteral("profile.json"));
        QString error;
        QVERIFY2(w->saveProfileTo(profile, &error), qPrintable(error));
        QStringList args{QStringLiteral("export"), QStringLiteral("--profile"), profile, QStringLiteral("--lang"),
                         lang == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en")};
        args << QStringLiteral("--format")
             << (format == int(ExportPage::Format::Arm)   ? QStringLiteral("arm")
                 : format == int(ExportPage::Format::Csv) ? QStringLiteral("csv")
                                                          : QStringLiteral("json"));
        if (customOptions) {
            typeInto(child<QLineEdit>(page, "sourceAddresses"), QStringLiteral("10.0.1.0/24, 10.0.2.0/24"));
            args << QStringLiteral("--source-addresses") << QStringLiteral("10.0.1.0/24,10.0.2.0/24");
            if (format == int(ExportPage::Format::Arm)) {
                selectData(child<QComboBox>(page, "policyMode"), int(ArmOptions::Policy::Existing));
                typeInto(child<QLineEdit>(page, "policyName"), QStringLiteral("fw-policy-1"));
                typeInto(child<QLineEdit>(page, "rcgName"), QStringLiteral("AML.rules"));
                child<QSpinBox>(page, "rcgPriority")->setValue(700);
                typeInto(child<QLineEdit>(page, "location"), QStringLiteral("japaneast"));
                selectData(child<QComboBox>(page, "tier"), int(ArmOptions::Tier::Premium));
                typeInto(child<QLineEdit>(page, "routeTableName"), QStringLiteral("rt-custom"));
                typeInto(child<QLineEdit>(page, "firewallIp"), QStringLiteral("10.0.0.4"));
                child<QCheckBox>(page, "alternatives")->click();
                args << QStringLiteral("--policy") << QStringLiteral("existing") << QStringLiteral("--policy-name")
                     << QStringLiteral("fw-policy-1") << QStringLiteral("--rcg-name") << QStringLiteral("AML.rules")
                     << QStringLiteral("--rcg-priority") << QStringLiteral("700") << QStringLiteral("--location")
                     << QStringLiteral("japaneast") << QStringLiteral("--tier") << QStringLiteral("premium")
                     << QStringLiteral("--route-table-name") << QStringLiteral("rt-custom")
                     << QStringLiteral("--firewall-ip") << QStringLiteral("10.0.0.4")
                     << QStringLiteral("--no-alternatives");
            } else {
                child<QCheckBox>(page, "bothLanguages")->click();
                child<QCheckBox>(page, "byteOrderMark")->click();
                args << QStringLiteral("--both-languages") << QStringLiteral("--no-bom");
            }
        }
        QVERIFY2(child<QPushButton>(page, "exportButton")->isEnabled(),
                 qPrintable(child<MessageBanner>(page, "exportOptionsBanner")->text()));

        const QString guiPath = f.dir.filePath(QStringLiteral("gui.out"));
        FileDialog::instance()->setNextFileName(guiPath);
        QTest::mouseClick(child<QPushButton>(page, "exportButton"), Qt::LeftButton);
        QVERIFY2(child<MessageBanner>(page, "exportResultBanner")->kind() == MessageBanner::Kind::Success,
                 qPrintable(child<MessageBanner>(page, "exportResultBanner")->text()));
        QCOMPARE(page->lastExportedPath(), guiPath);

        const QString cliPath = f.dir.filePath(QStringLiteral("cli.out"));
        args << QStringLiteral("--output") << cliPath;
        const amlfw::test::CliRun cli = amlfw::test::runCli(amlfw::test::withEdition2021(args));
        QVERIFY2(cli.exitCode == 0, cli.err.constData());

        const QByteArray gui = readAll(guiPath);
        const QByteArray expected = readAll(cliPath);
        QVERIFY(!gui.isEmpty());
        QVERIFY2(gui == expected,
                 qPrintable(QStringLiteral("GUI %1 bytes, CLI %2 bytes").arg(gui.size()).arg(expected.size())));
        if (format == int(ExportPage::Format::Csv))
            QCOMPARE(gui.startsWith("\xEF\xBB\xBF"), !customOptions);
        if (lang == Language::Japanese && format != int(ExportPage::Format::Arm))
            QVERIFY(hasJapanese(QString::fromUtf8(gui)));
    }

    void validatesOptions()
    {
        WizardFixture f;
        f.state->setAnswers(richAnswers());
        f.wizard->advanceToRules();
        nextToExport(f.wizard.get());
        ExportPage *page = f.wizard->exportPage();
        QVERIFY(child<QPushButton>(page, "exportButton")->isEnabled());
        QVERIFY(!child<MessageBanner>(page, "exportOptionsBanner")->isVisible());

        typeInto(child<QLineEdit>(page, "policyName"), QStringLiteral("bad name!"));
        QVERIFY(!child<QPushButton>(page, "exportButton")->isEnabled());
        QVERIFY(child<MessageBanner>(page, "exportOptionsBanner")->isVisible());
        QCOMPARE(child<MessageBanner>(page, "exportOptionsBanner")->kind(), MessageBanner::Kind::Error);
        QCOMPARE(child<MessageBanner>(page, "exportOptionsBanner")->text(),
                 ArmExporter::validateOptions(page->armOptions()).first().message());
        QVERIFY(child<QLineEdit>(page, "policyName")->styleSheet().contains(QStringLiteral("border")));
        typeInto(child<QLineEdit>(page, "policyName"), QStringLiteral("good-name"));
        QVERIFY(child<QPushButton>(page, "exportButton")->isEnabled());
        QVERIFY(child<QLineEdit>(page, "policyName")->styleSheet().isEmpty());

        // A default route needs a new route table; the IP field follows the route table choice.
        typeInto(child<QLineEdit>(page, "firewallIp"), QStringLiteral("10.0.0.4"));
        QVERIFY(child<QPushButton>(page, "exportButton")->isEnabled());
        selectData(child<QComboBox>(page, "routeTableMode"), int(ArmOptions::RouteTable::Existing));
        QVERIFY(!child<QLineEdit>(page, "firewallIp")->isEnabled());
        QVERIFY(!child<QPushButton>(page, "exportButton")->isEnabled());
        QVERIFY(child<MessageBanner>(page, "exportOptionsBanner")->text().contains(QStringLiteral("new route table")));
        child<QLineEdit>(page, "firewallIp")->clear();
        QVERIFY(child<QPushButton>(page, "exportButton")->isEnabled());
        selectData(child<QComboBox>(page, "routeTableMode"), int(ArmOptions::RouteTable::None));
        QVERIFY(!child<QLineEdit>(page, "routeTableName")->isEnabled());
        typeInto(child<QLineEdit>(page, "location"), QStringLiteral("Japan East"));
        QVERIFY(!child<QPushButton>(page, "exportButton")->isEnabled());
        child<QLineEdit>(page, "location")->clear();

        // The subnet is checked for CSV too; JSON does not use it.
        typeInto(child<QLineEdit>(page, "sourceAddresses"),
                 QStringLiteral("10.0.1.0/24; 300.1.1.1")); // not an address: only validated, never contacted
        QVERIFY(!child<QPushButton>(page, "exportButton")->isEnabled());
        page->setFormat(ExportPage::Format::Csv);
        QVERIFY(!child<QPushButton>(page, "exportButton")->isEnabled());
        QVERIFY(child<MessageBanner>(page, "exportOptionsBanner")->text().contains(QStringLiteral("300.1.1.1")));
        page->setFormat(ExportPage::Format::Json);
        QVERIFY(child<QPushButton>(page, "exportButton")->isEnabled());
        QVERIFY(!child<QLineEdit>(page, "sourceAddresses")->isEnabled());
        QVERIFY(child<QSpinBox>(page, "rcgPriority")->maximum() == 65000
                && child<QSpinBox>(page, "rcgPriority")->minimum() == 100);
    }

    void failureKeepsWizardOpen()
    {
        WizardFixture f;
        f.state->setAnswers(richAnswers());
        f.wizard->advanceToRules();
        nextToExport(f.wizard.get());
        ExportPage *page = f.wizard->exportPage();
        page->setFormat(ExportPage::Format::Json);

        // Cancelled: nothing happens.
        FileDialog::instance()->setNextFileName(QString());
        QVERIFY(!page->exportFile());
        QVERIFY(!child<MessageBanner>(page, "exportResultBanner")->isVisible());

        const QString missing = f.dir.filePath(QStringLiteral("no-such-folder/rules.json"));
        FileDialog::instance()->setNextFileName(missing);
        QTest::mouseClick(child<QPushButton>(page, "exportButton"), Qt::LeftButton);
        QVERIFY(!QFile::exists(missing));
        QVERIFY(f.wizard->isVisible());
        QCOMPARE(f.wizard->currentId(), int(FirewallWizard::ExportPageId));
        QCOMPARE(child<MessageBanner>(page, "exportResultBanner")->kind(), MessageBanner::Kind::Error);
        QVERIFY2(child<MessageBanner>(page, "exportResultBanner")->text().contains(QDir::toNativeSeparators(missing)),
                 qPrintable(child<MessageBanner>(page, "exportResultBanner")->text()));
        QVERIFY(!child<QPushButton>(page, "openFolderButton")->isVisible());

        // A folder as the target.
        FileDialog::instance()->setNextFileName(f.dir.path());
        QVERIFY(!page->exportFile());
        QCOMPARE(child<MessageBanner>(page, "exportResultBanner")->kind(), MessageBanner::Kind::Error);

        // Then it works, and the folder can be opened.
        const QString good = f.dir.filePath(QStringLiteral("rules.json"));
        FileDialog::instance()->setNextFileName(good);
        QVERIFY(page->exportFile());
        QCOMPARE(child<MessageBanner>(page, "exportResultBanner")->kind(), MessageBanner::Kind::Success);
        QVERIFY(child<MessageBanner>(page, "exportResultBanner")->text().contains(QDir::toNativeSeparators(good)));
        QVERIFY(child<QPushButton>(page, "openFolderButton")->isVisible());
        QUrl opened;
        FileDialog::instance()->setUrlOpener([&opened](const QUrl &url) {
            opened = url;
            return true;
        });
        QTest::mouseClick(child<QPushButton>(page, "openFolderButton"), Qt::LeftButton);
        FileDialog::instance()->setUrlOpener({});
        QCOMPARE(opened, QUrl::fromLocalFile(QFileInfo(good).absolutePath()));
        QCOMPARE(f.settings->lastDirectory(), QFileInfo(good).absolutePath());

        // A change of answers makes the result stale: the message goes.
        f.state->setStorage(QStringLiteral("another"));
        QVERIFY(!child<MessageBanner>(page, "exportResultBanner")->isVisible());
    }

    void remembersOptions()
    {
        WizardFixture f;
        ExportPage *page = f.wizard->exportPage();
        page->setFormat(ExportPage::Format::Csv);
        typeInto(child<QLineEdit>(page, "policyName"), QStringLiteral("kept-policy"));
        typeInto(child<QLineEdit>(page, "sourceAddresses"), QStringLiteral("10.1.0.0/16"));
        child<QCheckBox>(page, "byteOrderMark")->setChecked(false);
        f.recreate(Language::English, true);
        page = f.wizard->exportPage();
        QCOMPARE(page->format(), ExportPage::Format::Csv);
        QCOMPARE(child<QLineEdit>(page, "policyName")->text(), QStringLiteral("kept-policy"));
        QCOMPARE(page->csvOptions().sourceAddresses, QStringList{QStringLiteral("10.1.0.0/16")});
        QVERIFY(!child<QCheckBox>(page, "byteOrderMark")->isChecked());
    }

private:
    QString m_cli;
};

QTEST_MAIN(TestExportPage)
#include "tst_exportpage.moc"
