#pragma once

class QWidget;
class QWizardPage;

namespace amlfw {

class WizardState;

// The live-test page (issue 4) plugs in here: it gets the wizard's state (answers, rule set,
// language and their change signals) and is shown between the rules and the export.
// Returns nullptr while there is no such page: the wizard then leaves it out of the flow.
QWizardPage *createLiveTestPage(WizardState *state, QWidget *parent);

} // namespace amlfw
