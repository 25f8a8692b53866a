#pragma once

#include "armexporter.h"
#include "enumtable.h"
#include "language.h"

#include <QDateTime>
#include <QStringList>

namespace amlfw {

// Every file amlfw writes for a change, in the order `amlfw export --help` and the wizard list them.
enum class ExportFormat { Arm, Terraform, AzCli, ManagedNetwork, Csv, Xlsx, Json, FqdnList, IpList };
inline constexpr EnumTable exportFormatIds{std::to_array<EnumId<ExportFormat>>({
    {ExportFormat::Arm, "arm"},
    {ExportFormat::Terraform, "terraform"},
    {ExportFormat::AzCli, "az-cli"},
    {ExportFormat::ManagedNetwork, "managed-network"},
    {ExportFormat::Csv, "csv"},
    {ExportFormat::Xlsx, "xlsx"},
    {ExportFormat::Json, "json"},
    {ExportFormat::FqdnList, "fqdn-list"},
    {ExportFormat::IpList, "ip-list"},
})};

// How a wildcard FQDN is written in a list: "*.example.com" (star) or ".example.com" (dot, as Squid's
// dstdomain and several firewalls take it).
enum class WildcardStyle { Star, Dot };
inline constexpr EnumTable wildcardStyleIds{std::to_array<EnumId<WildcardStyle>>({
    {WildcardStyle::Star, "star"},
    {WildcardStyle::Dot, "dot"},
})};

enum class IpVersion { Both, V4, V6 };
inline constexpr EnumTable ipVersionIds{std::to_array<EnumId<IpVersion>>({
    {IpVersion::Both, "both"},
    {IpVersion::V4, "4"},
    {IpVersion::V6, "6"},
})};

// The groups of options; Exporter::appliesTo says which format takes which.
enum class ExportOption {
    Deployment,      // policy, its name, tier, location, rule collection group, route table, firewall IP
    SourceAddresses, // the compute subnet's prefixes
    Alternatives,    // service-tag rules standing in for what Azure Firewall cannot express
    BothLanguages,   // purposes in English and Japanese
    ByteOrderMark,   // UTF-8 BOM
    WildcardStyle,
    IpVersion,
    ServiceTags, // uses a service tags file when one is given (ip-list needs one)
};

// The options of every format; each exporter reads the ones that apply to it.
struct ExportOptions
{
    ArmOptions deployment; // ARM, Terraform and az CLI (sourceAddresses also for CSV and XLSX)
    Language language = Language::English;
    bool bothLanguages = false; // CSV, XLSX
    bool byteOrderMark = true;  // CSV
    WildcardStyle wildcardStyle = WildcardStyle::Star;
    IpVersion ipVersion = IpVersion::Both;
    QDateTime created; // the XLSX cover sheet and document properties; invalid: now
};

} // namespace amlfw
