#include "presentationzoom.h"

#include "uifont.h"
#include "wizardsettings.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QTimer>
#include <QWidget>

namespace amlfw {

const QList<int> &PresentationZoom::steps()
{
    static const QList<int> s{80, 90, 100, 110, 125, 150, 175, 200};
    return s;
}

PresentationZoom::PresentationZoom(QWidget *window, WizardSettings *settings)
    : QObject(window)
    , m_window(window)
    , m_settings(settings)
    , m_indicator(new QLabel(window))
    , m_hide(new QTimer(this))
{
    setObjectName(QStringLiteral("presentationZoom"));
    m_indicator->setObjectName(QStringLiteral("zoomIndicator"));
    m_indicator->setStyleSheet(QStringLiteral("QLabel{background:rgba(30,30,30,220);color:white;font-weight:bold;"
                                              "padding:6px 12px;border-radius:4px}"));
    m_indicator->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_indicator->hide();
    m_hide->setSingleShot(true);
    m_hide->setInterval(1500);
    connect(m_hide, &QTimer::timeout, m_indicator, &QWidget::hide);
    window->installEventFilter(this);

    // Ctrl+plus is Ctrl+Shift+= on many keyboards; Ctrl+= alone works too, and the keypad's keys.
    struct Keys
    {
        QList<QKeySequence> keys;
        void (PresentationZoom::*slot)();
    };
    const QList<Keys> all{
        {{QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Plus)},
         &PresentationZoom::zoomIn},
        {{QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Underscore)},
         &PresentationZoom::zoomOut},
        {{QKeySequence(Qt::CTRL | Qt::Key_0)}, &PresentationZoom::reset},
    };
    for (const Keys &k : all) {
        auto *action = new QAction(this);
        action->setShortcuts(k.keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, k.slot);
        window->addAction(action);
    }
    if (m_settings && m_settings->uiZoomPercent() != uiZoom())
        setUiZoom(m_settings->uiZoomPercent());
}

PresentationZoom::~PresentationZoom() = default;

int PresentationZoom::percent() const
{
    return uiZoom();
}

void PresentationZoom::zoomIn()
{
    for (int s : steps()) {
        if (s > percent()) {
            setPercent(s);
            return;
        }
    }
    setPercent(percent()); // at the largest: say so
}

void PresentationZoom::zoomOut()
{
    for (qsizetype i = steps().size() - 1; i >= 0; --i) {
        if (steps().at(i) < percent()) {
            setPercent(steps().at(i));
            return;
        }
    }
    setPercent(percent());
}

void PresentationZoom::reset()
{
    setPercent(100);
}

void PresentationZoom::setPercent(int percent)
{
    if (percent != uiZoom()) {
        setUiZoom(percent);
        if (m_settings)
            m_settings->setUiZoomPercent(percent);
        Q_EMIT zoomChanged(percent);
    }
    m_indicator->setText(tr("Zoom %1%").arg(percent));
    m_indicator->adjustSize();
    m_indicator->move(m_window->width() - m_indicator->width() - 16, 16);
    m_indicator->raise();
    m_indicator->show();
    m_hide->start();
}

bool PresentationZoom::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Resize && m_indicator->isVisible())
        m_indicator->move(m_window->width() - m_indicator->width() - 16, 16);
    return QObject::eventFilter(watched, event);
}

} // namespace amlfw
