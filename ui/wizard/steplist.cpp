#include "steplist.h"

#include "statepage.h"

#include <QLabel>
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
}

QStringList StepList::stepTexts() const
{
    QStringList texts;
    for (const QLabel *label : m_labels)
        texts << label->text();
    return texts;
}

void StepList::refresh()
{
    const QList<int> ids = m_wizard->pageIds();
    while (m_labels.size() < ids.size()) {
        auto *label = new QLabel(this);
        // Step names are short; wrapping would split a word such as ストレージ アカウント.
        label->setWordWrap(false);
        m_layout->insertWidget(int(m_labels.size()), label);
        m_labels << label;
    }
    const QList<int> visited = m_wizard->visitedIds();
    const int current = m_wizard->currentId();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QWizardPage *page = m_wizard->page(ids.at(i));
        const auto *statePage = qobject_cast<StatePage *>(page);
        const QString name = statePage ? statePage->stepName() : page->title();
        QLabel *label = m_labels.at(i);
        const bool isCurrent = ids.at(i) == current;
        const bool done = visited.contains(ids.at(i)) && !isCurrent;
        // A number for steps ahead, a tick for steps done, an arrow for where you are.
        const QString marker = isCurrent ? QStringLiteral("▶") : done ? QStringLiteral("✓") : QString::number(i + 1);
        label->setText(marker + QStringLiteral("  ") + name);
        QFont font = label->font();
        font.setBold(isCurrent);
        label->setFont(font);
        label->setForegroundRole(isCurrent || done ? QPalette::WindowText : QPalette::PlaceholderText);
        label->setAccessibleName(name);
    }
    // Room for the longest name in bold, whichever step is current.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int width = 0;
    for (const QLabel *label : std::as_const(m_labels))
        width = std::max(width, metrics.horizontalAdvance(label->text()));
    const QMargins margins = m_layout->contentsMargins();
    setMinimumWidth(std::max(140, width + margins.left() + margins.right() + 8));
    setAccessibleName(tr("Steps"));
}

} // namespace amlfw
