#include "reportpdf.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextOption>
#include <memory>

namespace amlfw {

namespace {

constexpr qreal MarginMm = 12;
constexpr int LayoutDpi = 96; // CSS pixels are 1/96 inch: the report's px sizes mean on paper what they mean on screen

// The report laid out for pages whose printable area is `paint` (device pixels at LayoutDpi).
struct Layout
{
    std::unique_ptr<QTextDocument> doc;
    QSizeF body; // one page's text area
    qreal footer = 0;
};

Layout layOut(const QString &html, const QSizeF &paint, QPaintDevice *device)
{
    Layout l;
    l.doc = std::make_unique<QTextDocument>();
    QTextDocument &doc = *l.doc;
    // The HTML's @media print rules apply; long host names may break anywhere rather than overflow.
    doc.setMetaInformation(QTextDocument::CssMedia, QStringLiteral("print"));
    QTextOption option = doc.defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    doc.setDefaultTextOption(option);
    doc.setDocumentMargin(0);
    doc.documentLayout()->setPaintDevice(device);
    doc.setHtml(html);
    const QFontMetricsF metrics(QFont(doc.defaultFont().family(), 7), device);
    l.footer = metrics.height() * 2;
    l.body = QSizeF(paint.width(), paint.height() - l.footer);
    doc.setPageSize(l.body);
    return l;
}

// Page `page` (0-based) at the painter's origin: the text area, then the footer below it.
void paintPage(const Layout &l, QPainter &painter, int page, const ReportPdf::Options &options)
{
    const int count = l.doc->pageCount();
    painter.save();
    painter.translate(0, -page * l.body.height());
    const QRectF clip(0, page * l.body.height(), l.body.width(), l.body.height());
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = clip;
    context.palette.setColor(QPalette::Text, Qt::black);
    painter.setClipRect(clip);
    l.doc->documentLayout()->draw(&painter, context);
    painter.restore();

    painter.save();
    QFont font(l.doc->defaultFont().family());
    font.setPointSizeF(7);
    painter.setFont(font);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    const QRectF footer(0, l.body.height() + l.footer * 0.25, l.body.width(), l.footer * 0.75);
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, options.footer);
    painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                     QString::number(page + 1) + QStringLiteral(" / ") + QString::number(count));
    painter.restore();
}

} // namespace

QByteArray ReportPdf::write(const QString &html, const Options &options, int *pageCount)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(LayoutDpi);
        writer.setTitle(options.title);
        writer.setCreator(QStringLiteral("amlfw"));
        writer.setPageLayout(QPageLayout(QPageSize(options.pageSize), QPageLayout::Portrait,
                                         QMarginsF(MarginMm, MarginMm, MarginMm, MarginMm), QPageLayout::Millimeter));
        const QRect paint = writer.pageLayout().paintRectPixels(LayoutDpi);
        const Layout l = layOut(html, QSizeF(paint.size()), &writer);
        const int count = l.doc->pageCount();
        QPainter painter(&writer);
        for (int page = 0; page < count; ++page) {
            if (page > 0)
                writer.newPage();
            paintPage(l, painter, page, options);
        }
        painter.end();
        if (pageCount)
            *pageCount = count;
    }
    return bytes;
}

QImage ReportPdf::renderPage(const QString &html, const Options &options, int page, int dpi, int *pageCount)
{
    const QPageLayout pageLayout(QPageSize(options.pageSize), QPageLayout::Portrait,
                                 QMarginsF(MarginMm, MarginMm, MarginMm, MarginMm), QPageLayout::Millimeter);
    // Laid out at the PDF's resolution, drawn scaled: the same lines break at the same places.
    QImage probe(1, 1, QImage::Format_RGB32);
    probe.setDotsPerMeterX(qRound(LayoutDpi / 0.0254));
    probe.setDotsPerMeterY(qRound(LayoutDpi / 0.0254));
    const QRect paint = pageLayout.paintRectPixels(LayoutDpi);
    const Layout l = layOut(html, QSizeF(paint.size()), &probe);
    if (pageCount)
        *pageCount = l.doc->pageCount();
    const QSize full = pageLayout.fullRectPixels(dpi).size();
    QImage image(full, QImage::Format_RGB32);
    image.setDotsPerMeterX(qRound(dpi / 0.0254));
    image.setDotsPerMeterY(qRound(dpi / 0.0254));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const qreal scale = qreal(dpi) / LayoutDpi;
    painter.scale(scale, scale);
    painter.translate(pageLayout.paintRectPixels(LayoutDpi).topLeft());
    paintPage(l, painter, page, options);
    painter.end();
    return image;
}

QPageSize::PageSizeId ReportPdf::pageSizeFor(const QLocale &locale)
{
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Philippines:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::Venezuela:
    case QLocale::PuertoRico:
    case QLocale::CostaRica:
    case QLocale::Guatemala:
    case QLocale::Panama:
    case QLocale::DominicanRepublic:
        return QPageSize::Letter;
    default:
        return QPageSize::A4;
    }
}

std::optional<QPageSize::PageSizeId> ReportPdf::pageSizeFromName(const QString &name)
{
    if (name.compare(QStringLiteral("a4"), Qt::CaseInsensitive) == 0)
        return QPageSize::A4;
    if (name.compare(QStringLiteral("letter"), Qt::CaseInsensitive) == 0)
        return QPageSize::Letter;
    return std::nullopt;
}

QByteArray ReportPdf::guiPlatformForCli()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return QByteArrayLiteral("offscreen");
#endif
    return {};
}

} // namespace amlfw
