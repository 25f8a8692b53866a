#pragma once

#include <QByteArray>
#include <QString>

namespace amlfw {

// Writes `data` to `path` through QSaveFile: the file is either replaced whole or left untouched.
// On failure returns false and sets *error to a translated message naming the path.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

} // namespace amlfw
