#pragma once

#include <QFileDialog>
#include <QString>
#include <QUrl>
#include <functional>

namespace amlfw {

// The one way the wizard asks for file names and opens folders: a seam, so that tests can answer
// the dialogs (setNextFileName) and record what would be opened, without a modal window.
class FileDialog
{
public:
    static FileDialog *instance();

    QString getOpenFileName(QWidget *parent, const QString &caption, const QString &directory, const QString &filter);
    QString getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                            const QString &filter);

    // Shows a folder in the system's file manager.
    bool openFolder(const QString &path);

    // Tests only: the next get*FileName returns this instead of showing a dialog ("" = cancelled).
    void setNextFileName(const QString &fileName);
    // Tests only: called instead of QDesktopServices::openUrl.
    void setUrlOpener(std::function<bool(const QUrl &)> opener);

private:
    FileDialog() = default;
    std::optional<QString> takeNextFileName();

    std::optional<QString> m_nextFileName;
    std::function<bool(const QUrl &)> m_urlOpener;
    Q_DISABLE_COPY(FileDialog)
};

} // namespace amlfw
