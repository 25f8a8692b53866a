#include "statepage.h"

#include "wizardstate.h"

#include <QEvent>

namespace amlfw {

StatePage::StatePage(WizardState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
{
}

Language StatePage::language() const
{
    return m_state->language();
}

void StatePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

} // namespace amlfw
