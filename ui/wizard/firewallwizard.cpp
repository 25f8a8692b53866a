#include "firewallwizard.h"

#include "appicon.h"
#include "cloudpage.h"
#include "confirmation.h"
#include "exportpage.h"
#include "featurespage.h"
#include "filedialog.h"
#include "livetestslot.h"
#include "noticebanner.h"
#include "presentationzoom.h"
#include "profile.h"
#include "regionpage.h"
#include "rulespage.h"
#include "statepage.h"
#include "steplist.h"
#include "storagepage.h"
#include "welcomepage.h"
#include "wizardheaderfit.h"
#include "wizardsettings.h"
#include "wizardstate.h"

#include <QAction>
#include <QBoxLayout>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStyle>
#include <QtGlobal>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QSslSocket>
#endif

Q_LOGGING_CATEGORY(lcWizard, "amlfw.wizard", QtWarningMsg)

namespace amlfw {

FirewallWizard::FirewallWizard(WizardState *state, WizardSettings *settings, QWidget *parent)
    : QWizard(parent)
    , m_state(state)
    , m_settings(settings)
    , m_welcome(new WelcomePage(state, this))
    , m_cloud(new CloudPage(state, this))
    , m_region(new RegionPage(state, this))
    , m_storage(new StoragePage(state, this))
    , m_features(new FeaturesPage(state, this))
    , m_rules(new RulesPage(state, this))
    , m_export(new ExportPage(state, settings, this))
    , m_steps(new StepList(this))
    , m_profileMenu(new QMenu(this))
    , m_languageAction(new QAction(this))
    , m_openProfileAction(new QAction(this))
    , m_saveProfileAction(new QAction(this))
    , m_aboutAction(new QAction(this))
{
    setObjectName(QStringLiteral("firewallWizard"));
    setWindowIcon(appIcon());
#if !defined(Q_OS_MACOS) && !defined(Q_OS_WIN)
    // The classic style has no header; the modern one shows title, subtitle and logo like the others do.
    setWizardStyle(QWizard::ModernStyle);
#endif
    setPixmap(QWizard::LogoPixmap, appIcon().pixmap(48, 48));
    setOptions(QWizard::NoBackButtonOnStartPage | QWizard::HaveCustomButton1 | QWizard::HaveCustomButton2
               | QWizard::HaveCustomButton3);
    setButtonLayout({QWizard::CustomButton1, QWizard::CustomButton2, QWizard::CustomButton3, QWizard::Stretch,
                     QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton, QWizard::FinishButton,
                     QWizard::CancelButton});

    setPage(WelcomePageId, m_welcome);
    setPage(CloudPageId, m_cloud);
    setPage(RegionPageId, m_region);
    setPage(StoragePageId, m_storage);
    setPage(FeaturesPageId, m_features);
    setPage(RulesPageId, m_rules);
    if (QWizardPage *liveTest = createLiveTestPage(state, settings, this))
        setPage(LiveTestPageId, liveTest);
    setPage(ExportPageId, m_export);
    setStartId(WelcomePageId);
    // The list of steps stays at every size: it is how you see where you are, and a way to move.
    setSideWidget(m_steps);
    new WizardHeaderFit(this); // subtitles wrap to the lines they need
    // What a change of edition did to the answers is said on every page, above the page's own content.
    for (const int id : pageIds()) {
        if (auto *layout = qobject_cast<QBoxLayout *>(page(id)->layout()))
            layout->insertWidget(0, new NoticeBanner(state, page(id)));
    }

    // Shortcuts that work on every page; the buttons below show them.
    m_languageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_openProfileAction->setShortcut(QKeySequence::Open);
    m_saveProfileAction->setShortcut(QKeySequence::Save);
    m_aboutAction->setShortcut(QKeySequence::HelpContents);
    for (QAction *action : {m_languageAction, m_openProfileAction, m_saveProfileAction, m_aboutAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
    connect(m_languageAction, &QAction::triggered, this, &FirewallWizard::toggleLanguage);
    connect(m_openProfileAction, &QAction::triggered, this, &FirewallWizard::openProfile);
    connect(m_saveProfileAction, &QAction::triggered, this, &FirewallWizard::saveProfile);
    connect(m_aboutAction, &QAction::triggered, this, &FirewallWizard::showAbout);
    new PresentationZoom(this, settings); // Ctrl+plus, Ctrl+minus, Ctrl+0
    m_profileMenu->addAction(m_openProfileAction);
    m_profileMenu->addAction(m_saveProfileAction);
    if (auto *profileButton = qobject_cast<QPushButton *>(button(QWizard::CustomButton2)))
        profileButton->setMenu(m_profileMenu);
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("languageButton"));
    button(QWizard::CustomButton2)->setObjectName(QStringLiteral("profileButton"));
    button(QWizard::CustomButton3)->setObjectName(QStringLiteral("aboutButton"));
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            toggleLanguage();
        else if (which == QWizard::CustomButton3)
            showAbout();
    });
    connect(m_welcome, &WelcomePage::openProfileRequested, this, &FirewallWizard::openProfile);
    connect(m_welcome, &WelcomePage::saveProfileRequested, this, &FirewallWizard::saveProfile);

    connect(this, &QWizard::currentIdChanged, m_steps, &StepList::refresh);
    connect(m_steps, &StepList::stepActivated, this, &FirewallWizard::goToPage);
    m_steps->setReachable([this](int id) { return isReachable(id); });
    for (const int id : pageIds())
        connect(page(id), &QWizardPage::completeChanged, m_steps, &StepList::refresh);
    // Inside a dialog every push button presses itself on Enter when focused: on the pages Enter
    // means Next (the wizard's default button), whatever has the focus.
    connect(this, &QWizard::currentIdChanged, this, [this] {
        for (const int id : pageIds()) {
            for (QPushButton *b : page(id)->findChildren<QPushButton *>()) {
                b->setAutoDefault(false);
                b->setDefault(false);
            }
        }
    });
    // QWizard gives the focus to the page's first widget that takes Tab, even a hidden one or a
    // scroll area: the page says where it starts, else the first control a user can see and use.
    connect(this, &QWizard::currentIdChanged, this, [this] {
        QWizardPage *page = currentPage();
        if (!page)
            return;
        auto *statePage = qobject_cast<StatePage *>(page);
        QWidget *first = statePage ? statePage->firstFocus() : nullptr;
        for (QWidget *w = page->nextInFocusChain(); !first && w && w != page; w = w->nextInFocusChain()) {
            if (page->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(page) && w->isEnabled())
                first = w;
        }
        if (first)
            first->setFocus(Qt::TabFocusReason);
    });
    connect(state, &WizardState::answersChanged, this, [this] {
        updateTitle();
        if (m_settings)
            m_settings->setLastAnswers(m_state->answers());
    });
    connect(state, &WizardState::profileTitleChanged, this, &FirewallWizard::updateTitle);
    connect(state, &WizardState::languageChanged, this, [this] {
        if (m_settings)
            m_settings->setLanguage(m_state->language());
    });

    setMinimumSize(880, 620);
    if (!m_settings || !restoreGeometry(m_settings->geometry()))
        resize(980, 720);
    retranslateUi();
}

FirewallWizard::~FirewallWizard()
{
    if (m_settings)
        m_settings->sync();
}

void FirewallWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

void FirewallWizard::keyPressEvent(QKeyEvent *event)
{
    // This is the application's main window: Escape (e.g. meant for a search field) must not
    // close it. Cancel and the window's close button still do.
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        auto *edit = qobject_cast<QLineEdit *>(focusWidget());
        if (edit && edit->property(StatePage::ClearOnEscapeProperty).toBool())
            edit->clear();
        event->accept();
        return;
    }
    QWizard::keyPressEvent(event);
}

QStringList FirewallWizard::unsavedWork() const
{
    QStringList lost;
    const QList<int> visited = visitedIds();
    for (const int id : pageIds()) {
        const auto *statePage = qobject_cast<const StatePage *>(page(id));
        if (!statePage)
            continue;
        // Not having exported matters once the rules were shown; what else a page holds matters always.
        if (id == ExportPageId && !visited.contains(RulesPageId))
            continue;
        const QString text = statePage->unsavedWork();
        if (!text.isEmpty())
            lost << text;
    }
    return lost;
}

bool FirewallWizard::confirmLeaving()
{
    const QStringList lost = unsavedWork();
    if (lost.isEmpty())
        return true;
    QString text = lost.join(u'\n');
    text += QStringLiteral("\n\n") + tr("Your answers are remembered for next time either way. Close amlfw now?");
    return confirmLoss(this, tr("Close amlfw?"), text, tr("&Close without saving"), tr("&Stay"));
}

void FirewallWizard::done(int result)
{
    // Finish (Enter on the last page), Cancel and the window's close button all end here.
    if (isVisible() && !confirmLeaving())
        return;
    if (m_settings) {
        // Answers read from older settings gain their edition even when nothing was changed.
        m_settings->setLastAnswers(m_state->answers());
        m_settings->setGeometry(saveGeometry());
        m_settings->sync();
    }
    QWizard::done(result);
}

void FirewallWizard::retranslateUi()
{
    const bool japanese = m_state->language() == Language::Japanese;
    // The language to switch to, named in itself, so that a reader of either can find it.
    setButtonText(QWizard::CustomButton1, japanese ? QStringLiteral("English") : QStringLiteral("日本語"));
    button(QWizard::CustomButton1)
        ->setToolTip(tr("Switch the language of the wizard and the exported files (Ctrl+L)."));
    button(QWizard::CustomButton1)->setAccessibleName(japanese ? tr("Switch to English") : tr("Switch to Japanese"));
    button(QWizard::CustomButton1)
        ->setAccessibleDescription(tr("Switches the language without losing the answers (Ctrl+L)."));
    setButtonText(QWizard::CustomButton2, tr("Profile"));
    button(QWizard::CustomButton2)->setToolTip(tr("Open or save the answers as a profile file (Ctrl+O, Ctrl+S)."));
    button(QWizard::CustomButton2)->setAccessibleName(tr("Profile"));
    button(QWizard::CustomButton2)->setAccessibleDescription(tr("Menu to open or save a profile file."));
    setButtonText(QWizard::CustomButton3, tr("About"));
    button(QWizard::CustomButton3)->setToolTip(tr("Version, rule catalog, Qt and TLS (F1)."));
    button(QWizard::CustomButton3)->setAccessibleName(tr("About amlfw"));
    button(QWizard::CustomButton3)
        ->setAccessibleDescription(
            tr("Shows the version, the rule catalog edition, the Qt version and the TLS backend."));
    // A menu arrow needs room beside the text, in both languages.
    if (QAbstractButton *profile = button(QWizard::CustomButton2)) {
        profile->setMinimumWidth(0);
        profile->setMinimumWidth(profile->sizeHint().width() + 16);
    }
    m_languageAction->setText(japanese ? tr("Switch to English") : tr("Switch to Japanese"));
    m_openProfileAction->setText(tr("&Open profile…"));
    m_saveProfileAction->setText(tr("&Save profile…"));
    m_aboutAction->setText(tr("About amlfw"));
    setAccessibleName(tr("amlfw wizard"));
    setAccessibleDescription(
        tr("Asks about an Azure Machine Learning workspace and shows the firewall rules it needs."));
    // QWizard retranslates its own buttons only when the page changes: re-applying the commit flag
    // makes it do so now.
    if (QWizardPage *page = currentPage())
        page->setCommitPage(page->isCommitPage());
    const QList<QPair<QWizard::WizardButton, QString>> descriptions{
        {QWizard::BackButton, tr("Goes back to the previous step; your answers are kept.")},
        {QWizard::NextButton, tr("Goes on to the next step.")},
        {QWizard::CommitButton, tr("Goes on to the next step.")},
        {QWizard::FinishButton, tr("Closes amlfw; your answers are remembered for next time.")},
        {QWizard::CancelButton, tr("Closes amlfw; your answers are remembered for next time.")},
    };
    for (const auto &[which, description] : descriptions) {
        if (QAbstractButton *b = button(which)) {
            b->setAccessibleName(b->text().remove(QRegularExpression(QStringLiteral("\\(&.\\)"))).remove(u'&'));
            b->setAccessibleDescription(description);
        }
    }
    updateTitle();
    m_steps->refresh();
}

void FirewallWizard::updateTitle()
{
    QStringList parts;
    if (!m_state->profileTitle().isEmpty())
        parts << m_state->profileTitle();
    if (const QString scenario = m_state->scenarioTitle(); !scenario.isEmpty())
        parts << scenario;
    setWindowTitle(parts.isEmpty() ? tr("amlfw") : tr("amlfw — %1").arg(parts.join(QStringLiteral(" — "))));
}

void FirewallWizard::toggleLanguage()
{
    m_state->setLanguage(m_state->language() == Language::Japanese ? Language::English : Language::Japanese);
}

void FirewallWizard::showMessage(int icon, const QString &title, const QString &text)
{
    // Not modal to the application: nothing waits on it, and tests can read it.
    if (m_lastMessage)
        m_lastMessage->close();
    auto *box = new QMessageBox(QMessageBox::Icon(icon), title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setWindowModality(Qt::WindowModal);
    m_lastMessage = box;
    connect(box, &QDialog::finished, this, [this, box] {
        if (m_lastMessage == box)
            m_lastMessage = nullptr;
    });
    box->open();
}

void FirewallWizard::openProfile()
{
    QString directory = m_settings ? m_settings->lastDirectory(WizardSettings::Folder::Profile) : QString();
    if (directory.isEmpty() || !QDir(directory).exists())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialog::instance()->getOpenFileName(this, tr("Open profile"), directory,
                                                                 tr("amlfw profiles (*.json)") + QStringLiteral(";;")
                                                                     + tr("All files (*)"));
    if (path.isEmpty())
        return;
    loadProfile(path);
}

bool FirewallWizard::loadProfile(const QString &path, ProfileLanguage useLanguage)
{
    Problems problems;
    const auto profile = Profile::fromFile(path, &problems);
    const QString fileName = QFileInfo(path).fileName();
    auto describe = [&](const Problems &list) -> QString {
        QStringList lines;
        for (const Problem &p : list) {
            QString location = p.location;
            location.replace(path, fileName);
            lines << QStringLiteral("• ")
                         + (location.isEmpty() || location == fileName ? p.message()
                                                                       : location + QStringLiteral(": ") + p.message());
        }
        return lines.join(u'\n');
    };
    if (!profile) {
        qCInfo(lcWizard) << "profile rejected:" << path;
        showMessage(
            QMessageBox::Critical, tr("Cannot open the profile"),
            tr("The profile \"%1\" cannot be used; your answers are unchanged.").arg(QDir::toNativeSeparators(path))
                + QStringLiteral("\n\n") + describe(problems));
        return false;
    }
    // At start (--profile without --lang) the profile's language is the wizard's; opened later, the
    // language the user chose stays.
    if (useLanguage == ProfileLanguage::Use && profile->language)
        m_state->setLanguage(*profile->language);
    m_state->setProfileTitle(profile->title);
    Answers answers = m_state->answers();
    profile->applyTo(&answers);
    if (profile->edition) {
        m_state->setAnswers(answers);
    } else {
        // Made before editions existed: read as 2021-11, which the notice on every page says.
        answers.edition.clear();
        m_state->setSavedAnswers(answers);
    }
    if (m_settings)
        m_settings->setLastDirectory(WizardSettings::Folder::Profile, QFileInfo(path).absolutePath());
    advanceToRules();
    // What the answers lack is said on the page that asks for it (where the wizard stopped).
    if (!problems.isEmpty())
        showMessage(QMessageBox::Warning, tr("Profile opened with warnings"),
                    tr("The profile \"%1\" was opened, with warnings:").arg(QDir::toNativeSeparators(path))
                        + QStringLiteral("\n\n") + describe(problems));
    return true;
}

void FirewallWizard::goToPage(int id)
{
    // Back to any step already visited, or forward over pages that are answered.
    if (id == currentId() || !page(id) || !isReachable(id))
        return;
    if (visitedIds().contains(id)) {
        while (currentId() != id) {
            const int before = currentId();
            back();
            if (currentId() == before)
                break;
        }
    } else {
        while (currentId() < id && currentPage() && currentPage()->isComplete()) {
            const int before = currentId();
            next();
            if (currentId() == before)
                break;
        }
    }
}

bool FirewallWizard::isReachable(int id) const
{
    if (visitedIds().contains(id))
        return true;
    if (id < currentId() || !page(id))
        return false;
    // Forward: every page on the way is answered.
    for (const int step : pageIds()) {
        if (step >= id)
            return true;
        if (step >= currentId() && !page(step)->isComplete())
            return false;
    }
    return false;
}

void FirewallWizard::advanceToRules()
{
    restart();
    while (currentId() < RulesPageId && currentPage() && currentPage()->isComplete()) {
        const int before = currentId();
        next();
        if (currentId() == before)
            break;
    }
}

void FirewallWizard::saveProfile()
{
    QString directory = m_settings ? m_settings->lastDirectory(WizardSettings::Folder::Profile) : QString();
    if (directory.isEmpty() || !QDir(directory).exists())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString name = QStringLiteral("amlfw-profile");
    if (m_state->isRegionValid())
        name += u'-' + m_state->answers().region;
    if (m_state->isStorageValid())
        name += u'-' + m_state->answers().storage;
    const QString path = FileDialog::instance()->getSaveFileName(
        this, tr("Save profile"), QDir(directory).filePath(name + QStringLiteral(".json")),
        tr("amlfw profiles (*.json)") + QStringLiteral(";;") + tr("All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveProfileTo(path, &error)) {
        showMessage(QMessageBox::Critical, tr("Cannot save the profile"), tr("Nothing was written. %1").arg(error));
        return;
    }
    showMessage(QMessageBox::Information, tr("Profile saved"),
                tr("Saved the answers to %1.\n\nThe command-line tool reads it too: amlfw rules --profile \"%2\"")
                    .arg(QDir::toNativeSeparators(path), QFileInfo(path).fileName()));
}

bool FirewallWizard::saveProfileTo(const QString &path, QString *error)
{
    Profile profile = Profile::fromAnswers(m_state->answers());
    profile.title = m_state->profileTitle();
    if (!profile.save(path, error))
        return false;
    if (m_settings)
        m_settings->setLastDirectory(WizardSettings::Folder::Profile, QFileInfo(path).absolutePath());
    return true;
}

void FirewallWizard::showAbout()
{
    const Catalog &catalog = m_state->catalog();
#if QT_CONFIG(ssl)
    QString tls = QSslSocket::activeBackend();
#else
    QString tls;
#endif
    if (tls.isEmpty())
        tls = tr("none");
    auto row = [](const QString &label, const QString &value) -> QString {
        // A value on one line: "2026-03 版 (記事の日付: 2026-03-19)" is not split at its date.
        return QStringLiteral("<tr><td style=\"padding-right:12px; white-space:nowrap;\">") + label.toHtmlEscaped()
               + QStringLiteral("</td><td style=\"white-space:nowrap;\">") + value.toHtmlEscaped()
               + QStringLiteral("</td></tr>");
    };
    const QString text
        = QStringLiteral("<h3>amlfw ") + QStringLiteral(AMLFW_VERSION) + QStringLiteral("</h3><p>")
          + tr("Firewall rules for Azure Machine Learning workspaces in a virtual network.").toHtmlEscaped()
          + QStringLiteral("</p><table>") + row(tr("Version"), QStringLiteral(AMLFW_VERSION))
          + row(tr("Rule catalog"), tr("edition %1 (article dated %2)").arg(catalog.edition, catalog.sourceDate))
          + row(tr("Qt"), tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)))
          + row(tr("TLS backend"), tls) + QStringLiteral("</table>");
    showMessage(QMessageBox::NoIcon, tr("About amlfw"), text);
    if (m_lastMessage) {
        m_lastMessage->setTextFormat(Qt::RichText);
        m_lastMessage->setIconPixmap(appIcon().pixmap(64, 64));
    }
}

} // namespace amlfw
