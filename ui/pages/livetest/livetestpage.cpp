#include "livetestpage.h"

#include "atomicfile.h"
#include "filedialog.h"
#include "liveresultfiltermodel.h"
#include "livetestdetails.h"
#include "messagebanner.h"
#include "probeengine.h"
#include "probeplanner.h"
#include "probereport.h"
#include "proberesultmodel.h"
#include "proberun.h"
#include "wizardsettings.h"
#include "wizardstate.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcLiveTest, "amlfw.livetest", QtWarningMsg)

namespace amlfw {

namespace {

constexpr int DestinationColumn = 0;
constexpr int SampleHostColumn = 1;

void markInvalid(QWidget *widget, bool invalid)
{
    widget->setStyleSheet(invalid ? QStringLiteral("border: 1px solid #cf222e; border-radius: 2px; padding: 1px;")
                                  : QString());
}

} // namespace

LiveTestPage::LiveTestPage(WizardState *state, WizardSettings *settings, QWidget *parent)
    : StatePage(state, parent)
    , m_settings(settings)
    , m_model(new ProbeResultModel(this))
    , m_filter(new LiveResultFilterModel(this))
{
    setObjectName(QStringLiteral("liveTestPage"));
    m_filter->setResultModel(m_model);

    // ---- connection: the first thing that decides what the test sees
    m_proxyLabel = new QLabel(this);
    m_proxyMode = new QComboBox(this);
    m_proxyMode->setObjectName(QStringLiteral("proxyMode"));
    m_proxyMode->addItem(QString(), int(ProxySetting::Mode::None));
    m_proxyMode->addItem(QString(), int(ProxySetting::Mode::System));
    m_proxyMode->addItem(QString(), int(ProxySetting::Mode::Explicit));
    m_proxyMode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_proxyLabel->setBuddy(m_proxyMode);
    m_proxyUrlLabel = new QLabel(this);
    m_proxyUrl = new QLineEdit(this);
    m_proxyUrl->setObjectName(QStringLiteral("proxyUrl"));
    m_proxyUrl->setClearButtonEnabled(true);
    m_proxyUrlLabel->setBuddy(m_proxyUrl);
    m_proxyUserLabel = new QLabel(this);
    m_proxyUser = new QLineEdit(this);
    m_proxyUser->setObjectName(QStringLiteral("proxyUser"));
    m_proxyUserLabel->setBuddy(m_proxyUser);
    m_proxyPasswordLabel = new QLabel(this);
    m_proxyPassword = new QLineEdit(this);
    m_proxyPassword->setObjectName(QStringLiteral("proxyPassword"));
    m_proxyPassword->setEchoMode(QLineEdit::Password);
    m_proxyPassword->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_proxyPasswordLabel->setBuddy(m_proxyPassword);
    m_proxyUser->setMinimumWidth(120);
    m_proxyPassword->setMinimumWidth(120);
    m_proxyUrl->setMinimumWidth(200);
    m_proxyHint = new QLabel(this);
    m_proxyHint->setObjectName(QStringLiteral("proxyHint"));
    m_proxyHint->setForegroundRole(QPalette::PlaceholderText);
    m_proxyHint->setWordWrap(true);
    m_passwordNote = new QLabel(this);
    m_passwordNote->setForegroundRole(QPalette::PlaceholderText);
    m_passwordNote->setWordWrap(true);

    // ---- more options: samples, CA certificates, limits
    m_moreOptions = new QToolButton(this);
    m_moreOptions->setObjectName(QStringLiteral("moreOptions"));
    m_moreOptions->setCheckable(true);
    m_moreOptions->setAutoRaise(true);
    m_moreOptions->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_moreOptions->setArrowType(Qt::RightArrow);
    m_optionsSummary = new QLabel(this);
    m_optionsSummary->setObjectName(QStringLiteral("optionsSummary"));
    m_optionsSummary->setForegroundRole(QPalette::PlaceholderText);
    m_optionsSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_optionsPanel = new QWidget(this);
    m_optionsPanel->setObjectName(QStringLiteral("optionsPanel"));
    m_samplesLabel = new QLabel(m_optionsPanel);
    m_samplesLabel->setWordWrap(true);
    m_samplesTable = new QTableWidget(0, 2, m_optionsPanel);
    m_samplesTable->setObjectName(QStringLiteral("sampleHosts"));
    m_samplesTable->verticalHeader()->hide();
    m_samplesTable->horizontalHeader()->setStretchLastSection(true);
    m_samplesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_samplesTable->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_samplesTable->setMinimumHeight(72);
    m_samplesTable->setMaximumHeight(110);
    m_samplesLabel->setBuddy(m_samplesTable);
    m_noSamplesLabel = new QLabel(m_optionsPanel);
    m_noSamplesLabel->setWordWrap(true);
    m_noSamplesLabel->setForegroundRole(QPalette::PlaceholderText);

    m_caBundleLabel = new QLabel(m_optionsPanel);
    m_caBundle = new QLineEdit(m_optionsPanel);
    m_caBundle->setObjectName(QStringLiteral("caBundle"));
    m_caBundle->setClearButtonEnabled(true);
    m_caBundleLabel->setBuddy(m_caBundle);
    m_browseCa = new QPushButton(m_optionsPanel);
    m_browseCa->setObjectName(QStringLiteral("browseCaBundle"));
    m_browseCa->setAutoDefault(false);
    m_timeoutLabel = new QLabel(m_optionsPanel);
    m_timeout = new QSpinBox(m_optionsPanel);
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setRange(0, WizardSettings::MaxLiveTestTimeoutSeconds);
    m_timeoutLabel->setBuddy(m_timeout);
    m_concurrencyLabel = new QLabel(m_optionsPanel);
    m_concurrency = new QSpinBox(m_optionsPanel);
    m_concurrency->setObjectName(QStringLiteral("concurrency"));
    m_concurrency->setRange(1, ProbeOptions::MaxConcurrency);
    m_concurrency->setValue(ProbeOptions::DefaultConcurrency);
    m_concurrencyLabel->setBuddy(m_concurrency);

    auto *samplesColumn = new QVBoxLayout;
    samplesColumn->setContentsMargins(0, 0, 0, 0);
    samplesColumn->addWidget(m_samplesLabel);
    samplesColumn->addWidget(m_samplesTable);
    samplesColumn->addWidget(m_noSamplesLabel);
    samplesColumn->addStretch(1);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caBundle, 1);
    caRow->addWidget(m_browseCa);
    auto *limits = new QGridLayout;
    limits->setContentsMargins(0, 0, 0, 0);
    limits->addWidget(m_caBundleLabel, 0, 0);
    limits->addLayout(caRow, 0, 1, 1, 3);
    limits->addWidget(m_timeoutLabel, 1, 0);
    limits->addWidget(m_timeout, 1, 1);
    limits->addWidget(m_concurrencyLabel, 2, 0);
    limits->addWidget(m_concurrency, 2, 1);
    limits->setColumnStretch(3, 1);
    limits->setRowStretch(3, 1);
    auto *panelLayout = new QHBoxLayout(m_optionsPanel);
    panelLayout->setContentsMargins(18, 0, 0, 4);
    panelLayout->addLayout(samplesColumn, 6);
    panelLayout->addSpacing(12);
    panelLayout->addLayout(limits, 5);
    m_optionsPanel->hide();

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

    // ---- results and details
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
    header->resizeSection(ProbeResultModel::StatusColumn, 180);
    header->resizeSection(ProbeResultModel::ChangeColumn, 90);
    header->resizeSection(ProbeResultModel::HostColumn, 230);
    header->resizeSection(ProbeResultModel::PortColumn, 86); // ranges: 29876-29877
    header->resizeSection(ProbeResultModel::TimeColumn, 84);
    header->resizeSection(ProbeResultModel::DestinationColumn, 190);

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

    // ---- evidence: the report, and the comparison with an earlier one
    m_saveReport = new QPushButton(this);
    m_saveReport->setObjectName(QStringLiteral("saveReport"));
    m_saveReport->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_saveReport->setAutoDefault(false);
    auto *saveMenu = new QMenu(m_saveReport);
    m_saveHtml = saveMenu->addAction(QString());
    m_saveJson = saveMenu->addAction(QString());
    m_saveCsv = saveMenu->addAction(QString());
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
    m_reportBanner = new MessageBanner(this);
    m_reportBanner->setObjectName(QStringLiteral("reportBanner"));
    m_openFolder = new QPushButton(m_reportBanner);
    m_openFolder->setObjectName(QStringLiteral("openReportFolder"));
    m_openFolder->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
    m_openFolder->setAutoDefault(false);
    m_reportBanner->addWidget(m_openFolder);

    // ---- layout
    // The proxy's address and credentials only when there is such a proxy; else a word on what happens.
    auto *connectionRow = new QHBoxLayout;
    connectionRow->addWidget(m_proxyLabel);
    connectionRow->addWidget(m_proxyMode);
    connectionRow->addSpacing(8);
    connectionRow->addWidget(m_proxyHint, 1);
    connectionRow->addWidget(m_proxyUrlLabel);
    connectionRow->addWidget(m_proxyUrl, 1);
    m_credentials = new QWidget(this);
    auto *credentialsRow = new QHBoxLayout(m_credentials);
    credentialsRow->setContentsMargins(0, 0, 0, 0);
    credentialsRow->addWidget(m_proxyUserLabel);
    credentialsRow->addWidget(m_proxyUser);
    credentialsRow->addSpacing(8);
    credentialsRow->addWidget(m_proxyPasswordLabel);
    credentialsRow->addWidget(m_proxyPassword);
    credentialsRow->addSpacing(8);
    credentialsRow->addWidget(m_passwordNote, 1);
    for (QWidget *w : std::initializer_list<QWidget *>{m_proxyUserLabel, m_proxyUser, m_proxyPasswordLabel,
                                                       m_proxyPassword, m_passwordNote})
        w->setParent(m_credentials);
    auto *optionsRow = new QHBoxLayout;
    optionsRow->setContentsMargins(0, 0, 0, 0);
    optionsRow->addWidget(m_moreOptions);
    optionsRow->addWidget(m_optionsSummary, 1);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_start);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_retry);
    runRow->addSpacing(8);
    runRow->addWidget(m_progress, 1);
    auto *countsRow = new QHBoxLayout;
    countsRow->addWidget(m_counts, 1);
    countsRow->addWidget(m_failuresOnly, 0, Qt::AlignTop);
    auto *evidenceRow = new QHBoxLayout;
    evidenceRow->addWidget(m_saveReport);
    evidenceRow->addWidget(m_compare);
    evidenceRow->addWidget(m_baselineLabel, 1);
    evidenceRow->addWidget(m_clearComparison);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    layout->addLayout(connectionRow);
    layout->addWidget(m_credentials);
    layout->addLayout(optionsRow);
    layout->addWidget(m_optionsPanel);
    layout->addLayout(runRow);
    layout->addLayout(countsRow);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(evidenceRow);
    layout->addWidget(m_reportBanner);

    QWidget *tabOrder[]
        = {m_proxyMode, m_proxyUrl, m_proxyUser,   m_proxyPassword, m_moreOptions,     m_samplesTable, m_caBundle,
           m_browseCa,  m_timeout,  m_concurrency, m_start,         m_cancel,          m_retry,        m_failuresOnly,
           m_view,      m_details,  m_saveReport,  m_compare,       m_clearComparison, m_openFolder};
    for (size_t i = 0; i + 1 < std::size(tabOrder); ++i)
        setTabOrder(tabOrder[i], tabOrder[i + 1]);

    // ---- behaviour
    createEngine();
    loadSettings();
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, [this] {
        updateProxyFields();
        validateFields();
        saveSettings();
    });
    connect(m_proxyUrl, &QLineEdit::textChanged, this, [this] {
        validateFields();
        saveSettings();
    });
    connect(m_proxyUrl, &QLineEdit::editingFinished, this, &LiveTestPage::moveUrlCredentials);
    connect(m_caBundle, &QLineEdit::textChanged, this, [this] {
        validateFields();
        saveSettings();
    });
    connect(m_timeout, &QSpinBox::valueChanged, this, [this] {
        updateOptionsSummary();
        saveSettings();
    });
    connect(m_concurrency, &QSpinBox::valueChanged, this, [this] {
        updateOptionsSummary();
        saveSettings();
    });
    connect(m_moreOptions, &QToolButton::toggled, this, [this](bool on) {
        m_optionsPanel->setVisible(on);
        m_moreOptions->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_browseCa, &QPushButton::clicked, this, &LiveTestPage::chooseCaBundle);
    connect(m_samplesTable, &QTableWidget::cellChanged, this, &LiveTestPage::sampleEdited);
    connect(m_start, &QPushButton::clicked, this, [this] { startTest(); });
    connect(m_cancel, &QPushButton::clicked, this, &LiveTestPage::cancelTest);
    connect(m_retry, &QPushButton::clicked, this, [this] { retryFailed(); });
    connect(m_failuresOnly, &QCheckBox::toggled, m_filter, &LiveResultFilterModel::setFailuresOnly);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LiveTestPage::updateDetails);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LiveTestPage::updateDetails);
    connect(m_saveHtml, &QAction::triggered, this, [this] { saveReport(ReportFormat::Html); });
    connect(m_saveJson, &QAction::triggered, this, [this] { saveReport(ReportFormat::Json); });
    connect(m_saveCsv, &QAction::triggered, this, [this] { saveReport(ReportFormat::Csv); });
    connect(m_compare, &QPushButton::clicked, this, [this] { loadBaseline(); });
    connect(m_clearComparison, &QPushButton::clicked, this, &LiveTestPage::clearBaseline);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        if (!m_lastReportPath.isEmpty())
            FileDialog::instance()->openFolder(QFileInfo(m_lastReportPath).absolutePath());
    });
    connect(state, &WizardState::ruleSetChanged, this, &LiveTestPage::ruleSetChanged);

    refreshSamples();
    updateProxyFields();
    retranslateUi();
    validateFields();
    updateControls();
    updateCounts();
    updateDetails();
}

LiveTestPage::~LiveTestPage()
{
    // The model follows the engine: let it go first, without a last round of signals.
    if (m_engine)
        m_engine->disconnect();
    m_model->setEngine(nullptr);
}

QString LiveTestPage::stepName() const
{
    return tr("Live test");
}

void LiveTestPage::initializePage()
{
    refreshSamples();
    updateControls();
    if (!isRunning())
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
}

void LiveTestPage::setBaseOptions(const ProbeOptions &options)
{
    m_baseOptions = options;
}

void LiveTestPage::createEngine()
{
    if (m_engine) {
        m_engine->disconnect(this);
        m_engine->cancel();
        // Later: this may run from within one of its signals. Parented, so that it goes with the
        // page at the latest.
        ProbeEngine *old = m_engine.release();
        old->setParent(this);
        old->deleteLater();
    }
    m_engine = std::make_unique<ProbeEngine>();
    m_model->setEngine(m_engine.get());
    connect(m_engine.get(), &ProbeEngine::started, this, [this] {
        updateCounts();
        updateControls();
    });
    connect(m_engine.get(), &ProbeEngine::resultChanged, this, [this](int row) {
        updateCounts();
        if (m_filter->sourceRow(m_view->currentIndex().row()) == row)
            updateDetails();
    });
    connect(m_engine.get(), &ProbeEngine::finished, this, [this] {
        updateCounts();
        updateControls();
        updateDetails();
        qCInfo(lcLiveTest) << "test finished:" << counts().ok << "ok," << counts().failed << "failed";
        Q_EMIT testFinished();
    });
}

bool LiveTestPage::isRunning() const
{
    return m_engine && m_engine->isRunning();
}

bool LiveTestPage::hasResults() const
{
    return m_model->rowCount() > 0;
}

LiveTestPage::Counts LiveTestPage::counts() const
{
    Counts c;
    for (const ProbeResult &r : m_model->results()) {
        ++c.total;
        if (r.status == ProbeStatus::NotTestable) {
            ++c.notTestable;
            continue;
        }
        ++c.testable;
        if (r.status == ProbeStatus::Running)
            ++c.running;
        else if (r.status == ProbeStatus::Pending)
            ++c.pending;
        if (!isFinal(r.status))
            continue;
        ++c.done;
        if (r.status == ProbeStatus::Ok)
            ++c.ok;
        if (isFailure(r.status))
            ++c.failed;
        if (r.status == ProbeStatus::Cancelled)
            ++c.cancelled;
    }
    return c;
}

std::optional<ProbeOptions> LiveTestPage::probeOptions(Problems *problems) const
{
    Problems local;
    Problems &out = problems ? *problems : local;
    ProbeOptions o = m_baseOptions;
    const auto mode = ProxySetting::Mode(m_proxyMode->currentData().toInt());
    if (mode == ProxySetting::Mode::Explicit) {
        QString error;
        const QString url = m_proxyUrl->text().trimmed();
        const auto proxy = url.isEmpty() ? std::nullopt : ProbeOptions::parseProxy(url, &error);
        if (!proxy || proxy->mode != ProxySetting::Mode::Explicit) {
            out << Problem::error(QStringLiteral("proxy"),
                                  url.isEmpty() || error.isEmpty()
                                      ? tr("Give the proxy's address, such as http://proxy.example.com:8080.")
                                      : error);
        } else {
            o.proxy = *proxy;
            if (!m_proxyUser->text().trimmed().isEmpty())
                o.proxy.user = m_proxyUser->text().trimmed();
            if (!m_proxyPassword->text().isEmpty())
                o.proxy.password = m_proxyPassword->text();
        }
    } else {
        o.proxy = ProxySetting();
        o.proxy.mode = mode;
    }
    if (const QString path = m_caBundle->text().trimmed(); !path.isEmpty()) {
        QString error;
        const auto certificates = ProbeOptions::loadCaBundle(path, &error);
        if (!certificates) {
            out << Problem::error(QStringLiteral("caBundle"), error);
        } else {
            o.caBundlePath = path;
            o.extraCaCertificates += *certificates;
        }
    }
    if (const int seconds = m_timeout->value(); seconds > 0)
        o.timeouts = {seconds * 1000, seconds * 1000, seconds * 1000, seconds * 1000};
    o.concurrency = m_concurrency->value();
    for (const QString &destination : m_sampleDestinations) {
        const QString host = m_samples.value(destination).trimmed();
        if (!host.isEmpty())
            o.samples.insert(destination, host);
    }
    if (hasErrors(out))
        return std::nullopt;
    return o;
}

QStringList LiveTestPage::planSignature(const RuleSet &set, const ProbeOptions &options) const
{
    if (!set.isValid())
        return {};
    QStringList out;
    for (const ProbeTarget &t : ProbePlanner::plan(set, options))
        out << t.ruleId + u'|' + t.portSpec + u'|' + t.probeKey() + u'|' + notTestableReasonId(t.notTestable);
    return out;
}

bool LiveTestPage::startTest()
{
    if (isRunning())
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
    const auto options = probeOptions(&problems);
    QList<ProbeTarget> targets;
    if (options)
        targets = ProbePlanner::plan(set, *options, &problems);
    if (!options || hasErrors(problems)) {
        validateFields();
        QStringList messages;
        for (const Problem &p : std::as_const(problems))
            messages << p.message();
        // Core's messages are translated when made: on a language switch, ask again.
        showBanner(int(MessageBanner::Kind::Error), [this, messages]() -> QString {
            Problems again;
            const auto o = probeOptions(&again);
            if (o)
                ProbePlanner::plan(state()->ruleSet(), *o, &again);
            QStringList now;
            for (const Problem &p : std::as_const(again))
                now << p.message();
            return tr("The test did not start:") + u'\n' + (now.isEmpty() ? messages : now).join(u'\n');
        });
        return false;
    }
    saveSettings();
    createEngine(); // a fresh engine: nothing of an earlier run or scenario is left in it
    m_engine->setResolver(m_resolver);
    m_engine->setOptions(*options);
    m_runOptions = *options;
    m_runSignature = planSignature(set, *options);
    m_reportBanner->clearMessage();
    if (!m_engine->start(targets, set.catalog.probe)) {
        qCWarning(lcLiveTest) << "the engine did not start";
        return false;
    }
    updateControls();
    updateCounts();
    Q_EMIT testStarted();
    return true;
}

void LiveTestPage::cancelTest()
{
    if (isRunning())
        m_engine->cancel();
}

bool LiveTestPage::retryFailed()
{
    if (isRunning() || counts().failed == 0)
        return false;
    clearBanner();
    Problems problems;
    const auto options = probeOptions(&problems);
    if (!options) {
        validateFields();
        QStringList messages;
        for (const Problem &p : std::as_const(problems))
            messages << p.message();
        showBanner(int(MessageBanner::Kind::Error), [this, messages]() -> QString {
            return tr("The test did not start:") + u'\n' + messages.join(u'\n');
        });
        return false;
    }
    // After a fix the proxy or the timeouts may be what changed: the retry uses the fields as they are.
    m_engine->setResolver(m_resolver);
    m_engine->setOptions(*options);
    m_runOptions = *options;
    if (!m_engine->rerunFailed())
        return false;
    updateControls();
    updateCounts();
    Q_EMIT testStarted();
    return true;
}

void LiveTestPage::ruleSetChanged()
{
    refreshSamples();
    if (!hasResults()) {
        updateCounts();
        return;
    }
    // The same endpoints (a language switch, answers changed and changed back): the results still apply.
    if (!m_runSignature.isEmpty() && planSignature(state()->ruleSet(), m_runOptions) == m_runSignature) {
        updateControls();
        return;
    }
    const bool wasRunning = isRunning();
    createEngine(); // cancels a running test; the model empties
    m_runSignature.clear();
    m_reportBanner->clearMessage();
    showBanner(int(MessageBanner::Kind::Info), [wasRunning]() -> QString {
        return wasRunning ? tr("The answers changed, so the running test was stopped and its results cleared: start "
                               "the test again for the new rules.")
                          : tr("The answers changed, so the earlier results were cleared: start the test again for "
                               "the new rules.");
    });
    updateControls();
    updateCounts();
    updateDetails();
}

void LiveTestPage::refreshSamples()
{
    // Which destinations need a host does not depend on the samples given: ask without them.
    const QStringList destinations = ProbePlanner::destinationsWithoutHost(state()->ruleSet(), ProbeOptions());
    if (destinations != m_sampleDestinations || m_samplesTable->rowCount() != destinations.size()) {
        m_sampleDestinations = destinations;
        const QSignalBlocker blocker(m_samplesTable);
        m_samplesTable->setRowCount(int(destinations.size()));
        for (int row = 0; row < destinations.size(); ++row) {
            auto *destination = new QTableWidgetItem(destinations.at(row));
            destination->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            m_samplesTable->setItem(row, DestinationColumn, destination);
            m_samplesTable->setItem(row, SampleHostColumn, new QTableWidgetItem(m_samples.value(destinations.at(row))));
        }
        m_samplesTable->resizeColumnToContents(DestinationColumn);
        m_samplesTable->horizontalHeader()->resizeSection(
            DestinationColumn, std::min(m_samplesTable->horizontalHeader()->sectionSize(DestinationColumn) + 12, 260));
    }
    m_samplesLabel->setVisible(!destinations.isEmpty());
    m_samplesTable->setVisible(!destinations.isEmpty());
    m_noSamplesLabel->setVisible(destinations.isEmpty());
    validateFields();
    updateOptionsSummary();
}

void LiveTestPage::setSampleHost(const QString &destination, const QString &host)
{
    const int row = int(m_sampleDestinations.indexOf(destination));
    if (row < 0) {
        m_samples.insert(destination, host.trimmed());
        return;
    }
    m_samplesTable->item(row, SampleHostColumn)->setText(host); // cellChanged does the rest
}

void LiveTestPage::sampleEdited(int row, int column)
{
    if (column != SampleHostColumn || row < 0 || row >= m_sampleDestinations.size())
        return;
    m_samples.insert(m_sampleDestinations.at(row), m_samplesTable->item(row, column)->text().trimmed());
    validateFields();
    updateOptionsSummary();
    if (!hasResults())
        updateCounts();
}

void LiveTestPage::validateFields()
{
    if (m_loading)
        return;
    Problems problems;
    probeOptions(&problems);
    bool proxyInvalid = false;
    bool caInvalid = false;
    for (const Problem &p : std::as_const(problems)) {
        proxyInvalid = proxyInvalid || p.location == u"proxy";
        caInvalid = caInvalid || p.location == u"caBundle";
    }
    // An empty URL is not yet wrong: it is said when the test starts.
    markInvalid(m_proxyUrl, proxyInvalid && !m_proxyUrl->text().trimmed().isEmpty());
    markInvalid(m_caBundle, caInvalid);
    // Each sample on its own, so that the one outside its wildcard is the one marked.
    const QSignalBlocker blocker(m_samplesTable);
    for (int row = 0; row < m_sampleDestinations.size(); ++row) {
        QTableWidgetItem *item = m_samplesTable->item(row, SampleHostColumn);
        const QString host = m_samples.value(m_sampleDestinations.at(row)).trimmed();
        QString problem;
        if (!host.isEmpty()) {
            ProbeOptions o;
            o.samples.insert(m_sampleDestinations.at(row), host);
            Problems planProblems;
            ProbePlanner::plan(state()->ruleSet(), o, &planProblems);
            for (const Problem &p : std::as_const(planProblems)) {
                if (p.severity == Problem::Severity::Error)
                    problem = p.message();
            }
        }
        item->setBackground(problem.isEmpty() ? QBrush() : QBrush(QColor(0xfd, 0xec, 0xea)));
        item->setForeground(problem.isEmpty() ? QBrush() : QBrush(QColor(0x1f, 0x23, 0x28)));
        item->setToolTip(problem.isEmpty()
                             ? tr("The host to test for %1; empty: not tested.").arg(m_sampleDestinations.at(row))
                             : problem);
    }
}

void LiveTestPage::updateProxyFields()
{
    const auto mode = ProxySetting::Mode(m_proxyMode->currentData().toInt());
    const bool explicitProxy = mode == ProxySetting::Mode::Explicit;
    m_proxyUrlLabel->setVisible(explicitProxy);
    m_proxyUrl->setVisible(explicitProxy);
    m_credentials->setVisible(explicitProxy);
    m_proxyHint->setVisible(!explicitProxy);
    m_proxyHint->setText(mode == ProxySetting::Mode::None
                             ? tr("Every endpoint is connected to directly, as from a machine without a proxy.")
                             : tr("Web ports (80, 443) go through the proxy this computer is set to use; other "
                                  "ports go directly."));
    for (QWidget *w : std::initializer_list<QWidget *>{m_proxyUrl, m_proxyUser, m_proxyPassword})
        w->setEnabled(true);
}

void LiveTestPage::moveUrlCredentials()
{
    // Credentials typed into the URL go to their own (masked) fields: the URL is shown and remembered.
    const QString text = m_proxyUrl->text().trimmed();
    if (!text.contains(u'@'))
        return;
    QString error;
    const auto proxy = ProbeOptions::parseProxy(text, &error);
    if (!proxy || proxy->mode != ProxySetting::Mode::Explicit)
        return;
    if (!proxy->user.isEmpty())
        m_proxyUser->setText(proxy->user);
    if (!proxy->password.isEmpty())
        m_proxyPassword->setText(proxy->password);
    m_proxyUrl->setText(proxy->display());
}

void LiveTestPage::chooseCaBundle()
{
    QString directory = m_caBundle->text().isEmpty() ? QString() : QFileInfo(m_caBundle->text()).absolutePath();
    if (directory.isEmpty() && m_settings)
        directory = m_settings->lastDirectory();
    const QString path = FileDialog::instance()->getOpenFileName(this, tr("Extra CA certificates"), directory,
                                                                 tr("PEM certificates (*.pem *.crt *.cer)")
                                                                     + QStringLiteral(";;") + tr("All files (*)"));
    if (!path.isEmpty())
        m_caBundle->setText(QDir::toNativeSeparators(path));
}

void LiveTestPage::loadSettings()
{
    m_loading = true;
    if (m_settings) {
        m_proxyMode->setCurrentIndex(m_proxyMode->findData(int(m_settings->liveTestProxyMode())));
        m_proxyUrl->setText(m_settings->liveTestProxyUrl());
        m_timeout->setValue(m_settings->liveTestTimeoutSeconds());
        m_concurrency->setValue(m_settings->liveTestConcurrency());
        m_caBundle->setText(m_settings->liveTestCaBundle());
    } else {
        m_proxyMode->setCurrentIndex(m_proxyMode->findData(int(ProxySetting::Mode::System)));
    }
    m_loading = false;
}

void LiveTestPage::saveSettings()
{
    if (!m_settings || m_loading)
        return;
    m_settings->setLiveTestProxyMode(ProxySetting::Mode(m_proxyMode->currentData().toInt()));
    m_settings->setLiveTestProxyUrl(m_proxyUrl->text()); // without credentials: WizardSettings drops them
    m_settings->setLiveTestTimeoutSeconds(m_timeout->value());
    m_settings->setLiveTestConcurrency(m_concurrency->value());
    m_settings->setLiveTestCaBundle(m_caBundle->text().trimmed());
}

void LiveTestPage::updateControls()
{
    const bool running = isRunning();
    const bool valid = state()->ruleSet().isValid();
    const Counts c = counts();
    m_start->setEnabled(!running && valid);
    m_cancel->setEnabled(running);
    m_retry->setEnabled(!running && c.failed > 0);
    m_saveReport->setEnabled(!running && hasResults());
    for (QWidget *w : std::initializer_list<QWidget *>{m_proxyMode, m_samplesTable, m_caBundle, m_browseCa})
        w->setEnabled(!running);
    if (running)
        for (QWidget *w : std::initializer_list<QWidget *>{m_proxyUrl, m_proxyUser, m_proxyPassword})
            w->setEnabled(false);
    else
        updateProxyFields();
    m_timeout->setEnabled(!running);
    m_concurrency->setEnabled(!running);
    m_clearComparison->setVisible(m_model->baseline().has_value());
}

void LiveTestPage::updateCounts()
{
    const Counts c = counts();
    m_progress->setRange(0, std::max(1, c.testable));
    m_progress->setValue(c.done);
    m_progress->setFormat(c.testable > 0 ? QStringLiteral("%v / %m") : QString());
    if (c.total == 0) {
        // What a start would test: which rows are testable depends only on the samples given.
        ProbeOptions samplesOnly;
        for (const QString &destination : m_sampleDestinations) {
            if (const QString host = m_samples.value(destination).trimmed(); !host.isEmpty())
                samplesOnly.samples.insert(destination, host);
        }
        int endpoints = 0;
        int testable = 0;
        if (state()->ruleSet().isValid()) {
            for (const ProbeTarget &t : ProbePlanner::plan(state()->ruleSet(), samplesOnly)) {
                ++endpoints;
                testable += t.isTestable() ? 1 : 0;
            }
        }
        m_counts->setText(
            endpoints == 0
                ? tr("Not tested yet: there are no rules to test.")
                : tr("Not tested yet: %1 endpoints, %2 of them testable from here.").arg(endpoints).arg(testable));
    } else {
        QString text = tr("%1 of %2 endpoints tested · %3 reachable · %4 failed · %5 not testable from here")
                           .arg(c.done)
                           .arg(c.testable)
                           .arg(c.ok)
                           .arg(c.failed)
                           .arg(c.notTestable);
        if (c.cancelled > 0)
            text += tr(" (%1 of the failed cancelled)").arg(c.cancelled);
        if (isRunning())
            text += tr(" · %1 in progress").arg(c.running);
        if (m_model->baseline() && !isRunning()) {
            int fixed = 0;
            int broken = 0;
            int changed = 0;
            for (int row = 0; row < m_model->rowCount(); ++row) {
                const ProbeChange change = m_model->change(row);
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
    if (row < 0 || row >= m_model->rowCount()) {
        m_details->setHtml(LiveTestDetails::placeholderHtml(hasResults()));
        return;
    }
    const QModelIndex source = m_model->index(row, 0);
    m_details->setHtml(LiveTestDetails::resultHtml(m_model->result(row), m_model->change(row),
                                                   source.data(ProbeResultModel::BaselineStatusRole).toString()));
}

void LiveTestPage::updateOptionsSummary()
{
    QStringList parts;
    int missing = 0;
    for (const QString &d : std::as_const(m_sampleDestinations))
        missing += m_samples.value(d).trimmed().isEmpty() ? 1 : 0;
    if (missing > 0)
        parts << tr("%1 of %2 wildcard or service tag destinations without a host to test")
                     .arg(missing)
                     .arg(m_sampleDestinations.size());
    else if (!m_sampleDestinations.isEmpty())
        parts << tr("sample hosts given");
    if (!m_caBundle->text().trimmed().isEmpty())
        parts << tr("extra CA certificates");
    parts << (m_timeout->value() > 0 ? tr("timeout %1 s per step").arg(m_timeout->value()) : tr("default timeouts"));
    parts << tr("%1 at once").arg(m_concurrency->value());
    m_optionsSummary->setText(parts.join(QStringLiteral(" · ")));
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

void LiveTestPage::showReportBanner(int kind, std::function<QString()> text)
{
    m_reportBannerText = std::move(text);
    m_reportBanner->showMessage(MessageBanner::Kind(kind), m_reportBannerText());
}

QAction *LiveTestPage::saveReportAction(ReportFormat format) const
{
    switch (format) {
    case ReportFormat::Html:
        return m_saveHtml;
    case ReportFormat::Json:
        return m_saveJson;
    case ReportFormat::Csv:
        return m_saveCsv;
    }
    return nullptr;
}

QByteArray LiveTestPage::reportData(ReportFormat format) const
{
    ProbeRun run;
    run.set = state()->ruleSet(); // the same scenario as the results (else they were cleared), in today's language
    run.options = m_runOptions;
    run.results = m_engine->results();
    run.baseline = m_model->baseline();
    run.vantage = ProbeVantage::current(m_runOptions, run.results, m_engine->startedAt(), m_engine->finishedAt());
    switch (format) {
    case ReportFormat::Html:
        return ProbeReport::html(run, language());
    case ReportFormat::Json:
        return ProbeReport::json(run, language());
    case ReportFormat::Csv:
        return ProbeReport::csv(run, language(), true); // a file: with the byte order mark Excel needs
    }
    return {};
}

QString LiveTestPage::reportFormatName(ReportFormat format) const
{
    switch (format) {
    case ReportFormat::Html:
        return tr("HTML report");
    case ReportFormat::Json:
        return tr("JSON report");
    case ReportFormat::Csv:
        return tr("CSV report");
    }
    return {};
}

QString LiveTestPage::suggestedReportName(ReportFormat format) const
{
    const Answers &a = state()->answers();
    QString base = QStringLiteral("amlfw-check");
    if (state()->isRegionValid())
        base += u'-' + a.region;
    if (state()->isStorageValid())
        base += u'-' + a.storage;
    const QDateTime when = m_engine->startedAt().isValid() ? m_engine->startedAt() : QDateTime::currentDateTimeUtc();
    base += u'-' + when.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    switch (format) {
    case ReportFormat::Html:
        return base + QStringLiteral(".html");
    case ReportFormat::Json:
        return base + QStringLiteral(".json");
    case ReportFormat::Csv:
        return base + QStringLiteral(".csv");
    }
    return base;
}

bool LiveTestPage::saveReport(ReportFormat format)
{
    if (isRunning() || !hasResults())
        return false;
    QString directory = m_settings ? m_settings->lastDirectory() : QString();
    if (directory.isEmpty() || !QDir(directory).exists())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
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
    }
    filter += QStringLiteral(";;") + tr("All files (*)");
    const QString path
        = FileDialog::instance()->getSaveFileName(this, tr("Save the %1").arg(reportFormatName(format)),
                                                  QDir(directory).filePath(suggestedReportName(format)), filter);
    if (path.isEmpty())
        return false; // cancelled
    QString error;
    if (!writeFileAtomically(path, reportData(format), &error)) {
        m_openFolder->hide();
        showReportBanner(int(MessageBanner::Kind::Error),
                         [error]() -> QString { return tr("Nothing was written. %1").arg(error); });
        return false;
    }
    m_lastReportPath = QFileInfo(path).absoluteFilePath();
    if (m_settings)
        m_settings->setLastDirectory(QFileInfo(path).absolutePath());
    m_openFolder->show();
    showReportBanner(int(MessageBanner::Kind::Success), [this, format]() -> QString {
        return tr("Saved the %1 to %2").arg(reportFormatName(format), QDir::toNativeSeparators(m_lastReportPath));
    });
    return true;
}

bool LiveTestPage::loadBaseline()
{
    QString directory = m_settings ? m_settings->lastDirectory() : QString();
    if (directory.isEmpty() || !QDir(directory).exists())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialog::instance()->getOpenFileName(this, tr("Compare with an earlier run"), directory,
                                                                 tr("JSON reports of amlfw check (*.json)")
                                                                     + QStringLiteral(";;") + tr("All files (*)"));
    if (path.isEmpty())
        return false;
    return loadBaselineFrom(path);
}

bool LiveTestPage::loadBaselineFrom(const QString &path)
{
    QString error;
    const auto baseline = ProbeBaseline::fromFile(path, &error);
    if (!baseline) {
        m_openFolder->hide();
        // Core's message is in the language of the moment; say it again after a switch.
        showReportBanner(int(MessageBanner::Kind::Error), [path]() -> QString {
            QString again;
            ProbeBaseline::fromFile(path, &again);
            return tr("Cannot compare: %1").arg(again);
        });
        return false;
    }
    m_reportBanner->clearMessage();
    m_model->setBaseline(baseline);
    m_view->setColumnHidden(ProbeResultModel::ChangeColumn, false);
    if (m_settings)
        m_settings->setLastDirectory(QFileInfo(path).absolutePath());
    updateBaselineLabel();
    updateCounts();
    updateDetails();
    return true;
}

void LiveTestPage::clearBaseline()
{
    m_model->setBaseline(std::nullopt);
    m_view->setColumnHidden(ProbeResultModel::ChangeColumn, true);
    updateBaselineLabel();
    updateCounts();
    updateDetails();
}

void LiveTestPage::updateBaselineLabel()
{
    const auto &baseline = m_model->baseline();
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

void LiveTestPage::retranslateUi()
{
    setTitle(tr("Test from this computer"));
    setSubTitle(tr("Checks name resolution, connection, TLS and HTTP of every endpoint, through your proxy, to "
                   "show what the firewall blocks. Optional: Next goes on without it."));

    m_proxyLabel->setText(tr("Pro&xy:"));
    m_proxyMode->setItemText(0, tr("Direct (no proxy)"));
    m_proxyMode->setItemText(1, tr("System proxy setting"));
    m_proxyMode->setItemText(2, tr("HTTP proxy"));
    m_proxyMode->setAccessibleName(tr("Proxy"));
    m_proxyMode->setAccessibleDescription(
        tr("How the test reaches web ports: directly, through the system's proxy setting, or through an HTTP proxy."));
    m_proxyMode->setToolTip(m_proxyMode->accessibleDescription());
    m_proxyUrlLabel->setText(tr("&URL:"));
    m_proxyUrl->setPlaceholderText(tr("http://proxy.example.com:8080"));
    m_proxyUrl->setAccessibleName(tr("Proxy URL"));
    m_proxyUrl->setAccessibleDescription(tr("Address and port of the HTTP proxy, such as http://proxy:3128."));
    m_proxyUrl->setToolTip(m_proxyUrl->accessibleDescription());
    m_proxyUserLabel->setText(tr("Us&er:"));
    m_proxyUser->setAccessibleName(tr("Proxy user"));
    m_proxyUser->setAccessibleDescription(tr("User name for the proxy (Basic authentication); empty: none."));
    m_proxyUser->setToolTip(m_proxyUser->accessibleDescription());
    m_proxyPasswordLabel->setText(tr("Pass&word:"));
    m_proxyPassword->setAccessibleName(tr("Proxy password"));
    m_proxyPassword->setAccessibleDescription(
        tr("Password for the proxy. Used for this session only: it is never saved, shown or written to a report."));
    m_proxyPassword->setToolTip(m_proxyPassword->accessibleDescription());
    m_passwordNote->setText(tr("The password is used for this session only: never saved or written to a report."));
    updateProxyFields();

    m_moreOptions->setText(tr("&More options"));
    m_moreOptions->setAccessibleName(tr("More options"));
    m_moreOptions->setAccessibleDescription(
        tr("Shows or hides sample hosts for wildcards, extra CA certificates, the timeout and how many endpoints "
           "are tested at once."));
    m_moreOptions->setToolTip(m_moreOptions->accessibleDescription());
    m_optionsSummary->setAccessibleName(tr("Options in effect"));
    m_samplesLabel->setText(
        tr("Sample &hosts: a concrete host to test for each wildcard or service tag that has none."));
    m_samplesTable->setHorizontalHeaderLabels({tr("Destination"), tr("Host to test")});
    m_samplesTable->setAccessibleName(tr("Sample hosts"));
    m_samplesTable->setAccessibleDescription(
        tr("Type a host the wildcard allows, such as one of your own, to test it; empty rows are not tested."));
    m_noSamplesLabel->setText(tr("Every destination of these rules has a host to test."));
    m_caBundleLabel->setText(tr("Extra C&A certificates:"));
    m_caBundle->setPlaceholderText(tr("PEM file, such as your TLS inspection's CA (optional)"));
    m_caBundle->setAccessibleName(tr("Extra CA certificates"));
    m_caBundle->setAccessibleDescription(
        tr("A PEM file of CA certificates to trust in addition to this computer's, such as a TLS inspection's CA."));
    m_caBundle->setToolTip(m_caBundle->accessibleDescription());
    m_browseCa->setText(tr("Br&owse…"));
    m_browseCa->setAccessibleName(tr("Browse for CA certificates"));
    m_browseCa->setAccessibleDescription(tr("Chooses the PEM file of extra CA certificates."));
    m_timeoutLabel->setText(tr("T&imeout per step:"));
    m_timeout->setSpecialValueText(tr("default"));
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setAccessibleName(tr("Timeout per step"));
    m_timeout->setAccessibleDescription(tr("Seconds each step (DNS, TCP, TLS, HTTP) may take; default: DNS 3 s, TCP 5 "
                                           "s, TLS 5 s, HTTP 10 s."));
    m_timeout->setToolTip(m_timeout->accessibleDescription());
    m_concurrencyLabel->setText(tr("Endpoints &tested at once:"));
    m_concurrency->setAccessibleName(tr("Endpoints tested at once"));
    m_concurrency->setAccessibleDescription(
        tr("How many endpoints are tested at the same time, 1 to %1.").arg(ProbeOptions::MaxConcurrency));
    m_concurrency->setToolTip(m_concurrency->accessibleDescription());

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

    m_saveReport->setText(tr("Sa&ve report"));
    m_saveReport->setAccessibleName(tr("Save report"));
    m_saveReport->setAccessibleDescription(
        tr("Saves the results as an HTML, JSON or CSV report: evidence for the change request."));
    m_saveReport->setToolTip(m_saveReport->accessibleDescription());
    m_saveHtml->setText(tr("HTML, for people (one self-contained page)…"));
    m_saveJson->setText(tr("JSON, for tools and to compare with later…"));
    m_saveCsv->setText(tr("CSV, for a spreadsheet or the ticket…"));
    m_compare->setText(tr("Com&pare with an earlier run…"));
    m_compare->setAccessibleName(tr("Compare with an earlier run"));
    m_compare->setAccessibleDescription(
        tr("Loads the JSON report of an earlier run and shows, row by row, what was fixed and what now fails."));
    m_compare->setToolTip(m_compare->accessibleDescription());
    m_clearComparison->setText(tr("C&lear comparison"));
    m_clearComparison->setAccessibleName(tr("Clear comparison"));
    m_clearComparison->setAccessibleDescription(tr("Stops comparing with the earlier run."));
    m_clearComparison->setToolTip(m_clearComparison->accessibleDescription());
    m_openFolder->setText(tr("Open fol&der"));
    m_openFolder->setAccessibleName(tr("Open folder"));
    m_openFolder->setAccessibleDescription(tr("Shows the folder of the saved report."));

    m_model->retranslate(); // status labels, explanations and headers come from core, in the new language
    if (m_bannerText)
        m_banner->showMessage(m_banner->kind(), m_bannerText());
    if (m_reportBannerText && !m_reportBanner->isHidden())
        m_reportBanner->showMessage(m_reportBanner->kind(), m_reportBannerText());
    validateFields();
    updateOptionsSummary();
    updateBaselineLabel();
    updateCounts();
    updateDetails();
}

} // namespace amlfw
