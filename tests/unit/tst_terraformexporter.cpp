#include "azurefirewall.h"
#include "exporter.h"
#include "rulesetfixture.h"
#include "servicetags.h"
#include "terraformexporter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace amlfw;
using namespace amlfw::test;

namespace {

QString validatorPath()
{
    const QString fromEnv = qEnvironmentVariable("AMLFW_VALIDATE_TERRAFORM");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStringLiteral(AMLFW_VALIDATE_TERRAFORM);
}

// The file as blocks of arguments, read the way amlfw writes it (one argument or block header per
// line); enough to compare its content with the rule set. validate-terraform checks the syntax.
struct Block
{
    QString header; // "resource \"azurerm_route\" \"x\"", "rule", "dynamic \"route\""
    QList<std::pair<QString, QString>> arguments; // name, expression as written
    QList<Block> blocks;

    bool has(const QString &name) const
    {
        for (const auto &a : arguments) {
            if (a.first == name)
                return true;
        }
        return false;
    }
    QString raw(const QString &name) const
    {
        for (const auto &a : arguments) {
            if (a.first == name)
                return a.second;
        }
        return {};
    }
    QString string(const QString &name) const; // a quoted string's value
    QStringList list(const QString &name) const;
    QList<const Block *> all(const QString &header) const
    {
        QList<const Block *> out;
        for (const Block &b : blocks) {
            if (b.header == header)
                out << &b;
        }
        return out;
    }
    const Block *first(const QString &header) const
    {
        const auto found = all(header);
        return found.isEmpty() ? nullptr : found.first();
    }
};

// Reads one quoted string at `pos` (at the opening quote); leaves pos after the closing quote.
QString readString(const QString &text, qsizetype *pos)
{
    QString out;
    qsizetype i = *pos + 1;
    for (; i < text.size() && text.at(i) != u'"'; ++i) {
        QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            const QChar e = text.at(++i);
            out += e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e == u'r' ? QChar(u'\r') : e;
            continue;
        }
        if ((c == u'$' || c == u'%') && i + 2 < text.size() && text.at(i + 1) == c && text.at(i + 2) == u'{')
            ++i; // "$${" is a literal "${"
        out += c;
    }
    *pos = i + 1;
    return out;
}

QString Block::string(const QString &name) const
{
    const QString value = raw(name);
    if (!value.startsWith(u'"'))
        return {};
    qsizetype pos = 0;
    return readString(value, &pos);
}

QStringList Block::list(const QString &name) const
{
    const QString value = raw(name);
    QStringList out;
    if (!value.startsWith(u'['))
        return out;
    for (qsizetype pos = 1; pos < value.size();) {
        if (value.at(pos) == u'"')
            out << readString(value, &pos);
        else
            ++pos;
    }
    return out;
}

Block parse(const QByteArray &bytes)
{
    Block root;
    QList<Block *> stack{&root};
    for (const QString &full : QString::fromUtf8(bytes).split(u'\n')) {
        const QString line = full.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line == u"}") {
            stack.removeLast();
        } else if (line.endsWith(QStringLiteral(" {}"))) {
            stack.last()->blocks.append(Block{line.chopped(3), {}, {}});
        } else if (line.endsWith(QStringLiteral(" {"))) {
            stack.last()->blocks.append(Block{line.chopped(2), {}, {}});
            stack.append(&stack.last()->blocks.last());
        } else {
            const qsizetype eq = line.indexOf(QStringLiteral(" = "));
            stack.last()->arguments.append({line.left(eq).trimmed(), line.mid(eq + 3)});
        }
    }
    return root;
}

RuleSet scenario(const QString &edition, const QString &cloud, const QString &region, UdrMethod udr,
                 bool answered = false, const QStringList &onlyFeatures = {}, bool allFeatures = true)
{
    Problems problems;
    const Catalog catalog = Catalog::builtIn(edition, &problems);
    Answers a;
    a.cloud = cloud;
    a.region = region;
    a.storage = QStringLiteral("mystore");
    a.features = allFeatures ? catalog.featureIds() : onlyFeatures;
    a.udr = udr;
    a.edition = edition;
    if (answered) {
        a.acr = QStringLiteral("myacr");
        a.workspaceId = QStringLiteral("0a1b2c3d-0000-4000-8000-000000000000");
    }
    return RuleGenerator::generate(catalog, a);
}

QString fixtureFor(const QString &cloud)
{
    const QString name = cloud == u"usgov" ? QStringLiteral("AzureGovernment")
                         : cloud == u"china" ? QStringLiteral("China")
                                             : QStringLiteral("Public");
    return testData(QStringLiteral("servicetags/ServiceTags_%1_20261130.json").arg(name));
}

bool applyFixture(RuleSet *set, QString *error)
{
    Problems problems;
    const auto file = ServiceTagsFile::load(fixtureFor(set->answers.cloud), &problems);
    if (!file) {
        *error = formatProblems(problems);
        return false;
    }
    problems = applyServiceTags(set, std::make_shared<const ServiceTagsFile>(*file));
    if (hasErrors(problems)) {
        *error = formatProblems(problems);
        return false;
    }
    return true;
}

// The prefixes of one tag as the fixture lists them, read here without amlfw's reader.
QStringList fixturePrefixes(const QString &cloud, const QString &tag)
{
    QFile f(fixtureFor(cloud));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("values")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("name")).toString().compare(tag, Qt::CaseInsensitive) == 0) {
            QStringList out;
            for (const QJsonValue &p : o.value(QStringLiteral("properties")).toObject().value(QStringLiteral("addressPrefixes")).toArray())
                out << p.toString();
            return out;
        }
    }
    return {};
}

ExportOptions withDeployment(const ArmOptions &arm)
{
    ExportOptions o;
    o.deployment = arm;
    return o;
}

const Block *resource(const Block &root, const QString &type, const QString &name = QStringLiteral("aml"))
{
    return root.first(QStringLiteral("resource \"%1\" \"%2\"").arg(type, name));
}

const Block *dataSource(const Block &root, const QString &type, const QString &name = QStringLiteral("aml"))
{
    return root.first(QStringLiteral("data \"%1\" \"%2\"").arg(type, name));
}

const Block *variable(const Block &root, const QString &name)
{
    return root.first(QStringLiteral("variable \"%1\"").arg(name));
}

const Block *collection(const Block &rcg, const QString &type, const QString &name)
{
    for (const Block *c : rcg.all(type)) {
        if (c->string(QStringLiteral("name")) == name)
            return c;
    }
    return nullptr;
}

const Block *ruleNamed(const Block *collection, const QString &name)
{
    if (!collection)
        return nullptr;
    for (const Block *r : collection->all(QStringLiteral("rule"))) {
        if (r->string(QStringLiteral("name")) == name)
            return r;
    }
    return nullptr;
}

// The leading comment as one text: its lines joined with spaces (notes are wrapped).
QString headerComment(const QByteArray &bytes)
{
    QStringList lines;
    for (const QString &line : QString::fromUtf8(bytes).split(u'\n')) {
        if (!line.startsWith(u'#'))
            break;
        lines << line.mid(1).trimmed();
    }
    return lines.join(u' ');
}

const QRegularExpression routeNamePattern(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_]?$"));

} // namespace

class TestTerraformExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { applyLanguage(Language::English); }

    // Every rule of the set is in its collection with its destinations, ports and protocols, and
    // nothing else is there but the alternatives.
    void everyRuleInItsCollection_data()
    {
        QTest::addColumn<QString>("edition");
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("region");
        QTest::newRow("2026-03 public") << QStringLiteral("2026-03") << QStringLiteral("public") << QStringLiteral("japaneast");
        QTest::newRow("2021-11 usgov") << QStringLiteral("2021-11") << QStringLiteral("usgov") << QStringLiteral("usgovvirginia");
        QTest::newRow("2026-03 china") << QStringLiteral("2026-03") << QStringLiteral("china") << QStringLiteral("chinaeast2");
    }

    void everyRuleInItsCollection()
    {
        QFETCH(QString, edition);
        QFETCH(QString, cloud);
        QFETCH(QString, region);
        const RuleSet set = scenario(edition, cloud, region, UdrMethod::ServiceTags, edition != u"2021-11");
        QVERIFY2(set.isValid(), qPrintable(formatProblems(set.problems)));
        const Block root = parse(TerraformExporter::write(set, ExportOptions{}));
        const Block *rcg = resource(root, QStringLiteral("azurerm_firewall_policy_rule_collection_group"));
        QVERIFY(rcg);
        const Block *tags = collection(*rcg, QStringLiteral("network_rule_collection"), QStringLiteral("aml-network-service-tags"));
        const Block *fqdns = collection(*rcg, QStringLiteral("network_rule_collection"), QStringLiteral("aml-network-fqdns"));
        const Block *apps = collection(*rcg, QStringLiteral("application_rule_collection"), QStringLiteral("aml-application-rules"));
        QVERIFY(tags && apps);
        QCOMPARE(tags->raw(QStringLiteral("priority")), QStringLiteral("100"));
        QCOMPARE(apps->raw(QStringLiteral("priority")), QStringLiteral("200"));
        if (fqdns)
            QCOMPARE(fqdns->raw(QStringLiteral("priority")), QStringLiteral("110"));
        int expected = 0;
        for (const Rule &rule : set.rules) {
            for (const FirewallPart &part : rule.firewall) {
                const QString what = rule.id + u' ' + part.target;
                if (!rule.unanswered.isEmpty()) {
                    QVERIFY2(!ruleNamed(apps, rule.id) && !ruleNamed(tags, rule.id), qPrintable(what));
                    continue;
                }
                if (part.type == FirewallRuleType::NetworkServiceTag || part.type == FirewallRuleType::NetworkFqdn) {
                    const bool tag = part.type == FirewallRuleType::NetworkServiceTag;
                    const Block *r = ruleNamed(tag ? tags : fqdns, rule.id);
                    QVERIFY2(r, qPrintable(what));
                    ++expected;
                    QCOMPARE(r->list(tag ? QStringLiteral("destination_addresses") : QStringLiteral("destination_fqdns")),
                             QStringList{part.target});
                    QCOMPARE(r->list(QStringLiteral("destination_ports")), part.ports);
                    QCOMPARE(r->list(QStringLiteral("protocols")), QStringList{AzureFirewall::firewallProtocol(rule.protocol)});
                    QCOMPARE(r->raw(QStringLiteral("source_addresses")), QStringLiteral("var.source_addresses"));
                } else if (part.type == FirewallRuleType::Application) {
                    const Block *r = ruleNamed(apps, rule.id);
                    QVERIFY2(r, qPrintable(what));
                    ++expected;
                    if (part.urlPath.isEmpty())
                        QCOMPARE(r->list(QStringLiteral("destination_fqdns")), QStringList{part.target});
                    QStringList protocols;
                    for (const Block *p : r->all(QStringLiteral("protocols")))
                        protocols << p->string(QStringLiteral("type")) + u':' + p->raw(QStringLiteral("port"));
                    QCOMPARE(protocols, part.appProtocols);
                    QCOMPARE(r->raw(QStringLiteral("source_addresses")), QStringLiteral("var.source_addresses"));
                }
            }
        }
        int alternatives = 0;
        int written = 0;
        for (const Block *c : {tags, fqdns, apps}) {
            if (!c)
                continue;
            for (const Block *r : c->all(QStringLiteral("rule"))) {
                ++written;
                alternatives += r->string(QStringLiteral("name")).endsWith(QStringLiteral("-alternative")) ? 1 : 0;
            }
        }
        QVERIFY(alternatives > 0);
        QCOMPARE(written, expected + alternatives);
    }

    void header()
    {
        RuleSet set = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                               UdrMethod::IpRanges);
        QString error;
        const QByteArray plain = TerraformExporter::write(set, ExportOptions{});
        QVERIFY(!plain.contains("ServiceTags_"));
        QVERIFY2(applyFixture(&set, &error), qPrintable(error));
        const QByteArray bytes = TerraformExporter::write(set, ExportOptions{});
        const QString head = headerComment(bytes);
        QVERIFY2(head.contains(QStringLiteral("Azure public, japaneast")), qPrintable(head));
        QVERIFY(head.contains(QStringLiteral("edition 2026-03")));
        QVERIFY(head.contains(QStringLiteral("amlfw ") + QStringLiteral(AMLFW_VERSION)));
        QVERIFY(head.contains(QStringLiteral("compute-instance")));
        QVERIFY(head.contains(QStringLiteral("azure-monitor")));
        QVERIFY2(head.contains(QStringLiteral("Service tags file: ServiceTags_Public_20261130.json (change 412, 2026-11-30)")),
                 qPrintable(head));
        QVERIFY(head.contains(QStringLiteral("terraform plan -var resource_group_name=")));

        const Block root = parse(bytes);
        const Block *tf = root.first(QStringLiteral("terraform"));
        QVERIFY(tf);
        const Block *azurerm = tf->first(QStringLiteral("required_providers"))->first(QStringLiteral("azurerm ="));
        QVERIFY(azurerm);
        QCOMPARE(azurerm->string(QStringLiteral("source")), QStringLiteral("hashicorp/azurerm"));
        QCOMPARE(azurerm->string(QStringLiteral("version")), QStringLiteral("~> 4.0"));
        const Block *provider = root.first(QStringLiteral("provider \"azurerm\""));
        QVERIFY(provider && provider->first(QStringLiteral("features")));
        QVERIFY(!provider->has(QStringLiteral("environment")));
    }

    void providerEnvironmentOfTheCloud()
    {
        const Block gov = parse(TerraformExporter::write(
            scenario(QStringLiteral("2026-03"), QStringLiteral("usgov"), QStringLiteral("usgovvirginia"), UdrMethod::ServiceTags),
            ExportOptions{}));
        QCOMPARE(gov.first(QStringLiteral("provider \"azurerm\""))->string(QStringLiteral("environment")),
                 QStringLiteral("usgovernment"));
        const Block china = parse(TerraformExporter::write(
            scenario(QStringLiteral("2021-11"), QStringLiteral("china"), QStringLiteral("chinaeast2"), UdrMethod::ServiceTags),
            ExportOptions{}));
        QCOMPARE(china.first(QStringLiteral("provider \"azurerm\""))->string(QStringLiteral("environment")),
                 QStringLiteral("china"));
    }

    // The ARM template's parameters and defaults, as variables; the source addresses without a default.
    void variables()
    {
        const RuleSet set = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                     UdrMethod::ServiceTags);
        Block root = parse(TerraformExporter::write(set, ExportOptions{}));
        QVERIFY(variable(root, QStringLiteral("resource_group_name")));
        QVERIFY(!variable(root, QStringLiteral("resource_group_name"))->has(QStringLiteral("default")));
        QCOMPARE(variable(root, QStringLiteral("firewall_policy_name"))->string(QStringLiteral("default")), QStringLiteral("fwpol-aml"));
        QCOMPARE(variable(root, QStringLiteral("rule_collection_group_name"))->string(QStringLiteral("default")), QStringLiteral("AzureML"));
        QCOMPARE(variable(root, QStringLiteral("rule_collection_group_priority"))->raw(QStringLiteral("default")), QStringLiteral("500"));
        QCOMPARE(variable(root, QStringLiteral("route_table_name"))->string(QStringLiteral("default")), QStringLiteral("rt-aml-compute"));
        QCOMPARE(variable(root, QStringLiteral("location"))->raw(QStringLiteral("default")), QStringLiteral("null"));
        QVERIFY(dataSource(root, QStringLiteral("azurerm_resource_group")));
        const Block *sources = variable(root, QStringLiteral("source_addresses"));
        QVERIFY(sources);
        QCOMPARE(sources->raw(QStringLiteral("type")), QStringLiteral("list(string)"));
        QVERIFY(!sources->has(QStringLiteral("default")));
        QVERIFY(!variable(root, QStringLiteral("firewall_private_ip")));

        ArmOptions arm;
        arm.policyName = QStringLiteral("corp-policy");
        arm.ruleCollectionGroupName = QStringLiteral("aml-rcg");
        arm.ruleCollectionGroupPriority = 300;
        arm.sourceAddresses = {QStringLiteral("10.0.1.0/24"), QStringLiteral("10.0.2.0/24")};
        arm.location = QStringLiteral("japaneast");
        arm.routeTableName = QStringLiteral("rt-corp");
        arm.firewallPrivateIp = QStringLiteral("10.0.0.4");
        root = parse(TerraformExporter::write(set, withDeployment(arm)));
        QCOMPARE(variable(root, QStringLiteral("firewall_policy_name"))->string(QStringLiteral("default")), QStringLiteral("corp-policy"));
        QCOMPARE(variable(root, QStringLiteral("rule_collection_group_name"))->string(QStringLiteral("default")), QStringLiteral("aml-rcg"));
        QCOMPARE(variable(root, QStringLiteral("rule_collection_group_priority"))->raw(QStringLiteral("default")), QStringLiteral("300"));
        QCOMPARE(variable(root, QStringLiteral("source_addresses"))->list(QStringLiteral("default")), arm.sourceAddresses);
        QCOMPARE(variable(root, QStringLiteral("location"))->string(QStringLiteral("default")), QStringLiteral("japaneast"));
        QVERIFY(!dataSource(root, QStringLiteral("azurerm_resource_group")));
        QCOMPARE(variable(root, QStringLiteral("route_table_name"))->string(QStringLiteral("default")), QStringLiteral("rt-corp"));
        QCOMPARE(variable(root, QStringLiteral("firewall_private_ip"))->string(QStringLiteral("default")), QStringLiteral("10.0.0.4"));
        const Block *rcg = resource(root, QStringLiteral("azurerm_firewall_policy_rule_collection_group"));
        QCOMPARE(rcg->raw(QStringLiteral("name")), QStringLiteral("var.rule_collection_group_name"));
        QCOMPARE(rcg->raw(QStringLiteral("priority")), QStringLiteral("var.rule_collection_group_priority"));
    }

    void dnsProxyWhenNetworkRulesNameFqdns()
    {
        const RuleSet all = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                     UdrMethod::ServiceTags);
        QVERIFY(all.summary().dnsProxyRequired);
        Block root = parse(TerraformExporter::write(all, ExportOptions{}));
        const Block *policy = resource(root, QStringLiteral("azurerm_firewall_policy"));
        QVERIFY(policy);
        QCOMPARE(policy->string(QStringLiteral("sku")), QStringLiteral("Standard"));
        QVERIFY(policy->first(QStringLiteral("dns")));
        QCOMPARE(policy->first(QStringLiteral("dns"))->raw(QStringLiteral("proxy_enabled")), QStringLiteral("true"));

        const RuleSet few = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                     UdrMethod::ServiceTags, false, {QStringLiteral("python")}, false);
        QVERIFY(few.isValid());
        QVERIFY(!few.summary().dnsProxyRequired);
        ArmOptions premium;
        premium.tier = ArmOptions::Tier::Premium;
        root = parse(TerraformExporter::write(few, withDeployment(premium)));
        policy = resource(root, QStringLiteral("azurerm_firewall_policy"));
        QVERIFY(policy);
        QVERIFY(!policy->first(QStringLiteral("dns")));
        QCOMPARE(policy->string(QStringLiteral("sku")), QStringLiteral("Premium"));
    }

    void existingPolicyIsADataSource()
    {
        const RuleSet set = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                     UdrMethod::ServiceTags);
        ArmOptions arm;
        arm.policy = ArmOptions::Policy::Existing;
        arm.policyName = QStringLiteral("corp-policy");
        const QByteArray bytes = TerraformExporter::write(set, withDeployment(arm));
        const Block root = parse(bytes);
        QVERIFY(!resource(root, QStringLiteral("azurerm_firewall_policy")));
        const Block *policy = dataSource(root, QStringLiteral("azurerm_firewall_policy"));
        QVERIFY(policy);
        QCOMPARE(policy->raw(QStringLiteral("name")), QStringLiteral("var.firewall_policy_name"));
        QCOMPARE(policy->raw(QStringLiteral("resource_group_name")), QStringLiteral("var.resource_group_name"));
        QCOMPARE(variable(root, QStringLiteral("firewall_policy_name"))->string(QStringLiteral("default")), QStringLiteral("corp-policy"));
        QCOMPARE(resource(root, QStringLiteral("azurerm_firewall_policy_rule_collection_group"))->raw(QStringLiteral("firewall_policy_id")),
                 QStringLiteral("data.azurerm_firewall_policy.aml.id"));
        QVERIFY(!root.first(QStringLiteral("output \"firewall_policy_id\"")));
        // ... and the file says that DNS proxy must be enabled on it.
        QVERIFY(headerComment(bytes).contains(QStringLiteral("enable DNS proxy on the existing firewall policy")));
    }

    void routeTableModes()
    {
        const RuleSet set = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                     UdrMethod::ServiceTags);
        QStringList routeDestinations;
        for (const Rule &rule : set.rules) {
            if (rule.primaryType() == FirewallRuleType::Route)
                routeDestinations << rule.destination;
        }
        QVERIFY(!routeDestinations.isEmpty());

        ArmOptions arm;
        arm.firewallPrivateIp = QStringLiteral("10.0.0.4");
        Block root = parse(TerraformExporter::write(set, withDeployment(arm)));
        const Block *table = resource(root, QStringLiteral("azurerm_route_table"));
        QVERIFY(table);
        QCOMPARE(table->raw(QStringLiteral("name")), QStringLiteral("var.route_table_name"));
        QStringList prefixes;
        for (const Block *r : table->all(QStringLiteral("route"))) {
            if (r->string(QStringLiteral("next_hop_type")) == u"Internet")
                prefixes << r->string(QStringLiteral("address_prefix"));
            else {
                QCOMPARE(r->string(QStringLiteral("address_prefix")), QStringLiteral("0.0.0.0/0"));
                QCOMPARE(r->string(QStringLiteral("next_hop_type")), QStringLiteral("VirtualAppliance"));
                QCOMPARE(r->raw(QStringLiteral("next_hop_in_ip_address")), QStringLiteral("var.firewall_private_ip"));
            }
        }
        QCOMPARE(prefixes, routeDestinations);
        QCOMPARE(table->all(QStringLiteral("route")).size(), routeDestinations.size() + 1);
        QVERIFY(root.first(QStringLiteral("output \"route_table_id\"")));

        arm = ArmOptions{};
        arm.routeTable = ArmOptions::RouteTable::Existing;
        root = parse(TerraformExporter::write(set, withDeployment(arm)));
        QVERIFY(!resource(root, QStringLiteral("azurerm_route_table")));
        QVERIFY(dataSource(root, QStringLiteral("azurerm_route_table")));
        prefixes.clear();
        for (const Block &b : root.blocks) {
            if (!b.header.startsWith(QStringLiteral("resource \"azurerm_route\"")))
                continue;
            QCOMPARE(b.raw(QStringLiteral("route_table_name")), QStringLiteral("data.azurerm_route_table.aml.name"));
            QCOMPARE(b.string(QStringLiteral("next_hop_type")), QStringLiteral("Internet"));
            prefixes << b.string(QStringLiteral("address_prefix"));
        }
        QCOMPARE(prefixes, routeDestinations);
        // An existing policy and no new route table: nothing needs a location.
        arm.policy = ArmOptions::Policy::Existing;
        QVERIFY(!variable(parse(TerraformExporter::write(set, withDeployment(arm))), QStringLiteral("location")));

        arm = ArmOptions{};
        arm.routeTable = ArmOptions::RouteTable::None;
        const QByteArray none = TerraformExporter::write(set, withDeployment(arm));
        root = parse(none);
        QVERIFY(!resource(root, QStringLiteral("azurerm_route_table")));
        QVERIFY(!dataSource(root, QStringLiteral("azurerm_route_table")));
        QVERIFY(!variable(root, QStringLiteral("route_table_name")));
        QVERIFY(!none.contains("azurerm_route\""));
        QVERIFY(headerComment(none).contains(QStringLiteral("does not create them")));

        // No compute that needs routes: no route table at all.
        const RuleSet noRoutes = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                          UdrMethod::ServiceTags, false, {QStringLiteral("no-public-ip")}, false);
        QVERIFY(!TerraformExporter::write(noRoutes, ExportOptions{}).contains("azurerm_route"));
    }

    // --udr ip-ranges without a service tags file: one list(string) variable per tag, routes for_each.
    void ipRangesFromVariables()
    {
        const RuleSet set = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                     UdrMethod::IpRanges);
        Block root = parse(TerraformExporter::write(set, ExportOptions{}));
        for (const QString &id : {QStringLiteral("udr_aml_ip_region_prefixes"), QStringLiteral("udr_aml_ip_pair_prefixes")}) {
            const Block *v = variable(root, id);
            QVERIFY2(v, qPrintable(id));
            QCOMPARE(v->raw(QStringLiteral("type")), QStringLiteral("list(string)"));
            QCOMPARE(v->raw(QStringLiteral("default")), QStringLiteral("[]"));
        }
        QVERIFY(variable(root, QStringLiteral("udr_aml_ip_region_prefixes"))->string(QStringLiteral("description"))
                    .contains(QStringLiteral("AzureMachineLearning.japaneast")));
        const Block *table = resource(root, QStringLiteral("azurerm_route_table"));
        QVERIFY(table);
        const auto dynamics = table->all(QStringLiteral("dynamic \"route\""));
        QCOMPARE(dynamics.size(), 2);
        QCOMPARE(dynamics.at(0)->raw(QStringLiteral("for_each")), QStringLiteral("var.udr_aml_ip_region_prefixes"));
        QCOMPARE(dynamics.at(0)->first(QStringLiteral("content"))->raw(QStringLiteral("address_prefix")), QStringLiteral("route.value"));
        QVERIFY(table->all(QStringLiteral("route")).isEmpty());

        ArmOptions arm;
        arm.routeTable = ArmOptions::RouteTable::Existing;
        root = parse(TerraformExporter::write(set, withDeployment(arm)));
        const Block *route = resource(root, QStringLiteral("azurerm_route"), QStringLiteral("udr_aml_ip_pair"));
        QVERIFY(route);
        QCOMPARE(route->raw(QStringLiteral("for_each")), QStringLiteral("toset(var.udr_aml_ip_pair_prefixes)"));
        QCOMPARE(route->raw(QStringLiteral("address_prefix")), QStringLiteral("each.value"));
    }

    // With the service tags file: one route per prefix of the region's and the pair's tag, no variables.
    void ipRangesFromTheServiceTagsFile_data()
    {
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("pair");
        QTest::newRow("public") << QStringLiteral("public") << QStringLiteral("japaneast") << QStringLiteral("japanwest");
        QTest::newRow("usgov") << QStringLiteral("usgov") << QStringLiteral("usgovvirginia") << QStringLiteral("usgovtexas");
        QTest::newRow("china") << QStringLiteral("china") << QStringLiteral("chinaeast2") << QStringLiteral("chinanorth2");
    }

    void ipRangesFromTheServiceTagsFile()
    {
        QFETCH(QString, cloud);
        QFETCH(QString, region);
        QFETCH(QString, pair);
        RuleSet set = scenario(QStringLiteral("2026-03"), cloud, region, UdrMethod::IpRanges);
        QString error;
        QVERIFY2(applyFixture(&set, &error), qPrintable(error));
        const QStringList regionPrefixes = fixturePrefixes(cloud, QStringLiteral("AzureMachineLearning.") + region);
        const QStringList pairPrefixes = fixturePrefixes(cloud, QStringLiteral("AzureMachineLearning.") + pair);
        QVERIFY(!regionPrefixes.isEmpty() && !pairPrefixes.isEmpty());
        QVERIFY(regionPrefixes != pairPrefixes);

        ArmOptions arm;
        arm.firewallPrivateIp = QStringLiteral("10.0.0.4");
        const QByteArray bytes = TerraformExporter::write(set, withDeployment(arm));
        Block root = parse(bytes);
        QVERIFY(!variable(root, QStringLiteral("udr_aml_ip_region_prefixes")));
        QVERIFY(!bytes.contains("dynamic"));
        const Block *table = resource(root, QStringLiteral("azurerm_route_table"));
        QVERIFY(table);
        QStringList prefixes;
        QStringList names;
        for (const Block *r : table->all(QStringLiteral("route"))) {
            names << r->string(QStringLiteral("name"));
            if (r->string(QStringLiteral("next_hop_type")) == u"Internet")
                prefixes << r->string(QStringLiteral("address_prefix"));
        }
        QCOMPARE(prefixes, regionPrefixes + pairPrefixes);
        QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), names.size());
        for (const QString &name : std::as_const(names))
            QVERIFY2(routeNamePattern.match(name).hasMatch(), qPrintable(name));
        QVERIFY(headerComment(bytes).contains(set.serviceTags->versionText()));

        arm = ArmOptions{};
        arm.routeTable = ArmOptions::RouteTable::Existing;
        root = parse(TerraformExporter::write(set, withDeployment(arm)));
        prefixes.clear();
        names.clear();
        for (const Block &b : root.blocks) {
            if (b.header.startsWith(QStringLiteral("resource \"azurerm_route\""))) {
                prefixes << b.string(QStringLiteral("address_prefix"));
                names << b.string(QStringLiteral("name"));
            }
        }
        QCOMPARE(prefixes, regionPrefixes + pairPrefixes);
        QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), names.size());
    }

    void premiumMatchesUrls()
    {
        const RuleSet set = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                     UdrMethod::ServiceTags, false, {QStringLiteral("vscode")}, false);
        QString url;
        QString ruleId;
        for (const Rule &rule : set.rules) {
            for (const FirewallPart &part : rule.firewall) {
                if (!part.urlPath.isEmpty()) {
                    url = part.urlPath;
                    ruleId = rule.id;
                }
            }
        }
        QVERIFY(!url.isEmpty());
        ArmOptions arm;
        arm.tier = ArmOptions::Tier::Premium;
        Block root = parse(TerraformExporter::write(set, withDeployment(arm)));
        const Block *apps = collection(*resource(root, QStringLiteral("azurerm_firewall_policy_rule_collection_group")),
                                       QStringLiteral("application_rule_collection"), QStringLiteral("aml-application-rules"));
        const Block *rule = ruleNamed(apps, ruleId);
        QVERIFY(rule);
        QCOMPARE(rule->list(QStringLiteral("destination_urls")), QStringList{url});
        QCOMPARE(rule->raw(QStringLiteral("terminate_tls")), QStringLiteral("true"));
        QVERIFY(!rule->has(QStringLiteral("destination_fqdns")));

        root = parse(TerraformExporter::write(set, ExportOptions{}));
        apps = collection(*resource(root, QStringLiteral("azurerm_firewall_policy_rule_collection_group")),
                          QStringLiteral("application_rule_collection"), QStringLiteral("aml-application-rules"));
        rule = ruleNamed(apps, ruleId);
        QVERIFY(rule);
        QVERIFY(!rule->has(QStringLiteral("destination_urls")));
        QVERIFY(!rule->list(QStringLiteral("destination_fqdns")).isEmpty());
    }

    void alternativesCanBeLeftOut()
    {
        const RuleSet set = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                     UdrMethod::ServiceTags);
        QVERIFY(TerraformExporter::write(set, ExportOptions{}).contains("-alternative\""));
        ArmOptions arm;
        arm.includeAlternatives = false;
        QVERIFY(!TerraformExporter::write(set, withDeployment(arm)).contains("-alternative\""));
    }

    // Text from the catalog is written as HCL strings that Terraform reads back as the same text.
    void stringsAreEscaped()
    {
        RuleSet set = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                               UdrMethod::ServiceTags, false, {QStringLiteral("python")}, false);
        QVERIFY(!set.rules.isEmpty() && !set.rules.first().sources.isEmpty());
        const QString odd = QStringLiteral("Say \"hi\" \\ ${var.x} %{if} 100%");
        for (RuleSource &s : set.rules.first().sources)
            s.purpose.en = odd;
        const QByteArray bytes = TerraformExporter::write(set, ExportOptions{});
        const QByteArray escaped = "\"Say \\\"hi\\\" \\\\ $${var.x} %%{if} 100%\"";
        QVERIFY2(bytes.contains(escaped), bytes.constData());
        const Block root = parse(bytes);
        bool found = false;
        for (const Block &c : resource(root, QStringLiteral("azurerm_firewall_policy_rule_collection_group"))->blocks) {
            for (const Block *r : c.all(QStringLiteral("rule")))
                found = found || r->string(QStringLiteral("description")) == odd;
        }
        QVERIFY(found);
    }

    void refusesWhatArmRefuses()
    {
        const RuleSet managed = [] {
            Problems problems;
            const Catalog catalog = Catalog::builtIn(QStringLiteral("2026-03"), &problems);
            Answers a;
            a.cloud = QStringLiteral("public");
            a.region = QStringLiteral("japaneast");
            a.storage = QStringLiteral("mystore");
            a.network = NetworkKind::Managed;
            a.edition = QStringLiteral("2026-03");
            return RuleGenerator::generate(catalog, a);
        }();
        QVERIFY2(managed.isValid(), qPrintable(formatProblems(managed.problems)));
        Problems problems = TerraformExporter::validate(managed, ExportOptions{});
        QVERIFY(hasErrors(problems));
        QCOMPARE(problems.first().location, QStringLiteral("--network"));
        QCOMPARE(Exporter::validate(managed, ExportFormat::Terraform, ExportOptions{}).size(), problems.size());

        const RuleSet set = scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                     UdrMethod::ServiceTags);
        QVERIFY(TerraformExporter::validate(set, ExportOptions{}).isEmpty());
        ArmOptions arm;
        arm.ruleCollectionGroupPriority = 70000;
        arm.sourceAddresses = {QStringLiteral("subnet-a")};
        problems = TerraformExporter::validate(set, withDeployment(arm));
        QStringList locations;
        for (const Problem &p : std::as_const(problems))
            locations << p.location;
        QCOMPARE(locations, (QStringList{QStringLiteral("--rcg-priority"), QStringLiteral("--source-addresses")}));
        arm = ArmOptions{};
        arm.routeTable = ArmOptions::RouteTable::Existing;
        arm.firewallPrivateIp = QStringLiteral("10.0.0.4");
        problems = TerraformExporter::validate(set, withDeployment(arm));
        QVERIFY(hasErrors(problems));
        QCOMPARE(problems.first().location, QStringLiteral("--firewall-ip"));
    }

    // Every file amlfw writes passes validate-terraform: each cloud and edition (2026-03 also with its
    // optional answers), both route methods (ip-ranges also with the cloud's service tags file), with
    // all features, over the policy and route table modes, both tiers, and the other options.
    void passesValidateTerraform()
    {
        const QString validator = validatorPath();
        QVERIFY2(QFileInfo(validator).isExecutable(),
                 qPrintable(QStringLiteral("%1 not found (needs ../shared beside the repository)").arg(validator)));
        for (const char *tool : {"node", "npm", "xargs"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                     qPrintable(QStringLiteral("%1 not found: validate-terraform needs Node.js and npm (apt-get install nodejs npm)")
                                    .arg(QString::fromLatin1(tool))));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList files;
        QStringList failures; // checked after the loops
        const QList<std::pair<ArmOptions::Policy, ArmOptions::RouteTable>> modes{
            {ArmOptions::Policy::New, ArmOptions::RouteTable::New},
            {ArmOptions::Policy::Existing, ArmOptions::RouteTable::Existing},
            {ArmOptions::Policy::New, ArmOptions::RouteTable::None},
            {ArmOptions::Policy::Existing, ArmOptions::RouteTable::New},
            {ArmOptions::Policy::New, ArmOptions::RouteTable::Existing},
            {ArmOptions::Policy::Existing, ArmOptions::RouteTable::None},
        };
        auto write = [&](const RuleSet &set, const ExportOptions &options, const QString &name) {
            const QString path = dir.filePath(QStringLiteral("%1-%2.tf").arg(files.size(), 3, 10, QLatin1Char('0')).arg(name));
            if (!set.isValid()) {
                failures << path + QStringLiteral(": invalid rule set: ") + formatProblems(set.problems);
                return;
            }
            if (hasErrors(TerraformExporter::validate(set, options))) {
                failures << path + QStringLiteral(": refused: ") + formatProblems(TerraformExporter::validate(set, options));
                return;
            }
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(TerraformExporter::write(set, options)) < 0)
                failures << path + QStringLiteral(": ") + f.errorString();
            files << path;
        };
        const QList<std::array<QString, 2>> clouds{{QStringLiteral("public"), QStringLiteral("japaneast")},
                                                   {QStringLiteral("usgov"), QStringLiteral("usgovvirginia")},
                                                   {QStringLiteral("china"), QStringLiteral("chinaeast2")}};
        int count = 0;
        int group = 0; // cloud and edition
        for (const auto &[cloud, region] : clouds) {
            for (const QString &edition : {QStringLiteral("2021-11"), QStringLiteral("2026-03"), QStringLiteral("2026-03+answers")}) {
                int udrIndex = 0;
                for (const QString &udr : {QStringLiteral("service-tags"), QStringLiteral("ip-ranges"), QStringLiteral("ip-ranges+file")}) {
                    RuleSet set = scenario(edition.left(7), cloud, region,
                                           udr == u"service-tags" ? UdrMethod::ServiceTags : UdrMethod::IpRanges,
                                           edition.endsWith(QStringLiteral("answers")));
                    QString error;
                    if (udr.endsWith(QStringLiteral("file")) && !applyFixture(&set, &error))
                        failures << cloud + QStringLiteral(": ") + error;
                    // The modes in turn, shifted per method: each method meets every mode over the nine
                    // clouds and editions, and each cloud and edition meets three.
                    const auto [policy, table] = modes.at((udrIndex * 2 + group) % modes.size());
                    ExportOptions options;
                    options.deployment.policy = policy;
                    options.deployment.routeTable = table;
                    options.deployment.tier = count % 3 == 0 ? ArmOptions::Tier::Premium : ArmOptions::Tier::Standard;
                    if (table == ArmOptions::RouteTable::New && count % 2 == 0)
                        options.deployment.firewallPrivateIp = QStringLiteral("10.0.0.4");
                    if (count % 4 == 1) {
                        options.deployment.sourceAddresses = {QStringLiteral("10.0.1.0/24"), QStringLiteral("fd00::/64")};
                        options.deployment.location = region;
                    }
                    options.deployment.includeAlternatives = count % 5 != 2;
                    write(set, options,
                          cloud + u'-' + edition + u'-' + udr + u'-' + armPolicyId(policy) + u'-' + armRouteTableId(table));
                    ++count;
                    ++udrIndex;
                }
                ++group;
            }
        }
        // Japanese descriptions and notes; no features; other names.
        applyLanguage(Language::Japanese);
        ExportOptions japanese;
        japanese.language = Language::Japanese;
        write(scenario(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"), UdrMethod::IpRanges),
              japanese, QStringLiteral("japanese"));
        applyLanguage(Language::English);
        write(scenario(QStringLiteral("2021-11"), QStringLiteral("public"), QStringLiteral("japaneast"), UdrMethod::ServiceTags,
                       false, {}, false),
              ExportOptions{}, QStringLiteral("no-features"));
        ExportOptions names;
        names.deployment.policyName = QStringLiteral("corp.policy_1");
        names.deployment.ruleCollectionGroupName = QStringLiteral("aml-2026");
        names.deployment.ruleCollectionGroupPriority = 65000;
        names.deployment.routeTableName = QStringLiteral("rt.compute_");
        write(scenario(QStringLiteral("2026-03"), QStringLiteral("china"), QStringLiteral("chinaeast2"), UdrMethod::IpRanges),
              names, QStringLiteral("names"));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));

        // One call; each file is checked on its own (validate-terraform takes the files it is given as
        // one module, and every file declares the same variables).
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("xargs"), {QStringLiteral("-0"), QStringLiteral("-n"), QStringLiteral("1"),
                                                QStringLiteral("-P"), QStringLiteral("2"), validator, QStringLiteral("-q")});
        QVERIFY(process.waitForStarted());
        process.write(files.join(QChar(0)).toUtf8());
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(500000));
        const QString output = QString::fromUtf8(process.readAll());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(QStringLiteral("validate-terraform failed (exit %1):\n%2").arg(process.exitCode()).arg(output.left(6000))));
        qInfo("validate-terraform accepted %lld files", qlonglong(files.size()));
    }
};

QTEST_GUILESS_MAIN(TestTerraformExporter)
#include "tst_terraformexporter.moc"
