// The HTML report on a 1280-pixel screen and on paper (ReportPdf: QTextDocument + QPdfWriter), in
// both languages, from results made up here (no network). Writes the pictures to look at into
// screenshots/ under the working directory.
#include "language.h"
#include "probefakerun.h"
#include "probereport.h"
#include "reportpdf.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QPainter>
#include <QTextDocument>
#include <QTextTable>
#include <QtTest>

using namespace amlfw;

class TestReportPdf : public QObject
{
    Q_OBJECT

private:
    Catalog m_catalog;

    static void saveShot(const QImage &image, const QString &name)
    {
        QDir().mkpath(QStringLiteral("screenshots"));
        QVERIFY(image.save(QStringLiteral("screenshots/") + name));
    }

    // The report as a browser window 1280 pixels wide shows it (Qt's engine, the screen's CSS).
    static std::unique_ptr<QTextDocument> screenLayout(const QString &html)
    {
        auto doc = std::make_unique<QTextDocument>();
        QTextOption option = doc->defaultTextOption();
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        doc->setDefaultTextOption(option);
        doc->setHtml(html);
        doc->setTextWidth(1280);
        return doc;
    }

    // The table with the most rows: the endpoints'.
    static QTextTable *largestTable(QTextDocument &doc)
    {
        QTextTable *table = nullptr;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            QTextTable *t = QTextCursor(b).currentTable();
            if (t && (!table || t->rows() > table->rows()))
                table = t;
        }
        return table;
    }

    // The largest table row's height in a document, in its units.
    static qreal tallestRow(QTextDocument &doc, int *rows)
    {
        qreal tallest = 0;
        *rows = 0;
        if (QTextTable *table = largestTable(doc)) {
            for (int row = 0; row + 1 < table->rows(); ++row) {
                const qreal top = doc.documentLayout()
                                      ->blockBoundingRect(table->cellAt(row, 0).firstCursorPosition().block())
                                      .top();
                const qreal next = doc.documentLayout()
                                       ->blockBoundingRect(table->cellAt(row + 1, 0).firstCursorPosition().block())
                                       .top();
                tallest = std::max(tallest, next - top);
                ++*rows;
            }
        }
        return tallest;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_catalog = Catalog::builtIn(QStringLiteral("2021-11"));
        QVERIFY(m_catalog.isValid());
        QVERIFY(applyLanguage(Language::English));
    }

    // At 1280 px nothing is wider than the window and no row grows tall: the words sit below the
    // endpoint instead of in columns of their own.
    void htmlFits1280_data()
    {
        QTest::addColumn<int>("language");
        QTest::newRow("en") << int(Language::English);
        QTest::newRow("ja") << int(Language::Japanese);
    }
    void htmlFits1280()
    {
        QFETCH(int, language);
        QVERIFY(applyLanguage(Language(language)));
        const ProbeRun run = test::fakeProbeRun(m_catalog, true);
        const QString html = QString::fromUtf8(ProbeReport::html(run, Language(language)));
        applyLanguage(Language::English);
        auto doc = screenLayout(html);
        QVERIFY2(doc->idealWidth() <= 1280, qPrintable(QString::number(doc->idealWidth())));
        QVERIFY2(doc->size().width() <= 1280, qPrintable(QString::number(doc->size().width())));
        int rows = 0;
        const qreal tallest = tallestRow(*doc, &rows);
        QVERIFY(rows > 20);
        QVERIFY2(tallest < 200, qPrintable(QString::number(tallest)));

        const QString name = language == int(Language::Japanese) ? QStringLiteral("ja") : QStringLiteral("en");
        QImage image(1280, 1500, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        doc->drawContents(&painter, QRectF(0, 0, 1280, 1500));
        painter.end();
        saveShot(image, QStringLiteral("probe-report-1280-") + name + QStringLiteral(".png"));
        // And the endpoints' table, from its heading (the first table with a thead).
        QTextTable *endpoints = largestTable(*doc);
        QVERIFY(endpoints);
        const qreal top
            = doc->documentLayout()->blockBoundingRect(endpoints->cellAt(0, 0).firstCursorPosition().block()).top() - 60;
        QImage table(1280, 1000, QImage::Format_RGB32);
        table.fill(Qt::white);
        QPainter tablePainter(&table);
        tablePainter.translate(0, -top);
        doc->drawContents(&tablePainter, QRectF(0, top, 1280, 1000));
        tablePainter.end();
        saveShot(table, QStringLiteral("probe-report-1280-endpoints-") + name + QStringLiteral(".png"));
    }

    // The PDF: valid, its pages counted, every endpoint's host in the text it prints.
    void pdf_data() { htmlFits1280_data(); }
    void pdf()
    {
        QFETCH(int, language);
        QVERIFY(applyLanguage(Language(language)));
        const ProbeRun run = test::fakeProbeRun(m_catalog, true);
        const QString html = QString::fromUtf8(ProbeReport::html(run, Language(language)));
        applyLanguage(Language::English);
        ReportPdf::Options options;
        options.title = QStringLiteral("Endpoint test");
        options.footer = QStringLiteral("amlfw check — admin-pc");
        int pages = 0;
        const QByteArray bytes = ReportPdf::write(html, options, &pages);
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
        QCOMPARE(int(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r")), pages);

        // What is printed is the document laid out for the page: every host is in it.
        QTextDocument doc;
        doc.setHtml(html);
        const QString text = doc.toPlainText();
        for (const ProbeEndpoint &e : run.endpoints())
            QVERIFY2(text.contains(e.hostPort()), qPrintable(e.hostPort()));

        int count = 0;
        const QString name = language == int(Language::Japanese) ? QStringLiteral("ja") : QStringLiteral("en");
        const QImage first = ReportPdf::renderPage(html, options, 0, 110, &count);
        QCOMPARE(count, pages);
        QVERIFY(!first.isNull());
        saveShot(first, QStringLiteral("probe-report-pdf-") + name + QStringLiteral("-1.png"));
        saveShot(ReportPdf::renderPage(html, options, 1, 110),
                 QStringLiteral("probe-report-pdf-") + name + QStringLiteral("-2.png"));
        options.pageSize = QPageSize::Letter;
        int letterPages = 0;
        QVERIFY(ReportPdf::write(html, options, &letterPages).startsWith("%PDF-"));
        QVERIFY(letterPages > 0);
    }

    void paper()
    {
        QCOMPARE(ReportPdf::pageSizeFor(QLocale(QLocale::English, QLocale::UnitedStates)), QPageSize::Letter);
        QCOMPARE(ReportPdf::pageSizeFor(QLocale(QLocale::Japanese, QLocale::Japan)), QPageSize::A4);
        QCOMPARE(ReportPdf::pageSizeFor(QLocale(QLocale::German, QLocale::Germany)), QPageSize::A4);
        QCOMPARE(ReportPdf::pageSizeFromName(QStringLiteral("Letter")), QPageSize::Letter);
        QVERIFY(!ReportPdf::pageSizeFromName(QStringLiteral("a3")));
    }
};

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
