#pragma once

// Shared by the GUI tests: a wizard on a temporary settings file, navigation, and the check that a
// Japanese page has no English left on it.

#include "catalog.h"
#include "cloudpage.h"
#include "featurespage.h"
#include "firewallwizard.h"
#include "language.h"
#include "messagebanner.h"
#include "regionpage.h"
#include "rulespage.h"
#include "storagepage.h"
#include "welcomepage.h"
#include "wizardsettings.h"
#include "wizardstate.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>
#include <memory>

namespace amlfw::test {

// Every built-in edition, as the wizard loads them.
inline QList<Catalog> builtInCatalogs()
{
    QList<Catalog> catalogs;
    for (const QString &edition : Catalog::builtInEditions())
        catalogs << Catalog::builtIn(edition);
    return catalogs;
}

// The widget of type T named `name` under `parent`, found as a user finds it: by what it is, not by
// a getter the page keeps for tests. A missing one is a broken test, said plainly.
template<typename T>
T *child(const QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qFatal("no %s named \"%s\" under %s", T::staticMetaObject.className(), qPrintable(name),
               qPrintable(parent->objectName()));
    return found;
}

template<typename T>
T *child(const QObject *parent, const char *name)
{
    return child<T>(parent, QString::fromLatin1(name));
}

// The pages' widgets by object name: find::banner(page), find::view(rulesPage, RulesPage::NetworkTab).
namespace find {
inline MessageBanner *banner(const CloudPage *p)
{
    return child<MessageBanner>(p, "cloudBanner");
}
inline QRadioButton *button(const CloudPage *p, const QString &cloudId)
{
    return child<QRadioButton>(p, QStringLiteral("cloud_") + cloudId);
}
inline MessageBanner *banner(const RegionPage *p)
{
    return child<MessageBanner>(p, "regionBanner");
}
inline QLineEdit *searchField(const RegionPage *p)
{
    return child<QLineEdit>(p, "regionSearch");
}
inline QTreeView *view(const RegionPage *p)
{
    return child<QTreeView>(p, "regionView");
}
inline QLabel *selectionLabel(const RegionPage *p)
{
    return child<QLabel>(p, "regionSelection");
}
inline MessageBanner *banner(const StoragePage *p)
{
    return child<MessageBanner>(p, "storageBanner");
}
inline QLineEdit *nameField(const StoragePage *p)
{
    return child<QLineEdit>(p, "storageName");
}
inline QTreeWidget *hostList(const StoragePage *p)
{
    return child<QTreeWidget>(p, "storageHosts");
}
inline MessageBanner *banner(const FeaturesPage *p)
{
    return child<MessageBanner>(p, "featuresBanner");
}
inline QCheckBox *checkBox(const FeaturesPage *p, const QString &featureId)
{
    return p->findChild<QCheckBox *>(QStringLiteral("feature_") + featureId); // null: no such feature
}
inline QLabel *countLabel(const FeaturesPage *p, const QString &featureId)
{
    return child<QLabel>(p, QStringLiteral("count_") + featureId);
}
inline QRadioButton *serviceTagsButton(const FeaturesPage *p)
{
    return child<QRadioButton>(p, "udrServiceTags");
}
inline QRadioButton *ipRangesButton(const FeaturesPage *p)
{
    return child<QRadioButton>(p, "udrIpRanges");
}
inline QLabel *totalLabel(const FeaturesPage *p)
{
    return child<QLabel>(p, "featuresTotal");
}
inline QPushButton *removeUnknownButton(const FeaturesPage *p)
{
    return child<QPushButton>(p, "removeUnknownFeatures");
}
inline MessageBanner *banner(const RulesPage *p)
{
    return child<MessageBanner>(p, "rulesBanner");
}
inline QTabWidget *tabs(const RulesPage *p)
{
    return child<QTabWidget>(p, "rulesTabs");
}
inline QTreeView *view(const RulesPage *p, RulesPage::Tab tab)
{
    return child<QTreeView>(p, QStringLiteral("rulesView%1").arg(int(tab)));
}
inline QLineEdit *filterField(const RulesPage *p)
{
    return child<QLineEdit>(p, "rulesFilter");
}
inline QTextBrowser *details(const RulesPage *p)
{
    return child<QTextBrowser>(p, "rulesDetails");
}
inline QLabel *totalsLabel(const RulesPage *p)
{
    return child<QLabel>(p, "rulesTotals");
}
inline QAction *copyTsvAction(const RulesPage *p)
{
    return child<QAction>(p, "copyTsv");
}
inline QAction *copyMarkdownAction(const RulesPage *p)
{
    return child<QAction>(p, "copyMarkdown");
}
inline QRadioButton *editionButton(const WelcomePage *p, const QString &edition)
{
    return child<QRadioButton>(p, QStringLiteral("edition_") + edition);
}
inline MessageBanner *noticeBanner(const QWidget *page)
{
    return child<MessageBanner>(page, "noticeBanner");
}
inline QRadioButton *networkButton(const CloudPage *p, NetworkKind kind)
{
    return child<QRadioButton>(p, kind == NetworkKind::Managed ? "networkManaged" : "networkCustomer");
}
inline QLineEdit *acrField(const StoragePage *p)
{
    return child<QLineEdit>(p, "acrName");
}
inline MessageBanner *acrBanner(const StoragePage *p)
{
    return child<MessageBanner>(p, "acrNameBanner");
}
inline QLineEdit *workspaceIdField(const StoragePage *p)
{
    return child<QLineEdit>(p, "workspaceId");
}
inline MessageBanner *workspaceIdBanner(const StoragePage *p)
{
    return child<MessageBanner>(p, "workspaceIdBanner");
}
inline QComboBox *languageBox(const WelcomePage *p)
{
    return child<QComboBox>(p, "languageBox");
}
inline QPushButton *openProfileButton(const WelcomePage *p)
{
    return child<QPushButton>(p, "openProfileButton");
}
inline QPushButton *saveProfileButton(const WelcomePage *p)
{
    return child<QPushButton>(p, "saveProfileButton");
}
inline QPushButton *startOverButton(const WelcomePage *p)
{
    return child<QPushButton>(p, "startOverButton");
}
} // namespace find

// Two editions that do not depend on the real 2026 data: the 2021-11 catalog, and a "2026-03" made
// from it that lacks the feature "r" (mapped to "python"), knows the managed network and has rules
// naming <acr> and <workspace-id>.
inline QList<Catalog> syntheticEditions()
{
    const Catalog old = Catalog::builtIn(QStringLiteral("2021-11"));
    Catalog next = old;
    next.edition = QStringLiteral("2026-03");
    next.sourceDate = QStringLiteral("2026-03-19");
    next.summary = {QStringLiteral("A synthetic edition for the tests, with a managed virtual network."),
                    QStringLiteral("テスト用の合成の版です。マネージド仮想ネットワークがあります。")};
    next.networks = {NetworkKind::Customer, NetworkKind::Managed};
    next.features.removeIf([](const Feature &f) { return f.id == u"r"; });
    next.featureMap.insert(QStringLiteral("r"),
                           FeatureMapping{{QStringLiteral("python")},
                                          {QStringLiteral("R packages come from the Python feed."),
                                           QStringLiteral("R のパッケージは Python の取得先から入手します。")}});
    CatalogRule acr = next.rules.constFirst();
    acr.id = QStringLiteral("synthetic-acr");
    acr.kind = RuleKind::Fqdn;
    acr.destination = QStringLiteral("<acr>.azurecr.io");
    acr.when = Condition();
    acr.protocol = QStringLiteral("TCP");
    acr.ports = {QStringLiteral("443")};
    acr.portConditions.clear();
    CatalogRule workspace = acr;
    workspace.id = QStringLiteral("synthetic-workspace");
    workspace.destination = QStringLiteral("<workspace-id>.workspace.<region>.api.azureml.ms");
    for (CatalogRule rule : {acr, workspace}) {
        rule.index = int(next.rules.size());
        next.rules << rule;
    }
    return {old, next};
}

// A wizard with its own state and a settings file in a temporary folder.
struct WizardFixture
{
    explicit WizardFixture(Language language = Language::English, bool restoreFromSettings = false)
    {
        QStandardPaths::setTestModeEnabled(true);
        settingsPath = dir.filePath(QStringLiteral("settings.ini"));
        create(language, restoreFromSettings);
    }

    // The wizard over several editions, as the application has them.
    WizardFixture(const QList<Catalog> &catalogs, Language language = Language::English,
                  bool restoreFromSettings = false)
        : editions(catalogs)
    {
        QStandardPaths::setTestModeEnabled(true);
        settingsPath = dir.filePath(QStringLiteral("settings.ini"));
        create(language, restoreFromSettings);
    }

    // A second run of the application on the same settings file.
    void recreate(Language language, bool restoreFromSettings)
    {
        wizard.reset();
        state.reset();
        settings.reset();
        create(language, restoreFromSettings);
    }

    void create(Language language, bool restoreFromSettings)
    {
        applyLanguage(language);
        settings = std::make_unique<WizardSettings>(settingsPath);
        // As main() does: the remembered edition, else the newest.
        const auto answers = restoreFromSettings ? settings->lastAnswers() : std::nullopt;
        if (editions.isEmpty())
            state = std::make_unique<WizardState>(catalog);
        else
            state = std::make_unique<WizardState>(editions, answers ? answers->edition : editions.last().edition);
        state->setLanguage(language);
        if (answers)
            state->setSavedAnswers(*answers);
        wizard = std::make_unique<FirewallWizard>(state.get(), settings.get());
        wizard->resize(960, 680);
        wizard->show();
        QApplication::setActiveWindow(wizard.get());
    }

    QTemporaryDir dir;
    QString settingsPath;
    Catalog catalog = Catalog::builtIn(QStringLiteral("2021-11"));
    QList<Catalog> editions; // empty: the one catalog above
    std::unique_ptr<WizardSettings> settings;
    std::unique_ptr<WizardState> state;
    std::unique_ptr<FirewallWizard> wizard;
};

inline void processLanguageChange()
{
    // LanguageChange is posted: deliver it before reading texts.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCoreApplication::processEvents();
}

inline void clickNext(QWizard *wizard)
{
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QVERIFY(next->isVisible());
    QVERIFY2(next->isEnabled(), qPrintable(QStringLiteral("Next is disabled on page %1").arg(wizard->currentId())));
    QTest::mouseClick(next, Qt::LeftButton);
}

inline void clickBack(QWizard *wizard)
{
    QAbstractButton *back = wizard->button(QWizard::BackButton);
    QVERIFY(back->isVisible() && back->isEnabled());
    QTest::mouseClick(back, Qt::LeftButton);
}

// Types into a line edit as a user would: select what is there, then type.
inline void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// Answers the pages up to the rules page through the widgets: cloud, region search, storage.
inline void answerUpToRules(FirewallWizard *wizard, const QString &cloud, const QString &regionSearch,
                            const QString &storage, const QStringList &features = {})
{
    wizard->restart();
    QCOMPARE(wizard->currentId(), int(FirewallWizard::WelcomePageId));
    clickNext(wizard);
    QCOMPARE(wizard->currentId(), int(FirewallWizard::CloudPageId));
    QTest::mouseClick(find::button(wizard->cloudPage(), cloud), Qt::LeftButton);
    clickNext(wizard);
    QCOMPARE(wizard->currentId(), int(FirewallWizard::RegionPageId));
    typeInto(find::searchField(wizard->regionPage()), regionSearch);
    QTest::keyClick(find::searchField(wizard->regionPage()), Qt::Key_Down);
    QTRY_VERIFY(wizard->regionPage()->isComplete());
    clickNext(wizard);
    QCOMPARE(wizard->currentId(), int(FirewallWizard::StoragePageId));
    typeInto(find::nameField(wizard->storagePage()), storage);
    QTRY_VERIFY(wizard->storagePage()->isComplete());
    clickNext(wizard);
    QCOMPARE(wizard->currentId(), int(FirewallWizard::FeaturesPageId));
    if (!features.isEmpty()) {
        QTest::mouseClick(wizard->featuresPage()->findChild<QAbstractButton *>(QStringLiteral("clearAllFeatures")),
                          Qt::LeftButton);
        for (const QString &f : features) {
            QCheckBox *box = find::checkBox(wizard->featuresPage(), f);
            QVERIFY2(box, qPrintable(f));
            if (box->isEnabled() && !box->isChecked())
                box->click();
        }
    }
    clickNext(wizard);
    QCOMPARE(wizard->currentId(), int(FirewallWizard::RulesPageId));
}

// From the rules page to the export: through the live-test page, without testing (it is optional).
inline void nextToExport(FirewallWizard *wizard)
{
    QCOMPARE(wizard->currentId(), int(FirewallWizard::RulesPageId));
    clickNext(wizard);
    QCOMPARE(wizard->currentId(), int(FirewallWizard::LiveTestPageId));
    clickNext(wizard);
    QCOMPARE(wizard->currentId(), int(FirewallWizard::ExportPageId));
}

inline bool hasJapanese(const QString &text)
{
    static const QRegularExpression japanese(
        QStringLiteral("[\\x{3040}-\\x{30FF}\\x{3400}-\\x{9FFF}\\x{FF00}-\\x{FFEF}]"));
    return japanese.match(text).hasMatch();
}

// Words that stay as they are in Japanese: product and format names, as the article keeps them.
inline bool isProperName(const QString &word)
{
    static const QStringList names{
        QStringLiteral("Azure"),      QStringLiteral("Public"),   QStringLiteral("Government"),
        QStringLiteral("China"),      QStringLiteral("21Vianet"), QStringLiteral("Vianet"),
        QStringLiteral("Kubernetes"), QStringLiteral("Service"),  QStringLiteral("Services"),
        QStringLiteral("AKS"),        QStringLiteral("AML"),      QStringLiteral("ML"),
        QStringLiteral("Machine"),    QStringLiteral("Learning"), QStringLiteral("Firewall"),
        QStringLiteral("English"),    QStringLiteral("Standard"), QStringLiteral("Premium"),
        QStringLiteral("ARM"),        QStringLiteral("CSV"),      QStringLiteral("JSON"),
        QStringLiteral("TSV"),        QStringLiteral("Markdown"), QStringLiteral("Excel"),
        QStringLiteral("UTF"),        QStringLiteral("IP"),       QStringLiteral("FQDN"),
        QStringLiteral("FQDNs"),      QStringLiteral("UDR"),      QStringLiteral("DNS"),
        QStringLiteral("TLS"),        QStringLiteral("Qt"),       QStringLiteral("Ctrl"),
        QStringLiteral("Shift"),      QStringLiteral("amlfw"),    QStringLiteral("Docker"),
        QStringLiteral("Python"),     QStringLiteral("PyTorch"),  QStringLiteral("TensorFlow"),
        QStringLiteral("Visual"),     QStringLiteral("Studio"),   QStringLiteral("Code"),
        QStringLiteral("CRAN"),       QStringLiteral("R"),        QStringLiteral("Microsoft"),
        QStringLiteral("Batch"),      QStringLiteral("Arc"),      QStringLiteral("OpenSSL"),
        QStringLiteral("openssl"),    QStringLiteral("F"),        QStringLiteral("L"),
        QStringLiteral("Terraform"),  QStringLiteral("YAML"),     QStringLiteral("CLI"),
    };
    return names.contains(word);
}

// Texts a reader sees on `root`: labels, buttons, group boxes, tabs, column headers, placeholders,
// tooltips and accessible names of visible widgets. Widgets that show amlfw_core's messages are
// left out while core's own translation is unfinished (it is translated on another branch).
inline QStringList visibleTexts(QWidget *root, bool includeCoreTexts)
{
    QStringList texts;
    auto add = [&texts](QString text) {
        text.remove(QRegularExpression(QStringLiteral("\\(&.\\)"))).remove(u'&');
        text = text.trimmed();
        if (!text.isEmpty())
            texts << text;
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible())
            continue;
        bool core = false;
        for (QWidget *p = w; p; p = p->parentWidget())
            core = core || p->property(MessageBanner::CoreTextProperty).toBool();
        if (core && !includeCoreTexts)
            continue;
        add(w->toolTip());
        add(w->accessibleName());
        add(w->accessibleDescription());
        if (auto *label = qobject_cast<QLabel *>(w))
            add(Qt::mightBeRichText(label->text()) ? QTextDocumentFragment::fromHtml(label->text()).toPlainText()
                                                   : label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text());
        else if (auto *group = qobject_cast<QGroupBox *>(w))
            add(group->title());
        else if (auto *edit = qobject_cast<QLineEdit *>(w))
            add(edit->placeholderText());
        else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(tabs->tabText(i));
                add(tabs->tabToolTip(i));
            }
        } else if (auto *header = qobject_cast<QHeaderView *>(w)) {
            if (header->model()) {
                for (int i = 0; i < header->count(); ++i)
                    add(header->model()->headerData(i, header->orientation(), Qt::DisplayRole).toString());
            }
        }
    }
    return texts;
}

// The texts that are English on a page meant to be Japanese.
inline QStringList englishLeft(QWidget *root, const QStringList &identifiers, bool includeCoreTexts)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z0-9_]*"));
    QStringList bad;
    for (const QString &text : visibleTexts(root, includeCoreTexts)) {
        if (hasJapanese(text))
            continue;
        QString rest = text;
        // Host names, service tags with a region, ids and the like are data, not words.
        for (const QString &id : identifiers)
            rest.replace(id, QStringLiteral(" "));
        rest.replace(QRegularExpression(QStringLiteral("\\S*[A-Za-z0-9][._\\-/][A-Za-z0-9]\\S*|\\S*[<>*_]\\S*")),
                     QStringLiteral(" "));
        auto it = word.globalMatch(rest);
        while (it.hasNext()) {
            if (!isProperName(it.next().captured())) {
                bad << text;
                break;
            }
        }
    }
    bad.removeDuplicates();
    return bad;
}

// True once amlfw_core's strings are translated (another branch does it): then its messages are checked too.
inline bool coreIsTranslated()
{
    return QCoreApplication::translate("amlfw::RuleLabels", "Always") != u"Always";
}

} // namespace amlfw::test
