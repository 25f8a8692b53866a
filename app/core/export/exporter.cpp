#include "exporter.h"

#include "azcliexporter.h"
#include "csvexporter.h"
#include "fqdnlistexporter.h"
#include "iplistexporter.h"
#include "jsonexporter.h"
#include "managednetworkexporter.h"
#include "terraformexporter.h"
#include "xlsxexporter.h"

namespace amlfw {

QList<ExportFormat> Exporter::formats()
{
    QList<ExportFormat> list;
    for (const auto &entry : exportFormatIds.entries())
        list.append(entry.value);
    return list;
}

QString Exporter::title(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Arm:
        return tr("ARM template");
    case ExportFormat::Terraform:
        return tr("Terraform");
    case ExportFormat::AzCli:
        return tr("Azure CLI script");
    case ExportFormat::ManagedNetwork:
        return tr("Managed network rules (YAML)");
    case ExportFormat::Csv:
        return tr("CSV");
    case ExportFormat::Xlsx:
        return tr("Excel workbook");
    case ExportFormat::Json:
        return tr("JSON");
    case ExportFormat::FqdnList:
        return tr("Host name list");
    case ExportFormat::IpList:
        return tr("Address prefix list");
    }
    return {};
}

QString Exporter::summary(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Arm:
        return tr("Azure Firewall policy rules and routes as a template to deploy.");
    case ExportFormat::Terraform:
        return tr("The same firewall policy rules and routes as a .tf file for the azurerm provider 4.x.");
    case ExportFormat::AzCli:
        return tr("A bash script of az commands that creates the policy rules and routes.");
    case ExportFormat::ManagedNetwork:
        return tr("The outbound rules of a managed virtual network, for az ml workspace update --file.");
    case ExportFormat::Csv:
        return tr("One row per rule, for a change-approval ticket.");
    case ExportFormat::Xlsx:
        return tr("A workbook for a change ticket: a cover sheet and one sheet per view.");
    case ExportFormat::Json:
        return tr("Every rule with every field, for scripts.");
    case ExportFormat::FqdnList:
        return tr("Every host name, one per line, for other firewalls and proxies.");
    case ExportFormat::IpList:
        return tr("The address prefixes of the service tags, one per line (needs a service tags file).");
    }
    return {};
}

QString Exporter::fileSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Arm:
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::Terraform:
        return QStringLiteral("tf");
    case ExportFormat::AzCli:
        return QStringLiteral("sh");
    case ExportFormat::ManagedNetwork:
        return QStringLiteral("yaml");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Xlsx:
        return QStringLiteral("xlsx");
    case ExportFormat::FqdnList:
    case ExportFormat::IpList:
        return QStringLiteral("txt");
    }
    return {};
}

bool Exporter::isText(ExportFormat format)
{
    return format != ExportFormat::Xlsx;
}

bool Exporter::appliesTo(ExportFormat format, ExportOption option)
{
    const bool firewall
        = format == ExportFormat::Arm || format == ExportFormat::Terraform || format == ExportFormat::AzCli;
    switch (option) {
    case ExportOption::Deployment:
    case ExportOption::Alternatives:
        return firewall;
    case ExportOption::SourceAddresses:
        return firewall || format == ExportFormat::Csv || format == ExportFormat::Xlsx;
    case ExportOption::BothLanguages:
        return format == ExportFormat::Csv || format == ExportFormat::Xlsx;
    case ExportOption::ByteOrderMark:
        return format == ExportFormat::Csv;
    case ExportOption::WildcardStyle:
        return format == ExportFormat::FqdnList;
    case ExportOption::IpVersion:
        return format == ExportFormat::IpList;
    case ExportOption::ServiceTags:
        return format != ExportFormat::ManagedNetwork && format != ExportFormat::FqdnList;
    }
    return false;
}

Problems Exporter::validate(const RuleSet &set, ExportFormat format, const ExportOptions &options)
{
    Problems problems;
    if (appliesTo(format, ExportOption::SourceAddresses) && !appliesTo(format, ExportOption::Deployment)) {
        for (const QString &address : std::as_const(options.deployment.sourceAddresses)) {
            if (!ArmExporter::isValidSourceAddress(address))
                problems.append(Problem::error(
                    QStringLiteral("--source-addresses"),
                    TranslatableText("amlfw::Exporter",
                                     QT_TRANSLATE_NOOP("amlfw::Exporter",
                                                       "\"%1\" is not an IP address or CIDR range (such as 10.0.1.0/24)."))
                        .arg(address)));
        }
    }
    switch (format) {
    case ExportFormat::Arm:
        problems += ArmExporter::validateOptions(options.deployment);
        if (!hasErrors(problems))
            problems += ArmExporter::validateRuleSet(set);
        break;
    case ExportFormat::Terraform:
        problems += TerraformExporter::validate(set, options);
        break;
    case ExportFormat::AzCli:
        problems += AzCliExporter::validate(set, options);
        break;
    case ExportFormat::ManagedNetwork:
        problems += ManagedNetworkExporter::validate(set, options);
        break;
    case ExportFormat::Xlsx:
        problems += XlsxExporter::validate(set, options);
        break;
    case ExportFormat::FqdnList:
        problems += FqdnListExporter::validate(set, options);
        break;
    case ExportFormat::IpList:
        problems += IpListExporter::validate(set, options);
        break;
    case ExportFormat::Csv:
    case ExportFormat::Json:
        break;
    }
    return problems;
}

QByteArray Exporter::write(const RuleSet &set, ExportFormat format, const ExportOptions &options)
{
    switch (format) {
    case ExportFormat::Arm: {
        ArmOptions arm = options.deployment;
        arm.language = options.language;
        return ArmExporter::write(set, arm);
    }
    case ExportFormat::Terraform:
        return TerraformExporter::write(set, options);
    case ExportFormat::AzCli:
        return AzCliExporter::write(set, options);
    case ExportFormat::ManagedNetwork:
        return ManagedNetworkExporter::write(set, options);
    case ExportFormat::Csv: {
        CsvOptions csv;
        csv.language = options.language;
        csv.bothLanguages = options.bothLanguages;
        csv.byteOrderMark = options.byteOrderMark;
        csv.sourceAddresses = options.deployment.sourceAddresses;
        return CsvExporter::write(set, csv);
    }
    case ExportFormat::Xlsx:
        return XlsxExporter::write(set, options);
    case ExportFormat::Json:
        return JsonExporter::write(set, options.language);
    case ExportFormat::FqdnList:
        return FqdnListExporter::write(set, options);
    case ExportFormat::IpList:
        return IpListExporter::write(set, options);
    }
    return {};
}

} // namespace amlfw
