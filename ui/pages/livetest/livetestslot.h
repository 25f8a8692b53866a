#pragma once

class QWidget;
class QWizardPage;

namespace amlfw {

class WizardSettings;
class WizardState;

// The live-test page (issue 4) plugs in here: it gets the wizard's state (answers, rule set,
// language and their change signals) and the settings (may be null), and is shown between the
// rules and the export. A build without the page returns nullptr: the wizard leaves it out.
QWizardPage *createLiveTestPage(WizardState *state, WizardSettings *settings, QWidget *parent);

} // namespace amlfw
