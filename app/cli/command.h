#pragma once

#include <QCommandLineParser>
#include <QString>

namespace amlfw {

class CliApp;

// One `amlfw` command (as keepassxc-cli's Command): its name, a one-line description for
// "amlfw --help", its options, and what it does. CliApp parses the arguments and dispatches.
class Command
{
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    virtual QString description() const = 0; // translated
    virtual void addOptions(QCommandLineParser &parser) const = 0;
    virtual QString helpFooter() const { return {}; } // after the options in "amlfw <command> --help"
    // The exit code: CliApp::Success, Failure or BadInput.
    virtual int execute(CliApp &app, const QCommandLineParser &parser) const = 0;
};

} // namespace amlfw
