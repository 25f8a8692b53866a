#pragma once

#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QPushButton;

namespace amlfw {

class MessageBanner;
class ProbeSession;
class WizardSettings;
class WizardState;

// The evidence of a live test: saves its report (HTML, JSON, CSV, PDF, as "amlfw check" writes them) and
// compares the rows with the JSON report of an earlier run.
class LiveTestReportBar : public QWidget
{
    Q_OBJECT

public:
    enum class ReportFormat { Html, Json, Csv, Pdf };

    // `settings` may be null (no folder remembered).
    LiveTestReportBar(ProbeSession *session, WizardState *state, WizardSettings *settings, QWidget *parent = nullptr);

    // The report of the last run, in the language of the moment.
    QByteArray reportData(ReportFormat format) const;
    bool saveReport(ReportFormat format); // asks for a file (FileDialog seam); writes atomically
    QString lastReportPath() const { return m_lastReportPath; }
    bool loadBaseline(); // asks for a JSON report of an earlier run
    bool loadBaselineFrom(const QString &path);
    void clearBaseline();

    void updateControls();
    QList<QWidget *> focusOrder() const;

    // "Open a JSON report…": asks for a saved report and hands it to the page (reportChosen); while
    // the page shows one, saving and comparing are off (they are about this computer's run).
    bool chooseReport();
    void setShowingReport(bool showing);

Q_SIGNALS:
    void baselineChanged();
    void reportSaved();
    void reportChosen(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateBaselineLabel();
    void showMessage(int kind, std::function<QString()> text); // kept, so that it follows the language
    QString suggestedName(ReportFormat format) const;
    // A baseline of another scenario or edition: asks whether to compare anyway.
    bool confirmOtherScenario(const QString &path, const QStringList &differences);
    QString formatName(ReportFormat format) const;

    ProbeSession *m_session;
    WizardState *m_state;
    WizardSettings *m_settings;
    QString m_lastReportPath;

    QPushButton *m_saveReport;
    QAction *m_saveHtml;
    QAction *m_saveJson;
    QAction *m_saveCsv;
    QAction *m_savePdf;
    QPushButton *m_compare;
    QLabel *m_baselineLabel;
    QPushButton *m_clearComparison;
    MessageBanner *m_banner;
    std::function<QString()> m_bannerText;
    QPushButton *m_openFolder;

    QPushButton *m_openReport = nullptr; // its own block: a saved report shown in the page
    bool m_showingReport = false;
};

} // namespace amlfw
