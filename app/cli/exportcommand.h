#pragma once

#include "command.h"

#include <QCoreApplication>

namespace amlfw {

// `amlfw export`: an ARM template, CSV or JSON file for the change.
class ExportCommand : public Command
{
    // The context of the strings is the CLI's, shared with CliApp.
    Q_DECLARE_TR_FUNCTIONS(amlfw::Cli)

public:
    QString name() const override { return QStringLiteral("export"); }
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int execute(CliApp &app, const QCommandLineParser &parser) const override;
};

} // namespace amlfw
