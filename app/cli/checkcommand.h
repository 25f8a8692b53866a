#pragma once

#include "cliapp.h"

#include <QCoreApplication>

namespace amlfw {

// `amlfw check`: tests every endpoint of the scenario live from this machine (DNS, TCP, TLS,
// HTTP, proxy) and writes the evidence as a table, JSON, CSV or HTML.
// Exit status: 0 every tested endpoint is reachable, 1 some failed, 2 bad input.
class CheckCommand
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::CheckCommand)

public:
    static CliApp::Command command();

private:
    static void addOptions(QCommandLineParser &parser);
    static int run(CliApp &app, QCommandLineParser &parser);
};

} // namespace amlfw
