#include "exportcommand.h"

#include "armexporter.h"
#include "cliapp.h"
#include "exporter.h"
#include "rulegenerator.h"

#include <QDir>

namespace amlfw {

namespace {

// Reads the ARM options; an error message when one is not valid.
std::optional<QString> readArmOptions(const QCommandLineParser &parser, ArmOptions *arm)
{
    const QString policy = parser.value(QStringLiteral("policy"));
    if (policy == u"new")
        arm->policy = ArmOptions::Policy::New;
    else if (policy == u"existing")
        arm->policy = ArmOptions::Policy::Existing;
    else
        return ExportCommand::tr("\"%1\" is not a policy mode: use new or existing.").arg(policy);
    arm->policyName = parser.value(QStringLiteral("policy-name"));
    arm->ruleCollectionGroupName = parser.value(QStringLiteral("rcg-name"));
    bool ok = false;
    arm->ruleCollectionGroupPriority = parser.value(QStringLiteral("rcg-priority")).toInt(&ok);
    if (!ok)
        return ExportCommand::tr("\"%1\" is not a number: --rcg-priority takes 100 to 65000.")
            .arg(parser.value(QStringLiteral("rcg-priority")));
    arm->sourceAddresses = CliApp::splitList(parser.value(QStringLiteral("source-addresses")));
    arm->location = parser.value(QStringLiteral("location"));
    const QString tier = parser.value(QStringLiteral("tier"));
    if (tier == u"standard")
        arm->tier = ArmOptions::Tier::Standard;
    else if (tier == u"premium")
        arm->tier = ArmOptions::Tier::Premium;
    else
        return ExportCommand::tr("\"%1\" is not a tier: use standard or premium.").arg(tier);
    const QString routeTable = parser.value(QStringLiteral("route-table"));
    if (routeTable == u"new")
        arm->routeTable = ArmOptions::RouteTable::New;
    else if (routeTable == u"existing")
        arm->routeTable = ArmOptions::RouteTable::Existing;
    else if (routeTable == u"none")
        arm->routeTable = ArmOptions::RouteTable::None;
    else
        return ExportCommand::tr("\"%1\" is not a route table mode: use new, existing or none.").arg(routeTable);
    arm->routeTableName = parser.value(QStringLiteral("route-table-name"));
    arm->firewallPrivateIp = parser.value(QStringLiteral("firewall-ip"));
    arm->includeAlternatives = !parser.isSet(QStringLiteral("no-alternatives"));
    return std::nullopt;
}

} // namespace

QString ExportCommand::description() const
{
    return tr("Write the change as a template, script, workbook or list (see --format).");
}

void ExportCommand::addOptions(QCommandLineParser &parser) const
{
    CliApp::addSelectionOptions(parser);
    QStringList ids;
    for (const ExportFormat f : Exporter::formats())
        ids << Exporter::id(f);
    parser.addOption(CliApp::formatOption(ids.join(QStringLiteral(", ")), QString()));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      tr("File to write (\"-\" for standard output).") + u' ' + CliApp::outputNote(),
                      QStringLiteral("file")});
    parser.addOption(CliApp::serviceTagsOption());
    parser.addOption({QStringLiteral("policy"),
                      tr("ARM, Terraform, az CLI: create a new firewall policy (new, default) or add to an existing "
                         "one (existing)."),
                      QStringLiteral("new|existing"), QStringLiteral("new")});
    parser.addOption({QStringLiteral("policy-name"),
                      tr("ARM, Terraform, az CLI: firewall policy name (default fwpol-aml)."), QStringLiteral("name"),
                      QStringLiteral("fwpol-aml")});
    parser.addOption({QStringLiteral("rcg-name"),
                      tr("ARM, Terraform, az CLI: rule collection group name (default AzureML)."),
                      QStringLiteral("name"), QStringLiteral("AzureML")});
    parser.addOption({QStringLiteral("rcg-priority"),
                      tr("ARM, Terraform, az CLI: rule collection group priority, 100-65000 (default 500)."),
                      QStringLiteral("n"), QStringLiteral("500")});
    parser.addOption({QStringLiteral("source-addresses"),
                      tr("ARM, Terraform, az CLI, CSV, XLSX: address prefixes of the AML compute subnet, "
                         "comma-separated."),
                      QStringLiteral("cidrs")});
    parser.addOption({QStringLiteral("location"),
                      tr("ARM, Terraform, az CLI: location of new resources (default: the resource group's)."),
                      QStringLiteral("location")});
    parser.addOption({QStringLiteral("tier"),
                      tr("ARM, Terraform, az CLI: firewall policy tier, standard (default) or premium."),
                      QStringLiteral("tier"), QStringLiteral("standard")});
    parser.addOption({QStringLiteral("route-table"),
                      tr("ARM, Terraform, az CLI: routes in a new route table (default), an existing one, or none."),
                      QStringLiteral("new|existing|none"), QStringLiteral("new")});
    parser.addOption({QStringLiteral("route-table-name"),
                      tr("ARM, Terraform, az CLI: route table name (default rt-aml-compute)."),
                      QStringLiteral("name"), QStringLiteral("rt-aml-compute")});
    parser.addOption({QStringLiteral("firewall-ip"),
                      tr("ARM, Terraform, az CLI: the firewall's private IP; adds a default route through it to a "
                         "new route table."),
                      QStringLiteral("ip")});
    parser.addOption({QStringLiteral("no-alternatives"),
                      tr("ARM, Terraform, az CLI: leave out the service-tag rules that stand in for what Azure "
                         "Firewall cannot express.")});
    parser.addOption({QStringLiteral("both-languages"), tr("CSV, XLSX: purposes in English and Japanese.")});
    parser.addOption({QStringLiteral("no-bom"), tr("CSV: no UTF-8 byte order mark.")});
    parser.addOption({QStringLiteral("wildcard-style"),
                      tr("fqdn-list: wildcards as *.example.com (star, default) or .example.com (dot)."),
                      QStringLiteral("star|dot"), QStringLiteral("star")});
    parser.addOption({QStringLiteral("ip-version"),
                      tr("ip-list: IPv4 prefixes (4), IPv6 prefixes (6) or both (default)."),
                      QStringLiteral("4|6|both"), QStringLiteral("both")});
}

QString ExportCommand::formatsHelp()
{
    QString text = tr("Formats:") + u'\n';
    for (const ExportFormat f : Exporter::formats())
        text += QStringLiteral("  ") + Exporter::id(f).leftJustified(17) + Exporter::summary(f) + u'\n';
    return text;
}

int ExportCommand::execute(CliApp &app, const QCommandLineParser &parser) const
{
    QStringList ids;
    for (const ExportFormat f : Exporter::formats())
        ids << Exporter::id(f);
    const QString formatId = parser.value(QStringLiteral("format"));
    if (formatId.isEmpty())
        return app.fail(tr("choose the file format with --format: %1.").arg(ids.join(QStringLiteral(", "))));
    const auto format = Exporter::fromId(formatId);
    if (!format)
        return app.fail(tr("\"%1\" is not a format of \"export\": use %2.")
                            .arg(formatId, ids.join(QStringLiteral(", "))));
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        return app.fail(tr("name the file to write with --output FILE."));

    ExportOptions options;
    options.language = app.language();
    options.deployment.language = app.language();
    if (const auto error = readArmOptions(parser, &options.deployment))
        return app.fail(*error);
    options.bothLanguages = parser.isSet(QStringLiteral("both-languages"));
    options.byteOrderMark = !parser.isSet(QStringLiteral("no-bom"));
    const auto wildcard = wildcardStyleIds.fromId(parser.value(QStringLiteral("wildcard-style")));
    if (!wildcard)
        return app.fail(tr("\"%1\" is not a wildcard style: use star or dot.")
                            .arg(parser.value(QStringLiteral("wildcard-style"))));
    options.wildcardStyle = *wildcard;
    const auto ipVersion = ipVersionIds.fromId(parser.value(QStringLiteral("ip-version")));
    if (!ipVersion)
        return app.fail(tr("\"%1\" is not an IP version: use 4, 6 or both.")
                            .arg(parser.value(QStringLiteral("ip-version"))));
    options.ipVersion = *ipVersion;
    if (*format == ExportFormat::Arm || *format == ExportFormat::Terraform || *format == ExportFormat::AzCli) {
        const Problems problems = ArmExporter::validateOptions(options.deployment);
        if (hasErrors(problems)) {
            app.printProblems(problems);
            return CliApp::BadInput;
        }
    }
    if (!app.checkOutput(output))
        return CliApp::BadInput;
    if (output == u"-" && !Exporter::isText(*format) && CliApp::isTerminal())
        return app.fail(tr("an Excel workbook is not for a terminal: name a file with --output FILE."));

    RuleSet set;
    if (!app.loadRuleSet(parser, &set))
        return CliApp::BadInput;

    const Problems problems = Exporter::validate(set, *format, options);
    if (!problems.isEmpty())
        app.printProblems(problems);
    if (hasErrors(problems))
        return CliApp::BadInput;
    const QByteArray data = Exporter::write(set, *format, options);
    if (!app.writeOutput(output, data))
        return CliApp::BadInput;
    if (output != u"-")
        // One arg() call: a path may hold "%1" itself.
        app.err() << QStringLiteral("amlfw: ")
                  << tr("wrote %1 (%n rule(s)).", nullptr, int(set.rules.size())).arg(QDir::toNativeSeparators(output))
                  << Qt::endl;
    return CliApp::Success;
}

} // namespace amlfw
