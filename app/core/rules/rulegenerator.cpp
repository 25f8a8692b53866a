#include "rulegenerator.h"

#include "azurefirewall.h"
#include "hostname.h"
#include "portlist.h"

#include <QLoggingCategory>
#include <QSet>
#include <algorithm>

Q_LOGGING_CATEGORY(lcRules, "amlfw.rules", QtWarningMsg)

namespace amlfw {

namespace {

// One rule per destination, direction, kind and protocol: rows that differ only in their ports (an
// article lists graph.windows.net on 80,443 in one table and on 443 in another) are one rule with the
// union of the ports, so that no firewall rule collection names the same host twice.
QString mergeKey(Direction direction, RuleKind kind, const QString &destination, const QString &protocol,
                 const QString &udr)
{
    return directionId(direction) + u'|' + ruleKindId(kind) + u'|' + destination.toLower() + u'|' + protocol + u'|'
           + udr;
}

bool appliesToCloud(const QStringList &clouds, const QString &cloud)
{
    return clouds.isEmpty() || clouds.contains(cloud);
}

bool appliesTo(const Note &note, const Answers &answers)
{
    return appliesToCloud(note.clouds, answers.cloud)
           && (note.networks.isEmpty() || note.networks.contains(answers.network));
}

Note substituted(Note note, const QHash<QString, QString> &placeholders)
{
    note.text.en = substitutePlaceholders(note.text.en, placeholders);
    note.text.ja = substitutePlaceholders(note.text.ja, placeholders);
    return note;
}

} // namespace

RuleSet RuleGenerator::generate(const Catalog &catalog, const Answers &answers)
{
    RuleSet set;
    set.catalog = catalog;
    set.answers = answers;
    if (!catalog.isValid()) {
        set.problems << Problem::error(
            catalog.origin, TranslatableText("amlfw::RuleGenerator",
                                             QT_TRANSLATE_NOOP("amlfw::RuleGenerator",
                                                               "The rule catalog has errors and cannot be used.")));
        return set;
    }
    set.problems = AnswersValidator::validate(catalog, answers);
    if (hasErrors(set.problems))
        return set;

    const QString &cloud = answers.cloud;
    set.effectiveFeatures = catalog.expandFeatures(answers.features);
    const QSet<QString> features(set.effectiveFeatures.cbegin(), set.effectiveFeatures.cend());
    const Region *region = catalog.region(cloud, answers.region);
    set.pairedRegion = region ? region->pair : QString();
    set.placeholders = {{QStringLiteral("region"), answers.region},
                        {QStringLiteral("storage"), answers.storage},
                        {QStringLiteral("pair"), set.pairedRegion}};
    // Optional answers: unanswered, the placeholder stays and the rule says which answer fills it.
    if (!answers.acr.isEmpty())
        set.placeholders.insert(QStringLiteral("acr"), answers.acr.toLower());
    if (!answers.workspaceId.isEmpty())
        set.placeholders.insert(QStringLiteral("workspace-id"), answers.workspaceId.toLower());

    // Stable ids: a rule is named after the first catalog row of this cloud with its destination and
    // protocol, whatever the selected features.
    QHash<QString, QString> canonicalId;
    for (const CatalogRule &row : catalog.rules) {
        if (!appliesToCloud(row.clouds, cloud) || row.network != answers.network)
            continue;
        const QString key = mergeKey(row.direction, row.kind, row.destination, row.protocol, row.udr);
        if (!canonicalId.contains(key))
            canonicalId.insert(key, row.id);
    }

    QHash<QString, qsizetype> byKey;
    bool skippedPair = false;
    for (const CatalogRule &row : catalog.rules) {
        if (!appliesToCloud(row.clouds, cloud) || row.network != answers.network || !row.when.evaluate(features))
            continue;
        if (row.kind == RuleKind::Route && row.udr != udrMethodId(answers.udr))
            continue;
        if (placeholdersIn(row.destination).contains(QStringLiteral("pair")) && set.pairedRegion.isEmpty()) {
            skippedPair = true;
            continue;
        }

        QStringList ports;
        QStringList rowFeatures = row.when.positiveIdentifiers();
        QList<QSet<QString>> conditionPorts; // a set each: a rule may list thousands of ports
        for (const PortCondition &pc : row.portConditions)
            conditionPorts << QSet<QString>(pc.ports.cbegin(), pc.ports.cend());
        for (const QString &port : row.ports) {
            bool keep = true;
            for (qsizetype i = 0; i < row.portConditions.size(); ++i) {
                const PortCondition &pc = row.portConditions.at(i);
                if (!conditionPorts.at(i).contains(port))
                    continue;
                if (pc.when.evaluate(features)) {
                    for (const QString &f : pc.when.positiveIdentifiers()) {
                        if (!rowFeatures.contains(f))
                            rowFeatures << f;
                    }
                } else {
                    keep = false;
                }
            }
            if (keep)
                ports << port;
        }
        ports = normalizedPorts(ports);

        const QString destination = substitutePlaceholders(row.destination, set.placeholders);
        const QString key = mergeKey(row.direction, row.kind, destination, row.protocol, row.udr);
        RuleSource source{
            row.id,    row.index,       catalog.table(row.table) ? catalog.table(row.table)->section : QString(),
            row.table, row.when.text(), row.purpose, ports};

        qsizetype index = byKey.value(key, -1);
        if (index < 0) {
            Rule rule;
            rule.id = canonicalId.value(
                mergeKey(row.direction, row.kind, row.destination, row.protocol, row.udr), row.id);
            rule.direction = row.direction;
            rule.kind = row.kind;
            rule.destination = destination;
            rule.destinationTemplate = row.destination;
            rule.protocol = row.protocol;
            rule.udr = row.udr;
            rule.network = row.network;
            rule.automatic = row.automatic;
            for (const QString &name : placeholdersIn(destination)) {
                if (!rule.unanswered.contains(name))
                    rule.unanswered << name;
            }
            set.rules << rule;
            index = set.rules.size() - 1;
            byKey.insert(key, index);
        }
        Rule &rule = set.rules[index];
        rule.sources << source;
        rule.ports = normalizedPorts(rule.ports + ports);
        if (rule.articleDestination.isEmpty() && !row.article.isEmpty())
            rule.articleDestination = row.article;
        if (rule.alternativeTag.isEmpty()) // "BatchNodeManagement.<region>"
            rule.alternativeTag = substitutePlaceholders(row.alternativeTag, set.placeholders);
        for (const QString &f : std::as_const(rowFeatures)) {
            if (features.contains(f) && !rule.features.contains(f))
                rule.features << f;
        }
        for (const QString &noteId : row.notes) {
            const Note *note = catalog.note(noteId);
            if (!note || !appliesTo(*note, answers))
                continue;
            const bool already
                = std::any_of(rule.notes.cbegin(), rule.notes.cend(), [&](const Note &n) { return n.id == noteId; });
            if (!already)
                rule.notes << substituted(*note, set.placeholders);
        }
    }

    // Rows with an always-on source keep no features, even when a later row listed some.
    for (Rule &rule : set.rules) {
        for (const RuleSource &s : std::as_const(rule.sources)) {
            const CatalogRule &row = catalog.rules.at(s.catalogIndex);
            if (row.when.isAlways() && row.portConditions.isEmpty()) {
                rule.features.clear();
                break;
            }
        }
        // Feature order follows the catalog.
        QStringList ordered;
        for (const QString &f : std::as_const(set.effectiveFeatures)) {
            if (rule.features.contains(f))
                ordered << f;
        }
        rule.features = ordered;
        if (rule.network == NetworkKind::Managed) // the managed network's own rule: no firewall of yours
        {
            FirewallPart part;
            part.type = FirewallRuleType::Managed;
            part.ports = rule.ports;
            part.target = rule.destination;
            rule.firewall = {part};
        } else
            rule.firewall = AzureFirewall::classify(rule, catalog, cloud);
    }

    for (const Note &note : catalog.scenarioNotes) {
        if (appliesTo(note, answers) && note.when.evaluate(features))
            set.scenarioNotes << substituted(note, set.placeholders);
    }
    if (skippedPair && answers.udr == UdrMethod::IpRanges)
        set.problems << Problem::warning(
            QStringLiteral("region"),
            TranslatableText(
                "amlfw::RuleGenerator",
                QT_TRANSLATE_NOOP(
                    "amlfw::RuleGenerator",
                    "%1 has no paired region: the IP address routes cover the region's own prefixes only."))
                .arg(answers.region));
    qCDebug(lcRules) << "generated" << set.rules.size() << "rules for" << cloud << answers.region
                     << set.effectiveFeatures;
    return set;
}

} // namespace amlfw
