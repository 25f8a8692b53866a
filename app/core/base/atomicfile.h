#pragma once

#include <QByteArray>
#include <QString>

namespace amlfw {

// Whether `path` can be written, without writing: its folder exists, it is not a folder, and it is
// writable when it exists. Symbolic links are followed. On failure returns false and sets *error
// (when given) to a translated message naming the path. For a check before long work.
bool checkWritable(const QString &path, QString *error);

// Writes `data` to `path`. A regular file (new or existing) is written through QSaveFile: replaced
// whole or left untouched. A symbolic link is followed and its target replaced that way, so the link
// stays a link. Anything else that exists (a device such as /dev/null, a named pipe) is opened and
// written directly, never replaced. On failure returns false and sets *error (when given) to a
// translated message naming the path; a full disk says so.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

} // namespace amlfw
