#pragma once

#include "command.h"

#include <QCoreApplication>

namespace amlfw {

// `amlfw rules`: the rules a scenario needs, as a table, Markdown, CSV or JSON on standard output.
class RulesCommand : public Command
{
    // The context of the strings is the CLI's, shared with CliApp.
    Q_DECLARE_TR_FUNCTIONS(amlfw::Cli)

public:
    QString name() const override { return QStringLiteral("rules"); }
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int execute(CliApp &app, const QCommandLineParser &parser) const override;
};

} // namespace amlfw
