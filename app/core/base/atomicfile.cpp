#include "atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace amlfw {

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (path.isEmpty())
        return fail(QCoreApplication::translate("amlfw::AtomicFile", "No output file given."));
    const QFileInfo info(path);
    if (info.isDir())
        return fail(QCoreApplication::translate("amlfw::AtomicFile", "Cannot write \"%1\": it is a folder.")
                        .arg(QDir::toNativeSeparators(path)));
    if (!info.absoluteDir().exists())
        return fail(QCoreApplication::translate("amlfw::AtomicFile", "Cannot write \"%1\": the folder \"%2\" does not exist.")
                        .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(info.absolutePath())));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("amlfw::AtomicFile", "Cannot write \"%1\": %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.write(data) != data.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(QCoreApplication::translate("amlfw::AtomicFile", "Cannot write \"%1\": %2")
                        .arg(QDir::toNativeSeparators(path), reason));
    }
    if (!file.commit())
        return fail(QCoreApplication::translate("amlfw::AtomicFile", "Cannot save \"%1\": %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    return true;
}

} // namespace amlfw
