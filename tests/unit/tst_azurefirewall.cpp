#include "azurefirewall.h"
#include "editionfixture.h"
#include "jsonedit.h"
#include "rulesetfixture.h"

#include <QFile>

using namespace amlfw;
using namespace amlfw::test;

namespace {

const Rule *find(const RuleSet &set, const QString &destination, const QStringList &ports = {})
{
    for (const Rule &r : set.rules) {
        if (r.destination == destination && (ports.isEmpty() || r.ports == ports))
            return &r;
    }
    return nullptr;
}

Rule fqdnRule(const QString &host, const QStringList &ports, const QString &protocol = QStringLiteral("TCP"))
{
    Rule r;
    r.kind = host.contains(u'/') ? RuleKind::Url : RuleKind::Fqdn;
    r.destination = host;
    r.ports = ports;
    r.protocol = protocol;
    return r;
}

} // namespace

class TestAzureFirewall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { applyLanguage(Language::English); }

    void classifiesTheArticle()
    {
        const RuleSet set = generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        // Service tags outbound: network rules.
        const Rule *aad = find(set, QStringLiteral("AzureActiveDirectory"));
        QVERIFY(aad);
        QCOMPARE(aad->firewall.size(), 1);
        QCOMPARE(aad->firewall.first().type, FirewallRuleType::NetworkServiceTag);
        // Inbound tags: the network security group, not the firewall.
        QCOMPARE(find(set, QStringLiteral("BatchNodeManagement"))->primaryType(), FirewallRuleType::InboundNsg);
        // Routes.
        QCOMPARE(find(set, QStringLiteral("BatchNodeManagement.japaneast"))->primaryType(), FirewallRuleType::Route);
        // FQDNs on 80/443: application rules with Http/Https.
        const Rule *pypi = find(set, QStringLiteral("pypi.org"), {QStringLiteral("80"), QStringLiteral("443")});
        QCOMPARE(pypi->firewall.first().type, FirewallRuleType::Application);
        QCOMPARE(pypi->firewall.first().appProtocols,
                 (QStringList{QStringLiteral("Http:80"), QStringLiteral("Https:443")}));
        QCOMPARE(find(set, QStringLiteral("archive.ubuntu.com"))->firewall.first().appProtocols,
                 QStringList{QStringLiteral("Http:80")});
        // KI 10: a host on 445: one network rule with the FQDN, DNS proxy required.
        const Rule *file = find(set, QStringLiteral("mystore.file.core.windows.net"));
        QCOMPARE(file->firewall.size(), 1);
        QCOMPARE(file->firewall.first().type, FirewallRuleType::NetworkFqdn);
        QCOMPARE(file->firewall.first().ports, (QStringList{QStringLiteral("443"), QStringLiteral("445")}));
        QVERIFY(file->needsDnsProxy());
        QVERIFY(set.summary().dnsProxyRequired);
        // KI 10: a wildcard on 8787/18881: application rule for 443, not expressible for the rest, with the tag.
        const Rule *instances = find(set, QStringLiteral("*.instances.azureml.ms"));
        QCOMPARE(instances->firewall.size(), 2);
        QCOMPARE(instances->firewall.at(0).type, FirewallRuleType::Application);
        QCOMPARE(instances->firewall.at(0).ports, QStringList{QStringLiteral("443")});
        QCOMPARE(instances->firewall.at(1).type, FirewallRuleType::Unsupported);
        QCOMPARE(instances->firewall.at(1).reason, UnsupportedReason::WildcardOnOtherPort);
        QCOMPARE(instances->firewall.at(1).ports, (QStringList{QStringLiteral("8787"), QStringLiteral("18881")}));
        QCOMPARE(instances->firewall.at(1).alternativeTag, QStringLiteral("AzureMachineLearning"));
        QVERIFY(AzureFirewall::explanation(instances->firewall.at(1)).contains(QStringLiteral("AzureMachineLearning")));
        // KI 9: a URL path: application rule on the host, with the path kept for Premium and a warning.
        const Rule *ws = nullptr;
        for (const Rule &r : set.rules) {
            if (r.kind == RuleKind::Url)
                ws = &r;
        }
        QVERIFY(ws);
        QCOMPARE(ws->firewall.first().type, FirewallRuleType::Application);
        QCOMPARE(ws->firewall.first().target, QStringLiteral("raw.githubusercontent.com"));
        QVERIFY(ws->firewall.first().urlPath.startsWith(QStringLiteral("raw.githubusercontent.com/microsoft/")));
        QVERIFY(AzureFirewall::explanation(ws->firewall.first()).contains(QStringLiteral("Premium")));
        QVERIFY(ws->hasWarning());
    }

    void everyTagOfTheCatalogExists()
    {
        for (const QString &cloud : builtInCatalog().cloudIds()) {
            const QString region = builtInCatalog().regions.value(cloud).first().name;
            for (const UdrMethod udr : {UdrMethod::ServiceTags, UdrMethod::IpRanges}) {
                const RuleSet set = generateAll(cloud, region, udr);
                for (const Rule &r : set.rules) {
                    for (const FirewallPart &p : r.firewall)
                        QVERIFY2(p.reason != UnsupportedReason::UnknownServiceTag
                                     && p.reason != UnsupportedReason::TagNotInCloud,
                                 qPrintable(cloud + u' ' + r.destination));
                }
            }
        }
    }

    // "Tags that do not exist": a catalog that keeps the article's ContainerRegistry.region gets it flagged.
    void flagsTagsThatDoNotExist()
    {
        QFile f(Catalog::builtInPath(QStringLiteral("2021-11")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray json = f.readAll();
        const QJsonArray rules = QJsonDocument::fromJson(json).object().value(QStringLiteral("rules")).toArray();
        for (int i = 0; i < rules.size(); ++i) {
            const QString d = rules.at(i).toObject().value(QStringLiteral("destination")).toString();
            if (d == u"AzureContainerRegistry.<region>")
                json = withValue(json, QStringLiteral("rules[%1].destination").arg(i),
                                 QStringLiteral("ContainerRegistry.<region>"));
            if (d == u"AzureFrontDoor.FrontEnd")
                json
                    = withValue(json, QStringLiteral("rules[%1].clouds").arg(i),
                                QJsonArray{QStringLiteral("public"), QStringLiteral("usgov"), QStringLiteral("china")});
        }
        Problems problems;
        const Catalog catalog = Catalog::fromJson(json, QStringLiteral("old.json"), &problems);
        QVERIFY2(catalog.isValid(), qPrintable(formatProblems(problems)));
        Answers a{QStringLiteral("china"),
                  QStringLiteral("chinaeast2"),
                  QStringLiteral("mystore"),
                  {QStringLiteral("custom-images")},
                  UdrMethod::ServiceTags,
                  {},
                  {},
                  NetworkKind::Customer,
                  {}};
        const RuleSet set = RuleGenerator::generate(catalog, a);
        const Rule *acr = find(set, QStringLiteral("ContainerRegistry.chinaeast2"));
        QVERIFY(acr);
        QCOMPARE(acr->primaryType(), FirewallRuleType::Unsupported);
        QCOMPARE(acr->firewall.first().reason, UnsupportedReason::UnknownServiceTag);
        QVERIFY(AzureFirewall::explanation(acr->firewall.first()).contains(QStringLiteral("not a service tag")));
        const Rule *afd = find(set, QStringLiteral("AzureFrontDoor.FrontEnd"));
        QVERIFY(afd);
        QCOMPARE(afd->firewall.first().reason, UnsupportedReason::TagNotInCloud);
        QCOMPARE(set.summary().unsupported, 2);
    }

    void classify_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QStringList>("ports");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QStringList>("types");
        QTest::newRow("https") << QStringLiteral("a.example.com") << QStringList{QStringLiteral("443")}
                               << QStringLiteral("TCP") << QStringList{QStringLiteral("application")};
        QTest::newRow("wildcard https") << QStringLiteral("*.example.com") << QStringList{QStringLiteral("443")}
                                        << QStringLiteral("TCP") << QStringList{QStringLiteral("application")};
        QTest::newRow("other port") << QStringLiteral("a.example.com") << QStringList{QStringLiteral("8080")}
                                    << QStringLiteral("TCP") << QStringList{QStringLiteral("network-fqdn")};
        QTest::newRow("range") << QStringLiteral("a.example.com") << QStringList{QStringLiteral("1-1000")}
                               << QStringLiteral("TCP") << QStringList{QStringLiteral("network-fqdn")};
        QTest::newRow("udp 443") << QStringLiteral("a.example.com") << QStringList{QStringLiteral("443")}
                                 << QStringLiteral("UDP") << QStringList{QStringLiteral("network-fqdn")};
        QTest::newRow("wildcard other port") << QStringLiteral("*.example.com") << QStringList{QStringLiteral("8787")}
                                             << QStringLiteral("TCP") << QStringList{QStringLiteral("unsupported")};
        QTest::newRow("wildcard mixed") << QStringLiteral("*.example.com")
                                        << QStringList{QStringLiteral("80"), QStringLiteral("22")}
                                        << QStringLiteral("TCP")
                                        << QStringList{QStringLiteral("application"), QStringLiteral("unsupported")};
    }

    void classify()
    {
        QFETCH(QString, host);
        QFETCH(QStringList, ports);
        QFETCH(QString, protocol);
        QFETCH(QStringList, types);
        QStringList actual;
        for (const FirewallPart &p :
             AzureFirewall::classify(fqdnRule(host, ports, protocol), builtInCatalog(), QStringLiteral("public")))
            actual << firewallRuleTypeId(p.type);
        QCOMPARE(actual, types);
    }

    // The 2026 edition's protocols: UDP FQDNs, a wildcard on UDP, ANY on a wildcard and on a tag.
    void classifiesUdpAndAny()
    {
        const RuleSet set = generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"),
                                            {QStringLiteral("compute-instance")});
        QVERIFY(set.isValid());
        const Rule *tundra = set.rule(QStringLiteral("x-tundra"));
        QVERIFY(tundra);
        QCOMPARE(tundra->destination, QStringLiteral("japaneast.tundra.azureml.ms"));
        QCOMPARE(tundra->firewall.size(), 1);
        QCOMPARE(tundra->firewall.first().type, FirewallRuleType::NetworkFqdn);
        QVERIFY(tundra->firewall.first().dnsProxyRequired);
        QCOMPARE(AzureFirewall::partLabel(tundra->firewall.first()),
                 QStringLiteral("Network rule (FQDN, DNS proxy; UDP 5831)"));
        QVERIFY(AzureFirewall::explanation(tundra->firewall.first()).contains(QStringLiteral("protocol UDP")));

        const Rule *api = set.rule(QStringLiteral("x-tundra-api"));
        QVERIFY(api);
        QCOMPARE(api->firewall.size(), 1);
        QCOMPARE(api->firewall.first().type, FirewallRuleType::Unsupported);
        QCOMPARE(api->firewall.first().reason, UnsupportedReason::WildcardOnOtherPort);
        const QString apiText = AzureFirewall::explanation(api->firewall.first());
        QVERIFY2(apiText.contains(QStringLiteral("UDP port(s) 5831"))
                     && apiText.contains(QStringLiteral("AzureMachineLearning service tag with protocol UDP")),
                 qPrintable(apiText));

        // A wildcard on ANY 443: an application rule, which leaves UDP out, and the tag that covers it.
        const Rule *batch = set.rule(QStringLiteral("x-batch"));
        QVERIFY(batch);
        QCOMPARE(batch->firewall.size(), 1);
        QCOMPARE(batch->firewall.first().type, FirewallRuleType::Application);
        QCOMPARE(batch->firewall.first().appProtocols, QStringList{QStringLiteral("Https:443")});
        QCOMPARE(batch->alternativeTag, QStringLiteral("BatchNodeManagement.japaneast"));
        const QString batchText = AzureFirewall::explanation(batch->firewall.first());
        QVERIFY2(batchText.contains(QStringLiteral("not covered"))
                     && batchText.contains(QStringLiteral("BatchNodeManagement.japaneast")),
                 qPrintable(batchText));

        const Rule *tag = set.rule(QStringLiteral("x-batch-tag"));
        QVERIFY(tag);
        QCOMPARE(tag->firewall.first().type, FirewallRuleType::NetworkServiceTag);
        QCOMPARE(tag->firewall.first().protocol, QStringLiteral("ANY"));
        QCOMPARE(AzureFirewall::partLabel(tag->firewall.first()), QStringLiteral("Network rule (service tag; Any)"));
    }

    void classifyOtherProtocols_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QStringList>("ports");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QStringList>("types");
        QTest::newRow("udp") << QStringLiteral("a.example.com") << QStringList{QStringLiteral("5831")}
                             << QStringLiteral("UDP") << QStringList{QStringLiteral("network-fqdn")};
        QTest::newRow("wildcard udp 443") << QStringLiteral("*.example.com") << QStringList{QStringLiteral("443")}
                                          << QStringLiteral("UDP") << QStringList{QStringLiteral("unsupported")};
        QTest::newRow("any host 443") << QStringLiteral("a.example.com") << QStringList{QStringLiteral("443")}
                                      << QStringLiteral("ANY") << QStringList{QStringLiteral("network-fqdn")};
        QTest::newRow("any wildcard 443") << QStringLiteral("*.example.com") << QStringList{QStringLiteral("443")}
                                          << QStringLiteral("ANY") << QStringList{QStringLiteral("application")};
        QTest::newRow("any wildcard mixed")
            << QStringLiteral("*.example.com") << QStringList{QStringLiteral("443"), QStringLiteral("22")}
            << QStringLiteral("ANY") << QStringList{QStringLiteral("application"), QStringLiteral("unsupported")};
    }

    void classifyOtherProtocols()
    {
        classify();
    }

    // A destination with an unanswered placeholder keeps its classification and names the answer.
    void unansweredPlaceholdersNameTheAnswer()
    {
        const RuleSet set = generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"), {});
        const Rule *acr = set.rule(QStringLiteral("x-acr"));
        QVERIFY(acr);
        QCOMPARE(acr->destination, QStringLiteral("<acr>.azurecr.io"));
        QCOMPARE(acr->unanswered, QStringList{QStringLiteral("acr")});
        QCOMPARE(acr->firewall.first().type, FirewallRuleType::Application);
        const QStringList texts = AzureFirewall::explanations(*acr, Language::English);
        QVERIFY(!texts.isEmpty());
        QVERIFY2(texts.first().contains(QStringLiteral("--acr")), qPrintable(texts.first()));
        QVERIFY(AzureFirewall::explanations(*set.rule(QStringLiteral("x-workspace")), Language::English)
                    .first()
                    .contains(QStringLiteral("--workspace-id")));
        applyLanguage(Language::Japanese);
        const QString ja = AzureFirewall::explanations(*acr, Language::Japanese).first();
        applyLanguage(Language::English);
        QVERIFY2(ja.contains(QStringLiteral("--acr")) && ja.contains(QStringLiteral("レジストリ")), qPrintable(ja));

        const RuleSet answered = generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"), {},
                                                 NetworkKind::Customer, QStringLiteral("myacr"));
        const Rule *filled = answered.rule(QStringLiteral("x-acr"));
        QCOMPARE(filled->destination, QStringLiteral("myacr.azurecr.io"));
        QVERIFY(filled->unanswered.isEmpty());
        QVERIFY(AzureFirewall::explanations(*filled, Language::English).isEmpty());
    }

    void labelsAreTranslated()
    {
        FirewallPart part;
        part.type = FirewallRuleType::NetworkServiceTag;
        applyLanguage(Language::Japanese);
        const QString ja = AzureFirewall::partLabel(part);
        applyLanguage(Language::English);
        QCOMPARE(AzureFirewall::partLabel(part), QStringLiteral("Network rule (service tag)"));
        QCOMPARE(ja, QStringLiteral("ネットワーク規則 (サービス タグ)"));
    }
};

QTEST_GUILESS_MAIN(TestAzureFirewall)
#include "tst_azurefirewall.moc"
