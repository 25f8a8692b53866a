#include "jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace amlfw {

namespace {

TranslatableText trText(const char *source)
{
    return TranslatableText("amlfw::JsonReader", source);
}

// 1-based line and column (in characters, not bytes) of a byte offset.
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

} // namespace

JsonReader::JsonReader(const QString &origin, Problems *problems)
    : m_origin(origin)
    , m_problems(problems)
    , m_first(problems->size())
{
}

TranslatableText JsonReader::missing()
{
    return trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "missing"));
}

TranslatableText JsonReader::mustBeAnObject()
{
    return trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "must be an object"));
}

TranslatableText JsonReader::mustBeAnArray()
{
    return trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "must be an array"));
}

std::optional<QJsonObject> JsonReader::parseObject(const QByteArray &json, const TranslatableText &notAnObject)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineColumn(json, parseError.offset);
        // Qt's own words for the syntax error, in the language of the moment it was read.
        error({}, trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "not valid JSON (line %1, column %2): %3"))
                      .arg(line)
                      .arg(column)
                      .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        error({}, notAnObject);
        return std::nullopt;
    }
    return doc.object();
}

QString JsonReader::location(const QString &path) const
{
    return path.isEmpty() ? m_origin : m_origin + QStringLiteral(": ") + path;
}

void JsonReader::error(const QString &path, const TranslatableText &message)
{
    m_problems->append(Problem::error(location(path), message));
}

void JsonReader::warning(const QString &path, const TranslatableText &message)
{
    m_problems->append(Problem::warning(location(path), message));
}

bool JsonReader::hasErrors() const
{
    for (qsizetype i = m_first; i < m_problems->size(); ++i) {
        if (m_problems->at(i).isError())
            return true;
    }
    return false;
}

QString JsonReader::join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

QString JsonReader::index(const QString &path, qsizetype i)
{
    return path + u'[' + QString::number(i) + u']';
}

QString JsonReader::string(const QJsonObject &object, const QString &key, const QString &path, Need need)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (need == Need::Required)
            error(join(path, key), missing());
        return {};
    }
    if (!value.isString()) {
        error(join(path, key), trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "must be a string")));
        return {};
    }
    const QString s = value.toString();
    if (need == Need::Required && s.trimmed().isEmpty())
        error(join(path, key), trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "must not be empty")));
    return s;
}

std::optional<QString> JsonReader::optionalString(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        error(join(path, key), trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "must be a string")));
        return std::nullopt;
    }
    return value.toString();
}

LocalizedText JsonReader::text(const QJsonObject &object, const QString &key, const QString &path, Need need)
{
    const QJsonValue value = object.value(key);
    const QString where = join(path, key);
    if (value.isUndefined() || value.isNull()) {
        if (need == Need::Required)
            error(where, trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "missing (a text in English and Japanese)")));
        return {};
    }
    if (!value.isObject()) {
        error(where, trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "must be an object with \"en\" and \"ja\" texts")));
        return {};
    }
    const QJsonObject o = value.toObject();
    LocalizedText t;
    t.en = o.value(QStringLiteral("en")).toString();
    t.ja = o.value(QStringLiteral("ja")).toString();
    if (t.en.trimmed().isEmpty())
        error(join(where, QStringLiteral("en")),
              trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "missing English text")));
    if (t.ja.trimmed().isEmpty())
        error(join(where, QStringLiteral("ja")),
              trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "missing Japanese translation")));
    return t;
}

QStringList JsonReader::stringList(const QJsonObject &object, const QString &key, const QString &path, Need need,
                                   bool nonBlank)
{
    const QJsonValue value = object.value(key);
    const QString where = join(path, key);
    if (value.isUndefined() || value.isNull()) {
        if (need == Need::Required)
            error(where, missing());
        return {};
    }
    if (!value.isArray()) {
        error(where, trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "must be an array of strings")));
        return {};
    }
    QStringList out;
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            error(index(where, i), trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "must be a string")));
            continue;
        }
        if (nonBlank && array.at(i).toString().trimmed().isEmpty()) {
            error(index(where, i), trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "must not be empty")));
            continue;
        }
        out << array.at(i).toString();
    }
    return out;
}

bool JsonReader::boolean(const QJsonObject &object, const QString &key, const QString &path, bool fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool()) {
        error(join(path, key), trText(QT_TRANSLATE_NOOP("amlfw::JsonReader", "must be true or false")));
        return fallback;
    }
    return value.toBool();
}

QJsonValue JsonReader::typed(const QJsonObject &object, const QString &key, const QString &path, Need need,
                             QJsonValue::Type type, const TranslatableText &wrongType)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (need == Need::Required)
            error(join(path, key), missing());
        return {};
    }
    if (value.type() != type) {
        error(join(path, key), wrongType);
        return {};
    }
    return value;
}

QJsonArray JsonReader::array(const QJsonObject &object, const QString &key, const QString &path, Need need)
{
    return typed(object, key, path, need, QJsonValue::Array, mustBeAnArray()).toArray();
}

QJsonObject JsonReader::object(const QJsonObject &object, const QString &key, const QString &path, Need need)
{
    return typed(object, key, path, need, QJsonValue::Object, mustBeAnObject()).toObject();
}

} // namespace amlfw
