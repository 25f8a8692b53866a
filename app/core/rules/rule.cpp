#include "rule.h"

#include "servicetags.h"

namespace amlfw {

QStringList Rule::sectionIds() const
{
    QStringList ids;
    for (const RuleSource &s : sources) {
        if (!ids.contains(s.section))
            ids << s.section;
    }
    return ids;
}

QStringList Rule::tableIds() const
{
    QStringList ids;
    for (const RuleSource &s : sources) {
        if (!ids.contains(s.table))
            ids << s.table;
    }
    return ids;
}

bool Rule::inTable(const QString &tableId) const
{
    for (const RuleSource &s : sources) {
        if (s.table == tableId)
            return true;
    }
    return false;
}

QStringList Rule::purposes(Language language) const
{
    QStringList out;
    for (const RuleSource &s : sources) {
        const QString text = s.purpose.text(language);
        if (!out.contains(text))
            out << text;
    }
    return out;
}

FirewallRuleType Rule::primaryType() const
{
    return firewall.isEmpty() ? FirewallRuleType::Unsupported : firewall.first().type;
}

bool Rule::needsDnsProxy() const
{
    for (const FirewallPart &p : firewall) {
        if (p.dnsProxyRequired)
            return true;
    }
    return false;
}

bool Rule::hasUnsupportedPart() const
{
    for (const FirewallPart &p : firewall) {
        if (p.type == FirewallRuleType::Unsupported)
            return true;
    }
    return false;
}

bool Rule::hasWarning() const
{
    for (const Note &n : notes) {
        if (n.severity == NoteSeverity::Warning)
            return true;
    }
    return hasUnsupportedPart() || needsDnsProxy();
}

const Rule *RuleSet::rule(const QString &id) const
{
    for (const Rule &r : rules) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

QList<const Rule *> RuleSet::rulesInTable(const QString &tableId) const
{
    QList<QPair<int, const Rule *>> ordered;
    for (const Rule &r : rules) {
        for (const RuleSource &s : r.sources) {
            if (s.table == tableId) {
                ordered.append({s.catalogIndex, &r});
                break;
            }
        }
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<const Rule *> out;
    for (const auto &entry : ordered)
        out << entry.second;
    return out;
}

QStringList RuleSet::tablesInView(const QString &view) const
{
    QStringList out;
    for (const Table &t : catalog.tables) {
        if (t.view == view && !rulesInTable(t.id).isEmpty())
            out << t.id;
    }
    return out;
}

RuleSummary RuleSet::summary() const
{
    RuleSummary s;
    s.total = int(rules.size());
    for (const Rule &r : rules) {
        if (r.isAlways())
            ++s.always;
        if (r.hasWarning())
            ++s.withWarnings;
        if (r.needsDnsProxy())
            s.dnsProxyRequired = true;
        QList<FirewallRuleType> seen;
        for (const FirewallPart &p : r.firewall) {
            if (seen.contains(p.type))
                continue;
            seen << p.type;
            switch (p.type) {
            case FirewallRuleType::InboundNsg:
                ++s.inbound;
                break;
            case FirewallRuleType::Route:
                ++s.routes;
                break;
            case FirewallRuleType::NetworkServiceTag:
                ++s.networkServiceTag;
                break;
            case FirewallRuleType::NetworkFqdn:
                ++s.networkFqdn;
                break;
            case FirewallRuleType::Application:
                ++s.application;
                break;
            case FirewallRuleType::Unsupported:
                ++s.unsupported;
                break;
            case FirewallRuleType::Managed:
                ++(r.automatic ? s.automatic : s.managed);
                break;
            }
        }
    }
    return s;
}

QStringList RuleSet::addressPrefixes(const Rule &rule) const
{
    if (!serviceTags)
        return {};
    const QString tag = serviceTagOf(rule);
    const ServiceTagEntry *entry = tag.isEmpty() ? nullptr : serviceTags->find(tag);
    return entry ? entry->addressPrefixes : QStringList();
}

bool RuleSet::hasAddressPrefixes(const Rule &rule) const
{
    const QString tag = serviceTagOf(rule);
    return serviceTags && !tag.isEmpty() && serviceTags->find(tag);
}

} // namespace amlfw
