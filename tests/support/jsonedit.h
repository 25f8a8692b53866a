#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <functional>

namespace amlfw::test {

// Changes the value at a path such as "rules[3].ports[0]" or "source.title.ja" (an undefined value
// removes the key). Used to make broken or hostile copies of valid files.
inline QJsonValue editJson(const QJsonValue &root, QStringList path, const std::function<QJsonValue(QJsonValue)> &change)
{
    if (path.isEmpty())
        return change(root);
    const QString head = path.takeFirst();
    static const QRegularExpression indexed(QStringLiteral("^(.*)\\[(\\d+)\\]$"));
    const auto m = indexed.match(head);
    if (m.hasMatch()) {
        QStringList inner;
        if (!m.captured(1).isEmpty())
            inner << m.captured(1);
        // "rules[3]": descend into key, then index
        QJsonObject object = root.toObject();
        QJsonArray array = m.captured(1).isEmpty() ? root.toArray() : object.value(m.captured(1)).toArray();
        const int i = m.captured(2).toInt();
        const QJsonValue changed = editJson(array.at(i), path, change);
        if (changed.isUndefined())
            array.removeAt(i);
        else
            array.replace(i, changed);
        if (m.captured(1).isEmpty())
            return array;
        object.insert(m.captured(1), array);
        return object;
    }
    QJsonObject object = root.toObject();
    const QJsonValue changed = editJson(object.value(head), path, change);
    if (changed.isUndefined())
        object.remove(head);
    else
        object.insert(head, changed);
    return object;
}

inline QByteArray withValue(const QByteArray &json, const QString &path, const QJsonValue &value)
{
    const QJsonValue root = QJsonDocument::fromJson(json).object();
    const QJsonValue edited = editJson(root, path.split(u'.'), [&](const QJsonValue &) { return value; });
    return QJsonDocument(edited.toObject()).toJson(QJsonDocument::Compact);
}

inline QByteArray withoutKey(const QByteArray &json, const QString &path)
{
    return withValue(json, path, QJsonValue(QJsonValue::Undefined));
}

} // namespace amlfw::test
