#pragma once

#include "command.h"

#include <QCoreApplication>

namespace amlfw {

// `amlfw regions`: the regions of a cloud.
class RegionsCommand : public Command
{
    // The context of the strings is the CLI's, shared with CliApp.
    Q_DECLARE_TR_FUNCTIONS(amlfw::Cli)

public:
    QString name() const override { return QStringLiteral("regions"); }
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int execute(CliApp &app, const QCommandLineParser &parser) const override;
};

} // namespace amlfw
