#pragma once

#include "probeoptions.h"

#include <QWidget>

class QCheckBox;
class QLabel;

namespace amlfw {

class DemoNetwork;
class HostResolver;
struct RuleSet;

// The live-test page's "Demo network": a check box by the Run button that runs the test on the
// simulated network inside amlfw (DemoNetwork, loopback only), and the DEMO strip shown while the
// page holds demo results, so that they are never taken for real ones.
class LiveTestDemo : public QWidget
{
    Q_OBJECT

public:
    explicit LiveTestDemo(QWidget *parent = nullptr);
    ~LiveTestDemo() override;

    QCheckBox *checkBox() const { return m_check; }
    bool isChecked() const;

    // For a start with the box checked: a new demo network for `set`, `options` turned into its
    // options and `set` into a copy with the demo CA expected. False with *error when it cannot start.
    bool prepare(RuleSet *set, ProbeOptions *options, QString *error);
    // For a retry of a demo run: the same network's options.
    ProbeOptions retryOptions(const ProbeOptions &options) const;
    HostResolver *resolver() const;
    // Drops the networks of earlier runs (after the session let go of their engine).
    void dropEarlier();
    // Shows or hides the DEMO strip.
    void showResultsAreDemo(bool demo);
    bool isShowingDemo() const;

    void retranslateUi();

private:
    QCheckBox *m_check;
    QLabel *m_strip;
    DemoNetwork *m_network = nullptr;
    QList<DemoNetwork *> m_earlier;
};

} // namespace amlfw
