#pragma once

#include "probeoptions.h"
#include "proberun.h"
#include "problem.h"
#include "statepage.h"

#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTextBrowser;
class QTreeView;

namespace amlfw {

class HostResolver;
class LiveResultFilterModel;
class LiveTestDemo;
class LiveTestOptions;
class LiveTestReportBar;
class LiveTestTableActions;
class MessageBanner;
class ProbeResultModel;
class ProbeSession;
class WizardSettings;

// "Test from this computer": tests every endpoint of the rules live (DNS, TCP, TLS, HTTP, through
// the proxy), with the same engine, table model, words and reports as "amlfw check". Optional in
// the flow: Next works without a test. Composes the options (LiveTestOptions), the run
// (ProbeSession, on the GUI thread's event loop: nothing here blocks), the table with its details,
// and the report bar (LiveTestReportBar).
class LiveTestPage : public StatePage
{
    Q_OBJECT

public:
    // `settings` may be null (nothing remembered).
    LiveTestPage(WizardState *state, WizardSettings *settings, QWidget *parent = nullptr);
    ~LiveTestPage() override;

    QString stepName() const override;
    void initializePage() override;
    bool isComplete() const override;

    // Seams, for tests and for names the user's DNS does not know yet: the resolver the engine asks
    // (not owned; nullptr: the system's), and the options the page does not ask for (--resolve and
    // --connect-to pins, as the CLI takes them).
    void setResolver(HostResolver *resolver);
    void setBaseOptions(const ProbeOptions &options);
    // The options the fields describe; nullopt, with the reasons in *problems, when a field is wrong.
    std::optional<ProbeOptions> probeOptions(Problems *problems = nullptr) const;

    // Start plans the current rule set afresh; false when nothing started (the banner says why).
    bool startTest();
    void cancelTest();
    bool retryFailed(); // the failed and cancelled rows only, with the options as they are now
    // `rows` (of the session's model) and the rows sharing their endpoints, with the options as they are now.
    bool retestRows(const QList<int> &rows);
    ProbeSession *session() const { return m_session; }
    QString unsavedWork() const override; // results of a run not saved as a report

    // A saved JSON report ("amlfw check --format json") shown in the table, read-only, with its
    // machine, time and scenario; false, the banner saying why, when the file is not one.
    // closeReport() goes back to the live state (the plan or the last run), which it never touched.
    bool openReport(const QString &path);
    void closeReport();
    bool isShowingReport() const { return m_report.has_value(); }
    // The rows the table shows: the open report's, else the run's, else the plan (what a start
    // would test, as Pending and Not testable rows). The same model and columns for all three.
    ProbeResultModel *shownModel() const;

Q_SIGNALS:
    void testStarted();
    void testFinished();

protected:
    void retranslateUi() override;

private:
    // The options of a retry or a retest (a run on the demo network stays there); problems said.
    std::optional<ProbeOptions> optionsForAnotherRound();
    void buildResults();
    void ruleSetChanged();
    void baselineChanged();
    void updateControls();
    void updateCounts();
    void updateDetails();
    void fitColumns(); // the columns fit the view's width (no sideways scrolling) until the user sizes one
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showOptionProblems(const Problems &problems, bool replan);
    void showBanner(int kind, std::function<QString()> text); // kept, so that it follows the language
    void clearBanner();
    void warnDemoBaseline(bool demo); // a demo run against a real baseline, or the other way round

    // The endpoint list before a run, the table's menu, and a saved report shown (issue 11).
    void buildReportView();
    void refreshPlan();
    void showRows(); // the table follows shownModel()
    void updateReportBanner();
    QString reportCounts() const;

    WizardSettings *m_settings;
    ProbeSession *m_session;
    LiveResultFilterModel *m_filter;

    LiveTestOptions *m_options;
    LiveTestDemo *m_demo;               // the demo network's check box and DEMO strip
    HostResolver *m_resolver = nullptr; // the resolver of real runs (setResolver)
    QPushButton *m_start;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QProgressBar *m_progress;
    QLabel *m_counts;
    QCheckBox *m_failuresOnly;
    MessageBanner *m_banner;
    std::function<QString()> m_bannerText;
    QSplitter *m_splitter;
    QTreeView *m_view;
    QTextBrowser *m_details;
    LiveTestReportBar *m_reportBar;
    QObject *m_resultsViewport = nullptr; // compared with, never called
    bool m_userSizedColumns = false;
    bool m_fittingColumns = false;
    bool m_reportSaved = false; // the last run's results are in a file

    ProbeResultModel *m_planModel = nullptr;   // what a start would test
    ProbeResultModel *m_reportModel = nullptr; // the open report's rows
    std::optional<ProbeRun> m_report;
    QString m_reportPath;
    MessageBanner *m_reportBanner = nullptr;
    QPushButton *m_closeReport = nullptr;
    LiveTestTableActions *m_tableActions = nullptr;
};

} // namespace amlfw
