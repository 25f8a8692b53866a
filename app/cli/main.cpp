#include "cliapp.h"
#include "reportpdf.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>
#include <cstdio>
#include <cstring>
#include <memory>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace {

// `--format pdf` (or `--format=pdf`) lays the report out with QtGui's fonts and needs a
// QGuiApplication; everything else runs in a QCoreApplication and needs no display. The application
// object must exist before the commands parse their options, so this looks at the raw arguments.
bool wantsPdf(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if ((arg == "--format" || arg == "-format") && i + 1 < argc && qstricmp(argv[i + 1], "pdf") == 0)
            return true;
        if ((arg.startsWith("--format=") || arg.startsWith("-format=")) && arg.mid(arg.indexOf('=') + 1).toLower() == "pdf")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef Q_OS_WIN
    // Japanese output: the console decodes our UTF-8 only with the UTF-8 code page (the manifest's
    // activeCodePage sets the process's ANSI code page; this sets the console's).
    SetConsoleOutputCP(CP_UTF8);
#endif
    std::unique_ptr<QCoreApplication> app;
    if (wantsPdf(argc, argv)) {
        // A jump host without a display: Qt's offscreen platform still has the fonts (fontconfig).
        if (const QByteArray platform = amlfw::ReportPdf::guiPlatformForCli(); !platform.isEmpty())
            qputenv("QT_QPA_PLATFORM", platform);
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("amlfw"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AMLFW_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("amlfw"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    amlfw::CliApp cli(out, err);
    return cli.run(QCoreApplication::arguments());
}
