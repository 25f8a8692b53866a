#include "livetestslot.h"

namespace amlfw {

QWizardPage *createLiveTestPage(WizardState * /*state*/, QWidget * /*parent*/)
{
    return nullptr; // no live-test page yet: the flow goes from the rules to the export
}

} // namespace amlfw
