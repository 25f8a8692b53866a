#pragma once

#include "language.h"

#include <QWizardPage>

namespace amlfw {

class WizardState;

// Base of the wizard's pages: they read and write the shared WizardState (so Back keeps the
// answers: cleanupPage() resets nothing) and retranslate themselves on QEvent::LanguageChange.
class StatePage : public QWizardPage
{
    Q_OBJECT

public:
    StatePage(WizardState *state, QWidget *parent = nullptr);

    // Set (true) on search fields: Escape empties them (the wizard handles it).
    static constexpr const char *ClearOnEscapeProperty = "amlfwClearOnEscape";

    WizardState *state() const { return m_state; }
    Language language() const;

    // Short name for the list of steps beside the pages.
    virtual QString stepName() const = 0;

    void cleanupPage() override {}

    // What leaving the application now would lose on this page (translated, one sentence), or an
    // empty string: the wizard asks before it closes when a page names something.
    virtual QString unsavedWork() const { return {}; }

    // Where the keyboard focus starts when the page is shown; null: the first control in the tab
    // order that is visible and enabled (the wizard sees to it).
    virtual QWidget *firstFocus() const { return nullptr; }

    // The page's own subtitle, without the edition the header adds to it.
    QString plainSubTitle() const { return m_subTitle; }

protected:
    // Hides QWizardPage::setSubTitle: the header of every page names the edition of the rules.
    void setSubTitle(const QString &subTitle);
    // The edition changed: pages built from the catalog rebuild here; the default retranslates.
    virtual void catalogChanged();
    void changeEvent(QEvent *event) override;
    // Sets every text of the page in the current language: tr() strings and catalog texts.
    virtual void retranslateUi() = 0;

private:
    void updateSubTitle();

    WizardState *m_state;
    QString m_subTitle;
};

} // namespace amlfw
