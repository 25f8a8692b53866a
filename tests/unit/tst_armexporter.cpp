#include "armexporter.h"
#include "editionfixture.h"
#include "rulesetfixture.h"
#include "servicetags.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using namespace amlfw;
using namespace amlfw::test;

namespace {

QString validatorPath()
{
    const QString fromEnv = qEnvironmentVariable("AMLFW_VALIDATE_ARM");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(sourceDir()).absoluteFilePath(QStringLiteral("../shared/tools/validate-arm"));
}

struct Golden
{
    const char *name;
    const char *cloud;
    const char *region;
    QStringList features;
    UdrMethod udr;
    ArmOptions options;
};

QList<Golden> goldens()
{
    ArmOptions defaults;
    ArmOptions compute;
    compute.sourceAddresses = {QStringLiteral("10.0.1.0/24"), QStringLiteral("10.0.2.0/24")};
    compute.firewallPrivateIp = QStringLiteral("10.0.0.4");
    compute.location = QStringLiteral("japaneast");
    ArmOptions existing;
    existing.policy = ArmOptions::Policy::Existing;
    existing.routeTable = ArmOptions::RouteTable::Existing;
    existing.tier = ArmOptions::Tier::Premium;
    existing.policyName = QStringLiteral("corp-fw-policy");
    existing.ruleCollectionGroupName = QStringLiteral("aml-gov");
    existing.ruleCollectionGroupPriority = 300;
    existing.sourceAddresses = {QStringLiteral("10.20.0.0/22")};
    ArmOptions japanese;
    japanese.language = Language::Japanese;
    japanese.routeTable = ArmOptions::RouteTable::None;
    return {
        {"public-minimal", "public", "japaneast", {}, UdrMethod::ServiceTags, defaults},
        {"public-compute-notebooks", "public", "japaneast",
         {QStringLiteral("compute-instance"), QStringLiteral("private-endpoint"), QStringLiteral("notebooks"), QStringLiteral("python")},
         UdrMethod::ServiceTags, compute},
        {"usgov-existing-ipranges", "usgov", "usgovvirginia",
         {QStringLiteral("compute-cluster"), QStringLiteral("vscode"), QStringLiteral("hbi")}, UdrMethod::IpRanges, existing},
        {"china-all-ja", "china", "chinaeast2", builtInCatalog().featureIds(), UdrMethod::ServiceTags, japanese},
    };
}

QByteArray exportArm(const Golden &g)
{
    const RuleSet set = generate(QString::fromLatin1(g.cloud), QString::fromLatin1(g.region), g.features, g.udr);
    if (!set.isValid()) { // no template: the comparison with the golden file fails
        qWarning("invalid scenario %s", g.name);
        return {};
    }
    applyLanguage(g.options.language);
    const QByteArray bytes = ArmExporter::write(set, g.options);
    applyLanguage(Language::English);
    return bytes;
}

QJsonObject rcg(const QJsonObject &tpl)
{
    for (const QJsonValue &r : tpl.value(QStringLiteral("resources")).toArray()) {
        if (r.toObject().value(QStringLiteral("type")).toString() == u"Microsoft.Network/firewallPolicies/ruleCollectionGroups")
            return r.toObject();
    }
    return {};
}

QStringList collectionNames(const QJsonObject &tpl)
{
    QStringList names;
    for (const QJsonValue &c : rcg(tpl).value(QStringLiteral("properties")).toObject().value(QStringLiteral("ruleCollections")).toArray())
        names << c.toObject().value(QStringLiteral("name")).toString();
    return names;
}

} // namespace

class TestArmExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { applyLanguage(Language::English); }

    void goldenFiles_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < goldens().size(); ++i)
            QTest::newRow(goldens().at(i).name) << i;
    }

    // Templates for a few profiles are byte-identical to files reviewed by hand (tests/data/arm).
    // AMLFW_UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
    void goldenFiles()
    {
        QFETCH(int, index);
        const Golden g = goldens().at(index);
        const QByteArray actual = exportArm(g);
        const QString path = testData(QStringLiteral("arm/%1.json").arg(QString::fromLatin1(g.name)));
        if (qEnvironmentVariableIsSet("AMLFW_UPDATE_GOLDEN")) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(actual);
        }
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray expected = file.readAll();
        if (actual != expected) {
            const QList<QByteArray> a = actual.split('\n');
            const QList<QByteArray> e = expected.split('\n');
            for (qsizetype i = 0; i < std::min(a.size(), e.size()); ++i) {
                if (a.at(i) != e.at(i))
                    QFAIL(qPrintable(QStringLiteral("%1 differs at line %2:\n  actual:   %3\n  expected: %4")
                                         .arg(path).arg(i + 1).arg(QString::fromUtf8(a.at(i)), QString::fromUtf8(e.at(i)))));
            }
            QFAIL(qPrintable(QStringLiteral("%1 differs in length").arg(path)));
        }
    }

    void shape()
    {
        const RuleSet set = generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        ArmOptions options;
        const QJsonObject tpl = QJsonDocument::fromJson(ArmExporter::write(set, options)).object();
        QCOMPARE(tpl.value(QStringLiteral("$schema")).toString(), QString::fromLatin1(ArmExporter::Schema));
        QStringList types;
        QStringList versions;
        for (const QJsonValue &r : tpl.value(QStringLiteral("resources")).toArray()) {
            types << r.toObject().value(QStringLiteral("type")).toString();
            versions << r.toObject().value(QStringLiteral("apiVersion")).toString();
        }
        QCOMPARE(types, (QStringList{QStringLiteral("Microsoft.Network/firewallPolicies"),
                                     QStringLiteral("Microsoft.Network/firewallPolicies/ruleCollectionGroups"),
                                     QStringLiteral("Microsoft.Network/routeTables")}));
        versions.removeDuplicates();
        QCOMPARE(versions, QStringList{QStringLiteral("2025-05-01")});
        QCOMPARE(collectionNames(tpl), (QStringList{QStringLiteral("aml-network-service-tags"), QStringLiteral("aml-network-fqdns"),
                                                    QStringLiteral("aml-application-rules")}));
        // DNS proxy on, because of the network FQDN rules.
        const QJsonObject policy = tpl.value(QStringLiteral("resources")).toArray().at(0).toObject();
        QVERIFY(policy.value(QStringLiteral("properties")).toObject().value(QStringLiteral("dnsSettings")).toObject()
                    .value(QStringLiteral("enableProxy")).toBool());
        // Every rule of the set is in the template (or explained), each once.
        int rules = 0;
        for (const QJsonValue &c : rcg(tpl).value(QStringLiteral("properties")).toObject().value(QStringLiteral("ruleCollections")).toArray())
            rules += int(c.toObject().value(QStringLiteral("rules")).toArray().size());
        const RuleSummary s = set.summary();
        // tag rules + FQDN network rules + application rules + 1 alternative for *.instances.azureml.ms
        QCOMPARE(rules, s.networkServiceTag + s.networkFqdn + s.application + 1);
        // Parameters with sensible defaults.
        const QJsonObject parameters = tpl.value(QStringLiteral("parameters")).toObject();
        QCOMPARE(parameters.value(QStringLiteral("ruleCollectionGroupPriority")).toObject().value(QStringLiteral("defaultValue")).toInt(), 500);
        QCOMPARE(parameters.value(QStringLiteral("firewallPolicyName")).toObject().value(QStringLiteral("defaultValue")).toString(),
                 QStringLiteral("fwpol-aml"));
        QVERIFY(!parameters.value(QStringLiteral("sourceAddresses")).toObject().contains(QStringLiteral("defaultValue")));
    }

    void noRoutesWithoutComputeThatNeedsThem()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("no-public-ip")});
        const QJsonObject tpl = QJsonDocument::fromJson(ArmExporter::write(set, ArmOptions{})).object();
        for (const QJsonValue &r : tpl.value(QStringLiteral("resources")).toArray())
            QVERIFY(!r.toObject().value(QStringLiteral("type")).toString().contains(QStringLiteral("routeTables")));
        QVERIFY(!tpl.value(QStringLiteral("parameters")).toObject().contains(QStringLiteral("routeTableName")));
    }

    void existingPolicyIsNotRedeployed()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("notebooks")});
        ArmOptions options;
        options.policy = ArmOptions::Policy::Existing;
        const QJsonObject tpl = QJsonDocument::fromJson(ArmExporter::write(set, options)).object();
        const QJsonArray resources = tpl.value(QStringLiteral("resources")).toArray();
        QCOMPARE(resources.size(), 1);
        QVERIFY(!resources.first().toObject().contains(QStringLiteral("dependsOn")));
        // ... and the template says that DNS proxy must be enabled on it.
        const QJsonArray notes = tpl.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("amlfw")).toObject()
                                     .value(QStringLiteral("notes")).toArray();
        bool dns = false;
        for (const QJsonValue &n : notes)
            dns = dns || n.toString().contains(QStringLiteral("DNS proxy"));
        QVERIFY(dns);
    }

    void premiumUsesTargetUrls()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("vscode")});
        ArmOptions options;
        options.tier = ArmOptions::Tier::Premium;
        const QByteArray premium = ArmExporter::write(set, options);
        QVERIFY(premium.contains("\"targetUrls\""));
        QVERIFY(premium.contains("\"terminateTLS\": true"));
        QVERIFY(premium.contains("\"tier\": \"Premium\""));
        const QByteArray standard = ArmExporter::write(set, ArmOptions{});
        QVERIFY(!standard.contains("\"targetUrls\""));
        QVERIFY(standard.contains("\"raw.githubusercontent.com\""));
    }

    void alternativesCanBeLeftOut()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"),
                                     {QStringLiteral("compute-instance"), QStringLiteral("private-endpoint")});
        ArmOptions options;
        QVERIFY(ArmExporter::write(set, options).contains("-alternative\""));
        options.includeAlternatives = false;
        QVERIFY(!ArmExporter::write(set, options).contains("-alternative\""));
    }

    void optionValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("location");
        QTest::newRow("policy name") << QStringLiteral("policyName") << QStringLiteral("bad name!") << QStringLiteral("--policy-name");
        QTest::newRow("policy name too long") << QStringLiteral("policyName") << QString(81, u'a') << QStringLiteral("--policy-name");
        QTest::newRow("rcg name") << QStringLiteral("rcg") << QStringLiteral("-x") << QStringLiteral("--rcg-name");
        QTest::newRow("priority low") << QStringLiteral("priority") << QStringLiteral("99") << QStringLiteral("--rcg-priority");
        QTest::newRow("priority high") << QStringLiteral("priority") << QStringLiteral("65001") << QStringLiteral("--rcg-priority");
        QTest::newRow("source") << QStringLiteral("source") << QStringLiteral("10.0.1.0/33") << QStringLiteral("--source-addresses");
        QTest::newRow("source text") << QStringLiteral("source") << QStringLiteral("subnet-a") << QStringLiteral("--source-addresses");
        QTest::newRow("location") << QStringLiteral("location") << QStringLiteral("Japan East") << QStringLiteral("--location");
        QTest::newRow("firewall ip") << QStringLiteral("ip") << QStringLiteral("10.0.0.300") << QStringLiteral("--firewall-ip");
        QTest::newRow("firewall ipv6") << QStringLiteral("ip") << QStringLiteral("::1") << QStringLiteral("--firewall-ip");
    }

    void optionValidation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, location);
        ArmOptions o;
        QVERIFY(ArmExporter::validateOptions(o).isEmpty());
        if (field == u"policyName")
            o.policyName = value;
        else if (field == u"rcg")
            o.ruleCollectionGroupName = value;
        else if (field == u"priority")
            o.ruleCollectionGroupPriority = value.toInt();
        else if (field == u"source")
            o.sourceAddresses = {QStringLiteral("10.0.0.0/24"), value};
        else if (field == u"location")
            o.location = value;
        else if (field == u"ip")
            o.firewallPrivateIp = value;
        const Problems problems = ArmExporter::validateOptions(o);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().location, location);
        QVERIFY2(problems.first().message().contains(value.left(20)), qPrintable(problems.first().message()));
    }

    void validSourceAddresses()
    {
        for (const char *a : {"10.0.1.0/24", "10.0.1.4", "*", "fd00::/64", "192.168.0.0/16"})
            QVERIFY2(ArmExporter::isValidSourceAddress(QString::fromLatin1(a)), a);
    }

    // The 2026 edition's protocols become network rules with UDP / Any; unanswered rules stay out.
    void udpAnyAndUnanswered()
    {
        const RuleSet set = generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"),
                                            {QStringLiteral("compute-instance")});
        QVERIFY(set.isValid());
        const QJsonObject tpl = QJsonDocument::fromJson(ArmExporter::write(set, ArmOptions{})).object();
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &c : rcg(tpl).value(QStringLiteral("properties")).toObject().value(QStringLiteral("ruleCollections")).toArray()) {
            for (const QJsonValue &r : c.toObject().value(QStringLiteral("rules")).toArray())
                byName.insert(r.toObject().value(QStringLiteral("name")).toString(), r.toObject());
        }
        const QJsonObject tundra = byName.value(QStringLiteral("x-tundra"));
        QCOMPARE(tundra.value(QStringLiteral("ruleType")).toString(), QStringLiteral("NetworkRule"));
        QCOMPARE(tundra.value(QStringLiteral("ipProtocols")).toArray(), QJsonArray{QStringLiteral("UDP")});
        QCOMPARE(tundra.value(QStringLiteral("destinationFqdns")).toArray(), QJsonArray{QStringLiteral("japaneast.tundra.azureml.ms")});
        // The UDP wildcard: not expressible; its alternative is the tag on UDP.
        QVERIFY(!byName.contains(QStringLiteral("x-tundra-api")));
        const QJsonObject alternative = byName.value(QStringLiteral("x-tundra-api-alternative"));
        QCOMPARE(alternative.value(QStringLiteral("ipProtocols")).toArray(), QJsonArray{QStringLiteral("UDP")});
        QCOMPARE(alternative.value(QStringLiteral("destinationAddresses")).toArray(), QJsonArray{QStringLiteral("AzureMachineLearning")});
        // ANY: the tag as a network rule with protocol Any; the wildcard as an application rule, with a note.
        QCOMPARE(byName.value(QStringLiteral("x-batch-tag")).value(QStringLiteral("ipProtocols")).toArray(), QJsonArray{QStringLiteral("Any")});
        QCOMPARE(byName.value(QStringLiteral("x-batch")).value(QStringLiteral("ruleType")).toString(), QStringLiteral("ApplicationRule"));
        const QJsonObject batchAlternative = byName.value(QStringLiteral("x-batch-alternative"));
        QCOMPARE(batchAlternative.value(QStringLiteral("ipProtocols")).toArray(), QJsonArray{QStringLiteral("Any")});
        QCOMPARE(batchAlternative.value(QStringLiteral("destinationAddresses")).toArray(),
                 QJsonArray{QStringLiteral("BatchNodeManagement.japaneast")});
        const QJsonArray notes = tpl.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("amlfw")).toObject()
                                     .value(QStringLiteral("notes")).toArray();
        QStringList noteTexts;
        for (const QJsonValue &n : notes)
            noteTexts << n.toString();
        const QString all = noteTexts.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("BatchNodeManagement.japaneast")), qPrintable(all));
        // Unanswered placeholders: not in the template (a '<' is no FQDN), the note names the answer.
        QVERIFY(!byName.contains(QStringLiteral("x-acr")));
        QVERIFY(!byName.contains(QStringLiteral("x-workspace")));
        QVERIFY(!ArmExporter::write(set, ArmOptions{}).contains("<acr>.azurecr.io\""));
        QVERIFY2(all.contains(QStringLiteral("Rule x-acr is not in this template")) && all.contains(QStringLiteral("--acr"))
                     && all.contains(QStringLiteral("--workspace-id")),
                 qPrintable(all));

        const RuleSet answered = generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"), {},
                                                 NetworkKind::Customer, QStringLiteral("myacr"),
                                                 QStringLiteral("0a1b2c3d-0000-4000-8000-000000000000"));
        const QByteArray bytes = ArmExporter::write(answered, ArmOptions{});
        QVERIFY(bytes.contains("\"myacr.azurecr.io\""));
        QVERIFY(bytes.contains("\"0a1b2c3d-0000-4000-8000-000000000000.workspace.japaneast.api.azureml.ms\""));
        QVERIFY(!bytes.contains("--acr"));
    }

    void managedNetworkIsRefused()
    {
        const RuleSet customer = generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"), {});
        QVERIFY(ArmExporter::validateRuleSet(customer).isEmpty());
        const RuleSet managed = generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"), {},
                                                NetworkKind::Managed);
        QVERIFY(managed.isValid());
        const Problems problems = ArmExporter::validateRuleSet(managed);
        QCOMPARE(problems.size(), 1);
        QVERIFY(hasErrors(problems));
        QVERIFY2(problems.first().message().contains(QStringLiteral("set on the workspace")),
                 qPrintable(problems.first().message()));
        applyLanguage(Language::Japanese);
        const QString ja = problems.first().message();
        applyLanguage(Language::English);
        QVERIFY2(ja.contains(QStringLiteral("ワークスペース")), qPrintable(ja));
    }

    // With --udr ip-ranges and a service tags file, the routes hold the file's prefixes of the region's
    // and the pair's tags (one route per prefix, names unique and valid) instead of parameters; a tag the
    // file lacks keeps its parameter; the notes and metadata name the file. For the three clouds, both
    // editions, a new and an existing route table; every template passes validate-arm.
    void ipRangesFromServiceTagsFile()
    {
        const QString validator = validatorPath();
        QVERIFY2(QFile::exists(validator), qPrintable(validator + QStringLiteral(" not found: it checks these templates")));
        struct Cloud
        {
            const char *cloud;
            const char *region;
            const char *file;
        };
        const QList<Cloud> clouds{{"public", "japaneast", "ServiceTags_Public_20261130.json"},
                                  {"usgov", "usgovvirginia", "ServiceTags_AzureGovernment_20261130.json"},
                                  {"china", "chinaeast2", "ServiceTags_China_20261130.json"}};
        static const QRegularExpression routeName(QStringLiteral("^(udr-[a-z]+-ip-(region|pair))-(\\d+)$"));
        QTemporaryDir dir;
        QStringList files;
        for (const QString &edition : {QStringLiteral("2021-11"), QStringLiteral("2026-03")}) {
            Problems catalogProblems;
            const Catalog catalog = Catalog::builtIn(edition, &catalogProblems);
            QVERIFY(catalog.isValid());
            for (const Cloud &c : clouds) {
                const QString fileName = QString::fromLatin1(c.file);
                Problems problems;
                const auto loaded = ServiceTagsFile::load(testData(QStringLiteral("servicetags/") + fileName), &problems);
                QVERIFY2(loaded, qPrintable(formatProblems(problems)));
                const auto tags = std::make_shared<const ServiceTagsFile>(*loaded);
                Answers a;
                a.cloud = QString::fromLatin1(c.cloud);
                a.region = QString::fromLatin1(c.region);
                a.storage = QStringLiteral("mystore");
                a.features = catalog.featureIds();
                a.udr = UdrMethod::IpRanges;
                RuleSet set = RuleGenerator::generate(catalog, a);
                QVERIFY(set.isValid());
                QVERIFY(applyServiceTags(&set, tags).isEmpty());
                // The routes amlfw must write: rule id -> the file's prefixes of its tag.
                QHash<QString, QStringList> expected;
                for (const Rule &rule : set.rules) {
                    if (rule.kind == RuleKind::Route)
                        expected.insert(rule.id, tags->find(rule.destination)->addressPrefixes);
                }
                QVERIFY(expected.contains(QStringLiteral("udr-aml-ip-region")));
                QVERIFY(expected.contains(QStringLiteral("udr-aml-ip-pair")));
                QCOMPARE(expected.value(QStringLiteral("udr-aml-ip-pair")),
                         tags->find(QStringLiteral("AzureMachineLearning.") + set.pairedRegion)->addressPrefixes);

                for (const auto table : {ArmOptions::RouteTable::New, ArmOptions::RouteTable::Existing}) {
                    ArmOptions o;
                    o.routeTable = table;
                    if (table == ArmOptions::RouteTable::New)
                        o.firewallPrivateIp = QStringLiteral("10.0.0.4");
                    const QByteArray bytes = ArmExporter::write(set, o);
                    const QString name = QStringLiteral("%1-%2-%3.json").arg(edition, a.cloud, armRouteTableId(table));
                    QFile f(dir.filePath(name));
                    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
                    f.close();
                    files << f.fileName();
                    const QJsonObject tpl = QJsonDocument::fromJson(bytes).object();
                    QVERIFY2(!tpl.contains(QStringLiteral("variables")), qPrintable(name));
                    for (const QString &p : tpl.value(QStringLiteral("parameters")).toObject().keys())
                        QVERIFY2(!p.endsWith(QStringLiteral("Prefixes")), qPrintable(name + u' ' + p));
                    // The routes, wherever they are: in the new table, or child resources of the existing one.
                    QList<QPair<QString, QString>> routes;
                    for (const QJsonValue &v : tpl.value(QStringLiteral("resources")).toArray()) {
                        const QJsonObject r = v.toObject();
                        const QString type = r.value(QStringLiteral("type")).toString();
                        if (type == u"Microsoft.Network/routeTables") {
                            for (const QJsonValue &route : r.value(QStringLiteral("properties")).toObject().value(QStringLiteral("routes")).toArray())
                                routes.append({route[QStringLiteral("name")].toString(),
                                               route[QStringLiteral("properties")][QStringLiteral("addressPrefix")].toString()});
                        } else if (type == u"Microsoft.Network/routeTables/routes") {
                            static const QRegularExpression child(QStringLiteral("^\\[format\\('\\{0\\}/\\{1\\}', parameters\\('routeTableName'\\), '([^']+)'\\)\\]$"));
                            const auto m = child.match(r.value(QStringLiteral("name")).toString());
                            QVERIFY2(m.hasMatch(), qPrintable(r.value(QStringLiteral("name")).toString()));
                            QVERIFY(!r.contains(QStringLiteral("copy")));
                            routes.append({m.captured(1), r[QStringLiteral("properties")][QStringLiteral("addressPrefix")].toString()});
                        }
                    }
                    QHash<QString, QStringList> written;
                    QSet<QString> names;
                    for (const auto &[routeId, prefix] : std::as_const(routes)) {
                        QVERIFY2(!names.contains(routeId), qPrintable(name + QStringLiteral(": twice: ") + routeId));
                        names.insert(routeId);
                        QVERIFY2(ArmExporter::isValidResourceName(routeId), qPrintable(routeId));
                        if (routeId == u"default-via-firewall")
                            continue;
                        const auto m = routeName.match(routeId);
                        QVERIFY2(m.hasMatch(), qPrintable(routeId));
                        QCOMPARE(m.captured(3).toInt(), written.value(m.captured(1)).size()); // 0, 1, 2, ... in order
                        written[m.captured(1)] << prefix;
                    }
                    QCOMPARE(written, expected);
                    QCOMPARE(names.contains(QStringLiteral("default-via-firewall")), table == ArmOptions::RouteTable::New);

                    const QJsonObject meta = tpl.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("amlfw")).toObject();
                    QCOMPARE(meta.value(QStringLiteral("serviceTags")).toObject(),
                             (QJsonObject{{QStringLiteral("file"), fileName},
                                          {QStringLiteral("cloud"), tags->fileCloud},
                                          {QStringLiteral("changeNumber"), tags->changeNumber},
                                          {QStringLiteral("date"), QStringLiteral("2026-11-30")}}));
                    const QString notes = meta.value(QStringLiteral("notes")).toVariant().toStringList().join(u'\n');
                    QVERIFY2(notes.contains(QStringLiteral("The routes to AzureMachineLearning.%1, AzureMachineLearning.%2")
                                                .arg(set.answers.region, set.pairedRegion)),
                             qPrintable(notes));
                    QVERIFY2(notes.contains(QStringLiteral(" hold the address prefixes of %1 (change %2, 2026-11-30). "
                                                           "Microsoft changes them weekly")
                                                .arg(fileName, QString::number(tags->changeNumber))),
                             qPrintable(notes));
                    QVERIFY2(!notes.contains(QStringLiteral("Fill the route prefix parameters")), qPrintable(notes));
                }

                // A file without the pair's tag: its routes keep their parameter, the region's come from the file.
                QJsonObject root = QJsonDocument::fromJson([&] {
                    QFile in(testData(QStringLiteral("servicetags/") + fileName));
                    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
                }()).object();
                QJsonArray kept;
                for (const QJsonValue &v : root.value(QStringLiteral("values")).toArray()) {
                    if (v[QStringLiteral("name")].toString().compare(QStringLiteral("AzureMachineLearning.") + set.pairedRegion, Qt::CaseInsensitive) != 0)
                        kept.append(v);
                }
                root.insert(QStringLiteral("values"), kept);
                problems.clear();
                const auto partial = ServiceTagsFile::parse(QJsonDocument(root).toJson(), fileName, &problems);
                QVERIFY(partial);
                const Problems warnings = applyServiceTags(&set, std::make_shared<const ServiceTagsFile>(*partial));
                QVERIFY2(formatProblems(warnings).contains(QStringLiteral("AzureMachineLearning.") + set.pairedRegion),
                         qPrintable(formatProblems(warnings)));
                for (const auto table : {ArmOptions::RouteTable::New, ArmOptions::RouteTable::Existing}) {
                    ArmOptions o;
                    o.routeTable = table;
                    const QByteArray bytes = ArmExporter::write(set, o);
                    const QString name = QStringLiteral("%1-%2-%3-partial.json").arg(edition, a.cloud, armRouteTableId(table));
                    QFile f(dir.filePath(name));
                    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
                    f.close();
                    files << f.fileName();
                    const QString text = QString::fromUtf8(bytes);
                    QVERIFY2(text.contains(QStringLiteral("\"udrAmlIpPairPrefixes\": {")), qPrintable(name));
                    QVERIFY2(!text.contains(QStringLiteral("\"udrAmlIpRegionPrefixes\"")), qPrintable(name));
                    QVERIFY2(text.contains(QStringLiteral("udr-aml-ip-region-0")), qPrintable(name));
                    QVERIFY2(text.contains(QStringLiteral("Fill the route prefix parameters")), qPrintable(name));
                    if (table == ArmOptions::RouteTable::New)
                        QVERIFY2(text.contains(QStringLiteral("[concat(variables('fileRoutes'), variables('udrAmlIpPairRoutes'))]")),
                                 qPrintable(name));
                }
            }
        }
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(validator, QStringList{QStringLiteral("--quiet")} + files);
        QVERIFY(process.waitForFinished(300000));
        const QString output = QString::fromUtf8(process.readAll());
        QVERIFY2(process.exitCode() != 2, qPrintable(QStringLiteral("validate-arm could not run:\n") + output));
        QVERIFY2(process.exitCode() == 0, qPrintable(output.left(4000)));
        QCOMPARE(files.size(), 24);
    }

    // Every template amlfw writes passes validate-arm, for both editions, every cloud and feature
    // combination: each feature alone and all of them, both route methods, every template option,
    // with and without the optional answers, and random mixes.
    void passesValidateArm_data()
    {
        QTest::addColumn<QString>("edition");
        QTest::newRow("2021-11") << QStringLiteral("2021-11");
        QTest::newRow("2026-03") << QStringLiteral("2026-03");
        QTest::newRow("synthetic 2026") << QStringLiteral("synthetic");
    }

    void passesValidateArm()
    {
        QFETCH(QString, edition);
        const QString validator = validatorPath();
        if (!QFile::exists(validator))
            QSKIP(qPrintable(QStringLiteral("%1 not found (needs ../shared beside the repository)").arg(validator)));
        Problems catalogProblems;
        const Catalog catalog = edition == u"synthetic" ? editionCatalog() : Catalog::builtIn(edition, &catalogProblems);
        QVERIFY2(catalog.isValid(), qPrintable(formatProblems(catalogProblems)));
        const bool newer = edition != u"2021-11";
        QTemporaryDir dir;
        int count = 0;
        QStringList failures; // checked after the loops: a QVERIFY in the lambda would leave only the lambda
        auto generateFor = [&](const QString &cloud, const QString &region, const QStringList &features, UdrMethod udr,
                               bool answered = false) {
            Answers a;
            a.cloud = cloud;
            a.region = region;
            a.storage = QStringLiteral("mystore");
            a.features = features;
            a.udr = udr;
            if (answered) {
                a.acr = QStringLiteral("myacr");
                a.workspaceId = QStringLiteral("0a1b2c3d-0000-4000-8000-000000000000");
            }
            return RuleGenerator::generate(catalog, a);
        };
        auto write = [&](const RuleSet &set, const ArmOptions &options) {
            QFile f(dir.filePath(QStringLiteral("t%1.json").arg(++count, 4, 10, QLatin1Char('0'))));
            if (!set.isValid())
                failures << f.fileName() + QStringLiteral(": invalid rule set: ") + formatProblems(set.problems);
            else if (!f.open(QIODevice::WriteOnly) || f.write(ArmExporter::write(set, options)) < 0)
                failures << f.fileName() + QStringLiteral(": ") + f.errorString();
        };
        const QStringList features = catalog.featureIds();
        for (const QString &cloud : catalog.cloudIds()) {
            QString region;
            for (const Region &r : catalog.regions.value(cloud)) {
                if (r.aml && region.isEmpty())
                    region = r.name;
            }
            for (const UdrMethod udr : {UdrMethod::ServiceTags, UdrMethod::IpRanges}) {
                for (const bool answered : {false, true}) {
                    if (answered && !newer)
                        continue;
                    write(generateFor(cloud, region, {}, udr, answered), ArmOptions{});
                    write(generateFor(cloud, region, features, udr, answered), ArmOptions{});
                    for (const QString &f : features)
                        write(generateFor(cloud, region, {f}, udr, answered), ArmOptions{});
                }
                for (const auto policy : {ArmOptions::Policy::New, ArmOptions::Policy::Existing}) {
                    for (const auto table : {ArmOptions::RouteTable::New, ArmOptions::RouteTable::Existing, ArmOptions::RouteTable::None}) {
                        for (const auto tier : {ArmOptions::Tier::Standard, ArmOptions::Tier::Premium}) {
                            ArmOptions o;
                            o.policy = policy;
                            o.routeTable = table;
                            o.tier = tier;
                            o.sourceAddresses = {QStringLiteral("10.0.1.0/24")};
                            if (table == ArmOptions::RouteTable::New && tier == ArmOptions::Tier::Premium)
                                o.firewallPrivateIp = QStringLiteral("10.0.0.4");
                            write(generateFor(cloud, region, features, udr, newer && tier == ArmOptions::Tier::Premium), o);
                        }
                    }
                }
            }
            QRandomGenerator random(20211105); // fixed seed: the same mixes every run
            for (int i = 0; i < 15; ++i) {
                QStringList mix;
                for (const QString &f : features) {
                    if (random.bounded(3) == 0)
                        mix << f;
                }
                ArmOptions o;
                o.routeTable = static_cast<ArmOptions::RouteTable>(random.bounded(3));
                o.policy = static_cast<ArmOptions::Policy>(random.bounded(2));
                o.includeAlternatives = random.bounded(2) == 0;
                o.language = random.bounded(2) == 0 ? Language::English : Language::Japanese;
                write(generateFor(cloud, region, mix, random.bounded(2) ? UdrMethod::IpRanges : UdrMethod::ServiceTags,
                                  newer && random.bounded(2) == 0),
                      o);
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        QStringList files = QDir(dir.path()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (QString &f : files)
            f = dir.filePath(f);
        QCOMPARE(files.size(), count);
        process.start(validator, QStringList{QStringLiteral("--quiet")} + files);
        QVERIFY(process.waitForFinished(300000));
        const QString output = QString::fromUtf8(process.readAll());
        QVERIFY2(process.exitCode() != 2, qPrintable(QStringLiteral("validate-arm could not run (python3-jsonschema?):\n") + output));
        QVERIFY2(process.exitCode() == 0, qPrintable(output.left(4000)));
        qInfo("validate-arm accepted %d templates (%s)", count, qPrintable(edition));
    }
};

QTEST_GUILESS_MAIN(TestArmExporter)
#include "tst_armexporter.moc"
