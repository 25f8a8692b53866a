#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;
class QWizard;

namespace amlfw {

// The steps of the wizard beside the pages: where you are, what is done, what is left.
class StepList : public QWidget
{
    Q_OBJECT

public:
    explicit StepList(QWizard *wizard, QWidget *parent = nullptr);

    void refresh(); // after a page change or a language change
    QStringList stepTexts() const;

private:
    QWizard *m_wizard;
    QVBoxLayout *m_layout;
    QList<QLabel *> m_labels;
};

} // namespace amlfw
