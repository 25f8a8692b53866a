#include "livetestpage.h"

#include "liveresultfiltermodel.h"
#include "livetestdemo.h"
#include "livetestdetails.h"
#include "livetestoptions.h"
#include "livetestreportbar.h"
#include "messagebanner.h"
#include "probeplanner.h"
#include "proberesultmodel.h"
#include "probesession.h"
#include "wizardstate.h"

#include <QCheckBox>
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
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_reportBar);

    const QList<QWidget *> tabOrder
        = m_options->focusOrder()
          + QList<QWidget *>{m_demo->checkBox(), m_start, m_cancel, m_retry, m_failuresOnly, m_view, m_details}
          + m_reportBar->focusOrder();
    for (qsizetype i = 0; i + 1 < tabOrder.size(); ++i)
        setTabOrder(tabOrder.at(i), tabOrder.at(i + 1));

    connect(m_options, &LiveTestOptions::samplesChanged, this, [this] {
        if (!m_session->hasResults())
            updateCounts();
    });
    connect(m_start, &QPushButton::clicked, this, [this] { startTest(); });
    connect(m_cancel, &QPushButton::clicked, this, &LiveTestPage::cancelTest);
    connect(m_retry, &QPushButton::clicked, this, [this] { retryFailed(); });
    connect(m_failuresOnly, &QCheckBox::toggled, m_filter, &LiveResultFilterModel::setFailuresOnly);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LiveTestPage::updateDetails);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LiveTestPage::updateDetails);
    connect(m_session, &ProbeSession::resultChanged, this, [this](int row) {
        updateCounts();
        if (m_filter->sourceRow(m_view->currentIndex().row()) == row)
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
    connect(header, &QHeaderView::sectionResized, this, [this] {
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
    auto options = m_options->probeOptions(&problems);
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

bool LiveTestPage::retryFailed()
{
    if (m_session->isRunning() || m_session->counts().failed == 0)
        return false;
    clearBanner();
    Problems problems;
    auto options = m_options->probeOptions(&problems);
    if (!options) {
        showOptionProblems(problems, false);
        return false;
    }
    if (m_session->runOptions().demo) // a retry stays on the demo network
        options = m_demo->retryOptions(*options);
    if (!m_session->retryFailed(*options))
        return false;
    updateCounts();
    Q_EMIT testStarted();
    return true;
}

void LiveTestPage::ruleSetChanged()
{
    m_options->refreshSamples();
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
    m_view->setColumnHidden(ProbeResultModel::ChangeColumn, !m_session->model()->baseline().has_value());
    fitColumns();
    updateCounts();
    updateDetails();
}

void LiveTestPage::updateControls()
{
    const bool running = m_session->isRunning();
    m_start->setEnabled(!running && state()->ruleSet().isValid());
    m_cancel->setEnabled(running);
    m_retry->setEnabled(!running && m_session->counts().failed > 0);
    m_options->setRunning(running);
    m_reportBar->updateControls();
}

void LiveTestPage::updateCounts()
{
    const ProbeSession::Counts c = m_session->counts();
    m_progress->setRange(0, std::max(1, c.testable));
    m_progress->setValue(c.done);
    m_progress->setFormat(c.testable > 0 ? QStringLiteral("%v / %m") : QString());
    if (c.total == 0) {
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
    if (row < 0 || row >= m_session->model()->rowCount()) {
        QString html = LiveTestDetails::placeholderHtml(m_session->hasResults());
        if (m_session->hasResults() && !m_session->isRunning())
            html += LiveTestDetails::askForHtml(m_session->run(state()->ruleSet())); // the grouped requests
        m_details->setHtml(html);
        return;
    }
    const QModelIndex source = m_session->model()->index(row, 0);
    m_details->setHtml(LiveTestDetails::resultHtml(m_session->model()->result(row), m_session->model()->change(row),
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

    m_session->model()->retranslate(); // status labels, explanations and headers come from core, in the new language
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

} // namespace amlfw
