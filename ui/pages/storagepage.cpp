#include "storagepage.h"

#include "messagebanner.h"
#include "rulegenerator.h"
#include "rulelabels.h"
#include "wizardstate.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace amlfw {

StoragePage::StoragePage(WizardState *state, QWidget *parent)
    : StatePage(state, parent)
    , m_intro(new QLabel(this))
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_banner(new MessageBanner(this))
    , m_hostsLabel(new QLabel(this))
    , m_hosts(new QTreeWidget(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("storagePage"));
    m_intro->setWordWrap(true);
    m_name->setObjectName(QStringLiteral("storageName"));
    m_name->setMaxLength(64); // room to say "too long" rather than cut silently
    m_name->setClearButtonEnabled(true);
    m_nameLabel->setBuddy(m_name);
    m_banner->setObjectName(QStringLiteral("storageBanner"));
    m_hosts->setObjectName(QStringLiteral("storageHosts"));
    m_hosts->setColumnCount(3);
    m_hosts->setRootIsDecorated(false);
    m_hosts->setUniformRowHeights(true);
    m_hosts->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_hosts->header()->setStretchLastSection(true);
    m_hostsLabel->setBuddy(m_hosts);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_nameLabel);
    nameRow->addWidget(m_name, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(nameRow);
    layout->addWidget(m_banner);
    layout->addSpacing(6);
    layout->addWidget(m_hostsLabel);
    layout->addWidget(m_hosts, 1);
    layout->addWidget(m_hint);

    m_name->setText(state->answers().storage);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) { this->state()->setStorage(text); });
    connect(state, &WizardState::answersChanged, this, [this] {
        if (m_name->text() != this->state()->answers().storage)
            m_name->setText(this->state()->answers().storage);
        update();
    });
    retranslateUi();
}

QString StoragePage::stepName() const
{
    return tr("Storage account");
}

void StoragePage::initializePage()
{
    update();
    m_name->setFocus();
}

bool StoragePage::isComplete() const
{
    return state()->isStorageValid();
}

QStringList StoragePage::hostNames() const
{
    QStringList names;
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i)
        names << m_hosts->topLevelItem(i)->text(0);
    return names;
}

void StoragePage::retranslateUi()
{
    setTitle(tr("What is the workspace's default storage account?"));
    setSubTitle(tr("Compute and notebooks reach the workspace's own storage account by name."));
    m_intro->setText(tr("Enter the name of the default storage account of the workspace, as shown on the workspace's "
                        "overview page in the Azure portal (only the name, not the full host name)."));
    m_nameLabel->setText(tr("Default storage &account name:"));
    m_name->setPlaceholderText(tr("e.g. mlworkspace1234567890"));
    m_name->setAccessibleName(tr("Default storage account name"));
    m_name->setAccessibleDescription(tr("3 to 24 lower-case letters and digits. Checked as you type."));
    m_name->setToolTip(tr("3 to 24 characters: lower-case letters and digits only."));
    m_hostsLabel->setText(tr("&Host names the rules will use:"));
    m_hosts->setHeaderLabels({tr("Host name"), tr("Ports"), tr("Needed for")});
    m_hosts->setAccessibleName(tr("Storage host names"));
    m_hosts->setAccessibleDescription(
        tr("The host names of the storage account that appear in the rules, and the features that need them."));
    update();
}

void StoragePage::update()
{
    const QString error = AnswersValidator::storageNameError(state()->answers().storage);
    m_banner->setProperty(MessageBanner::CoreTextProperty, !state()->answers().storage.isEmpty() && !error.isEmpty());
    if (state()->answers().storage.isEmpty()) {
        m_banner->showMessage(
            MessageBanner::Kind::Info,
            tr("Use 3 to 24 lower-case letters and digits, as Azure requires for storage account names."));
    } else if (!error.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Error, error);
    } else {
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("\"%1\" is a valid storage account name.").arg(state()->answers().storage));
    }

    // The hosts come from the rules themselves: every rule of any feature that names <storage>.
    Answers all = state()->answers();
    all.features = state()->catalog().featureIds();
    const bool valid = error.isEmpty();
    if (!valid)
        all.storage = QStringLiteral("name"); // any valid name: the template is shown instead
    const RuleSet set = RuleGenerator::generate(state()->catalog(), all);
    const QSet<QString> selected(state()->ruleSet().effectiveFeatures.cbegin(),
                                 state()->ruleSet().effectiveFeatures.cend());

    m_hosts->clear();
    QStringList seen;
    for (const Rule &rule : set.rules) {
        if (!rule.destinationTemplate.contains(QStringLiteral("<storage>")))
            continue;
        QString host = valid ? rule.destination : rule.destinationTemplate;
        host.replace(QStringLiteral("<storage>"), QStringLiteral("<") + tr("name") + u'>');
        if (seen.contains(host))
            continue;
        seen << host;
        bool needed = rule.features.isEmpty();
        for (const QString &f : rule.features)
            needed = needed || selected.contains(f);
        auto *item = new QTreeWidgetItem(
            m_hosts, {host, RuleLabels::ports(rule.ports, language()), RuleLabels::features(set, rule, language())});
        if (!needed) {
            for (int c = 0; c < 3; ++c)
                item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
            item->setToolTip(0, tr("Not needed by the features chosen so far."));
        } else {
            item->setToolTip(0, tr("Needed by the features chosen so far."));
        }
    }
    m_hosts->resizeColumnToContents(0);
    m_hosts->resizeColumnToContents(1);
    m_hint->setText(tr("Greyed host names are needed only by features not chosen yet (next page)."));
    Q_EMIT completeChanged();
}

} // namespace amlfw
