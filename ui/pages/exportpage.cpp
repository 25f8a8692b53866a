#include "exportpage.h"

#include "atomicfile.h"
#include "fieldmarks.h"
#include "filedialog.h"
#include "jsonexporter.h"
#include "messagebanner.h"
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

ExportPage::ExportPage(WizardState *state, WizardSettings *settings, QWidget *parent)
    : StatePage(state, parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("exportPage"));
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("exportContent"));

    m_intro = new QLabel(content);
    m_intro->setWordWrap(true);

    // ---- format
    m_formatBox = new QGroupBox(content);
    m_formatGroup = new QButtonGroup(this);
    m_arm = named(new QRadioButton(m_formatBox), "formatArm");
    m_csv = named(new QRadioButton(m_formatBox), "formatCsv");
    m_json = named(new QRadioButton(m_formatBox), "formatJson");
    m_formatGroup->addButton(m_arm, int(Format::Arm));
    m_formatGroup->addButton(m_csv, int(Format::Csv));
    m_formatGroup->addButton(m_json, int(Format::Json));
    m_formatText = new QLabel(m_formatBox);
    m_formatText->setWordWrap(true);
    m_formatText->setForegroundRole(QPalette::PlaceholderText);
    auto *formatRow = new QHBoxLayout;
    formatRow->addWidget(m_arm);
    formatRow->addWidget(m_csv);
    formatRow->addWidget(m_json);
    formatRow->addStretch(1);
    auto *formatLayout = new QVBoxLayout(m_formatBox);
    formatLayout->addLayout(formatRow);
    formatLayout->addWidget(m_formatText);

    // ---- shared: the subnet
    m_sourceLabel = new QLabel(content);
    m_sourceAddresses = named(new QLineEdit(content), "sourceAddresses");
    m_sourceAddresses->setClearButtonEnabled(true);
    m_sourceLabel->setBuddy(m_sourceAddresses);

    // ---- ARM
    m_armBox = named(new QGroupBox(content), "armOptions");
    auto newLabel = [this](QWidget *buddy) {
        auto *label = new QLabel(m_armBox);
        label->setBuddy(buddy);
        return label;
    };
    m_policy = named(new QComboBox(m_armBox), "policyMode");
    m_policy->addItem(QString(), int(ArmOptions::Policy::New));
    m_policy->addItem(QString(), int(ArmOptions::Policy::Existing));
    m_policyLabel = newLabel(m_policy);
    m_policyName = named(new QLineEdit(m_armBox), "policyName");
    m_policyNameLabel = newLabel(m_policyName);
    m_tier = named(new QComboBox(m_armBox), "tier");
    m_tier->addItem(QStringLiteral("Standard"), int(ArmOptions::Tier::Standard));
    m_tier->addItem(QStringLiteral("Premium"), int(ArmOptions::Tier::Premium));
    m_tierLabel = newLabel(m_tier);
    m_location = named(new QLineEdit(m_armBox), "location");
    m_locationLabel = newLabel(m_location);
    m_rcgName = named(new QLineEdit(m_armBox), "rcgName");
    m_rcgNameLabel = newLabel(m_rcgName);
    m_priority = named(new QSpinBox(m_armBox), "rcgPriority");
    m_priority->setRange(100, 65000);
    m_priorityLabel = newLabel(m_priority);
    m_routeTable = named(new QComboBox(m_armBox), "routeTableMode");
    m_routeTable->addItem(QString(), int(ArmOptions::RouteTable::New));
    m_routeTable->addItem(QString(), int(ArmOptions::RouteTable::Existing));
    m_routeTable->addItem(QString(), int(ArmOptions::RouteTable::None));
    m_routeTableLabel = newLabel(m_routeTable);
    m_routeTableName = named(new QLineEdit(m_armBox), "routeTableName");
    m_routeTableNameLabel = newLabel(m_routeTableName);
    m_firewallIp = named(new QLineEdit(m_armBox), "firewallIp");
    m_firewallIpLabel = newLabel(m_firewallIp);
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

    // ---- CSV and JSON
    m_csvBox = named(new QGroupBox(content), "csvOptions");
    m_bothLanguages = named(new QCheckBox(m_csvBox), "bothLanguages");
    m_bom = named(new QCheckBox(m_csvBox), "byteOrderMark");
    auto *csv = new QVBoxLayout(m_csvBox);
    csv->addWidget(m_bothLanguages);
    csv->addWidget(m_bom);
    m_jsonText = new QLabel(content);
    m_jsonText->setWordWrap(true);

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
    contentLayout->addLayout(sourceRow);
    contentLayout->addWidget(m_armBox);
    contentLayout->addWidget(m_csvBox);
    contentLayout->addWidget(m_jsonText);
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

    QWidget *order[]
        = {m_arm,           m_csv,     m_json,     m_sourceAddresses, m_policy,         m_policyName, m_tier,
           m_location,      m_rcgName, m_priority, m_routeTable,      m_routeTableName, m_firewallIp, m_alternatives,
           m_bothLanguages, m_bom,     m_export,   m_openFolder};
    for (size_t i = 0; i + 1 < std::size(order); ++i)
        setTabOrder(order[i], order[i + 1]);

    loadSettings();

    auto changed = [this] {
        if (m_loading)
            return;
        updateEnabled();
        validate();
        saveSettings();
    };
    connect(m_formatGroup, &QButtonGroup::idToggled, this, [changed](int, bool on) {
        if (on)
            changed();
    });
    for (QLineEdit *edit : {m_sourceAddresses, m_policyName, m_location, m_rcgName, m_routeTableName, m_firewallIp})
        connect(edit, &QLineEdit::textChanged, this, changed);
    for (QComboBox *box : {m_policy, m_tier, m_routeTable})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    connect(m_priority, &QSpinBox::valueChanged, this, changed);
    for (QCheckBox *box : {m_alternatives, m_bothLanguages, m_bom})
        connect(box, &QCheckBox::toggled, this, changed);
    connect(m_export, &QPushButton::clicked, this, [this] { exportFile(); });
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
        Q_EMIT completeChanged();
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

ExportPage::Format ExportPage::format() const
{
    const int id = m_formatGroup->checkedId();
    return id < 0 ? Format::Arm : Format(id);
}

void ExportPage::setFormat(Format format)
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

ArmOptions ExportPage::armOptions() const
{
    ArmOptions o;
    o.language = language();
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
    return o;
}

CsvOptions ExportPage::csvOptions() const
{
    CsvOptions o;
    o.language = language();
    o.bothLanguages = m_bothLanguages->isChecked();
    o.byteOrderMark = m_bom->isChecked();
    o.sourceAddresses = sourceAddressList();
    return o;
}

Problems ExportPage::optionProblems() const
{
    switch (format()) {
    case Format::Arm:
        return ArmExporter::validateOptions(armOptions());
    case Format::Csv: {
        Problems problems;
        for (const QString &address : sourceAddressList()) {
            if (!ArmExporter::isValidSourceAddress(address))
                problems << Problem::error(
                    QStringLiteral("--source-addresses"),
                    TranslatableText(
                        "amlfw::ExportPage",
                        QT_TRANSLATE_NOOP("amlfw::ExportPage",
                                          "\"%1\" is not an IP address or CIDR range (such as 10.0.1.0/24)."))
                        .arg(address));
        }
        return problems;
    }
    case Format::Json:
        return {};
    }
    return {};
}

QByteArray ExportPage::exportData() const
{
    const RuleSet &set = state()->ruleSet();
    switch (format()) {
    case Format::Arm:
        return ArmExporter::write(set, armOptions());
    case Format::Csv:
        return CsvExporter::write(set, csvOptions());
    case Format::Json:
        return JsonExporter::write(set, language());
    }
    return {};
}

QString ExportPage::suggestedFileName() const
{
    const Answers &a = state()->answers();
    QString base = QStringLiteral("amlfw");
    if (state()->isRegionValid())
        base += u'-' + a.region;
    if (state()->isStorageValid())
        base += u'-' + a.storage;
    switch (format()) {
    case Format::Arm:
        return base + QStringLiteral("-arm.json");
    case Format::Csv:
        return base + QStringLiteral(".csv");
    case Format::Json:
        return base + QStringLiteral("-rules.json");
    }
    return base;
}

QString ExportPage::formatName(Format format) const
{
    switch (format) {
    case Format::Arm:
        return tr("ARM template");
    case Format::Csv:
        return tr("CSV file");
    case Format::Json:
        return tr("JSON file");
    }
    return {};
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
    const QString directory = FileDialog::startDirectory(
        QString(), m_settings ? m_settings->lastDirectory(WizardSettings::Folder::Export) : QString());
    QString filter;
    switch (format()) {
    case Format::Arm:
    case Format::Json:
        filter = tr("JSON files (*.json)");
        break;
    case Format::Csv:
        filter = tr("CSV files (*.csv)");
        break;
    }
    const QString path = FileDialog::instance()->getSaveFileName(this, tr("Export the %1").arg(formatName(format())),
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
                                tr("Saved the %1 with %n rule(s) to %2", nullptr, int(set.rules.size()))
                                    .arg(formatName(format()), QDir::toNativeSeparators(m_lastPath)));
    m_openFolder->show();
    return true;
}

void ExportPage::retranslateUi()
{
    setTitle(tr("Export the rules"));
    setSubTitle(tr("The same files as \"amlfw export\" writes for these answers and options."));
    m_intro->setText(tr("Choose a format and its options, then export. You can export several formats one after "
                        "the other."));
    m_formatBox->setTitle(tr("Format"));
    m_arm->setText(tr("&ARM template"));
    m_arm->setAccessibleName(tr("ARM template"));
    m_arm->setAccessibleDescription(
        tr("A deployable template for an Azure Firewall policy rule collection group and the route table."));
    m_csv->setText(tr("&CSV"));
    m_csv->setAccessibleName(tr("CSV"));
    m_csv->setAccessibleDescription(tr("One row per rule, for a change-approval ticket or a spreadsheet."));
    m_json->setText(tr("&JSON"));
    m_json->setAccessibleName(tr("JSON"));
    m_json->setAccessibleDescription(tr("Every field of every rule, for scripts and other tools."));
    const Format f = format();
    m_formatText->setText(f == Format::Arm   ? m_arm->accessibleDescription()
                          : f == Format::Csv ? m_csv->accessibleDescription()
                                             : m_json->accessibleDescription());

    m_sourceLabel->setText(tr("&Source addresses of the Azure ML compute subnet:"));
    m_sourceAddresses->setPlaceholderText(tr("e.g. 10.0.1.0/24 (empty: the template asks at deployment)"));
    m_sourceAddresses->setAccessibleName(tr("Source addresses"));
    m_sourceAddresses->setAccessibleDescription(
        tr("IP addresses or CIDR ranges of the compute subnet, separated by commas."));
    m_sourceAddresses->setToolTip(tr("IP addresses or CIDR ranges of the compute subnet, separated by commas. Used by "
                                     "the ARM template and the CSV file."));

    m_armBox->setTitle(tr("ARM template options"));
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

    m_csvBox->setTitle(tr("CSV options"));
    m_bothLanguages->setText(tr("Purpose in both lan&guages (English and Japanese columns)"));
    m_bothLanguages->setAccessibleName(tr("Purpose in both languages"));
    m_bothLanguages->setAccessibleDescription(tr("Writes the purpose in an English and a Japanese column."));
    m_bom->setText(tr("UTF-8 byte order mark, so that E&xcel reads the file correctly"));
    m_bom->setAccessibleName(tr("Byte order mark"));
    m_bom->setAccessibleDescription(
        tr("Starts the file with a UTF-8 byte order mark, which Excel needs to read Japanese text."));
    m_jsonText->setText(tr("JSON has no options: every field of every rule, in the current language."));

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
    validate();
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
    const QString format = m_settings ? m_settings->exportFormat() : QStringLiteral("arm");
    setFormat(format == u"csv" ? Format::Csv : format == u"json" ? Format::Json : Format::Arm);
    m_loading = false;
}

void ExportPage::saveSettings()
{
    if (!m_settings)
        return;
    m_settings->setArmOptions(armOptions());
    m_settings->setCsvBothLanguages(m_bothLanguages->isChecked());
    m_settings->setCsvByteOrderMark(m_bom->isChecked());
    m_settings->setExportFormat(format() == Format::Csv    ? QStringLiteral("csv")
                                : format() == Format::Json ? QStringLiteral("json")
                                                           : QStringLiteral("arm"));
}

void ExportPage::updateEnabled()
{
    const Format f = format();
    m_armBox->setVisible(f == Format::Arm);
    m_csvBox->setVisible(f == Format::Csv);
    m_jsonText->setVisible(f == Format::Json);
    m_sourceLabel->setEnabled(f != Format::Json);
    m_sourceAddresses->setEnabled(f != Format::Json);
    const auto routeTable = ArmOptions::RouteTable(m_routeTable->currentData().toInt());
    m_routeTableName->setEnabled(routeTable != ArmOptions::RouteTable::None);
    m_routeTableNameLabel->setEnabled(routeTable != ArmOptions::RouteTable::None);
    m_firewallIp->setEnabled(routeTable == ArmOptions::RouteTable::New);
    m_firewallIpLabel->setEnabled(routeTable == ArmOptions::RouteTable::New);
    m_formatText->setText(f == Format::Arm   ? m_arm->accessibleDescription()
                          : f == Format::Csv ? m_csv->accessibleDescription()
                                             : m_json->accessibleDescription());
}

void ExportPage::validate()
{
    const Problems problems = optionProblems();
    const QHash<QString, QWidget *> fields{
        {QStringLiteral("--policy-name"), m_policyName}, {QStringLiteral("--rcg-name"), m_rcgName},
        {QStringLiteral("--rcg-priority"), m_priority},  {QStringLiteral("--source-addresses"), m_sourceAddresses},
        {QStringLiteral("--location"), m_location},      {QStringLiteral("--route-table-name"), m_routeTableName},
        {QStringLiteral("--firewall-ip"), m_firewallIp},
    };
    QSet<QWidget *> invalid;
    QStringList messages;
    for (const Problem &p : problems) {
        messages << p.message();
        if (QWidget *w = fields.value(p.location))
            invalid.insert(w);
    }
    for (QWidget *w : fields)
        markInvalid(w, invalid.contains(w));
    if (messages.isEmpty())
        m_optionsBanner->clearMessage();
    else
        m_optionsBanner->showMessage(hasErrors(problems) ? MessageBanner::Kind::Error : MessageBanner::Kind::Warning,
                                     messages.join(u'\n'));
    m_export->setEnabled(!hasErrors(problems) && state()->ruleSet().isValid());
}

} // namespace amlfw
