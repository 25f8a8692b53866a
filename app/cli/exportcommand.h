#pragma once

#include "command.h"

#include <QCoreApplication>

namespace amlfw {

// `amlfw export`: every file format of the change (Exporter), with its options.
class ExportCommand : public Command
{
    // The context of the strings is the CLI's, shared with CliApp.
    Q_DECLARE_TR_FUNCTIONS(amlfw::Cli)

public:
    QString name() const override { return QStringLiteral("export"); }
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int execute(CliApp &app, const QCommandLineParser &parser) const override;
    QString helpFooter() const override { return formatsHelp(); }
    static QString formatsHelp(); // every format with one line
};

} // namespace amlfw
