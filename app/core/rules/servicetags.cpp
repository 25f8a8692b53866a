#include "servicetags.h"

#include "jsonreader.h"
#include "rule.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QFileInfo>
#include <QRegularExpression>
#include <QHostAddress>
#include <QSet>
#include <QStringDecoder>

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

TranslatableText ServiceTagsFile::version() const
{
    if (date.isValid())
        return TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile", "change %1, %2"))
            .arg(QString::number(changeNumber), date.toString(Qt::ISODate));
    return TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile", "change %1"))
        .arg(QString::number(changeNumber));
}

QString ServiceTagsFile::versionText() const
{
    return version().toString();
}

QString ServiceTagsFile::description() const
{
    return fileName + QStringLiteral(" (") + versionText() + u')';
}

namespace {

TranslatableText text(const char *source)
{
    return TranslatableText(kContext, source);
}

// 1-based line and column (in characters) of a byte offset.
std::pair<int, int> lineColumn(const QByteArray &json, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(json.at(i)) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

// What people hand over instead of the file: nothing, a web page, something else, half a download.
// One sentence in words, not Qt's parser terms alone.
std::optional<QJsonDocument> parseDocument(const QByteArray &json, const QString &fileName, Problems *problems)
{
    const auto fail = [&](const TranslatableText &message) {
        problems->append(Problem::error(fileName, message));
        return std::nullopt;
    };
    qsizetype first = 0;
    if (json.startsWith("\xEF\xBB\xBF"))
        first = 3;
    while (first < json.size() && QChar::isSpace(uchar(json.at(first))))
        ++first;
    qsizetype end = json.size();
    while (end > first && QChar::isSpace(uchar(json.at(end - 1))))
        --end;
    if (first >= end)
        return fail(text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                           "the file is empty: download the \"Azure IP Ranges and Service Tags\" "
                                           "file again")));
    const char opening = json.at(first);
    if (opening == '<')
        return fail(text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                           "this is a web page (HTML), not the service tags file: on Microsoft's "
                                           "download page, follow the download link and save the .json file it "
                                           "gives")));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.mid(first), &error);
    if (error.error == QJsonParseError::NoError)
        return doc;
    // Qt's offset is just past the character it stopped at: show that character's place.
    const qsizetype offset = first + std::max(0, error.offset - 1);
    const auto [line, column] = lineColumn(json, offset);
    if (opening != '{' && opening != '[')
        return fail(text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                           "this is not a service tags file: it is not JSON (line %1, column %2: "
                                           "%3)"))
                        .arg(line)
                        .arg(column)
                        .arg(error.errorString()));
    // Cut off: the parser ran out of text, the error is at the end (or within its last characters, where
    // a number or word was cut in two). Qt's error code alone does not tell: ",," is "unterminated object".
    if (offset + 9 >= end)
        return fail(text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                           "the file ends too early (line %1, column %2): it was cut off, perhaps "
                                           "by an interrupted download; download it again"))
                        .arg(line)
                        .arg(column));
    return fail(text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                       "this is not a service tags file: its JSON is broken at line %1, column %2 "
                                       "(%3)"))
                    .arg(line)
                    .arg(column)
                    .arg(error.errorString()));
}

TranslatableText notServiceTags(const QString &lacking)
{
    return text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                  "this JSON file is not an \"Azure IP Ranges and Service Tags\" file: it has no "
                                  "%1. Download ServiceTags_Public_YYYYMMDD.json (or the Government or China file) "
                                  "from Microsoft, or save the output of az network list-service-tags"))
        .arg(lacking);
}

} // namespace

std::optional<ServiceTagsFile> ServiceTagsFile::parse(const QByteArray &json, const QString &fileName,
                                                      Problems *problems)
{
    Problems found;
    const auto finish = [&](std::optional<ServiceTagsFile> file) {
        if (found.size() > kMaxProblems) {
            const qsizetype more = found.size() - kMaxProblems;
            found.resize(kMaxProblems);
            found.append(Problem::error(fileName, TranslatableText(kContext,
                                                                   QT_TRANSLATE_N_NOOP("amlfw::ServiceTagsFile",
                                                                                     "%n more problem(s) in this file"),
                                                                   int(more))));
        }
        if (problems)
            *problems += found;
        return hasErrors(found) ? std::nullopt : file;
    };
    // Windows PowerShell 5.1 writes `az network list-service-tags ... > tags.json` in UTF-16 with a BOM.
    QByteArray utf8 = json;
    for (const auto &[bom, encoding] : {std::pair{QByteArrayView("\xFF\xFE"), QStringConverter::Utf16LE},
                                        std::pair{QByteArrayView("\xFE\xFF"), QStringConverter::Utf16BE}}) {
        if (json.startsWith(bom)) {
            QStringDecoder decode(encoding);
            utf8 = QString(decode(json.mid(2))).toUtf8();
            break;
        }
    }
    const auto doc = parseDocument(utf8, fileName, &found);
    if (!doc)
        return finish(std::nullopt);
    if (!doc->isObject()) {
        found.append(Problem::error(
            fileName, notServiceTags(QStringLiteral("changeNumber, cloud, values"))));
        return finish(std::nullopt);
    }
    const QJsonObject root = doc->object();
    QStringList lacking;
    for (const QString &key : {QStringLiteral("changeNumber"), QStringLiteral("cloud"), QStringLiteral("values")}) {
        if (!root.contains(key) || root.value(key).isNull())
            lacking << key;
    }
    if (!lacking.isEmpty()) {
        found.append(Problem::error(fileName, notServiceTags(lacking.join(QStringLiteral(", ")))));
        return finish(std::nullopt);
    }

    JsonReader r(fileName, &found);
    ServiceTagsFile file;
    file.fileName = fileName;
    // A number in the downloaded files, a string of digits in `az network list-service-tags`.
    const QJsonValue change = root.value(QStringLiteral("changeNumber"));
    bool isNumber = change.isDouble() && change.toDouble() >= 0 && change.toDouble() < 9.0e15
                    && change.toDouble() == double(qint64(change.toDouble()));
    qint64 number = isNumber ? qint64(change.toDouble()) : 0;
    if (change.isString())
        number = change.toString().trimmed().toLongLong(&isNumber);
    if (!isNumber || number < 0)
        r.error({}, text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                           "its change number (changeNumber) is not a whole number: this is not an "
                                           "\"Azure IP Ranges and Service Tags\" file")));
    else
        file.changeNumber = number;

    const QJsonValue cloud = root.value(QStringLiteral("cloud"));
    file.fileCloud = cloud.toString().trimmed();
    if (file.cloudId().isEmpty())
        r.error({}, text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                           "its cloud \"%1\" is none of the service tags files' clouds (Public, "
                                           "AzureGovernment, China)"))
                        .arg(cloud.isString() ? cloud.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{cloud})
                                                                                          .toJson(QJsonDocument::Compact)
                                                                                          .mid(1)
                                                                                          .chopped(1))));

    const QJsonValue valuesValue = root.value(QStringLiteral("values"));
    if (!valuesValue.isArray()) {
        r.error({}, text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                           "its service tags (values) are not a list: this is not an \"Azure IP "
                                           "Ranges and Service Tags\" file")));
        return finish(std::nullopt);
    }
    const QJsonArray values = valuesValue.toArray();
    if (values.isEmpty())
        r.error({}, text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                           "the file lists no service tags (its list \"values\" is empty): download "
                                           "it again")));
    r.forEachObject(values, QStringLiteral("values"), [&](const QJsonObject &o, const QString &path, int) {
        ServiceTagEntry entry;
        entry.name = r.string(o, QStringLiteral("name"), path).trimmed();
        entry.id = r.string(o, QStringLiteral("id"), path, JsonReader::Need::Optional);
        const QString propsPath = JsonReader::join(path, QStringLiteral("properties"));
        const QJsonObject props = r.object(o, QStringLiteral("properties"), path);
        entry.region = r.string(props, QStringLiteral("region"), propsPath, JsonReader::Need::Optional);
        entry.systemService = r.string(props, QStringLiteral("systemService"), propsPath, JsonReader::Need::Optional);
        entry.addressPrefixes = r.stringList(props, QStringLiteral("addressPrefixes"), propsPath,
                                             JsonReader::Need::Required, true);
        entry.networkFeatures = r.stringList(props, QStringLiteral("networkFeatures"), propsPath);
        const QString prefixesPath = JsonReader::join(propsPath, QStringLiteral("addressPrefixes"));
        for (qsizetype i = 0; i < entry.addressPrefixes.size(); ++i) {
            QString &prefix = entry.addressPrefixes[i];
            prefix = prefix.trimmed();
            const auto subnet = QHostAddress::parseSubnet(prefix);
            if (subnet.first.isNull() || !prefix.contains(u'/'))
                r.error(JsonReader::index(prefixesPath, i),
                        text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                               "\"%1\" is not an address prefix (such as 20.1.2.0/24)"))
                            .arg(prefix));
        }
        if (entry.name.isEmpty())
            return;
        const QString key = entry.name.toLower();
        if (file.m_index.contains(key)) {
            r.error(path, text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile", "the tag \"%1\" is listed twice"))
                              .arg(entry.name));
            return;
        }
        file.m_index.insert(key, file.entries.size());
        file.entries.append(entry);
    });
    // Microsoft names the weekly files by their date: ServiceTags_Public_20261130.json (a browser may
    // add " (1)"); az's output and renamed files carry none.
    static const QRegularExpression dated(QStringLiteral("_(\\d{8})(?:\\D|$)"));
    const QRegularExpressionMatch m = dated.match(QFileInfo(fileName).fileName());
    if (m.hasMatch())
        file.date = QDate::fromString(m.captured(1), QStringLiteral("yyyyMMdd"));
    return finish(file);
}

std::optional<ServiceTagsFile> ServiceTagsFile::load(const QString &path, Problems *problems)
{
    const QString name = QFileInfo(path).fileName();
    const auto fail = [&](const TranslatableText &message) {
        if (problems)
            problems->append(Problem::error(path, message));
        return std::nullopt;
    };
    const QFileInfo info(path);
    if (!info.exists())
        return fail(text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile", "there is no such file")));
    if (info.isDir())
        return fail(text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                           "this is a folder: name the service tags file in it")));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile", "cannot read it: %1")).arg(f.errorString()));
    // The public file is about 4 MB; anything far larger is not one.
    constexpr qint64 kMaxSize = 256 * 1024 * 1024;
    if (f.size() > kMaxSize)
        return fail(text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile", "%1 MB is too large for a service tags file"))
                        .arg(f.size() / (1024 * 1024)));
    const QByteArray bytes = f.read(kMaxSize + 1);
    if (f.error() != QFileDevice::NoError)
        return fail(text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile", "cannot read it: %1")).arg(f.errorString()));
    return parse(bytes, name, problems);
}

QString serviceTagOf(const Rule &rule)
{
    if (rule.kind != RuleKind::ServiceTag && rule.kind != RuleKind::Route)
        return {};
    if (isVirtualTag(rule.destination) || rule.destination.contains(u'<'))
        return {};
    return rule.destination;
}

QStringList missingServiceTags(const RuleSet &set)
{
    QStringList missing;
    if (!set.serviceTags)
        return missing;
    QSet<QString> seen;
    for (const Rule &rule : set.rules) {
        const QString tag = serviceTagOf(rule);
        if (tag.isEmpty() || set.serviceTags->find(tag) || seen.contains(tag.toLower()))
            continue;
        seen.insert(tag.toLower());
        missing << tag;
    }
    return missing;
}

Problems applyServiceTags(RuleSet *set, std::shared_ptr<const ServiceTagsFile> file)
{
    Problems problems;
    if (!file) {
        set->serviceTags.reset();
        return problems;
    }
    if (file->cloudId() != set->answers.cloud) {
        const Cloud *rulesCloud = set->catalog.cloud(set->answers.cloud);
        const TranslatableText cloudName = rulesCloud ? TranslatableText::localized(rulesCloud->name)
                                                      : TranslatableText::plain(set->answers.cloud);
        problems.append(Problem::error(
            file->fileName,
            text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                   "this file lists the service tags of the cloud \"%1\", but the rules are for %2: "
                                   "download the file of that cloud"))
                .arg(TranslatableText::plain(file->fileCloud), cloudName)));
        return problems;
    }
    set->serviceTags = file;
    for (const QString &tag : missingServiceTags(*set))
        problems.append(Problem::warning(
            file->fileName,
            text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                   "the service tag %1 is not in this file (%2): its rules are written without "
                                   "address prefixes"))
                .arg(TranslatableText::plain(tag), file->version())));
    QSet<QString> warned;
    for (const Rule &rule : std::as_const(set->rules)) {
        const QString tag = serviceTagOf(rule);
        const ServiceTagEntry *entry = tag.isEmpty() ? nullptr : file->find(tag);
        if (!entry || !entry->addressPrefixes.isEmpty() || warned.contains(entry->name.toLower()))
            continue;
        warned.insert(entry->name.toLower());
        problems.append(Problem::warning(
            file->fileName,
            text(QT_TRANSLATE_NOOP("amlfw::ServiceTagsFile",
                                   "the service tag %1 has no address prefixes in this file (%2): its rules are "
                                   "written without them"))
                .arg(TranslatableText::plain(entry->name), file->version())));
    }
    return problems;
}

} // namespace amlfw
