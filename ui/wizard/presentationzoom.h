#pragma once

#include <QList>
#include <QObject>

class QAction;
class QLabel;
class QTimer;
class QWidget;

namespace amlfw {

class WizardSettings;

// Presentation zoom for a projector: Ctrl+plus (also Ctrl+= without a numpad), Ctrl+minus and
// Ctrl+0 over the whole window, every page, in steps from 80 % to 200 %. The application font
// scales (in both languages, with the Japanese UI font), so layouts follow; the level is shown
// briefly in a corner and remembered in the settings.
class PresentationZoom : public QObject
{
    Q_OBJECT

public:
    static const QList<int> &steps(); // 80, 90, 100, 110, 125, 150, 175, 200

    PresentationZoom(QWidget *window, WizardSettings *settings);
    ~PresentationZoom() override;

    int percent() const;
    void zoomIn();
    void zoomOut();
    void reset();
    QLabel *indicator() const { return m_indicator; }

Q_SIGNALS:
    void zoomChanged(int percent);

private:
    void setPercent(int percent);
    bool eventFilter(QObject *watched, QEvent *event) override;

    QWidget *m_window;
    WizardSettings *m_settings;
    QLabel *m_indicator;
    QTimer *m_hide;
};

} // namespace amlfw
