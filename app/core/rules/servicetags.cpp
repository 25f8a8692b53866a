#include "servicetags.h"

#include "jsonreader.h"
#include "rule.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QHostAddress>
#include <QSet>

namespace amlfw {

namespace {

const char *const kContext = "amlfw::ServiceTagsFile";

// Tags that stand for the customer's own network, not for addresses Microsoft publishes.
bool isVirtualTag(const QString &tag)
{
    return tag.compare(u"VirtualNetwork", Qt::CaseInsensitive) == 0
           || tag.compare(u"Internet", Qt::CaseInsensitive) == 0;
}

} // namespace

QString ServiceTagsFile::cloudIdFromFileCloud(const QString &fileCloud)
{
    const QString c = fileCloud.trimmed().toLower();
    if (c == u"public" || c == u"azurecloud" || c == u"azurepublic")
        return QStringLiteral("public");
    if (c == u"azuregovernment" || c == u"usgovernment" || c == u"azureusgovernment" || c == u"usgov")
        return QStringLiteral("usgov");
    if (c == u"china" || c == u"azurechina" || c == u"azurechinacloud")
        return QStringLiteral("china");
    return {};
}

QString ServiceTagsFile::cloudId() const
{
    return cloudIdFromFileCloud(fileCloud);
}

const ServiceTagEntry *ServiceTagsFile::find(const QString &tag) const
{
    const auto it = m_index.constFind(tag.toLower());
    return it == m_index.constEnd() ? nullptr : &entries.at(*it);
}

QString ServiceTagsFile::versionText() const
{
    if (date.isValid())
        return tr("change %1, %2").arg(QString::number(changeNumber), date.toString(Qt::ISODate));
    return tr("change %1").arg(QString::number(changeNumber));
}

std::optional<ServiceTagsFile> ServiceTagsFile::parse(const QByteArray &json, const QString &fileName,
                                                      Problems *problems)
{
    Problems found;
    JsonReader r(fileName, &found);
    const auto root = r.parseObject(
        json, TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                                           "this is not a service tags file: it holds no JSON object")));
    ServiceTagsFile file;
    file.fileName = fileName;
    if (root) {
        // A number in the downloaded files, a string of digits in `az network list-service-tags`.
        const QJsonValue change = root->value(QStringLiteral("changeNumber"));
        bool isNumber = change.isDouble() && change.toDouble() >= 0
                        && change.toDouble() == double(qint64(change.toDouble()));
        qint64 number = isNumber ? qint64(change.toDouble()) : 0;
        if (change.isString())
            number = change.toString().toLongLong(&isNumber);
        if (!isNumber || number < 0)
            r.error(QStringLiteral("changeNumber"),
                    TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                                                 "missing or not a whole number: this is not an "
                                                                 "\"Azure IP Ranges and Service Tags\" file")));
        else
            file.changeNumber = number;
        file.fileCloud = r.string(*root, QStringLiteral("cloud"), QStringLiteral("cloud"));
        if (!file.fileCloud.isEmpty() && file.cloudId().isEmpty())
            r.error(QStringLiteral("cloud"),
                    TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                                                 "\"%1\" is not a cloud of the service tags files "
                                                                 "(Public, AzureGovernment, China)"))
                        .arg(file.fileCloud));
        const QJsonArray values = r.array(*root, QStringLiteral("values"), QStringLiteral("values"));
        r.forEachObject(values, QStringLiteral("values"), [&](const QJsonObject &o, const QString &path, int) {
            ServiceTagEntry entry;
            entry.name = r.string(o, QStringLiteral("name"), path);
            entry.id = r.string(o, QStringLiteral("id"), path, JsonReader::Need::Optional);
            const QString propsPath = JsonReader::join(path, QStringLiteral("properties"));
            const QJsonObject props = r.object(o, QStringLiteral("properties"), path);
            entry.region = r.string(props, QStringLiteral("region"), propsPath, JsonReader::Need::Optional);
            entry.systemService
                = r.string(props, QStringLiteral("systemService"), propsPath, JsonReader::Need::Optional);
            entry.addressPrefixes = r.stringList(props, QStringLiteral("addressPrefixes"), propsPath,
                                                 JsonReader::Need::Required, true);
            entry.networkFeatures = r.stringList(props, QStringLiteral("networkFeatures"), propsPath);
            const QString prefixesPath = JsonReader::join(propsPath, QStringLiteral("addressPrefixes"));
            for (qsizetype i = 0; i < entry.addressPrefixes.size(); ++i) {
                const auto subnet = QHostAddress::parseSubnet(entry.addressPrefixes.at(i));
                if (subnet.first.isNull())
                    r.error(JsonReader::index(prefixesPath, i),
                            TranslatableText(kContext,
                                             QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                                               "\"%1\" is not an address prefix (such as 20.1.2.0/24)"))
                                .arg(entry.addressPrefixes.at(i)));
            }
            if (entry.name.isEmpty())
                return;
            const QString key = entry.name.toLower();
            if (file.m_index.contains(key)) {
                r.error(path, TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                                                           "the tag \"%1\" is listed twice"))
                                  .arg(entry.name));
                return;
            }
            file.m_index.insert(key, file.entries.size());
            file.entries.append(entry);
        });
        static const QRegularExpression dated(QStringLiteral("_(\\d{8})(?:\\D|$)"));
        const QRegularExpressionMatch m = dated.match(QFileInfo(fileName).fileName());
        if (m.hasMatch())
            file.date = QDate::fromString(m.captured(1), QStringLiteral("yyyyMMdd"));
    }
    const bool bad = r.hasErrors() || !root;
    if (problems)
        *problems += found;
    if (bad)
        return std::nullopt;
    return file;
}

std::optional<ServiceTagsFile> ServiceTagsFile::load(const QString &path, Problems *problems)
{
    const QString name = QFileInfo(path).fileName();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (problems)
            problems->append(Problem::error(
                path, TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile", "cannot read it: %1"))
                          .arg(f.errorString())));
        return std::nullopt;
    }
    // The public file is about 4 MB; anything far larger is not one.
    constexpr qint64 kMaxSize = 256 * 1024 * 1024;
    if (f.size() > kMaxSize) {
        if (problems)
            problems->append(Problem::error(
                path, TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                                                   "%1 MB is too large for a service tags file"))
                          .arg(f.size() / (1024 * 1024))));
        return std::nullopt;
    }
    return parse(f.readAll(), name, problems);
}

QString serviceTagOf(const Rule &rule)
{
    if (rule.kind != RuleKind::ServiceTag && rule.kind != RuleKind::Route)
        return {};
    if (isVirtualTag(rule.destination) || rule.destination.contains(u'<'))
        return {};
    return rule.destination;
}

Problems applyServiceTags(RuleSet *set, std::shared_ptr<const ServiceTagsFile> file)
{
    Problems problems;
    if (!file) {
        set->serviceTags.reset();
        return problems;
    }
    const QString cloud = file->cloudId();
    if (cloud != set->answers.cloud) {
        const Cloud *rulesCloud = set->catalog.cloud(set->answers.cloud);
        const TranslatableText cloudName = rulesCloud ? TranslatableText::localized(rulesCloud->name)
                                                      : TranslatableText::plain(set->answers.cloud);
        problems.append(Problem::error(
            file->fileName,
            TranslatableText(kContext,
                             QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                               "this file lists the service tags of the cloud \"%1\", but the rules "
                                               "are for %2: download the file of that cloud"))
                .arg(TranslatableText::plain(file->fileCloud), cloudName)));
        return problems;
    }
    set->serviceTags = file;
    QSet<QString> warned;
    for (const Rule &rule : std::as_const(set->rules)) {
        const QString tag = serviceTagOf(rule);
        if (tag.isEmpty() || file->find(tag) || warned.contains(tag.toLower()))
            continue;
        warned.insert(tag.toLower());
        problems.append(Problem::warning(
            file->fileName,
            TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                                         "the service tag %1 is not in this file (%2): its rules "
                                                         "are written without address prefixes"))
                .arg(tag, file->versionText())));
    }
    return problems;
}

} // namespace amlfw
