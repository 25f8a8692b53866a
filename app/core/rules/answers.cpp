#include "answers.h"

#include "atomicfile.h"
#include "catalog.h"

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

QString AnswersValidator::storageNameError(const QString &name)
{
    if (name.isEmpty())
        return tr("The storage account name is empty: enter the name of the workspace's default storage account.");
    if (name.size() < 3)
        return tr("The storage account name \"%1\" is too short: it must be 3 to 24 characters long.").arg(name);
    if (name.size() > 24)
        return tr("The storage account name \"%1\" is too long (%2 characters): it must be 3 to 24 characters long.")
            .arg(name)
            .arg(name.size());
    for (QChar c : name) {
        if (c >= u'A' && c <= u'Z')
            return tr("The storage account name \"%1\" contains the upper-case letter \"%2\": use lower-case letters "
                      "and digits only.")
                .arg(name, c);
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (!ok)
            return tr("The storage account name \"%1\" contains \"%2\": use lower-case letters and digits only.")
                .arg(name, c);
    }
    return {};
}

Problems AnswersValidator::validateCloud(const Catalog &catalog, const QString &cloud)
{
    if (cloud.isEmpty())
        return {
            Problem::error(QStringLiteral("cloud"),
                           tr("No cloud given: choose one of %1.").arg(catalog.cloudIds().join(QStringLiteral(", "))))};
    if (!catalog.cloud(cloud)) {
        return {Problem::error(
            QStringLiteral("cloud"),
            tr("Unknown cloud \"%1\": choose one of %2.").arg(cloud, catalog.cloudIds().join(QStringLiteral(", "))))};
    }
    return {};
}

Problems AnswersValidator::validateRegion(const Catalog &catalog, const QString &cloud, const QString &region)
{
    const Cloud *c = catalog.cloud(cloud);
    if (!c)
        return {};
    if (region.isEmpty())
        return {Problem::error(QStringLiteral("region"),
                               tr("No region given: choose a region of %1.").arg(c->name.text(currentLanguage())))};
    const Region *r = catalog.region(cloud, region);
    if (!r) {
        QStringList names;
        for (const Region &known : catalog.regions.value(cloud))
            names << known.name;
        // A region of another cloud is a common slip: say so.
        for (const Cloud &other : catalog.clouds) {
            if (other.id != cloud && catalog.region(other.id, region))
                return {Problem::error(QStringLiteral("region"), tr("The region \"%1\" belongs to %2, not to %3.")
                                                                     .arg(region, other.name.text(currentLanguage()),
                                                                          c->name.text(currentLanguage())))};
        }
        const QString guess = suggestion(region, names);
        if (!guess.isEmpty())
            return {Problem::error(QStringLiteral("region"), tr("Unknown region \"%1\" in %2. Did you mean \"%3\"?")
                                                                 .arg(region, c->name.text(currentLanguage()), guess))};
        return {Problem::error(QStringLiteral("region"),
                               tr("Unknown region \"%1\" in %2; \"amlfw regions --cloud %3\" lists the regions.")
                                   .arg(region, c->name.text(currentLanguage()), cloud))};
    }
    if (!r->aml)
        return {
            Problem::warning(QStringLiteral("region"),
                             tr("Azure Machine Learning is not offered in %1 (%2): check the region of the workspace.")
                                 .arg(r->display.text(currentLanguage()), r->name))};
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
            problems << Problem::error(QStringLiteral("features"),
                                       tr("Unknown feature \"%1\". Did you mean \"%2\"?").arg(f, guess));
        else
            problems << Problem::error(
                QStringLiteral("features"),
                tr("Unknown feature \"%1\"; known features: %2.").arg(f, known.join(QStringLiteral(", "))));
    }
    return problems;
}

Problems AnswersValidator::validate(const Catalog &catalog, const Answers &answers)
{
    Problems problems = validateCloud(catalog, answers.cloud);
    problems << validateRegion(catalog, answers.cloud, answers.region);
    const QString storageError = storageNameError(answers.storage);
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

std::optional<Profile> Profile::fromFile(const QString &path, Problems *problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append(Problem::error(path, tr("cannot open the profile: %1").arg(file.errorString())));
        return std::nullopt;
    }
    constexpr qint64 MaxProfileBytes = 1024 * 1024;
    if (file.size() > MaxProfileBytes) {
        problems->append(Problem::error(
            path, tr("the profile is too large (%1 bytes; at most %2)").arg(file.size()).arg(MaxProfileBytes)));
        return std::nullopt;
    }
    return fromJson(file.read(MaxProfileBytes + 1), path, problems);
}

std::optional<Profile> Profile::fromJson(const QByteArray &json, const QString &origin, Problems *problems)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        problems->append(Problem::error(
            origin,
            tr("the profile is not valid JSON: %1 (at byte %2)").arg(parseError.errorString()).arg(parseError.offset)));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        problems->append(Problem::error(origin, tr("the profile must be a JSON object")));
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const qsizetype before = problems->size();
    auto where = [&](const QString &key) -> QString {
        return origin + QStringLiteral(": ") + key;
    };

    const QJsonValue format = o.value(QStringLiteral("format"));
    if (!format.isUndefined() && (!format.isDouble() || format.toInt() != FormatVersion)) {
        problems->append(
            Problem::error(where(QStringLiteral("format")),
                           tr("unsupported profile format (this amlfw reads format %1)").arg(FormatVersion)));
        return std::nullopt;
    }

    static const QStringList knownKeys{QStringLiteral("format"), QStringLiteral("amlfw"),   QStringLiteral("cloud"),
                                       QStringLiteral("region"), QStringLiteral("storage"), QStringLiteral("features"),
                                       QStringLiteral("udr"),    QStringLiteral("lang"),    QStringLiteral("title")};
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!knownKeys.contains(it.key()))
            problems->append(Problem::warning(where(it.key()), tr("unknown field, ignored")));
    }

    Profile p;
    auto readString = [&](const QString &key) -> std::optional<QString> {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            problems->append(Problem::error(where(key), tr("must be a string")));
            return std::nullopt;
        }
        if (v.toString().size() > 256) {
            problems->append(Problem::error(where(key), tr("is too long")));
            return std::nullopt;
        }
        return v.toString();
    };
    p.cloud = readString(QStringLiteral("cloud"));
    p.region = readString(QStringLiteral("region"));
    p.storage = readString(QStringLiteral("storage"));
    if (const auto title = readString(QStringLiteral("title")))
        p.title = *title;

    const QJsonValue features = o.value(QStringLiteral("features"));
    if (!features.isUndefined() && !features.isNull()) {
        if (!features.isArray()) {
            problems->append(Problem::error(where(QStringLiteral("features")), tr("must be an array of feature ids")));
        } else {
            QStringList list;
            const QJsonArray array = features.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!array.at(i).isString())
                    problems->append(
                        Problem::error(where(QStringLiteral("features[%1]").arg(i)), tr("must be a string")));
                else
                    list << array.at(i).toString();
            }
            p.features = list;
        }
    }
    if (const auto udr = readString(QStringLiteral("udr"))) {
        p.udr = udrMethodFromId(*udr);
        if (!p.udr)
            problems->append(Problem::error(where(QStringLiteral("udr")),
                                            tr("\"%1\" is not a route method (service-tags or ip-ranges)").arg(*udr)));
    }
    if (const auto lang = readString(QStringLiteral("lang"))) {
        p.language = languageFromCode(*lang);
        if (!p.language)
            problems->append(
                Problem::error(where(QStringLiteral("lang")), tr("\"%1\" is not a language (en or ja)").arg(*lang)));
    }
    for (qsizetype i = before; i < problems->size(); ++i) {
        if (problems->at(i).isError())
            return std::nullopt;
    }
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
