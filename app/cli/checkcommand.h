#pragma once

#include "command.h"
#include "reportpdf.h"

#include <QCoreApplication>

namespace amlfw {

// `amlfw check`: tests every endpoint of the scenario live from this machine (DNS, TCP, TLS,
// HTTP, proxy) and writes the evidence as a table, JSON, CSV, HTML or PDF.
// Exit status: 0 every tested endpoint is reachable, 1 some failed, 2 bad input.
class CheckCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::CheckCommand)

public:
    QString name() const override { return QStringLiteral("check"); }
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int execute(CliApp &app, const QCommandLineParser &parser) const override;

private:
    bool checkPdfOptions(CliApp &app, const QCommandLineParser &parser, const QString &format, const QString &output,
                         ReportPdf::Options *pdf) const;
};

} // namespace amlfw
