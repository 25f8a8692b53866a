#pragma once

#include "armexporter.h"
#include "csvexporter.h"
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

// Writes the rules as an ARM template, CSV or JSON, with the same options, defaults and bytes as
// "amlfw export". Failures keep the wizard open and say why.
class ExportPage : public StatePage
{
    Q_OBJECT

public:
    enum class Format { Arm, Csv, Json };

    ExportPage(WizardState *state, WizardSettings *settings, QWidget *parent = nullptr);

    QString stepName() const override;
    void initializePage() override;
    QWidget *firstFocus() const override;
    bool isComplete() const override;

    Format format() const;
    void setFormat(Format format);
    ArmOptions armOptions() const;
    CsvOptions csvOptions() const;
    Problems optionProblems() const; // for the chosen format
    QByteArray exportData() const;   // the file's bytes for the chosen format and options
    QString suggestedFileName() const;

    // Asks for a file name (FileDialog seam) and writes; returns false on cancel or failure.
    bool exportFile();
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
    QStringList sourceAddressList() const;
    QString formatName(Format format) const;

    WizardSettings *m_settings;
    QLabel *m_intro;
    QGroupBox *m_formatBox;
    QButtonGroup *m_formatGroup;
    QRadioButton *m_arm;
    QRadioButton *m_csv;
    QRadioButton *m_json;
    QLabel *m_formatText;
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
    QGroupBox *m_csvBox;
    QCheckBox *m_bothLanguages;
    QCheckBox *m_bom;
    QLabel *m_jsonText;
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
