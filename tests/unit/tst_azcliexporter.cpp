// The az CLI script is run with bash against a fake `az` first on PATH that records each invocation's
// arguments (NUL-separated, one file per call); the records are compared with the rule set.
#include "azcliexporter.h"
#include "azurefirewall.h"
#include "exporter.h"
#include "rulegenerator.h"
#include "rulesetfixture.h"
#include "servicetags.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace amlfw;
using namespace amlfw::test;

namespace {

const QString Guid = QStringLiteral("0a1b2c3d-0000-4000-8000-000000000000");
const QStringList Sources{QStringLiteral("10.0.1.0/24"), QStringLiteral("10.0.2.0/24")};

const QString TagCollection = QStringLiteral("aml-network-service-tags");
const QString FqdnCollection = QStringLiteral("aml-network-fqdns");
const QString AppCollection = QStringLiteral("aml-application-rules");

RuleSet generateFor(const QString &edition, const QString &cloud, const QString &region, UdrMethod udr,
                    bool answered, NetworkKind network = NetworkKind::Customer)
{
    Problems problems;
    const Catalog catalog = Catalog::builtIn(edition, &problems);
    if (!catalog.isValid())
        qFatal("catalog %s invalid", qPrintable(edition));
    Answers answers;
    answers.cloud = cloud;
    answers.region = region;
    answers.storage = QStringLiteral("amlfwteststore");
    answers.features = catalog.featureIds();
    answers.udr = udr;
    answers.network = network;
    answers.edition = edition;
    if (answered) {
        answers.acr = QStringLiteral("amlfwtestacr");
        answers.workspaceId = Guid;
    }
    return RuleGenerator::generate(catalog, answers);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(data);
    return file.commit();
}

// One az invocation: its arguments, and the values of each option.
struct Call
{
    QStringList args;

    bool is(const QString &command) const { return args.join(u' ').startsWith(command + u' '); }
    QStringList values(const QString &option) const
    {
        const qsizetype at = args.indexOf(option);
        if (at < 0)
            return {};
        QStringList out;
        for (qsizetype i = at + 1; i < args.size() && !args.at(i).startsWith(QStringLiteral("--")); ++i)
            out << args.at(i);
        return out;
    }
    QString value(const QString &option) const { return values(option).value(0); }
    bool has(const QString &option) const { return args.contains(option); }
};

struct Run
{
    int exitCode = -1;
    QByteArray err;
    QList<Call> calls;
};

// Runs the script with bash and the fake az; `env` adds variables (RESOURCE_GROUP, SOURCE_ADDRESSES, ...).
Run runScript(const QByteArray &script, const QHash<QString, QString> &env, QString *workDir = nullptr)
{
    Run run;
    const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
    if (bash.isEmpty()) {
        qWarning("bash not found: the az CLI script cannot run");
        return run;
    }
    static QTemporaryDir dir; // one per process; a subfolder per run
    static int serial = 0;
    const QString base = dir.filePath(QStringLiteral("run%1").arg(++serial));
    QDir().mkpath(base + QStringLiteral("/bin"));
    QDir().mkpath(base + QStringLiteral("/log"));
    QDir().mkpath(base + QStringLiteral("/work"));
    const QByteArray fake = "#!" + bash.toUtf8()
                            + "\nn=0\n[ -f \"$AZ_LOG_DIR/count\" ] && n=$(<\"$AZ_LOG_DIR/count\")\n"
                              "printf '%s\\0' \"$@\" > \"$AZ_LOG_DIR/call-$n\"\n"
                              "echo $((n + 1)) > \"$AZ_LOG_DIR/count\"\n";
    if (!writeFile(base + QStringLiteral("/bin/az"), fake) || !writeFile(base + QStringLiteral("/script.sh"), script))
        return run;
    QFile::setPermissions(base + QStringLiteral("/bin/az"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"RESOURCE_GROUP", "SOURCE_ADDRESSES", "POLICY_NAME", "LOCATION", "RCG_NAME",
                             "RCG_PRIORITY", "ROUTE_TABLE_NAME", "FIREWALL_PRIVATE_IP"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("PATH"), base + QStringLiteral("/bin:") + environment.value(QStringLiteral("PATH")));
    environment.insert(QStringLiteral("AZ_LOG_DIR"), base + QStringLiteral("/log"));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(base + QStringLiteral("/work"));
    process.start(bash, {base + QStringLiteral("/script.sh")});
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.err = process.readAllStandardError();
    if (workDir)
        *workDir = base + QStringLiteral("/work");

    QFile count(base + QStringLiteral("/log/count"));
    const int n = count.open(QIODevice::ReadOnly) ? count.readAll().trimmed().toInt() : 0;
    for (int i = 0; i < n; ++i) {
        QFile record(base + QStringLiteral("/log/call-%1").arg(i));
        if (!record.open(QIODevice::ReadOnly))
            break;
        QList<QByteArray> parts = record.readAll().split('\0');
        if (!parts.isEmpty() && parts.constLast().isEmpty())
            parts.removeLast(); // after the last argument's NUL
        Call call;
        for (const QByteArray &part : std::as_const(parts))
            call.args << QString::fromUtf8(part);
        run.calls << call;
    }
    return run;
}

QHash<QString, QString> defaultEnv()
{
    return {{QStringLiteral("RESOURCE_GROUP"), QStringLiteral("rg-aml")},
            {QStringLiteral("SOURCE_ADDRESSES"), Sources.join(u' ')}};
}

// A firewall rule as the script gave it to az: the collection it went into and its arguments.
struct AzRule
{
    QString collection;
    Call call;
};

// The rules of the script by name; fails the test on a rule added to a collection not yet created.
QHash<QString, AzRule> rulesOf(const Run &run, QStringList *order = nullptr)
{
    QHash<QString, AzRule> rules;
    QStringList collections;
    bool group = false;
    for (const Call &call : run.calls) {
        if (call.is(QStringLiteral("network firewall policy rule-collection-group create"))) {
            group = true;
        } else if (call.is(QStringLiteral(
                       "network firewall policy rule-collection-group collection add-filter-collection"))) {
            if (!group)
                qWarning("collection before its rule collection group");
            const QString name = call.value(QStringLiteral("--name"));
            collections << name;
            rules.insert(call.value(QStringLiteral("--rule-name")), {name, call});
            if (order)
                *order << call.value(QStringLiteral("--rule-name"));
        } else if (call.is(QStringLiteral("network firewall policy rule-collection-group collection rule add"))) {
            const QString collection = call.value(QStringLiteral("--collection-name"));
            if (!collections.contains(collection)) {
                qWarning("rule %s before its collection %s", qPrintable(call.value(QStringLiteral("--name"))),
                         qPrintable(collection));
                continue; // not counted: the rule is then missing
            }
            rules.insert(call.value(QStringLiteral("--name")), {collection, call});
            if (order)
                *order << call.value(QStringLiteral("--name"));
        }
    }
    return rules;
}

QList<Call> routeCalls(const Run &run, bool *tableFirst)
{
    QList<Call> routes;
    bool table = false;
    *tableFirst = true;
    for (const Call &call : run.calls) {
        if (call.is(QStringLiteral("network route-table create")))
            table = true;
        else if (call.is(QStringLiteral("network route-table route create"))) {
            if (!table)
                *tableFirst = false;
            routes << call;
        }
    }
    return routes;
}

QStringList appProtocolArgs(const FirewallPart &part)
{
    QStringList out;
    for (const QString &p : part.appProtocols)
        out << QString(p).replace(u':', u'=');
    return out;
}

// Every rule of the set in the az calls, with its protocol, ports and destinations; `premium` for target URLs.
void compareWithSet(const RuleSet &set, const Run &run, const ExportOptions &options)
{
    QStringList order;
    const QHash<QString, AzRule> rules = rulesOf(run, &order);
    QCOMPARE(QSet<QString>(order.cbegin(), order.cend()).size(), order.size()); // no rule twice
    QStringList expected;
    bool dnsProxy = false;
    for (const Rule &rule : set.rules) {
        if (!rule.unanswered.isEmpty()) {
            QVERIFY2(!rules.contains(rule.id), qPrintable(rule.id + QStringLiteral(" holds a placeholder")));
            continue;
        }
        for (const FirewallPart &part : rule.firewall) {
            const QString what = rule.id + QStringLiteral(" (") + firewallRuleTypeId(part.type) + u')';
            switch (part.type) {
            case FirewallRuleType::NetworkServiceTag:
            case FirewallRuleType::NetworkFqdn: {
                const bool tag = part.type == FirewallRuleType::NetworkServiceTag;
                dnsProxy = dnsProxy || !tag;
                QVERIFY2(rules.contains(rule.id), qPrintable(what + QStringLiteral(" missing")));
                const AzRule &r = rules.value(rule.id);
                QCOMPARE(r.collection, tag ? TagCollection : FqdnCollection);
                QCOMPARE(r.call.value(QStringLiteral("--rule-type")), QStringLiteral("NetworkRule"));
                QCOMPARE(r.call.values(QStringLiteral("--ip-protocols")),
                         QStringList{AzureFirewall::firewallProtocol(rule.protocol)});
                QCOMPARE(r.call.values(tag ? QStringLiteral("--destination-addresses")
                                           : QStringLiteral("--destination-fqdns")),
                         QStringList{part.target});
                QVERIFY(!r.call.has(tag ? QStringLiteral("--destination-fqdns")
                                        : QStringLiteral("--destination-addresses")));
                QCOMPARE(r.call.values(QStringLiteral("--destination-ports")), part.ports);
                QCOMPARE(r.call.values(QStringLiteral("--source-addresses")), Sources);
                expected << rule.id;
                break;
            }
            case FirewallRuleType::Application: {
                QVERIFY2(rules.contains(rule.id), qPrintable(what + QStringLiteral(" missing")));
                const AzRule &r = rules.value(rule.id);
                QCOMPARE(r.collection, AppCollection);
                QCOMPARE(r.call.value(QStringLiteral("--rule-type")), QStringLiteral("ApplicationRule"));
                QCOMPARE(r.call.values(QStringLiteral("--protocols")), appProtocolArgs(part));
                if (!part.urlPath.isEmpty() && options.deployment.tier == ArmOptions::Tier::Premium) {
                    QCOMPARE(r.call.values(QStringLiteral("--target-urls")), QStringList{part.urlPath});
                    QCOMPARE(r.call.value(QStringLiteral("--enable-tls-inspection")), QStringLiteral("true"));
                } else {
                    QCOMPARE(r.call.values(QStringLiteral("--target-fqdns")), QStringList{part.target});
                }
                QVERIFY(!r.call.has(QStringLiteral("--ip-protocols")));
                QCOMPARE(r.call.values(QStringLiteral("--source-addresses")), Sources);
                expected << rule.id;
                if (part.protocol == u"ANY" && !part.alternativeTag.isEmpty())
                    expected << rule.id + QStringLiteral("-alternative");
                break;
            }
            case FirewallRuleType::Unsupported: {
                if (part.alternativeTag.isEmpty() || !options.deployment.includeAlternatives)
                    break;
                const QString name = rule.id + QStringLiteral("-alternative");
                QVERIFY2(rules.contains(name), qPrintable(what + QStringLiteral(": no alternative")));
                const AzRule &r = rules.value(name);
                QCOMPARE(r.collection, TagCollection);
                QCOMPARE(r.call.values(QStringLiteral("--destination-addresses")), QStringList{part.alternativeTag});
                QCOMPARE(r.call.values(QStringLiteral("--destination-ports")), part.ports);
                QCOMPARE(r.call.values(QStringLiteral("--ip-protocols")),
                         QStringList{AzureFirewall::firewallProtocol(rule.protocol)});
                expected << name;
                break;
            }
            default:
                break;
            }
        }
    }
    for (const QString &name : std::as_const(order))
        QVERIFY2(expected.contains(name), qPrintable(name + QStringLiteral(": no such rule in the set")));
    // Each rule into its collection, after the collection exists.
    QCOMPARE(rules.size(), order.size());

    const bool newPolicy = options.deployment.policy == ArmOptions::Policy::New;
    const auto policyCreate = std::find_if(run.calls.cbegin(), run.calls.cend(), [](const Call &c) {
        return c.is(QStringLiteral("network firewall policy create"));
    });
    QCOMPARE(policyCreate != run.calls.cend(), newPolicy);
    if (newPolicy) {
        QVERIFY(policyCreate == run.calls.cbegin()); // the policy before its rule collection group
        QCOMPARE(policyCreate->value(QStringLiteral("--name")), options.deployment.policyName);
        QCOMPARE(policyCreate->value(QStringLiteral("--sku")),
                 options.deployment.tier == ArmOptions::Tier::Premium ? QStringLiteral("Premium")
                                                                      : QStringLiteral("Standard"));
        QCOMPARE(policyCreate->value(QStringLiteral("--enable-dns-proxy")),
                 dnsProxy ? QStringLiteral("true") : QString());
    }
    for (const Call &call : run.calls) {
        if (call.is(QStringLiteral("network firewall policy")) && !call.is(QStringLiteral("network firewall policy create"))) {
            QCOMPARE(call.value(QStringLiteral("--resource-group")), QStringLiteral("rg-aml"));
            QCOMPARE(call.value(QStringLiteral("--policy-name")), options.deployment.policyName);
        }
        if (call.is(QStringLiteral("network firewall policy rule-collection-group create")))
            QCOMPARE(call.value(QStringLiteral("--priority")),
                     QString::number(options.deployment.ruleCollectionGroupPriority));
    }

    // Routes: the table first, then one route per rule (service tags) or per prefix (ip-ranges).
    bool tableFirst = false;
    const QList<Call> routes = routeCalls(run, &tableFirst);
    const bool newTable = options.deployment.routeTable == ArmOptions::RouteTable::New;
    if (newTable)
        QVERIFY(tableFirst);
    QStringList expectedRoutes;
    bool routeRules = false;
    for (const Rule &rule : set.rules) {
        if (rule.kind != RuleKind::Route)
            continue;
        routeRules = true;
        if (set.answers.udr == UdrMethod::ServiceTags) {
            expectedRoutes << rule.id + u' ' + rule.destination;
        } else {
            const QStringList prefixes = set.addressPrefixes(rule);
            for (qsizetype i = 0; i < prefixes.size(); ++i)
                expectedRoutes << rule.id + u'-' + QString::number(i) + u' ' + prefixes.at(i);
        }
    }
    if (options.deployment.routeTable == ArmOptions::RouteTable::None)
        expectedRoutes.clear();
    else if (newTable && !options.deployment.firewallPrivateIp.isEmpty() && routeRules)
        expectedRoutes << QStringLiteral("default-via-firewall 0.0.0.0/0");
    QStringList actualRoutes;
    for (const Call &call : routes) {
        actualRoutes << call.value(QStringLiteral("--name")) + u' ' + call.value(QStringLiteral("--address-prefix"));
        QCOMPARE(call.value(QStringLiteral("--route-table-name")), options.deployment.routeTableName);
        QCOMPARE(call.value(QStringLiteral("--next-hop-type")),
                 call.value(QStringLiteral("--name")) == u"default-via-firewall" ? QStringLiteral("VirtualAppliance")
                                                                                : QStringLiteral("Internet"));
    }
    QCOMPARE(actualRoutes, expectedRoutes);
}

} // namespace

class TestAzCliExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        applyLanguage(Language::English);
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty(),
                 "bash is needed to run the az CLI script");
    }

    void everyRule_data()
    {
        QTest::addColumn<QString>("edition");
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("region");
        QTest::addColumn<bool>("answered");
        for (const char *edition : {"2021-11", "2026-03"}) {
            for (const auto &[cloud, region] : {std::pair{"public", "japaneast"}, std::pair{"usgov", "usgovvirginia"},
                                                std::pair{"china", "chinaeast2"}}) {
                for (bool answered : {false, true}) {
                    if (answered && QByteArray(edition) == "2021-11")
                        continue;
                    QTest::addRow("%s-%s%s", edition, cloud, answered ? "-answered" : "")
                        << QString::fromLatin1(edition) << QString::fromLatin1(cloud) << QString::fromLatin1(region)
                        << answered;
                }
            }
        }
    }

    // Each cloud and edition with every feature: every rule reaches az with its protocol, ports and
    // destinations; collections before their rules, the route table before its routes.
    void everyRule()
    {
        QFETCH(QString, edition);
        QFETCH(QString, cloud);
        QFETCH(QString, region);
        QFETCH(bool, answered);
        const RuleSet set = generateFor(edition, cloud, region, UdrMethod::ServiceTags, answered);
        QVERIFY(set.isValid());
        ExportOptions options;
        QVERIFY(!hasErrors(Exporter::validate(set, ExportFormat::AzCli, options)));
        const QByteArray script = Exporter::write(set, ExportFormat::AzCli, options);
        QVERIFY(script.startsWith("#!/usr/bin/env bash\n"));
        QVERIFY(script.contains("\nset -euo pipefail\n"));
        QVERIFY(script.contains(QByteArray("# Generated by amlfw " AMLFW_VERSION " from the article edition " + edition.toUtf8())));
        const Run run = runScript(script, defaultEnv());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!run.calls.isEmpty());
        compareWithSet(set, run, options);
    }

    void options_data()
    {
        QTest::addColumn<int>("variant");
        QTest::newRow("existing policy and table, premium") << 0;
        QTest::newRow("no route table") << 1;
        QTest::newRow("firewall IP, names, location, sources") << 2;
    }

    // The deployment options the ARM template takes, in the az calls.
    void options()
    {
        QFETCH(int, variant);
        const RuleSet set = generateFor(QStringLiteral("2021-11"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                        UdrMethod::ServiceTags, false);
        ExportOptions options;
        QHash<QString, QString> env = defaultEnv();
        switch (variant) {
        case 0:
            options.deployment.policy = ArmOptions::Policy::Existing;
            options.deployment.routeTable = ArmOptions::RouteTable::Existing;
            options.deployment.tier = ArmOptions::Tier::Premium;
            options.deployment.policyName = QStringLiteral("corp-fw-policy");
            options.deployment.ruleCollectionGroupName = QStringLiteral("aml-gov");
            options.deployment.ruleCollectionGroupPriority = 300;
            break;
        case 1:
            options.deployment.routeTable = ArmOptions::RouteTable::None;
            options.deployment.includeAlternatives = false;
            break;
        case 2:
            options.deployment.firewallPrivateIp = QStringLiteral("10.0.0.4");
            options.deployment.location = QStringLiteral("japaneast");
            options.deployment.routeTableName = QStringLiteral("rt-ml");
            options.deployment.sourceAddresses = Sources;
            env.remove(QStringLiteral("SOURCE_ADDRESSES")); // the default from the options
            break;
        }
        QVERIFY(!hasErrors(Exporter::validate(set, ExportFormat::AzCli, options)));
        const QByteArray script = Exporter::write(set, ExportFormat::AzCli, options);
        const Run run = runScript(script, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        compareWithSet(set, run, options);
        const QHash<QString, AzRule> rules = rulesOf(run);
        for (const AzRule &r : rules)
            QCOMPARE(r.call.value(QStringLiteral("--rcg-name")), options.deployment.ruleCollectionGroupName);
        bool alternative = false;
        for (auto it = rules.cbegin(); it != rules.cend(); ++it)
            alternative = alternative || it.key().endsWith(QStringLiteral("-alternative"));
        QCOMPARE(alternative, options.deployment.includeAlternatives);
        const bool table = std::any_of(run.calls.cbegin(), run.calls.cend(), [](const Call &c) {
            return c.is(QStringLiteral("network route-table create"));
        });
        QCOMPARE(table, options.deployment.routeTable == ArmOptions::RouteTable::New);
        if (variant == 0) // the existing policy is not touched: DNS proxy is a note and a commented command
            QVERIFY(script.contains("# az network firewall policy update"));
        if (variant == 2) {
            for (const Call &c : run.calls) {
                if (c.is(QStringLiteral("network firewall policy create")) || c.is(QStringLiteral("network route-table create")))
                    QCOMPARE(c.value(QStringLiteral("--location")), QStringLiteral("japaneast"));
                if (c.value(QStringLiteral("--name")) == u"default-via-firewall")
                    QCOMPARE(c.value(QStringLiteral("--next-hop-ip-address")), QStringLiteral("10.0.0.4"));
            }
        }
    }

    // --udr ip-ranges with a service tags file: one route per prefix of the region and its pair, the
    // file named in the header; without one, the prefixes come from variables the user fills.
    void ipRanges()
    {
        for (const QString &edition : {QStringLiteral("2021-11"), QStringLiteral("2026-03")}) {
            RuleSet set = generateFor(edition, QStringLiteral("public"), QStringLiteral("japaneast"), UdrMethod::IpRanges,
                                      false);
            Problems problems;
            const auto file = ServiceTagsFile::load(testData(QStringLiteral("servicetags/ServiceTags_Public_20261130.json")),
                                                    &problems);
            QVERIFY2(file, qPrintable(formatProblems(problems)));
            QVERIFY(!hasErrors(applyServiceTags(&set, std::make_shared<const ServiceTagsFile>(*file))));
            int withPrefixes = 0;
            for (const Rule &rule : set.rules)
                withPrefixes += rule.kind == RuleKind::Route && !set.addressPrefixes(rule).isEmpty() ? 1 : 0;
            if (edition == u"2021-11")
                QVERIFY(withPrefixes >= 2); // the region's and the pair's
            ExportOptions options;
            options.deployment.firewallPrivateIp = QStringLiteral("10.0.0.4");
            const QByteArray script = Exporter::write(set, ExportFormat::AzCli, options);
            QVERIFY(script.contains("ServiceTags_Public_20261130.json (change 412, 2026-11-30)"));
            const Run run = runScript(script, defaultEnv());
            QVERIFY2(run.exitCode == 0, run.err.constData());
            compareWithSet(set, run, options);
        }

        // Without a file: variables, empty by default (a warning, no routes), filled by the user.
        const RuleSet set = generateFor(QStringLiteral("2021-11"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                        UdrMethod::IpRanges, false);
        const QByteArray script = Exporter::write(set, ExportFormat::AzCli, ExportOptions());
        QVERIFY(script.contains("\nUDR_AML_IP_REGION_PREFIXES=${UDR_AML_IP_REGION_PREFIXES:-''}\n"));
        Run run = runScript(script, defaultEnv());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        bool tableFirst = false;
        QVERIFY(routeCalls(run, &tableFirst).isEmpty());
        QVERIFY(run.err.contains("UDR_AML_IP_REGION_PREFIXES is empty"));
        QHash<QString, QString> env = defaultEnv();
        env.insert(QStringLiteral("UDR_AML_IP_REGION_PREFIXES"), QStringLiteral("192.0.2.0/24 2001:db8::/48"));
        run = runScript(script, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QStringList routes;
        for (const Call &call : routeCalls(run, &tableFirst))
            routes << call.value(QStringLiteral("--name")) + u' ' + call.value(QStringLiteral("--address-prefix"));
        QCOMPARE(routes, (QStringList{QStringLiteral("udr-aml-ip-region-0 192.0.2.0/24"),
                                      QStringLiteral("udr-aml-ip-region-1 2001:db8::/48")}));
    }

    // Values reach az unchanged, whatever they hold: quotes, $(), backquotes, spaces, newlines, globs.
    void quoting()
    {
        RuleSet set = generateFor(QStringLiteral("2021-11"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                  UdrMethod::ServiceTags, false);
        const QString evil = QStringLiteral("x'; touch pwned1; echo '$(touch pwned2) `touch pwned3` \"q\" * ${HOME}");
        const QString evilPurpose = QStringLiteral("purpose\ntouch pwned4\n'$(touch pwned5)'");
        Rule *target = nullptr;
        for (Rule &rule : set.rules) {
            if (!target && rule.primaryType() == FirewallRuleType::Application && rule.unanswered.isEmpty())
                target = &rule;
        }
        QVERIFY(target);
        target->firewall.first().target = evil;
        target->firewall.first().urlPath.clear();
        for (RuleSource &s : target->sources)
            s.purpose = LocalizedText{evilPurpose, evilPurpose};
        const QString id = target->id;
        // A route's comment names its purpose: a newline there must not start a command.
        for (Rule &rule : set.rules) {
            if (rule.kind == RuleKind::Route)
                rule.sources.first().purpose = LocalizedText{evilPurpose, evilPurpose};
        }
        QHash<QString, QString> env = defaultEnv();
        env.insert(QStringLiteral("RESOURCE_GROUP"), QStringLiteral("rg with 'quotes' $(touch pwned6)"));
        QString workDir;
        const Run run = runScript(Exporter::write(set, ExportFormat::AzCli, ExportOptions()), env, &workDir);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QHash<QString, AzRule> rules = rulesOf(run);
        QVERIFY(rules.contains(id));
        QCOMPARE(rules.value(id).call.values(QStringLiteral("--target-fqdns")), QStringList{evil});
        QCOMPARE(rules.value(id).call.value(QStringLiteral("--description")), evilPurpose);
        QCOMPARE(rules.value(id).call.value(QStringLiteral("--resource-group")), env.value(QStringLiteral("RESOURCE_GROUP")));
        QVERIFY(!workDir.isEmpty());
        QCOMPARE(QDir(workDir).entryList(QDir::Files | QDir::NoDotAndDotDot), QStringList());
    }

    // Parameters without a default stop the script before any az call.
    void requiredParameters()
    {
        const RuleSet set = generateFor(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                        UdrMethod::ServiceTags, false);
        const QByteArray script = Exporter::write(set, ExportFormat::AzCli, ExportOptions());
        for (const QString &missing : {QStringLiteral("RESOURCE_GROUP"), QStringLiteral("SOURCE_ADDRESSES")}) {
            QHash<QString, QString> env = defaultEnv();
            env.remove(missing);
            const Run run = runScript(script, env);
            QVERIFY(run.exitCode != 0);
            QVERIFY(run.calls.isEmpty());
            QVERIFY2(run.err.contains(missing.toUtf8()), run.err.constData());
        }
        // An az failure stops the script (set -e): one call, then no more.
        QHash<QString, QString> env = defaultEnv();
        QByteArray failing = script;
        failing.replace("set -euo pipefail\n", "set -euo pipefail\naz() { command az \"$@\"; return 3; }\n");
        const Run run = runScript(failing, env);
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.calls.size(), 1);
    }

    void refusesManagedNetwork()
    {
        const RuleSet set = generateFor(QStringLiteral("2026-03"), QStringLiteral("public"), QStringLiteral("japaneast"),
                                        UdrMethod::ServiceTags, false, NetworkKind::Managed);
        QVERIFY(set.isValid());
        const Problems problems = Exporter::validate(set, ExportFormat::AzCli, ExportOptions());
        QVERIFY(hasErrors(problems));
        QVERIFY(formatProblems(problems).contains(QStringLiteral("--format managed-network")));

        ExportOptions bad;
        bad.deployment.policyName = QStringLiteral("bad name'; rm -rf /");
        const RuleSet customer = generateFor(QStringLiteral("2026-03"), QStringLiteral("public"),
                                             QStringLiteral("japaneast"), UdrMethod::ServiceTags, false);
        QVERIFY(hasErrors(Exporter::validate(customer, ExportFormat::AzCli, bad)));
        QVERIFY(!hasErrors(Exporter::validate(customer, ExportFormat::AzCli, ExportOptions())));
    }
};

QTEST_GUILESS_MAIN(TestAzCliExporter)
#include "tst_azcliexporter.moc"
