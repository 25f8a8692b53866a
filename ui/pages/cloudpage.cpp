#include "cloudpage.h"

#include "messagebanner.h"
#include "wizardstate.h"

#include <QButtonGroup>
#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace amlfw {

CloudPage::CloudPage(WizardState *state, QWidget *parent)
    : StatePage(state, parent)
    , m_group(new QButtonGroup(this))
    , m_intro(new QLabel(this))
    , m_banner(new MessageBanner(this))
{
    setObjectName(QStringLiteral("cloudPage"));
    m_intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
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
    layout->addStretch(1);
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
    Q_EMIT completeChanged();
}

} // namespace amlfw
