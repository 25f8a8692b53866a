#include "statepage.h"

#include "wizardstate.h"

#include <QEvent>

namespace amlfw {

StatePage::StatePage(WizardState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
{
    connect(state, &WizardState::catalogChanged, this, [this] {
        catalogChanged();
        updateSubTitle();
    });
    connect(state, &WizardState::profileTitleChanged, this, &StatePage::updateSubTitle);
}

void StatePage::setSubTitle(const QString &subTitle)
{
    m_subTitle = subTitle;
    updateSubTitle();
}

void StatePage::updateSubTitle()
{
    if (!m_state->profileTitle().isEmpty()) {
        QWizardPage::setSubTitle(tr("%1 · Edition %2 · %3",
                                    "page header: the title of the profile opened, the edition of the rules, then "
                                    "the page's subtitle")
                                     .arg(m_state->profileTitle(), m_state->edition(), m_subTitle));
        return;
    }
    QWizardPage::setSubTitle(tr("Edition %1 · %2", "page header: the edition of the rules, then the page's subtitle")
                                 .arg(m_state->edition(), m_subTitle));
}

void StatePage::catalogChanged()
{
    retranslateUi();
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
