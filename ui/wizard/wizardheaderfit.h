#pragma once

#include <QLabel>
#include <QPointer>

class QWizard;

namespace amlfw {

// Gives QWizard's header the height its subtitle needs. QWizard sizes the header once per page for
// two lines of "Pq" in the subtitle's font: a subtitle that wraps to a third line in a narrow
// window, or whose Japanese lines are taller than that, loses its last line. This keeps the
// subtitle label (found by its text: QWizard does not expose it) at the height its text needs at
// the width it has, after every page change, new subtitle and resize.
class WizardHeaderFit : public QObject
{
    Q_OBJECT

public:
    explicit WizardHeaderFit(QWizard *wizard);

    void fit();
    QLabel *subTitleLabel() const { return m_label; } // null until a page with a subtitle is shown

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *findSubTitleLabel() const;

    QWizard *m_wizard;
    QPointer<QLabel> m_label;
    // What the event filter compares with: QPointer<QLabel> casts down, undefined while the label
    // is being destroyed (and its destructor still sends events).
    QPointer<QObject> m_labelObject;
    QPointer<QObject> m_header;
    bool m_fitting = false;
};

} // namespace amlfw
