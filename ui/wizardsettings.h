#pragma once

#include "answers.h"
#include "armexporter.h"
#include "language.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <memory>
#include <optional>

namespace amlfw {

// What the wizard remembers between runs: the last answers, the language, export options, the last
// folder and the window geometry. Tests pass a file of their own (or enable QStandardPaths test mode).
class WizardSettings
{
public:
    explicit WizardSettings(const QString &fileName = QString()); // empty: the platform's default store

    std::optional<Answers> lastAnswers() const;
    void setLastAnswers(const Answers &answers);

    std::optional<Language> language() const;
    void setLanguage(Language language);

    QString lastDirectory() const; // empty when unknown
    void setLastDirectory(const QString &directory);

    QByteArray geometry() const;
    void setGeometry(const QByteArray &geometry);

    // Export options the user typed: kept, since they describe the user's network, not the scenario.
    ArmOptions armOptions() const;
    void setArmOptions(const ArmOptions &options);
    bool csvBothLanguages() const;
    void setCsvBothLanguages(bool on);
    bool csvByteOrderMark() const;
    void setCsvByteOrderMark(bool on);
    QString exportFormat() const; // arm | csv | json
    void setExportFormat(const QString &format);

    void clear();
    void sync();
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace amlfw
