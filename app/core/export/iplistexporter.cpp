#include "iplistexporter.h"

#include "fqdnlistexporter.h"
#include "servicetags.h"

#include <QHostAddress>
#include <QSet>
#include <algorithm>
#include <tuple>

namespace amlfw {

namespace {

constexpr const char *kContext = "amlfw::IpListExporter";

QString text(Language language, const char *source, int n = -1)
{
    return translate(language, kContext, source, n);
}

bool wanted(const QHostAddress &address, IpVersion version)
{
    switch (version) {
    case IpVersion::Both:
        return true;
    case IpVersion::V4:
        return address.protocol() == QAbstractSocket::IPv4Protocol;
    case IpVersion::V6:
        return address.protocol() == QAbstractSocket::IPv6Protocol;
    }
    return true;
}

// IPv4 before IPv6, then by address and prefix length: the same order on every machine.
struct SortKey
{
    int family = 0;
    QByteArray address;
    int length = 0;
    bool operator<(const SortKey &other) const
    {
        return std::tie(family, address, length) < std::tie(other.family, other.address, other.length);
    }
};

SortKey sortKey(const QPair<QHostAddress, int> &subnet)
{
    SortKey key;
    key.length = subnet.second;
    if (subnet.first.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 a = subnet.first.toIPv4Address();
        key.address = QByteArray(4, 0);
        for (int i = 0; i < 4; ++i)
            key.address[i] = char((a >> (24 - 8 * i)) & 0xff);
    } else {
        const Q_IPV6ADDR a = subnet.first.toIPv6Address();
        key.family = 1;
        key.address = QByteArray(reinterpret_cast<const char *>(a.c), 16);
    }
    return key;
}

} // namespace

QList<IpListExporter::Tag> IpListExporter::tags(const RuleSet &set, IpVersion version)
{
    QList<Tag> out;
    QSet<QString> seen;
    for (const Rule &rule : set.rules) {
        const QString tag = serviceTagOf(rule);
        if (tag.isEmpty() || seen.contains(tag.toLower()))
            continue;
        seen.insert(tag.toLower());
        Tag entry;
        entry.name = tag;
        entry.inFile = set.hasAddressPrefixes(rule);
        for (const QString &prefix : set.addressPrefixes(rule)) {
            const auto subnet = QHostAddress::parseSubnet(prefix);
            if (subnet.first.isNull() || !wanted(subnet.first, version))
                continue;
            entry.prefixes << prefix;
        }
        out << entry;
    }
    return out;
}

QStringList IpListExporter::prefixes(const RuleSet &set, IpVersion version)
{
    QList<QPair<SortKey, QString>> keyed;
    QSet<QString> seen;
    for (const Tag &tag : tags(set, version)) {
        for (const QString &prefix : tag.prefixes) {
            const auto subnet = QHostAddress::parseSubnet(prefix);
            // An IPv6 prefix spelled two ways is one prefix: the first spelling stays, as the file has it.
            const QString canonical = subnet.first.toString() + u'/' + QString::number(subnet.second);
            if (seen.contains(canonical))
                continue;
            seen.insert(canonical);
            keyed.append({sortKey(subnet), prefix});
        }
    }
    std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList out;
    for (const auto &k : std::as_const(keyed))
        out << k.second;
    return out;
}

Problems IpListExporter::validate(const RuleSet &set, const ExportOptions &options)
{
    Q_UNUSED(options)
    Problems problems;
    if (!set.serviceTags) {
        problems << Problem::error(
            QStringLiteral("--service-tags"),
            TranslatableText(kContext,
                             QT_TRANSLATE_NOOP("amlfw::IpListExporter",
                                               "An address prefix list needs a service tags file: give --service-tags "
                                               "FILE (in the wizard: \"Service tags file…\") with the current \"Azure IP "
                                               "Ranges and Service Tags\" file of the rules' cloud (Public Cloud, US "
                                               "Government Cloud or China Cloud), which Microsoft publishes every week "
                                               "on the Microsoft Download Center.")));
        return problems;
    }
    const QList<Tag> all = tags(set, IpVersion::Both);
    if (all.isEmpty())
        problems << Problem::warning(
            set.serviceTags->fileName,
            TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::IpListExporter",
                                                          "no rule of this scenario names a service tag: the list is "
                                                          "empty")));
    for (const Tag &tag : all) {
        if (!tag.inFile)
            problems << Problem::warning(
                set.serviceTags->fileName,
                TranslatableText(kContext, QT_TRANSLATE_NOOP("amlfw::IpListExporter",
                                                             "the address prefix list leaves out the service tag %1: "
                                                             "this file (%2) does not list it"))
                    .arg(tag.name, set.serviceTags->versionText()));
    }
    return problems;
}

QByteArray IpListExporter::write(const RuleSet &set, const ExportOptions &options)
{
    const Language language = options.language;
    QStringList header = FqdnListExporter::headerLines(set, language);
    const QStringList list = prefixes(set, options.ipVersion);
    if (set.serviceTags) {
        header << text(language, QT_TRANSLATE_NOOP("amlfw::IpListExporter",
                                                   "Address prefixes of the service tags, from %1 (%2)."))
                      .arg(set.serviceTags->fileName, set.serviceTags->versionText());
        header << text(language, QT_TRANSLATE_NOOP("amlfw::IpListExporter",
                                                   "Microsoft updates the service tags files every week: write this "
                                                   "list again from the current file before each change."));
    }
    switch (options.ipVersion) {
    case IpVersion::Both:
        header << text(language, QT_TRANSLATE_NOOP("amlfw::IpListExporter", "IPv4 and IPv6."));
        break;
    case IpVersion::V4:
        header << text(language, QT_TRANSLATE_NOOP("amlfw::IpListExporter", "IPv4 only."));
        break;
    case IpVersion::V6:
        header << text(language, QT_TRANSLATE_NOOP("amlfw::IpListExporter", "IPv6 only."));
        break;
    }
    for (const Tag &tag : tags(set, options.ipVersion)) {
        if (tag.inFile)
            header << text(language, QT_TRANSLATE_N_NOOP("amlfw::IpListExporter", "%1: %n prefix(es)"),
                           int(tag.prefixes.size()))
                          .arg(tag.name);
        else
            header << text(language, QT_TRANSLATE_NOOP("amlfw::IpListExporter", "%1: not in the file, left out"))
                          .arg(tag.name);
    }
    header << text(language, QT_TRANSLATE_N_NOOP("amlfw::IpListExporter",
                                                 "%n address prefix(es), one per line, without duplicates."),
                   int(list.size()));

    QString out = FqdnListExporter::commentLines(header);
    for (const QString &prefix : list)
        out += prefix + u'\n';
    return out.toUtf8();
}

} // namespace amlfw
