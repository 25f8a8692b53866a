#pragma once

#include "answers.h"
#include "catalog.h"
#include "language.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <optional>

namespace amlfw {

struct RuleSet;

// The `amlfw` command line: parses arguments, calls the core, prints. No rule logic of its own.
class CliApp
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::Cli)

public:
    enum ExitCode { Success = 0, Failure = 1, BadInput = 2 };

    CliApp(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);

    // Commands added by other parts of amlfw (e.g. "check") register here before run().
    struct Command
    {
        QString name;
        std::function<QString()> summary;
        std::function<void(QCommandLineParser &)> addOptions;
        std::function<int(CliApp &, QCommandLineParser &)> run;
    };
    static void registerCommand(const Command &command);

    // Shared by commands: the selection flags (cloud, region, storage, features, udr, profile, catalog).
    static void addSelectionOptions(QCommandLineParser &parser);
    bool loadCatalog(const QCommandLineParser &parser, Catalog *catalog);
    // Builds the rule set from the profile and flags; prints problems; false on bad input.
    bool buildRuleSet(const QCommandLineParser &parser, const Catalog &catalog, RuleSet *set);
    bool loadRuleSet(const QCommandLineParser &parser, RuleSet *set); // loadCatalog + buildRuleSet
    bool writeOutput(const QString &path, const QByteArray &data); // "-" is standard output
    int fail(const QString &message);                               // prints, returns BadInput
    void printProblems(const Problems &problems);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    Language language() const { return m_language; }
    static int terminalWidth();
    static bool isTerminal();

private:
    int runRules(QCommandLineParser &parser);
    int runExport(QCommandLineParser &parser);
    int runFeatures(QCommandLineParser &parser);
    int runRegions(QCommandLineParser &parser);
    QString generalHelp() const;
    QString commandHelp(const QCommandLineParser &parser, const QString &command) const;

    QTextStream &m_out;
    QTextStream &m_err;
    Language m_language = Language::English;
};

} // namespace amlfw
