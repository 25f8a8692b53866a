#include "exportpage.h"

#include "atomicfile.h"
#include "fieldmarks.h"
#include "filedialog.h"
#include "messagebanner.h"
#include "servicetags.h"
#include "wizardsettings.h"
#include "wizardstate.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace amlfw {

namespace {

constexpr int FormatColumns = 3;

bool usesDeployment(ExportFormat format)
{
    return Exporter::appliesTo(format, ExportOption::Deployment);
}

// A problem as the banner says it: the options' own problems name the field beside them; the others
// (the rules, the service tags file) say where.
QString bannerText(const Problem &p)
{
    return p.location.startsWith(QStringLiteral("--")) ? p.message() : p.toString();
}

QStringList bannerLines(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems)
        lines << bannerText(p);
    lines.removeDuplicates();
    return lines;
}

} // namespace

ExportPage::ExportPage(WizardState *state, WizardSettings *settings, QWidget *parent)
    : StatePage(state, parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("exportPage"));
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("exportContent"));

    m_intro = new QLabel(content);
    m_intro->setWordWrap(true);

    // ---- format: every format of Exporter, in its order; arrows move between them, Alt+A reaches
    // the chosen one (nine formats have no nine free letters beside the options' own).
    m_formatBox = named(new QGroupBox(content), "formatBox");
    m_formatGroup = new QButtonGroup(this);
    auto *formatGrid = new QGridLayout;
    formatGrid->setHorizontalSpacing(12);
    const QList<ExportFormat> formats = Exporter::formats();
    for (qsizetype i = 0; i < formats.size(); ++i) {
        auto *button = new QRadioButton(m_formatBox);
        button->setObjectName(QStringLiteral("format-") + Exporter::id(formats.at(i)));
        m_formatGroup->addButton(button, int(formats.at(i)));
        // Column by column, as a list reads: the firewall formats first, then the tables, then the lists.
        formatGrid->addWidget(button, int(i % FormatColumns), int(i / FormatColumns));
    }
    for (int c = 0; c < (formats.size() + FormatColumns - 1) / FormatColumns; ++c)
        formatGrid->setColumnStretch(c, 1);
    m_formatText = named(new QLabel(m_formatBox), "formatSummary");
    m_formatText->setWordWrap(true);
    m_formatText->setForegroundRole(QPalette::PlaceholderText);
    auto *formatLayout = new QVBoxLayout(m_formatBox);
    formatLayout->addLayout(formatGrid);
    formatLayout->addWidget(m_formatText);

    // ---- the service tags file
    m_serviceTagsLabel = new QLabel(content);
    m_serviceTagsText = named(new QLabel(content), "serviceTagsFile");
    m_serviceTagsText->setWordWrap(true);
    m_serviceTagsText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_serviceTagsButton = named(new QPushButton(content), "serviceTagsButton");
    m_serviceTagsButton->setAutoDefault(false);
    m_clearServiceTags = named(new QPushButton(content), "clearServiceTagsButton");
    m_clearServiceTags->setAutoDefault(false);
    m_serviceTagsBanner = named(new MessageBanner(content), "serviceTagsBanner");
    m_serviceTagsBanner->setProperty(MessageBanner::CoreTextProperty, true);

    // ---- shared: the subnet
    m_sourceLabel = new QLabel(content);
    m_sourceAddresses = named(new QLineEdit(content), "sourceAddresses");
    m_sourceAddresses->setClearButtonEnabled(true);
    m_sourceLabel->setBuddy(m_sourceAddresses);

    // ---- ARM, Terraform, az CLI
    m_armBox = named(new QGroupBox(content), "armOptions");
    auto newLabel = [](QWidget *parent, QWidget *buddy) {
        auto *label = new QLabel(parent);
        label->setBuddy(buddy);
        return label;
    };
    m_policy = named(new QComboBox(m_armBox), "policyMode");
    m_policy->addItem(QString(), int(ArmOptions::Policy::New));
    m_policy->addItem(QString(), int(ArmOptions::Policy::Existing));
    m_policyLabel = newLabel(m_armBox, m_policy);
    m_policyName = named(new QLineEdit(m_armBox), "policyName");
    m_policyNameLabel = newLabel(m_armBox, m_policyName);
    m_tier = named(new QComboBox(m_armBox), "tier");
    m_tier->addItem(QStringLiteral("Standard"), int(ArmOptions::Tier::Standard));
    m_tier->addItem(QStringLiteral("Premium"), int(ArmOptions::Tier::Premium));
    m_tierLabel = newLabel(m_armBox, m_tier);
    m_location = named(new QLineEdit(m_armBox), "location");
    m_locationLabel = newLabel(m_armBox, m_location);
    m_rcgName = named(new QLineEdit(m_armBox), "rcgName");
    m_rcgNameLabel = newLabel(m_armBox, m_rcgName);
    m_priority = named(new QSpinBox(m_armBox), "rcgPriority");
    m_priority->setRange(100, 65000);
    m_priorityLabel = newLabel(m_armBox, m_priority);
    m_routeTable = named(new QComboBox(m_armBox), "routeTableMode");
    m_routeTable->addItem(QString(), int(ArmOptions::RouteTable::New));
    m_routeTable->addItem(QString(), int(ArmOptions::RouteTable::Existing));
    m_routeTable->addItem(QString(), int(ArmOptions::RouteTable::None));
    m_routeTableLabel = newLabel(m_armBox, m_routeTable);
    m_routeTableName = named(new QLineEdit(m_armBox), "routeTableName");
    m_routeTableNameLabel = newLabel(m_armBox, m_routeTableName);
    m_firewallIp = named(new QLineEdit(m_armBox), "firewallIp");
    m_firewallIpLabel = newLabel(m_armBox, m_firewallIp);
    m_alternatives = named(new QCheckBox(m_armBox), "alternatives");

    auto *arm = new QGridLayout(m_armBox);
    arm->setColumnStretch(1, 3); // the choices have longer texts than the names
    arm->setColumnStretch(3, 2);
    arm->setColumnMinimumWidth(2, 0);
    arm->addWidget(m_policyLabel, 0, 0);
    arm->addWidget(m_policy, 0, 1);
    arm->addWidget(m_policyNameLabel, 0, 2);
    arm->addWidget(m_policyName, 0, 3);
    arm->addWidget(m_tierLabel, 1, 0);
    arm->addWidget(m_tier, 1, 1);
    arm->addWidget(m_locationLabel, 1, 2);
    arm->addWidget(m_location, 1, 3);
    arm->addWidget(m_rcgNameLabel, 2, 0);
    arm->addWidget(m_rcgName, 2, 1);
    arm->addWidget(m_priorityLabel, 2, 2);
    arm->addWidget(m_priority, 2, 3);
    arm->addWidget(m_routeTableLabel, 3, 0);
    arm->addWidget(m_routeTable, 3, 1);
    arm->addWidget(m_routeTableNameLabel, 3, 2);
    arm->addWidget(m_routeTableName, 3, 3);
    arm->addWidget(m_firewallIpLabel, 4, 0);
    arm->addWidget(m_firewallIp, 4, 1);
    arm->addWidget(m_alternatives, 5, 0, 1, 4);

    // ---- the tables' and lists' options
    m_optionsBox = named(new QGroupBox(content), "formatOptions");
    m_bothLanguages = named(new QCheckBox(m_optionsBox), "bothLanguages");
    m_bom = named(new QCheckBox(m_optionsBox), "byteOrderMark");
    m_wildcardStyle = named(new QComboBox(m_optionsBox), "wildcardStyle");
    m_wildcardStyle->addItem(QString(), int(WildcardStyle::Star));
    m_wildcardStyle->addItem(QString(), int(WildcardStyle::Dot));
    m_wildcardLabel = newLabel(m_optionsBox, m_wildcardStyle);
    m_ipVersion = named(new QComboBox(m_optionsBox), "ipVersion");
    m_ipVersion->addItem(QString(), int(IpVersion::Both));
    m_ipVersion->addItem(QString(), int(IpVersion::V4));
    m_ipVersion->addItem(QString(), int(IpVersion::V6));
    m_ipVersionLabel = newLabel(m_optionsBox, m_ipVersion);
    auto *options = new QGridLayout(m_optionsBox);
    options->setColumnStretch(2, 1);
    options->addWidget(m_bothLanguages, 0, 0, 1, 3);
    options->addWidget(m_bom, 1, 0, 1, 3);
    options->addWidget(m_wildcardLabel, 2, 0);
    options->addWidget(m_wildcardStyle, 2, 1);
    options->addWidget(m_ipVersionLabel, 3, 0);
    options->addWidget(m_ipVersion, 3, 1);
    m_noOptions = named(new QLabel(content), "noOptions");
    m_noOptions->setWordWrap(true);

    m_languageNote = named(new QLabel(content), "exportLanguageNote");
    m_languageNote->setWordWrap(true);
    m_optionsBanner = named(new MessageBanner(content), "exportOptionsBanner");
    m_optionsBanner->setProperty(MessageBanner::CoreTextProperty, true);

    m_export = named(new QPushButton(content), "exportButton");
    m_export->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_export->setAutoDefault(false);
    m_export->setMinimumWidth(140);
    m_export->setMinimumHeight(m_export->sizeHint().height() + 8);
    m_resultBanner = named(new MessageBanner(content), "exportResultBanner");
    m_openFolder = named(new QPushButton(m_resultBanner), "openFolderButton");
    m_openFolder->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
    m_openFolder->setAutoDefault(false);
    m_resultBanner->addWidget(m_openFolder);

    auto *serviceTagsRow = new QHBoxLayout;
    serviceTagsRow->addWidget(m_serviceTagsLabel);
    serviceTagsRow->addWidget(m_serviceTagsText, 1);
    serviceTagsRow->addWidget(m_serviceTagsButton, 0, Qt::AlignTop);
    serviceTagsRow->addWidget(m_clearServiceTags, 0, Qt::AlignTop);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_sourceLabel);
    sourceRow->addWidget(m_sourceAddresses, 1);
    auto *exportRow = new QHBoxLayout;
    exportRow->addWidget(m_languageNote, 1);
    exportRow->addWidget(m_export, 0, Qt::AlignTop);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 6, 0);
    contentLayout->addWidget(m_intro);
    contentLayout->addWidget(m_formatBox);
    contentLayout->addLayout(serviceTagsRow);
    contentLayout->addWidget(m_serviceTagsBanner);
    contentLayout->addLayout(sourceRow);
    contentLayout->addWidget(m_armBox);
    contentLayout->addWidget(m_optionsBox);
    contentLayout->addWidget(m_noOptions);
    contentLayout->addWidget(m_optionsBanner);
    contentLayout->addSpacing(6);
    contentLayout->addLayout(exportRow);
    contentLayout->addWidget(m_resultBanner);
    contentLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // not a stop of its own: it scrolls to the focused control
    auto *layout = new QVBoxLayout(this); // the margins of the other pages: their texts line up
    layout->addWidget(scroll);

    QList<QWidget *> order;
    for (QAbstractButton *button : m_formatGroup->buttons())
        order << button;
    order << m_serviceTagsButton << m_clearServiceTags << m_sourceAddresses << m_policy << m_policyName << m_tier
          << m_location << m_rcgName << m_priority << m_routeTable << m_routeTableName << m_firewallIp
          << m_alternatives << m_bothLanguages << m_bom << m_wildcardStyle << m_ipVersion << m_export
          << m_openFolder;
    for (qsizetype i = 0; i + 1 < order.size(); ++i)
        setTabOrder(order.at(i), order.at(i + 1));

    loadSettings();

    auto changed = [this] {
        if (m_loading)
            return;
        updateEnabled(); // validates too
        saveSettings();
    };
    connect(m_formatGroup, &QButtonGroup::idToggled, this, [changed](int, bool on) {
        if (on)
            changed();
    });
    for (QLineEdit *edit : {m_sourceAddresses, m_policyName, m_location, m_rcgName, m_routeTableName, m_firewallIp})
        connect(edit, &QLineEdit::textChanged, this, changed);
    for (QComboBox *box : {m_policy, m_tier, m_routeTable, m_wildcardStyle, m_ipVersion})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    connect(m_priority, &QSpinBox::valueChanged, this, changed);
    for (QCheckBox *box : {m_alternatives, m_bothLanguages, m_bom})
        connect(box, &QCheckBox::toggled, this, changed);
    connect(m_export, &QPushButton::clicked, this, [this] { exportFile(); });
    connect(m_serviceTagsButton, &QPushButton::clicked, this, [this] { chooseServiceTags(); });
    connect(m_clearServiceTags, &QPushButton::clicked, this, [this] {
        m_serviceTagsLoadProblems.clear();
        this->state()->clearServiceTags();
        m_serviceTagsButton->setFocus(Qt::OtherFocusReason); // the clear button hides
    });
    // Ctrl+E beside the button's own Alt+E: setShortcut() on the button would replace its mnemonic.
    auto *exportShortcut = new QAction(this);
    exportShortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportShortcut->setShortcutContext(Qt::WindowShortcut); // only while this page is shown
    addAction(exportShortcut);
    connect(exportShortcut, &QAction::triggered, this, [this] {
        if (m_export->isEnabled())
            m_export->animateClick();
    });
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        if (!m_lastPath.isEmpty())
            FileDialog::instance()->openFolder(QFileInfo(m_lastPath).absolutePath());
    });
    connect(state, &WizardState::answersChanged, this, [this] { m_exported = false; });
    connect(state, &WizardState::ruleSetChanged, this, [this] {
        // A file written for other answers no longer describes the scenario.
        m_resultBanner->clearMessage();
        validate();
        Q_EMIT completeChanged();
    });
    connect(state, &WizardState::serviceTagsChanged, this, [this] {
        m_exported = false;
        updateServiceTags();
    });
    retranslateUi();
    updateEnabled();
    validate();
}

QString ExportPage::stepName() const
{
    return tr("Export");
}

QString ExportPage::unsavedWork() const
{
    return m_exported ? QString() : tr("The rules have not been exported to a file.");
}

void ExportPage::initializePage()
{
    validate();
}

QWidget *ExportPage::firstFocus() const
{
    return m_export;
}

bool ExportPage::isComplete() const
{
    return state()->ruleSet().isValid();
}

ExportFormat ExportPage::format() const
{
    const int id = m_formatGroup->checkedId();
    return id < 0 ? ExportFormat::Arm : ExportFormat(id);
}

void ExportPage::setFormat(ExportFormat format)
{
    if (QAbstractButton *button = m_formatGroup->button(int(format)))
        button->setChecked(true);
}

QStringList ExportPage::sourceAddressList() const
{
    // Commas as the CLI takes them; spaces and semicolons too, as people paste them.
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return m_sourceAddresses->text().split(separators, Qt::SkipEmptyParts);
}

ExportOptions ExportPage::exportOptions() const
{
    // As app/cli/exportcommand.cpp makes them: an option the format does not take is left at the
    // CLI's default, as it is when the page does not show it.
    const ExportFormat f = format();
    ExportOptions o;
    o.language = language();
    o.deployment.language = language();
    if (Exporter::appliesTo(f, ExportOption::Deployment)) {
        ArmOptions &d = o.deployment;
        d.policy = ArmOptions::Policy(m_policy->currentData().toInt());
        d.policyName = m_policyName->text().trimmed();
        d.ruleCollectionGroupName = m_rcgName->text().trimmed();
        d.ruleCollectionGroupPriority = m_priority->value();
        d.location = m_location->text().trimmed();
        d.tier = ArmOptions::Tier(m_tier->currentData().toInt());
        d.routeTable = ArmOptions::RouteTable(m_routeTable->currentData().toInt());
        d.routeTableName = m_routeTableName->text().trimmed();
        d.firewallPrivateIp = m_firewallIp->text().trimmed();
    }
    if (Exporter::appliesTo(f, ExportOption::SourceAddresses))
        o.deployment.sourceAddresses = sourceAddressList();
    if (Exporter::appliesTo(f, ExportOption::Alternatives))
        o.deployment.includeAlternatives = m_alternatives->isChecked();
    if (Exporter::appliesTo(f, ExportOption::BothLanguages))
        o.bothLanguages = m_bothLanguages->isChecked();
    if (Exporter::appliesTo(f, ExportOption::ByteOrderMark))
        o.byteOrderMark = m_bom->isChecked();
    if (Exporter::appliesTo(f, ExportOption::WildcardStyle))
        o.wildcardStyle = WildcardStyle(m_wildcardStyle->currentData().toInt());
    if (Exporter::appliesTo(f, ExportOption::IpVersion))
        o.ipVersion = IpVersion(m_ipVersion->currentData().toInt());
    return o;
}

Problems ExportPage::optionProblems() const
{
    const ExportFormat f = format();
    const ExportOptions options = exportOptions();
    Problems problems;
    // The CLI checks the deployment options before it reads the rules, and stops on their errors.
    if (usesDeployment(f)) {
        problems = ArmExporter::validateOptions(options.deployment);
        if (hasErrors(problems))
            return problems;
    }
    const RuleSet &set = state()->ruleSet();
    if (!set.isValid())
        return problems;
    const QStringList seen = bannerLines(problems);
    for (const Problem &p : Exporter::validate(set, f, options)) {
        if (!seen.contains(bannerText(p))) // ARM's checks include the options' again
            problems << p;
    }
    return problems;
}

QByteArray ExportPage::exportData() const
{
    return Exporter::write(state()->ruleSet(), format(), exportOptions());
}

QString ExportPage::suggestedFileName() const
{
    const Answers &a = state()->answers();
    QString base = QStringLiteral("amlfw");
    if (state()->isRegionValid())
        base += u'-' + a.region;
    if (state()->isStorageValid())
        base += u'-' + a.storage;
    return base + u'-' + Exporter::id(format()) + u'.' + Exporter::fileSuffix(format());
}

bool ExportPage::exportFile()
{
    m_resultBanner->clearMessage();
    const RuleSet &set = state()->ruleSet();
    if (!set.isValid()) {
        m_resultBanner->showMessage(MessageBanner::Kind::Error,
                                    tr("There are no rules to export: %1").arg(formatProblems(set.problems).trimmed()));
        return false;
    }
    const Problems problems = optionProblems();
    if (hasErrors(problems)) {
        validate();
        m_resultBanner->showMessage(MessageBanner::Kind::Error, tr("Correct the options above first."));
        return false;
    }
    const ExportFormat f = format();
    const QString title = Exporter::title(f);
    const QString directory = FileDialog::startDirectory(
        QString(), m_settings ? m_settings->lastDirectory(WizardSettings::Folder::Export) : QString());
    const QString filter = title + QStringLiteral(" (*.") + Exporter::fileSuffix(f) + u')';
    const QString path
        = FileDialog::instance()->getSaveFileName(this, tr("Export: %1").arg(title),
                                                  QDir(directory).filePath(suggestedFileName()),
                                                  FileDialog::withAllFiles(filter));
    if (path.isEmpty())
        return false; // cancelled

    QString error;
    if (!writeFileAtomically(path, exportData(), &error)) {
        m_resultBanner->showMessage(MessageBanner::Kind::Error, tr("Nothing was written. %1").arg(error));
        m_openFolder->hide();
        return false;
    }
    m_lastPath = QFileInfo(path).absoluteFilePath();
    m_exported = true;
    if (m_settings)
        m_settings->setLastDirectory(WizardSettings::Folder::Export, QFileInfo(path).absolutePath());
    m_resultBanner->showMessage(MessageBanner::Kind::Success,
                                tr("%1 with %n rule(s) saved to %2", nullptr, int(set.rules.size()))
                                    .arg(title, QDir::toNativeSeparators(m_lastPath)));
    m_openFolder->show();
    return true;
}

bool ExportPage::chooseServiceTags()
{
    const QString directory = FileDialog::startDirectory(
        QString(), m_settings ? m_settings->lastDirectory(WizardSettings::Folder::ServiceTags) : QString());
    const QString path = FileDialog::instance()->getOpenFileName(
        this, tr("Open an \"Azure IP Ranges and Service Tags\" file"), directory,
        FileDialog::withAllFiles(tr("Service tags files (*.json)")));
    if (path.isEmpty())
        return false; // cancelled: the file before, if any, stays
    if (m_settings)
        m_settings->setLastDirectory(WizardSettings::Folder::ServiceTags, QFileInfo(path).absolutePath());
    Problems problems;
    const auto file = ServiceTagsFile::load(path, &problems);
    if (file && !hasErrors(problems))
        problems += state()->setServiceTags(std::make_shared<const ServiceTagsFile>(*file));
    // Warnings of applying it stay with the state; the file's own problems, and a refusal, here.
    const QStringList applied = bannerLines(state()->serviceTagsProblems());
    Problems own;
    for (const Problem &p : std::as_const(problems)) {
        if (p.isError() || !applied.contains(bannerText(p)))
            own << p;
    }
    m_serviceTagsLoadProblems = own;
    updateServiceTags();
    return !hasErrors(problems);
}

void ExportPage::updateServiceTags()
{
    const auto file = state()->serviceTags();
    const bool used = Exporter::appliesTo(format(), ExportOption::ServiceTags);
    QString text;
    if (file) {
        text = tr("%1 (%2)").arg(file->fileName, file->versionText());
        if (!used)
            text += u' ' + tr("This format does not use it.");
    } else {
        text = tr("None: service tags are written by name.");
    }
    m_serviceTagsText->setText(text);
    m_serviceTagsText->setToolTip(file ? tr("Service tags of the cloud \"%1\", change %2.")
                                             .arg(file->fileCloud, QString::number(file->changeNumber))
                                       : QString());
    m_clearServiceTags->setVisible(bool(file));

    if (hasErrors(m_serviceTagsLoadProblems)) {
        m_serviceTagsBanner->showMessage(MessageBanner::Kind::Error,
                                         tr("The service tags file was not loaded.") + u'\n'
                                             + bannerLines(m_serviceTagsLoadProblems).join(u'\n'));
    } else if (!file && hasErrors(state()->serviceTagsProblems())) {
        m_serviceTagsBanner->showMessage(MessageBanner::Kind::Error,
                                         tr("The service tags file is no longer used.") + u'\n'
                                             + bannerLines(state()->serviceTagsProblems()).join(u'\n'));
    } else if (file && !(m_serviceTagsLoadProblems + state()->serviceTagsProblems()).isEmpty()) {
        m_serviceTagsBanner->showMessage(
            MessageBanner::Kind::Warning,
            bannerLines(m_serviceTagsLoadProblems + state()->serviceTagsProblems()).join(u'\n'));
    } else {
        m_serviceTagsBanner->clearMessage();
    }
    validate();
}

void ExportPage::retranslateUi()
{
    setTitle(tr("Export the rules"));
    setSubTitle(tr("The same files as \"amlfw export\" writes for these answers and options."));
    m_intro->setText(tr("Choose a format and its options, then export. You can export several formats one after "
                        "the other."));
    m_formatBox->setTitle(tr("Form&at"));
    for (const ExportFormat f : Exporter::formats()) {
        QAbstractButton *button = m_formatGroup->button(int(f));
        button->setText(Exporter::title(f));
        button->setAccessibleName(Exporter::title(f));
        button->setAccessibleDescription(Exporter::summary(f));
        button->setToolTip(Exporter::summary(f));
    }

    m_serviceTagsLabel->setText(tr("Service tags:"));
    m_serviceTagsText->setAccessibleName(tr("Service tags file"));
    m_serviceTagsButton->setText(tr("Servi&ce tags file…"));
    m_serviceTagsButton->setAccessibleName(tr("Service tags file"));
    m_serviceTagsButton->setAccessibleDescription(
        tr("Reads an \"Azure IP Ranges and Service Tags\" file of the scenario's cloud, so that service tags are "
           "written with their address prefixes."));
    m_serviceTagsButton->setToolTip(
        tr("Microsoft publishes the file weekly for each cloud (ServiceTags_Public_YYYYMMDD.json, the Government "
           "and China files); the output of az network list-service-tags works too."));
    m_clearServiceTags->setText(tr("Clear"));
    m_clearServiceTags->setAccessibleName(tr("Clear the service tags file"));
    m_clearServiceTags->setAccessibleDescription(tr("Writes service tags by name again."));

    m_sourceLabel->setText(tr("&Source addresses of the Azure ML compute subnet:"));
    m_sourceAddresses->setAccessibleName(tr("Source addresses"));
    m_sourceAddresses->setAccessibleDescription(
        tr("IP addresses or CIDR ranges of the compute subnet, separated by commas."));
    m_sourceAddresses->setToolTip(tr("IP addresses or CIDR ranges of the compute subnet, separated by commas. Used by "
                                     "the ARM template, Terraform, the Azure CLI script, CSV and the Excel workbook."));

    m_armBox->setTitle(tr("Firewall policy and routes"));
    m_policyLabel->setText(tr("Firewall p&olicy:"));
    m_policy->setItemText(0, tr("Create a new policy"));
    m_policy->setItemText(1, tr("Add to an existing policy"));
    m_policy->setAccessibleName(tr("Firewall policy"));
    m_policy->setAccessibleDescription(
        tr("Whether the template creates the firewall policy or adds a rule collection group to an existing one."));
    m_policyNameLabel->setText(tr("Polic&y name:"));
    m_policyName->setAccessibleName(tr("Policy name"));
    m_policyName->setAccessibleDescription(tr("Name of the Azure Firewall policy."));
    m_policyName->setToolTip(tr("1 to 80 letters, digits, underscores, periods and hyphens."));
    m_tierLabel->setText(tr("&Tier:"));
    m_tier->setAccessibleName(tr("Tier"));
    m_tier->setAccessibleDescription(tr("Tier of a new firewall policy: Standard or Premium."));
    m_tier->setToolTip(tr("Premium can match URL paths with TLS inspection."));
    m_locationLabel->setText(tr("&Location:"));
    m_location->setPlaceholderText(tr("the resource group's location"));
    m_location->setAccessibleName(tr("Location"));
    m_location->setAccessibleDescription(
        tr("Azure location of new resources, such as japaneast; empty for the resource group's."));
    m_rcgNameLabel->setText(tr("&Rule collection group:"));
    m_rcgName->setAccessibleName(tr("Rule collection group name"));
    m_rcgName->setAccessibleDescription(tr("Name of the rule collection group the rules go into."));
    m_priorityLabel->setText(tr("&Priority:"));
    m_priority->setAccessibleName(tr("Rule collection group priority"));
    m_priority->setAccessibleDescription(tr("100 to 65000; lower numbers are processed first."));
    m_priority->setToolTip(tr("100 to 65000; lower numbers are processed first."));
    m_routeTableLabel->setText(tr("Ro&ute table:"));
    m_routeTable->setItemText(0, tr("Create a new route table"));
    m_routeTable->setItemText(1, tr("Add routes to an existing one"));
    m_routeTable->setItemText(2, tr("No routes"));
    m_routeTable->setAccessibleName(tr("Route table"));
    m_routeTable->setAccessibleDescription(tr("Where the user-defined routes for inbound management traffic go."));
    m_routeTableNameLabel->setText(tr("Route table na&me:"));
    m_routeTableName->setAccessibleName(tr("Route table name"));
    m_routeTableName->setAccessibleDescription(tr("Name of the route table of the compute subnet."));
    m_firewallIpLabel->setText(tr("Firewall private &IP:"));
    m_firewallIp->setPlaceholderText(tr("optional, e.g. 10.0.0.4"));
    m_firewallIp->setAccessibleName(tr("Firewall private IP address"));
    m_firewallIp->setAccessibleDescription(tr("With a new route table: adds the default route through the firewall."));
    m_firewallIp->setToolTip(tr("With a new route table: adds the default route (0.0.0.0/0) through the firewall."));
    m_alternatives->setText(tr("Include ser&vice-tag rules for what Azure Firewall cannot express"));
    m_alternatives->setAccessibleName(tr("Include alternatives"));
    m_alternatives->setAccessibleDescription(
        tr("Adds network rules with service tags where Azure Firewall cannot express a rule as written."));

    m_optionsBox->setTitle(tr("Options"));
    m_bothLanguages->setText(tr("Purpose in both lan&guages (English and Japanese)"));
    m_bothLanguages->setAccessibleName(tr("Purpose in both languages"));
    m_bothLanguages->setAccessibleDescription(tr("Writes the purpose in English and in Japanese."));
    m_bom->setText(tr("UTF-8 byte order mark, so that E&xcel reads the file correctly"));
    m_bom->setAccessibleName(tr("Byte order mark"));
    m_bom->setAccessibleDescription(
        tr("Starts the file with a UTF-8 byte order mark, which Excel needs to read Japanese text."));
    m_wildcardLabel->setText(tr("&Wildcards:"));
    m_wildcardStyle->setItemText(0, tr("*.example.com (most firewalls)"));
    m_wildcardStyle->setItemText(1, tr(".example.com (Squid's dstdomain and others)"));
    m_wildcardStyle->setAccessibleName(tr("Wildcards"));
    m_wildcardStyle->setAccessibleDescription(tr("How a host name with a wildcard is written in the list."));
    m_ipVersionLabel->setText(tr("Address famil&y:"));
    m_ipVersion->setItemText(0, tr("IPv4 and IPv6"));
    m_ipVersion->setItemText(1, tr("IPv4 only"));
    m_ipVersion->setItemText(2, tr("IPv6 only"));
    m_ipVersion->setAccessibleName(tr("Address family"));
    m_ipVersion->setAccessibleDescription(tr("Which address prefixes the list holds."));

    m_languageNote->setText(
        language() == Language::Japanese
            ? tr("Descriptions in the file are in Japanese. Switch the language (Ctrl+L) for English.")
            : tr("Descriptions in the file are in English. Switch the language (Ctrl+L) for Japanese."));
    m_export->setText(tr("&Export…"));
    m_export->setToolTip(tr("Choose where to save the file (Ctrl+E)."));
    m_export->setAccessibleName(tr("Export"));
    m_export->setAccessibleDescription(tr("Asks for a file name and writes the chosen format."));
    m_openFolder->setText(tr("Open fol&der"));
    m_openFolder->setAccessibleName(tr("Open folder"));
    m_openFolder->setAccessibleDescription(tr("Shows the folder of the exported file."));
    updateEnabled();
    updateServiceTags(); // validates too
}

void ExportPage::loadSettings()
{
    m_loading = true;
    const ArmOptions o = m_settings ? m_settings->armOptions() : ArmOptions();
    m_policy->setCurrentIndex(m_policy->findData(int(o.policy)));
    m_policyName->setText(o.policyName);
    m_rcgName->setText(o.ruleCollectionGroupName);
    m_priority->setValue(o.ruleCollectionGroupPriority);
    m_sourceAddresses->setText(o.sourceAddresses.join(QStringLiteral(", ")));
    m_location->setText(o.location);
    m_tier->setCurrentIndex(m_tier->findData(int(o.tier)));
    m_routeTable->setCurrentIndex(m_routeTable->findData(int(o.routeTable)));
    m_routeTableName->setText(o.routeTableName);
    m_firewallIp->setText(o.firewallPrivateIp);
    m_alternatives->setChecked(o.includeAlternatives);
    m_bothLanguages->setChecked(m_settings ? m_settings->csvBothLanguages() : false);
    m_bom->setChecked(m_settings ? m_settings->csvByteOrderMark() : true);
    m_wildcardStyle->setCurrentIndex(
        m_wildcardStyle->findData(int(m_settings ? m_settings->wildcardStyle() : WildcardStyle::Star)));
    m_ipVersion->setCurrentIndex(m_ipVersion->findData(int(m_settings ? m_settings->ipVersion() : IpVersion::Both)));
    setFormat(Exporter::fromId(m_settings ? m_settings->exportFormat() : QString()).value_or(ExportFormat::Arm));
    m_loading = false;
}

void ExportPage::saveSettings()
{
    if (!m_settings)
        return;
    // What the fields hold, whether the format shows them or not: the next format may.
    ArmOptions o;
    o.policy = ArmOptions::Policy(m_policy->currentData().toInt());
    o.policyName = m_policyName->text().trimmed();
    o.ruleCollectionGroupName = m_rcgName->text().trimmed();
    o.ruleCollectionGroupPriority = m_priority->value();
    o.sourceAddresses = sourceAddressList();
    o.location = m_location->text().trimmed();
    o.tier = ArmOptions::Tier(m_tier->currentData().toInt());
    o.routeTable = ArmOptions::RouteTable(m_routeTable->currentData().toInt());
    o.routeTableName = m_routeTableName->text().trimmed();
    o.firewallPrivateIp = m_firewallIp->text().trimmed();
    o.includeAlternatives = m_alternatives->isChecked();
    m_settings->setArmOptions(o);
    m_settings->setCsvBothLanguages(m_bothLanguages->isChecked());
    m_settings->setCsvByteOrderMark(m_bom->isChecked());
    m_settings->setWildcardStyle(WildcardStyle(m_wildcardStyle->currentData().toInt()));
    m_settings->setIpVersion(IpVersion(m_ipVersion->currentData().toInt()));
    m_settings->setExportFormat(Exporter::id(format()));
}

void ExportPage::updateEnabled()
{
    const ExportFormat f = format();
    auto applies = [f](ExportOption option) { return Exporter::appliesTo(f, option); };
    m_armBox->setVisible(applies(ExportOption::Deployment));
    m_alternatives->setVisible(applies(ExportOption::Alternatives));
    m_sourceLabel->setVisible(applies(ExportOption::SourceAddresses));
    m_sourceAddresses->setVisible(applies(ExportOption::SourceAddresses));
    m_bothLanguages->setVisible(applies(ExportOption::BothLanguages));
    m_bom->setVisible(applies(ExportOption::ByteOrderMark));
    m_wildcardLabel->setVisible(applies(ExportOption::WildcardStyle));
    m_wildcardStyle->setVisible(applies(ExportOption::WildcardStyle));
    m_ipVersionLabel->setVisible(applies(ExportOption::IpVersion));
    m_ipVersion->setVisible(applies(ExportOption::IpVersion));
    const bool ownOptions = applies(ExportOption::BothLanguages) || applies(ExportOption::ByteOrderMark)
                            || applies(ExportOption::WildcardStyle) || applies(ExportOption::IpVersion);
    m_optionsBox->setVisible(ownOptions);
    m_optionsBox->setTitle(tr("%1 options").arg(Exporter::title(f)));
    m_noOptions->setVisible(!ownOptions && !applies(ExportOption::Deployment)
                            && !applies(ExportOption::SourceAddresses));
    m_noOptions->setText(tr("This format has no options of its own."));
    const auto routeTable = ArmOptions::RouteTable(m_routeTable->currentData().toInt());
    m_routeTableName->setEnabled(routeTable != ArmOptions::RouteTable::None);
    m_routeTableNameLabel->setEnabled(routeTable != ArmOptions::RouteTable::None);
    m_firewallIp->setEnabled(routeTable == ArmOptions::RouteTable::New);
    m_firewallIpLabel->setEnabled(routeTable == ArmOptions::RouteTable::New);
    m_formatText->setText(Exporter::summary(f));
    m_sourceAddresses->setPlaceholderText(applies(ExportOption::Deployment)
                                              ? tr("e.g. 10.0.1.0/24 (empty: the template asks at deployment)")
                                              : tr("e.g. 10.0.1.0/24 (empty: the file names the compute subnet)"));
    updateServiceTags();
}

void ExportPage::validate()
{
    const Problems problems = optionProblems();
    const QHash<QString, QWidget *> fields{
        {QStringLiteral("--policy-name"), m_policyName},
        {QStringLiteral("--rcg-name"), m_rcgName},
        {QStringLiteral("--rcg-priority"), m_priority},
        {QStringLiteral("--source-addresses"), m_sourceAddresses},
        {QStringLiteral("--location"), m_location},
        {QStringLiteral("--route-table-name"), m_routeTableName},
        {QStringLiteral("--firewall-ip"), m_firewallIp},
        {QStringLiteral("--wildcard-style"), m_wildcardStyle},
        {QStringLiteral("--ip-version"), m_ipVersion},
        {QStringLiteral("--service-tags"), m_serviceTagsButton},
    };
    QSet<QWidget *> invalid;
    for (const Problem &p : problems) {
        if (QWidget *w = fields.value(p.location); w && p.isError())
            invalid.insert(w);
    }
    for (QWidget *w : fields)
        markInvalid(w, invalid.contains(w));
    const QStringList messages = bannerLines(problems);
    if (messages.isEmpty())
        m_optionsBanner->clearMessage();
    else
        m_optionsBanner->showMessage(hasErrors(problems) ? MessageBanner::Kind::Error : MessageBanner::Kind::Warning,
                                     messages.join(u'\n'));
    m_export->setEnabled(!hasErrors(problems) && state()->ruleSet().isValid());
}

} // namespace amlfw
