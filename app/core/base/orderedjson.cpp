#include "orderedjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace amlfw {

namespace {

QByteArray scalar(const QJsonValue &value)
{
    // QJsonDocument escapes strings and formats numbers exactly as the rest of Qt does.
    QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

// Objects under these keys are maps of user-chosen names: alphabetical, no priority keys.
bool isNameMap(const QString &key)
{
    return key == u"parameters" || key == u"variables" || key == u"outputs";
}

void write(const QJsonValue &value, const QStringList &firstKeys, int depth, QByteArray *out, bool nameMap = false)
{
    const QByteArray indent(2 * (depth + 1), ' ');
    const QByteArray closing(2 * depth, ' ');
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out->append("{}");
            return;
        }
        QStringList keys = object.keys();
        std::stable_sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
            const qsizetype ia = nameMap ? -1 : firstKeys.indexOf(a);
            const qsizetype ib = nameMap ? -1 : firstKeys.indexOf(b);
            if (ia >= 0 || ib >= 0)
                return ia >= 0 && (ib < 0 || ia < ib);
            return a < b;
        });
        out->append("{\n");
        for (qsizetype i = 0; i < keys.size(); ++i) {
            out->append(indent);
            out->append(scalar(keys.at(i)));
            out->append(": ");
            write(object.value(keys.at(i)), firstKeys, depth + 1, out, depth == 0 && isNameMap(keys.at(i)));
            out->append(i + 1 < keys.size() ? ",\n" : "\n");
        }
        out->append(closing);
        out->append('}');
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out->append("[]");
            return;
        }
        const bool simple = std::all_of(array.begin(), array.end(), [](const QJsonValue &v) {
            return !v.isObject() && !v.isArray();
        });
        if (simple) { // short lists of strings stay on one line
            QByteArray line = "[ ";
            for (qsizetype i = 0; i < array.size(); ++i) {
                line.append(scalar(array.at(i)));
                if (i + 1 < array.size())
                    line.append(", ");
            }
            line.append(" ]");
            if (line.size() <= 100) {
                out->append(line);
                return;
            }
        }
        out->append("[\n");
        for (qsizetype i = 0; i < array.size(); ++i) {
            out->append(indent);
            write(array.at(i), firstKeys, depth + 1, out);
            out->append(i + 1 < array.size() ? ",\n" : "\n");
        }
        out->append(closing);
        out->append(']');
    } else {
        out->append(scalar(value));
    }
}

} // namespace

QByteArray writeOrderedJson(const QJsonValue &value, const QStringList &firstKeys)
{
    QByteArray out;
    write(value, firstKeys, 0, &out);
    out.append('\n');
    return out;
}

} // namespace amlfw
