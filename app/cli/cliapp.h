#pragma once

#include "answers.h"
#include "catalog.h"
#include "language.h"
#include "profile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <memory>
#include <vector>

namespace amlfw {

class Command;
struct RuleSet;

// The `amlfw` command line: parses arguments, dispatches to the commands of its table, prints.
// No rule logic of its own; the commands share the helpers below.
class CliApp
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::Cli)

public:
    enum ExitCode { Success = 0, Failure = 1, BadInput = 2 };

    CliApp(QTextStream &out, QTextStream &err);
    ~CliApp();
    int run(const QStringList &arguments);

    // Options shared by commands.
    // cloud, region, storage, features, udr, acr, workspace-id, network, profile, edition, catalog
    // editionOptions false: --edition and --catalog are accepted but not shown in the help (diff,
    // which names its editions otherwise, refuses them with a message).
    static void addSelectionOptions(QCommandLineParser &parser, bool editionOptions = true);
    static QCommandLineOption catalogOption();
    static QCommandLineOption editionOption();
    static QCommandLineOption serviceTagsOption(); // rules and export: applied by loadRuleSet
    static QCommandLineOption formatOption(const QString &values, const QString &defaultValue);
    static QString outputNote();                        // what --output does with devices, pipes and links
    static QStringList splitList(const QString &value); // "a, b,,c" -> a b c

    // The catalog of --catalog, or the built-in edition of --edition, else of the profile, else the newest.
    bool loadCatalog(const QCommandLineParser &parser, Catalog *catalog);
    // The answers of the profile and flags for `catalog` (--all-features: its features); prints, false on bad input.
    bool buildAnswers(const QCommandLineParser &parser, const Catalog &catalog, Answers *answers);
    bool generateRuleSet(const Catalog &catalog, const Answers &answers, RuleSet *set); // prints problems
    // Builds the rule set from the profile and flags; prints problems; false on bad input.
    bool buildRuleSet(const QCommandLineParser &parser, const Catalog &catalog, RuleSet *set);
    bool loadRuleSet(const QCommandLineParser &parser, RuleSet *set); // loadCatalog + buildRuleSet
    // Before any work: can `path` be written? Prints why not. "-" (standard output) always can.
    bool checkOutput(const QString &path);
    bool writeOutput(const QString &path, const QByteArray &data); // "-" is standard output
    Problems located(Problems problems) const; // sorted by answer, located at the flag or profile field
    int fail(const QString &message);                              // prints, returns BadInput
    void printProblems(const Problems &problems);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    Language language() const { return m_language; }
    static int terminalWidth();
    static bool isTerminal();
    static bool isErrorTerminal();

private:
    const Command *command(const QString &name) const;
    bool readProfile(const QCommandLineParser &parser);               // once; prints problems; false on a bad profile
    QString requestedEdition(const QCommandLineParser &parser) const; // empty: the newest
    QString generalHelp() const;
    QString commandHelp(const QCommandLineParser &parser, const QString &command) const;

    QTextStream &m_out;
    QTextStream &m_err;
    Language m_language = Language::English;
    std::optional<Profile> m_profile;                 // --profile, read once
    QString m_profilePath;
    QStringList m_givenFlags; // the options of this invocation: the rest of the answers came from the profile
    std::vector<std::unique_ptr<Command>> m_commands; // in the order "amlfw --help" lists them
};

} // namespace amlfw
