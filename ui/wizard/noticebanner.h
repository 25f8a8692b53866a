#pragma once

#include "messagebanner.h"

class QPushButton;

namespace amlfw {

class WizardState;

// The state's notice (what a change of edition did to the answers, or that saved answers were read
// as 2021-11), shown at the top of every page until it is dismissed or replaced: a profile opened
// goes straight to the rules, so the notice must be there too.
class NoticeBanner : public MessageBanner
{
    Q_OBJECT

public:
    explicit NoticeBanner(WizardState *state, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    WizardState *m_state;
    QPushButton *m_dismiss;
};

} // namespace amlfw
