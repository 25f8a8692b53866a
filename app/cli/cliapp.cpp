#include "cliapp.h"

#include "armexporter.h"
#include "atomicfile.h"
#include "csvexporter.h"
#include "jsonexporter.h"
#include "rulegenerator.h"
#include "textreport.h"

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

QList<CliApp::Command> &extraCommands()
{
    static QList<CliApp::Command> commands;
    return commands;
}

QCommandLineOption langOption()
{
    return QCommandLineOption(QStringLiteral("lang"), CliApp::tr("Language of the output and messages: en or ja."),
                              QStringLiteral("en|ja"));
}

QCommandLineOption formatOption(const QString &values, const QString &defaultValue)
{
    QCommandLineOption o(QStringLiteral("format"), CliApp::tr("Output format: %1.").arg(values), QStringLiteral("format"));
    if (!defaultValue.isEmpty())
        o.setDefaultValue(defaultValue);
    return o;
}

QStringList splitList(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out << trimmed;
    }
    return out;
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

} // namespace

CliApp::CliApp(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

void CliApp::registerCommand(const Command &command)
{
    extraCommands().append(command);
}

bool CliApp::isTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdout));
#else
    return isatty(STDOUT_FILENO);
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
    struct winsize ws {};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
#endif
    return 120;
}

int CliApp::fail(const QString &message)
{
    m_err << QStringLiteral("amlfw: ") << message << Qt::endl;
    return BadInput;
}

void CliApp::printProblems(const Problems &problems)
{
    for (const Problem &p : problems) {
        const QString label = p.isError() ? tr("error") : tr("warning");
        m_err << QStringLiteral("amlfw: ") << label << QStringLiteral(": ") << p.toString() << Qt::endl;
    }
}

void CliApp::addSelectionOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("cloud"), tr("Cloud: public, usgov or china."), QStringLiteral("cloud")});
    parser.addOption({QStringLiteral("region"), tr("Region of the workspace, such as japaneast."), QStringLiteral("region")});
    parser.addOption({QStringLiteral("storage"), tr("Name of the workspace's default storage account."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("features"),
                      tr("Comma-separated feature ids (\"amlfw features\" lists them); \"\" for none."),
                      QStringLiteral("ids")});
    parser.addOption({QStringLiteral("all-features"), tr("Select every feature.")});
    parser.addOption({QStringLiteral("udr"), tr("How the inbound routes are written: service-tags (default) or ip-ranges."),
                      QStringLiteral("method")});
    parser.addOption({QStringLiteral("profile"), tr("Read answers from a profile file; flags override it."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("catalog"), tr("Use this rule catalog instead of the built-in one."),
                      QStringLiteral("file")});
}

bool CliApp::loadCatalog(const QCommandLineParser &parser, Catalog *catalog)
{
    Problems problems;
    if (parser.isSet(QStringLiteral("catalog"))) {
        const QString path = parser.value(QStringLiteral("catalog"));
        *catalog = Catalog::fromFile(path, &problems);
    } else {
        *catalog = Catalog::builtIn(&problems);
    }
    if (!catalog->isValid()) {
        printProblems(problems);
        m_err << QStringLiteral("amlfw: ") << tr("the rule catalog cannot be used (%1 problems).").arg(problems.size())
              << Qt::endl;
        return false;
    }
    printProblems(problems); // warnings only
    return true;
}

bool CliApp::buildRuleSet(const QCommandLineParser &parser, const Catalog &catalog, RuleSet *set)
{
    Answers answers;
    bool featuresGiven = false;
    if (parser.isSet(QStringLiteral("profile"))) {
        Problems problems;
        const auto profile = Profile::fromFile(parser.value(QStringLiteral("profile")), &problems);
        printProblems(problems);
        if (!profile)
            return false;
        profile->applyTo(&answers);
        featuresGiven = profile->features.has_value();
    }
    if (parser.isSet(QStringLiteral("cloud")))
        answers.cloud = parser.value(QStringLiteral("cloud")).trimmed();
    if (parser.isSet(QStringLiteral("region")))
        answers.region = parser.value(QStringLiteral("region")).trimmed();
    if (parser.isSet(QStringLiteral("storage")))
        answers.storage = parser.value(QStringLiteral("storage"));
    if (parser.isSet(QStringLiteral("features")) && parser.isSet(QStringLiteral("all-features"))) {
        fail(tr("use either --features or --all-features, not both."));
        return false;
    }
    if (parser.isSet(QStringLiteral("features"))) {
        answers.features = splitList(parser.value(QStringLiteral("features")));
        featuresGiven = true;
    } else if (parser.isSet(QStringLiteral("all-features"))) {
        answers.features = catalog.featureIds();
        featuresGiven = true;
    }
    if (!featuresGiven) {
        fail(tr("choose the features with --features a,b,c or --all-features (--features \"\" for none)."));
        return false;
    }
    if (parser.isSet(QStringLiteral("udr"))) {
        const auto udr = udrMethodFromId(parser.value(QStringLiteral("udr")));
        if (!udr) {
            fail(tr("\"%1\" is not a route method: use service-tags or ip-ranges.").arg(parser.value(QStringLiteral("udr"))));
            return false;
        }
        answers.udr = *udr;
    }
    *set = RuleGenerator::generate(catalog, answers);
    // Locations name the flag the user typed.
    Problems problems = set->problems;
    for (Problem &p : problems) {
        if (!p.location.isEmpty() && !p.location.startsWith(u'-') && !p.location.contains(u':'))
            p.location = QStringLiteral("--") + p.location;
    }
    printProblems(problems);
    return set->isValid();
}

bool CliApp::loadRuleSet(const QCommandLineParser &parser, RuleSet *set)
{
    Catalog catalog;
    return loadCatalog(parser, &catalog) && buildRuleSet(parser, catalog, set);
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
    QList<QPair<QString, QString>> commands{
        {QStringLiteral("rules"), tr("Show the rules a scenario needs.")},
        {QStringLiteral("export"), tr("Write an ARM template, CSV or JSON file for the change.")},
        {QStringLiteral("features"), tr("List the feature ids.")},
        {QStringLiteral("regions"), tr("List the regions of a cloud.")},
    };
    for (const Command &c : extraCommands())
        commands.append({c.name, c.summary()});
    for (const auto &c : commands)
        text += QStringLiteral("  ") + c.first.leftJustified(10) + c.second + u'\n';
    text += u'\n' + tr("Options:") + u'\n';
    text += QStringLiteral("  --help     ") + tr("Show help; \"amlfw <command> --help\" for a command.") + u'\n';
    text += QStringLiteral("  --version  ") + tr("Show the version.") + u'\n';
    text += QStringLiteral("  --lang     ") + tr("Language of the output and messages: en or ja.") + u'\n';
    text += u'\n' + tr("Example:") + u'\n';
    text += QStringLiteral("  amlfw rules --cloud public --region japaneast --storage mystore --features compute-instance,python\n");
    return text;
}

QString CliApp::commandHelp(const QCommandLineParser &parser, const QString &command) const
{
    QString text = parser.helpText();
    // QCommandLineParser prints the program name only; show the command too.
    text.replace(QStringLiteral("Usage: ") + QCoreApplication::applicationFilePath(),
                 QStringLiteral("Usage: amlfw ") + command);
    const QString binary = QFileInfo(QCoreApplication::applicationFilePath()).fileName();
    text.replace(QStringLiteral("Usage: ") + binary + u' ', QStringLiteral("Usage: amlfw ") + command + u' ');
    return text;
}

int CliApp::run(const QStringList &arguments)
{
    if (const auto lang = preScanLanguage(arguments)) {
        const auto language = languageFromCode(*lang);
        if (!language)
            return fail(tr("\"%1\" is not a language: use en or ja.").arg(*lang));
        m_language = *language;
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
    parser.addPositionalArgument(QStringLiteral("command"), tr("The command."), command);

    std::function<int(QCommandLineParser &)> runner;
    if (command == u"rules") {
        parser.setApplicationDescription(tr("Show the rules a scenario needs."));
        addSelectionOptions(parser);
        parser.addOption(formatOption(QStringLiteral("table, csv, json, markdown"), QStringLiteral("table")));
        parser.addOption({QStringLiteral("view"),
                          tr("For table and markdown: firewall (Azure Firewall, default), hosts (other firewalls) or all."),
                          QStringLiteral("view"), QStringLiteral("firewall")});
        runner = [this](QCommandLineParser &p) { return runRules(p); };
    } else if (command == u"export") {
        parser.setApplicationDescription(tr("Write an ARM template, CSV or JSON file for the change."));
        addSelectionOptions(parser);
        parser.addOption(formatOption(QStringLiteral("arm, csv, json"), QString()));
        parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, tr("File to write (\"-\" for standard output)."),
                          QStringLiteral("file")});
        parser.addOption({QStringLiteral("policy"), tr("ARM: create a new firewall policy (new, default) or add to an existing one (existing)."),
                          QStringLiteral("new|existing"), QStringLiteral("new")});
        parser.addOption({QStringLiteral("policy-name"), tr("ARM: firewall policy name (default fwpol-aml)."),
                          QStringLiteral("name"), QStringLiteral("fwpol-aml")});
        parser.addOption({QStringLiteral("rcg-name"), tr("ARM: rule collection group name (default AzureML)."),
                          QStringLiteral("name"), QStringLiteral("AzureML")});
        parser.addOption({QStringLiteral("rcg-priority"), tr("ARM: rule collection group priority, 100-65000 (default 500)."),
                          QStringLiteral("n"), QStringLiteral("500")});
        parser.addOption({QStringLiteral("source-addresses"),
                          tr("ARM and CSV: address prefixes of the AML compute subnet, comma-separated."),
                          QStringLiteral("cidrs")});
        parser.addOption({QStringLiteral("location"), tr("ARM: location of new resources (default: the resource group's)."),
                          QStringLiteral("location")});
        parser.addOption({QStringLiteral("tier"), tr("ARM: firewall policy tier, standard (default) or premium."),
                          QStringLiteral("tier"), QStringLiteral("standard")});
        parser.addOption({QStringLiteral("route-table"),
                          tr("ARM: routes in a new route table (default), an existing one, or none."),
                          QStringLiteral("new|existing|none"), QStringLiteral("new")});
        parser.addOption({QStringLiteral("route-table-name"), tr("ARM: route table name (default rt-aml-compute)."),
                          QStringLiteral("name"), QStringLiteral("rt-aml-compute")});
        parser.addOption({QStringLiteral("firewall-ip"),
                          tr("ARM: the firewall's private IP; adds a default route through it to a new route table."),
                          QStringLiteral("ip")});
        parser.addOption({QStringLiteral("no-alternatives"),
                          tr("ARM: leave out the service-tag rules that stand in for what Azure Firewall cannot express.")});
        parser.addOption({QStringLiteral("both-languages"), tr("CSV: purpose in English and Japanese columns.")});
        parser.addOption({QStringLiteral("no-bom"), tr("CSV: no UTF-8 byte order mark.")});
        runner = [this](QCommandLineParser &p) { return runExport(p); };
    } else if (command == u"features") {
        parser.setApplicationDescription(tr("List the feature ids."));
        parser.addOption({QStringLiteral("catalog"), tr("Use this rule catalog instead of the built-in one."),
                          QStringLiteral("file")});
        runner = [this](QCommandLineParser &p) { return runFeatures(p); };
    } else if (command == u"regions") {
        parser.setApplicationDescription(tr("List the regions of a cloud."));
        parser.addOption({QStringLiteral("cloud"), tr("Cloud: public, usgov or china."), QStringLiteral("cloud")});
        parser.addOption({QStringLiteral("catalog"), tr("Use this rule catalog instead of the built-in one."),
                          QStringLiteral("file")});
        runner = [this](QCommandLineParser &p) { return runRegions(p); };
    } else {
        for (const Command &c : extraCommands()) {
            if (c.name == command) {
                parser.setApplicationDescription(c.summary());
                c.addOptions(parser);
                runner = [this, c](QCommandLineParser &p) { return c.run(*this, p); };
            }
        }
    }
    if (!runner)
        return fail(tr("unknown command \"%1\"; \"amlfw --help\" lists the commands.").arg(command));

    if (!parser.parse(arguments))
        return fail(parser.errorText() + u' ' + tr("(\"amlfw %1 --help\" shows the options.)").arg(command));
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << commandHelp(parser, command);
        return Success;
    }
    if (parser.positionalArguments().size() > 1)
        return fail(tr("unexpected argument \"%1\".").arg(parser.positionalArguments().at(1)));
    return runner(parser);
}

int CliApp::runRules(QCommandLineParser &parser)
{
    const QString format = parser.value(QStringLiteral("format"));
    const auto view = ruleViewFromId(parser.value(QStringLiteral("view")));
    if (!view)
        return fail(tr("\"%1\" is not a view: use firewall, hosts or all.").arg(parser.value(QStringLiteral("view"))));
    if (format != u"table" && format != u"csv" && format != u"json" && format != u"markdown")
        return fail(tr("\"%1\" is not a format of \"rules\": use table, csv, json or markdown.").arg(format));
    RuleSet set;
    if (!loadRuleSet(parser, &set))
        return BadInput;

    if (format == u"json")
        return writeOutput(QStringLiteral("-"), JsonExporter::write(set, m_language)) ? Success : BadInput;
    if (format == u"csv") {
        CsvOptions options;
        options.language = m_language;
        options.byteOrderMark = false; // a terminal or pipe; "export" writes files with the BOM
        return writeOutput(QStringLiteral("-"), CsvExporter::write(set, options)) ? Success : BadInput;
    }
    if (format == u"markdown")
        m_out << TextReport::markdown(set, m_language, *view);
    else
        m_out << TextReport::table(set, m_language, *view, terminalWidth());
    m_out.flush();
    return Success;
}

int CliApp::runExport(QCommandLineParser &parser)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format.isEmpty())
        return fail(tr("choose the file format with --format arm, csv or json."));
    if (format != u"arm" && format != u"csv" && format != u"json")
        return fail(tr("\"%1\" is not a format of \"export\": use arm, csv or json.").arg(format));
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        return fail(tr("name the file to write with --output FILE."));

    ArmOptions arm;
    arm.language = m_language;
    const QString policy = parser.value(QStringLiteral("policy"));
    if (policy == u"new")
        arm.policy = ArmOptions::Policy::New;
    else if (policy == u"existing")
        arm.policy = ArmOptions::Policy::Existing;
    else
        return fail(tr("\"%1\" is not a policy mode: use new or existing.").arg(policy));
    arm.policyName = parser.value(QStringLiteral("policy-name"));
    arm.ruleCollectionGroupName = parser.value(QStringLiteral("rcg-name"));
    bool ok = false;
    arm.ruleCollectionGroupPriority = parser.value(QStringLiteral("rcg-priority")).toInt(&ok);
    if (!ok)
        return fail(tr("\"%1\" is not a number: --rcg-priority takes 100 to 65000.").arg(parser.value(QStringLiteral("rcg-priority"))));
    arm.sourceAddresses = splitList(parser.value(QStringLiteral("source-addresses")));
    arm.location = parser.value(QStringLiteral("location"));
    const QString tier = parser.value(QStringLiteral("tier"));
    if (tier == u"standard")
        arm.tier = ArmOptions::Tier::Standard;
    else if (tier == u"premium")
        arm.tier = ArmOptions::Tier::Premium;
    else
        return fail(tr("\"%1\" is not a tier: use standard or premium.").arg(tier));
    const QString routeTable = parser.value(QStringLiteral("route-table"));
    if (routeTable == u"new")
        arm.routeTable = ArmOptions::RouteTable::New;
    else if (routeTable == u"existing")
        arm.routeTable = ArmOptions::RouteTable::Existing;
    else if (routeTable == u"none")
        arm.routeTable = ArmOptions::RouteTable::None;
    else
        return fail(tr("\"%1\" is not a route table mode: use new, existing or none.").arg(routeTable));
    arm.routeTableName = parser.value(QStringLiteral("route-table-name"));
    arm.firewallPrivateIp = parser.value(QStringLiteral("firewall-ip"));
    arm.includeAlternatives = !parser.isSet(QStringLiteral("no-alternatives"));
    if (format == u"arm") {
        const Problems problems = ArmExporter::validateOptions(arm);
        if (hasErrors(problems)) {
            printProblems(problems);
            return BadInput;
        }
    } else if (format == u"csv") {
        for (const QString &address : std::as_const(arm.sourceAddresses)) {
            if (!ArmExporter::isValidSourceAddress(address))
                return fail(tr("\"%1\" is not an IP address or CIDR range (such as 10.0.1.0/24).").arg(address));
        }
    }

    RuleSet set;
    if (!loadRuleSet(parser, &set))
        return BadInput;

    QByteArray data;
    if (format == u"arm") {
        data = ArmExporter::write(set, arm);
    } else if (format == u"csv") {
        CsvOptions options;
        options.language = m_language;
        options.bothLanguages = parser.isSet(QStringLiteral("both-languages"));
        options.byteOrderMark = !parser.isSet(QStringLiteral("no-bom"));
        options.sourceAddresses = arm.sourceAddresses;
        data = CsvExporter::write(set, options);
    } else {
        data = JsonExporter::write(set, m_language);
    }
    if (!writeOutput(output, data))
        return BadInput;
    if (output != u"-")
        m_err << QStringLiteral("amlfw: ")
              << tr("wrote %1 (%2 rules).").arg(QDir::toNativeSeparators(output)).arg(set.rules.size()) << Qt::endl;
    return Success;
}

int CliApp::runFeatures(QCommandLineParser &parser)
{
    Catalog catalog;
    if (!loadCatalog(parser, &catalog))
        return BadInput;
    for (const FeatureGroup &group : catalog.featureGroups) {
        m_out << group.name.text(m_language) << u'\n';
        for (const Feature &f : catalog.features) {
            if (f.group != group.id)
                continue;
            m_out << QStringLiteral("  ") << f.id.leftJustified(18) << u' ' << f.name.text(m_language) << u'\n';
            m_out << QStringLiteral("  ") << QString(19, u' ') << f.description.text(m_language) << u'\n';
            if (!f.implies.isEmpty())
                m_out << QStringLiteral("  ") << QString(19, u' ')
                      << tr("Includes: %1").arg(f.implies.join(QStringLiteral(", "))) << u'\n';
        }
        m_out << u'\n';
    }
    m_out.flush();
    return Success;
}

int CliApp::runRegions(QCommandLineParser &parser)
{
    Catalog catalog;
    if (!loadCatalog(parser, &catalog))
        return BadInput;
    const QString cloud = parser.value(QStringLiteral("cloud"));
    if (cloud.isEmpty())
        return fail(tr("choose the cloud with --cloud %1.").arg(catalog.cloudIds().join(u'|')));
    const Problems problems = AnswersValidator::validateCloud(catalog, cloud);
    if (hasErrors(problems)) {
        printProblems(problems);
        return BadInput;
    }
    QString table;
    const QStringList header{tr("Region"), tr("Name"), tr("Azure ML"), tr("Paired region"), tr("Geography")};
    QList<QStringList> rows;
    for (const Region &r : catalog.regions.value(cloud)) {
        const Geography *g = catalog.geography(r.geography);
        rows << QStringList{r.name, r.display.text(m_language), r.aml ? tr("yes") : tr("no"),
                            r.pair.isEmpty() ? QStringLiteral("-") : r.pair, g ? g->name.text(m_language) : r.geography};
    }
    QList<int> widths;
    for (const QString &h : header)
        widths << TextReport::displayWidth(h);
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], TextReport::displayWidth(row.at(i)));
    auto line = [&](const QStringList &cells) -> QString {
        QString s;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            s += cells.at(i);
            if (i + 1 < cells.size())
                s += QString(widths.at(i) - TextReport::displayWidth(cells.at(i)) + 2, u' ');
        }
        return s + u'\n';
    };
    m_out << line(header);
    for (const QStringList &row : std::as_const(rows))
        m_out << line(row);
    m_out.flush();
    return Success;
}

} // namespace amlfw
