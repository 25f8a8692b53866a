#include "cliapp.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

int main(int argc, char *argv[])
{
#ifdef Q_OS_WIN
    // Japanese output: the console decodes our UTF-8 only with the UTF-8 code page (the manifest's
    // activeCodePage sets the process's ANSI code page; this sets the console's).
    SetConsoleOutputCP(CP_UTF8);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("amlfw"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AMLFW_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("amlfw"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    amlfw::CliApp cli(out, err);
    return cli.run(QCoreApplication::arguments());
}
