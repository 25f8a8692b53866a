#include "cliapp.h"

#include "atomicfile.h"
#include "checkcommand.h"
#include "diffcommand.h"
#include "exportcommand.h"
#include "featurescommand.h"
#include "profile.h"
#include "regionscommand.h"
#include "rulegenerator.h"
#include "rulescommand.h"
#include "servicetags.h"

#include <QDir>
#include <QFileInfo>
#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <sys/ioctl.h>
#include <unistd.h>
#endif

namespace amlfw {

namespace {

QCommandLineOption langOption()
{
    return QCommandLineOption(QStringLiteral("lang"), CliApp::tr("Language of the output and messages: en or ja."),
                              QStringLiteral("en|ja"));
}

// --lang is read before anything else so that even argument errors come in the right language.
std::optional<QString> preScanLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--lang" && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(QStringLiteral("--lang=")))
            return a.mid(7);
    }
    return std::nullopt;
}

// The value of --profile, to read the profile's "lang" before anything else.
std::optional<QString> preScanProfile(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--profile" && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(QStringLiteral("--profile=")))
            return a.mid(10);
    }
    return std::nullopt;
}

QString commandOf(const QStringList &arguments)
{
    // The first argument that is not an option; option values never come before the command.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (!arguments.at(i).startsWith(u'-'))
            return arguments.at(i);
        if (arguments.at(i) == u"--lang")
            ++i;
    }
    return {};
}

// The language a profile asks for; its problems are reported later, in that language.
std::optional<Language> profileLanguage(const QString &path)
{
    Problems ignored;
    const std::optional<Profile> profile = Profile::fromFile(path, &ignored);
    return profile ? profile->language : std::nullopt;
}

} // namespace

CliApp::CliApp(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{
    m_commands.push_back(std::make_unique<RulesCommand>());
    m_commands.push_back(std::make_unique<ExportCommand>());
    m_commands.push_back(std::make_unique<FeaturesCommand>());
    m_commands.push_back(std::make_unique<RegionsCommand>());
    m_commands.push_back(std::make_unique<CheckCommand>());
    m_commands.push_back(std::make_unique<DiffCommand>());
}

CliApp::~CliApp() = default;

const Command *CliApp::command(const QString &name) const
{
    for (const auto &c : m_commands) {
        if (c->name() == name)
            return c.get();
    }
    return nullptr;
}

QCommandLineOption CliApp::catalogOption()
{
    return {QStringLiteral("catalog"), tr("Use this rule catalog instead of the built-in one."),
            QStringLiteral("file")};
}

QCommandLineOption CliApp::editionOption()
{
    return {QStringLiteral("edition"),
            tr("Edition of the article the rules follow: %1 (default: the newest, %2).")
                .arg(Catalog::builtInEditions().join(QStringLiteral(", ")), Catalog::newestEdition()),
            QStringLiteral("edition")};
}

QCommandLineOption CliApp::formatOption(const QString &values, const QString &defaultValue)
{
    QCommandLineOption o(QStringLiteral("format"), tr("Output format: %1.").arg(values), QStringLiteral("format"));
    if (!defaultValue.isEmpty())
        o.setDefaultValue(defaultValue);
    return o;
}

QString CliApp::outputNote()
{
    return tr("A device or named pipe is written to directly; a symbolic link keeps pointing to its target, which is "
              "replaced.");
}

QStringList CliApp::splitList(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out << trimmed;
    }
    return out;
}

bool CliApp::isTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdout));
#else
    return isatty(STDOUT_FILENO);
#endif
}

bool CliApp::isErrorTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr));
#else
    return isatty(STDERR_FILENO);
#endif
}

int CliApp::terminalWidth()
{
    if (!isTerminal())
        return 0;
#ifdef Q_OS_WIN
    CONSOLE_SCREEN_BUFFER_INFO info;
    if (GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &info))
        return info.srWindow.Right - info.srWindow.Left + 1;
#else
    struct winsize ws
    {
    };
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
#endif
    return 120;
}

int CliApp::fail(const QString &message)
{
    // One prefix for every problem: "amlfw: error: ", as printProblems() writes them.
    m_err << QStringLiteral("amlfw: ") << tr("error") << QStringLiteral(": ") << message << Qt::endl;
    return BadInput;
}

void CliApp::printProblems(const Problems &problems)
{
    for (const Problem &p : problems) {
        const QString label = p.isError() ? tr("error") : tr("warning");
        m_err << QStringLiteral("amlfw: ") << label << QStringLiteral(": ") << p.toString() << Qt::endl;
    }
}

void CliApp::addSelectionOptions(QCommandLineParser &parser, bool editionOptions)
{
    parser.addOption({QStringLiteral("cloud"), tr("Cloud: public, usgov or china."), QStringLiteral("cloud")});
    parser.addOption(
        {QStringLiteral("region"), tr("Region of the workspace, such as japaneast."), QStringLiteral("region")});
    parser.addOption(
        {QStringLiteral("storage"), tr("Name of the workspace's default storage account."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("features"),
                      tr("Comma-separated feature ids (\"amlfw features\" lists them); \"\" for none."),
                      QStringLiteral("ids")});
    parser.addOption({QStringLiteral("all-features"), tr("Select every feature.")});
    parser.addOption({QStringLiteral("udr"),
                      tr("How the inbound routes are written: service-tags (default) or ip-ranges."),
                      QStringLiteral("method")});
    parser.addOption({QStringLiteral("acr"), tr("Name of the workspace's container registry (for <acr>; optional)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("workspace-id"), tr("The workspace ID, a GUID (for <workspace-id>; optional)."),
                      QStringLiteral("guid")});
    parser.addOption({QStringLiteral("network"),
                      tr("customer (default): your own firewall; managed: the outbound rules of the workspace's "
                         "managed virtual network."),
                      QStringLiteral("kind")});
    parser.addOption({QStringLiteral("profile"), tr("Read answers from a profile file; flags override it."),
                      QStringLiteral("file")});
    QCommandLineOption edition = editionOption();
    QCommandLineOption catalog = catalogOption();
    if (!editionOptions) {
        edition.setFlags(QCommandLineOption::HiddenFromHelp);
        catalog.setFlags(QCommandLineOption::HiddenFromHelp);
    }
    parser.addOption(edition);
    parser.addOption(catalog);
}

bool CliApp::readProfile(const QCommandLineParser &parser)
{
    // optionNames() lists the options given: commands without --profile never see one.
    if (m_profile || !parser.optionNames().contains(QStringLiteral("profile")))
        return true;
    Problems problems;
    const QString path = parser.value(QStringLiteral("profile"));
    m_profile = Profile::fromFile(path, &problems);
    m_profilePath = path;
    printProblems(problems);
    if (m_profile && !m_profile->edition)
        m_err << QStringLiteral("amlfw: ")
              << tr("note: the profile %1 names no edition: it was made for the 2021-11 edition and is read so "
                    "(--edition chooses another).")
                     .arg(path)
              << Qt::endl;
    return m_profile.has_value();
}

QString CliApp::requestedEdition(const QCommandLineParser &parser) const
{
    if (parser.isSet(QStringLiteral("edition")))
        return parser.value(QStringLiteral("edition")).trimmed();
    if (m_profile)
        return m_profile->edition.value_or(QStringLiteral("2021-11"));
    return {};
}

bool CliApp::loadCatalog(const QCommandLineParser &parser, Catalog *catalog)
{
    if (!readProfile(parser))
        return false;
    const QString edition = requestedEdition(parser);
    if (!edition.isEmpty() && !parser.isSet(QStringLiteral("catalog"))
        && !Catalog::builtInEditions().contains(edition)) {
        fail(tr("\"%1\" is not an edition: use %2.")
                 .arg(edition, Catalog::builtInEditions().join(QStringLiteral(" or "))));
        return false;
    }
    Problems problems;
    if (parser.isSet(QStringLiteral("catalog"))) {
        const QString path = parser.value(QStringLiteral("catalog"));
        *catalog = Catalog::fromFile(path, &problems);
        if (catalog->isValid() && parser.isSet(QStringLiteral("edition")) && catalog->edition != edition) {
            fail(tr("the catalog %1 is the %2 edition, not %3.").arg(path, catalog->edition, edition));
            return false;
        }
    } else {
        *catalog = Catalog::builtIn(edition, &problems);
    }
    if (!catalog->isValid()) {
        printProblems(problems);
        m_err << QStringLiteral("amlfw: ")
              << tr("the rule catalog cannot be used (%n problem(s)).", nullptr, int(problems.size())) << Qt::endl;
        return false;
    }
    printProblems(problems); // warnings only
    return true;
}

bool CliApp::buildAnswers(const QCommandLineParser &parser, const Catalog &catalog, Answers *result)
{
    Answers answers;
    bool featuresGiven = false;
    if (!readProfile(parser))
        return false;
    if (m_profile) {
        m_profile->applyTo(&answers);
        featuresGiven = m_profile->features.has_value();
    }
    answers.edition = catalog.edition; // the edition chosen was loaded; --catalog files bring their own
    if (parser.isSet(QStringLiteral("cloud")))
        answers.cloud = parser.value(QStringLiteral("cloud")).trimmed();
    if (parser.isSet(QStringLiteral("region")))
        answers.region = parser.value(QStringLiteral("region")).trimmed();
    if (parser.isSet(QStringLiteral("storage")))
        answers.storage = parser.value(QStringLiteral("storage"));
    if (parser.isSet(QStringLiteral("acr")))
        answers.acr = parser.value(QStringLiteral("acr")).trimmed();
    if (parser.isSet(QStringLiteral("workspace-id")))
        answers.workspaceId = parser.value(QStringLiteral("workspace-id")).trimmed();
    // Every problem of the flags and answers is reported at once, in the order of the answers.
    m_givenFlags = parser.optionNames();
    Problems problems;
    const auto bad = [&](const QString &location, const QString &message) {
        problems << Problem::error(location, TranslatableText::plain(message));
    };
    if (parser.isSet(QStringLiteral("network"))) {
        const auto network = networkKindIds.fromId(parser.value(QStringLiteral("network")).trimmed());
        if (!network)
            bad(QStringLiteral("network"),
                tr("\"%1\" is not a network: use customer or managed.").arg(parser.value(QStringLiteral("network"))));
        else
            answers.network = *network;
    }
    if (parser.isSet(QStringLiteral("features")) && parser.isSet(QStringLiteral("all-features")))
        bad(QStringLiteral("features"), tr("use either --features or --all-features, not both."));
    if (parser.isSet(QStringLiteral("features"))) {
        answers.features = splitList(parser.value(QStringLiteral("features")));
        featuresGiven = true;
    } else if (parser.isSet(QStringLiteral("all-features"))) {
        answers.features = catalog.featureIds();
        featuresGiven = true;
    }
    if (!featuresGiven)
        bad(QStringLiteral("features"),
            tr("choose the features with --features a,b,c or --all-features (--features \"\" for none)."));
    if (parser.isSet(QStringLiteral("udr"))) {
        const auto udr = udrMethodFromId(parser.value(QStringLiteral("udr")));
        if (!udr)
            bad(QStringLiteral("udr"), tr("\"%1\" is not a route method: use service-tags or ip-ranges.")
                                           .arg(parser.value(QStringLiteral("udr"))));
        else
            answers.udr = *udr;
    }
    if (hasErrors(problems)) {
        // The answers' own problems too, so that one run lists them all.
        for (const Problem &p : AnswersValidator::validate(catalog, answers)) {
            const bool sameField = std::any_of(problems.cbegin(), problems.cend(),
                                               [&](const Problem &q) { return q.location == p.location; });
            if (!sameField)
                problems << p;
        }
        printProblems(located(problems));
        return false;
    }
    *result = answers;
    return true;
}

// The order problems are listed in: the order of the answers.
static int fieldOrder(const QString &location)
{
    static const QStringList fields{QStringLiteral("edition"),  QStringLiteral("network"), QStringLiteral("cloud"),
                                    QStringLiteral("region"),   QStringLiteral("storage"), QStringLiteral("features"),
                                    QStringLiteral("udr"),      QStringLiteral("acr"),     QStringLiteral("workspace-id")};
    const qsizetype i = fields.indexOf(location);
    return i < 0 ? int(fields.size()) : int(i);
}

Problems CliApp::located(Problems problems) const
{
    std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
        return fieldOrder(a.location) < fieldOrder(b.location);
    });
    for (Problem &p : problems) {
        if (p.location.isEmpty() || p.location.startsWith(u'-') || p.location.contains(u':'))
            continue;
        // Name what the user wrote: the flag, or the field of the profile the value came from.
        const bool fromProfile = m_profile && !m_givenFlags.contains(p.location)
                                 && !(p.location == u"features" && m_givenFlags.contains(QStringLiteral("all-features")));
        if (fromProfile)
            p.location = tr("profile %1, field \"%2\"").arg(m_profilePath, p.location);
        else
            p.location = QStringLiteral("--") + p.location;
    }
    return problems;
}

bool CliApp::generateRuleSet(const Catalog &catalog, const Answers &answers, RuleSet *set)
{
    *set = RuleGenerator::generate(catalog, answers);
    printProblems(located(set->problems));
    return set->isValid();
}

bool CliApp::buildRuleSet(const QCommandLineParser &parser, const Catalog &catalog, RuleSet *set)
{
    Answers answers;
    return buildAnswers(parser, catalog, &answers) && generateRuleSet(catalog, answers, set);
}

bool CliApp::loadRuleSet(const QCommandLineParser &parser, RuleSet *set)
{
    Catalog catalog;
    if (!loadCatalog(parser, &catalog) || !buildRuleSet(parser, catalog, set))
        return false;
    // Only commands that define --service-tags see it given.
    if (!parser.optionNames().contains(QStringLiteral("service-tags")))
        return true;
    const QString path = parser.value(QStringLiteral("service-tags"));
    Problems problems;
    const auto file = ServiceTagsFile::load(path, &problems);
    if (file)
        problems += applyServiceTags(set, std::make_shared<const ServiceTagsFile>(*file));
    if (!problems.isEmpty())
        printProblems(problems);
    return !hasErrors(problems);
}

QCommandLineOption CliApp::serviceTagsOption()
{
    return {QStringLiteral("service-tags"),
            tr("An \"Azure IP Ranges and Service Tags\" file (ServiceTags_Public_YYYYMMDD.json, the Government or "
               "China file, or the output of az network list-service-tags): service tags are expanded to their "
               "address prefixes."),
            QStringLiteral("file")};
}

bool CliApp::checkOutput(const QString &path)
{
    if (path == u"-")
        return true;
    QString error;
    if (checkWritable(path, &error))
        return true;
    fail(error);
    return false;
}

bool CliApp::writeOutput(const QString &path, const QByteArray &data)
{
    if (path == u"-") {
        m_out.flush();
        std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    QString error;
    if (!writeFileAtomically(path, data, &error)) {
        fail(error);
        return false;
    }
    return true;
}

QString CliApp::generalHelp() const
{
    QString text = tr("Usage: amlfw <command> [options]") + QStringLiteral("\n\n");
    text += tr("Firewall rules for an Azure Machine Learning workspace in a virtual network.") + QStringLiteral("\n\n");
    text += tr("Commands:") + u'\n';
    for (const auto &c : m_commands)
        text += QStringLiteral("  ") + c->name().leftJustified(10) + c->description() + u'\n';
    text += u'\n' + tr("Options:") + u'\n';
    text += QStringLiteral("  --help     ") + tr("Show help; \"amlfw <command> --help\" for a command.") + u'\n';
    text += QStringLiteral("  --version  ") + tr("Show the version.") + u'\n';
    text += QStringLiteral("  --lang     ") + tr("Language of the output and messages: en or ja.") + u'\n';
    text += u'\n' + tr("Example:") + u'\n';
    text += QStringLiteral(
        "  amlfw rules --cloud public --region japaneast --storage mystore --features compute-instance,python\n");
    return text;
}

QString CliApp::commandHelp(const QCommandLineParser &parser, const QString &command) const
{
    QString text = parser.helpText();
    // QCommandLineParser prints the program's path only; show "amlfw" and the command.
    const qsizetype end = text.indexOf(u'\n');
    text.replace(0, end, QStringLiteral("Usage: amlfw ") + command + QStringLiteral(" [options]"));
    return text;
}

int CliApp::run(const QStringList &arguments)
{
    if (const auto lang = preScanLanguage(arguments)) {
        const auto language = languageFromCode(*lang);
        if (!language)
            return fail(tr("\"%1\" is not a language: use en or ja.").arg(*lang));
        m_language = *language;
    } else if (const auto profile = preScanProfile(arguments); profile && profileLanguage(*profile)) {
        // The profile's "lang", when --lang does not choose: a workshop's profile speaks its language.
        m_language = *profileLanguage(*profile);
    } else {
        m_language = systemLanguage();
    }
    applyLanguage(m_language);

    const QString command = commandOf(arguments);
    if (command.isEmpty()) {
        if (arguments.contains(QStringLiteral("--version")) || arguments.contains(QStringLiteral("-v"))) {
            m_out << QStringLiteral("amlfw ") << QStringLiteral(AMLFW_VERSION) << Qt::endl;
            return Success;
        }
        if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
            m_out << generalHelp();
            return Success;
        }
        m_err << generalHelp();
        return BadInput;
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")});
    parser.addOption(langOption());
    // The command is the first positional argument; it is not declared, so that the help reads
    // "Usage: amlfw rules [options]".

    const Command *handler = this->command(command);
    if (!handler)
        return fail(tr("unknown command \"%1\"; \"amlfw --help\" lists the commands.").arg(command));
    parser.setApplicationDescription(handler->description());
    handler->addOptions(parser);

    if (!parser.parse(arguments))
        return fail(parser.errorText() + u' ' + tr("(\"amlfw %1 --help\" shows the options.)").arg(command));
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << commandHelp(parser, command);
        if (const QString footer = handler->helpFooter(); !footer.isEmpty())
            m_out << u'\n' << footer;
        return Success;
    }
    if (parser.positionalArguments().size() > 1)
        return fail(tr("unexpected argument \"%1\".").arg(parser.positionalArguments().at(1)));
    return handler->execute(*this, parser);
}

} // namespace amlfw
