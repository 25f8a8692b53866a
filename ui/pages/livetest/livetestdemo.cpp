#include "livetestdemo.h"

#include "demonetwork.h"
#include "probecatalog.h"
#include "probeplanner.h"
#include "probetexts.h"
#include "rule.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace amlfw {

LiveTestDemo::LiveTestDemo(QWidget *parent)
    : QWidget(parent)
{
    m_check = new QCheckBox(this);
    m_check->setObjectName(QStringLiteral("demoNetwork"));
    m_strip = new QLabel(this);
    m_strip->setObjectName(QStringLiteral("demoBanner"));
    m_strip->setWordWrap(true);
    m_strip->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Loud on purpose: a projector shows it from the back of the room.
    m_strip->setStyleSheet(QStringLiteral("QLabel{background:#7a1fa2;color:white;font-weight:bold;"
                                          "padding:4px 8px;border-radius:3px}"));
    m_strip->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_check);
    layout->addWidget(m_strip);
    retranslateUi();
}

LiveTestDemo::~LiveTestDemo() = default;

bool LiveTestDemo::isChecked() const
{
    return m_check->isChecked();
}

bool LiveTestDemo::prepare(RuleSet *set, ProbeOptions *options, QString *error)
{
    if (m_network)
        m_earlier << m_network;
    m_network = new DemoNetwork(this);
    if (!m_network->start(ProbePlanner::plan(*set, *options), error))
        return false;
    *options = m_network->options(*options);
    set->catalog.probe = DemoNetwork::catalog(set->catalog.probe);
    return true;
}

ProbeOptions LiveTestDemo::retryOptions(const ProbeOptions &options) const
{
    return m_network ? m_network->options(options) : options;
}

HostResolver *LiveTestDemo::resolver() const
{
    return m_network ? m_network->resolver() : nullptr;
}

void LiveTestDemo::dropEarlier()
{
    for (DemoNetwork *n : std::as_const(m_earlier))
        n->deleteLater();
    m_earlier.clear();
}

void LiveTestDemo::showResultsAreDemo(bool demo)
{
    m_strip->setVisible(demo);
}

bool LiveTestDemo::isShowingDemo() const
{
    return !m_strip->isHidden();
}

void LiveTestDemo::retranslateUi()
{
    m_check->setText(tr("Demo network (simulated, no real connections)"));
    m_check->setAccessibleName(m_check->text());
    m_strip->setAccessibleName(ProbeTexts::demoBanner());
    m_check->setToolTip(tr("Runs the test on a network simulated inside amlfw on 127.0.0.1, for presentations "
                           "without the real network: every status appears, nothing leaves this computer."));
    m_strip->setText(ProbeTexts::demoBanner());
}

} // namespace amlfw
