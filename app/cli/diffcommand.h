#pragma once

#include "command.h"

#include <QCoreApplication>

namespace amlfw {

// `amlfw diff`: the rules added, removed and changed between two editions of the article for one
// scenario, as a table, Markdown, CSV or JSON.
class DiffCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::Cli)

public:
    QString name() const override { return QStringLiteral("diff"); }
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int execute(CliApp &app, const QCommandLineParser &parser) const override;
};

} // namespace amlfw
