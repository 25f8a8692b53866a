#include "livetestslot.h"

#include "livetestpage.h"

namespace amlfw {

QWizardPage *createLiveTestPage(WizardState *state, WizardSettings *settings, QWidget *parent)
{
    return new LiveTestPage(state, settings, parent);
}

} // namespace amlfw
