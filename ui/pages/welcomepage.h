#pragma once

#include "statepage.h"

#include <QList>

class QButtonGroup;
class QComboBox;
class QGroupBox;
class QRadioButton;
class QLabel;
class QPushButton;

namespace amlfw {

// First page: the language, what amlfw does, the edition of the article the rules come from (a
// choice when several are built in), and saved profiles.
class WelcomePage : public StatePage
{
    Q_OBJECT

public:
    explicit WelcomePage(WizardState *state, QWidget *parent = nullptr);

    QString stepName() const override;

Q_SIGNALS:
    void openProfileRequested();
    void saveProfileRequested();

protected:
    void retranslateUi() override;

private:
    void updateScenario();
    void syncEdition();

    struct EditionChoice
    {
        QString edition;
        QRadioButton *button;
        QLabel *summary;
    };

    QLabel *m_languageLabel;
    QComboBox *m_language;
    QLabel *m_intro;
    QGroupBox *m_catalogBox;
    QButtonGroup *m_editionGroup;
    QList<EditionChoice> m_editions;
    QLabel *m_catalogText;
    QLabel *m_editionNote;
    QGroupBox *m_profileBox;
    QLabel *m_profileText;
    QLabel *m_scenario;
    QPushButton *m_openProfile;
    QPushButton *m_saveProfile;
    QPushButton *m_startOver;
};

} // namespace amlfw
