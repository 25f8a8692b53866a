#pragma once

#include "probeoptions.h"
#include "proberesult.h"
#include "statepage.h"

#include <QHash>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableWidget;
class QTextBrowser;
class QToolButton;
class QTreeView;
class QWidget;

namespace amlfw {

class HostResolver;
class LiveResultFilterModel;
class MessageBanner;
class ProbeEngine;
class ProbeResultModel;
class WizardSettings;

// "Test from this computer": tests every endpoint of the rules live (DNS, TCP, TLS, HTTP, through
// the proxy), with the same engine, table model, words and reports as "amlfw check". Optional in
// the flow: Next works without a test. The engine runs on the GUI thread's event loop; nothing here
// blocks.
class LiveTestPage : public StatePage
{
    Q_OBJECT

public:
    enum class ReportFormat { Html, Json, Csv };

    // What the table says so far. done = ok + failed (cancelled and TLS inspection count as failed);
    // done + running + pending = testable; testable + notTestable = total.
    struct Counts
    {
        int total = 0;
        int testable = 0;
        int done = 0;
        int ok = 0;
        int failed = 0;
        int cancelled = 0;
        int notTestable = 0;
        int running = 0;
        int pending = 0;
    };

    // `settings` may be null (nothing remembered).
    LiveTestPage(WizardState *state, WizardSettings *settings, QWidget *parent = nullptr);
    ~LiveTestPage() override;

    QString stepName() const override;
    void initializePage() override;
    bool isComplete() const override;

    // Seams, for tests and for names the user's DNS does not know yet: the resolver the engine asks
    // (not owned; nullptr: the system's), and the options the page does not ask for (--resolve and
    // --connect-to pins, as the CLI takes them). The page's fields refine the base options: proxy,
    // timeouts (when not "default"), concurrency, extra CA certificates and samples.
    void setResolver(HostResolver *resolver);
    HostResolver *resolver() const { return m_resolver; }
    void setBaseOptions(const ProbeOptions &options);
    const ProbeOptions &baseOptions() const { return m_baseOptions; }

    // The options the fields describe; nullopt, with the reasons in *problems, when a field is wrong.
    std::optional<ProbeOptions> probeOptions(Problems *problems = nullptr) const;

    // Start plans the current rule set afresh; false when nothing started (the banner says why).
    bool startTest();
    void cancelTest();
    bool retryFailed(); // the failed and cancelled rows only, with the options as they are now
    bool isRunning() const;
    bool hasResults() const;
    Counts counts() const;

    // The report of the last run (JSON like "amlfw check --format json"), in the page's language.
    QByteArray reportData(ReportFormat format) const;
    bool saveReport(ReportFormat format); // asks for a file (FileDialog seam); writes atomically
    QString lastReportPath() const { return m_lastReportPath; }
    bool loadBaseline(); // asks for a JSON report of an earlier run
    bool loadBaselineFrom(const QString &path);
    void clearBaseline();

    // Wildcards and service tags the rules name without a host to test: the user gives one each.
    QStringList sampleDestinations() const { return m_sampleDestinations; }
    void setSampleHost(const QString &destination, const QString &host);
    QString sampleHost(const QString &destination) const { return m_samples.value(destination); }

    ProbeEngine *engine() const { return m_engine.get(); }
    ProbeResultModel *resultModel() const { return m_model; }
    LiveResultFilterModel *filterModel() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    QTextBrowser *details() const { return m_details; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *retryButton() const { return m_retry; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *countsLabel() const { return m_counts; }
    QCheckBox *failuresOnlyBox() const { return m_failuresOnly; }
    QComboBox *proxyModeBox() const { return m_proxyMode; }
    QLineEdit *proxyUrlField() const { return m_proxyUrl; }
    QLineEdit *proxyUserField() const { return m_proxyUser; }
    QLineEdit *proxyPasswordField() const { return m_proxyPassword; }
    QToolButton *moreOptionsButton() const { return m_moreOptions; }
    QLineEdit *caBundleField() const { return m_caBundle; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QSpinBox *concurrencyBox() const { return m_concurrency; }
    QTableWidget *samplesTable() const { return m_samplesTable; }
    QPushButton *saveReportButton() const { return m_saveReport; }
    QAction *saveReportAction(ReportFormat format) const;
    QPushButton *compareButton() const { return m_compare; }
    QPushButton *clearComparisonButton() const { return m_clearComparison; }
    QLabel *baselineLabel() const { return m_baselineLabel; }
    MessageBanner *banner() const { return m_banner; }
    MessageBanner *reportBanner() const { return m_reportBanner; }
    QPushButton *openFolderButton() const { return m_openFolder; }

Q_SIGNALS:
    void testStarted();
    void testFinished();

protected:
    void retranslateUi() override;

private:
    void createEngine();
    void ruleSetChanged();
    void refreshSamples();
    void sampleEdited(int row, int column);
    void updateControls();
    void updateCounts();
    void updateDetails();
    void updateOptionsSummary();
    void updateBaselineLabel();
    void updateProxyFields();
    void moveUrlCredentials();
    void validateFields();
    void loadSettings();
    void saveSettings();
    void chooseCaBundle();
    void showBanner(int kind, std::function<QString()> text); // kept, so that it follows the language
    void clearBanner();
    void showReportBanner(int kind, std::function<QString()> text);
    QString suggestedReportName(ReportFormat format) const;
    QString reportFormatName(ReportFormat format) const;
    QStringList planSignature(const RuleSet &set, const ProbeOptions &options) const;

    WizardSettings *m_settings;
    HostResolver *m_resolver = nullptr;
    ProbeOptions m_baseOptions;
    ProbeOptions m_runOptions;  // of the last start or retry, for the report
    QStringList m_runSignature; // the endpoints of the last start: the scenario the results are for
    std::unique_ptr<ProbeEngine> m_engine;
    ProbeResultModel *m_model;
    LiveResultFilterModel *m_filter;
    QStringList m_sampleDestinations;
    QHash<QString, QString> m_samples; // destination -> host the user gave
    QString m_lastReportPath;
    bool m_loading = false;

    QLabel *m_proxyLabel;
    QComboBox *m_proxyMode;
    QLabel *m_proxyUrlLabel;
    QLineEdit *m_proxyUrl;
    QLabel *m_proxyUserLabel;
    QLineEdit *m_proxyUser;
    QLabel *m_proxyPasswordLabel;
    QLineEdit *m_proxyPassword;
    QLabel *m_proxyHint;
    QWidget *m_credentials;
    QLabel *m_passwordNote;
    QToolButton *m_moreOptions;
    QLabel *m_optionsSummary;
    QWidget *m_optionsPanel;
    QLabel *m_samplesLabel;
    QTableWidget *m_samplesTable;
    QLabel *m_noSamplesLabel;
    QLabel *m_caBundleLabel;
    QLineEdit *m_caBundle;
    QPushButton *m_browseCa;
    QLabel *m_timeoutLabel;
    QSpinBox *m_timeout;
    QLabel *m_concurrencyLabel;
    QSpinBox *m_concurrency;
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
    QPushButton *m_saveReport;
    QAction *m_saveHtml;
    QAction *m_saveJson;
    QAction *m_saveCsv;
    QPushButton *m_compare;
    QLabel *m_baselineLabel;
    QPushButton *m_clearComparison;
    MessageBanner *m_reportBanner;
    std::function<QString()> m_reportBannerText;
    QPushButton *m_openFolder;
};

} // namespace amlfw
