// The export page writes the same bytes as "amlfw export" for the same answers and options (the
// built CLI is run to compare) in every format, shows the options of the chosen format only,
// validates them, remembers them, takes a service tags file, and reports failures without closing.

#include "clirunner.h"
#include "exportpage.h"
#include "filedialog.h"
#include "wizardtesthelpers.h"

#include "exporter.h"
#include "ruledetails.h"
#include "servicetags.h"

#include <QComboBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTreeView>

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

QString serviceTagsFixture(const QString &name)
{
    return qEnvironmentVariable("AMLFW_TEST_DATA") + QStringLiteral("/servicetags/") + name;
}

void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus, "nothing has the keyboard focus");
    QTest::keyClick(focus, Qt::Key(key), modifiers);
}

// Chooses a format as a user does: Alt+A to the chosen format, then the arrow keys through the
// grid (three to a column, in Exporter's order).
void chooseFormat(ExportPage *page, ExportFormat target)
{
    press(Qt::Key_A, Qt::AltModifier);
    auto *focused = qobject_cast<QRadioButton *>(QApplication::focusWidget());
    QVERIFY2(focused && page->isAncestorOf(focused), "Alt+A does not reach the formats");
    QVERIFY(focused->isChecked());
    const QList<ExportFormat> formats = Exporter::formats();
    const auto from = int(formats.indexOf(page->format()));
    const auto to = int(formats.indexOf(target));
    for (int c = from / 3; c != to / 3; c += c < to / 3 ? 1 : -1)
        press(c < to / 3 ? Qt::Key_Right : Qt::Key_Left);
    for (int r = from % 3; r != to % 3; r += r < to % 3 ? 1 : -1)
        press(r < to % 3 ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(page->format(), target);
    QCOMPARE(QApplication::focusWidget(), child<QRadioButton>(page, QStringLiteral("format-") + Exporter::id(target)));
}

// Loads a service tags file through the page's button (Alt+C) and the file dialog seam.
void loadServiceTags(ExportPage *page, const QString &path)
{
    FileDialog::instance()->setNextFileName(path);
    QVERIFY(child<QPushButton>(page, "serviceTagsButton")->text().contains(u"&C", Qt::CaseInsensitive));
    press(Qt::Key_C, Qt::AltModifier); // the button clicks after a short animation: callers wait
}

// The letters after '&' of every visible control of the window, with where they are.
QMultiHash<QChar, QString> mnemonics(QWidget *window)
{
    QMultiHash<QChar, QString> found;
    auto add = [&found](const QString &text, const QString &where) {
        QString t = text;
        t.replace(QStringLiteral("&&"), QString());
        const qsizetype at = t.indexOf(u'&');
        if (at >= 0 && at + 1 < t.size())
            found.insert(t.at(at + 1).toUpper(), where);
    };
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!w->isVisible() || !w->isEnabled())
            continue;
        if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            add(label->text(), label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text(), button->text());
        else if (auto *group = qobject_cast<QGroupBox *>(w))
            add(group->title(), group->title());
    }
    return found;
}

// The CLI's arguments for options that differ from its defaults, for every option `format` takes.
QStringList customArguments(ExportFormat format)
{
    QStringList args;
    if (Exporter::appliesTo(format, ExportOption::Deployment))
        args << QStringLiteral("--policy") << QStringLiteral("existing") << QStringLiteral("--policy-name")
             << QStringLiteral("fw-policy-1") << QStringLiteral("--rcg-name") << QStringLiteral("AML.rules")
             << QStringLiteral("--rcg-priority") << QStringLiteral("700") << QStringLiteral("--location")
             << QStringLiteral("japaneast") << QStringLiteral("--tier") << QStringLiteral("premium")
             << QStringLiteral("--route-table-name") << QStringLiteral("rt-custom") << QStringLiteral("--firewall-ip")
             << QStringLiteral("10.0.0.4");
    if (Exporter::appliesTo(format, ExportOption::Alternatives))
        args << QStringLiteral("--no-alternatives");
    if (Exporter::appliesTo(format, ExportOption::SourceAddresses))
        args << QStringLiteral("--source-addresses") << QStringLiteral("10.0.1.0/24,10.0.2.0/24");
    if (Exporter::appliesTo(format, ExportOption::BothLanguages))
        args << QStringLiteral("--both-languages");
    if (Exporter::appliesTo(format, ExportOption::ByteOrderMark))
        args << QStringLiteral("--no-bom");
    if (Exporter::appliesTo(format, ExportOption::WildcardStyle))
        args << QStringLiteral("--wildcard-style") << QStringLiteral("dot");
    if (Exporter::appliesTo(format, ExportOption::IpVersion))
        args << QStringLiteral("--ip-version") << QStringLiteral("4");
    return args;
}

// The same options through the page's widgets.
void setCustomOptions(ExportPage *page, ExportFormat format)
{
    if (Exporter::appliesTo(format, ExportOption::Deployment)) {
        selectData(child<QComboBox>(page, "policyMode"), int(ArmOptions::Policy::Existing));
        typeInto(child<QLineEdit>(page, "policyName"), QStringLiteral("fw-policy-1"));
        typeInto(child<QLineEdit>(page, "rcgName"), QStringLiteral("AML.rules"));
        child<QSpinBox>(page, "rcgPriority")->setValue(700);
        typeInto(child<QLineEdit>(page, "location"), QStringLiteral("japaneast"));
        selectData(child<QComboBox>(page, "tier"), int(ArmOptions::Tier::Premium));
        typeInto(child<QLineEdit>(page, "routeTableName"), QStringLiteral("rt-custom"));
        typeInto(child<QLineEdit>(page, "firewallIp"), QStringLiteral("10.0.0.4"));
    }
    if (Exporter::appliesTo(format, ExportOption::Alternatives))
        child<QCheckBox>(page, "alternatives")->click();
    if (Exporter::appliesTo(format, ExportOption::SourceAddresses))
        typeInto(child<QLineEdit>(page, "sourceAddresses"), QStringLiteral("10.0.1.0/24, 10.0.2.0/24"));
    if (Exporter::appliesTo(format, ExportOption::BothLanguages))
        child<QCheckBox>(page, "bothLanguages")->click();
    if (Exporter::appliesTo(format, ExportOption::ByteOrderMark))
        child<QCheckBox>(page, "byteOrderMark")->click();
    if (Exporter::appliesTo(format, ExportOption::WildcardStyle))
        selectData(child<QComboBox>(page, "wildcardStyle"), int(WildcardStyle::Dot));
    if (Exporter::appliesTo(format, ExportOption::IpVersion))
        selectData(child<QComboBox>(page, "ipVersion"), int(IpVersion::V4));
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
        QVERIFY2(QFileInfo::exists(serviceTagsFixture(QStringLiteral("ServiceTags_Public_20261130.json"))),
                 "AMLFW_TEST_DATA must name tests/data (set by CTest)");
    }

    void cleanup()
    {
        applyLanguage(Language::English);
        FileDialog::instance()->setNextFileName(QString());
    }

    // Every format, in both languages, with the CLI's defaults and with every option it takes set
    // otherwise (and the service tags file, where the format uses one): the page's file is the
    // CLI's, byte for byte (the workbook aside: it holds the time it was written).
    void sameBytesAsCli_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("customOptions");
        for (int lang : {int(Language::English), int(Language::Japanese)}) {
            const char *l = lang == int(Language::English) ? "en" : "ja";
            for (const ExportFormat format : Exporter::formats()) {
                const QByteArray id = Exporter::id(format).toLatin1();
                QTest::addRow("%s-defaults-%s", id.constData(), l) << lang << int(format) << false;
                QTest::addRow("%s-options-%s", id.constData(), l) << lang << int(format) << true;
            }
        }
    }

    void sameBytesAsCli()
    {
        QFETCH(int, language);
        QFETCH(int, format);
        QFETCH(bool, customOptions);
        const auto lang = Language(language);
        const auto f = ExportFormat(format);
        WizardFixture fixture(lang);
        fixture.state->setAnswers(richAnswers());
        FirewallWizard *w = fixture.wizard.get();
        w->advanceToRules();
        nextToExport(w);
        ExportPage *page = w->exportPage();
        chooseFormat(page, f);

        // The CLI reads the answers from a profile the wizard saved.
        const QString profile = fixture.dir.filePath(QStringLiteral("profile.json"));
        QString error;
        QVERIFY2(w->saveProfileTo(profile, &error), qPrintable(error));
        QStringList args{QStringLiteral("export"), QStringLiteral("--profile"), profile, QStringLiteral("--lang"),
                         lang == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en"),
                         QStringLiteral("--format"), Exporter::id(f)};
        if (customOptions) {
            setCustomOptions(page, f);
            args << customArguments(f);
            if (Exporter::appliesTo(f, ExportOption::ServiceTags)) {
                const QString tags = serviceTagsFixture(QStringLiteral("ServiceTags_Public_20261130.json"));
                loadServiceTags(page, tags);
                QTRY_VERIFY(fixture.state->serviceTags());
                args << QStringLiteral("--service-tags") << tags;
            }
        }

        const QString cliPath = fixture.dir.filePath(QStringLiteral("cli.out"));
        args << QStringLiteral("--output") << cliPath;
        const CliRun cli = runCli(withEdition2021(args));
        auto *exportButton = child<QPushButton>(page, "exportButton");
        if (hasErrors(page->optionProblems())) {
            // Refused by both, and the page says why.
            QVERIFY(!exportButton->isEnabled());
            QCOMPARE(child<MessageBanner>(page, "exportOptionsBanner")->kind(), MessageBanner::Kind::Error);
            QVERIFY2(cli.exitCode == 2, cli.err.constData());
            return;
        }
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        QVERIFY2(exportButton->isEnabled(), qPrintable(child<MessageBanner>(page, "exportOptionsBanner")->text()));

        const QString guiPath = fixture.dir.filePath(QStringLiteral("gui.out"));
        FileDialog::instance()->setNextFileName(guiPath);
        exportButton->setFocus();
        press(Qt::Key_E, Qt::AltModifier);
        QTRY_COMPARE(child<MessageBanner>(page, "exportResultBanner")->kind(), MessageBanner::Kind::Success);
        QTRY_COMPARE(page->lastExportedPath(), guiPath);
        QVERIFY(FileDialog::instance()->lastStartPath().endsWith(u'.' + Exporter::fileSuffix(f)));

        const QByteArray gui = readAll(guiPath);
        const QByteArray expected = readAll(cliPath);
        if (f == ExportFormat::Xlsx) {
            QCOMPARE(gui.isEmpty(), expected.isEmpty());
            if (!gui.isEmpty())
                QVERIFY(gui.startsWith("PK") && expected.startsWith("PK"));
            return;
        }
        QVERIFY2(gui == expected,
                 qPrintable(QStringLiteral("GUI %1 bytes, CLI %2 bytes").arg(gui.size()).arg(expected.size())));
        // The formats this branch already has write something; the others are compared as they come.
        if (f == ExportFormat::Arm || f == ExportFormat::Csv || f == ExportFormat::Json)
            QVERIFY(!gui.isEmpty());
        if (f == ExportFormat::Csv)
            QCOMPARE(gui.startsWith("\xEF\xBB\xBF"), !customOptions);
        if (lang == Language::Japanese && (f == ExportFormat::Csv || f == ExportFormat::Json))
            QVERIFY(hasJapanese(QString::fromUtf8(gui)));
    }

    // The 2026-03 edition with a managed virtual network: every format as the CLI writes it, or
    // refused by both (a firewall template has nothing to deploy for a managed network).
    void managedNetworkSameAsCli_data()
    {
        QTest::addColumn<int>("format");
        for (const ExportFormat format : Exporter::formats())
            QTest::addRow("%s", Exporter::id(format).toLatin1().constData()) << int(format);
    }

    void managedNetworkSameAsCli()
    {
        QFETCH(int, format);
        const auto f = ExportFormat(format);
        WizardFixture fixture(builtInCatalogs());
        Answers a;
        a.edition = QStringLiteral("2026-03");
        a.cloud = QStringLiteral("public");
        a.region = QStringLiteral("japaneast");
        a.storage = QStringLiteral("mystore");
        a.network = NetworkKind::Managed;
        a.features = {QStringLiteral("compute-instance"), QStringLiteral("compute-cluster")};
        fixture.state->setAnswers(a);
        QVERIFY2(fixture.state->ruleSet().isValid(), qPrintable(formatProblems(fixture.state->ruleSet().problems)));
        FirewallWizard *w = fixture.wizard.get();
        w->advanceToRules();
        nextToExport(w);
        ExportPage *page = w->exportPage();
        chooseFormat(page, f);
        const QString profile = fixture.dir.filePath(QStringLiteral("profile.json"));
        QString error;
        QVERIFY2(w->saveProfileTo(profile, &error), qPrintable(error));
        const QString cliPath = fixture.dir.filePath(QStringLiteral("cli.out"));
        const CliRun cli = runCli({QStringLiteral("export"), QStringLiteral("--profile"), profile,
                                   QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--format"),
                                   Exporter::id(f), QStringLiteral("--output"), cliPath});
        if (hasErrors(page->optionProblems())) {
            QVERIFY(!child<QPushButton>(page, "exportButton")->isEnabled());
            QVERIFY(child<MessageBanner>(page, "exportOptionsBanner")->isVisible());
            QVERIFY2(cli.exitCode == 2, cli.err.constData());
            return;
        }
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        if (f == ExportFormat::Xlsx)
            return; // its time differs
        QCOMPARE(page->exportData(), readAll(cliPath));
        if (f == ExportFormat::Json || f == ExportFormat::Csv)
            QVERIFY(!page->exportData().isEmpty());
    }

    // Each format chosen by the keyboard shows the options it takes and no other.
    void optionsFollowFormat_data()
    {
        QTest::addColumn<Language>("language");
        QTest::newRow("en") << Language::English;
        QTest::newRow("ja") << Language::Japanese;
    }

    void optionsFollowFormat()
    {
        QFETCH(Language, language);
        WizardFixture fixture(language);
        processLanguageChange();
        fixture.state->setAnswers(richAnswers());
        FirewallWizard *w = fixture.wizard.get();
        w->advanceToRules();
        nextToExport(w);
        ExportPage *page = w->exportPage();
        const struct
        {
            ExportOption option;
            const char *widget;
        } shown[] = {
            {ExportOption::Deployment, "armOptions"},      {ExportOption::Deployment, "policyName"},
            {ExportOption::Alternatives, "alternatives"},  {ExportOption::SourceAddresses, "sourceAddresses"},
            {ExportOption::BothLanguages, "bothLanguages"}, {ExportOption::ByteOrderMark, "byteOrderMark"},
            {ExportOption::WildcardStyle, "wildcardStyle"}, {ExportOption::IpVersion, "ipVersion"},
        };
        // Every format once, forwards and back again.
        QList<ExportFormat> order = Exporter::formats();
        std::reverse(order.begin(), order.end());
        order = Exporter::formats() + order;
        for (const ExportFormat f : std::as_const(order)) {
            chooseFormat(page, f);
            const QString id = Exporter::id(f);
            for (const auto &s : shown) {
                QVERIFY2(child<QWidget>(page, s.widget)->isVisible() == Exporter::appliesTo(f, s.option),
                         qPrintable(id + u' ' + QLatin1String(s.widget)));
            }
            const bool anyOption = Exporter::appliesTo(f, ExportOption::Deployment)
                                   || Exporter::appliesTo(f, ExportOption::SourceAddresses)
                                   || Exporter::appliesTo(f, ExportOption::BothLanguages)
                                   || Exporter::appliesTo(f, ExportOption::WildcardStyle)
                                   || Exporter::appliesTo(f, ExportOption::IpVersion);
            QCOMPARE(child<QLabel>(page, "noOptions")->isVisible(), !anyOption);
            QCOMPARE(child<QLabel>(page, "formatSummary")->text(), Exporter::summary(f));
            // No two visible controls of the window share a letter, in either language.
            const QMultiHash<QChar, QString> letters = mnemonics(w);
            for (const QChar letter : letters.uniqueKeys())
                QVERIFY2(letters.count(letter) == 1,
                         qPrintable(id + QStringLiteral(": Alt+") + letter + QStringLiteral(" on ")
                                    + QStringList(letters.values(letter)).join(QStringLiteral(", "))));
            if (language == Language::Japanese)
                QVERIFY2(hasJapanese(child<QLabel>(page, "formatSummary")->text()), qPrintable(id));
        }
    }

    void remembersOptions()
    {
        WizardFixture f;
        f.state->setAnswers(richAnswers());
        f.wizard->advanceToRules();
        nextToExport(f.wizard.get());
        ExportPage *page = f.wizard->exportPage();
        chooseFormat(page, ExportFormat::Csv);
        typeInto(child<QLineEdit>(page, "sourceAddresses"), QStringLiteral("10.1.0.0/16"));
        child<QCheckBox>(page, "byteOrderMark")->setChecked(false);
        chooseFormat(page, ExportFormat::Arm);
        typeInto(child<QLineEdit>(page, "policyName"), QStringLiteral("kept-policy"));
        chooseFormat(page, ExportFormat::FqdnList);
        selectData(child<QComboBox>(page, "wildcardStyle"), int(WildcardStyle::Dot));
        chooseFormat(page, ExportFormat::IpList);
        selectData(child<QComboBox>(page, "ipVersion"), int(IpVersion::V6));
        chooseFormat(page, ExportFormat::Xlsx);

        f.recreate(Language::English, true);
        page = f.wizard->exportPage();
        QCOMPARE(page->format(), ExportFormat::Xlsx);
        QCOMPARE(child<QLineEdit>(page, "policyName")->text(), QStringLiteral("kept-policy"));
        QCOMPARE(page->exportOptions().deployment.sourceAddresses, QStringList{QStringLiteral("10.1.0.0/16")});
        QVERIFY(!child<QCheckBox>(page, "byteOrderMark")->isChecked());
        page->setFormat(ExportFormat::FqdnList);
        QCOMPARE(page->exportOptions().wildcardStyle, WildcardStyle::Dot);
        page->setFormat(ExportFormat::IpList);
        QCOMPARE(page->exportOptions().ipVersion, IpVersion::V6);
        // An option the format does not take keeps the CLI's default.
        QCOMPARE(page->exportOptions().wildcardStyle, WildcardStyle::Star);
        QVERIFY(page->exportOptions().byteOrderMark);
    }

    // The service tags file: chosen through the dialog seam, kept while the answers change, shown
    // with its change number and date; another cloud's file refused with a message; cleared.
    void serviceTagsFile()
    {
        WizardFixture f;
        f.state->setAnswers(richAnswers());
        f.wizard->advanceToRules();
        nextToExport(f.wizard.get());
        ExportPage *page = f.wizard->exportPage();
        auto *text = child<QLabel>(page, "serviceTagsFile");
        auto *banner = child<MessageBanner>(page, "serviceTagsBanner");
        QVERIFY(!f.state->serviceTags());
        QVERIFY(!child<QPushButton>(page, "clearServiceTagsButton")->isVisible());

        loadServiceTags(page, serviceTagsFixture(QStringLiteral("ServiceTags_Public_20261130.json")));
        QTRY_VERIFY(f.state->serviceTags());
        QVERIFY2(text->text().contains(QStringLiteral("ServiceTags_Public_20261130.json"))
                     && text->text().contains(QStringLiteral("412"))
                     && text->text().contains(QStringLiteral("2026-11-30")),
                 qPrintable(text->text()));
        QVERIFY(child<QPushButton>(page, "clearServiceTagsButton")->isVisible());
        auto prefixed = [&f] {
            int n = 0;
            for (const Rule &rule : f.state->ruleSet().rules)
                n += f.state->ruleSet().hasAddressPrefixes(rule) ? 1 : 0;
            return n;
        };
        QVERIFY(prefixed() > 0);

        // New answers, new rules: the file is applied to them too.
        f.state->setStorage(QStringLiteral("otherstore"));
        QVERIFY(f.state->ruleSet().serviceTags);
        QVERIFY(prefixed() > 0);
        QVERIFY(f.state->ruleSet().serviceTags == f.state->serviceTags());

        // Another cloud's file: refused, said in the banner, the file before stays.
        loadServiceTags(page, serviceTagsFixture(QStringLiteral("ServiceTags_China_20261130.json")));
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY2(banner->text().contains(QStringLiteral("ServiceTags_China_20261130.json"))
                     && banner->text().contains(QStringLiteral("China")),
                 qPrintable(banner->text()));
        QCOMPARE(f.state->serviceTags()->fileName, QStringLiteral("ServiceTags_Public_20261130.json"));

        // Not a service tags file at all.
        const QString broken = f.dir.filePath(QStringLiteral("broken.json"));
        {
            QSaveFile out(broken);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("{\"values\": [");
            QVERIFY(out.commit());
        }
        loadServiceTags(page, broken);
        QTRY_VERIFY(banner->text().contains(QStringLiteral("broken.json")));
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);

        // Cleared: service tags by name again, the button gone, the focus on the file button.
        child<QPushButton>(page, "clearServiceTagsButton")->setFocus();
        press(Qt::Key_Space);
        QVERIFY(!f.state->serviceTags());
        QVERIFY(!f.state->ruleSet().serviceTags);
        QCOMPARE(prefixed(), 0);
        QVERIFY(!banner->isVisible());
        QVERIFY(!child<QPushButton>(page, "clearServiceTagsButton")->isVisible());
        QCOMPARE(QApplication::focusWidget(), child<QPushButton>(page, "serviceTagsButton"));

        // A kept file that no longer fits (the cloud changed) is dropped, and the page says so.
        loadServiceTags(page, serviceTagsFixture(QStringLiteral("ServiceTags_Public_20261130.json")));
        QTRY_VERIFY(f.state->serviceTags());
        f.state->setCloud(QStringLiteral("china"));
        QVERIFY(!f.state->serviceTags());
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    }

    // The rules page's details: a service-tag rule says how many prefixes the file gives it, with
    // the file's change number and date, and lists them on demand (a link, reached by Tab, Enter).
    void ruleDetailsShowPrefixes()
    {
        WizardFixture f;
        f.state->setAnswers(richAnswers());
        FirewallWizard *w = f.wizard.get();
        w->advanceToRules();
        nextToExport(w);
        loadServiceTags(w->exportPage(), serviceTagsFixture(QStringLiteral("ServiceTags_Public_20261130.json")));
        QTRY_VERIFY(f.state->serviceTags());
        clickBack(w);
        clickBack(w);
        QCOMPARE(w->currentId(), int(FirewallWizard::RulesPageId));
        RulesPage *rules = w->rulesPage();
        QTextBrowser *details = find::details(rules);
        QTreeView *view = find::view(rules, RulesPage::NetworkTab);
        find::tabs(rules)->setCurrentIndex(RulesPage::NetworkTab);
        view->setFocus();
        // Down through the rows until one with address prefixes.
        for (int i = 0; i < 100 && !details->toPlainText().contains(QStringLiteral("change 412")); ++i)
            press(Qt::Key_Down);
        const QString shown = details->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("4 prefixes (change 412, 2026-11-30)")),
                 qPrintable(shown));
        QVERIFY(!shown.contains(QStringLiteral("192.0.2.")));
        QVERIFY(!shown.contains(QStringLiteral("203.0.113.")));

        details->setFocus();
        press(Qt::Key_Tab); // the first link of the details: the list
        QCOMPARE(QApplication::focusWidget(), details);
        QCOMPARE(details->textCursor().charFormat().anchorHref(), RuleDetails::prefixesLink().toString());
        press(Qt::Key_Return);
        QTRY_VERIFY(details->toPlainText().contains(QStringLiteral("Hide the list")));
        QVERIFY2(details->toPlainText().contains(QStringLiteral("192.0.2."))
                     || details->toPlainText().contains(QStringLiteral("198.51.100."))
                     || details->toPlainText().contains(QStringLiteral("203.0.113.")),
                 qPrintable(details->toPlainText()));
        QCOMPARE(w->currentId(), int(FirewallWizard::RulesPageId)); // Enter went to the link, not to Next
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
                 ArmExporter::validateOptions(page->exportOptions().deployment).first().message());
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
        page->setFormat(ExportFormat::Csv);
        QVERIFY(!child<QPushButton>(page, "exportButton")->isEnabled());
        QVERIFY(child<MessageBanner>(page, "exportOptionsBanner")->text().contains(QStringLiteral("300.1.1.1")));
        page->setFormat(ExportFormat::Json);
        QVERIFY(child<QPushButton>(page, "exportButton")->isEnabled());
        QVERIFY(!child<QLineEdit>(page, "sourceAddresses")->isVisible());
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
        page->setFormat(ExportFormat::Json);

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

private:
    QString m_cli;
};

QTEST_MAIN(TestExportPage)
#include "tst_exportpage.moc"
