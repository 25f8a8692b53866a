#pragma once

#include "statepage.h"

#include <QList>

class QButtonGroup;
class QLabel;
class QRadioButton;

namespace amlfw {

class MessageBanner;

// The cloud: Azure Public, Azure Government or Azure China 21Vianet, each explained (catalog data).
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
};

} // namespace amlfw
