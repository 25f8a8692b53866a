#include "steplist.h"

#include "statepage.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <QWizard>

namespace amlfw {

StepList::StepList(QWizard *wizard, QWidget *parent)
    : QWidget(parent)
    , m_wizard(wizard)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("stepList"));
    m_layout->setContentsMargins(4, 8, 12, 8);
    m_layout->setSpacing(10);
    m_layout->addStretch(1);
    setMinimumWidth(140);
    setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    setFocusPolicy(Qt::StrongFocus);
}

QStringList StepList::stepTexts() const
{
    return m_texts;
}

void StepList::refresh()
{
    const QList<int> ids = m_wizard->pageIds();
    while (m_labels.size() < ids.size()) {
        auto *label = new QLabel(this);
        label->setObjectName(QStringLiteral("step_%1").arg(m_labels.size()));
        // Step names are short; wrapping would split a word such as ストレージ アカウント.
        label->setWordWrap(false);
        label->setTextFormat(Qt::RichText);
        label->setMargin(1);
        m_layout->insertWidget(int(m_labels.size()), label);
        m_labels << label;
    }
    m_texts.resize(ids.size());
    // The markers (a number, a tick, an arrow) differ in width, and more so in a Japanese font where
    // the arrow is full width: they sit in a column of their own, so that the names line up.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int markerWidth = 0;
    for (const QString &marker : {QStringLiteral("▶"), QStringLiteral("✓"), QString::number(ids.size())})
        markerWidth = std::max(markerWidth, metrics.horizontalAdvance(marker));
    markerWidth += metrics.horizontalAdvance(u' ') * 2;
    const QList<int> visited = m_wizard->visitedIds();
    const int current = m_wizard->currentId();
    QString currentName;
    int currentIndex = -1;
    int width = 0;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QWizardPage *page = m_wizard->page(ids.at(i));
        const auto *statePage = qobject_cast<StatePage *>(page);
        const QString name = statePage ? statePage->stepName() : page->title();
        QLabel *label = m_labels.at(i);
        const bool isCurrent = ids.at(i) == current;
        const bool done = visited.contains(ids.at(i)) && !isCurrent;
        const bool reachable = !isCurrent && (!m_reachable || m_reachable(ids.at(i)));
        // A number for steps ahead, a tick for steps done, an arrow for where you are.
        const QString marker = isCurrent ? QStringLiteral("▶") : done ? QStringLiteral("✓") : QString::number(i + 1);
        m_texts[i] = marker + QStringLiteral("  ") + name;
        label->setText(QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"%1\">%2</td>"
                                      "<td style=\"white-space:pre\">%3</td></tr></table>")
                           .arg(QString::number(markerWidth), marker, name.toHtmlEscaped()));
        QFont font = label->font();
        font.setBold(isCurrent);
        label->setFont(font);
        label->setForegroundRole(isCurrent || done ? QPalette::WindowText : QPalette::PlaceholderText);
        label->setCursor(reachable ? Qt::PointingHandCursor : Qt::ArrowCursor);
        label->setToolTip(reachable ? tr("Go to this step") : QString());
        label->setAccessibleName(isCurrent ? tr("%1, current step").arg(name) : name);
        if (isCurrent) {
            currentName = name;
            currentIndex = int(i);
        }
        // Room for the longest name in bold, whichever step is current.
        width = std::max(width, markerWidth + metrics.horizontalAdvance(name));
    }
    const QMargins margins = m_layout->contentsMargins();
    setMinimumWidth(std::max(140, width + margins.left() + margins.right() + 8));
    setAccessibleName(tr("Steps"));
    if (currentIndex >= 0) {
        setAccessibleDescription(tr("Step %1 of %2: %3. Up and Down choose a step, Enter goes to it.")
                                     .arg(QString::number(currentIndex + 1), QString::number(ids.size()), currentName));
        if (m_focused < 0 || !hasFocus())
            m_focused = currentIndex;
    }
    updateFocusMark();
    // Say where the user is now, once per page change (a language change re-says it too).
    if (currentIndex >= 0
        && (current != m_announced || currentName != m_labels.at(currentIndex)->property("announced").toString())) {
        m_announced = current;
        m_labels.at(currentIndex)->setProperty("announced", currentName);
        QAccessibleEvent description(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&description);
        QAccessibleEvent name(m_labels.at(currentIndex), QAccessible::NameChanged);
        QAccessible::updateAccessibility(&name);
    }
}

void StepList::activate(int index)
{
    const QList<int> ids = m_wizard->pageIds();
    if (index < 0 || index >= ids.size() || ids.at(index) == m_wizard->currentId())
        return;
    if (m_reachable && !m_reachable(ids.at(index)))
        return;
    Q_EMIT stepActivated(ids.at(index));
}

void StepList::updateFocusMark()
{
    // The step the keyboard is on, framed like a focused item, only while the list has the focus.
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        const bool marked = hasFocus() && i == m_focused;
        m_labels.at(i)->setFrameShape(marked ? QFrame::Box : QFrame::NoFrame);
    }
    if (hasFocus() && m_focused >= 0 && m_focused < m_labels.size()) {
        QAccessibleEvent focus(m_labels.at(m_focused), QAccessible::Focus);
        QAccessible::updateAccessibility(&focus);
    }
}

void StepList::keyPressEvent(QKeyEvent *event)
{
    const int count = int(m_labels.size());
    switch (event->key()) {
    case Qt::Key_Up:
        m_focused = std::max(0, m_focused - 1);
        updateFocusMark();
        return;
    case Qt::Key_Down:
        m_focused = std::min(count - 1, m_focused + 1);
        updateFocusMark();
        return;
    case Qt::Key_Home:
        m_focused = 0;
        updateFocusMark();
        return;
    case Qt::Key_End:
        m_focused = count - 1;
        updateFocusMark();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_focused >= 0 && m_wizard->pageIds().value(m_focused) != m_wizard->currentId()) {
            activate(m_focused);
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void StepList::mousePressEvent(QMouseEvent *event)
{
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        if (m_labels.at(i)->geometry().contains(event->position().toPoint())) {
            activate(int(i));
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void StepList::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    updateFocusMark();
}

void StepList::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    updateFocusMark();
}

} // namespace amlfw
