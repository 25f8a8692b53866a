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

protected:
    void changeEvent(QEvent *event) override;
    // Sets every text of the page in the current language: tr() strings and catalog texts.
    virtual void retranslateUi() = 0;

private:
    WizardState *m_state;
};

} // namespace amlfw
