#include "catalog.h"

#include "catalogparser.h"
#include "jsonreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCatalog, "amlfw.catalog", QtWarningMsg)

namespace amlfw {

namespace {

constexpr qint64 MaxCatalogBytes = 16 * 1024 * 1024;

TranslatableText ctext(const char *source)
{
    return TranslatableText("amlfw::Catalog", source);
}

} // namespace

QStringList Catalog::builtInEditions()
{
    return {QStringLiteral("2021-11"), QStringLiteral("2026-03")};
}

QString Catalog::newestEdition()
{
    return builtInEditions().constLast();
}

QString Catalog::builtInPath(const QString &edition)
{
    return QStringLiteral(":/catalog/amlfw-catalog-%1.json").arg(edition.isEmpty() ? newestEdition() : edition);
}

Catalog Catalog::fromFile(const QString &path, Problems *problems)
{
    Problems local;
    Problems &out = problems ? *problems : local;
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        out << Problem::error(
            path,
            ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "cannot open the catalog file: %1")).arg(file.errorString()));
        return {};
    }
    if (file.size() > MaxCatalogBytes) {
        out << Problem::error(
            path, tr("the catalog file is too large (%1 bytes; at most %2)").arg(file.size()).arg(MaxCatalogBytes));
        return {};
    }
    const QByteArray data = file.read(MaxCatalogBytes + 1);
    return fromJson(data, path.startsWith(u':') ? name : path, &out);
}

Catalog Catalog::builtIn(Problems *problems)
{
    return fromFile(builtInPath(), problems);
}

Catalog Catalog::builtIn(const QString &edition, Problems *problems)
{
    return fromFile(builtInPath(edition), problems);
}

Catalog Catalog::fromJson(const QByteArray &json, const QString &origin, Problems *problems)
{
    Problems local;
    Problems &out = problems ? *problems : local;
    Catalog c;
    c.origin = origin;
    JsonReader reader(origin, &out); // the probe catalog's problems land in `out` too
    if (json.size() > MaxCatalogBytes) {
        reader.error({}, ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "the catalog is too large (%1 bytes; at most %2)"))
                             .arg(qint64(json.size()))
                             .arg(MaxCatalogBytes));
        return c;
    }
    const auto root
        = reader.parseObject(json, ctext(QT_TRANSLATE_NOOP("amlfw::Catalog", "the catalog must be a JSON object")));
    if (!root)
        return c;
    CatalogParser(&c, &reader).read(*root);
    c.probe = ProbeCatalog::fromJson(root->value(QStringLiteral("probe")), c, &out);
    c.m_valid = !reader.hasErrors();
    if (!c.m_valid)
        qCWarning(lcCatalog) << "catalog" << origin << "has errors";
    return c;
}

namespace {

// The catalog's lists are short (tens of entries): a linear search is the simple, fast choice.
template<typename T, typename Key>
const T *findBy(const QList<T> &list, Key T::*key, const QString &value)
{
    for (const T &item : list) {
        if (item.*key == value)
            return &item;
    }
    return nullptr;
}

} // namespace

const Cloud *Catalog::cloud(const QString &id) const
{
    return findBy(clouds, &Cloud::id, id);
}

const Feature *Catalog::feature(const QString &id) const
{
    return findBy(features, &Feature::id, id);
}

const FeatureGroup *Catalog::featureGroup(const QString &id) const
{
    return findBy(featureGroups, &FeatureGroup::id, id);
}

const Section *Catalog::section(const QString &id) const
{
    return findBy(sections, &Section::id, id);
}

const Table *Catalog::table(const QString &id) const
{
    return findBy(tables, &Table::id, id);
}

const Note *Catalog::note(const QString &id) const
{
    return findBy(notes, &Note::id, id);
}

const Region *Catalog::region(const QString &cloudId, const QString &name) const
{
    const auto it = regions.constFind(cloudId);
    return it == regions.constEnd() ? nullptr : findBy(*it, &Region::name, name);
}

const Geography *Catalog::geography(const QString &id) const
{
    return findBy(geographies, &Geography::id, id);
}

const ServiceTag *Catalog::serviceTag(const QString &name) const
{
    for (const ServiceTag &t : serviceTags) {
        if (t.name.compare(name, Qt::CaseInsensitive) == 0) // Azure treats tag names case-insensitively
            return &t;
    }
    return nullptr;
}

QStringList Catalog::featureIds() const
{
    QStringList ids;
    for (const Feature &f : features)
        ids << f.id;
    return ids;
}

QStringList Catalog::cloudIds() const
{
    QStringList ids;
    for (const Cloud &c : clouds)
        ids << c.id;
    return ids;
}

QStringList Catalog::expandFeatures(const QStringList &selected) const
{
    QStringList out;
    QStringList pending = selected;
    while (!pending.isEmpty()) {
        const QString id = pending.takeFirst();
        if (out.contains(id))
            continue;
        out << id;
        if (const Feature *f = feature(id))
            pending << f->implies;
    }
    // Catalog order, so that output does not depend on the order of the selection.
    QStringList ordered;
    for (const Feature &f : features) {
        if (out.contains(f.id))
            ordered << f.id;
    }
    for (const QString &id : std::as_const(out)) {
        if (!ordered.contains(id))
            ordered << id;
    }
    return ordered;
}

} // namespace amlfw
