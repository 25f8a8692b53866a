#pragma once

#include <QWizard>

class QAction;
class QMenu;
class QMessageBox;

namespace amlfw {

class CloudPage;
class ExportPage;
class FeaturesPage;
class RegionPage;
class RulesPage;
class StepList;
class StoragePage;
class WelcomePage;
class WizardSettings;
class WizardState;

// amlfw's main window: the questions, the rules and the export as a wizard. The answers live in
// WizardState; this class wires the pages, the language switch, profiles and what is remembered.
class FirewallWizard : public QWizard
{
    Q_OBJECT

public:
    // Gaps leave room for pages added later; the live-test page sits between rules and export.
    enum PageId {
        WelcomePageId = 0,
        CloudPageId = 10,
        RegionPageId = 20,
        StoragePageId = 30,
        FeaturesPageId = 40,
        RulesPageId = 50,
        LiveTestPageId = 60,
        ExportPageId = 70,
    };

    // `settings` may be null (nothing remembered).
    FirewallWizard(WizardState *state, WizardSettings *settings, QWidget *parent = nullptr);
    ~FirewallWizard() override;

    WizardState *state() const { return m_state; }
    WelcomePage *welcomePage() const { return m_welcome; }
    CloudPage *cloudPage() const { return m_cloud; }
    RegionPage *regionPage() const { return m_region; }
    StoragePage *storagePage() const { return m_storage; }
    FeaturesPage *featuresPage() const { return m_features; }
    RulesPage *rulesPage() const { return m_rules; }
    ExportPage *exportPage() const { return m_export; }
    StepList *stepList() const { return m_steps; }

    QAction *languageAction() const { return m_languageAction; }
    QAction *openProfileAction() const { return m_openProfileAction; }
    QAction *saveProfileAction() const { return m_saveProfileAction; }
    QAction *aboutAction() const { return m_aboutAction; }

    // Profiles: asks for a file through the FileDialog seam; messages are shown without blocking.
    void openProfile();
    // False (and a message) when the file cannot be used. The profile's `title` is shown in the
    // window title and page headers; its `lang` is used only when asked (at start, without --lang).
    enum class ProfileLanguage { Keep, Use };
    bool loadProfile(const QString &path, ProfileLanguage useLanguage = ProfileLanguage::Keep);
    void saveProfile();
    bool saveProfileTo(const QString &path, QString *error);

    void toggleLanguage();
    void showAbout();
    // Goes forward page by page while the answers allow it, up to the rules.
    void advanceToRules();
    // The step list's way to move: to a page already visited, or forward while the answers allow.
    void goToPage(int id);
    bool isReachable(int id) const;
    // What closing now would lose, one sentence per page (empty: nothing).
    QStringList unsavedWork() const;

    // The last message shown (profile errors, about): tests read it without a modal loop.
    QMessageBox *lastMessage() const { return m_lastMessage; }

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void done(int result) override;

private:
    void retranslateUi();
    void updateTitle();
    bool confirmLeaving();
    void showMessage(int icon, const QString &title, const QString &text);

    WizardState *m_state;
    WizardSettings *m_settings;
    WelcomePage *m_welcome;
    CloudPage *m_cloud;
    RegionPage *m_region;
    StoragePage *m_storage;
    FeaturesPage *m_features;
    RulesPage *m_rules;
    ExportPage *m_export;
    StepList *m_steps;
    QMenu *m_profileMenu;
    QAction *m_languageAction;
    QAction *m_openProfileAction;
    QAction *m_saveProfileAction;
    QAction *m_aboutAction;
    QMessageBox *m_lastMessage = nullptr;
};

} // namespace amlfw
