#include "checkcommand.h"
#include "cliapp.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("amlfw"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AMLFW_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("amlfw"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    amlfw::CliApp::registerCommand(amlfw::CheckCommand::command());
    amlfw::CliApp cli(out, err);
    return cli.run(QCoreApplication::arguments());
}
