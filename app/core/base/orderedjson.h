#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>

namespace amlfw {

// Serializes JSON with 2-space indentation, writing the keys in `firstKeys` first (in that order)
// and the rest alphabetically, so that generated templates read the way people write them.
QByteArray writeOrderedJson(const QJsonValue &value, const QStringList &firstKeys);

} // namespace amlfw
