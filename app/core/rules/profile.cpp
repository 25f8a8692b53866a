#include "profile.h"

#include "atomicfile.h"
#include "jsonreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace amlfw {

Profile Profile::fromAnswers(const Answers &answers)
{
    Profile p;
    p.cloud = answers.cloud;
    p.region = answers.region;
    p.storage = answers.storage;
    p.features = answers.features;
    p.udr = answers.udr;
    if (!answers.edition.isEmpty())
        p.edition = answers.edition;
    if (!answers.acr.isEmpty())
        p.acr = answers.acr;
    if (!answers.workspaceId.isEmpty())
        p.workspaceId = answers.workspaceId;
    p.network = answers.network;
    return p;
}

void Profile::applyTo(Answers *answers) const
{
    if (cloud)
        answers->cloud = *cloud;
    if (region)
        answers->region = *region;
    if (storage)
        answers->storage = *storage;
    if (features)
        answers->features = *features;
    if (udr)
        answers->udr = *udr;
    if (edition)
        answers->edition = *edition;
    if (acr)
        answers->acr = *acr;
    if (workspaceId)
        answers->workspaceId = *workspaceId;
    if (network)
        answers->network = *network;
}

Answers Profile::toAnswers() const
{
    Answers a;
    applyTo(&a);
    return a;
}

namespace {

TranslatableText ptext(const char *source)
{
    return TranslatableText("amlfw::Profile", source);
}

} // namespace

std::optional<Profile> Profile::fromFile(const QString &path, Problems *problems)
{
    Problems local;
    Problems &out = problems ? *problems : local;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out << Problem::error(
            path, ptext(QT_TRANSLATE_NOOP("amlfw::Profile", "cannot open the profile: %1")).arg(file.errorString()));
        return std::nullopt;
    }
    constexpr qint64 MaxProfileBytes = 1024 * 1024;
    if (file.size() > MaxProfileBytes) {
        out << Problem::error(
            path, ptext(QT_TRANSLATE_NOOP("amlfw::Profile", "the profile is too large (%1 bytes; at most %2)"))
                      .arg(file.size())
                      .arg(MaxProfileBytes));
        return std::nullopt;
    }
    return fromJson(file.read(MaxProfileBytes + 1), path, &out);
}

std::optional<Profile> Profile::fromJson(const QByteArray &json, const QString &origin, Problems *problems)
{
    Problems local;
    JsonReader r(origin, problems ? problems : &local);
    const auto root
        = r.parseObject(json, ptext(QT_TRANSLATE_NOOP("amlfw::Profile", "the profile must be a JSON object")));
    if (!root)
        return std::nullopt;
    const QJsonObject &o = *root;

    const QJsonValue format = o.value(QStringLiteral("format"));
    if (!format.isUndefined() && (!format.isDouble() || format.toInt() != FormatVersion)) {
        r.error(QStringLiteral("format"),
                ptext(QT_TRANSLATE_NOOP("amlfw::Profile", "unsupported profile format (this amlfw reads format %1)"))
                    .arg(FormatVersion));
        return std::nullopt;
    }

    static const QStringList knownKeys{
        QStringLiteral("format"),  QStringLiteral("amlfw"),    QStringLiteral("cloud"), QStringLiteral("region"),
        QStringLiteral("storage"), QStringLiteral("features"), QStringLiteral("udr"),   QStringLiteral("lang"),
        QStringLiteral("title"),   QStringLiteral("edition"),  QStringLiteral("acr"),   QStringLiteral("workspaceId"),
        QStringLiteral("network")};
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!knownKeys.contains(it.key()))
            r.warning(it.key(), ptext(QT_TRANSLATE_NOOP("amlfw::Profile", "unknown field, ignored")));
    }

    Profile p;
    auto readString = [&](const QString &key) -> std::optional<QString> {
        const std::optional<QString> value = r.optionalString(o, key, {});
        if (value && value->size() > 256) {
            r.error(key, ptext(QT_TRANSLATE_NOOP("amlfw::Profile", "is too long")));
            return std::nullopt;
        }
        return value;
    };
    p.cloud = readString(QStringLiteral("cloud"));
    p.region = readString(QStringLiteral("region"));
    p.storage = readString(QStringLiteral("storage"));
    if (const auto title = readString(QStringLiteral("title")))
        p.title = *title;
    p.edition = readString(QStringLiteral("edition"));
    p.acr = readString(QStringLiteral("acr"));
    p.workspaceId = readString(QStringLiteral("workspaceId"));
    if (const auto network = readString(QStringLiteral("network"))) {
        p.network = networkKindIds.fromId(*network);
        if (!p.network)
            r.error(QStringLiteral("network"),
                    ptext(QT_TRANSLATE_NOOP("amlfw::Profile", "\"%1\" is not a network (customer or managed)"))
                        .arg(*network));
    }
    const QJsonValue features = o.value(QStringLiteral("features"));
    if (!features.isUndefined() && !features.isNull() && !features.isArray())
        r.error(QStringLiteral("features"),
                ptext(QT_TRANSLATE_NOOP("amlfw::Profile", "must be an array of feature ids")));
    else if (features.isArray())
        p.features = r.stringList(o, QStringLiteral("features"), {});
    if (const auto udr = readString(QStringLiteral("udr"))) {
        p.udr = udrMethodFromId(*udr);
        if (!p.udr)
            r.error(
                QStringLiteral("udr"),
                ptext(QT_TRANSLATE_NOOP("amlfw::Profile", "\"%1\" is not a route method (service-tags or ip-ranges)"))
                    .arg(*udr));
    }
    if (const auto lang = readString(QStringLiteral("lang"))) {
        p.language = languageFromCode(*lang);
        if (!p.language)
            r.error(QStringLiteral("lang"),
                    ptext(QT_TRANSLATE_NOOP("amlfw::Profile", "\"%1\" is not a language (en or ja)")).arg(*lang));
    }
    if (r.hasErrors())
        return std::nullopt;
    return p;
}

QByteArray Profile::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("amlfw"), QStringLiteral("profile"));
    o.insert(QStringLiteral("format"), FormatVersion);
    if (!title.isEmpty())
        o.insert(QStringLiteral("title"), title);
    if (edition)
        o.insert(QStringLiteral("edition"), *edition);
    if (cloud)
        o.insert(QStringLiteral("cloud"), *cloud);
    if (region)
        o.insert(QStringLiteral("region"), *region);
    if (storage)
        o.insert(QStringLiteral("storage"), *storage);
    if (features)
        o.insert(QStringLiteral("features"), QJsonArray::fromStringList(*features));
    if (udr)
        o.insert(QStringLiteral("udr"), udrMethodId(*udr));
    if (acr)
        o.insert(QStringLiteral("acr"), *acr);
    if (workspaceId)
        o.insert(QStringLiteral("workspaceId"), *workspaceId);
    if (network)
        o.insert(QStringLiteral("network"), networkKindId(*network));
    if (language)
        o.insert(QStringLiteral("lang"), languageCode(*language));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

bool Profile::save(const QString &path, QString *error) const
{
    return writeFileAtomically(path, toJson(), error);
}

} // namespace amlfw
