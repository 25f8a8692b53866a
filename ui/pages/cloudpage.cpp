#include "cloudpage.h"

#include "messagebanner.h"
#include "wizardstate.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QMouseEvent>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace amlfw {

CloudPage::CloudPage(WizardState *state, QWidget *parent)
    : StatePage(state, parent)
    , m_group(new QButtonGroup(this))
    , m_intro(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_networkBox(new QGroupBox(this))
    , m_networkGroup(new QButtonGroup(this))
    , m_customer(new QRadioButton(m_networkBox))
    , m_customerText(new QLabel(m_networkBox))
    , m_managed(new QRadioButton(m_networkBox))
    , m_managedText(new QLabel(m_networkBox))
    , m_networkReason(new QLabel(m_networkBox))
{
    setObjectName(QStringLiteral("cloudPage"));
    m_intro->setWordWrap(true);
    // In a small window (or a large font) the texts keep their lines and the page scrolls.
    auto *content = new QWidget(this);
    content->setObjectName(QStringLiteral("cloudContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 6, 0); // room beside the scroll bar
    layout->addWidget(m_intro);
    layout->addSpacing(6);
    // Descriptions line up with the radio buttons' text.
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
                       + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    const QList<Cloud> &clouds = state->catalog().clouds;
    for (qsizetype i = 0; i < clouds.size(); ++i) {
        Choice choice{clouds.at(i).id, new QRadioButton(this), new QLabel(this), new QLabel(this)};
        choice.button->setObjectName(QStringLiteral("cloud_") + choice.id);
        QFont bold = choice.button->font();
        bold.setBold(true);
        choice.button->setFont(bold);
        for (QLabel *label : {choice.description, choice.details}) {
            label->setWordWrap(true);
            label->setContentsMargins(indent, 0, 0, 0);
            // A click on the explanation chooses the cloud too.
            label->installEventFilter(this);
        }
        choice.details->setForegroundRole(QPalette::PlaceholderText);
        m_group->addButton(choice.button, int(i));
        layout->addWidget(choice.button, 0, Qt::AlignLeft); // the whole widget is the click target
        layout->addWidget(choice.description);
        layout->addWidget(choice.details);
        layout->addSpacing(10);
        m_choices << choice;
    }
    layout->addWidget(m_banner);

    m_networkBox->setObjectName(QStringLiteral("networkBox"));
    m_customer->setObjectName(QStringLiteral("networkCustomer"));
    m_managed->setObjectName(QStringLiteral("networkManaged"));
    m_networkReason->setObjectName(QStringLiteral("networkReason"));
    m_networkGroup->addButton(m_customer, int(NetworkKind::Customer));
    m_networkGroup->addButton(m_managed, int(NetworkKind::Managed));
    auto *networkLayout = new QVBoxLayout(m_networkBox);
    networkLayout->setSpacing(2);
    for (QLabel *label : {m_customerText, m_managedText, m_networkReason}) {
        label->setWordWrap(true);
        label->setContentsMargins(indent, 0, 0, 4);
        label->setForegroundRole(QPalette::PlaceholderText);
    }
    // As wide as their text: a click beside it, which a radio button ignores, falls on nothing.
    networkLayout->addWidget(m_customer, 0, Qt::AlignLeft);
    networkLayout->addWidget(m_customerText);
    networkLayout->addWidget(m_managed, 0, Qt::AlignLeft);
    networkLayout->addWidget(m_managedText);
    networkLayout->addWidget(m_networkReason);
    layout->addWidget(m_networkBox);
    // Tab in reading order: the clouds, then the network (created first, so first in the chain).
    if (!m_choices.isEmpty()) {
        setTabOrder(m_choices.constLast().button, m_customer);
        setTabOrder(m_customer, m_managed);
    }
    layout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setFocusPolicy(Qt::NoFocus); // not a stop of its own: it scrolls to the focused control
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *pageLayout = new QVBoxLayout(this);
    pageLayout->addWidget(scroll);
    connect(m_networkGroup, &QButtonGroup::idClicked, this,
            [this](int id) { this->state()->setNetwork(NetworkKind(id)); });
    m_banner->setObjectName(QStringLiteral("cloudBanner"));
    m_banner->setProperty(MessageBanner::CoreTextProperty, true);

    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
        if (id >= 0 && id < m_choices.size())
            this->state()->setCloud(m_choices.at(id).id);
    });
    connect(state, &WizardState::answersChanged, this, &CloudPage::syncFromState);
    syncFromState();
    retranslateUi();
}

QString CloudPage::stepName() const
{
    return tr("Cloud");
}

bool CloudPage::isComplete() const
{
    return state()->isCloudValid();
}

void CloudPage::retranslateUi()
{
    setTitle(tr("Which cloud is the workspace in?"));
    setSubTitle(tr("Host names and service tags differ between the clouds."));
    m_intro->setText(tr("Choose the Azure cloud that hosts the Azure Machine Learning workspace."));
    const Catalog &catalog = state()->catalog();
    for (const Choice &c : std::as_const(m_choices)) {
        const Cloud *cloud = catalog.cloud(c.id);
        if (!cloud)
            continue;
        c.button->setText(cloud->name.text(language()));
        c.description->setText(cloud->description.text(language()));
        const QList<Region> regions = catalog.regions.value(c.id);
        const auto withAml = std::count_if(regions.cbegin(), regions.cend(), [](const Region &r) { return r.aml; });
        c.details->setText(tr("%n region(s), %1 of them with Azure Machine Learning · storage host names end in .%2",
                              nullptr, int(regions.size()))
                               .arg(withAml)
                               .arg(cloud->storageSuffix));
        c.button->setAccessibleName(cloud->name.text(language()));
        c.button->setAccessibleDescription(cloud->description.text(language()));
        c.button->setToolTip(cloud->description.text(language()));
    }

    m_networkBox->setTitle(tr("Where do the rules go?"));
    m_customer->setText(tr("My &own firewall / network (customer-managed virtual network)"));
    m_customerText->setText(tr("The workspace is in your virtual network and your firewall (Azure Firewall or another) "
                               "needs the rules; the routes and host tables are for it."));
    // A radio button does not wrap: what the rules are for in this case is said in the text below it.
    m_managed->setText(tr("A &managed virtual network (Azure manages the firewall)"));
    m_managedText->setText(tr("Azure adds the required rules by itself; the rules listed are the outbound rules and "
                              "private endpoints you add to the workspace's managed network."));
    QString managedEdition;
    for (const Catalog &other : state()->catalogs()) {
        if (other.hasNetwork(NetworkKind::Managed))
            managedEdition = other.edition;
    }
    m_networkReason->setText(managedEdition.isEmpty()
                                 ? tr("The %1 edition describes only your own firewall.").arg(catalog.edition)
                                 : tr("The %1 edition describes only your own firewall; the %2 edition (first page) "
                                      "knows the managed virtual network.")
                                       .arg(catalog.edition, managedEdition));
    m_customer->setAccessibleName(tr("My own firewall or network"));
    m_customer->setAccessibleDescription(m_customerText->text());
    m_managed->setAccessibleName(tr("A managed virtual network"));
    m_managed->setAccessibleDescription(m_managedText->text());
    syncNetwork();
}

void CloudPage::syncNetwork()
{
    const bool managed = state()->catalog().hasNetwork(NetworkKind::Managed);
    m_managed->setEnabled(managed);
    m_managedText->setEnabled(managed);
    m_networkReason->setVisible(!managed);
    m_managed->setToolTip(managed ? QString() : m_networkReason->text());
    QRadioButton *checked = state()->answers().network == NetworkKind::Managed ? m_managed : m_customer;
    if (!checked->isChecked())
        checked->setChecked(true);
}

bool CloudPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        for (const Choice &c : std::as_const(m_choices)) {
            if (watched == c.description || watched == c.details) {
                c.button->click();
                c.button->setFocus(Qt::MouseFocusReason);
                return true;
            }
        }
    }
    return StatePage::eventFilter(watched, event);
}

void CloudPage::syncFromState()
{
    for (qsizetype i = 0; i < m_choices.size(); ++i) {
        const bool checked = m_choices.at(i).id == state()->answers().cloud;
        if (m_choices.at(i).button->isChecked() != checked)
            m_choices.at(i).button->setChecked(checked);
    }
    if (!state()->isCloudValid() && m_group->checkedButton()) {
        // QButtonGroup is exclusive: uncheck through a non-exclusive moment.
        m_group->setExclusive(false);
        m_group->checkedButton()->setChecked(false);
        m_group->setExclusive(true);
    }
    // A cloud from a profile that amlfw does not know: say so, the buttons above are the fix.
    const Problems problems = AnswersValidator::validateCloud(state()->catalog(), state()->answers().cloud);
    if (hasErrors(problems) && !state()->answers().cloud.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Error, problems.first().message());
    else
        m_banner->clearMessage();
    syncNetwork();
    Q_EMIT completeChanged();
}

} // namespace amlfw
