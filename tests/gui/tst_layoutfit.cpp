// The wizard's layout on a real screen: at 1024x700 and at its minimum size, in English and
// Japanese, and (second CTest entry, QT_SCALE_FACTOR=2) at twice the scale. A walk by the keyboard
// from the first page to the export checks on every page that no visible label or button shows
// less than its text (word-wrapped labels: the height their text needs at their width), that the
// texts are drawn in one font that has the language's glyphs, that the step list is shown, and on
// the region page that every column shows its content. Each page is saved as
// screenshots/layout-<page>-<lang>-<size>.png to look at.

#include "exporter.h"
#include "exportpage.h"
#include "regionmodel.h"
#include "steplist.h"
#include "wizardtesthelpers.h"

#include <QDir>
#include <QFontDatabase>
#include <QFontInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeView>

using namespace amlfw;
using namespace amlfw::test;

namespace {

void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus, "nothing has the keyboard focus");
    QTest::keyClick(focus, Qt::Key(key), modifiers);
}

// A label's or button's text as drawn: without the mnemonic marker ("&Next" -> "Next", "次へ(&N)" -> "次へ(N)").
QString shownText(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text;
}

int textWidth(const QFontMetrics &metrics, const QString &text)
{
    int width = 0;
    for (const QString &line : text.split(u'\n'))
        width = std::max(width, metrics.horizontalAdvance(line));
    return width;
}

// Where a widget is, for a message: its object name, or its class and that of the nearest named parent.
QString describe(const QWidget *w)
{
    QString name = w->objectName();
    if (name.isEmpty())
        name = QString::fromLatin1(w->metaObject()->className());
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (!p->objectName().isEmpty()) {
            name += QStringLiteral(" in ") + p->objectName();
            break;
        }
    }
    return name;
}

// What is cut on `label`, or empty.
QString labelProblem(const QLabel *label)
{
    const QString text = label->text();
    if (text.trimmed().isEmpty())
        return {};
    const int margin = label->margin();
    const QRect contents = label->contentsRect().adjusted(margin, margin, -margin, -margin);
    const bool rich
        = label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
    if (label->wordWrap()) {
        const int needed = label->heightForWidth(label->width());
        if (needed > label->height())
            return QStringLiteral("needs %1 px of height at %2 px, has %3")
                .arg(needed)
                .arg(label->width())
                .arg(label->height());
        return {};
    }
    int width = 0;
    int height = 0;
    if (rich) {
        QTextDocument document;
        document.setDefaultFont(label->font());
        document.setDocumentMargin(0);
        document.setHtml(text);
        width = qCeil(document.idealWidth());
        height = qCeil(document.size().height());
    } else {
        const QString shown = label->buddy() ? shownText(text) : text;
        width = textWidth(label->fontMetrics(), shown);
        height = label->fontMetrics().height() * int(shown.count(u'\n') + 1);
    }
    if (width > contents.width())
        return QStringLiteral("text is %1 px wide, the label shows %2").arg(width).arg(contents.width());
    if (height > contents.height())
        return QStringLiteral("text is %1 px high, the label shows %2").arg(height).arg(contents.height());
    return {};
}

// What is cut on `button`, or empty: the text (and icon, menu arrow) against the room the style gives it.
QString buttonProblem(QAbstractButton *button)
{
    const QString shown = shownText(button->text());
    if (shown.trimmed().isEmpty())
        return {};
    const QFontMetrics metrics = button->fontMetrics();
    int needed = textWidth(metrics, shown);
    const bool hasIcon = !button->icon().isNull();
    QStyle *style = button->style();
    QStyleOptionButton option;
    option.initFrom(button);
    option.text = button->text();
    option.icon = button->icon();
    option.iconSize = button->iconSize();
    int room = 0;
    if (auto *push = qobject_cast<QPushButton *>(button)) {
        if (push->menu())
            option.features |= QStyleOptionButton::HasMenu;
        room = style->subElementRect(QStyle::SE_PushButtonContents, &option, button).width();
        if (hasIcon)
            needed += button->iconSize().width() + 4;
        if (push->menu())
            needed += style->pixelMetric(QStyle::PM_MenuButtonIndicator, &option, button);
    } else if (qobject_cast<QCheckBox *>(button)) {
        room = style->subElementRect(QStyle::SE_CheckBoxContents, &option, button).width();
        if (hasIcon)
            needed += button->iconSize().width() + 4;
    } else if (qobject_cast<QRadioButton *>(button)) {
        room = style->subElementRect(QStyle::SE_RadioButtonContents, &option, button).width();
        if (hasIcon)
            needed += button->iconSize().width() + 4;
    } else {
        // Tool buttons and others: what they ask for.
        needed = button->sizeHint().width();
        room = button->width();
    }
    if (needed > room)
        return QStringLiteral("text needs %1 px, has %2").arg(needed).arg(room);
    return {};
}

} // namespace

class TestLayoutFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QDir().mkpath(QStringLiteral(AMLFW_SCREENSHOT_DIR)));
        QApplication::setCursorFlashTime(0);
        m_scale = qEnvironmentVariable("QT_SCALE_FACTOR").toDouble() >= 2 ? QStringLiteral("@2x") : QString();
    }
    void cleanup() { applyLanguage(Language::English); }

    void walk_data()
    {
        QTest::addColumn<Language>("language");
        QTest::addColumn<bool>("minimum");
        QTest::newRow("en-1024x700") << Language::English << false;
        QTest::newRow("ja-1024x700") << Language::Japanese << false;
        QTest::newRow("en-minimum") << Language::English << true;
        QTest::newRow("ja-minimum") << Language::Japanese << true;
    }

    // From the first page to the export by the keyboard; every page checked and pictured.
    void walk()
    {
        QFETCH(Language, language);
        QFETCH(bool, minimum);
        WizardFixture f(builtInCatalogs(), language);
        processLanguageChange();
        FirewallWizard *w = f.wizard.get();
        w->resize(minimum ? w->minimumSize() : QSize(1024, 700));
        QVERIFY(QTest::qWaitForWindowActive(w));
        const QString lang = language == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
        const QString size = (minimum ? QStringLiteral("minimum") : QStringLiteral("1024x700")) + m_scale;
        QStringList problems;

        auto check = [&](const QString &pageName) {
            processLanguageChange();
            QApplication::processEvents();
            const QString where = pageName + u'-' + lang + u'-' + size;
            w->grab().save(QStringLiteral(AMLFW_SCREENSHOT_DIR "/layout-%1.png").arg(where));
            problems << pageProblems(w, language, where);
        };
        auto enterTo = [&](int to) {
            press(Qt::Key_Return);
            QTRY_COMPARE(w->currentId(), to);
        };

        check(QStringLiteral("welcome"));
        enterTo(FirewallWizard::CloudPageId);
        check(QStringLiteral("cloud"));
        enterTo(FirewallWizard::RegionPageId);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("australiacentral"));
        press(Qt::Key_Return); // picks the first match and stays
        QCOMPARE(w->currentId(), int(FirewallWizard::RegionPageId));
        problems << regionColumnProblems(w, lang + u'-' + size);
        check(QStringLiteral("region"));
        press(Qt::Key_Escape); // every region, the widest texts among them
        problems << regionColumnProblems(w, lang + u'-' + size);
        enterTo(FirewallWizard::StoragePageId);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("mlwsdemo4711"));
        check(QStringLiteral("storage"));
        enterTo(FirewallWizard::FeaturesPageId);
        check(QStringLiteral("features"));
        enterTo(FirewallWizard::RulesPageId);
        check(QStringLiteral("rules"));
        enterTo(FirewallWizard::LiveTestPageId);
        check(QStringLiteral("livetest"));
        // The results table fits the window: no sideways scrolling, the last column (the rule) shown.
        if (auto *results = w->findChild<QTreeView *>(QStringLiteral("liveTestView"))) {
            if (results->horizontalScrollBar()->maximum() > 0)
                problems << QStringLiteral("livetest-%1-%2: the results table scrolls sideways by %3 px")
                                .arg(lang, size)
                                .arg(results->horizontalScrollBar()->maximum());
        } else {
            problems << QStringLiteral("livetest: no results table");
        }
        enterTo(FirewallWizard::ExportPageId);
        check(QStringLiteral("export"));
        // Every format, chosen by the keyboard (Alt+A, then the arrows through the three-row grid):
        // the options each shows fit too, and the page never scrolls sideways.
        press(Qt::Key_A, Qt::AltModifier);
        const QList<ExportFormat> formats = Exporter::formats();
        ExportPage *exportPage = w->exportPage();
        for (const ExportFormat format : formats) {
            const auto from = int(formats.indexOf(exportPage->format()));
            const auto to = int(formats.indexOf(format));
            for (int c = from / 3; c != to / 3; c += c < to / 3 ? 1 : -1)
                press(c < to / 3 ? Qt::Key_Right : Qt::Key_Left);
            for (int r = from % 3; r != to % 3; r += r < to % 3 ? 1 : -1)
                press(r < to % 3 ? Qt::Key_Down : Qt::Key_Up);
            QCOMPARE(exportPage->format(), format);
            check(QStringLiteral("export-") + Exporter::id(format));
            const auto *scroll = exportPage->findChild<QScrollArea *>();
            if (scroll && scroll->horizontalScrollBar()->maximum() > 0)
                problems << QStringLiteral("export-%1-%2-%3: the page scrolls sideways by %4 px")
                                .arg(Exporter::id(format), lang, size)
                                .arg(scroll->horizontalScrollBar()->maximum());
        }

        // The About box (F1): the same font as the window, nothing cut.
        press(Qt::Key_F1);
        QTRY_VERIFY(w->lastMessage() && w->lastMessage()->isVisible());
        QMessageBox *about = w->lastMessage();
        QApplication::processEvents();
        about->grab().save(QStringLiteral(AMLFW_SCREENSHOT_DIR "/layout-about-%1-%2.png").arg(lang, size));
        problems << widgetProblems(about, language, QStringLiteral("about-") + lang + u'-' + size);
        if (about->font() != w->font())
            problems << QStringLiteral("about-%1-%2: the About box's font %3 is not the window's %4")
                            .arg(lang, size, about->font().toString(), w->font().toString());
        about->close();
        for (const QString &problem : std::as_const(problems))
            qWarning().noquote() << problem; // all of them: a failure message is cut at 1 KiB
        QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size())
                                                + QStringLiteral(" problem(s), the first: ") + problems.value(0)));
    }

    // A subtitle longer than the two lines QWizard keeps room for (a narrow window, a long sentence,
    // a large font) shows all its lines: the header grows, and shrinks back on the next page.
    void longSubtitleWraps_data()
    {
        QTest::addColumn<Language>("language");
        QTest::newRow("en") << Language::English;
        QTest::newRow("ja") << Language::Japanese;
    }
    void longSubtitleWraps()
    {
        QFETCH(Language, language);
        WizardFixture f(builtInCatalogs(), language);
        processLanguageChange();
        FirewallWizard *w = f.wizard.get();
        w->resize(w->minimumSize());
        QVERIFY(QTest::qWaitForWindowActive(w));
        QWizardPage *page = w->currentPage();
        const QString subTitle = page->subTitle();
        auto headerLabel = [&]() -> QLabel * {
            for (QLabel *l : w->findChildren<QLabel *>()) {
                if (l->isVisible() && l->text() == page->subTitle() && !page->isAncestorOf(l))
                    return l;
            }
            return nullptr;
        };
        QVERIFY(headerLabel());
        const int usual = headerLabel()->parentWidget()->height();
        // Eight times the page's own: more lines than the header has room for beside its logo.
        page->setSubTitle(QStringList(8, subTitle).join(u' '));
        QApplication::processEvents();
        QLabel *label = headerLabel();
        QVERIFY(label);
        QCOMPARE(labelProblem(label), QString());
        QVERIFY2(label->parentWidget()->height() > usual,
                 qPrintable(QStringLiteral("header %1 px, as for one line").arg(label->parentWidget()->height())));
        w->grab().save(QStringLiteral(AMLFW_SCREENSHOT_DIR "/layout-longsubtitle-%1-minimum%2.png")
                           .arg(language == Language::Japanese ? QStringLiteral("ja") : QStringLiteral("en"), m_scale));
        // A wider window: fewer lines, still all shown.
        w->resize(1600, 700);
        QTRY_COMPARE(label->width() > 1000, true);
        QTRY_COMPARE(labelProblem(label), QString());
        // Back to the page's own subtitle: the usual header.
        page->setSubTitle(subTitle);
        w->resize(w->minimumSize());
        QTRY_COMPARE(headerLabel()->parentWidget()->height(), usual);
    }

private:
    // Everything wrong with what the window shows now.
    static QStringList pageProblems(FirewallWizard *w, Language language, const QString &where)
    {
        QStringList problems;
        if (!w->stepList()->isVisible())
            problems << where + QStringLiteral(": the step list is hidden");
        else if (!w->rect().contains(
                     w->stepList()->geometry().translated(w->stepList()->parentWidget()->mapTo(w, QPoint()))))
            problems << where + QStringLiteral(": the step list is outside the window");
        problems << widgetProblems(w, language, where);
        return problems;
    }

    // What is cut, or drawn in a font without the language's glyphs, among `root`'s visible texts.
    static QStringList widgetProblems(QWidget *root, Language language, const QString &where)
    {
        QStringList problems;
        QMap<QString, QStringList> withoutJapanese; // font family -> widgets
        for (QWidget *widget : root->findChildren<QWidget *>()) {
            if (!widget->isVisible())
                continue;
            QString problem;
            QString text;
            if (auto *label = qobject_cast<QLabel *>(widget)) {
                problem = labelProblem(label);
                text = label->text();
            } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
                problem = buttonProblem(button);
                text = button->text();
            } else {
                continue;
            }
            if (!problem.isEmpty())
                problems << where + QStringLiteral(": ") + describe(widget) + QStringLiteral(" \"") + text.left(60)
                                + QStringLiteral("\": ") + problem;
            // Japanese drawn in the widget's own font, not pieced together from a fallback font with
            // other metrics (which moves baselines and cuts the second line of a wrapped text).
            if (language == Language::Japanese && hasJapanese(text)) {
                const QString family = QFontInfo(widget->font()).family();
                if (!QFontDatabase::writingSystems(family).contains(QFontDatabase::Japanese))
                    withoutJapanese[family] << describe(widget);
            }
        }
        for (auto it = withoutJapanese.cbegin(); it != withoutJapanese.cend(); ++it)
            problems << where
                            + QStringLiteral(": %1 texts drawn in %2, which has no Japanese, such as %3")
                                  .arg(QString::number(it->size()), it.key(), it->first());
        return problems;
    }

    // Every column of the region list shows its content: "Not offered" is not cut.
    static QStringList regionColumnProblems(FirewallWizard *w, const QString &where)
    {
        QStringList problems;
        QTreeView *view = find::view(w->regionPage());
        QHeaderView *header = view->header();
        for (int c = 0; c < header->count(); ++c) {
            const int content
                = std::max(static_cast<QAbstractItemView *>(view)->sizeHintForColumn(c), header->sectionSizeHint(c));
            // The paired region may give way in a narrow window (it is elided, with the full text in its tooltip).
            const bool mayShrink = c == RegionModel::PairColumn;
            if (!mayShrink && header->sectionSize(c) < content)
                problems << where
                                + QStringLiteral(": region column %1 is %2 px, its content %3")
                                      .arg(c)
                                      .arg(header->sectionSize(c))
                                      .arg(content);
            const int right = header->sectionViewportPosition(c) + header->sectionSize(c);
            if (right > view->viewport()->width())
                problems << where
                                + QStringLiteral(": region column %1 ends at %2, past the list's width %3")
                                      .arg(c)
                                      .arg(right)
                                      .arg(view->viewport()->width());
        }
        return problems;
    }

    QString m_scale;
};

QTEST_MAIN(TestLayoutFit)
#include "tst_layoutfit.moc"
