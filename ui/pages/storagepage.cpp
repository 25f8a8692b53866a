#include "storagepage.h"

#include "messagebanner.h"
#include "rulegenerator.h"
#include "rulelabels.h"
#include "wizardstate.h"

#include <QGridLayout>
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
    // Room to say "too long" rather than cut silently, and for a pasted URL or connection string.
    m_name->setMaxLength(2048);
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
    m_hint->setObjectName(QStringLiteral("storageHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_acr = addOptionalField(QStringLiteral("acr"), QStringLiteral("acrName"));
    m_workspaceId = addOptionalField(QStringLiteral("workspace-id"), QStringLiteral("workspaceId"));
    m_acr.edit->setMaxLength(64);
    m_workspaceId.edit->setMaxLength(64);

    // Labels in one column, fields in the other; each field's message and hint right below it.
    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->addWidget(m_nameLabel, 0, 0);
    grid->addWidget(m_name, 0, 1);
    grid->addWidget(m_banner, 1, 1);
    int row = 2;
    for (const OptionalField *field : {&m_acr, &m_workspaceId}) {
        grid->addWidget(field->label, row, 0);
        grid->addWidget(field->edit, row, 1);
        grid->addWidget(field->hint, row + 1, 1);
        grid->addWidget(field->banner, row + 2, 1);
        row += 3;
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(grid);
    layout->addSpacing(6);
    layout->addWidget(m_hostsLabel);
    layout->addWidget(m_hosts, 1);
    layout->addWidget(m_hint);

    // Tab order is reading order: storage, registry, workspace ID, the host list.
    setTabOrder(m_name, m_acr.edit);
    setTabOrder(m_acr.edit, m_workspaceId.edit);
    setTabOrder(m_workspaceId.edit, m_hosts);

    m_name->setText(state->answers().storage);
    m_acr.edit->setText(state->answers().acr);
    m_workspaceId.edit->setText(state->answers().workspaceId);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        // A pasted host name, URL or connection string: the field takes its account name, and the
        // banner says so. The whole address (a SAS token, an account key) never reaches the answers.
        QString host;
        const QString account = AnswersValidator::storageAccountFromAddress(text, &host);
        if (account.isEmpty()) {
            if (text != m_takenAccount) {
                m_takenAccount.clear();
                m_takenFrom.clear();
            }
            this->state()->setStorage(text);
            return;
        }
        m_takenAccount = account;
        m_takenFrom = host;
        m_name->setText(account);
        this->state()->setStorage(account);
        update();
    });
    connect(m_acr.edit, &QLineEdit::textEdited, this,
            [this](const QString &text) { this->state()->setAcr(text.trimmed()); });
    connect(m_workspaceId.edit, &QLineEdit::textEdited, this,
            [this](const QString &text) { this->state()->setWorkspaceId(text.trimmed()); });
    connect(state, &WizardState::answersChanged, this, [this] {
        if (m_name->text() != this->state()->answers().storage)
            m_name->setText(this->state()->answers().storage);
        if (m_acr.edit->text().trimmed() != this->state()->answers().acr)
            m_acr.edit->setText(this->state()->answers().acr);
        if (m_workspaceId.edit->text().trimmed() != this->state()->answers().workspaceId)
            m_workspaceId.edit->setText(this->state()->answers().workspaceId);
        update();
    });
    retranslateUi();
}

StoragePage::OptionalField StoragePage::addOptionalField(const QString &placeholder, const QString &name)
{
    OptionalField field{placeholder, new QLabel(this), new QLineEdit(this), new QLabel(this), new MessageBanner(this)};
    field.edit->setObjectName(name);
    field.edit->setClearButtonEnabled(true);
    field.label->setBuddy(field.edit);
    field.hint->setObjectName(name + QStringLiteral("Hint"));
    field.hint->setWordWrap(true);
    field.hint->setForegroundRole(QPalette::PlaceholderText);
    field.banner->setObjectName(name + QStringLiteral("Banner"));
    return field;
}

QString StoragePage::stepName() const
{
    return tr("Workspace resources");
}

void StoragePage::initializePage()
{
    update();
    m_name->setFocus();
}

bool StoragePage::isComplete() const
{
    // The optional answers block only when they are asked and typed wrong.
    const Answers &a = state()->answers();
    const bool acrOk = !state()->usesPlaceholder(m_acr.placeholder) || AnswersValidator::acrText(a.acr).isEmpty();
    const bool idOk = !state()->usesPlaceholder(m_workspaceId.placeholder)
                      || AnswersValidator::workspaceIdText(a.workspaceId).isEmpty();
    return state()->isStorageValid() && acrOk && idOk;
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
    setTitle(tr("Workspace resources"));
    setSubTitle(tr("The rules name the workspace's own resources: its default storage account, and in newer "
                   "editions its container registry and ID."));
    m_intro->setText(
        tr("Enter the name of the default storage account of the workspace, as shown on the workspace's "
           "overview page in the Azure portal. A host name or URL of the account works too: the name is taken "
           "from it."));
    m_nameLabel->setText(tr("Default storage &account name:"));
    m_name->setPlaceholderText(tr("e.g. mlworkspace1234567890"));
    m_name->setAccessibleName(tr("Default storage account name"));
    m_name->setAccessibleDescription(tr("3 to 24 lower-case letters and digits. Checked as you type."));
    m_name->setToolTip(tr("3 to 24 characters: lower-case letters and digits only."));
    m_acr.label->setText(tr("Container &registry name:"));
    m_acr.edit->setPlaceholderText(tr("optional, e.g. mlregistry1234"));
    m_acr.edit->setAccessibleName(tr("Container registry name"));
    m_acr.edit->setAccessibleDescription(
        tr("Optional: 5 to 50 letters and digits. Rules that name the registry keep <acr> while it is empty."));
    m_acr.hint->setText(tr("In the Azure portal: the workspace's overview page, \"Container Registry\" (the name "
                           "before .azurecr.io)."));
    m_workspaceId.label->setText(tr("&Workspace ID:"));
    m_workspaceId.edit->setPlaceholderText(tr("optional, e.g. 0a1b2c3d-4e5f-6789-abcd-ef0123456789"));
    m_workspaceId.edit->setAccessibleName(tr("Workspace ID"));
    m_workspaceId.edit->setAccessibleDescription(
        tr("Optional: a GUID. Rules that name the workspace ID keep <workspace-id> while it is empty."));
    m_workspaceId.hint->setText(tr("In the Azure portal: the workspace's Properties page, \"Workspace ID\"."));
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
    } else if (!m_takenAccount.isEmpty() && m_takenAccount == state()->answers().storage) {
        const QString taken
            = m_takenFrom.isEmpty()
                  ? tr("Took the account name \"%1\" from the connection string you entered.").arg(m_takenAccount)
                  : tr("Took the account name \"%1\" from the host name %2 you entered.")
                        .arg(m_takenAccount, m_takenFrom);
        if (error.isEmpty())
            m_banner->showMessage(MessageBanner::Kind::Success, taken);
        else
            m_banner->showMessage(MessageBanner::Kind::Error, taken + u' ' + error);
    } else if (!error.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Error, error);
    } else {
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("\"%1\" is a valid storage account name.").arg(state()->answers().storage));
    }

    updateOptionalFields();

    // The hosts come from the rules themselves: every rule of any feature that names <storage>.
    Answers all = state()->answers();
    all.features = state()->catalog().featureIds();
    const bool valid = error.isEmpty();
    if (!valid)
        all.storage = QStringLiteral("name"); // any valid name: the template is shown instead
    // Half-typed optional answers would make the whole set invalid, and the list empty.
    if (!AnswersValidator::acrText(all.acr).isEmpty())
        all.acr.clear();
    if (!AnswersValidator::workspaceIdText(all.workspaceId).isEmpty())
        all.workspaceId.clear();
    const RuleSet set = RuleGenerator::generate(state()->catalog(), all);
    // From the answers, not the rule set: a half-typed answer leaves the rule set empty.
    const QStringList effective = state()->catalog().expandFeatures(state()->answers().features);
    const QSet<QString> selected(effective.cbegin(), effective.cend());

    m_hosts->clear();
    QStringList seen;
    for (const Rule &rule : set.rules) {
        // Private endpoints name the account, not a host: "<storage>:queue".
        if (!rule.destinationTemplate.contains(QStringLiteral("<storage>")) || rule.kind == RuleKind::PrivateEndpoint)
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
    // An empty list says why: a managed network reaches the account through private endpoints.
    if (m_hosts->topLevelItemCount() > 0)
        m_hint->setText(tr("Greyed host names are needed only by features not chosen yet (next page)."));
    else if (state()->answers().network == NetworkKind::Managed)
        m_hint->setText(tr("With a managed virtual network no rule names the storage account by host name: Azure "
                           "reaches it through private endpoints (listed with the rules)."));
    else
        m_hint->setText(tr("No rule of this edition names the storage account by host name."));
    Q_EMIT completeChanged();
}

void StoragePage::updateOptionalFields()
{
    const QList<QPair<const OptionalField *, TranslatableText>> fields{
        {&m_acr, AnswersValidator::acrText(state()->answers().acr)},
        {&m_workspaceId, AnswersValidator::workspaceIdText(state()->answers().workspaceId)},
    };
    for (const auto &[field, error] : fields) {
        // Asked only when the edition has rules that name it.
        const bool used = state()->usesPlaceholder(field->placeholder);
        for (QWidget *w : {static_cast<QWidget *>(field->label), static_cast<QWidget *>(field->edit),
                           static_cast<QWidget *>(field->hint)})
            w->setVisible(used);
        if (used && !error.isEmpty())
            field->banner->showMessage(MessageBanner::Kind::Error, error.toString(language()));
        else
            field->banner->clearMessage();
    }
}

} // namespace amlfw
