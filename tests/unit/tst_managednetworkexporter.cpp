// The managed network YAML is parsed with python3 and PyYAML (as `az ml` reads it) and compared with the
// rule set: every FQDN the scenarios need on 80/443, the service tags with protocol and ports, the
// private endpoints; what FQDN rules cannot carry is left out with a warning.
#include "editionfixture.h"
#include "exporter.h"
#include "managednetworkexporter.h"
#include "rulegenerator.h"
#include "rulelabels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

using namespace amlfw;
using namespace amlfw::test;

namespace {

RuleSet generateManaged(const Catalog &catalog, const QString &cloud, const QString &region, bool answered)
{
    Answers answers;
    answers.cloud = cloud;
    answers.region = region;
    answers.storage = QStringLiteral("amlfwteststore");
    answers.features = catalog.featureIds();
    answers.network = NetworkKind::Managed;
    answers.edition = catalog.edition;
    if (answered) {
        answers.acr = QStringLiteral("amlfwtestacr");
        answers.workspaceId = QStringLiteral("0a1b2c3d-0000-4000-8000-000000000000");
    }
    return RuleGenerator::generate(catalog, answers);
}

// A catalog row of the managed network that the user adds.
QJsonObject managedRow(const QString &id, const QString &kind, const QString &destination, const QString &protocol,
                       const QStringList &ports, const QString &purpose)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("network"), QStringLiteral("managed")},
            {QStringLiteral("clouds"),
             QJsonArray{QStringLiteral("public"), QStringLiteral("usgov"), QStringLiteral("china")}},
            {QStringLiteral("direction"), QStringLiteral("outbound")},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("destination"), destination},
            {QStringLiteral("protocol"), protocol},
            {QStringLiteral("ports"), QJsonArray::fromStringList(ports)},
            {QStringLiteral("table"), kind == u"fqdn" ? QStringLiteral("application-rules")
                                                      : QStringLiteral("network-rules")},
            {QStringLiteral("purpose"), QJsonObject{{QStringLiteral("en"), purpose}, {QStringLiteral("ja"), purpose}}}};
}

const Catalog &catalog2026()
{
    static const Catalog catalog = [] {
        Problems problems;
        Catalog c = Catalog::builtIn(QStringLiteral("2026-03"), &problems);
        if (!c.isValid())
            qFatal("2026-03 catalog invalid");
        return c;
    }();
    return catalog;
}

// The YAML as python3's yaml.safe_load reads it, as JSON; an error text instead when it does not parse.
QJsonObject parseYaml(const QByteArray &yaml, QString *error)
{
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import sys, json, yaml\njson.dump(yaml.safe_load(sys.stdin.buffer), sys.stdout)")});
    if (!python.waitForStarted()) {
        *error = QStringLiteral("python3 does not start (CI installs python3 and python3-yaml)");
        return {};
    }
    python.write(yaml);
    python.closeWriteChannel();
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        *error = QStringLiteral("python3 yaml.safe_load failed: ") + QString::fromUtf8(python.readAllStandardError());
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(python.readAllStandardOutput(), &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("not a mapping: ") + parseError.errorString();
        return {};
    }
    return doc.object();
}

QJsonArray outboundRules(const QJsonObject &root)
{
    return root.value(QStringLiteral("managed_network")).toObject().value(QStringLiteral("outbound_rules")).toArray();
}

// The outbound rule of `type` whose destination (or destination's `key`) is `value`, or an empty object.
QJsonObject findRule(const QJsonArray &rules, const QString &type, const QString &key, const QString &value)
{
    for (const QJsonValue &v : rules) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("type")).toString() != type)
            continue;
        const QJsonValue d = o.value(QStringLiteral("destination"));
        if ((key.isEmpty() ? d.toString() : d.toObject().value(key).toString()) == value)
            return o;
    }
    return {};
}

void compareWithSet(const RuleSet &set, const QJsonObject &root, const QByteArray &yaml)
{
    QCOMPARE(root.keys(), QStringList{QStringLiteral("managed_network")});
    const QJsonObject network = root.value(QStringLiteral("managed_network")).toObject();
    QCOMPARE(network.value(QStringLiteral("isolation_mode")).toString(), QStringLiteral("allow_only_approved_outbound"));
    const QJsonArray rules = outboundRules(root);

    static const QRegularExpression namePattern(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$"));
    QSet<QString> names;
    for (const QJsonValue &v : rules) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(namePattern.match(name).hasMatch(), qPrintable(name));
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.insert(name);
    }

    int expected = 0;
    for (const Rule &rule : set.rules) {
        QCOMPARE(rule.network, NetworkKind::Managed);
        if (rule.automatic) { // Azure adds it: not in the file
            if (rule.kind == RuleKind::Fqdn)
                QVERIFY(findRule(rules, QStringLiteral("fqdn"), {}, rule.destination).isEmpty());
            if (rule.kind == RuleKind::ServiceTag)
                QVERIFY(findRule(rules, QStringLiteral("service_tag"), QStringLiteral("service_tag"), rule.destination)
                            .isEmpty());
            continue;
        }
        switch (rule.kind) {
        case RuleKind::Fqdn: {
            const bool web = std::any_of(rule.ports.cbegin(), rule.ports.cend(),
                                         [](const QString &p) { return p == u"80" || p == u"443"; });
            const bool found = !findRule(rules, QStringLiteral("fqdn"), {}, rule.destination).isEmpty();
            const bool wanted = web && rule.protocol != u"UDP" && rule.unanswered.isEmpty();
            QVERIFY2(found == wanted, qPrintable(rule.id + u' ' + rule.destination));
            expected += wanted ? 1 : 0;
            break;
        }
        case RuleKind::ServiceTag: {
            const QJsonObject o
                = findRule(rules, QStringLiteral("service_tag"), QStringLiteral("service_tag"), rule.destination);
            QVERIFY2(!o.isEmpty(), qPrintable(rule.id));
            const QJsonObject d = o.value(QStringLiteral("destination")).toObject();
            QCOMPARE(d.value(QStringLiteral("protocol")).toString(),
                     rule.protocol == u"ANY" ? QStringLiteral("*") : rule.protocol);
            QCOMPARE(d.value(QStringLiteral("port_ranges")).toString().split(u','), rule.ports);
            ++expected;
            break;
        }
        case RuleKind::PrivateEndpoint: {
            const QString subresource = rule.destination.section(u':', 1);
            bool found = false;
            for (const QJsonValue &v : rules) {
                const QJsonObject o = v.toObject();
                const QJsonObject d = o.value(QStringLiteral("destination")).toObject();
                if (o.value(QStringLiteral("type")).toString() != u"private_endpoint"
                    || d.value(QStringLiteral("subresource_target")).toString() != subresource)
                    continue;
                const QString id = d.value(QStringLiteral("service_resource_id")).toString();
                QVERIFY2(id.startsWith(QStringLiteral("/subscriptions/<SUBSCRIPTION_ID>/resourceGroups/<RESOURCE_GROUP>/"
                                                      "providers/")),
                         qPrintable(id));
                const QString resource = rule.destination.section(u':', 0, 0);
                if (!resource.startsWith(u'<'))
                    QVERIFY2(id.endsWith(u'/' + resource), qPrintable(id));
                QCOMPARE(d.value(QStringLiteral("spark_enabled")), QJsonValue(false));
                found = true;
            }
            QVERIFY2(found, qPrintable(rule.id));
            ++expected;
            break;
        }
        case RuleKind::Url:
        case RuleKind::Route:
            break;
        }
    }
    QCOMPARE(rules.size(), expected);
    // The same rules as commands, one each.
    QCOMPARE(int(yaml.count("\n# az ml workspace outbound-rule set --resource-group \"$RG\" --workspace-name \"$WS\" --rule '")),
             expected);
}

} // namespace

class TestManagedNetworkExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        applyLanguage(Language::English);
        QString error;
        parseYaml("a: 1\n", &error);
        QVERIFY2(error.isEmpty(), qPrintable(error)); // python3 and PyYAML must be there: CI installs them
    }

    void everyRule_data()
    {
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("region");
        QTest::addColumn<bool>("answered");
        for (const auto &[cloud, region] : {std::pair{"public", "japaneast"}, std::pair{"usgov", "usgovvirginia"},
                                            std::pair{"china", "chinaeast2"}}) {
            for (bool answered : {false, true})
                QTest::addRow("%s%s", cloud, answered ? "-answered" : "")
                    << QString::fromLatin1(cloud) << QString::fromLatin1(region) << answered;
        }
    }

    // The 2026-03 edition, each cloud with every feature: the YAML parses and holds every FQDN the
    // scenarios need, the private endpoints, and none of the rules Azure adds by itself.
    void everyRule()
    {
        QFETCH(QString, cloud);
        QFETCH(QString, region);
        QFETCH(bool, answered);
        const RuleSet set = generateManaged(catalog2026(), cloud, region, answered);
        QVERIFY(set.isValid());
        QVERIFY(std::any_of(set.rules.cbegin(), set.rules.cend(),
                            [](const Rule &r) { return !r.automatic && r.kind == RuleKind::Fqdn; }));
        QVERIFY(std::any_of(set.rules.cbegin(), set.rules.cend(),
                            [](const Rule &r) { return !r.automatic && r.kind == RuleKind::PrivateEndpoint; }));
        const Problems problems = Exporter::validate(set, ExportFormat::ManagedNetwork, ExportOptions());
        QVERIFY(!hasErrors(problems));
        QVERIFY(formatProblems(problems).contains(QStringLiteral("<SUBSCRIPTION_ID>"))); // fill in the IDs
        const QByteArray yaml = Exporter::write(set, ExportFormat::ManagedNetwork, ExportOptions());
        QVERIFY(yaml.contains("# Generated by amlfw " AMLFW_VERSION " from the article edition 2026-03"));
        QString error;
        const QJsonObject root = parseYaml(yaml, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        compareWithSet(set, root, yaml);
        // Each rule's purpose stands above it.
        const Rule *pypi = set.rule(QStringLiteral("mn-py-pypi"));
        QVERIFY(pypi);
        QVERIFY(yaml.contains(QByteArray("  # " + RuleLabels::purpose(*pypi, Language::English).toUtf8() + "\n")));
    }

    // Service tags with protocol and ports; FQDNs on other ports or protocols left out, with a warning
    // and a comment saying why; a private endpoint to a registry not named yet gets a placeholder.
    void serviceTagsAndLeftOut()
    {
        QJsonObject root = QJsonDocument::fromJson(editionCatalogJson()).object();
        QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
        rules.append(managedRow(QStringLiteral("m-datafactory"), QStringLiteral("service-tag"),
                                QStringLiteral("DataFactory.<region>"), QStringLiteral("TCP"),
                                {QStringLiteral("80"), QStringLiteral("8080")}, QStringLiteral("Data Factory.")));
        rules.append(managedRow(QStringLiteral("m-any-tag"), QStringLiteral("service-tag"),
                                QStringLiteral("Storage.<region>"), QStringLiteral("ANY"), {QStringLiteral("443")},
                                QStringLiteral("Storage.")));
        rules.append(managedRow(QStringLiteral("m-alt-port"), QStringLiteral("fqdn"), QStringLiteral("alt.example.com"),
                                QStringLiteral("TCP"), {QStringLiteral("8443")}, QStringLiteral("Other port.")));
        rules.append(managedRow(QStringLiteral("m-mixed"), QStringLiteral("fqdn"), QStringLiteral("mixed.example.com"),
                                QStringLiteral("TCP"), {QStringLiteral("443"), QStringLiteral("8443")},
                                QStringLiteral("Mixed ports.")));
        rules.append(managedRow(QStringLiteral("m-udp"), QStringLiteral("fqdn"), QStringLiteral("udp.example.com"),
                                QStringLiteral("UDP"), {QStringLiteral("443")}, QStringLiteral("UDP.")));
        root.insert(QStringLiteral("rules"), rules);
        Problems problems;
        const Catalog catalog = Catalog::fromJson(QJsonDocument(root).toJson(), QStringLiteral("managed.json"), &problems);
        QVERIFY2(catalog.isValid(), qPrintable(formatProblems(problems)));
        RuleSet set = generateManaged(catalog, QStringLiteral("public"), QStringLiteral("japaneast"), false);
        QVERIFY2(set.isValid(), qPrintable(formatProblems(set.problems)));
        // What no catalog holds, but a YAML writer must survive: quotes, '#', ': ' and a line break.
        const Rule *pypi = set.rule(QStringLiteral("m-pypi"));
        QVERIFY(pypi);
        Rule quote = *pypi;
        quote.id = QStringLiteral("m-quote");
        quote.destination = QStringLiteral("it's.example.com");
        quote.sources.first().purpose = LocalizedText{QStringLiteral("Quote: 'x' #y\nz: [1]"), QStringLiteral("x")};
        set.rules << quote;

        const Problems warnings = Exporter::validate(set, ExportFormat::ManagedNetwork, ExportOptions());
        QVERIFY(!hasErrors(warnings));
        const QString text = formatProblems(warnings);
        QVERIFY2(text.contains(QStringLiteral("m-alt-port")) && text.contains(QStringLiteral("alt.example.com")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("m-mixed")) && text.contains(QStringLiteral("8443")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("m-udp")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("80 and 443")), qPrintable(text));

        const QByteArray yaml = Exporter::write(set, ExportFormat::ManagedNetwork, ExportOptions());
        QVERIFY(yaml.contains("# Left out:\n"));
        QVERIFY(yaml.contains("# - m-alt-port: alt.example.com"));
        QString error;
        const QJsonObject parsed = parseYaml(yaml, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error + u'\n' + QString::fromUtf8(yaml)));
        compareWithSet(set, parsed, yaml);
        const QJsonArray out = outboundRules(parsed);
        const QJsonObject tag = findRule(out, QStringLiteral("service_tag"), QStringLiteral("service_tag"),
                                         QStringLiteral("DataFactory.japaneast"));
        QCOMPARE(tag.value(QStringLiteral("destination")).toObject().value(QStringLiteral("port_ranges")).toString(),
                 QStringLiteral("80,8080"));
        QCOMPARE(tag.value(QStringLiteral("destination")).toObject().value(QStringLiteral("protocol")).toString(),
                 QStringLiteral("TCP"));
        QCOMPARE(findRule(out, QStringLiteral("service_tag"), QStringLiteral("service_tag"),
                          QStringLiteral("Storage.japaneast"))
                     .value(QStringLiteral("destination"))
                     .toObject()
                     .value(QStringLiteral("protocol"))
                     .toString(),
                 QStringLiteral("*"));
        QVERIFY(!findRule(out, QStringLiteral("fqdn"), {}, QStringLiteral("mixed.example.com")).isEmpty());
        QVERIFY(!findRule(out, QStringLiteral("fqdn"), {}, QStringLiteral("it's.example.com")).isEmpty());
        // The registry is not named: its resource ID says so.
        const QJsonObject registry = findRule(out, QStringLiteral("private_endpoint"), QStringLiteral("subresource_target"),
                                              QStringLiteral("registry"));
        QVERIFY(registry.value(QStringLiteral("destination"))
                    .toObject()
                    .value(QStringLiteral("service_resource_id"))
                    .toString()
                    .endsWith(QStringLiteral("/Microsoft.ContainerRegistry/registries/<REGISTRY_NAME>")));
        QVERIFY(yaml.contains("--type service_tag --service-tag 'DataFactory.japaneast' --protocol 'TCP' "
                              "--port-ranges '80,8080'"));
        QVERIFY(yaml.contains("--destination 'it'\\''s.example.com'"));
    }

    void refusesCustomerNetwork()
    {
        Answers answers;
        answers.cloud = QStringLiteral("public");
        answers.region = QStringLiteral("japaneast");
        answers.storage = QStringLiteral("amlfwteststore");
        answers.features = catalog2026().featureIds();
        const RuleSet set = RuleGenerator::generate(catalog2026(), answers);
        QVERIFY(set.isValid());
        const Problems problems = Exporter::validate(set, ExportFormat::ManagedNetwork, ExportOptions());
        QVERIFY(hasErrors(problems));
        QVERIFY2(formatProblems(problems).contains(QStringLiteral("--network managed")), qPrintable(formatProblems(problems)));
    }

    // Japanese purposes and comments keep the YAML valid.
    void japanese()
    {
        const RuleSet set = generateManaged(catalog2026(), QStringLiteral("public"), QStringLiteral("japaneast"), false);
        applyLanguage(Language::Japanese);
        ExportOptions options;
        options.language = Language::Japanese;
        const QByteArray yaml = Exporter::write(set, ExportFormat::ManagedNetwork, options);
        applyLanguage(Language::English);
        QString error;
        const QJsonObject root = parseYaml(yaml, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        compareWithSet(set, root, yaml);
        const Rule *pypi = set.rule(QStringLiteral("mn-py-pypi"));
        QVERIFY(yaml.contains(RuleLabels::purpose(*pypi, Language::Japanese).toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestManagedNetworkExporter)
#include "tst_managednetworkexporter.moc"
