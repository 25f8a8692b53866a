#include "rulelabels.h"

#include "azurefirewall.h"

namespace amlfw {

QString RuleLabels::direction(Direction direction)
{
    return direction == Direction::Inbound ? tr("Inbound") : tr("Outbound");
}

QString RuleLabels::kind(RuleKind kind)
{
    switch (kind) {
    case RuleKind::ServiceTag:
        return tr("Service tag");
    case RuleKind::Fqdn:
        return tr("FQDN");
    case RuleKind::Url:
        return tr("URL");
    case RuleKind::Route:
        return tr("Route");
    case RuleKind::PrivateEndpoint:
        return tr("Private endpoint");
    }
    return {};
}

QString RuleLabels::ports(const QStringList &ports, Language language)
{
    if (ports.isEmpty())
        return QStringLiteral("-");
    return ports.join(language == Language::Japanese ? QStringLiteral("、") : QStringLiteral(", "));
}

QString RuleLabels::protocol(const Rule &rule)
{
    return rule.protocol.isEmpty() ? QStringLiteral("-") : rule.protocol;
}

QString RuleLabels::protocol(const Rule &rule, const FirewallPart &part, Language language)
{
    if (part.appProtocols.isEmpty())
        return protocol(rule);
    return part.appProtocols.join(language == Language::Japanese ? QStringLiteral("、") : QStringLiteral(", "));
}

QString RuleLabels::features(const RuleSet &set, const Rule &rule, Language language)
{
    if (rule.features.isEmpty())
        return translate(language, "amlfw::RuleLabels", QT_TRANSLATE_NOOP("amlfw::RuleLabels", "Always"));
    QStringList names;
    for (const QString &id : rule.features) {
        const Feature *f = set.catalog.feature(id);
        names << (f ? f->name.text(language) : id);
    }
    return names.join(language == Language::Japanese ? QStringLiteral("、") : QStringLiteral(", "));
}

QString RuleLabels::featureIds(const Rule &rule)
{
    return rule.features.isEmpty() ? QStringLiteral("always") : rule.features.join(u',');
}

QString RuleLabels::tableTitle(const RuleSet &set, const QString &tableId, Language language)
{
    const Table *table = set.catalog.table(tableId);
    if (!table)
        return tableId;
    const Section *section = set.catalog.section(table->section);
    const QString sectionTitle = section ? section->title.text(language) : table->section;
    const QString tableTitle = table->title.text(language);
    // "Other firewalls: Python hosts › Python hosts" says it twice: the section's title is enough.
    if (sectionTitle.endsWith(tableTitle))
        return sectionTitle;
    return sectionTitle + QStringLiteral(" › ") + tableTitle;
}

QString RuleLabels::sections(const RuleSet &set, const Rule &rule, Language language)
{
    QStringList out;
    for (const QString &tableId : rule.tableIds())
        out << tableTitle(set, tableId, language);
    return out.join(QStringLiteral(" / "));
}

QString RuleLabels::purpose(const Rule &rule, Language language)
{
    return rule.purposes(language).join(QStringLiteral(" / "));
}

QStringList RuleLabels::notes(const Rule &rule, Language language)
{
    QStringList out;
    for (const Note &n : rule.notes) {
        const QString text = n.text.text(language);
        out << (n.severity == NoteSeverity::Warning
                    ? TranslatableText("amlfw::RuleLabels", QT_TRANSLATE_NOOP("amlfw::RuleLabels", "Warning: %1"))
                          .arg(text)
                          .toString(language)
                    : text);
    }
    out << AzureFirewall::explanations(rule, language);
    return out;
}

QString RuleLabels::computeSubnet(const QStringList &sourceAddresses)
{
    return sourceAddresses.isEmpty() ? tr("Azure ML compute subnet") : sourceAddresses.join(QStringLiteral(", "));
}

QString RuleLabels::source(const Rule &rule, const QString &subnet)
{
    if (rule.kind == RuleKind::Route)
        return tr("Route table of the compute subnet");
    return rule.direction == Direction::Inbound ? rule.destination : subnet;
}

QString RuleLabels::target(const Rule &rule, const QString &subnet)
{
    if (rule.kind == RuleKind::Route)
        return rule.destination;
    return rule.direction == Direction::Inbound ? subnet : rule.destination;
}

QString RuleLabels::destinationWithArticle(const Rule &rule)
{
    if (rule.articleDestination.isEmpty())
        return rule.destination;
    return tr("%1 (article: %2)").arg(rule.destination, rule.articleDestination);
}

QString RuleLabels::cloudName(const RuleSet &set, Language language)
{
    const Cloud *cloud = set.catalog.cloud(set.answers.cloud);
    return cloud ? cloud->name.text(language) : set.answers.cloud;
}

QString RuleLabels::regionName(const RuleSet &set, Language language)
{
    const Region *region = set.catalog.region(set.answers.cloud, set.answers.region);
    if (!region)
        return set.answers.region;
    return region->display.text(language) + QStringLiteral(" (") + region->name + u')';
}

} // namespace amlfw
