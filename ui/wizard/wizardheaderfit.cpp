#include "wizardheaderfit.h"

#include <QEvent>
#include <QLabel>
#include <QLayout>
#include <QTextDocument>
#include <QWizard>
#include <QtMath>

namespace amlfw {

WizardHeaderFit::WizardHeaderFit(QWizard *wizard)
    : QObject(wizard)
    , m_wizard(wizard)
{
    connect(wizard, &QWizard::currentIdChanged, this, &WizardHeaderFit::fit);
}

QLabel *WizardHeaderFit::findSubTitleLabel() const
{
    const QWizardPage *page = m_wizard->currentPage();
    if (!page || page->subTitle().isEmpty())
        return nullptr;
    for (QLabel *label : m_wizard->findChildren<QLabel *>()) {
        if (!label->wordWrap() || label->text() != page->subTitle())
            continue;
        // Not a label of a page that happens to say the same.
        bool inPage = false;
        for (const QWidget *w = label->parentWidget(); w && w != m_wizard && !inPage; w = w->parentWidget())
            inPage = qobject_cast<const QWizardPage *>(w) != nullptr;
        if (!inPage)
            return label;
    }
    return nullptr;
}

void WizardHeaderFit::fit()
{
    if (m_fitting)
        return;
    QLabel *label = findSubTitleLabel();
    if (!label)
        return;
    if (label != m_label) {
        if (m_label)
            m_label->removeEventFilter(this);
        m_label = label;
        m_labelObject = label;
        m_header = label->parentWidget();
        label->installEventFilter(this);
        if (label->parentWidget())
            label->parentWidget()->installEventFilter(this);
    }
    m_fitting = true;
    // QLabel::heightForWidth() answers at least the label's minimum height, the very thing set
    // here: the text is measured as the label lays it out instead.
    const QMargins margins = label->contentsMargins();
    const int frame = 2 * label->margin() + std::max(0, label->indent());
    const int textWidth = std::max(1, label->width() - margins.left() - margins.right() - frame);
    int textHeight = 0;
    if (label->textFormat() == Qt::RichText
        || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()))) {
        QTextDocument document;
        document.setDefaultFont(label->font());
        document.setDocumentMargin(0);
        document.setHtml(label->text());
        document.setTextWidth(textWidth);
        textHeight = qCeil(document.size().height());
    } else {
        textHeight = label->fontMetrics()
                         .boundingRect(0, 0, textWidth, QWIDGETSIZE_MAX, int(label->alignment()) | Qt::TextWordWrap,
                                       label->text())
                         .height();
    }
    // At least the two lines QWizard keeps, so that the header does not jump between pages.
    const int twoLines
        = label->fontMetrics()
              .boundingRect(0, 0, textWidth, QWIDGETSIZE_MAX, int(label->alignment()), QStringLiteral("Pq\nPq"))
              .height();
    const int lines = std::max(textHeight, twoLines);
    const int needed = lines + margins.top() + margins.bottom() + 2 * label->margin();
    // QWizard asks for a minimum width that keeps the subtitle at two lines (up to 512 px): the
    // window's own minimum width is the wizard's to choose, and the subtitle wraps instead.
    label->setMinimumSize(0, needed);
    QWidget *header = label->parentWidget();
    if (header && header != m_wizard && header->layout()
        && header->maximumHeight() < QWIDGETSIZE_MAX) { // the modern style's header, fixed in height
        const QSize size = header->layout()->totalMinimumSize();
        header->setMinimumSize(size);
        header->setMaximumHeight(size.height());
    }
    m_fitting = false;
}

bool WizardHeaderFit::eventFilter(QObject *watched, QEvent *event)
{
    // Resize: a new width wraps differently. LayoutRequest on the header: QWizard set it up again
    // (a new page or subtitle) and reset the sizes.
    if ((event->type() == QEvent::Resize && watched == m_labelObject.data())
        || (event->type() == QEvent::LayoutRequest && m_header && watched == m_header.data()))
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace amlfw
