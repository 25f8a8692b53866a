#include "probeplanner.h"

#include "azurefirewall.h"
#include "hostname.h"
#include "portlist.h"

#include <QSet>

namespace amlfw {

namespace {

// The user's sample for a destination: by the destination as generated or as the catalog writes it.
QString userSample(const ProbeOptions &options, const Rule &rule, QSet<QString> *used)
{
    for (const QString &key : {rule.destination, rule.destinationTemplate}) {
        for (auto it = options.samples.cbegin(); it != options.samples.cend(); ++it) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0) {
                used->insert(it.key());
                return it.value();
            }
        }
    }
    return {};
}

FirewallRuleType typeForPort(const Rule &rule, const QString &port)
{
    FirewallRuleType type = rule.primaryType();
    for (const FirewallPart &part : rule.firewall) {
        if (part.ports.contains(port)) {
            if (part.type == FirewallRuleType::Application)
                return part.type;
            type = part.type;
        }
    }
    return type;
}

} // namespace

QList<ProbeTarget> ProbePlanner::plan(const RuleSet &set, const ProbeOptions &options, Problems *problems)
{
    Problems local;
    Problems &out = problems ? *problems : local;
    const ProbeCatalog &probe = set.catalog.probe;
    const QString cloud = set.answers.cloud;
    QSet<QString> usedSamples;
    QList<ProbeTarget> targets;

    for (const Rule &rule : set.rules) {
        ProbeTarget base;
        base.ruleId = rule.id;
        base.destination = rule.destination;
        base.destinationTemplate = rule.destinationTemplate;
        base.direction = rule.direction;
        base.kind = rule.kind;
        base.firewallType = rule.primaryType();
        base.protocol = rule.protocol;

        if (rule.kind == RuleKind::Route) {
            base.notTestable = NotTestableReason::Route;
        } else if (rule.direction == Direction::Inbound) {
            base.notTestable = NotTestableReason::Inbound;
        } else if (rule.kind == RuleKind::PrivateEndpoint) {
            base.notTestable = NotTestableReason::PrivateEndpoint;
        } else if (rule.protocol == u"UDP") {
            base.notTestable = NotTestableReason::Udp;
        } else if (!rule.unanswered.isEmpty()) {
            base.notTestable = NotTestableReason::Unanswered;
        } else if (rule.kind == RuleKind::ServiceTag) {
            const QString sample = userSample(options, rule, &usedSamples);
            if (!sample.isEmpty()) {
                base.host = sample;
                base.hostSource = HostSource::UserSample;
            } else if (const QString t = probe.serviceTagHost(rule.destinationTemplate, cloud); !t.isEmpty()) {
                base.host = substitutePlaceholders(t, set.placeholders);
                base.hostSource = HostSource::ServiceTagHost;
                base.hostTemplate = t;
            } else {
                base.notTestable = NotTestableReason::ServiceTagNoHost;
            }
        } else {
            QString host = rule.kind == RuleKind::Url ? hostOfUrl(rule.destination) : rule.destination;
            if (rule.kind == RuleKind::Url) {
                QString path = rule.destination.mid(host.size());
                if (path.endsWith(u'*'))
                    path.chop(1);
                base.path = path.isEmpty() ? QStringLiteral("/") : path;
            }
            if (isWildcardHost(host)) {
                const QString sample = userSample(options, rule, &usedSamples);
                const QString catalogSample = probe.wildcardSample(rule.destinationTemplate, cloud);
                if (!sample.isEmpty()) {
                    if (!hostMatchesPattern(sample, host))
                        out << Problem::error(
                            QStringLiteral("--sample"),
                            TranslatableText(
                                "amlfw::ProbePlanner",
                                QT_TRANSLATE_NOOP("amlfw::ProbePlanner",
                                                  "\"%1\" is not a name that \"%2\" admits: a sample must be one of "
                                                  "the hosts the rule allows."))
                                .arg(sample, host));
                    base.host = sample;
                    base.hostSource = HostSource::UserSample;
                } else if (!catalogSample.isEmpty()) {
                    base.host = substitutePlaceholders(catalogSample, set.placeholders);
                    base.hostSource = HostSource::CatalogSample;
                    base.hostTemplate = catalogSample;
                } else {
                    base.notTestable = NotTestableReason::WildcardNoSample;
                }
            } else {
                base.host = host;
                base.hostSource = HostSource::Destination;
            }
        }

        if (!base.isTestable()) {
            base.host.clear();
            base.hostSource = HostSource::None;
        }

        if (rule.kind == RuleKind::Route || rule.ports.isEmpty()) {
            targets << base;
            continue;
        }
        for (const QString &portSpec : rule.ports) {
            ProbeTarget t = base;
            PortRange range;
            PortRange::parse(portSpec, &range);
            t.portSpec = portSpec;
            t.port = range.first; // a range is represented by its first port
            t.firewallType = typeForPort(rule, portSpec);
            if (t.isTestable()) {
                t.tls = probe.isTlsPort(t.port);
                // A managed network's FQDN rules are application rules of its own firewall (80/443 only).
                const bool managedWeb = t.firewallType == FirewallRuleType::Managed && rule.kind != RuleKind::ServiceTag
                                        && AzureFirewall::isWebPort(portSpec);
                t.http = t.firewallType == FirewallRuleType::Application || managedWeb;
            }
            targets << t;
        }
    }

    for (auto it = options.samples.cbegin(); it != options.samples.cend(); ++it) {
        if (!usedSamples.contains(it.key()))
            out << Problem::warning(
                QStringLiteral("--sample"),
                TranslatableText(
                    "amlfw::ProbePlanner",
                    QT_TRANSLATE_NOOP("amlfw::ProbePlanner",
                                      "\"%1\" is not a wildcard or service tag destination of this scenario: the "
                                      "sample is not used."))
                    .arg(it.key()));
    }
    return targets;
}

QStringList ProbePlanner::destinationsWithoutHost(const RuleSet &set, const ProbeOptions &options)
{
    QStringList out;
    for (const ProbeTarget &t : plan(set, options)) {
        if ((t.notTestable == NotTestableReason::WildcardNoSample
             || t.notTestable == NotTestableReason::ServiceTagNoHost)
            && !out.contains(t.destination))
            out << t.destination;
    }
    return out;
}

} // namespace amlfw
