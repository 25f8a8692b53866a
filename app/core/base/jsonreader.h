#pragma once

#include "localizedtext.h"
#include "problem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace amlfw {

// Reads JSON files written by people (the catalog, profiles, reports read back): converts values
// and records every problem with its file and JSON path, "catalog.json: rules[12] (id).ports[1]".
// Paths are built by the caller with join() and index(); problems go to the list given.
class JsonReader
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::JsonReader)

public:
    enum class Need { Optional, Required };

    JsonReader(const QString &origin, Problems *problems);

    // The document as an object; a syntax error is reported with its line and column.
    std::optional<QJsonObject> parseObject(const QByteArray &json, const TranslatableText &notAnObject);

    QString origin() const { return m_origin; }
    QString location(const QString &path) const; // "origin: path"
    void error(const QString &path, const TranslatableText &message);
    void warning(const QString &path, const TranslatableText &message);
    bool hasErrors() const; // among the problems recorded by this reader

    static QString join(const QString &path, const QString &key); // "a.b"
    static QString index(const QString &path, qsizetype i);       // "a[3]"

    // Missing (or null) values are errors when required; a required string must not be blank.
    QString string(const QJsonObject &object, const QString &key, const QString &path, Need need = Need::Required);
    // Absent (or null): nullopt, no problem; present but not a string: an error and nullopt.
    std::optional<QString> optionalString(const QJsonObject &object, const QString &key, const QString &path);
    LocalizedText text(const QJsonObject &object, const QString &key, const QString &path, Need need = Need::Required);
    // Each element a string; with nonBlank, blank elements are errors too.
    QStringList stringList(const QJsonObject &object, const QString &key, const QString &path,
                           Need need = Need::Optional, bool nonBlank = false);
    bool boolean(const QJsonObject &object, const QString &key, const QString &path, bool fallback);
    QJsonArray array(const QJsonObject &object, const QString &key, const QString &path, Need need = Need::Required);
    // Absent: an empty object (an error when required); not an object: an error.
    QJsonObject object(const QJsonObject &object, const QString &key, const QString &path, Need need = Need::Required);

    // Calls f(object, path, index) for each object of `array`; the path of each names its "id"
    // (or "name") when it has one: "rules[12] (ci-public-file)". Other elements are errors.
    template<typename F>
    void forEachObject(const QJsonArray &array, const QString &arrayPath, F &&f)
    {
        for (qsizetype i = 0; i < array.size(); ++i) {
            QString path = index(arrayPath, i);
            if (!array.at(i).isObject()) {
                error(path, mustBeAnObject());
                continue;
            }
            const QJsonObject o = array.at(i).toObject();
            const QString id = o.value(QStringLiteral("id")).toString(o.value(QStringLiteral("name")).toString());
            if (!id.isEmpty())
                path += QStringLiteral(" (") + id + u')';
            f(o, path, int(i));
        }
    }

    static TranslatableText missing();
    static TranslatableText mustBeAnObject();
    static TranslatableText mustBeAnArray();

private:
    // The value at `key` when it has `type`; problems for a missing (if required) or mistyped value.
    QJsonValue typed(const QJsonObject &object, const QString &key, const QString &path, Need need,
                     QJsonValue::Type type, const TranslatableText &wrongType);

    QString m_origin;
    Problems *m_problems;
    qsizetype m_first; // problems before this reader's
};

} // namespace amlfw
