#include "filedialog.h"

#include <QDesktopServices>
#include <QDir>
#include <QStandardPaths>

namespace amlfw {

FileDialog *FileDialog::instance()
{
    static FileDialog dialog;
    return &dialog;
}

QString FileDialog::startDirectory(const QString &preferred, const QString &lastDirectory)
{
    for (const QString &directory : {preferred, lastDirectory}) {
        if (!directory.isEmpty() && QDir(directory).exists())
            return directory;
    }
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

QString FileDialog::withAllFiles(const QString &filter)
{
    return filter + QStringLiteral(";;") + tr("All files (*)");
}

std::optional<QString> FileDialog::takeNextFileName()
{
    std::optional<QString> next = m_nextFileName;
    m_nextFileName.reset();
    return next;
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &directory,
                                    const QString &filter)
{
    m_lastStartPath = directory;
    if (const auto next = takeNextFileName())
        return *next;
    return QFileDialog::getOpenFileName(parent, caption, directory, filter);
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                    const QString &filter)
{
    m_lastStartPath = suggestedPath;
    if (const auto next = takeNextFileName())
        return *next;
    return QFileDialog::getSaveFileName(parent, caption, suggestedPath, filter);
}

bool FileDialog::openFolder(const QString &path)
{
    return openUrl(QUrl::fromLocalFile(path));
}

bool FileDialog::openUrl(const QUrl &url)
{
    if (m_urlOpener)
        return m_urlOpener(url);
    return QDesktopServices::openUrl(url);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    m_nextFileName = fileName;
}

void FileDialog::setUrlOpener(std::function<bool(const QUrl &)> opener)
{
    m_urlOpener = std::move(opener);
}

} // namespace amlfw
