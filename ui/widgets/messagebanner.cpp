#include "messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace amlfw {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_text->setOpenExternalLinks(true);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_icon->setAlignment(Qt::AlignTop);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    applyKind();
    hide();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_text->setTextFormat(Qt::PlainText);
    m_text->setText(text);
    m_text->setAccessibleName(text);
    applyKind();
    show();
}

void MessageBanner::showRichMessage(Kind kind, const QString &html)
{
    m_kind = kind;
    m_text->setTextFormat(Qt::RichText);
    m_text->setText(html);
    applyKind();
    show();
}

void MessageBanner::clearMessage()
{
    m_text->clear();
    hide();
}

void MessageBanner::addWidget(QWidget *widget)
{
    m_buttons->addWidget(widget, 0, Qt::AlignVCenter);
}

void MessageBanner::applyKind()
{
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    QString colors;
    // Light tints with dark text, readable with light and dark system palettes alike.
    switch (m_kind) {
    case Kind::Info:
        colors = QStringLiteral("background:#eaf2fb; border:1px solid #b8d2ee;");
        break;
    case Kind::Success:
        pixmap = QStyle::SP_DialogApplyButton;
        colors = QStringLiteral("background:#e8f5ec; border:1px solid #a9d8b8;");
        break;
    case Kind::Warning:
        pixmap = QStyle::SP_MessageBoxWarning;
        colors = QStringLiteral("background:#fff5e0; border:1px solid #f0cf8a;");
        break;
    case Kind::Error:
        pixmap = QStyle::SP_MessageBoxCritical;
        colors = QStringLiteral("background:#fdecea; border:1px solid #f1b0aa;");
        break;
    }
    setStyleSheet(
        QStringLiteral("QFrame#messageBanner{") + colors
        + QStringLiteral(" border-radius:4px;} QFrame#messageBanner QLabel{color:#1f2328; background:transparent;}"));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
}

} // namespace amlfw
