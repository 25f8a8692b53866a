#include "livetestoptions.h"

#include "elidedlabel.h"
#include "fieldmarks.h"
#include "filedialog.h"
#include "pacloader.h"
#include "probeplanner.h"
#include "wizardsettings.h"
#include "wizardstate.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <functional>
#include <memory>

namespace amlfw {

namespace {

constexpr int DestinationColumn = 0;
constexpr int SampleHostColumn = 1;

} // namespace

LiveTestOptions::LiveTestOptions(WizardState *state, WizardSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_state(state)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("liveTestOptions"));
    buildConnection();
    buildMoreOptions();
    buildRedirect();

    loadSettings();
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, [this] {
        updateProxyFields();
        validateFields();
        updateSummary();
        saveSettings();
    });
    // Marked while typed, remembered only once committed (and without credentials).
    connect(m_proxyUrl, &QLineEdit::textChanged, this, &LiveTestOptions::validateFields);
    connect(m_proxyUrl, &QLineEdit::editingFinished, this, [this] {
        moveUrlCredentials();
        validateFields();
        saveSettings();
    });
    connect(m_pacLocation, &QLineEdit::textChanged, this, &LiveTestOptions::validateFields);
    connect(m_pacLocation, &QLineEdit::editingFinished, this, [this] {
        checkPac();
        validateFields();
        updateSummary();
        saveSettings();
    });
    connect(m_browsePac, &QPushButton::clicked, this, &LiveTestOptions::choosePac);
    connect(m_caBundle, &QLineEdit::textChanged, this, [this] {
        validateFields();
        updateSummary();
    });
    connect(m_caBundle, &QLineEdit::editingFinished, this, &LiveTestOptions::saveSettings);
    for (QSpinBox *box : {m_timeout, m_concurrency}) {
        connect(box, &QSpinBox::valueChanged, this, [this] {
            updateSummary();
            saveSettings();
        });
    }
    connect(m_moreOptions, &QToolButton::toggled, this, [this](bool on) {
        m_panel->setVisible(on);
        m_moreOptions->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_browseCa, &QPushButton::clicked, this, &LiveTestOptions::chooseCaBundle);
    connect(m_samplesTable, &QTableWidget::cellChanged, this, &LiveTestOptions::sampleEdited);

    refreshSamples();
    retranslateUi();
}

void LiveTestOptions::buildConnection()
{
    m_proxyLabel = new QLabel(this);
    m_proxyMode = named(new QComboBox(this), "proxyMode");
    m_proxyMode->addItem(QString(), int(ProxySetting::Mode::None));
    m_proxyMode->addItem(QString(), int(ProxySetting::Mode::System));
    m_proxyMode->addItem(QString(), int(ProxySetting::Mode::Explicit));
    m_proxyMode->addItem(QString(), int(ProxySetting::Mode::Pac));
    m_proxyMode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_proxyLabel->setBuddy(m_proxyMode);
    m_proxyHint = named(new QLabel(this), "proxyHint");
    m_proxyHint->setForegroundRole(QPalette::PlaceholderText);
    m_proxyHint->setWordWrap(true);
    m_proxyUrlLabel = new QLabel(this);
    m_proxyUrl = named(new QLineEdit(this), "proxyUrl");
    m_proxyUrl->setClearButtonEnabled(true);
    m_proxyUrl->setMinimumWidth(200);
    m_proxyUrlLabel->setBuddy(m_proxyUrl);
    m_pacLabel = new QLabel(this);
    m_pacLocation = named(new QLineEdit(this), "pacLocation");
    m_pacLocation->setClearButtonEnabled(true);
    m_pacLocation->setMinimumWidth(200);
    m_pacLabel->setBuddy(m_pacLocation);
    m_browsePac = named(new QPushButton(this), "browsePac");
    m_browsePac->setAutoDefault(false);

    // The credentials only when there is such a proxy; the password masked, and never remembered.
    m_credentials = named(new QWidget(this), "proxyCredentials");
    m_proxyUserLabel = new QLabel(m_credentials);
    m_proxyUser = named(new QLineEdit(m_credentials), "proxyUser");
    m_proxyUser->setMinimumWidth(120);
    m_proxyUserLabel->setBuddy(m_proxyUser);
    m_proxyPasswordLabel = new QLabel(m_credentials);
    m_proxyPassword = named(new QLineEdit(m_credentials), "proxyPassword");
    m_proxyPassword->setEchoMode(QLineEdit::Password);
    m_proxyPassword->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_proxyPassword->setMinimumWidth(120);
    m_proxyPasswordLabel->setBuddy(m_proxyPassword);
    m_passwordNote = new QLabel(m_credentials);
    m_passwordNote->setForegroundRole(QPalette::PlaceholderText);
    m_passwordNote->setWordWrap(true);

    auto *connectionRow = new QHBoxLayout;
    connectionRow->addWidget(m_proxyLabel);
    connectionRow->addWidget(m_proxyMode);
    connectionRow->addSpacing(8);
    connectionRow->addWidget(m_proxyHint, 1);
    connectionRow->addWidget(m_proxyUrlLabel);
    connectionRow->addWidget(m_proxyUrl, 1);
    connectionRow->addWidget(m_pacLabel);
    connectionRow->addWidget(m_pacLocation, 1);
    connectionRow->addWidget(m_browsePac);
    auto *credentialsRow = new QHBoxLayout(m_credentials);
    credentialsRow->setContentsMargins(0, 0, 0, 0);
    credentialsRow->addWidget(m_proxyUserLabel);
    credentialsRow->addWidget(m_proxyUser);
    credentialsRow->addSpacing(8);
    credentialsRow->addWidget(m_proxyPasswordLabel);
    credentialsRow->addWidget(m_proxyPassword);
    credentialsRow->addSpacing(8);
    credentialsRow->addWidget(m_passwordNote, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(connectionRow);
    layout->addWidget(m_credentials);
}

void LiveTestOptions::buildMoreOptions()
{
    m_moreOptions = named(new QToolButton(this), "moreOptions");
    m_moreOptions->setCheckable(true);
    m_moreOptions->setAutoRaise(true);
    m_moreOptions->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_moreOptions->setArrowType(Qt::RightArrow);
    // One line beside the button: elided in a narrow window, the whole text in its tooltip.
    m_summary = named(new ElidedLabel(this), "optionsSummary");
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_panel = named(new QWidget(this), "optionsPanel");
    m_samplesLabel = new QLabel(m_panel);
    m_samplesLabel->setWordWrap(true);
    m_samplesTable = named(new QTableWidget(0, 2, m_panel), "sampleHosts");
    m_samplesTable->verticalHeader()->hide();
    m_samplesTable->horizontalHeader()->setStretchLastSection(true);
    m_samplesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_samplesTable->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_samplesTable->setMinimumHeight(72);
    m_samplesTable->setMaximumHeight(110);
    m_samplesLabel->setBuddy(m_samplesTable);
    m_noSamplesLabel = new QLabel(m_panel);
    m_noSamplesLabel->setWordWrap(true);
    m_noSamplesLabel->setForegroundRole(QPalette::PlaceholderText);
    m_caBundleLabel = new QLabel(m_panel);
    m_caBundle = named(new QLineEdit(m_panel), "caBundle");
    m_caBundle->setClearButtonEnabled(true);
    m_caBundleLabel->setBuddy(m_caBundle);
    m_browseCa = named(new QPushButton(m_panel), "browseCaBundle");
    m_browseCa->setAutoDefault(false);
    m_timeoutLabel = new QLabel(m_panel);
    m_timeout = named(new QSpinBox(m_panel), "timeout");
    m_timeout->setRange(0, WizardSettings::MaxLiveTestTimeoutSeconds);
    m_timeoutLabel->setBuddy(m_timeout);
    m_concurrencyLabel = new QLabel(m_panel);
    m_concurrency = named(new QSpinBox(m_panel), "concurrency");
    // The lowest value is "automatic" (every endpoint at once, up to the cap); a number is the user's.
    m_concurrency->setRange(ProbeOptions::AutomaticConcurrency, ProbeOptions::MaxConcurrency);
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
    auto *panelLayout = new QHBoxLayout(m_panel);
    panelLayout->setContentsMargins(18, 0, 0, 4);
    panelLayout->addLayout(samplesColumn, 6);
    panelLayout->addSpacing(12);
    panelLayout->addLayout(limits, 5);
    m_panel->hide();

    auto *optionsRow = new QHBoxLayout;
    optionsRow->setContentsMargins(0, 0, 0, 0);
    optionsRow->addWidget(m_moreOptions);
    optionsRow->addWidget(m_summary, 1);
    auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
    layout->addLayout(optionsRow);
    layout->addWidget(m_panel);

    const QList<QWidget *> order = focusOrder();
    for (qsizetype i = 0; i + 1 < order.size(); ++i)
        setTabOrder(order.at(i), order.at(i + 1));
}

QList<QWidget *> LiveTestOptions::focusOrder() const
{
    QList<QWidget *> order{m_proxyMode,   m_proxyUrl,    m_pacLocation, m_browsePac, m_proxyUser,
                           m_proxyPassword, m_moreOptions, m_samplesTable, m_caBundle, m_browseCa,
                           m_timeout,       m_concurrency};
    if (m_redirect)
        order << m_redirect;
    return order;
}

std::optional<ProbeOptions> LiveTestOptions::probeOptions(Problems *problems) const
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
    } else if (mode == ProxySetting::Mode::Pac) {
        o.proxy = ProxySetting();
        o.proxy.mode = mode;
        o.proxy.pacLocation = m_pacLocation->text().trimmed();
        if (o.proxy.pacLocation.isEmpty()) {
            out << Problem::error(QStringLiteral("proxy"),
                                  tr("Give the PAC file's path or URL, such as http://wpad.example.com/wpad.dat."));
        } else {
            if (!m_typing && m_pacChecked != o.proxy.pacLocation)
                checkPac();
            if (m_pacChecked == o.proxy.pacLocation && !m_pacProblem.isEmpty())
                out << Problem::error(QStringLiteral("pac"), m_pacProblem);
            else if (m_pacChecked == o.proxy.pacLocation)
                o.proxy.pacScript = m_pacScript;
        }
    } else {
        o.proxy = ProxySetting();
        o.proxy.mode = mode;
        if (mode == ProxySetting::Mode::System)
            o.proxy.useDesktop(desktopProxy());
        // The desktop's PAC URL: fetched here, where a progress dialog can show, not when the run
        // starts. Once per URL when it worked; again at the next start when it did not.
        if (const QString url = o.proxy.desktopPacUrl; !url.isEmpty() && !m_typing) {
            QString problem;
            if (m_desktopPacFetched != url && fetchPac(url, &m_desktopPacScript, &problem))
                m_desktopPacFetched = url;
            if (m_desktopPacFetched == url) {
                o.proxy.pacLocation = url;
                o.proxy.pacScript = m_desktopPacScript;
            } else {
                out << Problem::error(QStringLiteral("proxy"),
                                      tr("The system proxy setting of the %1 desktop cannot be used: %2")
                                          .arg(o.proxy.desktop, problem));
            }
        }
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
    o.samples = samplesOnly().samples;
    if (m_redirect) {
        const Redirects redirects = parseRedirects(m_redirect->toPlainText());
        for (const QString &error : redirects.errors)
            out << Problem::error(QStringLiteral("redirect"), error);
        // The user's rules first: the first rule that matches wins.
        o.resolve = redirects.resolve + o.resolve;
        o.connectTo = redirects.connectTo + o.connectTo;
    }
    if (hasErrors(out))
        return std::nullopt;
    return o;
}

ProbeOptions LiveTestOptions::samplesOnly() const
{
    ProbeOptions o;
    for (const QString &destination : m_sampleDestinations) {
        if (const QString host = m_samples.value(destination).trimmed(); !host.isEmpty())
            o.samples.insert(destination, host);
    }
    return o;
}

void LiveTestOptions::refreshSamples()
{
    // Which destinations need a host does not depend on the samples given: ask without them.
    const QStringList destinations = ProbePlanner::destinationsWithoutHost(m_state->ruleSet(), ProbeOptions());
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
    updateSummary();
}

void LiveTestOptions::setSampleHost(const QString &destination, const QString &host)
{
    const int row = int(m_sampleDestinations.indexOf(destination));
    if (row < 0) {
        m_samples.insert(destination, host.trimmed());
        return;
    }
    m_samplesTable->item(row, SampleHostColumn)->setText(host); // cellChanged does the rest
}

void LiveTestOptions::sampleEdited(int row, int column)
{
    if (column != SampleHostColumn || row < 0 || row >= m_sampleDestinations.size())
        return;
    m_samples.insert(m_sampleDestinations.at(row), m_samplesTable->item(row, column)->text().trimmed());
    validateFields();
    updateSummary();
    Q_EMIT samplesChanged();
}

void LiveTestOptions::validateFields()
{
    if (m_loading)
        return;
    Problems problems;
    m_typing = true; // a PAC is read once its location is committed, not at every key
    probeOptions(&problems);
    m_typing = false;
    bool proxyInvalid = false;
    bool caInvalid = false;
    bool pacInvalid = false;
    for (const Problem &p : std::as_const(problems)) {
        pacInvalid = pacInvalid || p.location == u"pac";
        proxyInvalid = proxyInvalid || p.location == u"proxy";
        caInvalid = caInvalid || p.location == u"caBundle";
    }
    // An empty URL is not yet wrong: it is said when the test starts.
    markInvalid(m_proxyUrl, proxyInvalid && !m_proxyUrl->text().trimmed().isEmpty());
    markInvalid(m_caBundle, caInvalid);
    markInvalid(m_pacLocation, pacInvalid && m_pacChecked == m_pacLocation->text().trimmed());
    validateRedirect();
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
            ProbePlanner::plan(m_state->ruleSet(), o, &planProblems);
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

void LiveTestOptions::setRunning(bool running)
{
    m_running = running;
    updateEnabled();
}

void LiveTestOptions::setDemo(bool demo)
{
    if (m_demo == demo)
        return;
    m_demo = demo;
    updateEnabled();
    validateFields();
    updateSummary();
}

void LiveTestOptions::updateEnabled()
{
    // While a test runs nothing changes; on the demo network only the sample hosts and the
    // concurrency are the user's (it brings its own proxy, CAs, timeouts and redirects).
    for (QWidget *w : std::initializer_list<QWidget *>{m_samplesTable, m_concurrency})
        w->setEnabled(!m_running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_proxyMode, m_caBundle, m_browseCa, m_timeout, m_proxyUrl,
                                                       m_proxyUser, m_proxyPassword, m_pacLocation, m_browsePac})
        w->setEnabled(!m_running && !m_demo);
    if (m_redirect)
        m_redirect->setReadOnly(m_running || m_demo);
}

void LiveTestOptions::updateProxyFields()
{
    const auto mode = ProxySetting::Mode(m_proxyMode->currentData().toInt());
    const bool explicitProxy = mode == ProxySetting::Mode::Explicit;
    m_proxyUrlLabel->setVisible(explicitProxy);
    m_proxyUrl->setVisible(explicitProxy);
    m_credentials->setVisible(explicitProxy);
    const bool pac = mode == ProxySetting::Mode::Pac;
    m_pacLabel->setVisible(pac);
    m_pacLocation->setVisible(pac);
    m_browsePac->setVisible(pac);
    m_proxyHint->setVisible(!explicitProxy && !pac);
    m_proxyHint->setText(mode == ProxySetting::Mode::None
                             ? tr("Every endpoint is connected to directly, as from a machine without a proxy.")
                             : tr("Web ports (80, 443) go through the proxy this computer is set to use; other "
                                  "ports go directly."));
}

void LiveTestOptions::moveUrlCredentials()
{
    // Credentials typed or pasted into the URL go to their own fields, the password to the masked one,
    // whether or not the rest parses yet: the URL field never keeps showing a password.
    const ProxySetting::Credentials c = ProxySetting::splitCredentials(m_proxyUrl->text());
    if (!c.found)
        return;
    if (!c.user.isEmpty())
        m_proxyUser->setText(c.user);
    if (!c.password.isEmpty())
        m_proxyPassword->setText(c.password);
    QString error;
    const auto proxy = ProbeOptions::parseProxy(c.url, &error);
    m_proxyUrl->setText(proxy && proxy->mode == ProxySetting::Mode::Explicit ? proxy->display() : c.url);
}

void LiveTestOptions::chooseCaBundle()
{
    const QString current = m_caBundle->text().trimmed();
    const QString directory = FileDialog::startDirectory(
        current.isEmpty() ? QString() : QFileInfo(current).absolutePath(),
        m_settings ? m_settings->lastDirectory(WizardSettings::Folder::Certificates) : QString());
    const QString path
        = FileDialog::instance()->getOpenFileName(this, tr("Extra CA certificates"), directory,
                                                  FileDialog::withAllFiles(tr("PEM certificates (*.pem *.crt *.cer)")));
    if (path.isEmpty())
        return;
    m_caBundle->setText(QDir::toNativeSeparators(path));
    if (m_settings)
        m_settings->setLastDirectory(WizardSettings::Folder::Certificates, QFileInfo(path).absolutePath());
    saveSettings();
}

void LiveTestOptions::checkPac() const
{
    const QString location = m_pacLocation->text().trimmed();
    if (location.isEmpty() || location == m_pacChecked)
        return;
    m_pacChecked = location;
    m_pacScript.clear();
    m_pacProblem.clear();
    fetchPac(location, &m_pacScript, &m_pacProblem);
}

bool LiveTestOptions::fetchPac(const QString &location, QString *script, QString *problem) const
{
    ProxySetting p;
    p.mode = ProxySetting::Mode::Pac;
    p.pacLocation = location;
    std::unique_ptr<QProgressDialog> progress;
    std::function<bool()> cancelled;
    if (PacLoader::isUrl(location) && !QUrl(location).isLocalFile()) {
        // Window-modal: while it waits, nothing else on the page can start (the fetch runs a local
        // event loop).
        progress = std::make_unique<QProgressDialog>(
            tr("Fetching the automatic configuration script\n%1").arg(location), tr("Cancel"), 0, 0, window());
        progress->setObjectName(QStringLiteral("pacProgress"));
        progress->setWindowTitle(tr("Automatic configuration script"));
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(FetchDialogDelayMs); // shows by itself if the fetch takes longer
        progress->setValue(0);                            // from now
        cancelled = [dialog = progress.get()] { return dialog->wasCanceled(); };
    }
    QString error;
    if (!ProbeOptions::loadPac(&p, &error, cancelled)) {
        *problem = error;
        return false;
    }
    *script = p.pacScript;
    return true;
}

void LiveTestOptions::choosePac()
{
    const QString current = m_pacLocation->text().trimmed();
    const QString directory = FileDialog::startDirectory(
        current.isEmpty() || PacLoader::isUrl(current) ? QString() : QFileInfo(current).absolutePath(),
        m_settings ? m_settings->lastDirectory(WizardSettings::Folder::Certificates) : QString());
    const QString path = FileDialog::instance()->getOpenFileName(
        this, tr("Automatic configuration script"), directory,
        FileDialog::withAllFiles(tr("PAC files (*.pac *.dat *.js)")));
    if (path.isEmpty())
        return;
    m_pacLocation->setText(QDir::toNativeSeparators(path));
    checkPac();
    validateFields();
    updateSummary();
    saveSettings();
}

void LiveTestOptions::loadSettings()
{
    m_loading = true;
    if (m_settings) {
        m_proxyMode->setCurrentIndex(m_proxyMode->findData(int(m_settings->liveTestProxyMode())));
        m_proxyUrl->setText(m_settings->liveTestProxyUrl());
        m_pacLocation->setText(m_settings->liveTestPacLocation());
        m_timeout->setValue(m_settings->liveTestTimeoutSeconds());
        m_concurrency->setValue(m_settings->liveTestConcurrency());
        m_caBundle->setText(m_settings->liveTestCaBundle());
    } else {
        m_proxyMode->setCurrentIndex(m_proxyMode->findData(int(ProxySetting::Mode::System)));
    }
    m_loading = false;
}

void LiveTestOptions::saveSettings()
{
    if (!m_settings || m_loading)
        return;
    m_settings->setLiveTestProxyMode(ProxySetting::Mode(m_proxyMode->currentData().toInt()));
    m_settings->setLiveTestProxyUrl(m_proxyUrl->text()); // WizardSettings keeps no user information
    m_settings->setLiveTestPacLocation(m_pacLocation->text().trimmed());
    m_settings->setLiveTestTimeoutSeconds(m_timeout->value());
    m_settings->setLiveTestConcurrency(m_concurrency->value());
    m_settings->setLiveTestCaBundle(m_caBundle->text().trimmed());
}

const DesktopProxy &LiveTestOptions::desktopProxy() const
{
    // On Linux, a desktop's PAC URL that Qt does not see; read once per page (a process each time).
    if (!m_desktopProxy)
        m_desktopProxy = DesktopProxy::read();
    return *m_desktopProxy;
}

void LiveTestOptions::updateSummary()
{
    QStringList parts;
    if (m_demo)
        parts << tr("demo network: its own proxy, certificates, timeouts and redirects are used, not these");
    // What "System proxy setting" means here, when the desktop says more than Qt sees.
    if (!m_demo && ProxySetting::Mode(m_proxyMode->currentData().toInt()) == ProxySetting::Mode::System) {
        const DesktopProxy &desktop = desktopProxy();
        if (desktop.kind == DesktopProxy::Kind::Pac)
            parts << tr("system proxy: the PAC script %1 of the %2 desktop").arg(desktop.pacUrl, desktop.desktop);
        else if (desktop.kind == DesktopProxy::Kind::AutoDetect)
            parts << tr("system proxy: the %1 desktop detects it automatically, which the test does not do; choose "
                        "the PAC script and give its URL")
                         .arg(desktop.desktop);
    }
    // A PAC that cannot be used is said first: nothing reaches the web the way it was asked.
    if (!m_demo && ProxySetting::Mode(m_proxyMode->currentData().toInt()) == ProxySetting::Mode::Pac
        && m_pacChecked == m_pacLocation->text().trimmed() && !m_pacProblem.isEmpty())
        parts << m_pacProblem;
    int missing = 0;
    for (const QString &d : std::as_const(m_sampleDestinations))
        missing += m_samples.value(d).trimmed().isEmpty() ? 1 : 0;
    if (missing > 0)
        parts << tr("%1 of %n wildcard or service tag destination(s) without a host to test", nullptr,
                    int(m_sampleDestinations.size()))
                     .arg(missing);
    else if (!m_sampleDestinations.isEmpty())
        parts << tr("sample hosts given");
    if (!m_caBundle->text().trimmed().isEmpty())
        parts << tr("extra CA certificates");
    parts << (m_timeout->value() > 0 ? tr("timeout %1 s per step").arg(m_timeout->value()) : tr("default timeouts"));
    parts << (m_concurrency->value() == ProbeOptions::AutomaticConcurrency ? tr("endpoints at once: automatic")
                                                                            : tr("%1 at once").arg(m_concurrency->value()));
    if (m_redirect) {
        const Redirects redirects = parseRedirects(m_redirect->toPlainText());
        if (const int n = int(redirects.resolve.size() + redirects.connectTo.size()); n > 0)
            parts << tr("%n redirect(s)", nullptr, n);
    }
    m_summary->setFullText(parts.join(QStringLiteral(" · ")));
}

void LiveTestOptions::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LiveTestOptions::retranslateUi()
{
    m_proxyLabel->setText(tr("Pro&xy:"));
    m_proxyMode->setItemText(0, tr("Direct (no proxy)"));
    m_proxyMode->setItemText(1, tr("System proxy setting"));
    m_proxyMode->setItemText(2, tr("HTTP proxy"));
    m_proxyMode->setItemText(3, tr("Automatic configuration script (PAC)…"));
    m_proxyMode->setAccessibleName(tr("Proxy"));
    m_proxyMode->setAccessibleDescription(
        tr("How the test reaches web ports: directly, through the system's proxy setting, through an HTTP proxy, or "
           "as a proxy auto-configuration (PAC) script says."));
    m_proxyMode->setToolTip(m_proxyMode->accessibleDescription());
    m_proxyUrlLabel->setText(tr("&URL:"));
    m_proxyUrl->setPlaceholderText(tr("http://proxy.example.com:8080"));
    m_proxyUrl->setAccessibleName(tr("Proxy URL"));
    m_proxyUrl->setAccessibleDescription(tr("Address and port of the HTTP proxy, such as http://proxy:3128."));
    m_proxyUrl->setToolTip(m_proxyUrl->accessibleDescription());
    m_pacLabel->setText(tr("Auto-confi&g script:"));
    m_pacLocation->setPlaceholderText(tr("PAC file or URL, such as http://wpad.example.com/wpad.dat"));
    m_pacLocation->setAccessibleName(tr("PAC file or URL"));
    m_pacLocation->setAccessibleDescription(
        tr("The proxy auto-configuration script: a file, or an http, https or file URL. Its FindProxyForURL "
           "decides per endpoint, and its list of proxies is tried in order."));
    m_pacLocation->setToolTip(m_pacLocation->accessibleDescription());
    m_browsePac->setText(tr("Pic&k file…"));
    m_browsePac->setAccessibleName(tr("Choose a PAC file"));
    m_browsePac->setAccessibleDescription(tr("Chooses the proxy auto-configuration (PAC) file."));
    m_proxyUserLabel->setText(tr("Us&er:"));
    m_proxyUser->setAccessibleName(tr("Proxy user"));
    m_proxyUser->setAccessibleDescription(
        tr("User name for the proxy: NTLM, Digest or Basic, as the proxy asks (DOMAIN\\user or user@domain for "
           "NTLM). Empty: none; on Windows the logged-on user signs on to NTLM and Negotiate (Kerberos) proxies."));
    m_proxyUser->setToolTip(m_proxyUser->accessibleDescription());
    m_proxyPasswordLabel->setText(tr("Pass&word:"));
    m_proxyPassword->setAccessibleName(tr("Proxy password"));
    m_proxyPassword->setAccessibleDescription(
        tr("Password for the proxy. Used for this session only: it is never saved, shown or written to a report."));
    m_proxyPassword->setToolTip(m_proxyPassword->accessibleDescription());
    m_passwordNote->setText(tr("The password is used for this session only: never saved or written to a report."));

    m_moreOptions->setText(tr("&More options"));
    m_moreOptions->setAccessibleName(tr("More options"));
    m_moreOptions->setAccessibleDescription(
        tr("Shows or hides sample hosts for wildcards, extra CA certificates, the timeout and how many endpoints "
           "are tested at once."));
    m_moreOptions->setToolTip(m_moreOptions->accessibleDescription());
    m_summary->setAccessibleName(tr("Options in effect"));
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
    m_concurrency->setSpecialValueText(tr("automatic"));
    m_concurrency->setAccessibleDescription(
        tr("How many endpoints are tested at the same time: automatic (every endpoint at once, up to %1) or 1 to %2.")
            .arg(ProbeOptions::AutomaticConcurrencyCap)
            .arg(ProbeOptions::MaxConcurrency));
    m_concurrency->setToolTip(m_concurrency->accessibleDescription());
    retranslateRedirect();
    updateProxyFields();
    validateFields();
    updateSummary();
}

// ---- Redirect: --resolve and --connect-to rules, remembered per profile

void LiveTestOptions::buildRedirect()
{
    // Its own row under the other options, the panel's full width: the rules are long.
    m_redirectPanel = named(new QWidget(this), "redirectPanel");
    m_redirectLabel = new QLabel(m_redirectPanel);
    m_redirect = named(new QPlainTextEdit(m_redirectPanel), "redirect");
    m_redirect->setTabChangesFocus(true);
    m_redirect->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_redirect->setFixedHeight(m_redirect->fontMetrics().lineSpacing() * 2 + 12);
    m_redirectLabel->setBuddy(m_redirect);
    m_redirectProblem = named(new QLabel(m_redirectPanel), "redirectProblem");
    m_redirectProblem->setWordWrap(true);
    m_redirectProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_redirectProblem->hide();
    auto *grid = new QGridLayout(m_redirectPanel);
    grid->setContentsMargins(18, 0, 0, 4);
    grid->addWidget(m_redirectLabel, 0, 0, Qt::AlignTop);
    grid->addWidget(m_redirect, 0, 1);
    grid->addWidget(m_redirectProblem, 1, 1);
    grid->setColumnStretch(1, 1);
    qobject_cast<QVBoxLayout *>(layout())->addWidget(m_redirectPanel);
    m_redirectPanel->setVisible(m_moreOptions->isChecked());
    connect(m_moreOptions, &QToolButton::toggled, m_redirectPanel, &QWidget::setVisible);
    setTabOrder(m_concurrency, m_redirect);
    loadRedirect();
    connect(m_redirect, &QPlainTextEdit::textChanged, this, [this] {
        validateRedirect();
        updateSummary();
        if (m_settings && !m_loading)
            m_settings->setLiveTestRedirects(m_redirectProfile, m_redirect->toPlainText());
    });
    // Another profile's answers: its own rules.
    connect(m_state, &WizardState::profileTitleChanged, this, &LiveTestOptions::loadRedirect);
}

QString LiveTestOptions::redirectProfileKey() const
{
    return m_state->profileTitle();
}

void LiveTestOptions::loadRedirect()
{
    m_redirectProfile = redirectProfileKey();
    const QString rules = m_settings ? m_settings->liveTestRedirects(m_redirectProfile) : QString();
    if (rules != m_redirect->toPlainText()) {
        const QScopedValueRollback<bool> loading(m_loading, true);
        m_redirect->setPlainText(rules);
    }
    validateRedirect();
    updateSummary();
}

QString LiveTestOptions::redirectText() const
{
    return m_redirect->toPlainText();
}

void LiveTestOptions::setRedirectText(const QString &text)
{
    m_redirect->setPlainText(text);
}

LiveTestOptions::Redirects LiveTestOptions::parseRedirects(const QString &text)
{
    Redirects out;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        enum class Kind { Guess, Resolve, ConnectTo } kind = Kind::Guess;
        for (const auto &[prefix, k] : {std::pair{QStringLiteral("--resolve"), Kind::Resolve},
                                        std::pair{QStringLiteral("resolve"), Kind::Resolve},
                                        std::pair{QStringLiteral("--connect-to"), Kind::ConnectTo},
                                        std::pair{QStringLiteral("connect-to"), Kind::ConnectTo}}) {
            if (line.startsWith(prefix + u' ') || line.startsWith(prefix + u'=')) {
                kind = k;
                line = line.mid(prefix.size() + 1).trimmed();
                break;
            }
        }
        if (kind == Kind::Guess) {
            // HOST:PORT:ADDR has two colons outside brackets, HOST:PORT:HOST2:PORT2 three.
            int colons = 0;
            int depth = 0;
            for (QChar c : std::as_const(line)) {
                depth += c == u'[' ? 1 : c == u']' ? -1 : 0;
                colons += c == u':' && depth == 0 ? 1 : 0;
            }
            kind = colons >= 3 ? Kind::ConnectTo : Kind::Resolve;
        }
        QString error;
        if (kind == Kind::Resolve) {
            if (const auto rule = ProbeOptions::parseResolve(line, &error))
                out.resolve << *rule;
        } else if (const auto rule = ProbeOptions::parseConnectTo(line, &error)) {
            out.connectTo << *rule;
        }
        if (!error.isEmpty())
            out.errors << tr("Redirect, line %1: %2").arg(QString::number(i + 1), error);
    }
    return out;
}

void LiveTestOptions::validateRedirect()
{
    if (!m_redirect)
        return;
    const Redirects redirects = parseRedirects(m_redirect->toPlainText());
    markInvalid(m_redirect, !redirects.errors.isEmpty());
    m_redirectProblem->setText(redirects.errors.join(u'\n'));
    m_redirectProblem->setVisible(!redirects.errors.isEmpty());
}

void LiveTestOptions::retranslateRedirect()
{
    m_redirectLabel->setText(tr("Redirect:"));
    m_redirect->setPlaceholderText(tr("One a line, as the command line takes them:\n"
                                      "--resolve HOST:PORT:ADDRESS\n--connect-to HOST:PORT:HOST2:PORT2"));
    m_redirect->setAccessibleName(tr("Redirect"));
    m_redirect->setAccessibleDescription(
        tr("Addresses to use for names (--resolve) and places to connect to instead (--connect-to), one a line, "
           "for names your DNS does not know yet or a test system. Remembered for this profile."));
    m_redirect->setToolTip(m_redirect->accessibleDescription());
    validateRedirect();
}

} // namespace amlfw
