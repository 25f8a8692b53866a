#include "azurefirewall.h"
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
