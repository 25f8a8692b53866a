// Tab order under a user's keyboard: on every page, in English and Japanese, Tab from the page's first focus visits
// only controls a user can see and use, in reading order (top to bottom, left to right), then the wizard's own buttons
// and the step list, and comes back to where it started.

#include "wizardtesthelpers.h"

#include <QScrollArea>
#include <QStackedWidget>

using namespace amlfw;
using namespace amlfw::test;

namespace {

Answers fullAnswers()
{
    Answers a;
    a.cloud = QStringLiteral("public");
    a.region = QStringLiteral("japaneast");
    a.storage = QStringLiteral("mystore");
    a.features = {QStringLiteral("compute-instance"), QStringLiteral("notebooks")};
    return a;
}

// Where `w` sits in the window as if no scroll area were scrolled: Tab scrolls them, and the
// reading order is that of the content.
QRect placeOf(const QWidget *w)
{
    for (const QWidget *a = w; a; a = a->parentWidget()) {
        const auto *scroll = a->parentWidget() && a->parentWidget()->parentWidget()
                                 ? qobject_cast<const QScrollArea *>(a->parentWidget()->parentWidget())
                                 : nullptr;
        if (scroll && scroll->widget() == a)
            return QRect(w->mapTo(a, QPoint(0, 0)) + scroll->viewport()->mapTo(w->window(), QPoint(0, 0)), w->size());
    }
    return QRect(w->mapTo(w->window(), QPoint(0, 0)), w->size());
}

QString describe(const QWidget *w)
{
    if (!w)
        return QStringLiteral("(nothing)");
    QString text = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        text += u' ' + w->objectName();
    if (const auto *button = qobject_cast<const QAbstractButton *>(w))
        text += QStringLiteral(" \"") + button->text() + u'"';
    const QPoint at = placeOf(w).topLeft();
    text += QStringLiteral(" @%1,%2").arg(at.x()).arg(at.y());
    return text;
}

// A stop that shows the user nothing to work with: a scroll area or a bare container.
bool isInvisibleStop(const QWidget *w)
{
    if (qobject_cast<const QScrollArea *>(w) || qobject_cast<const QStackedWidget *>(w)
        || qobject_cast<const QWizardPage *>(w))
        return true;
    const QByteArray cls = w->metaObject()->className();
    return cls == "QWidget" || cls == "QFrame" || cls == "QGroupBox";
}

// `b` comes before `a` in reading order: wholly above it, or on the same line and to its left.
bool readsBefore(const QWidget *b, const QWidget *a)
{
    const QRect rb = placeOf(b);
    const QRect ra = placeOf(a);
    if (rb.bottom() < ra.top())
        return true;
    if (ra.bottom() < rb.top())
        return false;
    return rb.left() < ra.left();
}

} // namespace

class TestTabOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { applyLanguage(Language::English); }

    void tabFollowsReadingOrder_data()
    {
        QTest::addColumn<int>("pageId");
        QTest::addColumn<Language>("language");
        for (const Language language : {Language::English, Language::Japanese}) {
            for (const int id :
                 {FirewallWizard::WelcomePageId, FirewallWizard::CloudPageId, FirewallWizard::RegionPageId,
                  FirewallWizard::StoragePageId, FirewallWizard::FeaturesPageId, FirewallWizard::RulesPageId,
                  FirewallWizard::LiveTestPageId, FirewallWizard::ExportPageId})
                QTest::addRow("page %d %s", id, language == Language::English ? "en" : "ja") << id << language;
        }
    }

    void tabFollowsReadingOrder()
    {
        QFETCH(int, pageId);
        QFETCH(Language, language);
        WizardFixture f(language);
        processLanguageChange();
        FirewallWizard *w = f.wizard.get();
        w->resize(1024, 760);
        f.state->setAnswers(fullAnswers());
        QVERIFY(QTest::qWaitForWindowActive(w));
        // Page by page with Next, as a user goes, so that each page sets its first focus.
        while (w->currentId() != pageId) {
            const int before = w->currentId();
            clickNext(w);
            QTRY_VERIFY(w->currentId() != before);
        }
        QWizardPage *page = w->currentPage();
        QTest::qWait(50);
        QWidget *start = QApplication::focusWidget();
        QVERIFY2(start, "no first focus");
        QVERIFY2(page->isAncestorOf(start),
                 qPrintable(QStringLiteral("the first focus is not on the page: ") + describe(start)));

        QList<QWidget *> cycle{start};
        for (int i = 0; i < 80; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *focus = QApplication::focusWidget();
            QVERIFY2(focus, "Tab left nothing with the focus");
            if (focus == start && cycle.size() > 1)
                break;
            // Tab moves between the links of a label before it leaves it.
            if (focus == cycle.constLast())
                continue;
            if (cycle.contains(focus)) {
                QStringList walk;
                for (QWidget *w : std::as_const(cycle))
                    walk << describe(w) + (w->isVisible() ? QString() : QStringLiteral(" (hidden)"));
                QFAIL(qPrintable(QStringLiteral("Tab came back to ") + describe(focus) + QStringLiteral(" before ")
                                 + describe(start) + QStringLiteral(":\n  ") + walk.join(QStringLiteral("\n  "))));
            }
            cycle << focus;
        }
        QCOMPARE(QApplication::focusWidget(), start); // a full cycle comes back

        QStringList walk;
        for (QWidget *focus : std::as_const(cycle))
            walk << describe(focus);
        const QString seen = QStringLiteral("\n  ") + walk.join(QStringLiteral("\n  "));
        for (QWidget *focus : std::as_const(cycle)) {
            QVERIFY2(focus->isVisible() && focus->isEnabled(), qPrintable(describe(focus) + seen));
            QVERIFY2(!isInvisibleStop(focus), qPrintable(QStringLiteral("invisible stop ") + describe(focus) + seen));
        }

        // The page's stops form one run in reading order; the wizard's buttons and the step list
        // come after it (where the run starts in the cycle depends on the page's first focus).
        const auto onPage = [&](qsizetype i) {
            return page->isAncestorOf(cycle.at((i + cycle.size()) % cycle.size()));
        };
        qsizetype first = 0;
        while (first < cycle.size() && !(onPage(first) && !onPage(first - 1)))
            ++first;
        QVERIFY2(first < cycle.size(), qPrintable(QStringLiteral("Tab never leaves the page:") + seen));
        const QList<QWidget *> ordered = cycle.mid(first) + cycle.mid(0, first);
        qsizetype pageStops = 0;
        while (pageStops < ordered.size() && page->isAncestorOf(ordered.at(pageStops)))
            ++pageStops;
        for (qsizetype i = pageStops; i < ordered.size(); ++i)
            QVERIFY2(!page->isAncestorOf(ordered.at(i)),
                     qPrintable(QStringLiteral("the page's stops are split by the wizard's: ") + describe(ordered.at(i))
                                + seen));
        QVERIFY2(pageStops > 0, qPrintable(seen));
        QString outOfOrder;
        for (qsizetype i = 1; i < pageStops && outOfOrder.isEmpty(); ++i) {
            if (readsBefore(ordered.at(i), ordered.at(i - 1)))
                outOfOrder = describe(ordered.at(i)) + QStringLiteral(" comes after ") + describe(ordered.at(i - 1));
        }
        QVERIFY2(outOfOrder.isEmpty(), qPrintable(outOfOrder + seen));
    }
};

QTEST_MAIN(TestTabOrder)
#include "tst_taborder.moc"
