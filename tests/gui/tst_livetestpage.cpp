// The live-test page driven as a user would, against the loopback rig (livetestrig.h): rows fill as
// endpoints finish, statuses and counts, cancel, retry of the failed only, a language switch in the
// middle of a run, the details pane, reports (the same JSON as "amlfw check"), the comparison with
// an earlier run, re-planning when the answers change, and what is remembered (never the password).

#include "clirunner.h"
#include "elidedlabel.h"
#include "filedialog.h"
#include "liveresultfiltermodel.h"
#include "livetestpage.h"
#include "livetestrig.h"
#include "livetesttableactions.h"
#include "messagebanner.h"
#include "probeengine.h"
#include "proberesultmodel.h"
#include "probesession.h"
#include "probetexts.h"
#include "testconnectproxy.h"
#include "wizardtesthelpers.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace amlfw;
using namespace amlfw::test;

namespace {

constexpr int RunTimeoutMs = 30000;

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString expectedStatus(const ProbeResult &r)
{
    if (!r.target.isTestable())
        return QStringLiteral("NOT_TESTABLE");
    if (r.target.port == 80)
        return QStringLiteral("TCP_REFUSED");
    if (r.target.host == LiveTestRig::InspectedHost && r.target.port == 443)
        return QStringLiteral("TLS_INSPECTED");
    if (r.target.host == LiveTestRig::SilentHost && r.target.port == 443)
        return QStringLiteral("TLS_TIMEOUT");
    return QStringLiteral("OK");
}

} // namespace

class TestLiveTestPage : public QObject
{
    Q_OBJECT

private:
    LiveTestRig m_rig;
    QJsonObject m_cliReport; // "amlfw check --format json" against the rig, run once

    // A wizard on the rig's catalog with the rig's scenario, on the live-test page.
    struct Fixture
    {
        explicit Fixture(const LiveTestRig &rig, Language language = Language::English)
        {
            wizard.catalog = rig.catalog;
            wizard.recreate(language, false);
            wizard.state->setAnswers(LiveTestRig::answers());
            wizard.wizard->advanceToRules();
            clickNext(wizard.wizard.get());
            page = qobject_cast<LiveTestPage *>(wizard.wizard->currentPage());
        }
        WizardFixture wizard;
        LiveTestPage *page = nullptr;
    };

    // As a user would set the page up for the rig: direct, the test CAs trusted, a host for each
    // wildcard, a timeout in seconds (0: the defaults, TLS 5 s).
    void configure(LiveTestPage *page, int timeoutSeconds, bool port80Fixed = false, bool pinned = false)
    {
        page->setResolver(&m_rig.resolver);
        page->setBaseOptions(m_rig.baseOptions(port80Fixed, pinned));
        QComboBox *mode = child<QComboBox>(page, "proxyMode");
        mode->setCurrentIndex(mode->findData(int(ProxySetting::Mode::None)));
        QTest::mouseClick(child<QToolButton>(page, "moreOptions"), Qt::LeftButton);
        QVERIFY(child<QTableWidget>(page, "sampleHosts")->isVisible());
        typeInto(child<QLineEdit>(page, "caBundle"), m_rig.caBundlePath);
        child<QSpinBox>(page, "timeout")->setValue(timeoutSeconds);
        QTableWidget *samples = child<QTableWidget>(page, "sampleHosts");
        QCOMPARE(samples->rowCount(), int(LiveTestRig::samples().size()));
        for (const auto &[destination, host] : LiveTestRig::samples()) {
            const int row = int(liveOptions(page)->sampleDestinations().indexOf(destination));
            QVERIFY2(row >= 0, qPrintable(destination));
            samples->item(row, 1)->setText(host); // as the cell editor commits it
            QCOMPARE(liveOptions(page)->sampleHost(destination), host);
        }
        QTest::mouseClick(child<QToolButton>(page, "moreOptions"), Qt::LeftButton);
    }

    // Clicks Start and waits for the end of the run.
    bool runToEnd(LiveTestPage *page)
    {
        QSignalSpy finished(page, &LiveTestPage::testFinished);
        QTest::mouseClick(child<QPushButton>(page, "startTest"), Qt::LeftButton);
        if (!page->session()->isRunning() && finished.isEmpty())
            return false;
        return QTest::qWaitFor([&] { return !finished.isEmpty(); }, RunTimeoutMs);
    }

    static int rowWhere(LiveTestPage *page, const std::function<bool(const ProbeResult &)> &match)
    {
        const auto &results = page->session()->model()->results();
        for (int row = 0; row < results.size(); ++row) {
            if (match(results.at(row)))
                return row;
        }
        return -1;
    }

    // Selects a source row in the view, as a click would.
    static void select(LiveTestPage *page, int sourceRow)
    {
        const QModelIndex index = filterModel(page)->mapFromSource(page->session()->model()->index(sourceRow, 0));
        child<QTreeView>(page, "liveTestView")->setCurrentIndex(index);
    }

    // What the user sees of the progress (bar and counts line) agrees with the rows at this moment,
    // counted here from the rows' statuses rather than from the page's own counts.
    static void checkProgressShowsTheRows(LiveTestPage *page)
    {
        int testable = 0;
        int done = 0;
        for (const ProbeResult &r : page->session()->model()->results()) {
            if (r.status == ProbeStatus::NotTestable)
                continue;
            ++testable;
            done += r.status != ProbeStatus::Pending && r.status != ProbeStatus::Running ? 1 : 0;
        }
        QVERIFY(testable > 0);
        QCOMPARE(child<QProgressBar>(page, "testProgress")->maximum(), testable);
        QCOMPARE(child<QProgressBar>(page, "testProgress")->value(), done);
        const QString line = child<QLabel>(page, "testCounts")->text();
        QVERIFY2(line.startsWith(QStringLiteral("%1 of %2 endpoints tested").arg(done).arg(testable)),
                 qPrintable(line));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_rig.setUp(&error), qPrintable(error));
        QVERIFY2(QFile::exists(qEnvironmentVariable("AMLFW_CLI")), "AMLFW_CLI must name the amlfw executable");
    }

    void cleanup()
    {
        applyLanguage(Language::English);
        FileDialog::instance()->setNextFileName(QString());
        FileDialog::instance()->setUrlOpener({});
    }

    void optionalInTheFlow()
    {
        Fixture f(m_rig);
        FirewallWizard *w = f.wizard.wizard.get();
        QVERIFY(f.page);
        QCOMPARE(w->currentId(), int(FirewallWizard::LiveTestPageId));
        QCOMPARE(w->pageIds().indexOf(FirewallWizard::LiveTestPageId),
                 w->pageIds().indexOf(FirewallWizard::RulesPageId) + 1);
        QCOMPARE(f.page->title(), QStringLiteral("Test from this computer"));
        // Nothing runs until asked, and Next does not wait for a test.
        QVERIFY(!f.page->session()->isRunning());
        QVERIFY(!f.page->session()->hasResults());
        QVERIFY(child<QPushButton>(f.page, "startTest")->isEnabled());
        QVERIFY(!child<QPushButton>(f.page, "cancelTest")->isEnabled());
        QVERIFY(!child<QPushButton>(f.page, "retryFailed")->isEnabled());
        QVERIFY(!child<QPushButton>(f.page, "saveReport")->isEnabled());
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());
        const int lookupsBefore = int(m_rig.resolver.lookups().size());
        clickNext(w);
        QCOMPARE(w->currentId(), int(FirewallWizard::ExportPageId));
        clickBack(w);
        QCOMPARE(w->currentId(), int(FirewallWizard::LiveTestPageId));
        QCOMPARE(int(m_rig.resolver.lookups().size()), lookupsBefore);
        QVERIFY(child<QTextBrowser>(f.page, "liveTestDetails")
                    ->toPlainText()
                    .contains(QStringLiteral("Next goes on without it")));
    }

    void rowsFillAsEndpointsFinish()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        configure(page, 2);
        QList<int> progress;
        connect(child<QProgressBar>(page, "testProgress"), &QProgressBar::valueChanged, page,
                [&](int value) { progress << value; });
        QSignalSpy started(page, &LiveTestPage::testStarted);
        QSignalSpy finished(page, &LiveTestPage::testFinished);
        const int okConnections = m_rig.ok.connections();
        QTest::mouseClick(child<QPushButton>(page, "startTest"), Qt::LeftButton);
        QCOMPARE(started.count(), 1);
        QVERIFY(page->session()->isRunning());
        // Every row is there at once, waiting or running; none has a verdict yet.
        const int rows = page->session()->model()->rowCount();
        QVERIFY(rows >= 20);
        QCOMPARE(child<QTreeView>(page, "liveTestView")->model()->rowCount(), rows);
        QCOMPARE(page->session()->counts().done, 0);
        QVERIFY(!child<QPushButton>(page, "startTest")->isEnabled());
        QVERIFY(child<QPushButton>(page, "cancelTest")->isEnabled());
        QVERIFY(!child<QPushButton>(page, "saveReport")->isEnabled());
        checkProgressShowsTheRows(page);

        // The quick endpoints come in while the silent one still holds the run open.
        QTRY_VERIFY_WITH_TIMEOUT(page->session()->counts().done > 0 && page->session()->counts().ok > 0, 10000);
        QVERIFY(page->session()->isRunning());
        checkProgressShowsTheRows(page);
        QVERIFY(child<QLabel>(page, "testCounts")->text().contains(QStringLiteral("in progress")));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), RunTimeoutMs);
        checkProgressShowsTheRows(page);
        QVERIFY2(progress.size() >= 3, qPrintable(QString::number(progress.size()))); // it moved, not jumped
        QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));

        // The verdicts, row by row.
        const ProbeSession::Counts c = page->session()->counts();
        QCOMPARE(c.done, c.testable);
        int inspected = 0;
        int timedOut = 0;
        int refused = 0;
        for (int row = 0; row < rows; ++row) {
            const ProbeResult &r = page->session()->model()->result(row);
            QCOMPARE(probeStatusId(r.status), expectedStatus(r));
            inspected += r.status == ProbeStatus::TlsInspected ? 1 : 0;
            timedOut += r.status == ProbeStatus::TlsTimeout ? 1 : 0;
            refused += r.status == ProbeStatus::TcpRefused ? 1 : 0;
        }
        QVERIFY(inspected >= 1 && timedOut >= 1 && refused >= 1);
        QCOMPARE(c.failed, inspected + timedOut + refused);
        QCOMPARE(c.ok, c.testable - c.failed);
        QVERIFY(c.notTestable >= 2); // inbound and routes
        QVERIFY(m_rig.ok.connections() > okConnections);
        QVERIFY(child<QLabel>(page, "testCounts")
                    ->text()
                    .startsWith(QStringLiteral("%1 of %1 endpoints tested · %2 reachable · %3 failed")
                                    .arg(c.testable)
                                    .arg(c.ok)
                                    .arg(c.failed)));
        QVERIFY(child<QPushButton>(page, "startTest")->isEnabled());
        QVERIFY(!child<QPushButton>(page, "cancelTest")->isEnabled());
        QVERIFY(child<QPushButton>(page, "retryFailed")->isEnabled());
        QVERIFY(child<QPushButton>(page, "saveReport")->isEnabled());

        // Names came from the injected resolver only, and only the rig's.
        for (const QString &host : m_rig.resolver.lookups())
            QVERIFY2(m_rig.hosts.contains(host), qPrintable(host));

        // What the table shows: icon, translated label and a tint per status, tested host beside the rule's.
        QAbstractItemModel *view = child<QTreeView>(page, "liveTestView")->model();
        const int okRow = rowWhere(page, [](const ProbeResult &r) {
            return r.status == ProbeStatus::Ok && r.target.destination.startsWith(u'*');
        });
        const int failedRow = rowWhere(page, [](const ProbeResult &r) { return r.status == ProbeStatus::TcpRefused; });
        QVERIFY(okRow >= 0 && failedRow >= 0);
        auto cell = [&](int sourceRow, int column, int role = Qt::DisplayRole) {
            return view
                ->index(filterModel(page)->mapFromSource(page->session()->model()->index(sourceRow, 0)).row(), column)
                .data(role);
        };
        QCOMPARE(cell(okRow, ProbeResultModel::StatusColumn).toString(), QStringLiteral("Reachable"));
        QCOMPARE(cell(failedRow, ProbeResultModel::StatusColumn).toString(), QStringLiteral("Connection refused"));
        QVERIFY(!cell(okRow, ProbeResultModel::StatusColumn, Qt::DecorationRole).value<QIcon>().isNull());
        const QImage okIcon
            = cell(okRow, ProbeResultModel::StatusColumn, Qt::DecorationRole).value<QIcon>().pixmap(16).toImage();
        const QImage failedIcon
            = cell(failedRow, ProbeResultModel::StatusColumn, Qt::DecorationRole).value<QIcon>().pixmap(16).toImage();
        QVERIFY(okIcon != failedIcon);
        QVERIFY(okIcon.convertToFormat(QImage::Format_Grayscale8)
                != failedIcon.convertToFormat(QImage::Format_Grayscale8));
        const QColor okTint = cell(okRow, ProbeResultModel::StatusColumn, Qt::BackgroundRole).value<QColor>();
        const QColor failedTint = cell(failedRow, ProbeResultModel::StatusColumn, Qt::BackgroundRole).value<QColor>();
        QVERIFY(okTint.isValid() && failedTint.isValid() && okTint != failedTint);
        const ProbeResult &sample = page->session()->model()->result(okRow);
        QCOMPARE(cell(okRow, ProbeResultModel::HostColumn).toString(), sample.target.host);
        QCOMPARE(cell(okRow, ProbeResultModel::DestinationColumn).toString(), sample.target.destination);
        QVERIFY(sample.target.host != sample.target.destination);
        QVERIFY(cell(okRow, ProbeResultModel::TimeColumn).toString().endsWith(QStringLiteral(" ms")));
        QVERIFY(!child<QTreeView>(page, "liveTestView")->isColumnHidden(ProbeResultModel::HostColumn));
        QVERIFY(child<QTreeView>(page, "liveTestView")->isColumnHidden(ProbeResultModel::ChangeColumn)); // no baseline

        // Sorted by status, what needs attention comes first; unsorted again, the rules' order.
        child<QTreeView>(page, "liveTestView")->sortByColumn(ProbeResultModel::StatusColumn, Qt::AscendingOrder);
        QVERIFY(view->index(0, 0).data(ProbeResultModel::FailedRole).toBool());
        QVERIFY(view->index(rows - 1, 0).data(ProbeResultModel::StatusIdRole).toString() == u"OK");
        child<QTreeView>(page, "liveTestView")->header()->setSortIndicator(-1, Qt::AscendingOrder);
        for (int row = 0; row < rows; ++row)
            QCOMPARE(filterModel(page)->sourceRow(row), row);

        // Only the failures, on request.
        child<QCheckBox>(page, "failuresOnly")->click();
        QCOMPARE(view->rowCount(), c.failed);
        child<QCheckBox>(page, "failuresOnly")->click();
        QCOMPARE(view->rowCount(), rows);
    }

    void detailsPane()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        configure(page, 2);
        QVERIFY(child<QTextBrowser>(page, "liveTestDetails")->toPlainText().contains(QStringLiteral("Start the test")));
        QVERIFY(runToEnd(page));
        QVERIFY(child<QTextBrowser>(page, "liveTestDetails")->toPlainText().contains(QStringLiteral("Select a row")));

        const int inspected = rowWhere(
            page, [](const ProbeResult &r) { return r.status == ProbeStatus::TlsInspected && r.target.http; });
        select(page, inspected);
        QString text = child<QTextBrowser>(page, "liveTestDetails")->toPlainText();
        for (const QString &expected :
             QStringList{QStringLiteral("TLS inspected"), QStringLiteral("TLS_INSPECTED"),
                         QStringLiteral("127.0.0.1 — loopback"), QStringLiteral("from DNS"),
                         QStringLiteral("Certificate chain"), QString::fromLatin1(TestPki::InspectionOrganization),
                         QStringLiteral("issued by"),
                         QString(QStringLiteral("server name (SNI): ") + LiveTestRig::InspectedHost),
                         QStringLiteral("What to ask for:"), QStringLiteral("exempt"), QStringLiteral("Timings"),
                         QStringLiteral("total"), QStringLiteral("HEAD 200"),
                         QString::fromLatin1(TestPki::PublicOrganization)}) // expected issuer named
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + text));

        const int refused = rowWhere(page, [](const ProbeResult &r) { return r.status == ProbeStatus::TcpRefused; });
        select(page, refused);
        text = child<QTextBrowser>(page, "liveTestDetails")->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("refused")), qPrintable(text));
        QVERIFY(text.contains(ProbeTexts::action(page->session()->model()->result(refused))));
        QVERIFY(text.contains(QStringLiteral("direct")));
        QVERIFY(!text.contains(QStringLiteral("Certificate chain")));

        const int ok = rowWhere(page, [](const ProbeResult &r) { return r.status == ProbeStatus::Ok && r.target.tls; });
        select(page, ok);
        text = child<QTextBrowser>(page, "liveTestDetails")->toPlainText();
        QVERIFY(text.contains(QStringLiteral("Reachable")));
        QVERIFY(text.contains(QStringLiteral("TLS 1.")));
        QVERIFY(!text.contains(QStringLiteral("What to ask for:")));

        const int inbound
            = rowWhere(page, [](const ProbeResult &r) { return r.target.notTestable == NotTestableReason::Inbound; });
        select(page, inbound);
        QVERIFY(child<QTextBrowser>(page, "liveTestDetails")
                    ->toPlainText()
                    .contains(QStringLiteral("Inbound traffic comes from Azure")));

        // The selected row's details follow it while it is tested again.
        select(page, refused);
        page->setBaseOptions(m_rig.baseOptions(true));
        QSignalSpy finished(page, &LiveTestPage::testFinished);
        QVERIFY(page->retryFailed());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), RunTimeoutMs);
        QVERIFY(child<QTextBrowser>(page, "liveTestDetails")->toPlainText().startsWith(QStringLiteral("Reachable")));
    }

    void cancelInTheMiddle()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        configure(page, 0); // TLS waits its default 5 s on the silent server
        QSignalSpy finished(page, &LiveTestPage::testFinished);
        QTest::mouseClick(child<QPushButton>(page, "startTest"), Qt::LeftButton);
        // Everything but the silent endpoint is done; it still runs.
        const int silentRows = [&] {
            int n = 0;
            for (const ProbeResult &r : page->session()->model()->results())
                n += r.target.host == LiveTestRig::SilentHost && r.target.port == 443 ? 1 : 0;
            return n;
        }();
        QVERIFY(silentRows >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(page->session()->counts().done, page->session()->counts().testable - silentRows,
                                  10000);
        QVERIFY(page->session()->isRunning());
        QCOMPARE(page->session()->counts().running, silentRows);
        QVERIFY(finished.isEmpty());

        QTest::mouseClick(child<QPushButton>(page, "cancelTest"), Qt::LeftButton);
        QCOMPARE(finished.count(), 1); // at once, not after the timeout
        QVERIFY(!page->session()->isRunning());
        checkProgressShowsTheRows(page);
        QCOMPARE(page->session()->counts().cancelled, silentRows);
        QCOMPARE(page->session()->counts().done, page->session()->counts().testable);
        for (const ProbeResult &r : page->session()->model()->results()) {
            if (r.target.host == LiveTestRig::SilentHost && r.target.port == 443)
                QCOMPARE(r.status, ProbeStatus::Cancelled);
        }
        QVERIFY(child<QLabel>(page, "testCounts")->text().contains(QStringLiteral("cancelled")));
        QVERIFY(child<QPushButton>(page, "startTest")->isEnabled());
        QVERIFY(child<QPushButton>(page, "retryFailed")->isEnabled());
        QVERIFY(!child<QPushButton>(page, "cancelTest")->isEnabled());
        QVERIFY(f.wizard.wizard->isVisible()); // "Cancel test" is not the wizard's Cancel
        QCOMPARE(f.wizard.wizard->currentId(), int(FirewallWizard::LiveTestPageId));
    }

    void retryOnlyTheFailed()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        configure(page, 2);
        QVERIFY(runToEnd(page));
        const QList<ProbeResult> before = page->session()->model()->results();
        const int okConnections = m_rig.ok.connections();
        const int inspectingConnections = m_rig.inspecting.connections();
        const int silentConnections = m_rig.silent.connections();
        const int httpRequests = int(m_rig.http.requests().size());
        const int failedBefore = page->session()->counts().failed;
        QVERIFY(failedBefore > 0);

        // The "firewall team" opens port 80; the retry takes the options as they are now.
        page->setBaseOptions(m_rig.baseOptions(true));
        QSignalSpy finished(page, &LiveTestPage::testFinished);
        QTest::mouseClick(child<QPushButton>(page, "retryFailed"), Qt::LeftButton);
        QVERIFY(page->session()->isRunning());
        // The rows being retried start over; the others keep their verdicts meanwhile.
        QVERIFY(page->session()->counts().done < page->session()->counts().testable);
        QCOMPARE(page->session()->counts().ok, before.size() - failedBefore - page->session()->counts().notTestable);
        checkProgressShowsTheRows(page);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), RunTimeoutMs);
        checkProgressShowsTheRows(page);

        const QList<ProbeResult> after = page->session()->model()->results();
        QCOMPARE(after.size(), before.size());
        for (int row = 0; row < after.size(); ++row) {
            const ProbeResult &then = before.at(row);
            const ProbeResult &now = after.at(row);
            if (!isFailure(then.status)) {
                QCOMPARE(now.status, then.status);
                QCOMPARE(now.finishedAt, then.finishedAt); // not tested again
                continue;
            }
            QVERIFY(now.finishedAt > then.finishedAt);
            if (then.target.port == 80)
                QCOMPARE(now.status, ProbeStatus::Ok); // fixed
            else
                QCOMPARE(now.status, then.status);
        }
        QCOMPARE(m_rig.ok.connections(), okConnections); // the OK endpoints were left alone
        QVERIFY(m_rig.inspecting.connections() > inspectingConnections);
        QVERIFY(m_rig.silent.connections() > silentConnections);
        QVERIFY(int(m_rig.http.requests().size()) > httpRequests);
        QVERIFY(page->session()->counts().failed < failedBefore);
    }

    // "Test selected again" in the context menu: the chosen row's endpoint is probed once more, and
    // every row sharing it (a host's network and application rule on 443) gets the new result; the
    // other rows keep theirs. Not offered before a run.
    void retestSelectedFromTheMenu()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        QVERIFY(QTest::qWaitForWindowActive(f.wizard.wizard.get()));
        configure(page, 2);
        QTreeView *view = child<QTreeView>(page, "liveTestView");

        // Before a run: the menu has the entry, disabled.
        view->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), view);
        QTest::keyClick(view, Qt::Key_Home);
        QTest::keyClick(view, Qt::Key_Menu);
        QMenu *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QAction *retest = nullptr;
        for (QAction *a : menu->actions())
            retest = a->objectName() == u"retestSelected" ? a : retest;
        QVERIFY(retest);
        QCOMPARE(retest->text(), QStringLiteral("&Test selected again"));
        QVERIFY(!retest->isEnabled());
        QTest::keyClick(menu, Qt::Key_Escape);
        QTRY_VERIFY(!menu->isVisible());

        QVERIFY(runToEnd(page));
        const QList<ProbeResult> before = page->session()->model()->results();
        // A row on 443 whose endpoint other rows share.
        int chosen = -1;
        QString key;
        for (int row = 0; row < before.size() && chosen < 0; ++row) {
            const ProbeTarget &t = before.at(row).target;
            if (!t.isTestable() || t.port != 443 || before.at(row).status != ProbeStatus::Ok)
                continue;
            int sharing = 0;
            for (const ProbeResult &other : before)
                sharing += other.target.isTestable() && other.target.probeKey() == t.probeKey() ? 1 : 0;
            if (sharing > 1) {
                chosen = row;
                key = t.probeKey();
            }
        }
        QVERIFY2(chosen >= 0, "no shared 443 endpoint in the scenario");
        const int okConnections = m_rig.ok.connections();

        f.wizard.wizard->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.wizard.wizard.get()));
        view->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), view);
        QTest::keyClick(view, Qt::Key_Home);
        for (int row = 0; row < chosen; ++row)
            QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), chosen); // no filter: view rows are the model's
        QSignalSpy finished(page, &LiveTestPage::testFinished);
        QTest::keyClick(view, Qt::Key_Menu);
        menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QTest::keyClick(menu, Qt::Key_T); // the mnemonic
        QTRY_VERIFY(!menu->isVisible());
        QVERIFY(page->session()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), RunTimeoutMs);

        const QList<ProbeResult> after = page->session()->model()->results();
        QCOMPARE(after.size(), before.size());
        int retested = 0;
        for (int row = 0; row < after.size(); ++row) {
            if (after.at(row).target.isTestable() && after.at(row).target.probeKey() == key) {
                QVERIFY(after.at(row).finishedAt > before.at(row).finishedAt);
                QCOMPARE(after.at(row).status, ProbeStatus::Ok);
                ++retested;
            } else {
                QCOMPARE(after.at(row).finishedAt, before.at(row).finishedAt); // left alone
                QCOMPARE(after.at(row).status, before.at(row).status);
            }
        }
        QVERIFY(retested > 1);
        QCOMPARE(m_rig.ok.connections(), okConnections + 1); // one probe for all of them
    }

    void languageSwitchInTheMiddle()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        configure(page, 0);
        QSignalSpy finished(page, &LiveTestPage::testFinished);
        QTest::mouseClick(child<QPushButton>(page, "startTest"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page->session()->counts().done > 0 && page->session()->counts().running > 0
                                     && page->session()->counts().done + page->session()->counts().running
                                            == page->session()->counts().testable,
                                 10000);
        const QList<ProbeResult> before = page->session()->model()->results();
        const int okRow = rowWhere(page, [](const ProbeResult &r) { return r.status == ProbeStatus::Ok; });
        select(page, okRow);
        QVERIFY(child<QTextBrowser>(page, "liveTestDetails")->toPlainText().startsWith(QStringLiteral("Reachable")));
        const QString englishHeader = child<QTreeView>(page, "liveTestView")
                                          ->model()
                                          ->headerData(ProbeResultModel::HostColumn, Qt::Horizontal)
                                          .toString();

        QTest::keyClick(f.wizard.wizard.get(), Qt::Key_L, Qt::ControlModifier);
        processLanguageChange();
        QCOMPARE(f.wizard.state->language(), Language::Japanese);
        // The run goes on, and what it found stays.
        QVERIFY(page->session()->isRunning());
        QCOMPARE(page->session()->model()->rowCount(), before.size());
        for (int row = 0; row < before.size(); ++row) {
            if (isFinal(before.at(row).status))
                QCOMPARE(page->session()->model()->result(row).status, before.at(row).status);
        }
        // Every text in Japanese: headers and status labels from core, the page's own words.
        QVERIFY(hasJapanese(page->title()));
        const QString header = child<QTreeView>(page, "liveTestView")
                                   ->model()
                                   ->headerData(ProbeResultModel::HostColumn, Qt::Horizontal)
                                   .toString();
        QVERIFY(header != englishHeader && hasJapanese(header));
        const QModelIndex okIndex
            = child<QTreeView>(page, "liveTestView")->currentIndex().siblingAtColumn(ProbeResultModel::StatusColumn);
        QVERIFY2(hasJapanese(okIndex.data().toString()), qPrintable(okIndex.data().toString()));
        QVERIFY(hasJapanese(child<QLabel>(page, "testCounts")->text()));
        QVERIFY(hasJapanese(child<QTextBrowser>(page, "liveTestDetails")->toPlainText()));
        QVERIFY(hasJapanese(child<QPushButton>(page, "startTest")->text()));
        const QStringList identifiers{QStringLiteral("japaneast"), QStringLiteral("mystore")};
        QStringList english = englishLeft(page, identifiers, true);
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QStringLiteral(" | "))));

        // The silent endpoint's verdict arrives after the switch, in Japanese too.
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), RunTimeoutMs);
        const int silent = rowWhere(page, [](const ProbeResult &r) { return r.status == ProbeStatus::TlsTimeout; });
        QVERIFY(silent >= 0);
        select(page, silent);
        const QString label = child<QTreeView>(page, "liveTestView")
                                  ->currentIndex()
                                  .siblingAtColumn(ProbeResultModel::StatusColumn)
                                  .data()
                                  .toString();
        QCOMPARE(label, ProbeTexts::statusLabel(ProbeStatus::TlsTimeout));
        QVERIFY(hasJapanese(label));
        QVERIFY(child<QTextBrowser>(page, "liveTestDetails")->toPlainText().contains(QStringLiteral("TLS_TIMEOUT")));
        QVERIFY(hasJapanese(child<QLabel>(page, "testCounts")->text()));
        // Shown with the options open and an HTTP proxy to give, too.
        QTest::mouseClick(child<QToolButton>(page, "moreOptions"), Qt::LeftButton);
        child<QComboBox>(page, "proxyMode")
            ->setCurrentIndex(child<QComboBox>(page, "proxyMode")->findData(int(ProxySetting::Mode::Explicit)));
        QVERIFY(child<QLineEdit>(page, "proxyPassword")->isVisible());
        english = englishLeft(page, identifiers, true);
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QStringLiteral(" | "))));
        child<QComboBox>(page, "proxyMode")
            ->setCurrentIndex(child<QComboBox>(page, "proxyMode")->findData(int(ProxySetting::Mode::System)));
        english = englishLeft(page, identifiers, true);
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QStringLiteral(" | "))));

        QTest::keyClick(f.wizard.wizard.get(), Qt::Key_L, Qt::ControlModifier);
        processLanguageChange();
        QCOMPARE(child<QTreeView>(page, "liveTestView")
                     ->model()
                     ->headerData(ProbeResultModel::HostColumn, Qt::Horizontal)
                     .toString(),
                 englishHeader);
        QCOMPARE(child<QTreeView>(page, "liveTestView")
                     ->currentIndex()
                     .siblingAtColumn(ProbeResultModel::StatusColumn)
                     .data()
                     .toString(),
                 QStringLiteral("TLS timed out"));
        QCOMPARE(page->session()->model()->rowCount(), before.size());
    }

    // "amlfw check --format json" against the rig, with the same options the page is given below.
    void cliRun()
    {
        m_cliReport = amlfw::test::runCli(m_rig.cliArguments(2)
                                          + QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                                        QStringLiteral("--lang"), QStringLiteral("en")})
                          .json();
        QCOMPARE(m_cliReport.value(QStringLiteral("report")).toString(), QStringLiteral("check"));
        QVERIFY(m_cliReport.value(QStringLiteral("results")).toArray().size() >= 20);
    }

    void tableMatchesTheCli()
    {
        QVERIFY(!m_cliReport.isEmpty());
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        configure(page, 2, false, true); // --resolve *:*:127.0.0.1 as the CLI had it
        QVERIFY(runToEnd(page));
        const QJsonArray cli = m_cliReport.value(QStringLiteral("results")).toArray();
        QAbstractItemModel *view = child<QTreeView>(page, "liveTestView")->model();
        QCOMPARE(view->rowCount(), cli.size());
        for (int row = 0; row < cli.size(); ++row) {
            const QJsonObject r = cli.at(row).toObject();
            const QString what
                = QStringLiteral("row %1 (%2)").arg(row).arg(r.value(QStringLiteral("ruleId")).toString());
            auto text = [&](int column) {
                return view->index(row, column).data().toString();
            };
            QVERIFY2(text(ProbeResultModel::RuleColumn) == r.value(QStringLiteral("ruleId")).toString(),
                     qPrintable(what));
            const QString host = r.value(QStringLiteral("host")).isNull() ? QStringLiteral("-")
                                                                          : r.value(QStringLiteral("host")).toString();
            QVERIFY2(text(ProbeResultModel::HostColumn) == host, qPrintable(what));
            QVERIFY2(text(ProbeResultModel::DestinationColumn) == r.value(QStringLiteral("destination")).toString(),
                     qPrintable(what));
            QVERIFY2(text(ProbeResultModel::PortColumn) == r.value(QStringLiteral("portSpec")).toString(),
                     qPrintable(what));
            QVERIFY2(text(ProbeResultModel::StatusColumn) == r.value(QStringLiteral("statusLabel")).toString(),
                     qPrintable(what + QStringLiteral(": ") + text(ProbeResultModel::StatusColumn)));
            QVERIFY2(view->index(row, 0).data(ProbeResultModel::StatusIdRole).toString()
                         == r.value(QStringLiteral("status")).toString(),
                     qPrintable(what));
            QVERIFY2(view->index(row, 0).data(ProbeResultModel::ExplanationRole).toString()
                         == r.value(QStringLiteral("explanation")).toString(),
                     qPrintable(what));
        }
        const QJsonObject summary = m_cliReport.value(QStringLiteral("summary")).toObject();
        QCOMPARE(page->session()->counts().ok, summary.value(QStringLiteral("ok")).toInt());
        QCOMPARE(page->session()->counts().failed, summary.value(QStringLiteral("failed")).toInt());
        QCOMPARE(page->session()->counts().notTestable, summary.value(QStringLiteral("notTestable")).toInt());
    }

    void reportsAsTheCliWritesThem()
    {
        QVERIFY(!m_cliReport.isEmpty());
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        configure(page, 2, false, true);
        QVERIFY(runToEnd(page));
        QTemporaryDir out;
        const QString json = out.filePath(QStringLiteral("report.json"));
        FileDialog::instance()->setNextFileName(json);
        child<QAction>(page, "saveReportJson")->trigger();
        QVERIFY(QFile::exists(json));
        QCOMPARE(reportBar(page)->lastReportPath(), QFileInfo(json).absoluteFilePath());
        QCOMPARE(child<MessageBanner>(page, "reportBanner")->kind(), MessageBanner::Kind::Success);
        QVERIFY(child<MessageBanner>(page, "reportBanner")
                    ->text()
                    .contains(QDir::toNativeSeparators(QFileInfo(json).absoluteFilePath())));
        QVERIFY(child<QPushButton>(page, "openReportFolder")->isVisible());
        QUrl opened;
        FileDialog::instance()->setUrlOpener([&](const QUrl &url) {
            opened = url;
            return true;
        });
        QTest::mouseClick(child<QPushButton>(page, "openReportFolder"), Qt::LeftButton);
        QCOMPARE(opened, QUrl::fromLocalFile(QFileInfo(json).absolutePath()));

        // The same structure as the CLI's, and the same rows.
        const QJsonObject gui = readJson(json);
        QCOMPARE(gui.keys(), m_cliReport.keys());
        for (const QString &key : {QStringLiteral("scenario"), QStringLiteral("options"), QStringLiteral("summary"),
                                   QStringLiteral("vantage")})
            QCOMPARE(gui.value(key).toObject().keys(), m_cliReport.value(key).toObject().keys());
        QCOMPARE(gui.value(QStringLiteral("scenario")), m_cliReport.value(QStringLiteral("scenario")));
        QCOMPARE(gui.value(QStringLiteral("options")).toObject().value(QStringLiteral("timeoutsMs")),
                 m_cliReport.value(QStringLiteral("options")).toObject().value(QStringLiteral("timeoutsMs")));
        QCOMPARE(gui.value(QStringLiteral("summary")).toObject().value(QStringLiteral("byStatus")),
                 m_cliReport.value(QStringLiteral("summary")).toObject().value(QStringLiteral("byStatus")));
        const QJsonArray guiRows = gui.value(QStringLiteral("results")).toArray();
        const QJsonArray cliRows = m_cliReport.value(QStringLiteral("results")).toArray();
        QCOMPARE(guiRows.size(), cliRows.size());
        for (int row = 0; row < guiRows.size(); ++row) {
            const QJsonObject a = guiRows.at(row).toObject();
            const QJsonObject b = cliRows.at(row).toObject();
            QCOMPARE(a.keys(), b.keys());
            for (const QString &key : {QStringLiteral("ruleId"), QStringLiteral("destination"), QStringLiteral("host"),
                                       QStringLiteral("port"), QStringLiteral("portSpec"), QStringLiteral("status"),
                                       QStringLiteral("statusLabel"), QStringLiteral("stages")})
                QVERIFY2(a.value(key) == b.value(key), qPrintable(QStringLiteral("row %1 %2").arg(row).arg(key)));
        }

        // HTML and CSV as well; each written whole, nothing left beside them.
        const QString html = out.filePath(QStringLiteral("report.html"));
        FileDialog::instance()->setNextFileName(html);
        QVERIFY(reportBar(page)->saveReport(LiveTestReportBar::ReportFormat::Html));
        QFile htmlFile(html);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QByteArray page1 = htmlFile.readAll();
        QVERIFY(page1.contains("<html lang=\"en\">"));
        QVERIFY(page1.contains("TLS_INSPECTED"));
        const QString csv = out.filePath(QStringLiteral("report.csv"));
        FileDialog::instance()->setNextFileName(csv);
        QVERIFY(reportBar(page)->saveReport(LiveTestReportBar::ReportFormat::Csv));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QVERIFY(csvFile.readAll().startsWith("\xEF\xBB\xBF"));
        // PDF: the save menu offers it, and it is the HTML report printed by Qt.
        auto *savePdf = reportBar(page)->findChild<QAction *>(QStringLiteral("saveReportPdf"));
        QVERIFY(savePdf);
        QVERIFY(savePdf->text().contains(QStringLiteral("PDF")));
        const QString pdf = out.filePath(QStringLiteral("report.pdf"));
        FileDialog::instance()->setNextFileName(pdf);
        QVERIFY(reportBar(page)->saveReport(LiveTestReportBar::ReportFormat::Pdf));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray pdfBytes = pdfFile.readAll();
        QVERIFY(pdfBytes.startsWith("%PDF-"));
        QVERIFY(pdfBytes.count("/Type /Page\n") >= 1);
        QStringList files = QDir(out.path()).entryList(QDir::Files | QDir::Hidden);
        files.sort();
        QCOMPARE(files, QStringList({QStringLiteral("report.csv"), QStringLiteral("report.html"),
                                     QStringLiteral("report.json"), QStringLiteral("report.pdf")}));

        // A folder that does not exist: nothing written, and the page says so.
        const QString missing = out.filePath(QStringLiteral("no-such-folder/report.json"));
        FileDialog::instance()->setNextFileName(missing);
        QVERIFY(!reportBar(page)->saveReport(LiveTestReportBar::ReportFormat::Json));
        QCOMPARE(child<MessageBanner>(page, "reportBanner")->kind(), MessageBanner::Kind::Error);
        QVERIFY(child<MessageBanner>(page, "reportBanner")->text().contains(QDir::toNativeSeparators(missing)));
        QVERIFY(!QFile::exists(missing));
        // Cancelled: nothing happens.
        FileDialog::instance()->setNextFileName(QString());
        QVERIFY(!reportBar(page)->saveReport(LiveTestReportBar::ReportFormat::Json));
    }

    void baselineShowsWhatChanged()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        configure(page, 2);
        QVERIFY(runToEnd(page));
        QTemporaryDir out;
        const QString before = out.filePath(QStringLiteral("before.json"));
        FileDialog::instance()->setNextFileName(before);
        QVERIFY(reportBar(page)->saveReport(LiveTestReportBar::ReportFormat::Json));
        int port80 = 0;
        for (const ProbeResult &r : page->session()->model()->results())
            port80 += r.target.port == 80 ? 1 : 0;
        QVERIFY(port80 > 0);

        // After the change: port 80 is open; start again and compare.
        page->setBaseOptions(m_rig.baseOptions(true));
        QVERIFY(runToEnd(page));
        QVERIFY(child<QTreeView>(page, "liveTestView")->isColumnHidden(ProbeResultModel::ChangeColumn));
        QVERIFY(!child<QPushButton>(page, "clearBaseline")->isVisible());
        FileDialog::instance()->setNextFileName(before);
        QTest::mouseClick(child<QPushButton>(page, "compareBaseline"), Qt::LeftButton);
        QVERIFY(!child<QTreeView>(page, "liveTestView")->isColumnHidden(ProbeResultModel::ChangeColumn));
        QVERIFY(child<QPushButton>(page, "clearBaseline")->isVisible());
        QVERIFY(child<QLabel>(page, "baselineLabel")->text().contains(QStringLiteral("before.json")));
        QAbstractItemModel *view = child<QTreeView>(page, "liveTestView")->model();
        int fixed = 0;
        for (int row = 0; row < view->rowCount(); ++row) {
            const QString change = view->index(row, ProbeResultModel::ChangeColumn).data().toString();
            const bool isPort80 = view->index(row, ProbeResultModel::PortColumn).data().toString() == u"80";
            QCOMPARE(change, isPort80 ? QStringLiteral("fixed") : QStringLiteral("unchanged"));
            fixed += change == u"fixed" ? 1 : 0;
            if (isPort80) {
                QVERIFY(view->index(row, ProbeResultModel::ChangeColumn)
                            .data(Qt::BackgroundRole)
                            .value<QColor>()
                            .isValid());
                QCOMPARE(view->index(row, ProbeResultModel::ChangeColumn).data(Qt::ToolTipRole).toString(),
                         QStringLiteral("TCP_REFUSED → OK"));
            }
        }
        QCOMPARE(fixed, port80);
        QVERIFY2(child<QLabel>(page, "testCounts")
                     ->text()
                     .contains(QStringLiteral("Since the earlier run: %1 fixed, 0 now failing").arg(port80)),
                 qPrintable(child<QLabel>(page, "testCounts")->text()));
        select(page, rowWhere(page, [](const ProbeResult &r) { return r.target.port == 80; }));
        QVERIFY(
            child<QTextBrowser>(page, "liveTestDetails")->toPlainText().contains(QStringLiteral("TCP_REFUSED → OK")));
        // The report says it too.
        const QString after = out.filePath(QStringLiteral("after.json"));
        FileDialog::instance()->setNextFileName(after);
        QVERIFY(reportBar(page)->saveReport(LiveTestReportBar::ReportFormat::Json));
        QCOMPARE(readJson(after)
                     .value(QStringLiteral("summary"))
                     .toObject()
                     .value(QStringLiteral("changes"))
                     .toObject()
                     .value(QStringLiteral("fixed"))
                     .toInt(),
                 port80);

        QTest::mouseClick(child<QPushButton>(page, "clearBaseline"), Qt::LeftButton);
        QVERIFY(child<QTreeView>(page, "liveTestView")->isColumnHidden(ProbeResultModel::ChangeColumn));
        QVERIFY(!child<QLabel>(page, "testCounts")->text().contains(QStringLiteral("Since the earlier run")));

        // Not a report of "amlfw check": said, and nothing compared.
        const QString rules = out.filePath(QStringLiteral("rules.json"));
        QFile bad(rules);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"rules\": []}");
        bad.close();
        FileDialog::instance()->setNextFileName(rules);
        QVERIFY(!reportBar(page)->loadBaseline());
        QCOMPARE(child<MessageBanner>(page, "reportBanner")->kind(), MessageBanner::Kind::Error);
        QVERIFY(child<MessageBanner>(page, "reportBanner")->text().contains(QStringLiteral("rules.json")));
        QVERIFY(child<QTreeView>(page, "liveTestView")->isColumnHidden(ProbeResultModel::ChangeColumn));
    }

    void answersChangedReplans()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        FirewallWizard *w = f.wizard.wizard.get();
        configure(page, 2);
        QVERIFY(runToEnd(page));
        const int rows = page->session()->model()->rowCount();

        // The same scenario (here: the language) keeps the results.
        f.wizard.state->setLanguage(Language::Japanese);
        processLanguageChange();
        QCOMPARE(page->session()->model()->rowCount(), rows);
        QVERIFY(!child<MessageBanner>(page, "liveTestBanner")->isVisible());
        f.wizard.state->setLanguage(Language::English);
        processLanguageChange();

        // Other answers: the results no longer describe the rules.
        clickBack(w);
        clickBack(w);
        QCOMPARE(w->currentId(), int(FirewallWizard::FeaturesPageId));
        QCheckBox *notebooks = find::checkBox(w->featuresPage(), QStringLiteral("notebooks"));
        notebooks->click();
        QVERIFY(f.wizard.state->answers().features.contains(QStringLiteral("notebooks")));
        clickNext(w);
        clickNext(w);
        QCOMPARE(w->currentId(), int(FirewallWizard::LiveTestPageId));
        QVERIFY(!page->session()->hasResults());
        QCOMPARE(child<MessageBanner>(page, "liveTestBanner")->kind(), MessageBanner::Kind::Info);
        QVERIFY(child<MessageBanner>(page, "liveTestBanner")
                    ->text()
                    .contains(QStringLiteral("earlier results were cleared")));
        QVERIFY(!child<QPushButton>(page, "retryFailed")->isEnabled());
        QVERIFY(!child<QPushButton>(page, "saveReport")->isEnabled());
        // The hosts given for wildcards are kept for the new plan.
        for (const auto &[destination, host] : LiveTestRig::samples())
            QCOMPARE(liveOptions(page)->sampleHost(destination), host);

        // A change while a test runs stops it first.
        child<QSpinBox>(page, "timeout")->setValue(0);
        QSignalSpy finished(page, &LiveTestPage::testFinished);
        QTest::mouseClick(child<QPushButton>(page, "startTest"), Qt::LeftButton);
        QVERIFY(page->session()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(page->session()->counts().done > 0, 10000);
        const ProbeEngine *running = page->session()->engine();
        f.wizard.state->setStorage(QStringLiteral("otherstore"));
        QVERIFY(!page->session()->isRunning());
        QVERIFY(page->session()->engine() != running);
        QVERIFY(finished.isEmpty()); // dropped, not finished: its results are gone
        QVERIFY(!page->session()->hasResults());
        QVERIFY(
            child<MessageBanner>(page, "liveTestBanner")->text().contains(QStringLiteral("running test was stopped")));
        QVERIFY(child<QPushButton>(page, "startTest")->isEnabled());
        // Answers that leave no rules: nothing to start.
        f.wizard.state->setStorage(QStringLiteral("Not-Valid"));
        QVERIFY(!child<QPushButton>(page, "startTest")->isEnabled());
        QVERIFY(!page->isComplete());
    }

    void optionErrorsKeepItFromStarting()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        configure(page, 2);
        QComboBox *mode = child<QComboBox>(page, "proxyMode");
        mode->setCurrentIndex(mode->findData(int(ProxySetting::Mode::Explicit)));
        QVERIFY(child<QLineEdit>(page, "proxyUrl")->isVisible());
        child<QLineEdit>(page, "proxyUrl")->clear();
        QVERIFY(!page->startTest());
        QCOMPARE(child<MessageBanner>(page, "liveTestBanner")->kind(), MessageBanner::Kind::Error);
        QVERIFY(child<MessageBanner>(page, "liveTestBanner")->text().contains(QStringLiteral("proxy")));
        typeInto(child<QLineEdit>(page, "proxyUrl"), QStringLiteral("socks5://127.0.0.1:1080"));
        QVERIFY(!child<QLineEdit>(page, "proxyUrl")->styleSheet().isEmpty()); // marked
        QVERIFY(!page->startTest());
        QVERIFY(child<MessageBanner>(page, "liveTestBanner")->text().contains(QStringLiteral("socks5")));
        mode->setCurrentIndex(mode->findData(int(ProxySetting::Mode::None)));
        QVERIFY(!child<QLineEdit>(page, "proxyUrl")->isVisible()); // no proxy: no address to give

        typeInto(child<QLineEdit>(page, "caBundle"), f.wizard.dir.filePath(QStringLiteral("missing.pem")));
        QVERIFY(!child<QLineEdit>(page, "caBundle")->styleSheet().isEmpty());
        QVERIFY(!page->startTest());
        QVERIFY(child<MessageBanner>(page, "liveTestBanner")->text().contains(QStringLiteral("missing.pem")));
        typeInto(child<QLineEdit>(page, "caBundle"), m_rig.caBundlePath);
        QVERIFY(child<QLineEdit>(page, "caBundle")->styleSheet().isEmpty());

        // A sample outside its wildcard is marked, and said when starting.
        const QString destination = LiveTestRig::samples().first().first;
        const int row = int(liveOptions(page)->sampleDestinations().indexOf(destination));
        child<QTableWidget>(page, "sampleHosts")->item(row, 1)->setText(QStringLiteral("evil.example.com"));
        QVERIFY(child<QTableWidget>(page, "sampleHosts")
                    ->item(row, 1)
                    ->toolTip()
                    .contains(QStringLiteral("evil.example.com")));
        QVERIFY(!page->startTest());
        QVERIFY(child<MessageBanner>(page, "liveTestBanner")->text().contains(QStringLiteral("evil.example.com")));
        QVERIFY(!page->session()->isRunning());
        QVERIFY(!page->session()->hasResults());
        liveOptions(page)->setSampleHost(destination, LiveTestRig::samples().first().second);
        QVERIFY(!child<QTableWidget>(page, "sampleHosts")
                     ->item(row, 1)
                     ->toolTip()
                     .contains(QStringLiteral("evil.example.com")));
        // An empty sample: that wildcard is simply not tested.
        liveOptions(page)->setSampleHost(destination, QString());
        QVERIFY(page->startTest());
        QVERIFY(!child<MessageBanner>(page, "liveTestBanner")->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isRunning(), RunTimeoutMs);
        const int wildcard = rowWhere(page, [&](const ProbeResult &r) { return r.target.destination == destination; });
        QCOMPARE(page->session()->model()->result(wildcard).status, ProbeStatus::NotTestable);
        select(page, wildcard);
        QVERIFY(child<QTextBrowser>(page, "liveTestDetails")->toPlainText().contains(QStringLiteral("Sample hosts")));
    }

    void proxyWithCredentials()
    {
        TestConnectProxy proxy;
        QVERIFY(proxy.listenLoopback());
        proxy.requireCredentials(QStringLiteral("alice"), QStringLiteral("s3cret-pw"));
        for (const QString &host : std::as_const(m_rig.hosts)) {
            proxy.addRoute(host, 443, m_rig.ok.serverPort());
            proxy.addRoute(host, 80, m_rig.http.serverPort());
        }
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        configure(page, 2);
        page->setBaseOptions({}); // through the proxy, no redirection: the proxy knows where the hosts are
        QComboBox *mode = child<QComboBox>(page, "proxyMode");
        mode->setCurrentIndex(mode->findData(int(ProxySetting::Mode::Explicit)));
        // Credentials typed into the URL move to their own fields; the password is masked.
        typeInto(child<QLineEdit>(page, "proxyUrl"),
                 QStringLiteral("http://alice:s3cret-pw@127.0.0.1:%1").arg(proxy.serverPort()));
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(page, "proxyUrl"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(child<QLineEdit>(page, "proxyUrl")->text(),
                 QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort()));
        QCOMPARE(child<QLineEdit>(page, "proxyUser")->text(), QStringLiteral("alice"));
        QCOMPARE(child<QLineEdit>(page, "proxyPassword")->text(), QStringLiteral("s3cret-pw"));
        QCOMPARE(child<QLineEdit>(page, "proxyPassword")->echoMode(), QLineEdit::Password);
        const auto options = page->probeOptions();
        QVERIFY(options);
        QCOMPARE(options->proxy.password, QStringLiteral("s3cret-pw"));

        QVERIFY(runToEnd(page));
        int throughProxy = 0;
        QSet<QString> endpointsThroughProxy; // rows of one endpoint share its one test
        for (const ProbeResult &r : page->session()->model()->results()) {
            if (r.path.mode != PathMode::HttpProxy)
                continue;
            ++throughProxy;
            endpointsThroughProxy.insert(r.target.probeKey());
            QVERIFY2(r.status == ProbeStatus::Ok, qPrintable(r.target.host + u' ' + probeStatusId(r.status)));
            QVERIFY(r.path.credentialsSent);
        }
        QVERIFY(throughProxy >= 10);
        QVERIFY(!proxy.requests().isEmpty());
        // Credentials go only when the proxy asks (its 407 names the scheme): one answered request per endpoint.
        int authorized = 0;
        for (const TestConnectProxy::Request &request : proxy.requests())
            authorized += request.authorized ? 1 : 0;
        QVERIFY2(authorized >= endpointsThroughProxy.size(),
                 qPrintable(QStringLiteral("%1 < %2").arg(authorized).arg(endpointsThroughProxy.size())));

        // The password is nowhere: not in the reports, not in the settings, not on the screen.
        for (auto format : {LiveTestReportBar::ReportFormat::Json, LiveTestReportBar::ReportFormat::Html,
                            LiveTestReportBar::ReportFormat::Csv})
            QVERIFY(!reportBar(page)->reportData(format).contains("s3cret-pw"));
        QVERIFY(reportBar(page)
                    ->reportData(LiveTestReportBar::ReportFormat::Json)
                    .contains(QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort()).toUtf8()));
        f.wizard.settings->sync();
        QFile settings(f.wizard.settingsPath);
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray stored = settings.readAll();
        QVERIFY(!stored.contains("s3cret-pw"));
        QVERIFY(!stored.contains("alice"));
        QVERIFY(stored.contains("127.0.0.1"));
        for (const QString &text : visibleTexts(page, true))
            QVERIFY(!text.contains(QStringLiteral("s3cret-pw")));
        QVERIFY(!child<QTextBrowser>(page, "liveTestDetails")->toPlainText().contains(QStringLiteral("s3cret-pw")));
    }

    // Whatever the proxy text looks like, its password is never shown (banner, URL field) and never
    // reaches the settings file: neither while typed nor once committed.
    void hostileProxyText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("url"); // what the URL field shows once left
        QTest::addColumn<QString>("password");
        QTest::newRow("pasted user:password") << "alice:pw-S3cret"
                                              << ""
                                              << "pw-S3cret";
        QTest::newRow("scheme typo") << "htp://alice:pw-S3cret@proxy.example.com:3128"
                                     << "htp://proxy.example.com:3128"
                                     << "pw-S3cret";
        QTest::newRow("half-typed") << "http://alice:pw-S3c"
                                    << "http://"
                                    << "pw-S3c";
        QTest::newRow("no port") << "http://alice:pw-S3cret@proxy.example.com"
                                 << "http://proxy.example.com"
                                 << "pw-S3cret";
    }

    void hostileProxyText()
    {
        QFETCH(QString, text);
        QFETCH(QString, url);
        QFETCH(QString, password);
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        FirewallWizard *w = f.wizard.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        auto stored = [&]() -> QByteArray {
            f.wizard.settings->sync();
            QFile file(f.wizard.settingsPath);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        QComboBox *mode = child<QComboBox>(page, "proxyMode");
        mode->setCurrentIndex(mode->findData(int(ProxySetting::Mode::Explicit)));
        QLineEdit *field = child<QLineEdit>(page, "proxyUrl");
        field->setFocus();
        QCOMPARE(QApplication::focusWidget(), field);
        for (const QChar c : text) {
            QTest::keyClicks(QApplication::focusWidget(), QString(c));
            QVERIFY2(!stored().contains("S3c"), qPrintable(field->text()));
        }
        // Alt+S starts the test with the text still in the field (a mnemonic leaves the focus there):
        // the banner names the problem, with the password masked.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::AltModifier);
        auto *banner = child<MessageBanner>(page, "liveTestBanner");
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY2(!banner->text().contains(QStringLiteral("S3c")), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QStringLiteral("alice:****")), qPrintable(banner->text()));
        QVERIFY(!page->session()->isRunning());

        // Leaving the field commits it: the password moves to the masked field, the URL keeps the rest.
        QCOMPARE(QApplication::focusWidget(), field);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(QApplication::focusWidget() != field);
        QCOMPARE(field->text(), url);
        QCOMPARE(child<QLineEdit>(page, "proxyUser")->text(), QStringLiteral("alice"));
        QCOMPARE(child<QLineEdit>(page, "proxyPassword")->text(), password);
        QCOMPARE(child<QLineEdit>(page, "proxyPassword")->echoMode(), QLineEdit::Password);
        QVERIFY(!page->startTest());
        for (const QString &shown : visibleTexts(page, true))
            QVERIFY2(!shown.contains(QStringLiteral("S3c")), qPrintable(shown));
        const QByteArray settings = stored();
        QVERIFY(settings.contains("explicit")); // it was written
        QVERIFY2(!settings.contains("S3c"), settings.constData());
        QVERIFY2(!settings.contains("alice"), settings.constData());
    }

    // The default concurrency is automatic, and says so; a number typed in is the user's.
    void concurrencyIsAutomaticByDefault()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        QSpinBox *box = child<QSpinBox>(page, "concurrency");
        QCOMPARE(box->value(), ProbeOptions::AutomaticConcurrency);
        QCOMPARE(box->text(), QStringLiteral("automatic"));
        auto options = page->probeOptions();
        QVERIFY(options);
        QCOMPARE(options->concurrency, ProbeOptions::AutomaticConcurrency);
        QVERIFY(QTest::qWaitForWindowActive(f.wizard.wizard.get()));
        QTest::mouseClick(child<QToolButton>(page, "moreOptions"), Qt::LeftButton);
        QVERIFY(box->isVisible());
        box->setFocus();
        QCOMPARE(QApplication::focusWidget(), box);
        box->selectAll();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("12"));
        QCOMPARE(box->value(), 12);
        options = page->probeOptions();
        QVERIFY(options);
        QCOMPARE(options->concurrency, 12);
    }

    void remembersSettingsButNotThePassword()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        QComboBox *mode = child<QComboBox>(page, "proxyMode");
        QCOMPARE(mode->currentData().toInt(), int(ProxySetting::Mode::System)); // the default
        mode->setCurrentIndex(mode->findData(int(ProxySetting::Mode::Explicit)));
        typeInto(child<QLineEdit>(page, "proxyUrl"), QStringLiteral("http://proxy.example.com:3128"));
        typeInto(child<QLineEdit>(page, "proxyUser"), QStringLiteral("bob"));
        typeInto(child<QLineEdit>(page, "proxyPassword"), QStringLiteral("hunter2-pw"));
        child<QSpinBox>(page, "timeout")->setValue(7);
        child<QSpinBox>(page, "concurrency")->setValue(5);
        typeInto(child<QLineEdit>(page, "caBundle"), m_rig.caBundlePath);

        f.wizard.recreate(Language::English, true);
        f.wizard.state->setAnswers(LiveTestRig::answers());
        auto *again = qobject_cast<LiveTestPage *>(f.wizard.wizard->page(FirewallWizard::LiveTestPageId));
        QVERIFY(again);
        QCOMPARE(child<QComboBox>(again, "proxyMode")->currentData().toInt(), int(ProxySetting::Mode::Explicit));
        QCOMPARE(child<QLineEdit>(again, "proxyUrl")->text(), QStringLiteral("http://proxy.example.com:3128"));
        QCOMPARE(child<QLineEdit>(again, "proxyPassword")->text(), QString());
        QCOMPARE(child<QSpinBox>(again, "timeout")->value(), 7);
        QCOMPARE(child<QSpinBox>(again, "concurrency")->value(), 5);
        QCOMPARE(child<QLineEdit>(again, "caBundle")->text(), m_rig.caBundlePath);
        const auto options = again->probeOptions();
        QVERIFY(options);
        QCOMPARE(options->timeouts.tlsMs, 7000);
        QCOMPARE(options->concurrency, 5);
        QCOMPARE(options->proxy.host, QStringLiteral("proxy.example.com"));
        QCOMPARE(options->proxy.port, 3128);
        QVERIFY(options->proxy.password.isEmpty());
        QCOMPARE(options->extraCaCertificates.size(), 2);
        f.wizard.settings->sync();
        QFile settings(f.wizard.settingsPath);
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains("hunter2-pw"));

        // Even a URL with credentials in it is stored without them.
        f.wizard.settings->setLiveTestProxyUrl(QStringLiteral("http://carol:pw-in-url@proxy.example.com:8080"));
        QCOMPARE(f.wizard.settings->liveTestProxyUrl(), QStringLiteral("http://proxy.example.com:8080"));
    }

    // Before any run the table lists what a start would contact (host, port, stages) and, for the
    // rows it would not, why; sample hosts given change it at once; Start keeps the same rows.
    void endpointListBeforeARun()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        page->setResolver(&m_rig.resolver);
        page->setBaseOptions(m_rig.baseOptions());
        QComboBox *mode = child<QComboBox>(page, "proxyMode");
        mode->setCurrentIndex(mode->findData(int(ProxySetting::Mode::None)));
        const int lookupsBefore = int(m_rig.resolver.lookups().size());
        QTreeView *view = child<QTreeView>(page, "liveTestView");
        QAbstractItemModel *model = view->model();
        const QList<ProbeTarget> plan = ProbePlanner::plan(f.wizard.state->ruleSet(), ProbeOptions());
        QVERIFY(plan.size() >= 20);
        QCOMPARE(model->rowCount(), int(plan.size()));
        QVERIFY(!page->session()->hasResults());
        QVERIFY(!view->isColumnHidden(ProbeResultModel::DetailColumn));
        QVERIFY(view->isColumnHidden(ProbeResultModel::TimeColumn));
        QCOMPARE(model->headerData(ProbeResultModel::DetailColumn, Qt::Horizontal).toString(),
                 QStringLiteral("What will be tested"));
        int waiting = 0;
        int wildcardRow = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            const ProbeTarget &t = plan.at(row);
            const QString status = model->index(row, ProbeResultModel::StatusColumn).data().toString();
            const QString what = model->index(row, ProbeResultModel::DetailColumn).data().toString();
            QCOMPARE(model->index(row, ProbeResultModel::HostColumn).data().toString(),
                     t.host.isEmpty() ? QStringLiteral("-") : t.host);
            QCOMPARE(model->index(row, ProbeResultModel::PortColumn).data().toString(), ProbeTexts::ports(t));
            if (t.isTestable()) {
                ++waiting;
                QCOMPARE(status, QStringLiteral("Waiting"));
                QVERIFY2(what.startsWith(QStringLiteral("DNS → TCP")), qPrintable(what));
                QCOMPARE(what.contains(QStringLiteral("TLS")), t.tls);
            } else {
                QCOMPARE(status, QStringLiteral("Not testable from here"));
                QCOMPARE(what, ProbeTexts::notTestable(t)); // the reason, in words
                QVERIFY(!what.isEmpty());
                if (t.notTestable == NotTestableReason::WildcardNoSample
                    && t.destination == LiveTestRig::samples().first().first)
                    wildcardRow = row;
            }
        }
        QVERIFY(waiting > 0 && waiting < model->rowCount());
        QVERIFY(wildcardRow >= 0);
        // The details pane of a planned row says what will be tested.
        view->setCurrentIndex(model->index(0, 0));
        const int first = filterModel(page)->sourceRow(0);
        if (plan.at(first).isTestable())
            QVERIFY(
                child<QTextBrowser>(page, "liveTestDetails")->toPlainText().contains(QStringLiteral("To be tested")));
        QVERIFY(child<QTextBrowser>(page, "liveTestDetails")->toPlainText().contains(plan.at(first).ruleId));

        // A host given for the wildcard: its row becomes testable, before any run.
        QTest::mouseClick(child<QToolButton>(page, "moreOptions"), Qt::LeftButton);
        QTableWidget *samples = child<QTableWidget>(page, "sampleHosts");
        const auto given = LiveTestRig::samples();
        const auto &[destination, host] = given.first();
        samples->item(int(liveOptions(page)->sampleDestinations().indexOf(destination)), 1)->setText(host);
        QCOMPARE(model->rowCount(), int(plan.size()));
        QCOMPARE(model->index(wildcardRow, ProbeResultModel::StatusColumn).data().toString(),
                 QStringLiteral("Waiting"));
        QCOMPARE(model->index(wildcardRow, ProbeResultModel::HostColumn).data().toString(), host);
        QCOMPARE(int(m_rig.resolver.lookups().size()), lookupsBefore); // nothing contacted yet

        // Start: the same rows, now the run's, with times instead of the plan.
        QTest::mouseClick(child<QPushButton>(page, "startTest"), Qt::LeftButton);
        QVERIFY(page->session()->isRunning());
        QCOMPARE(page->shownModel(), page->session()->model());
        QCOMPARE(model->rowCount(), int(plan.size()));
        QVERIFY(!view->isColumnHidden(ProbeResultModel::TimeColumn));
        QVERIFY(view->isColumnHidden(ProbeResultModel::DetailColumn));
        page->cancelTest();
        QTRY_VERIFY(!page->session()->isRunning());

        // Answers changed: the old results go, and the new plan is listed.
        f.wizard.state->setStorage(QStringLiteral("otherstore"));
        QVERIFY(!page->session()->hasResults());
        QCOMPARE(page->shownModel()->objectName(), QStringLiteral("liveTestPlan"));
        bool renamed = false;
        for (int row = 0; row < model->rowCount(); ++row)
            renamed = renamed
                      || model->index(row, ProbeResultModel::HostColumn).data().toString().startsWith(u"otherstore.");
        QVERIFY(renamed);
    }

    // The table's context menu (Menu key, Shift+F10) and copying several rows as TSV with Ctrl+C.
    void contextMenuAndCopy()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        FirewallWizard *w = f.wizard.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        QTreeView *view = child<QTreeView>(page, "liveTestView");
        QAbstractItemModel *model = view->model();
        QVERIFY(model->rowCount() >= 3);
        QGuiApplication::clipboard()->clear();
        view->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), view);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 3);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::ControlModifier);
        const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4); // the header and three rows
        const QStringList header = lines.first().split(u'\t');
        QCOMPARE(header.first(), QStringLiteral("Status"));
        QVERIFY(header.contains(QStringLiteral("Host tested")));
        QVERIFY(header.contains(QStringLiteral("Rule")));
        for (int row = 0; row < 3; ++row) {
            const QStringList cells = lines.at(row + 1).split(u'\t');
            QCOMPARE(cells.size(), header.size());
            QCOMPARE(cells.at(header.indexOf(QStringLiteral("Rule"))),
                     model->index(row, ProbeResultModel::RuleColumn).data().toString());
            QCOMPARE(cells.first(), model->index(row, ProbeResultModel::StatusColumn).data().toString());
        }

        // The Menu key opens the menu at the current row; Down and Enter copy the host names.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Menu);
        QMenu *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QCOMPARE(menu->objectName(), QStringLiteral("liveTestContextMenu"));
        QStringList texts;
        for (QAction *a : menu->actions())
            texts << a->text();
        QVERIFY2(texts.contains(QStringLiteral("&Copy rows as TSV")), qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(QStringLiteral("Copy &host names")));
        QVERIFY(texts.contains(QStringLiteral("Show &details")));
        QCOMPARE(menu->activeAction()->objectName(), QStringLiteral("copyRows"));
        QTest::keyClick(menu, Qt::Key_Down);
        QCOMPARE(menu->activeAction()->objectName(), QStringLiteral("copyHosts"));
        QTest::keyClick(menu, Qt::Key_Return);
        QTRY_VERIFY(!menu->isVisible());
        QStringList hosts;
        for (int row = 0; row < 3; ++row) {
            const QString host = model->index(row, ProbeResultModel::HostColumn).data().toString();
            if (host != u"-" && !hosts.contains(host))
                hosts << host;
        }
        QVERIFY(!hosts.isEmpty());
        QCOMPARE(QGuiApplication::clipboard()->text(), hosts.join(u'\n') + u'\n');

        // Shift+F10 too; "Show details" moves to the details pane.
        view->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F10, Qt::ShiftModifier);
        menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QTest::keyClick(menu, Qt::Key_D); // the mnemonic
        QTRY_COMPARE(QApplication::focusWidget(), child<QTextBrowser>(page, "liveTestDetails"));

        // Tabs and line breaks inside cells do not break the rows.
        QStandardItemModel odd(1, 2);
        odd.setHorizontalHeaderLabels({QStringLiteral("A\tB"), QStringLiteral("C")});
        odd.setItem(0, 0, new QStandardItem(QStringLiteral("one\ttwo")));
        odd.setItem(0, 1, new QStandardItem(QStringLiteral("three\nfour\r\nfive")));
        QCOMPARE(LiveTestTableActions::tsv(&odd, {0}, {0, 1}), QStringLiteral("A B\tC\none two\tthree four five\n"));
    }

    // "Open a JSON report…" shows a saved report of "amlfw check" read-only, with its machine, time
    // and scenario, and "Back to the live test" returns to the plan; a file that is no report is named.
    void openSavedReport()
    {
        QVERIFY(!m_cliReport.isEmpty());
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        FirewallWizard *w = f.wizard.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cli report.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(m_cliReport).toJson());
        file.close();
        const int planRows = page->shownModel()->rowCount();

        FileDialog::instance()->setNextFileName(path);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J, Qt::AltModifier);
        QTRY_VERIFY(page->isShowingReport());
        QTreeView *view = child<QTreeView>(page, "liveTestView");
        const QJsonArray results = m_cliReport.value(QStringLiteral("results")).toArray();
        QCOMPARE(view->model()->rowCount(), int(results.size()));
        for (int row = 0; row < results.size(); ++row) {
            const QJsonObject r = results.at(row).toObject();
            QCOMPARE(view->model()->index(row, 0).data(ProbeResultModel::StatusIdRole).toString(),
                     r.value(QStringLiteral("status")).toString());
            QCOMPARE(view->model()->index(row, ProbeResultModel::StatusColumn).data().toString(),
                     r.value(QStringLiteral("statusLabel")).toString());
            QCOMPARE(view->model()->index(row, 0).data(ProbeResultModel::ExplanationRole).toString(),
                     r.value(QStringLiteral("explanation")).toString());
        }
        MessageBanner *banner = child<MessageBanner>(page, "openReportBanner");
        QVERIFY(banner->isVisible());
        const QString said = banner->text();
        const QJsonObject vantage = m_cliReport.value(QStringLiteral("vantage")).toObject();
        QVERIFY2(said.contains(QStringLiteral("cli report.json")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("read-only")), qPrintable(said));
        QVERIFY2(said.contains(vantage.value(QStringLiteral("hostName")).toString()), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("japaneast")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("edition 2021-11")), qPrintable(said));
        QVERIFY2(said.contains(LiveTestRig::answers().features.first()), qPrintable(said));
        QVERIFY(!child<QPushButton>(page, "startTest")->isEnabled());
        QVERIFY(!child<QPushButton>(page, "saveReport")->isEnabled());
        QVERIFY(!page->session()->hasResults()); // the live state is untouched
        QVERIFY(child<QLabel>(page, "testCounts")
                    ->text()
                    .contains(QStringLiteral("%1 reachable")
                                  .arg(m_cliReport.value(QStringLiteral("summary"))
                                           .toObject()
                                           .value(QStringLiteral("ok"))
                                           .toInt())));
        // A failed row's details come from the report.
        const int refused = [&] {
            for (int row = 0; row < results.size(); ++row)
                if (results.at(row).toObject().value(QStringLiteral("status")).toString() == u"TCP_REFUSED")
                    return row;
            return -1;
        }();
        QVERIFY(refused >= 0);
        view->setCurrentIndex(view->model()->index(refused, 0));
        QVERIFY(child<QTextBrowser>(page, "liveTestDetails")->toPlainText().contains(QStringLiteral("TCP_REFUSED")));

        // In Japanese, the banner follows.
        f.wizard.state->setLanguage(Language::Japanese);
        processLanguageChange();
        QVERIFY(banner->text() != said);
        QVERIFY(banner->text().contains(QStringLiteral("cli report.json")));
        f.wizard.state->setLanguage(Language::English);
        processLanguageChange();

        // Back to the live test: the plan again, Start on.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_K, Qt::AltModifier);
        QTRY_VERIFY(!page->isShowingReport());
        QVERIFY(!banner->isVisible());
        QCOMPARE(view->model()->rowCount(), planRows);
        QVERIFY(child<QPushButton>(page, "startTest")->isEnabled());

        // Not a report: said, naming the file, and nothing shown.
        const QString rules = dir.filePath(QStringLiteral("rules.json"));
        QFile bad(rules);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"rules\": []}");
        bad.close();
        FileDialog::instance()->setNextFileName(rules);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J, Qt::AltModifier);
        QTRY_COMPARE(child<MessageBanner>(page, "liveTestBanner")->kind(), MessageBanner::Kind::Error);
        QVERIFY(child<MessageBanner>(page, "liveTestBanner")->text().contains(QStringLiteral("rules.json")));
        QVERIFY(!page->isShowingReport());
    }

    // Comparing with a report of another scenario asks first; Escape keeps the comparison off.
    void baselineOfAnotherScenarioAsks()
    {
        QVERIFY(!m_cliReport.isEmpty());
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        QVERIFY(QTest::qWaitForWindowActive(f.wizard.wizard.get()));
        QTemporaryDir dir;
        QJsonObject other = m_cliReport;
        QJsonObject scenario = other.value(QStringLiteral("scenario")).toObject();
        scenario.insert(QStringLiteral("region"), QStringLiteral("westeurope"));
        other.insert(QStringLiteral("scenario"), scenario);
        const QString path = dir.filePath(QStringLiteral("westeurope.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(other).toJson());
        file.close();

        QString asked;
        QTimer::singleShot(0, [&asked] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                QApplication::setActiveWindow(box);
                asked = box->text() + u'\n' + box->informativeText();
                QTest::keyClick(box, Qt::Key_Escape);
            }
        });
        FileDialog::instance()->setNextFileName(path);
        QTest::mouseClick(child<QPushButton>(page, "compareBaseline"), Qt::LeftButton);
        QVERIFY2(asked.contains(QStringLiteral("westeurope.json")), qPrintable(asked));
        QVERIFY2(asked.contains(QStringLiteral("region: westeurope then, japaneast now")), qPrintable(asked));
        QVERIFY(!page->session()->model()->baseline().has_value());

        QTimer::singleShot(0, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                QApplication::setActiveWindow(box);
                QTest::keyClick(box, Qt::Key_A, Qt::AltModifier); // Compare anyway
            }
        });
        FileDialog::instance()->setNextFileName(path);
        QTest::mouseClick(child<QPushButton>(page, "compareBaseline"), Qt::LeftButton);
        QVERIFY(page->session()->model()->baseline().has_value());

        // The same scenario: no question.
        const QString same = dir.filePath(QStringLiteral("same.json"));
        QFile sameFile(same);
        QVERIFY(sameFile.open(QIODevice::WriteOnly));
        sameFile.write(QJsonDocument(m_cliReport).toJson());
        sameFile.close();
        bool questioned = false;
        QTimer::singleShot(0, [&questioned] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                questioned = true;
                QTest::keyClick(box, Qt::Key_Escape);
            }
        });
        QVERIFY(reportBar(page)->loadBaselineFrom(same));
        QVERIFY(!questioned);
    }

    // More options › Redirect: the CLI's --resolve and --connect-to rules typed one a line take the
    // place of the rig's base options; a wrong line is named; the rules are kept per profile.
    void redirectOption()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        FirewallWizard *w = f.wizard.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        configure(page, 2);
        page->setBaseOptions(ProbeOptions()); // no pins but the user's
        QTest::mouseClick(child<QToolButton>(page, "moreOptions"), Qt::LeftButton);
        QPlainTextEdit *redirect = child<QPlainTextEdit>(page, "redirect");
        QVERIFY(redirect->isVisible());
        redirect->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), redirect);
        const QStringList rules = m_rig.connectTo();
        for (int i = 0; i < rules.size(); ++i) {
            // The option name is optional: four fields connect elsewhere.
            QTest::keyClicks(QApplication::focusWidget(),
                             i == 0 ? QStringLiteral("--connect-to ") + rules.at(i) : rules.at(i));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        }
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("--resolve ") + LiveTestRig::pinAll());
        QVERIFY(!child<QLabel>(page, "redirectProblem")->isVisible());
        QVERIFY2(child<ElidedLabel>(page, "optionsSummary")->fullText().contains(QStringLiteral("6 redirects")),
                 qPrintable(child<ElidedLabel>(page, "optionsSummary")->fullText()));
        const auto options = page->probeOptions();
        QVERIFY(options);
        QCOMPARE(options->connectTo.size(), rules.size());
        QCOMPARE(options->resolve.size(), 1);

        // A wrong line: named under the field and when Start is pressed; nothing starts.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("ml.azure.com:https:127.0.0.1"));
        QVERIFY(child<QLabel>(page, "redirectProblem")->isVisible());
        QVERIFY2(child<QLabel>(page, "redirectProblem")->text().startsWith(QStringLiteral("Redirect, line 7:")),
                 qPrintable(child<QLabel>(page, "redirectProblem")->text()));
        QVERIFY(!page->startTest());
        QVERIFY(child<MessageBanner>(page, "liveTestBanner")->text().contains(QStringLiteral("Redirect, line 7:")));
        for (int i = 0; i < 28; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
        QVERIFY(!child<QLabel>(page, "redirectProblem")->isVisible());
        QTest::mouseClick(child<QToolButton>(page, "moreOptions"), Qt::LeftButton);

        // The run goes where the lines say: the same verdicts as with the rig's own pins.
        QVERIFY(runToEnd(page));
        for (const ProbeResult &r : page->session()->model()->results())
            QCOMPARE(probeStatusId(r.status), expectedStatus(r));

        // Kept for this profile (answers from no profile) and not for another.
        const QString typed = redirect->toPlainText();
        QCOMPARE(f.wizard.settings->liveTestRedirects(QString()), typed);
        f.wizard.state->setProfileTitle(QStringLiteral("Tokyo workshop"));
        QCOMPARE(redirect->toPlainText(), QString());
        QVERIFY(!child<ElidedLabel>(page, "optionsSummary")->fullText().contains(QStringLiteral("redirect")));
        f.wizard.state->setProfileTitle(QString());
        QCOMPARE(redirect->toPlainText(), typed);
        f.wizard.recreate(Language::English, false);
        f.wizard.state->setAnswers(LiveTestRig::answers());
        f.wizard.wizard->advanceToRules();
        clickNext(f.wizard.wizard.get());
        auto *again = qobject_cast<LiveTestPage *>(f.wizard.wizard->currentPage());
        QVERIFY(again);
        QCOMPARE(child<QPlainTextEdit>(again, "redirect")->toPlainText(), typed);
    }

    void keyboardAndAccessibility()
    {
        Fixture f(m_rig);
        LiveTestPage *page = f.page;
        configure(page, 0); // the silent endpoint keeps the run open for 5 s
        FirewallWizard *w = f.wizard.wizard.get();
        QVERIFY(QTest::qWaitForWindowActive(w));
        // Alt+S starts (the mnemonic), Alt+C stops; mnemonics click with an animation.
        QSignalSpy started(page, &LiveTestPage::testStarted);
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : w, Qt::Key_S, Qt::AltModifier);
        QTRY_COMPARE(started.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(page->session()->counts().done > 0, 10000);
        QVERIFY(page->session()->isRunning());
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : w, Qt::Key_C, Qt::AltModifier);
        QTRY_VERIFY(!page->session()->isRunning());
        QVERIFY(page->session()->counts().cancelled > 0);
        QVERIFY(w->isVisible());
        // The status is said in words for screen readers, not by colour.
        const QModelIndex status
            = child<QTreeView>(page, "liveTestView")->model()->index(0, ProbeResultModel::StatusColumn);
        QVERIFY(status.data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(status.data(ProbeResultModel::StatusIdRole).toString()));
    }
};

QTEST_MAIN(TestLiveTestPage)
#include "tst_livetestpage.moc"
