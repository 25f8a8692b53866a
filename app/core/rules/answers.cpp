#include "answers.h"

#include "atomicfile.h"
#include "catalog.h"
#include "jsonreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace amlfw {

namespace {

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

} // namespace

QString AnswersValidator::suggestion(const QString &input, const QStringList &candidates)
{
    const QString needle = input.toLower().remove(u' ').remove(u'-').remove(u'_');
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const QString &candidate : candidates) {
        const QString c = candidate.toLower().remove(u'-');
        const int d = editDistance(needle, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    // Only near misses: a third of the length, at least 2 edits.
    return bestDistance <= std::max<qsizetype>(2, needle.size() / 3) ? best : QString();
}

TranslatableText AnswersValidator::storageNameText(const QString &name)
{
    if (name.isEmpty())
        return TranslatableText(
            "amlfw::AnswersValidator",
            QT_TRANSLATE_NOOP(
                "amlfw::AnswersValidator",
                "The storage account name is empty: enter the name of the workspace's default storage account."));
    if (name.size() < 3)
        return TranslatableText(
                   "amlfw::AnswersValidator",
                   QT_TRANSLATE_NOOP(
                       "amlfw::AnswersValidator",
                       "The storage account name \"%1\" is too short: it must be 3 to 24 characters long."))
            .arg(name);
    if (name.size() > 24)
        return TranslatableText(
                   "amlfw::AnswersValidator",
                   QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "The storage account name \"%1\" is too long (%2 "
                                                                "characters): it must be 3 to 24 characters long."))
            .arg(name)
            .arg(qint64(name.size()));
    for (QChar c : name) {
        if (c >= u'A' && c <= u'Z')
            return TranslatableText("amlfw::AnswersValidator",
                                    QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                                      "The storage account name \"%1\" contains the upper-case letter "
                                                      "\"%2\": use lower-case letters and digits only."))
                .arg(name, QString(c));
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (!ok)
            return TranslatableText(
                       "amlfw::AnswersValidator",
                       QT_TRANSLATE_NOOP(
                           "amlfw::AnswersValidator",
                           "The storage account name \"%1\" contains \"%2\": use lower-case letters and digits only."))
                .arg(name, QString(c));
    }
    return {};
}

QString AnswersValidator::storageNameError(const QString &name)
{
    return storageNameText(name).toString();
}

Problems AnswersValidator::validateCloud(const Catalog &catalog, const QString &cloud)
{
    if (cloud.isEmpty())
        return {Problem::error(
            QStringLiteral("cloud"),
            TranslatableText("amlfw::AnswersValidator",
                             QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "No cloud given: choose one of %1."))
                .arg(catalog.cloudIds().join(QStringLiteral(", "))))};
    if (!catalog.cloud(cloud)) {
        return {Problem::error(
            QStringLiteral("cloud"),
            TranslatableText("amlfw::AnswersValidator",
                             QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "Unknown cloud \"%1\": choose one of %2."))
                .arg(cloud, catalog.cloudIds().join(QStringLiteral(", "))))};
    }
    return {};
}

Problems AnswersValidator::validateRegion(const Catalog &catalog, const QString &cloud, const QString &region)
{
    const Cloud *c = catalog.cloud(cloud);
    if (!c)
        return {};
    if (region.isEmpty())
        return {Problem::error(
            QStringLiteral("region"),
            TranslatableText("amlfw::AnswersValidator",
                             QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "No region given: choose a region of %1."))
                .arg(TranslatableText::localized(c->name)))};
    const Region *r = catalog.region(cloud, region);
    if (!r) {
        QStringList names;
        for (const Region &known : catalog.regions.value(cloud))
            names << known.name;
        // A region of another cloud is a common slip: say so.
        for (const Cloud &other : catalog.clouds) {
            if (other.id != cloud && catalog.region(other.id, region))
                return {Problem::error(
                    QStringLiteral("region"),
                    TranslatableText(
                        "amlfw::AnswersValidator",
                        QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "The region \"%1\" belongs to %2, not to %3."))
                        .arg(region, TranslatableText::localized(other.name), TranslatableText::localized(c->name)))};
        }
        const QString guess = suggestion(region, names);
        if (!guess.isEmpty())
            return {
                Problem::error(QStringLiteral("region"),
                               TranslatableText("amlfw::AnswersValidator",
                                                QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                                                  "Unknown region \"%1\" in %2. Did you mean \"%3\"?"))
                                   .arg(region, TranslatableText::localized(c->name), guess))};
        return {Problem::error(
            QStringLiteral("region"),
            TranslatableText(
                "amlfw::AnswersValidator",
                QT_TRANSLATE_NOOP("amlfw::AnswersValidator",
                                  "Unknown region \"%1\" in %2; \"amlfw regions --cloud %3\" lists the regions."))
                .arg(region, TranslatableText::localized(c->name), cloud))};
    }
    if (!r->aml)
        return {Problem::warning(
            QStringLiteral("region"),
            TranslatableText(
                "amlfw::AnswersValidator",
                QT_TRANSLATE_NOOP(
                    "amlfw::AnswersValidator",
                    "Azure Machine Learning is not offered in %1 (%2): check the region of the workspace."))
                .arg(TranslatableText::localized(r->display), r->name))};
    return {};
}

Problems AnswersValidator::validateFeatures(const Catalog &catalog, const QStringList &features)
{
    Problems problems;
    const QStringList known = catalog.featureIds();
    for (const QString &f : features) {
        if (catalog.feature(f))
            continue;
        const QString guess = suggestion(f, known);
        if (!guess.isEmpty())
            problems << Problem::error(
                QStringLiteral("features"),
                TranslatableText(
                    "amlfw::AnswersValidator",
                    QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "Unknown feature \"%1\". Did you mean \"%2\"?"))
                    .arg(f, guess));
        else
            problems << Problem::error(
                QStringLiteral("features"),
                TranslatableText(
                    "amlfw::AnswersValidator",
                    QT_TRANSLATE_NOOP("amlfw::AnswersValidator", "Unknown feature \"%1\"; known features: %2."))
                    .arg(f, known.join(QStringLiteral(", "))));
    }
    return problems;
}

Problems AnswersValidator::validate(const Catalog &catalog, const Answers &answers)
{
    Problems problems = validateCloud(catalog, answers.cloud);
    problems << validateRegion(catalog, answers.cloud, answers.region);
    const TranslatableText storageError = storageNameText(answers.storage);
    if (!storageError.isEmpty())
        problems << Problem::error(QStringLiteral("storage"), storageError);
    problems << validateFeatures(catalog, answers.features);
    return problems;
}

// ---------------------------------------------------------------- Profile

Profile Profile::fromAnswers(const Answers &answers)
{
    Profile p;
    p.cloud = answers.cloud;
    p.region = answers.region;
    p.storage = answers.storage;
    p.features = answers.features;
    p.udr = answers.udr;
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

    static const QStringList knownKeys{QStringLiteral("format"), QStringLiteral("amlfw"),   QStringLiteral("cloud"),
                                       QStringLiteral("region"), QStringLiteral("storage"), QStringLiteral("features"),
                                       QStringLiteral("udr"),    QStringLiteral("lang"),    QStringLiteral("title")};
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
    const QJsonValue features = o.value(QStringLiteral("features"));
    if (!features.isUndefined() && !features.isNull() && !features.isArray())
        r.error(QStringLiteral("features"), ptext(QT_TRANSLATE_NOOP("amlfw::Profile", "must be an array of feature ids")));
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
    if (language)
        o.insert(QStringLiteral("lang"), languageCode(*language));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

bool Profile::save(const QString &path, QString *error) const
{
    return writeFileAtomically(path, toJson(), error);
}

} // namespace amlfw
