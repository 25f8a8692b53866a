#include "wizardsettings.h"

namespace amlfw {

namespace {

const QString kAnswersGroup = QStringLiteral("answers");
const QString kExportGroup = QStringLiteral("export");
const QString kLiveTestGroup = QStringLiteral("livetest");

// The URL without user information, so that credentials typed into it never reach the settings,
// whatever the text looks like: a URL, a pasted "user:password", a scheme typo, a half-typed URL.
QString withoutCredentials(const QString &url)
{
    const QString text = ProxySetting::splitCredentials(url).url;
    if (text.isEmpty() || text.endsWith(QStringLiteral("://")))
        return {};
    return text.left(512);
}

QString folderKey(WizardSettings::Folder purpose)
{
    switch (purpose) {
    case WizardSettings::Folder::Profile:
        return QStringLiteral("folders/profile");
    case WizardSettings::Folder::Export:
        return QStringLiteral("folders/export");
    case WizardSettings::Folder::LiveTestReport:
        return QStringLiteral("folders/liveTestReport");
    case WizardSettings::Folder::Certificates:
        return QStringLiteral("folders/certificates");
    case WizardSettings::Folder::ServiceTags:
        return QStringLiteral("folders/serviceTags");
    }
    return QStringLiteral("lastDirectory");
}

} // namespace

WizardSettings::WizardSettings(const QString &fileName)
    : m_settings(fileName.isEmpty() ? std::make_unique<QSettings>()
                                    : std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{
}

std::optional<Answers> WizardSettings::lastAnswers() const
{
    if (!m_settings->childGroups().contains(kAnswersGroup))
        return std::nullopt;
    m_settings->beginGroup(kAnswersGroup);
    Answers a;
    a.cloud = m_settings->value(QStringLiteral("cloud")).toString();
    a.region = m_settings->value(QStringLiteral("region")).toString();
    a.storage = m_settings->value(QStringLiteral("storage")).toString();
    a.features = m_settings->value(QStringLiteral("features")).toStringList();
    a.udr = udrMethodFromId(m_settings->value(QStringLiteral("udr")).toString()).value_or(UdrMethod::ServiceTags);
    // Absent in the settings of an amlfw before editions: the state reads such answers as 2021-11.
    a.edition = m_settings->value(QStringLiteral("edition")).toString();
    a.acr = m_settings->value(QStringLiteral("acr")).toString();
    a.workspaceId = m_settings->value(QStringLiteral("workspaceId")).toString();
    a.network = networkKindIds.fromId(m_settings->value(QStringLiteral("network")).toString())
                    .value_or(NetworkKind::Customer);
    m_settings->endGroup();
    // Whatever is stored, keep it within what a person could have typed.
    a.cloud.truncate(64);
    a.region.truncate(64);
    a.storage.truncate(256);
    a.edition.truncate(32);
    a.acr.truncate(64);
    a.workspaceId.truncate(64);
    if (a.features.size() > 256)
        a.features = a.features.mid(0, 256);
    return a;
}

void WizardSettings::setLastAnswers(const Answers &answers)
{
    m_settings->beginGroup(kAnswersGroup);
    m_settings->setValue(QStringLiteral("cloud"), answers.cloud);
    m_settings->setValue(QStringLiteral("region"), answers.region);
    m_settings->setValue(QStringLiteral("storage"), answers.storage);
    m_settings->setValue(QStringLiteral("features"), answers.features);
    m_settings->setValue(QStringLiteral("udr"), udrMethodId(answers.udr));
    m_settings->setValue(QStringLiteral("edition"), answers.edition);
    m_settings->setValue(QStringLiteral("acr"), answers.acr);
    m_settings->setValue(QStringLiteral("workspaceId"), answers.workspaceId);
    m_settings->setValue(QStringLiteral("network"), networkKindId(answers.network));
    m_settings->endGroup();
}

std::optional<Language> WizardSettings::language() const
{
    return languageFromCode(m_settings->value(QStringLiteral("language")).toString());
}

void WizardSettings::setLanguage(Language language)
{
    m_settings->setValue(QStringLiteral("language"), languageCode(language));
}

QString WizardSettings::lastDirectory() const
{
    return m_settings->value(QStringLiteral("lastDirectory")).toString().left(4096);
}

QString WizardSettings::lastDirectory(Folder purpose) const
{
    const QString directory = m_settings->value(folderKey(purpose)).toString().left(4096);
    return directory.isEmpty() ? lastDirectory() : directory;
}

void WizardSettings::setLastDirectory(Folder purpose, const QString &directory)
{
    m_settings->setValue(folderKey(purpose), directory);
    m_settings->setValue(QStringLiteral("lastDirectory"), directory);
}

QByteArray WizardSettings::geometry() const
{
    return m_settings->value(QStringLiteral("geometry")).toByteArray();
}

void WizardSettings::setGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("geometry"), geometry);
}

ArmOptions WizardSettings::armOptions() const
{
    ArmOptions o;
    m_settings->beginGroup(kExportGroup);
    o.policy = m_settings->value(QStringLiteral("policy")).toString() == u"existing" ? ArmOptions::Policy::Existing
                                                                                     : ArmOptions::Policy::New;
    o.policyName = m_settings->value(QStringLiteral("policyName"), o.policyName).toString();
    o.ruleCollectionGroupName = m_settings->value(QStringLiteral("rcgName"), o.ruleCollectionGroupName).toString();
    bool ok = false;
    const int priority = m_settings->value(QStringLiteral("rcgPriority"), o.ruleCollectionGroupPriority).toInt(&ok);
    if (ok && priority >= 100 && priority <= 65000)
        o.ruleCollectionGroupPriority = priority;
    o.sourceAddresses = m_settings->value(QStringLiteral("sourceAddresses")).toStringList();
    o.location = m_settings->value(QStringLiteral("location")).toString();
    o.tier = m_settings->value(QStringLiteral("tier")).toString() == u"premium" ? ArmOptions::Tier::Premium
                                                                                : ArmOptions::Tier::Standard;
    const QString routeTable = m_settings->value(QStringLiteral("routeTable")).toString();
    o.routeTable = routeTable == u"existing" ? ArmOptions::RouteTable::Existing
                   : routeTable == u"none"   ? ArmOptions::RouteTable::None
                                             : ArmOptions::RouteTable::New;
    o.routeTableName = m_settings->value(QStringLiteral("routeTableName"), o.routeTableName).toString();
    o.firewallPrivateIp = m_settings->value(QStringLiteral("firewallIp")).toString();
    o.includeAlternatives = m_settings->value(QStringLiteral("alternatives"), true).toBool();
    m_settings->endGroup();
    return o;
}

void WizardSettings::setArmOptions(const ArmOptions &o)
{
    m_settings->beginGroup(kExportGroup);
    m_settings->setValue(QStringLiteral("policy"), armPolicyId(o.policy));
    m_settings->setValue(QStringLiteral("policyName"), o.policyName);
    m_settings->setValue(QStringLiteral("rcgName"), o.ruleCollectionGroupName);
    m_settings->setValue(QStringLiteral("rcgPriority"), o.ruleCollectionGroupPriority);
    m_settings->setValue(QStringLiteral("sourceAddresses"), o.sourceAddresses);
    m_settings->setValue(QStringLiteral("location"), o.location);
    m_settings->setValue(QStringLiteral("tier"), armTierId(o.tier));
    m_settings->setValue(QStringLiteral("routeTable"), armRouteTableId(o.routeTable));
    m_settings->setValue(QStringLiteral("routeTableName"), o.routeTableName);
    m_settings->setValue(QStringLiteral("firewallIp"), o.firewallPrivateIp);
    m_settings->setValue(QStringLiteral("alternatives"), o.includeAlternatives);
    m_settings->endGroup();
}

bool WizardSettings::csvBothLanguages() const
{
    return m_settings->value(kExportGroup + QStringLiteral("/csvBothLanguages"), false).toBool();
}

void WizardSettings::setCsvBothLanguages(bool on)
{
    m_settings->setValue(kExportGroup + QStringLiteral("/csvBothLanguages"), on);
}

bool WizardSettings::csvByteOrderMark() const
{
    return m_settings->value(kExportGroup + QStringLiteral("/csvBom"), true).toBool();
}

void WizardSettings::setCsvByteOrderMark(bool on)
{
    m_settings->setValue(kExportGroup + QStringLiteral("/csvBom"), on);
}

WildcardStyle WizardSettings::wildcardStyle() const
{
    return wildcardStyleIds.fromId(m_settings->value(kExportGroup + QStringLiteral("/wildcardStyle")).toString())
        .value_or(WildcardStyle::Star);
}

void WizardSettings::setWildcardStyle(WildcardStyle style)
{
    m_settings->setValue(kExportGroup + QStringLiteral("/wildcardStyle"), wildcardStyleIds.toId(style));
}

IpVersion WizardSettings::ipVersion() const
{
    return ipVersionIds.fromId(m_settings->value(kExportGroup + QStringLiteral("/ipVersion")).toString())
        .value_or(IpVersion::Both);
}

void WizardSettings::setIpVersion(IpVersion version)
{
    m_settings->setValue(kExportGroup + QStringLiteral("/ipVersion"), ipVersionIds.toId(version));
}

QString WizardSettings::exportFormat() const
{
    const QString format = m_settings->value(kExportGroup + QStringLiteral("/format")).toString();
    return exportFormatIds.fromId(format) ? format : QStringLiteral("arm");
}

void WizardSettings::setExportFormat(const QString &format)
{
    m_settings->setValue(kExportGroup + QStringLiteral("/format"), format);
}

ProxySetting::Mode WizardSettings::liveTestProxyMode() const
{
    const QString mode = m_settings->value(kLiveTestGroup + QStringLiteral("/proxyMode")).toString();
    return mode == u"none"       ? ProxySetting::Mode::None
           : mode == u"explicit" ? ProxySetting::Mode::Explicit
           : mode == u"pac"      ? ProxySetting::Mode::Pac
                                 : ProxySetting::Mode::System;
}

void WizardSettings::setLiveTestProxyMode(ProxySetting::Mode mode)
{
    m_settings->setValue(kLiveTestGroup + QStringLiteral("/proxyMode"),
                         mode == ProxySetting::Mode::None       ? QStringLiteral("none")
                         : mode == ProxySetting::Mode::Explicit ? QStringLiteral("explicit")
                         : mode == ProxySetting::Mode::Pac      ? QStringLiteral("pac")
                                                                : QStringLiteral("system"));
}

QString WizardSettings::liveTestProxyUrl() const
{
    return withoutCredentials(m_settings->value(kLiveTestGroup + QStringLiteral("/proxyUrl")).toString());
}

void WizardSettings::setLiveTestProxyUrl(const QString &url)
{
    m_settings->setValue(kLiveTestGroup + QStringLiteral("/proxyUrl"), withoutCredentials(url));
}

QString WizardSettings::liveTestPacLocation() const
{
    return withoutCredentials(m_settings->value(kLiveTestGroup + QStringLiteral("/pacLocation")).toString());
}

void WizardSettings::setLiveTestPacLocation(const QString &location)
{
    m_settings->setValue(kLiveTestGroup + QStringLiteral("/pacLocation"), withoutCredentials(location));
}

int WizardSettings::liveTestTimeoutSeconds() const
{
    bool ok = false;
    const int seconds = m_settings->value(kLiveTestGroup + QStringLiteral("/timeoutSeconds"), 0).toInt(&ok);
    return ok && seconds >= 0 && seconds <= MaxLiveTestTimeoutSeconds ? seconds : 0;
}

void WizardSettings::setLiveTestTimeoutSeconds(int seconds)
{
    m_settings->setValue(kLiveTestGroup + QStringLiteral("/timeoutSeconds"), seconds);
}

int WizardSettings::liveTestConcurrency() const
{
    bool ok = false;
    const int n = m_settings->value(kLiveTestGroup + QStringLiteral("/concurrency"), ProbeOptions::DefaultConcurrency)
                      .toInt(&ok);
    return ok && n >= ProbeOptions::AutomaticConcurrency && n <= ProbeOptions::MaxConcurrency
               ? n
               : ProbeOptions::DefaultConcurrency;
}

void WizardSettings::setLiveTestConcurrency(int concurrency)
{
    m_settings->setValue(kLiveTestGroup + QStringLiteral("/concurrency"), concurrency);
}

QString WizardSettings::liveTestCaBundle() const
{
    return m_settings->value(kLiveTestGroup + QStringLiteral("/caBundle")).toString().left(4096);
}

void WizardSettings::setLiveTestCaBundle(const QString &path)
{
    m_settings->setValue(kLiveTestGroup + QStringLiteral("/caBundle"), path);
}

int WizardSettings::uiZoomPercent() const
{
    const int percent = m_settings->value(QStringLiteral("ui/zoomPercent"), 100).toInt();
    return percent >= 50 && percent <= 300 ? percent : 100;
}

void WizardSettings::setUiZoomPercent(int percent)
{
    m_settings->setValue(QStringLiteral("ui/zoomPercent"), percent);
}

namespace {

// A profile's title as a settings key: any text, kept apart from the key syntax (slashes).
QString redirectKey(const QString &profile)
{
    const QString name = profile.isEmpty() ? QStringLiteral("-")
                                           : QString::fromLatin1(profile.toUtf8().toBase64(
                                               QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return QStringLiteral("liveTestRedirects/") + name;
}

} // namespace

QString WizardSettings::liveTestRedirects(const QString &profile) const
{
    return m_settings->value(redirectKey(profile)).toString().left(64 * 1024);
}

void WizardSettings::setLiveTestRedirects(const QString &profile, const QString &rules)
{
    if (rules.trimmed().isEmpty())
        m_settings->remove(redirectKey(profile));
    else
        m_settings->setValue(redirectKey(profile), rules);
}

void WizardSettings::clear()
{
    m_settings->clear();
}

void WizardSettings::sync()
{
    m_settings->sync();
}

QString WizardSettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace amlfw
