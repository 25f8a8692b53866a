#pragma once

#include "exporter.h"
#include "statepage.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace amlfw {

class MessageBanner;
class WizardSettings;

// Writes the rules in every format of Exporter, with the options that apply to the chosen one, the
// same defaults and the same bytes as "amlfw export" (the options are built as the CLI builds them).
// A service tags file chosen here expands the rules' service tags to address prefixes (the state
// keeps it while the answers change). Failures keep the wizard open and say why.
class ExportPage : public StatePage
{
    Q_OBJECT

public:
    ExportPage(WizardState *state, WizardSettings *settings, QWidget *parent = nullptr);

    QString stepName() const override;
    void initializePage() override;
    QWidget *firstFocus() const override;
    bool isComplete() const override;

    ExportFormat format() const;
    void setFormat(ExportFormat format);
    // The options as "amlfw export" makes them from the same choices: those that do not apply to
    // the chosen format keep the CLI's defaults.
    ExportOptions exportOptions() const;
    Problems optionProblems() const; // for the chosen format and the current rules
    QByteArray exportData() const;   // the file's bytes for the chosen format and options
    QString suggestedFileName() const;

    // Asks for a file name (FileDialog seam) and writes; returns false on cancel or failure.
    bool exportFile();
    // Asks for a service tags file (FileDialog seam) and applies it to the rules; false when
    // cancelled or refused (the banner says why).
    bool chooseServiceTags();
    QString lastExportedPath() const { return m_lastPath; }
    // Nothing exported since the answers last changed.
    QString unsavedWork() const override;

protected:
    void retranslateUi() override;

private:
    void loadSettings();
    void saveSettings();
    void validate();
    void updateEnabled();
    void updateServiceTags();
    QStringList sourceAddressList() const;

    WizardSettings *m_settings;
    QLabel *m_intro;
    QGroupBox *m_formatBox;
    QButtonGroup *m_formatGroup;
    QLabel *m_formatText;
    QLabel *m_serviceTagsLabel;
    QLabel *m_serviceTagsText;
    QPushButton *m_serviceTagsButton;
    QPushButton *m_clearServiceTags;
    MessageBanner *m_serviceTagsBanner;
    Problems m_serviceTagsLoadProblems; // of the last file chosen, until another is chosen or cleared
    QLabel *m_sourceLabel;
    QLineEdit *m_sourceAddresses;
    QGroupBox *m_armBox;
    QLabel *m_policyLabel;
    QComboBox *m_policy;
    QLabel *m_policyNameLabel;
    QLineEdit *m_policyName;
    QLabel *m_tierLabel;
    QComboBox *m_tier;
    QLabel *m_locationLabel;
    QLineEdit *m_location;
    QLabel *m_rcgNameLabel;
    QLineEdit *m_rcgName;
    QLabel *m_priorityLabel;
    QSpinBox *m_priority;
    QLabel *m_routeTableLabel;
    QComboBox *m_routeTable;
    QLabel *m_routeTableNameLabel;
    QLineEdit *m_routeTableName;
    QLabel *m_firewallIpLabel;
    QLineEdit *m_firewallIp;
    QCheckBox *m_alternatives;
    QGroupBox *m_optionsBox;
    QCheckBox *m_bothLanguages;
    QCheckBox *m_bom;
    QLabel *m_wildcardLabel;
    QComboBox *m_wildcardStyle;
    QLabel *m_ipVersionLabel;
    QComboBox *m_ipVersion;
    QLabel *m_noOptions;
    QLabel *m_languageNote;
    MessageBanner *m_optionsBanner;
    QPushButton *m_export;
    MessageBanner *m_resultBanner;
    QPushButton *m_openFolder;
    QString m_lastPath;
    bool m_exported = false; // a file was written for the current answers
    bool m_loading = false;
};

} // namespace amlfw
