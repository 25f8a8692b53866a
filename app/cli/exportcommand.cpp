#include "exportcommand.h"

#include "armexporter.h"
#include "cliapp.h"
#include "csvexporter.h"
#include "jsonexporter.h"
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
    return tr("Write an ARM template, CSV or JSON file for the change.");
}

void ExportCommand::addOptions(QCommandLineParser &parser) const
{
    CliApp::addSelectionOptions(parser);
    parser.addOption(CliApp::formatOption(QStringLiteral("arm, csv, json"), QString()));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      tr("File to write (\"-\" for standard output).") + u' ' + CliApp::outputNote(),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("policy"),
                      tr("ARM: create a new firewall policy (new, default) or add to an existing one (existing)."),
                      QStringLiteral("new|existing"), QStringLiteral("new")});
    parser.addOption({QStringLiteral("policy-name"), tr("ARM: firewall policy name (default fwpol-aml)."),
                      QStringLiteral("name"), QStringLiteral("fwpol-aml")});
    parser.addOption({QStringLiteral("rcg-name"), tr("ARM: rule collection group name (default AzureML)."),
                      QStringLiteral("name"), QStringLiteral("AzureML")});
    parser.addOption({QStringLiteral("rcg-priority"),
                      tr("ARM: rule collection group priority, 100-65000 (default 500)."), QStringLiteral("n"),
                      QStringLiteral("500")});
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
    parser.addOption(
        {QStringLiteral("no-alternatives"),
         tr("ARM: leave out the service-tag rules that stand in for what Azure Firewall cannot express.")});
    parser.addOption({QStringLiteral("both-languages"), tr("CSV: purpose in English and Japanese columns.")});
    parser.addOption({QStringLiteral("no-bom"), tr("CSV: no UTF-8 byte order mark.")});
}

int ExportCommand::execute(CliApp &app, const QCommandLineParser &parser) const
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format.isEmpty())
        return app.fail(tr("choose the file format with --format arm, csv or json."));
    if (format != u"arm" && format != u"csv" && format != u"json")
        return app.fail(tr("\"%1\" is not a format of \"export\": use arm, csv or json.").arg(format));
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        return app.fail(tr("name the file to write with --output FILE."));

    ArmOptions arm;
    arm.language = app.language();
    if (const auto error = readArmOptions(parser, &arm))
        return app.fail(*error);
    if (format == u"arm") {
        const Problems problems = ArmExporter::validateOptions(arm);
        if (hasErrors(problems)) {
            app.printProblems(problems);
            return CliApp::BadInput;
        }
    } else if (format == u"csv") {
        for (const QString &address : std::as_const(arm.sourceAddresses)) {
            if (!ArmExporter::isValidSourceAddress(address))
                return app.fail(tr("\"%1\" is not an IP address or CIDR range (such as 10.0.1.0/24).").arg(address));
        }
    }
    if (!app.checkOutput(output))
        return CliApp::BadInput;

    RuleSet set;
    if (!app.loadRuleSet(parser, &set))
        return CliApp::BadInput;

    QByteArray data;
    if (format == u"arm") {
        if (const Problems problems = ArmExporter::validateRuleSet(set); hasErrors(problems)) {
            app.printProblems(problems);
            return CliApp::BadInput;
        }
        data = ArmExporter::write(set, arm);
    } else if (format == u"csv") {
        CsvOptions options;
        options.language = app.language();
        options.bothLanguages = parser.isSet(QStringLiteral("both-languages"));
        options.byteOrderMark = !parser.isSet(QStringLiteral("no-bom"));
        options.sourceAddresses = arm.sourceAddresses;
        data = CsvExporter::write(set, options);
    } else {
        data = JsonExporter::write(set, app.language());
    }
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
