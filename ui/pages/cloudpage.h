#pragma once

#include "statepage.h"

#include <QList>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QRadioButton;

namespace amlfw {

class MessageBanner;

// The cloud: Azure Public, Azure Government or Azure China 21Vianet, each explained (catalog data);
// and the network the rules are for: your own firewall or a managed virtual network.
class CloudPage : public StatePage
{
    Q_OBJECT

public:
    explicit CloudPage(WizardState *state, QWidget *parent = nullptr);

    QString stepName() const override;
    bool isComplete() const override;

protected:
    void retranslateUi() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void syncFromState();
    void syncNetwork();

    struct Choice
    {
        QString id;
        QRadioButton *button;
        QLabel *description;
        QLabel *details;
    };
    QList<Choice> m_choices;
    QButtonGroup *m_group;
    QLabel *m_intro;
    MessageBanner *m_banner;
    // Where the rules go: your own firewall, or a managed virtual network (editions that know it).
    QGroupBox *m_networkBox;
    QButtonGroup *m_networkGroup;
    QRadioButton *m_customer;
    QLabel *m_customerText;
    QRadioButton *m_managed;
    QLabel *m_managedText;
    QLabel *m_networkReason;
};

} // namespace amlfw
