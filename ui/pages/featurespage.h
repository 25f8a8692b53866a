#pragma once

#include "statepage.h"

#include <QHash>
#include <QList>

class QButtonGroup;
class QCheckBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QTimer;

namespace amlfw {

class MessageBanner;

// The features the workspace uses, grouped as the catalog groups them, each with its explanation
// and the number of rules it adds; features implied by others show as included. Also the way the
// inbound routes are written (service tags or IP ranges).
class FeaturesPage : public StatePage
{
    Q_OBJECT

public:
    explicit FeaturesPage(WizardState *state, QWidget *parent = nullptr);

    QString stepName() const override;
    void initializePage() override;
    QWidget *firstFocus() const override;
    bool isComplete() const override;

    // Rules each feature adds to the current selection (in the set with it, not without it), and
    // rules it changes (more ports); -1 before counting.
    int ruleDelta(const QString &featureId) const { return m_deltas.value(featureId, -1); }
    int ruleChanges(const QString &featureId) const { return m_changes.value(featureId, -1); }
    void recountNow();

protected:
    void retranslateUi() override;
    void catalogChanged() override;

private:
    struct Row
    {
        QString id;
        QCheckBox *box;
        QLabel *count;
        QLabel *description;
        QLabel *included;
    };
    void buildRows();
    void updateTabOrder();
    void syncFromState();
    void toggle(const QString &id, bool on);
    void scheduleRecount();
    void updateCountLabels();
    QStringList impliersOf(const QString &id) const; // selected features that include `id`

    QLabel *m_intro;
    QPushButton *m_selectAll;
    QPushButton *m_clearAll;
    QWidget *m_groupsWidget = nullptr;
    QHash<QString, QGroupBox *> m_groups;
    QList<Row> m_rows;
    QGroupBox *m_udrBox;
    QLabel *m_udrText;
    QRadioButton *m_udrTags;
    QRadioButton *m_udrRanges;
    QButtonGroup *m_udrGroup;
    QLabel *m_total;
    MessageBanner *m_banner;
    QPushButton *m_removeUnknown;
    QTimer *m_recount;
    QHash<QString, int> m_deltas;  // rules added
    QHash<QString, int> m_changes; // rules whose destination or ports change
    bool m_syncing = false;
};

} // namespace amlfw
