#include "livetestreportbar.h"

#include "atomicfile.h"
#include "filedialog.h"
#include "messagebanner.h"
#include "probereport.h"
#include "proberesultmodel.h"
#include "probesession.h"
#include "reportpdf.h"
#include "wizardsettings.h"
#include "wizardstate.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace amlfw {

LiveTestReportBar::LiveTestReportBar(ProbeSession *session, WizardState *state, WizardSettings *settings,
                                     QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_state(state)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("liveTestReportBar"));
    m_saveReport = new QPushButton(this);
    m_saveReport->setObjectName(QStringLiteral("saveReport"));
    m_saveReport->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_saveReport->setAutoDefault(false);
    auto *saveMenu = new QMenu(m_saveReport);
    m_saveHtml = saveMenu->addAction(QString());
    m_saveHtml->setObjectName(QStringLiteral("saveReportHtml"));
    m_saveJson = saveMenu->addAction(QString());
    m_saveJson->setObjectName(QStringLiteral("saveReportJson"));
    m_saveCsv = saveMenu->addAction(QString());
    m_saveCsv->setObjectName(QStringLiteral("saveReportCsv"));
    m_savePdf = saveMenu->addAction(QString());
    m_savePdf->setObjectName(QStringLiteral("saveReportPdf"));
    m_saveReport->setMenu(saveMenu);
    m_compare = new QPushButton(this);
    m_compare->setObjectName(QStringLiteral("compareBaseline"));
    m_compare->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_compare->setAutoDefault(false);
    m_baselineLabel = new QLabel(this);
    m_baselineLabel->setObjectName(QStringLiteral("baselineLabel"));
    m_baselineLabel->setWordWrap(true);
    m_baselineLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clearComparison = new QPushButton(this);
    m_clearComparison->setObjectName(QStringLiteral("clearBaseline"));
    m_clearComparison->setAutoDefault(false);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("reportBanner"));
    m_openFolder = new QPushButton(m_banner);
    m_openFolder->setObjectName(QStringLiteral("openReportFolder"));
    m_openFolder->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
    m_openFolder->setAutoDefault(false);
    m_banner->addWidget(m_openFolder);

    auto *row = new QHBoxLayout;
    row->addWidget(m_saveReport);
    row->addWidget(m_compare);
    row->addWidget(m_baselineLabel, 1);
    row->addWidget(m_clearComparison);

    // ---- a saved report, shown in the page
    m_openReport = new QPushButton(this);
    m_openReport->setObjectName(QStringLiteral("openReport"));
    m_openReport->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    m_openReport->setAutoDefault(false);
    row->addWidget(m_openReport);
    connect(m_openReport, &QPushButton::clicked, this, [this] { chooseReport(); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(row);
    layout->addWidget(m_banner);
    const QList<QWidget *> order = focusOrder();
    for (qsizetype i = 0; i + 1 < order.size(); ++i)
        setTabOrder(order.at(i), order.at(i + 1));

    connect(m_saveHtml, &QAction::triggered, this, [this] { saveReport(ReportFormat::Html); });
    connect(m_saveJson, &QAction::triggered, this, [this] { saveReport(ReportFormat::Json); });
    connect(m_saveCsv, &QAction::triggered, this, [this] { saveReport(ReportFormat::Csv); });
    connect(m_savePdf, &QAction::triggered, this, [this] { saveReport(ReportFormat::Pdf); });
    connect(m_compare, &QPushButton::clicked, this, [this] { loadBaseline(); });
    connect(m_clearComparison, &QPushButton::clicked, this, &LiveTestReportBar::clearBaseline);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        if (!m_lastReportPath.isEmpty())
            FileDialog::instance()->openFolder(QFileInfo(m_lastReportPath).absolutePath());
    });
    // A new run or scenario: what was said of the last report no longer applies.
    for (auto signal : {&ProbeSession::started, &ProbeSession::cleared}) {
        connect(m_session, signal, this, [this] {
            m_bannerText = {};
            m_banner->clearMessage();
            updateControls();
        });
    }
    connect(m_session, &ProbeSession::finished, this, &LiveTestReportBar::updateControls);
    retranslateUi();
    updateControls();
}

QList<QWidget *> LiveTestReportBar::focusOrder() const
{
    return {m_saveReport, m_compare, m_clearComparison, m_openReport, m_openFolder};
}

void LiveTestReportBar::updateControls()
{
    m_saveReport->setEnabled(!m_session->isRunning() && m_session->hasResults() && !m_showingReport);
    m_compare->setEnabled(!m_showingReport);
    m_clearComparison->setVisible(m_session->model()->baseline().has_value());
    m_clearComparison->setEnabled(!m_showingReport);
    if (m_openReport)
        m_openReport->setEnabled(!m_session->isRunning());
}

void LiveTestReportBar::showMessage(int kind, std::function<QString()> text)
{
    m_bannerText = std::move(text);
    m_banner->showMessage(MessageBanner::Kind(kind), m_bannerText());
}

QByteArray LiveTestReportBar::reportData(ReportFormat format) const
{
    // The same scenario as the results (else they were cleared), in today's language.
    const ProbeRun run = m_session->run(m_state->ruleSet());
    switch (format) {
    case ReportFormat::Html:
        return ProbeReport::html(run, m_state->language());
    case ReportFormat::Json:
        return ProbeReport::json(run, m_state->language());
    case ReportFormat::Csv:
        return ProbeReport::csv(run, true); // a file: with the byte order mark Excel needs
    case ReportFormat::Pdf: {
        // The HTML report printed by Qt (no browser), on this computer's paper.
        ReportPdf::Options options;
        options.pageSize = ReportPdf::pageSizeFor(QLocale::system());
        options.title = ProbeReport::title(run, m_state->language());
        options.footer = QStringLiteral("amlfw check — ") + run.vantage.hostName + QStringLiteral(" — ")
                         + run.vantage.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        return ReportPdf::write(QString::fromUtf8(ProbeReport::html(run, m_state->language())), options);
    }
    }
    return {};
}

QString LiveTestReportBar::formatName(ReportFormat format) const
{
    switch (format) {
    case ReportFormat::Html:
        return tr("HTML report");
    case ReportFormat::Json:
        return tr("JSON report");
    case ReportFormat::Csv:
        return tr("CSV report");
    case ReportFormat::Pdf:
        return tr("PDF report");
    }
    return {};
}

QString LiveTestReportBar::suggestedName(ReportFormat format) const
{
    const Answers &a = m_state->answers();
    QString base = QStringLiteral("amlfw-check");
    if (m_state->isRegionValid())
        base += u'-' + a.region;
    if (m_state->isStorageValid())
        base += u'-' + a.storage;
    const QDateTime startedAt = m_session->startedAt();
    const QDateTime when = startedAt.isValid() ? startedAt : QDateTime::currentDateTimeUtc();
    base += u'-' + when.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    switch (format) {
    case ReportFormat::Html:
        return base + QStringLiteral(".html");
    case ReportFormat::Json:
        return base + QStringLiteral(".json");
    case ReportFormat::Csv:
        return base + QStringLiteral(".csv");
    case ReportFormat::Pdf:
        return base + QStringLiteral(".pdf");
    }
    return base;
}

bool LiveTestReportBar::saveReport(ReportFormat format)
{
    if (m_session->isRunning() || !m_session->hasResults())
        return false;
    const QString directory = FileDialog::startDirectory(
        QString(), m_settings ? m_settings->lastDirectory(WizardSettings::Folder::LiveTestReport) : QString());
    QString filter;
    switch (format) {
    case ReportFormat::Html:
        filter = tr("HTML files (*.html)");
        break;
    case ReportFormat::Json:
        filter = tr("JSON files (*.json)");
        break;
    case ReportFormat::Csv:
        filter = tr("CSV files (*.csv)");
        break;
    case ReportFormat::Pdf:
        filter = tr("PDF files (*.pdf)");
        break;
    }
    const QString path = FileDialog::instance()->getSaveFileName(this, tr("Save the %1").arg(formatName(format)),
                                                                 QDir(directory).filePath(suggestedName(format)),
                                                                 FileDialog::withAllFiles(filter));
    if (path.isEmpty())
        return false; // cancelled
    QString error;
    if (!writeFileAtomically(path, reportData(format), &error)) {
        m_openFolder->hide();
        showMessage(int(MessageBanner::Kind::Error),
                    [error]() -> QString { return tr("Nothing was written. %1").arg(error); });
        return false;
    }
    m_lastReportPath = QFileInfo(path).absoluteFilePath();
    if (m_settings)
        m_settings->setLastDirectory(WizardSettings::Folder::LiveTestReport, QFileInfo(path).absolutePath());
    m_openFolder->show();
    showMessage(int(MessageBanner::Kind::Success), [this, format]() -> QString {
        return tr("Saved the %1 to %2").arg(formatName(format), QDir::toNativeSeparators(m_lastReportPath));
    });
    Q_EMIT reportSaved();
    return true;
}

bool LiveTestReportBar::loadBaseline()
{
    const QString directory = FileDialog::startDirectory(
        QString(), m_settings ? m_settings->lastDirectory(WizardSettings::Folder::LiveTestReport) : QString());
    const QString path
        = FileDialog::instance()->getOpenFileName(this, tr("Compare with an earlier run"), directory,
                                                  FileDialog::withAllFiles(tr("JSON reports of amlfw check (*.json)")));
    if (path.isEmpty())
        return false;
    return loadBaselineFrom(path);
}

bool LiveTestReportBar::loadBaselineFrom(const QString &path)
{
    QString error;
    const auto baseline = ProbeBaseline::fromFile(path, &error);
    if (baseline) {
        const QStringList differences = baseline->scenarioDifferences(m_state->ruleSet());
        if (!differences.isEmpty() && !confirmOtherScenario(path, differences))
            return false;
    }
    if (!baseline) {
        m_openFolder->hide();
        // Core's message is in the language of the moment; say it again after a switch.
        showMessage(int(MessageBanner::Kind::Error), [path]() -> QString {
            QString again;
            ProbeBaseline::fromFile(path, &again);
            return tr("Cannot compare: %1").arg(again);
        });
        return false;
    }
    m_bannerText = {};
    m_banner->clearMessage();
    m_session->model()->setBaseline(baseline);
    if (m_settings)
        m_settings->setLastDirectory(WizardSettings::Folder::LiveTestReport, QFileInfo(path).absolutePath());
    updateBaselineLabel();
    Q_EMIT baselineChanged();
    return true;
}

bool LiveTestReportBar::confirmOtherScenario(const QString &path, const QStringList &differences)
{
    QMessageBox box(QMessageBox::Question, tr("Compare with another scenario?"),
                    tr("The earlier run in %1 tested another scenario:").arg(QFileInfo(path).fileName()),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("otherScenarioQuestion"));
    box.setInformativeText(QStringLiteral("• ") + differences.join(QStringLiteral("\n• ")) + QStringLiteral("\n\n")
                           + tr("Rows of other rules show as new or no longer tested, and a row's change may come "
                                "from the scenario rather than from the firewall."));
    QPushButton *go = box.addButton(tr("Compare &anyway"), QMessageBox::AcceptRole);
    go->setObjectName(QStringLiteral("compareAnyway"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == go;
}

// ---- a saved report, shown in the page

bool LiveTestReportBar::chooseReport()
{
    if (m_session->isRunning())
        return false;
    const QString directory = FileDialog::startDirectory(
        QString(), m_settings ? m_settings->lastDirectory(WizardSettings::Folder::LiveTestReport) : QString());
    const QString path
        = FileDialog::instance()->getOpenFileName(this, tr("Open a saved report"), directory,
                                                  FileDialog::withAllFiles(tr("JSON reports of amlfw check (*.json)")));
    if (path.isEmpty())
        return false;
    if (m_settings)
        m_settings->setLastDirectory(WizardSettings::Folder::LiveTestReport, QFileInfo(path).absolutePath());
    Q_EMIT reportChosen(path);
    return true;
}

void LiveTestReportBar::setShowingReport(bool showing)
{
    m_showingReport = showing;
    updateControls();
}

void LiveTestReportBar::clearBaseline()
{
    m_session->model()->setBaseline(std::nullopt);
    updateBaselineLabel();
    Q_EMIT baselineChanged();
}

void LiveTestReportBar::updateBaselineLabel()
{
    const auto &baseline = m_session->model()->baseline();
    if (!baseline) {
        m_baselineLabel->setText(tr("See what a change fixed: compare with the JSON report of an earlier run."));
        m_baselineLabel->setForegroundRole(QPalette::PlaceholderText);
    } else {
        const QString when = baseline->startedAt.isValid()
                                 ? baseline->startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                 : QStringLiteral("-");
        m_baselineLabel->setText(tr("Compared with %1 (run on %2, %3).")
                                     .arg(QFileInfo(baseline->origin).fileName(),
                                          baseline->hostName.isEmpty() ? QStringLiteral("-") : baseline->hostName,
                                          when));
        m_baselineLabel->setForegroundRole(QPalette::WindowText);
    }
    m_baselineLabel->setAccessibleName(m_baselineLabel->text());
    m_clearComparison->setVisible(baseline.has_value());
}

void LiveTestReportBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LiveTestReportBar::retranslateUi()
{
    m_saveReport->setText(tr("Sa&ve report"));
    m_saveReport->setAccessibleName(tr("Save report"));
    m_saveReport->setAccessibleDescription(
        tr("Saves the results as an HTML, JSON, CSV or PDF report: evidence for the change request."));
    m_saveReport->setToolTip(m_saveReport->accessibleDescription());
    m_saveHtml->setText(tr("HTML, for people (one self-contained page)…"));
    m_saveJson->setText(tr("JSON, for tools and to compare with later…"));
    m_saveCsv->setText(tr("CSV, for a spreadsheet or the ticket…"));
    m_savePdf->setText(tr("Save as PDF, to print or attach to the ticket…"));
    m_compare->setText(tr("Com&pare with an earlier run…"));
    m_compare->setAccessibleName(tr("Compare with an earlier run"));
    m_compare->setAccessibleDescription(
        tr("Loads the JSON report of an earlier run and shows, row by row, what was fixed and what now fails."));
    m_compare->setToolTip(m_compare->accessibleDescription());
    m_clearComparison->setText(tr("C&lear comparison"));
    m_clearComparison->setAccessibleName(tr("Clear comparison"));
    m_clearComparison->setAccessibleDescription(tr("Stops comparing with the earlier run."));
    m_clearComparison->setToolTip(m_clearComparison->accessibleDescription());
    m_openReport->setText(tr("Open a &JSON report…"));
    m_openReport->setAccessibleName(tr("Open a JSON report"));
    m_openReport->setAccessibleDescription(
        tr("Shows a saved JSON report of amlfw check in the table, read-only, with its machine, time and scenario."));
    m_openReport->setToolTip(m_openReport->accessibleDescription());
    m_openFolder->setText(tr("Open fol&der"));
    m_openFolder->setAccessibleName(tr("Open folder"));
    m_openFolder->setAccessibleDescription(tr("Shows the folder of the saved report."));
    if (m_bannerText && !m_banner->isHidden())
        m_banner->showMessage(m_banner->kind(), m_bannerText());
    updateBaselineLabel();
}

} // namespace amlfw
