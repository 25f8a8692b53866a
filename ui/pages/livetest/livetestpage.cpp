#include "livetestpage.h"

#include "liveresultfiltermodel.h"
#include "livetestdemo.h"
#include "livetestdetails.h"
#include "livetestoptions.h"
#include "livetestreportbar.h"
#include "livetesttableactions.h"
#include "messagebanner.h"
#include "probeplanner.h"
#include "probereportreader.h"
#include "proberesultmodel.h"
#include "probesession.h"
#include "rulelabels.h"
#include "wizardstate.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QStyle>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace amlfw {

LiveTestPage::LiveTestPage(WizardState *state, WizardSettings *settings, QWidget *parent)
    : StatePage(state, parent)
    , m_settings(settings)
    , m_session(new ProbeSession(this))
    , m_filter(new LiveResultFilterModel(this))
{
    setObjectName(QStringLiteral("liveTestPage"));
    m_filter->setResultModel(m_session->model());

    // The connection first: it decides what the test sees.
    m_options = new LiveTestOptions(state, settings, this);
    m_demo = new LiveTestDemo(this);

    // ---- run controls and progress
    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("startTest"));
    m_start->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelTest"));
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_retry = new QPushButton(this);
    m_retry->setObjectName(QStringLiteral("retryFailed"));
    m_retry->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    for (QPushButton *b : {m_start, m_cancel, m_retry})
        b->setAutoDefault(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("testProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%v / %m"));
    m_progress->setTextVisible(true);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("testCounts"));
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counts->setWordWrap(true);
    m_failuresOnly = new QCheckBox(this);
    m_failuresOnly->setObjectName(QStringLiteral("failuresOnly"));
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("liveTestBanner"));

    buildResults();
    m_reportBar = new LiveTestReportBar(m_session, state, settings, this);
    buildReportView();

    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_start);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_retry);
    runRow->addSpacing(8);
    runRow->addWidget(m_progress, 1);
    auto *countsRow = new QHBoxLayout;
    countsRow->addWidget(m_counts, 1);
    countsRow->addWidget(m_failuresOnly, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    layout->addWidget(m_options);
    layout->addWidget(m_demo);
    layout->addLayout(runRow);
    layout->addLayout(countsRow);
    layout->addWidget(m_banner);
    layout->addWidget(m_reportBanner);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_reportBar);

    const QList<QWidget *> tabOrder = m_options->focusOrder()
                                      + QList<QWidget *>{m_demo->checkBox(), m_start, m_cancel, m_retry,
                                                         m_failuresOnly, m_closeReport, m_view, m_details}
                                      + m_reportBar->focusOrder();
    for (qsizetype i = 0; i + 1 < tabOrder.size(); ++i)
        setTabOrder(tabOrder.at(i), tabOrder.at(i + 1));

    connect(m_options, &LiveTestOptions::samplesChanged, this, [this] {
        refreshPlan();
        if (!m_session->hasResults())
            updateCounts();
    });
    connect(m_start, &QPushButton::clicked, this, [this] { startTest(); });
    connect(m_cancel, &QPushButton::clicked, this, &LiveTestPage::cancelTest);
    connect(m_retry, &QPushButton::clicked, this, [this] { retryFailed(); });
    connect(m_failuresOnly, &QCheckBox::toggled, m_filter, &LiveResultFilterModel::setFailuresOnly);
    connect(m_demo->checkBox(), &QCheckBox::toggled, m_options, &LiveTestOptions::setDemo);
    m_options->setDemo(m_demo->isChecked());
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LiveTestPage::updateDetails);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LiveTestPage::updateDetails);
    connect(m_session, &ProbeSession::resultChanged, this, [this](int row) {
        updateCounts();
        if (shownModel() == m_session->model() && m_filter->sourceRow(m_view->currentIndex().row()) == row)
            updateDetails();
    });
    // Demo results carry their label as long as they are shown.
    connect(m_session, &ProbeSession::started, this,
            [this] { m_demo->showResultsAreDemo(m_session->runOptions().demo); });
    connect(m_session, &ProbeSession::cleared, this, [this] { m_demo->showResultsAreDemo(false); });
    connect(m_session, &ProbeSession::finished, this, [this] {
        m_reportSaved = false;
        updateCounts();
        updateDetails();
        Q_EMIT testFinished();
    });
    connect(m_reportBar, &LiveTestReportBar::baselineChanged, this, &LiveTestPage::baselineChanged);
    connect(m_reportBar, &LiveTestReportBar::reportSaved, this, [this] { m_reportSaved = true; });
    connect(state, &WizardState::ruleSetChanged, this, &LiveTestPage::ruleSetChanged);
    connect(m_session, &ProbeSession::started, this, &LiveTestPage::showRows);
    connect(m_session, &ProbeSession::cleared, this, &LiveTestPage::refreshPlan);

    refreshPlan();
    retranslateUi();
}

LiveTestPage::~LiveTestPage() = default;

void LiveTestPage::buildResults()
{
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("liveTestView"));
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setSortingEnabled(true);
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder); // the rules' order until the user sorts
    m_view->header()->setStretchLastSection(true);
    m_view->setIconSize(QSize(16, 16));
    // The details pane says the rest; these columns would only be cut off at this width.
    for (int c : {ProbeResultModel::AddressesColumn, ProbeResultModel::PathColumn, ProbeResultModel::DetailColumn,
                  ProbeResultModel::ExplanationColumn, ProbeResultModel::ChangeColumn})
        m_view->setColumnHidden(c, true);
    QHeaderView *header = m_view->header();
    // Status and change first, then what was tested against what the rule says.
    const QList<int> order{ProbeResultModel::StatusColumn, ProbeResultModel::ChangeColumn,
                           ProbeResultModel::HostColumn,   ProbeResultModel::PortColumn,
                           ProbeResultModel::TimeColumn,   ProbeResultModel::DestinationColumn,
                           ProbeResultModel::RuleColumn};
    for (int visual = 0; visual < order.size(); ++visual)
        header->moveSection(header->visualIndex(order.at(visual)), visual);
    fitColumns();
    m_resultsViewport = m_view->viewport();
    m_resultsViewport->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this, header](int logical) {
        // The last section stretches with the view (a scroll bar coming, the window sized): not the user.
        int last = header->count() - 1;
        while (last > 0 && header->isSectionHidden(header->logicalIndex(last)))
            --last;
        if (logical == header->logicalIndex(last))
            return;
        if (!m_fittingColumns && m_view->isVisible())
            m_userSizedColumns = true;
    });

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("liveTestDetails"));
    m_details->setOpenLinks(false);
    m_details->setMinimumHeight(80);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setChildrenCollapsible(false);
}

QString LiveTestPage::stepName() const
{
    return tr("Live test");
}

QString LiveTestPage::unsavedWork() const
{
    if (m_session->isRunning())
        return tr("A live test is still running.");
    if (m_session->hasResults() && !m_reportSaved)
        return tr("The results of the live test have not been saved as a report.");
    return {};
}

void LiveTestPage::initializePage()
{
    m_options->refreshSamples();
    refreshPlan();
    updateControls();
    if (!m_session->isRunning())
        m_start->setFocus();
}

bool LiveTestPage::isComplete() const
{
    // Optional: the rules can be exported whether or not they were tested.
    return state()->ruleSet().isValid();
}

void LiveTestPage::setResolver(HostResolver *resolver)
{
    m_resolver = resolver;
    m_session->setResolver(resolver);
}

void LiveTestPage::setBaseOptions(const ProbeOptions &options)
{
    m_options->setBaseOptions(options);
}

std::optional<ProbeOptions> LiveTestPage::probeOptions(Problems *problems) const
{
    return m_options->probeOptions(problems);
}

void LiveTestPage::showOptionProblems(const Problems &problems, bool replan)
{
    m_options->validateFields();
    QStringList messages;
    for (const Problem &p : problems)
        messages << p.message();
    // Core's messages are translated when made: on a language switch, ask again.
    showBanner(int(MessageBanner::Kind::Error), [this, messages, replan]() -> QString {
        Problems again;
        const auto o = m_options->probeOptions(&again);
        if (o && replan)
            ProbePlanner::plan(state()->ruleSet(), *o, &again);
        QStringList now;
        for (const Problem &p : std::as_const(again))
            now << p.message();
        return tr("The test did not start:") + u'\n' + (now.isEmpty() ? messages : now).join(u'\n');
    });
}

bool LiveTestPage::startTest()
{
    if (m_session->isRunning())
        return false;
    clearBanner();
    const RuleSet &set = state()->ruleSet();
    if (!set.isValid()) {
        showBanner(int(MessageBanner::Kind::Error), [this]() -> QString {
            return tr("There are no rules to test: %1").arg(formatProblems(state()->ruleSet().problems).trimmed());
        });
        return false;
    }
    Problems problems;
    // The demo network has its own proxy, CAs, timeouts and redirects: only the sample hosts are the
    // user's, and the options it does not use cannot stop it.
    auto options = m_demo->isChecked() ? std::optional<ProbeOptions>(m_options->samplesOnly())
                                       : m_options->probeOptions(&problems);
    // The demo network: its own options, resolver and CA, for this run only.
    RuleSet runSet = set;
    if (options && m_demo->isChecked()) {
        QString error;
        if (!m_demo->prepare(&runSet, &*options, &error)) {
            showBanner(int(MessageBanner::Kind::Error), [error]() -> QString { return error; });
            return false;
        }
    }
    m_session->setResolver(options && options->demo ? m_demo->resolver() : m_resolver);
    if (!options || !m_session->start(runSet, *options, &problems)) {
        if (hasErrors(problems))
            showOptionProblems(problems, true);
        return false;
    }
    m_demo->dropEarlier();
    warnDemoBaseline(options->demo);
    m_options->saveSettings();
    updateCounts();
    Q_EMIT testStarted();
    return true;
}

void LiveTestPage::cancelTest()
{
    m_session->cancel();
}

std::optional<ProbeOptions> LiveTestPage::optionsForAnotherRound()
{
    clearBanner();
    if (m_session->runOptions().demo) // a retry stays on the demo network, with its own options
        return m_demo->retryOptions(m_options->samplesOnly());
    Problems problems;
    auto options = m_options->probeOptions(&problems);
    if (!options) {
        showOptionProblems(problems, false);
        return std::nullopt;
    }
    return options;
}

bool LiveTestPage::retestRows(const QList<int> &rows)
{
    if (m_session->isRunning() || !m_session->hasResults() || isShowingReport())
        return false;
    const auto options = optionsForAnotherRound();
    if (!options || !m_session->retest(*options, rows))
        return false;
    updateCounts();
    Q_EMIT testStarted();
    return true;
}

bool LiveTestPage::retryFailed()
{
    if (m_session->isRunning() || m_session->counts().failed == 0)
        return false;
    const auto options = optionsForAnotherRound();
    if (!options || !m_session->retryFailed(*options))
        return false;
    updateCounts();
    Q_EMIT testStarted();
    return true;
}

void LiveTestPage::ruleSetChanged()
{
    m_options->refreshSamples();
    refreshPlan();
    if (!m_session->hasResults()) {
        updateCounts();
        return;
    }
    // The same endpoints (a language switch, answers changed and changed back): the results still apply.
    if (m_session->resultsApplyTo(state()->ruleSet())) {
        updateControls();
        return;
    }
    const bool wasRunning = m_session->isRunning();
    m_session->clear(); // cancels a running test; the model empties
    showBanner(int(MessageBanner::Kind::Info), [wasRunning]() -> QString {
        return wasRunning ? tr("The answers changed, so the running test was stopped and its results cleared: start "
                               "the test again for the new rules.")
                          : tr("The answers changed, so the earlier results were cleared: start the test again for "
                               "the new rules.");
    });
    updateCounts();
    updateDetails();
}

void LiveTestPage::warnDemoBaseline(bool demo)
{
    const auto baseline = m_session->model()->baseline();
    if (!baseline || baseline->demo == demo)
        return;
    const bool demoBaseline = baseline->demo;
    showBanner(int(MessageBanner::Kind::Warning), [demoBaseline]() -> QString {
        return demoBaseline ? tr("The baseline is a report of the demo network: comparing real results with it "
                                 "says nothing.")
                            : tr("The baseline is a report of a real network: comparing demo results with it "
                                 "says nothing.");
    });
}

void LiveTestPage::baselineChanged()
{
    if (m_session->hasResults())
        warnDemoBaseline(m_session->runOptions().demo);
    m_view->setColumnHidden(ProbeResultModel::ChangeColumn, !shownModel()->baseline().has_value());
    fitColumns();
    updateCounts();
    updateDetails();
}

void LiveTestPage::updateControls()
{
    const bool running = m_session->isRunning();
    // A report shown is read-only: nothing starts over it (Back to the live test first).
    m_start->setEnabled(!running && state()->ruleSet().isValid() && !isShowingReport());
    m_cancel->setEnabled(running);
    m_retry->setEnabled(!running && m_session->counts().failed > 0 && !isShowingReport());
    if (m_tableActions)
        m_tableActions->setRetryEnabled(m_retry->isEnabled());
    if (m_tableActions)
        m_tableActions->setRetestEnabled(!running && m_session->hasResults() && !isShowingReport()
                                         && shownModel() == m_session->model());
    m_options->setRunning(running);
    m_reportBar->updateControls();
}

void LiveTestPage::updateCounts()
{
    const ProbeSession::Counts c = m_session->counts();
    m_progress->setRange(0, std::max(1, c.testable));
    m_progress->setValue(c.done);
    m_progress->setFormat(c.testable > 0 ? QStringLiteral("%v / %m") : QString());
    if (isShowingReport()) {
        // The report's numbers, not those of this computer's run behind it.
        const ProbeSummary summary = m_report->summary();
        m_progress->setRange(0, std::max(1, summary.tested));
        m_progress->setValue(summary.ok + summary.failed);
        m_progress->setFormat(summary.tested > 0 ? QStringLiteral("%v / %m") : QString());
        m_counts->setText(reportCounts());
    } else if (c.total == 0) {
        // What a start would test: which rows are testable depends only on the samples given.
        const ProbeOptions samplesOnly = m_options->samplesOnly();
        int endpoints = 0;
        int testable = 0;
        if (state()->ruleSet().isValid()) {
            for (const ProbeTarget &t : ProbePlanner::plan(state()->ruleSet(), samplesOnly)) {
                ++endpoints;
                testable += t.isTestable() ? 1 : 0;
            }
        }
        m_counts->setText(endpoints == 0 ? tr("Not tested yet: there are no rules to test.")
                                         : tr("Not tested yet: %n endpoint(s), %1 of them testable from here.", nullptr,
                                              int(endpoints))
                                               .arg(testable));
    } else {
        QString text = tr("%1 of %n endpoint(s) tested · %2 reachable · %3 failed · %4 not testable from here", nullptr,
                          int(c.testable))
                           .arg(c.done)
                           .arg(c.ok)
                           .arg(c.failed)
                           .arg(c.notTestable);
        if (c.cancelled > 0)
            text += tr(" (%1 of the failed cancelled)").arg(c.cancelled);
        if (m_session->isRunning())
            text += tr(" · %1 in progress").arg(c.running);
        if (m_session->model()->baseline() && !m_session->isRunning()) {
            int fixed = 0;
            int broken = 0;
            int changed = 0;
            for (int row = 0; row < m_session->model()->rowCount(); ++row) {
                const ProbeChange change = m_session->model()->change(row);
                fixed += change == ProbeChange::Fixed ? 1 : 0;
                broken += change == ProbeChange::Broken ? 1 : 0;
                changed += change == ProbeChange::Changed ? 1 : 0;
            }
            text += u'\n'
                    + tr("Since the earlier run: %1 fixed, %2 now failing, %3 changed otherwise.")
                          .arg(fixed)
                          .arg(broken)
                          .arg(changed);
        }
        m_counts->setText(text);
    }
    m_progress->setAccessibleDescription(m_counts->text());
    updateControls();
}

void LiveTestPage::updateDetails()
{
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? m_filter->sourceRow(current.row()) : -1;
    ProbeResultModel *model = shownModel();
    if (row < 0 || row >= model->rowCount()) {
        QString html = LiveTestDetails::placeholderHtml(m_session->hasResults() || isShowingReport());
        if (isShowingReport())
            html += LiveTestDetails::askForHtml(*m_report); // the grouped requests
        else if (m_session->hasResults() && !m_session->isRunning())
            html += LiveTestDetails::askForHtml(m_session->run(state()->ruleSet()));
        m_details->setHtml(html);
        return;
    }
    const QModelIndex source = model->index(row, 0);
    m_details->setHtml(LiveTestDetails::resultHtml(model->result(row), model->change(row),
                                                   source.data(ProbeResultModel::BaselineStatusRole).toString()));
}

void LiveTestPage::showBanner(int kind, std::function<QString()> text)
{
    m_bannerText = std::move(text);
    m_banner->showMessage(MessageBanner::Kind(kind), m_bannerText());
}

void LiveTestPage::clearBanner()
{
    m_bannerText = {};
    m_banner->clearMessage();
}

void LiveTestPage::retranslateUi()
{
    setTitle(tr("Test from this computer"));
    m_demo->retranslateUi();
    setSubTitle(tr("Checks name resolution, connection, TLS and HTTP of every endpoint, through your proxy, to "
                   "show what the firewall blocks. Optional: Next goes on without it."));
    m_start->setText(tr("&Start test"));
    m_start->setAccessibleName(tr("Start test"));
    m_start->setAccessibleDescription(tr("Tests every endpoint of the rules from this computer."));
    m_start->setToolTip(m_start->accessibleDescription());
    m_cancel->setText(tr("&Cancel test"));
    m_cancel->setAccessibleName(tr("Cancel test"));
    m_cancel->setAccessibleDescription(
        tr("Stops the test; endpoints not finished are marked cancelled. The wizard stays open."));
    m_cancel->setToolTip(m_cancel->accessibleDescription());
    m_retry->setText(tr("&Retry failed"));
    m_retry->setAccessibleName(tr("Retry failed"));
    m_retry->setAccessibleDescription(
        tr("Tests again only the endpoints that failed or were cancelled, with the options as they are now."));
    m_retry->setToolTip(m_retry->accessibleDescription());
    m_progress->setAccessibleName(tr("Test progress"));
    m_counts->setAccessibleName(tr("Test counts"));
    m_failuresOnly->setText(tr("Show only &failures"));
    m_failuresOnly->setAccessibleName(tr("Show only failures"));
    m_failuresOnly->setAccessibleDescription(tr("Hides the endpoints that are reachable or not testable."));
    m_failuresOnly->setToolTip(m_failuresOnly->accessibleDescription());

    m_view->setAccessibleName(tr("Test results"));
    m_view->setAccessibleDescription(
        tr("One row per rule and port: status, host tested, port, time, the rule's destination and id. Select a row "
           "for details."));
    m_details->setAccessibleName(tr("Result details"));
    m_details->setAccessibleDescription(
        tr("Addresses, certificate chain, HTTP answer, timings and what to ask the firewall team for."));

    m_closeReport->setText(tr("Bac&k to the live test"));
    m_closeReport->setAccessibleName(tr("Close report"));
    m_closeReport->setAccessibleDescription(tr("Closes the saved report and shows this computer's test again."));
    m_closeReport->setToolTip(m_closeReport->accessibleDescription());
    m_session->model()->retranslate(); // status labels, explanations and headers come from core, in the new language
    m_planModel->retranslate();
    m_reportModel->retranslate();
    updateReportBanner();
    if (m_bannerText)
        m_banner->showMessage(m_banner->kind(), m_bannerText());
    updateCounts();
    updateDetails();
}

void LiveTestPage::fitColumns()
{
    QHeaderView *header = m_view->header();
    if (m_userSizedColumns || header->count() == 0)
        return;
    const QScopedValueRollback<bool> fitting(m_fittingColumns, true);
    // The widths wanted on a wide window; on a narrower one all shrink alike, and the rule (the last
    // column) keeps at least 110 px. Texts that do not fit elide; the details pane has them whole.
    const QList<std::pair<int, int>> wanted{{ProbeResultModel::StatusColumn, 180},
                                            {ProbeResultModel::ChangeColumn, 90},
                                            {ProbeResultModel::HostColumn, 230},
                                            {ProbeResultModel::PortColumn, 86}, // ranges: 29876-29877
                                            {ProbeResultModel::TimeColumn, 84},
                                            {ProbeResultModel::DetailColumn, 240}, // the plan's stages
                                            {ProbeResultModel::DestinationColumn, 190}};
    int total = 0;
    for (const auto &[column, width] : wanted) {
        if (!m_view->isColumnHidden(column))
            total += width;
    }
    const int available = m_view->viewport()->width() - 110;
    const double scale = available > 0 && available < total ? double(available) / total : 1.0;
    for (const auto &[column, width] : wanted)
        header->resizeSection(column, std::max(40, int(width * scale)));
}

bool LiveTestPage::eventFilter(QObject *watched, QEvent *event)
{
    // The type first, and no call on the view: its destructor sends events too.
    if (event->type() == QEvent::Resize && watched == m_resultsViewport)
        fitColumns();
    return StatePage::eventFilter(watched, event);
}

// ---- the endpoint list before a run, the table's menu, and a saved report shown

void LiveTestPage::buildReportView()
{
    m_planModel = new ProbeResultModel(this);
    m_planModel->setObjectName(QStringLiteral("liveTestPlan"));
    m_reportModel = new ProbeResultModel(this);
    m_reportModel->setObjectName(QStringLiteral("liveTestReport"));

    m_reportBanner = new MessageBanner(this);
    m_reportBanner->setObjectName(QStringLiteral("openReportBanner"));
    m_closeReport = new QPushButton(m_reportBanner);
    m_closeReport->setObjectName(QStringLiteral("closeReport"));
    m_closeReport->setAutoDefault(false);
    m_reportBanner->addWidget(m_closeReport);
    m_reportBanner->clearMessage();

    // The plan's "What will be tested" stands where the run's times do, before the rule's destination.
    QHeaderView *header = m_view->header();
    header->moveSection(header->visualIndex(ProbeResultModel::DetailColumn),
                        header->visualIndex(ProbeResultModel::TimeColumn) + 1);
    m_tableActions = new LiveTestTableActions(m_view);
    connect(m_tableActions, &LiveTestTableActions::showDetailsRequested, this, [this] { m_details->setFocus(); });
    connect(m_tableActions, &LiveTestTableActions::retryRequested, this, [this] { retryFailed(); });
    connect(m_tableActions, &LiveTestTableActions::retestRequested, this, [this](const QList<int> &viewRows) {
        QList<int> rows;
        for (int viewRow : viewRows)
            rows << m_filter->sourceRow(viewRow);
        retestRows(rows);
    });
    connect(m_closeReport, &QPushButton::clicked, this, &LiveTestPage::closeReport);
    connect(m_reportBar, &LiveTestReportBar::reportChosen, this, &LiveTestPage::openReport);
}

ProbeResultModel *LiveTestPage::shownModel() const
{
    if (m_report)
        return m_reportModel;
    if (m_session->hasResults() || m_session->isRunning())
        return m_session->model();
    return m_planModel;
}

void LiveTestPage::refreshPlan()
{
    // What a start would test: which rows are testable depends only on the samples given.
    QList<ProbeResult> rows;
    if (state()->ruleSet().isValid()) {
        for (const ProbeTarget &t : ProbePlanner::plan(state()->ruleSet(), m_options->samplesOnly())) {
            ProbeResult r;
            r.target = t;
            r.status = t.isTestable() ? ProbeStatus::Pending : ProbeStatus::NotTestable;
            rows << r;
        }
    }
    m_planModel->setResults(rows);
    showRows();
}

void LiveTestPage::showRows()
{
    ProbeResultModel *model = shownModel();
    const bool plan = model == m_planModel;
    if (m_filter->resultModel() != model) {
        m_filter->setResultModel(model);
        updateDetails();
    }
    m_filter->setPlanView(plan);
    {
        // Not the user sizing a column: the widths still follow the window.
        const QScopedValueRollback<bool> fitting(m_fittingColumns, true);
        // Before a run the table says what each row will test (or why not) where times come later.
        m_view->setColumnHidden(ProbeResultModel::TimeColumn, plan);
        m_view->setColumnHidden(ProbeResultModel::DetailColumn, !plan);
        m_view->setColumnHidden(ProbeResultModel::ChangeColumn, !model->baseline().has_value());
    }
    fitColumns();
}

bool LiveTestPage::openReport(const QString &path)
{
    if (m_session->isRunning())
        return false;
    QString error;
    auto run = ProbeReportReader::readFile(path, &error);
    if (!run) {
        // Core's message is in the language of the moment; say it again after a switch.
        showBanner(int(MessageBanner::Kind::Error), [path]() -> QString {
            QString again;
            ProbeReportReader::readFile(path, &again);
            return tr("The report was not opened: %1").arg(again);
        });
        return false;
    }
    clearBanner();
    m_report = std::move(*run);
    m_reportPath = QFileInfo(path).absoluteFilePath();
    m_reportModel->setResults(m_report->results);
    m_reportModel->setBaseline(m_report->baseline);
    m_reportBar->setShowingReport(true);
    showRows();
    updateReportBanner();
    updateCounts();
    updateDetails();
    m_view->setFocus();
    return true;
}

void LiveTestPage::closeReport()
{
    if (!m_report)
        return;
    const bool hadFocus = m_closeReport->hasFocus();
    m_report.reset();
    m_reportPath.clear();
    m_reportModel->setResults({});
    m_reportModel->setBaseline(std::nullopt);
    m_reportBar->setShowingReport(false);
    showRows();
    updateReportBanner();
    updateCounts();
    updateDetails();
    if (hadFocus)
        m_start->setFocus();
}

void LiveTestPage::updateReportBanner()
{
    if (!m_report) {
        m_reportBanner->clearMessage();
        return;
    }
    const RuleSet &set = m_report->set;
    const Language language = state()->language();
    const ProbeVantage &v = m_report->vantage;
    const QString when = v.startedAt.isValid() ? v.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                               : QStringLiteral("-");
    QStringList scenario{RuleLabels::cloudName(set, language), RuleLabels::regionName(set, language)};
    if (!set.answers.storage.isEmpty())
        scenario << tr("storage %1").arg(set.answers.storage);
    scenario << tr("edition %1").arg(set.catalog.edition.isEmpty() ? QStringLiteral("-") : set.catalog.edition);
    const QString features
        = set.answers.features.isEmpty() ? tr("none") : set.answers.features.join(QStringLiteral(", "));
    m_reportBanner->showMessage(
        MessageBanner::Kind::Info,
        tr("Showing the saved report %1, read-only: run on %2 at %3.\nScenario: %4; features: %5.")
            .arg(QDir::toNativeSeparators(m_reportPath), v.hostName.isEmpty() ? QStringLiteral("-") : v.hostName, when,
                 scenario.join(QStringLiteral(", ")), features));
    m_reportBanner->setAccessibleName(m_reportBanner->text());
}

QString LiveTestPage::reportCounts() const
{
    const ProbeSummary s = m_report->summary();
    return tr("%1 of %n endpoint(s) tested · %2 reachable · %3 failed · %4 not testable from here", nullptr,
              int(s.tested))
        .arg(s.ok + s.failed)
        .arg(s.ok)
        .arg(s.failed)
        .arg(s.notTestable);
}

} // namespace amlfw
