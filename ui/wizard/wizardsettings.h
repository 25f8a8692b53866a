#pragma once

#include "answers.h"
#include "armexporter.h"
#include "exportoptions.h"
#include "language.h"
#include "probeoptions.h"

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

    // The folder a file dialog last used, per purpose: each kind of file has its own place (profiles
    // beside the project, exports where the change ticket goes). A purpose not used yet gets the
    // folder last used for any purpose. Empty when unknown.
    enum class Folder { Profile, Export, LiveTestReport, Certificates, ServiceTags };
    QString lastDirectory(Folder purpose) const;
    void setLastDirectory(Folder purpose, const QString &directory);
    QString lastDirectory() const; // the last used for any purpose; empty when unknown

    QByteArray geometry() const;
    void setGeometry(const QByteArray &geometry);

    // Export options the user typed: kept, since they describe the user's network, not the scenario.
    ArmOptions armOptions() const;
    void setArmOptions(const ArmOptions &options);
    bool csvBothLanguages() const; // CSV and XLSX
    void setCsvBothLanguages(bool on);
    bool csvByteOrderMark() const;
    void setCsvByteOrderMark(bool on);
    WildcardStyle wildcardStyle() const; // fqdn-list
    void setWildcardStyle(WildcardStyle style);
    IpVersion ipVersion() const; // ip-list
    void setIpVersion(IpVersion version);
    QString exportFormat() const; // an id of exportFormatIds; "arm" when unknown
    void setExportFormat(const QString &format);

    // The live test's connection and limits, as the user's network needs them. Never the proxy's
    // password or user name: the URL is stored without them.
    ProxySetting::Mode liveTestProxyMode() const; // System when unknown
    void setLiveTestProxyMode(ProxySetting::Mode mode);
    QString liveTestProxyUrl() const; // "http://proxy:3128", empty when unknown
    void setLiveTestProxyUrl(const QString &url);
    QString liveTestPacLocation() const; // the PAC file's path or URL, empty when unknown
    void setLiveTestPacLocation(const QString &location);
    int liveTestTimeoutSeconds() const; // 0: the defaults of each stage
    void setLiveTestTimeoutSeconds(int seconds);
    int liveTestConcurrency() const;
    void setLiveTestConcurrency(int concurrency);
    QString liveTestCaBundle() const;
    void setLiveTestCaBundle(const QString &path);
    // The live test's redirect rules (--resolve, --connect-to; one a line) per profile: `profile` is
    // the profile's title, empty for answers that came from no profile.
    QString liveTestRedirects(const QString &profile) const;
    void setLiveTestRedirects(const QString &profile, const QString &rules);

    static constexpr int MaxLiveTestTimeoutSeconds = 120;

    // The presentation zoom, in percent (100 when unknown).
    int uiZoomPercent() const;
    void setUiZoomPercent(int percent);

    void clear();
    void sync();
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace amlfw
