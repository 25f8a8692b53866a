#include "noticebanner.h"

#include "wizardstate.h"

#include <QEvent>
#include <QPushButton>

namespace amlfw {

NoticeBanner::NoticeBanner(WizardState *state, QWidget *parent)
    : MessageBanner(parent)
    , m_state(state)
    , m_dismiss(new QPushButton(this))
{
    setObjectName(QStringLiteral("noticeBanner"));
    m_dismiss->setObjectName(QStringLiteral("dismissNotice"));
    // Inside the wizard every button is a default candidate: Enter must still mean Next.
    m_dismiss->setAutoDefault(false);
    addWidget(m_dismiss);
    connect(m_dismiss, &QPushButton::clicked, state, &WizardState::clearNotice);
    connect(state, &WizardState::noticeChanged, this, &NoticeBanner::refresh);
    connect(state, &WizardState::languageChanged, this, &NoticeBanner::refresh);
    refresh();
}

void NoticeBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    MessageBanner::changeEvent(event);
}

void NoticeBanner::refresh()
{
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setAccessibleName(tr("Dismiss the notice"));
    m_dismiss->setAccessibleDescription(tr("Hides this notice on every page."));
    const QString text = m_state->noticeText();
    if (text.isEmpty())
        clearMessage();
    else
        showMessage(Kind::Warning, text);
}

} // namespace amlfw
