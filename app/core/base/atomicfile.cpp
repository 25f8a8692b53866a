#include "atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <cerrno>

namespace amlfw {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// The file a path finally names: symbolic links followed, even to a target not there yet, so that
// writing replaces the target and leaves the link alone. A loop ends at the limit and fails later.
QString resolveLinks(const QString &path)
{
    QString current = path;
    for (int depth = 0; depth < 40; ++depth) {
        const QFileInfo info(current);
        if (!info.isSymLink())
            return current;
        current = info.symLinkTarget();
    }
    return current;
}

bool isDiskFull(const QFileDevice &file, int savedErrno)
{
#ifdef EDQUOT
    if (savedErrno == EDQUOT)
        return true;
#endif
    return savedErrno == ENOSPC || file.error() == QFileDevice::ResourceError;
}

QString cannotWrite(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("amlfw::AtomicFile", "Cannot write \"%1\": %2")
        .arg(QDir::toNativeSeparators(path), reason);
}

// Why a write failed, in words for the user: Qt's reason for a full disk is often "Unknown error".
QString writeError(const QString &path, const QFileDevice &file, int savedErrno)
{
    return cannotWrite(path, isDiskFull(file, savedErrno)
                                 ? QCoreApplication::translate("amlfw::AtomicFile", "no space left on the device")
                                 : file.errorString());
}

// Devices and named pipes: written where they are; a rename would replace them with a file.
bool writeDirectly(const QString &path, const QString &target, const QByteArray &data, QString *error)
{
    QFile file(target);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(error, cannotWrite(path, file.errorString()));
    errno = 0;
    if (file.write(data) != data.size())
        return fail(error, writeError(path, file, errno));
    return true;
}

} // namespace

bool checkWritable(const QString &path, QString *error)
{
    if (path.isEmpty())
        return fail(error, QCoreApplication::translate("amlfw::AtomicFile", "No output file given."));
    const QString target = resolveLinks(path);
    const QFileInfo info(target);
    if (info.isDir())
        return fail(error, QCoreApplication::translate("amlfw::AtomicFile", "Cannot write \"%1\": it is a folder.")
                               .arg(QDir::toNativeSeparators(path)));
    if (!info.absoluteDir().exists())
        return fail(error, QCoreApplication::translate("amlfw::AtomicFile",
                                                       "Cannot write \"%1\": the folder \"%2\" does not exist.")
                               .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(info.absolutePath())));
    if (info.exists() ? !info.isWritable() : !QFileInfo(info.absolutePath()).isWritable())
        return fail(error, QCoreApplication::translate("amlfw::AtomicFile", "Cannot write \"%1\": permission denied.")
                               .arg(QDir::toNativeSeparators(path)));
    return true;
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    if (!checkWritable(path, error))
        return false;
    const QString target = resolveLinks(path);
    const QFileInfo info(target);
    if (info.exists() && !info.isFile())
        return writeDirectly(path, target, data, error);

    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, cannotWrite(path, file.errorString()));
    errno = 0;
    // flush() before commit(): commit() forgets why the last write failed.
    if (file.write(data) != data.size() || !file.flush()) {
        const int savedErrno = errno;
        const QString message = writeError(path, file, savedErrno);
        file.cancelWriting();
        return fail(error, message);
    }
    if (!file.commit()) {
        const int savedErrno = errno;
        return fail(error, isDiskFull(file, savedErrno)
                               ? writeError(path, file, savedErrno)
                               : QCoreApplication::translate("amlfw::AtomicFile", "Cannot save \"%1\": %2")
                                     .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return true;
}

} // namespace amlfw
