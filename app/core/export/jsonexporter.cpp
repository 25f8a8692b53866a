#include "jsonexporter.h"

#include "azurefirewall.h"
#include "rulelabels.h"
#include "servicetags.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace amlfw {

namespace {

QJsonObject noteToJson(const Note &note, Language language)
{
    QJsonObject o{{QStringLiteral("id"), note.id},
                  {QStringLiteral("severity"), noteSeverityId(note.severity)},
                  {QStringLiteral("text"), note.text.text(language)}};
    if (note.knownIssue > 0)
        o.insert(QStringLiteral("knownIssue"), note.knownIssue);
    return o;
}

QJsonObject partToJson(const FirewallPart &part)
{
    QJsonObject o{{QStringLiteral("type"), firewallRuleTypeId(part.type)},
                  {QStringLiteral("ports"), QJsonArray::fromStringList(part.ports)},
                  {QStringLiteral("target"), part.target},
                  {QStringLiteral("label"), AzureFirewall::partLabel(part)}};
    if (!part.appProtocols.isEmpty())
        o.insert(QStringLiteral("protocols"), QJsonArray::fromStringList(part.appProtocols));
    if (part.dnsProxyRequired)
        o.insert(QStringLiteral("dnsProxyRequired"), true);
    if (part.reason != UnsupportedReason::None)
        o.insert(QStringLiteral("reason"), unsupportedReasonId(part.reason));
    if (!part.alternativeTag.isEmpty())
        o.insert(QStringLiteral("alternativeTag"), part.alternativeTag);
    if (!part.urlPath.isEmpty())
        o.insert(QStringLiteral("premiumTargetUrl"), part.urlPath);
    const QString explanation = AzureFirewall::explanation(part);
    if (!explanation.isEmpty())
        o.insert(QStringLiteral("explanation"), explanation);
    return o;
}

} // namespace

QJsonObject JsonExporter::ruleToJson(const RuleSet &set, const Rule &rule, Language language)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), rule.id);
    o.insert(QStringLiteral("direction"), directionId(rule.direction));
    o.insert(QStringLiteral("kind"), ruleKindId(rule.kind));
    o.insert(QStringLiteral("destination"), rule.destination);
    o.insert(QStringLiteral("destinationTemplate"), rule.destinationTemplate);
    if (!rule.articleDestination.isEmpty())
        o.insert(QStringLiteral("articleDestination"), rule.articleDestination);
    o.insert(QStringLiteral("protocol"), rule.protocol);
    o.insert(QStringLiteral("ports"), QJsonArray::fromStringList(rule.ports));
    if (!rule.udr.isEmpty())
        o.insert(QStringLiteral("udr"), rule.udr);
    // With a service tags file that lists the rule's tag (root "serviceTags" names the file).
    if (set.hasAddressPrefixes(rule))
        o.insert(QStringLiteral("addressPrefixes"), QJsonArray::fromStringList(set.addressPrefixes(rule)));
    o.insert(QStringLiteral("network"), networkKindId(rule.network));
    o.insert(QStringLiteral("automatic"), rule.automatic);
    o.insert(QStringLiteral("unanswered"), QJsonArray::fromStringList(rule.unanswered));
    if (!rule.unanswered.isEmpty()) {
        QJsonArray texts;
        for (const TranslatableText &t : AzureFirewall::unansweredTexts(rule))
            texts.append(t.toString(language));
        o.insert(QStringLiteral("answerNeeded"), texts);
    }
    o.insert(QStringLiteral("always"), rule.isAlways());
    o.insert(QStringLiteral("features"), QJsonArray::fromStringList(rule.features));
    o.insert(QStringLiteral("sections"), QJsonArray::fromStringList(rule.sectionIds()));
    o.insert(QStringLiteral("tables"), QJsonArray::fromStringList(rule.tableIds()));
    o.insert(QStringLiteral("purpose"), RuleLabels::purpose(rule, language));

    QJsonArray sources;
    for (const RuleSource &s : rule.sources) {
        const Section *section = set.catalog.section(s.section);
        const Table *table = set.catalog.table(s.table);
        QJsonObject so{{QStringLiteral("catalogId"), s.catalogId},
                       {QStringLiteral("section"), s.section},
                       {QStringLiteral("anchor"), section ? section->anchor : QString()},
                       {QStringLiteral("sectionTitle"), section ? section->title.text(language) : QString()},
                       {QStringLiteral("table"), s.table},
                       {QStringLiteral("tableTitle"), table ? table->title.text(language) : QString()},
                       {QStringLiteral("purpose"), s.purpose.text(language)}};
        if (!s.when.isEmpty())
            so.insert(QStringLiteral("when"), s.when);
        sources.append(so);
    }
    o.insert(QStringLiteral("sources"), sources);

    QJsonArray notes;
    for (const Note &n : rule.notes)
        notes.append(noteToJson(n, language));
    o.insert(QStringLiteral("notes"), notes);

    QJsonArray parts;
    for (const FirewallPart &p : rule.firewall)
        parts.append(partToJson(p));
    QJsonObject firewall{{QStringLiteral("type"), firewallRuleTypeId(rule.primaryType())},
                         {QStringLiteral("label"), AzureFirewall::ruleTypeLabel(rule)},
                         {QStringLiteral("dnsProxyRequired"), rule.needsDnsProxy()},
                         {QStringLiteral("parts"), parts}};
    o.insert(QStringLiteral("azureFirewall"), firewall);
    return o;
}

QJsonObject JsonExporter::toJson(const RuleSet &set, Language language)
{
    QJsonObject root;
    root.insert(QStringLiteral("amlfw"), QStringLiteral(AMLFW_VERSION));
    root.insert(QStringLiteral("language"), languageCode(language));

    QJsonObject catalog{{QStringLiteral("edition"), set.catalog.edition},
                        {QStringLiteral("title"), set.catalog.sourceTitle.text(language)},
                        {QStringLiteral("url"), set.catalog.sourceUrl},
                        {QStringLiteral("date"), set.catalog.sourceDate},
                        {QStringLiteral("locale"), set.catalog.sourceLocale}};
    root.insert(QStringLiteral("catalog"), catalog);

    QJsonObject scenario{{QStringLiteral("cloud"), set.answers.cloud},
                         {QStringLiteral("cloudName"), RuleLabels::cloudName(set, language)},
                         {QStringLiteral("region"), set.answers.region},
                         {QStringLiteral("regionName"), RuleLabels::regionName(set, language)},
                         {QStringLiteral("pairedRegion"), set.pairedRegion},
                         {QStringLiteral("storage"), set.answers.storage},
                         {QStringLiteral("features"), QJsonArray::fromStringList(set.answers.features)},
                         {QStringLiteral("effectiveFeatures"), QJsonArray::fromStringList(set.effectiveFeatures)},
                         {QStringLiteral("udr"), udrMethodId(set.answers.udr)},
                         {QStringLiteral("network"), networkKindId(set.answers.network)},
                         {QStringLiteral("acr"), set.answers.acr},
                         {QStringLiteral("workspaceId"), set.answers.workspaceId}};
    root.insert(QStringLiteral("scenario"), scenario);

    if (set.serviceTags) {
        const ServiceTagsFile &file = *set.serviceTags;
        QJsonObject tags{{QStringLiteral("file"), file.fileName},
                         {QStringLiteral("cloud"), file.fileCloud},
                         {QStringLiteral("changeNumber"), file.changeNumber},
                         {QStringLiteral("missingTags"), QJsonArray::fromStringList(missingServiceTags(set))}};
        if (file.date.isValid())
            tags.insert(QStringLiteral("date"), file.date.toString(Qt::ISODate));
        root.insert(QStringLiteral("serviceTags"), tags);
    }

    const RuleSummary s = set.summary();
    root.insert(QStringLiteral("summary"), QJsonObject{{QStringLiteral("total"), s.total},
                                                       {QStringLiteral("always"), s.always},
                                                       {QStringLiteral("inbound"), s.inbound},
                                                       {QStringLiteral("routes"), s.routes},
                                                       {QStringLiteral("networkServiceTag"), s.networkServiceTag},
                                                       {QStringLiteral("networkFqdn"), s.networkFqdn},
                                                       {QStringLiteral("application"), s.application},
                                                       {QStringLiteral("unsupported"), s.unsupported},
                                                       {QStringLiteral("managed"), s.managed},
                                                       {QStringLiteral("automatic"), s.automatic},
                                                       {QStringLiteral("withWarnings"), s.withWarnings},
                                                       {QStringLiteral("dnsProxyRequired"), s.dnsProxyRequired}});

    QJsonArray rules;
    for (const Rule &rule : set.rules)
        rules.append(ruleToJson(set, rule, language));
    root.insert(QStringLiteral("rules"), rules);

    QJsonArray notes;
    for (const Note &n : set.scenarioNotes)
        notes.append(noteToJson(n, language));
    root.insert(QStringLiteral("notes"), notes);

    QJsonArray warnings;
    for (const Problem &p : set.problems)
        warnings.append(QJsonObject{{QStringLiteral("where"), p.location}, {QStringLiteral("message"), p.message()}});
    root.insert(QStringLiteral("warnings"), warnings);
    return root;
}

QByteArray JsonExporter::write(const RuleSet &set, Language language)
{
    return QJsonDocument(toJson(set, language)).toJson(QJsonDocument::Indented);
}

} // namespace amlfw
