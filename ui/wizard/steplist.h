#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QVBoxLayout;
class QWizard;

namespace amlfw {

// The steps of the wizard beside the pages: where you are, what is done, what is left. A way to
// move too: a click, or Up/Down and Enter, on a step that can be reached asks to go there
// (stepActivated); the current step is announced to screen readers when it changes.
class StepList : public QWidget
{
    Q_OBJECT

public:
    explicit StepList(QWizard *wizard, QWidget *parent = nullptr);

    void refresh(); // after a page change or a language change
    QStringList stepTexts() const;
    // Which page ids can be gone to now (visited, or ahead over answered pages); all when unset.
    void setReachable(std::function<bool(int)> reachable) { m_reachable = std::move(reachable); }
    int focusedStep() const { return m_focused; } // index of the step the keyboard is on

Q_SIGNALS:
    void stepActivated(int pageId);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void activate(int index);
    void updateFocusMark();

    QWizard *m_wizard;
    QVBoxLayout *m_layout;
    QList<QLabel *> m_labels;
    QStringList m_texts; // "▶  Region": each step's marker and name, as plain text
    std::function<bool(int)> m_reachable;
    int m_focused = -1;
    int m_announced = -1; // the page id last announced as current
};

} // namespace amlfw
