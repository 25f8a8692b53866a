#pragma once

#include "statepage.h"

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace amlfw {

class MessageBanner;

// "Workspace resources": the workspace's default storage account, checked as it is typed with the
// broken rule named, and the host names of it that the rules will name; the container registry and
// the workspace ID too, when the edition has rules that name them (<acr>, <workspace-id>).
class StoragePage : public StatePage
{
    Q_OBJECT

public:
    explicit StoragePage(WizardState *state, QWidget *parent = nullptr);

    QString stepName() const override;
    void initializePage() override;
    bool isComplete() const override;

    // The host names shown, in order (with the name typed, or <name> while it is not valid).
    QStringList hostNames() const;

protected:
    void retranslateUi() override;

private:
    void update();
    void updateOptionalFields();
    // A line edit for an optional answer, with its label, hint and banner, in `grid` at `row`.
    struct OptionalField
    {
        QString placeholder; // "acr", "workspace-id"
        QLabel *label;
        QLineEdit *edit;
        QLabel *hint;
        MessageBanner *banner;
    };
    OptionalField addOptionalField(const QString &placeholder, const QString &name);

    QLabel *m_intro;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    MessageBanner *m_banner;
    QLabel *m_hostsLabel;
    QTreeWidget *m_hosts;
    QLabel *m_hint;
    OptionalField m_acr;
    OptionalField m_workspaceId;
    // A pasted address replaced by its account name: the name, and the host it came from (empty
    // for a connection string), said in the banner while the field still holds that name.
    QString m_takenAccount;
    QString m_takenFrom;
};

} // namespace amlfw
