#pragma once

#include <QCoreApplication>
#include <QFileDialog>
#include <QString>
#include <QUrl>
#include <functional>

namespace amlfw {

// The one way the wizard asks for file names and opens folders: a seam, so that tests can answer
// the dialogs (setNextFileName) and record what would be opened, without a modal window.
class FileDialog
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::FileDialog)

public:
    static FileDialog *instance();

    // Where a dialog opens: `preferred` (such as the folder of the file in the field), else the folder
    // last used (`lastDirectory`, from the settings), else Documents; the first of them that exists.
    static QString startDirectory(const QString &preferred, const QString &lastDirectory);
    // `filter` and "All files (*)", as the dialogs take them.
    static QString withAllFiles(const QString &filter);

    QString getOpenFileName(QWidget *parent, const QString &caption, const QString &directory, const QString &filter);
    QString getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                            const QString &filter);

    // Shows a folder in the system's file manager.
    bool openFolder(const QString &path);
    // Opens a link (the article) in the system's browser.
    bool openUrl(const QUrl &url);

    // Tests only: the next get*FileName returns this instead of showing a dialog ("" = cancelled).
    void setNextFileName(const QString &fileName);
    // Tests only: the folder (or suggested path) the last get*FileName opened with.
    QString lastStartPath() const { return m_lastStartPath; }
    // Tests only: called instead of QDesktopServices::openUrl.
    void setUrlOpener(std::function<bool(const QUrl &)> opener);

private:
    FileDialog() = default;
    std::optional<QString> takeNextFileName();

    std::optional<QString> m_nextFileName;
    QString m_lastStartPath;
    std::function<bool(const QUrl &)> m_urlOpener;
    Q_DISABLE_COPY(FileDialog)
};

} // namespace amlfw
