#include "csvexporter.h"

#include "azurefirewall.h"
#include "rulelabels.h"
#include "servicetags.h"

#include <algorithm>

namespace amlfw {

QString CsvExporter::neutralize(const QString &value)
{
    if (value.isEmpty())
        return value;
    const QChar first = value.front();
    // =, +, -, @ start formulas in Excel, LibreOffice and Google Sheets; tab and CR do in some. A lone
    // +, - or @ is text to all of them (the "-" of a route's ports): guarding it would print "'-".
    if (first == u'=' || first == u'\t' || first == u'\r')
        return u'\'' + value;
    if ((first == u'+' || first == u'-' || first == u'@') && value.size() > 1)
        return u'\'' + value;
    return value;
}

QString CsvExporter::cell(const QString &value)
{
    const QString safe = neutralize(value);
    const bool quote = safe.contains(u',') || safe.contains(u'"') || safe.contains(u'\n') || safe.contains(u'\r')
                       || safe.startsWith(u' ') || safe.endsWith(u' ');
    if (!quote)
        return safe;
    QString escaped = safe;
    escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QString CsvExporter::prefixesCell(const RuleSet &set, const Rule &rule)
{
    if (!set.serviceTags || serviceTagOf(rule).isEmpty())
        return {};
    if (!set.hasAddressPrefixes(rule))
        return tr("not in the file");
    // One per line; a spreadsheet cell holds 32767 characters, the global tags (Storage, AzureCloud) more.
    const QStringList prefixes = set.addressPrefixes(rule);
    constexpr qsizetype kCellLimit = 32000;
    QString out;
    qsizetype written = 0;
    for (const QString &prefix : prefixes) {
        if (out.size() + prefix.size() + 1 > kCellLimit)
            break;
        if (!out.isEmpty())
            out += u'\n';
        out += prefix;
        ++written;
    }
    if (written < prefixes.size())
        out += u'\n' + tr("… %n more (the JSON export lists them all)", nullptr, int(prefixes.size() - written));
    return out;
}

QByteArray CsvExporter::write(const RuleSet &set, const CsvOptions &options)
{
    const Language lang = options.language;
    QStringList header{tr("ID"),          tr("Direction"), tr("Rule type"), tr("Source"),
                       tr("Destination"), tr("Protocol"),  tr("Ports"),     tr("Features")};
    if (options.bothLanguages)
        header << tr("Purpose (English)") << tr("Purpose (Japanese)");
    else
        header << tr("Purpose");
    header << tr("Article section") << tr("Notes");
    // Editions with a managed network or optional answers say, per rule, which network and which answer.
    const bool editionColumns
        = set.catalog.hasNetwork(NetworkKind::Managed)
          || std::any_of(set.rules.cbegin(), set.rules.cend(), [](const Rule &r) { return !r.unanswered.isEmpty(); });
    if (editionColumns)
        header << tr("Network") << tr("Added by Azure") << tr("Answer needed");
    // With a service tags file: the prefixes of each rule's tag, the file's change number and date in the
    // header (they change weekly).
    if (set.serviceTags)
        header << tr("Address prefixes (%1, %2)").arg(set.serviceTags->fileName, set.serviceTags->versionText());

    QString out;
    auto writeRow = [&](const QStringList &cells) {
        QStringList escaped;
        for (const QString &c : cells)
            escaped << cell(c);
        out += escaped.join(u',') + QStringLiteral("\r\n");
    };
    writeRow(header);

    const QString subnet = RuleLabels::computeSubnet(options.sourceAddresses);
    for (const Rule &rule : set.rules) {
        QStringList row{rule.id,
                        RuleLabels::direction(rule.direction),
                        AzureFirewall::ruleTypeLabel(rule),
                        RuleLabels::source(rule, subnet),
                        RuleLabels::target(rule, subnet),
                        RuleLabels::protocol(rule),
                        RuleLabels::ports(rule.ports, lang),
                        RuleLabels::features(set, rule, lang)};
        if (options.bothLanguages)
            row << RuleLabels::purpose(rule, Language::English) << RuleLabels::purpose(rule, Language::Japanese);
        else
            row << RuleLabels::purpose(rule, lang);
        row << RuleLabels::sections(set, rule, lang) << RuleLabels::notes(rule, lang).join(u'\n');
        if (editionColumns) {
            QStringList answers;
            for (const QString &name : rule.unanswered)
                answers << u'<' + name + u'>';
            row << (rule.network == NetworkKind::Managed ? tr("Managed virtual network") : tr("Your network"))
                << (rule.automatic ? tr("Yes") : tr("No")) << answers.join(QStringLiteral(", "));
        }
        if (set.serviceTags)
            row << prefixesCell(set, rule);
        writeRow(row);
    }

    QByteArray bytes;
    if (options.byteOrderMark)
        bytes = QByteArrayLiteral("\xEF\xBB\xBF");
    bytes += out.toUtf8();
    return bytes;
}

} // namespace amlfw
