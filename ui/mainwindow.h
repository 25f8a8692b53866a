#pragma once

#include <QWidget>

class QLabel;

namespace amlfw {

// First window: proves the GUI links against the core. The wizard replaces it.
class MainWindow : public QWidget
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    QLabel *m_label;
};

} // namespace amlfw
