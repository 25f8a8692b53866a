#pragma once

#include <QByteArray>
#include <QImage>
#include <QLocale>
#include <QPageSize>
#include <QString>

namespace amlfw {

// An HTML report on paper: laid out by QTextDocument on A4 or Letter pages (portrait, 12 mm margins,
// header rows repeated on each page, a page footer), written by QPdfWriter. Needs a QGuiApplication
// (ReportPdf::guiPlatformForCli() says how the CLI gets one on a machine without a display).
class ReportPdf
{
public:
    struct Options
    {
        QPageSize::PageSizeId pageSize = QPageSize::A4;
        QString title;  // the PDF's document title
        QString footer; // left of the page number on every page
    };

    // The PDF's bytes; `pageCount` (optional) gets the number of pages.
    static QByteArray write(const QString &html, const Options &options, int *pageCount = nullptr);
    // One page as it prints, `dpi` dots per inch, for screenshots and tests; `pageCount` as above.
    static QImage renderPage(const QString &html, const Options &options, int page, int dpi, int *pageCount = nullptr);

    // Letter where the locale's country uses it (the Americas' Letter countries, the Philippines),
    // else A4.
    static QPageSize::PageSizeId pageSizeFor(const QLocale &locale);
    // "a4" / "letter" (any case) to a size; nullopt for anything else.
    static std::optional<QPageSize::PageSizeId> pageSizeFromName(const QString &name);

    // For a command-line program about to create its QGuiApplication: the platform to ask for when
    // none is set and there is no display to connect to ("offscreen" on X11/Wayland systems without
    // DISPLAY and WAYLAND_DISPLAY), else empty (Qt's default).
    static QByteArray guiPlatformForCli();
};

} // namespace amlfw
