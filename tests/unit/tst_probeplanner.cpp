// What gets tested for a scenario, and the parsers of the user's probe options. No network.
#include "catalog.h"
#include "editionfixture.h"
#include "probeplanner.h"
#include "probetexts.h"
#include "rulegenerator.h"

#include <QtTest>

using namespace amlfw;

namespace {

const ProbeTarget *find(const QList<ProbeTarget> &targets, const QString &ruleId, int port)
{
    for (const ProbeTarget &t : targets) {
        if (t.ruleId == ruleId && t.port == port)
            return &t;
    }
    return nullptr;
}
// The result points into the list: a temporary list would leave it dangling.
const ProbeTarget *find(QList<ProbeTarget> &&targets, const QString &ruleId, int port) = delete;

} // namespace

class TestProbePlanner : public QObject
{
    Q_OBJECT

private:
    Catalog m_catalog;

    RuleSet scenario(const QString &cloud, const QString &region, const QStringList &features)
    {
        Answers a;
        a.cloud = cloud;
        a.region = region;
        a.storage = QStringLiteral("mystore");
        a.features = features;
        return RuleGenerator::generate(m_catalog, a);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Problems problems;
        m_catalog = Catalog::builtIn(QStringLiteral("2021-11"), &problems);
        QVERIFY2(m_catalog.isValid(), qPrintable(formatProblems(problems)));
    }

    void everyPortOfEveryRuleIsARow()
    {
        const RuleSet set = scenario(QStringLiteral("public"), QStringLiteral("japaneast"), m_catalog.featureIds());
        QVERIFY(set.isValid());
        const QList<ProbeTarget> targets = ProbePlanner::plan(set, ProbeOptions());
        int expected = 0;
        for (const Rule &r : set.rules)
            expected += std::max<int>(1, int(r.ports.size()));
        QCOMPARE(targets.size(), expected);
    }

    void inboundAndRoutesAreNotTestable()
    {
        const RuleSet set
            = scenario(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("compute-instance")});
        const QList<ProbeTarget> targets = ProbePlanner::plan(set, ProbeOptions());
        const ProbeTarget *inbound = find(targets, QStringLiteral("internet-in-batch"), 29876);
        QVERIFY(inbound);
        QCOMPARE(inbound->notTestable, NotTestableReason::Inbound);
        QCOMPARE(inbound->portSpec, QStringLiteral("29876-29877"));
        QVERIFY(inbound->host.isEmpty());
        const ProbeTarget *route = find(targets, QStringLiteral("udr-aml"), 0);
        QVERIFY(route);
        QCOMPARE(route->notTestable, NotTestableReason::Route);
        QVERIFY(!ProbeTexts::notTestable(*route).isEmpty());
    }

    void serviceTagsUseARepresentativeHost()
    {
        const RuleSet set = scenario(QStringLiteral("public"), QStringLiteral("japaneast"), {});
        const QList<ProbeTarget> targets = ProbePlanner::plan(set, ProbeOptions());
        const ProbeTarget *aad = find(targets, QStringLiteral("internet-out-aad"), 443);
        QVERIFY(aad);
        QCOMPARE(aad->host, QStringLiteral("login.microsoftonline.com"));
        QCOMPARE(aad->hostSource, HostSource::ServiceTagHost);
        QVERIFY(aad->tls);
        QVERIFY(!aad->http); // a network rule: no HTTP request
        const ProbeTarget *storage = find(targets, QStringLiteral("internet-out-storage"), 443);
        QVERIFY(storage);
        QCOMPARE(storage->host, QStringLiteral("mystore.blob.core.windows.net"));
        const ProbeTarget *aml = find(targets, QStringLiteral("internet-out-aml"), 443);
        QVERIFY(aml);
        QCOMPARE(aml->host, QStringLiteral("japaneast.api.azureml.ms"));
        QVERIFY(ProbeTexts::hostNote(*aad).contains(QStringLiteral("AzureActiveDirectory")));

        const RuleSet usgov = scenario(QStringLiteral("usgov"), QStringLiteral("usgovvirginia"), {});
        const QList<ProbeTarget> usTargets = ProbePlanner::plan(usgov, ProbeOptions());
        const ProbeTarget *usAad = find(usTargets, QStringLiteral("internet-out-aad"), 443);
        QVERIFY(usAad);
        QCOMPARE(usAad->host, QStringLiteral("login.microsoftonline.us"));
    }

    // The 2026 edition: UDP cannot be proven, ANY is tested as TCP, placeholders wait for their answer.
    void udpAnyAndUnanswered()
    {
        const RuleSet set = amlfw::test::generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"),
                                                         {QStringLiteral("compute-instance")});
        ProbeOptions options;
        options.samples.insert(QStringLiteral("*.<region>.batch.azure.com"),
                               QStringLiteral("mypool.japaneast.batch.azure.com"));
        Problems problems;
        const QList<ProbeTarget> targets = ProbePlanner::plan(set, options, &problems);
        QVERIFY2(!hasErrors(problems), qPrintable(formatProblems(problems)));

        const ProbeTarget *tundra = find(targets, QStringLiteral("x-tundra"), 5831);
        QVERIFY(tundra);
        QCOMPARE(tundra->notTestable, NotTestableReason::Udp);
        QVERIFY(tundra->host.isEmpty());
        QVERIFY2(ProbeTexts::notTestable(*tundra).contains(QStringLiteral("port 5831")),
                 qPrintable(ProbeTexts::notTestable(*tundra)));
        QCOMPARE(find(targets, QStringLiteral("x-tundra-api"), 5831)->notTestable, NotTestableReason::Udp);

        const ProbeTarget *batch = find(targets, QStringLiteral("x-batch"), 443);
        QVERIFY(batch);
        QVERIFY(batch->isTestable());
        QCOMPARE(batch->protocol, QStringLiteral("ANY"));
        QCOMPARE(batch->host, QStringLiteral("mypool.japaneast.batch.azure.com"));
        QVERIFY(batch->tls);
        QVERIFY(batch->http); // an application rule in Azure Firewall
        ProbeResult result;
        result.target = *batch;
        result.status = ProbeStatus::Ok;
        QVERIFY2(ProbeTexts::notes(result).join(u' ').contains(QStringLiteral("tested as TCP 443")),
                 qPrintable(ProbeTexts::notes(result).join(u' ')));
        const ProbeTarget *tag = find(targets, QStringLiteral("x-batch-tag"), 443);
        QVERIFY(tag);
        QCOMPARE(tag->notTestable, NotTestableReason::ServiceTagNoHost); // no host for the tag: said so, as for TCP

        const ProbeTarget *acr = find(targets, QStringLiteral("x-acr"), 443);
        QVERIFY(acr);
        QCOMPARE(acr->notTestable, NotTestableReason::Unanswered);
        QVERIFY(acr->host.isEmpty());
        QVERIFY2(ProbeTexts::notTestable(*acr).contains(QStringLiteral("--acr")), qPrintable(ProbeTexts::notTestable(*acr)));
        result.target = *acr;
        result.status = ProbeStatus::NotTestable;
        QVERIFY(ProbeTexts::action(result).contains(QStringLiteral("--acr")));
        QVERIFY(ProbeTexts::explanation(result).contains(QStringLiteral("container registry")));
        const ProbeTarget *workspace = find(targets, QStringLiteral("x-workspace"), 443);
        QVERIFY(workspace);
        QCOMPARE(workspace->notTestable, NotTestableReason::Unanswered);
        QVERIFY(ProbeTexts::notTestable(*workspace).contains(QStringLiteral("--workspace-id")));
        QCOMPARE(notTestableReasonId(workspace->notTestable), QStringLiteral("unanswered-placeholder"));

        // Answered, the same rules are tested.
        const RuleSet answered = amlfw::test::generateEdition(
            QStringLiteral("public"), QStringLiteral("japaneast"), {}, NetworkKind::Customer, QStringLiteral("myacr"),
            QStringLiteral("0a1b2c3d-0000-4000-8000-000000000000"));
        const QList<ProbeTarget> answeredTargets = ProbePlanner::plan(answered, ProbeOptions());
        const ProbeTarget *filled = find(answeredTargets, QStringLiteral("x-acr"), 443);
        QVERIFY(filled);
        QVERIFY(filled->isTestable());
        QCOMPARE(filled->host, QStringLiteral("myacr.azurecr.io"));
    }

    // A managed network: its private endpoints live inside it; its tags and FQDNs test as usual.
    void managedNetwork()
    {
        const RuleSet set = amlfw::test::generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"), {},
                                                         NetworkKind::Managed);
        const QList<ProbeTarget> targets = ProbePlanner::plan(set, ProbeOptions());
        QCOMPARE(targets.size(), 5);
        const ProbeTarget *queue = find(targets, QStringLiteral("m-queue"), 0);
        QVERIFY(queue);
        QCOMPARE(queue->notTestable, NotTestableReason::PrivateEndpoint);
        QVERIFY(ProbeTexts::notTestable(*queue).contains(QStringLiteral("managed virtual network")));
        // <acr> unanswered, but a private endpoint is never testable from here: that is the reason given.
        QCOMPARE(find(targets, QStringLiteral("m-acr"), 0)->notTestable, NotTestableReason::PrivateEndpoint);
        const ProbeTarget *aml = find(targets, QStringLiteral("m-aml"), 443);
        QVERIFY(aml);
        QVERIFY(aml->isTestable());
        QCOMPARE(aml->host, QStringLiteral("japaneast.api.azureml.ms"));
        QVERIFY(!aml->http);
        const ProbeTarget *pypi = find(targets, QStringLiteral("m-pypi"), 443);
        QVERIFY(pypi);
        QVERIFY(pypi->isTestable());
        QCOMPARE(pypi->host, QStringLiteral("pypi.org"));
        QVERIFY(pypi->tls);
        QVERIFY(pypi->http); // FQDN rules of a managed network are application rules
    }

    void wildcardsUseASampleOrSayWhy()
    {
        const RuleSet set = scenario(QStringLiteral("public"), QStringLiteral("japaneast"), m_catalog.featureIds());
        const QList<ProbeTarget> targets = ProbePlanner::plan(set, ProbeOptions());
        const ProbeTarget *blob = find(targets, QStringLiteral("ci-public-ms-blob"), 443);
        QVERIFY(blob);
        QCOMPARE(blob->host, QStringLiteral("mystore.blob.core.windows.net"));
        QCOMPARE(blob->hostSource, HostSource::CatalogSample);
        QVERIFY(ProbeTexts::hostNote(*blob).contains(QStringLiteral("storage account")));
        const ProbeTarget *vault = find(targets, QStringLiteral("ci-public-keyvault"), 443);
        QVERIFY(vault);
        QCOMPARE(vault->notTestable, NotTestableReason::WildcardNoSample);
        QVERIFY(ProbeTexts::notTestable(*vault).contains(QStringLiteral("--sample '*.vault.azure.net=HOST'")));
        QVERIFY(
            ProbePlanner::destinationsWithoutHost(set, ProbeOptions()).contains(QStringLiteral("*.vault.azure.net")));
        const ProbeTarget *pytorch = find(targets, QStringLiteral("afw-app-pytorch"), 443);
        QVERIFY(pytorch);
        QCOMPARE(pytorch->host, QStringLiteral("download.pytorch.org"));
        QVERIFY(ProbeTexts::hostNote(*pytorch).contains(QStringLiteral("well-known")));
        const ProbeTarget *api = find(targets, QStringLiteral("aml-public-api"), 443);
        QVERIFY(api);
        QCOMPARE(api->host, QStringLiteral("japaneast.api.azureml.ms"));
        QVERIFY(ProbeTexts::hostNote(*api).contains(QStringLiteral("region")));
    }

    void userSamples()
    {
        const RuleSet set = scenario(QStringLiteral("public"), QStringLiteral("japaneast"), m_catalog.featureIds());
        ProbeOptions options;
        options.samples.insert(QStringLiteral("*.vault.azure.net"), QStringLiteral("myvault.vault.azure.net"));
        options.samples.insert(QStringLiteral("AzureKeyVault.<region>"), QStringLiteral("myvault.vault.azure.net"));
        options.samples.insert(QStringLiteral("*.nothing.example"), QStringLiteral("a.nothing.example"));
        Problems problems;
        const QList<ProbeTarget> targets = ProbePlanner::plan(set, options, &problems);
        const ProbeTarget *vault = find(targets, QStringLiteral("ci-public-keyvault"), 443);
        QVERIFY(vault);
        QCOMPARE(vault->host, QStringLiteral("myvault.vault.azure.net"));
        QCOMPARE(vault->hostSource, HostSource::UserSample);
        const ProbeTarget *tag = find(targets, QStringLiteral("internet-out-kv"), 443);
        QVERIFY(tag);
        QCOMPARE(tag->host, QStringLiteral("myvault.vault.azure.net"));
        QVERIFY(!hasErrors(problems));
        QCOMPARE(problems.size(), 1); // the sample no destination uses
        QVERIFY(problems.first().message().contains(QStringLiteral("*.nothing.example")));

        options.samples.clear();
        options.samples.insert(QStringLiteral("*.vault.azure.net"), QStringLiteral("evil.example.com"));
        problems.clear();
        ProbePlanner::plan(set, options, &problems);
        QVERIFY(hasErrors(problems)); // a sample outside its wildcard would test something else
    }

    void stagesFollowPortAndRuleType()
    {
        const RuleSet set = scenario(QStringLiteral("public"), QStringLiteral("japaneast"), m_catalog.featureIds());
        const QList<ProbeTarget> targets = ProbePlanner::plan(set, ProbeOptions());
        const ProbeTarget *http = find(targets, QStringLiteral("gen-public-aad"), 80);
        QVERIFY(http && http->http && !http->tls);
        const ProbeTarget *https = find(targets, QStringLiteral("gen-public-aad"), 443);
        QVERIFY(https && https->http && https->tls);
        const ProbeTarget *smb = find(targets, QStringLiteral("aml-public-file"), 445);
        QVERIFY(smb && !smb->http && !smb->tls);
        const ProbeTarget *url = find(targets, QStringLiteral("afw-app-vscode-websocket"), 443);
        QVERIFY(url);
        QCOMPARE(url->host, QStringLiteral("raw.githubusercontent.com"));
        QCOMPARE(url->path, QStringLiteral("/microsoft/vscode-tools-for-ai/master/azureml_remote_websocket_server/"));
    }

    void sameEndpointsShareAKey()
    {
        const RuleSet set = scenario(QStringLiteral("public"), QStringLiteral("japaneast"), {});
        const QList<ProbeTarget> targets = ProbePlanner::plan(set, ProbeOptions());
        const ProbeTarget *tag = find(targets, QStringLiteral("internet-out-aad"), 443);
        const ProbeTarget *app = find(targets, QStringLiteral("gen-public-aad"), 443);
        QVERIFY(tag && app);
        QVERIFY(!tag->http && app->http && tag->tls && app->tls);
        if (tag->host == app->host) // one TLS probe, with HTTP, for both
            QCOMPARE(tag->probeKey(), app->probeKey());
        QCOMPARE(app->probeKey(), ProbeTarget(*app).probeKey());
        ProbeTarget network = *app;
        network.http = false;
        QCOMPARE(network.probeKey(), app->probeKey());
        QVERIFY(app->coversStagesOf(network) && !network.coversStagesOf(*app));
        ProbeTarget otherPath = *app; // an application rule for a URL path is its own request
        otherPath.path = QStringLiteral("/other/");
        QVERIFY(otherPath.probeKey() != app->probeKey());
        // Port 80: HTTP goes through a proxy in absolute form, TCP alone direct: two probes.
        const ProbeTarget *http = find(targets, QStringLiteral("gen-public-aad"), 80);
        QVERIFY(http && http->http && !http->tls);
        ProbeTarget tcp80 = *http;
        tcp80.http = false;
        QVERIFY(tcp80.probeKey() != http->probeKey());
    }

    void parseResolve()
    {
        QString error;
        auto r = ProbeOptions::parseResolve(QStringLiteral("api.example.com:443:127.0.0.1,[::1]"), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->host, QStringLiteral("api.example.com"));
        QCOMPARE(r->port, 443);
        QCOMPARE(r->addresses,
                 (QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.1")), QHostAddress(QStringLiteral("::1"))}));
        r = ProbeOptions::parseResolve(QStringLiteral("*:*:127.0.0.1"), &error);
        QVERIFY(r);
        QCOMPARE(r->port, 0);
        for (const char *bad : {"api.example.com:443", "api.example.com:http:127.0.0.1", "api.example.com:443:nope",
                                ":443:127.0.0.1", "api.example.com:70000:127.0.0.1"}) {
            error.clear();
            QVERIFY2(!ProbeOptions::parseResolve(QString::fromLatin1(bad), &error), bad);
            QVERIFY(!error.isEmpty());
        }
        ProbeOptions o;
        o.resolve << *ProbeOptions::parseResolve(QStringLiteral("a.example.com:443:127.0.0.2"), &error);
        QVERIFY(o.resolveFor(QStringLiteral("A.example.com"), 443));
        QVERIFY(!o.resolveFor(QStringLiteral("a.example.com"), 80));
    }

    void parseConnectTo()
    {
        QString error;
        auto r = ProbeOptions::parseConnectTo(QStringLiteral("api.example.com:443:127.0.0.1:8443"), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->toHost, QStringLiteral("127.0.0.1"));
        QCOMPARE(r->toPort, 8443);
        r = ProbeOptions::parseConnectTo(QStringLiteral("::[::1]:"), &error);
        QVERIFY2(r, qPrintable(error));
        QVERIFY(r->host.isEmpty());
        QCOMPARE(r->port, 0);
        QCOMPARE(r->toHost, QStringLiteral("::1"));
        QCOMPARE(r->toPort, 0);
        ProbeOptions o;
        o.connectTo << *r;
        QVERIFY(o.connectToFor(QStringLiteral("anything.example"), 1234));
        QVERIFY(!ProbeOptions::parseConnectTo(QStringLiteral("a:443:b"), &error));
        QVERIFY(!ProbeOptions::parseConnectTo(QStringLiteral("a:443:b:x"), &error));
    }

    void parseProxy()
    {
        QString error;
        QCOMPARE(ProbeOptions::parseProxy(QStringLiteral("none"), &error)->mode, ProxySetting::Mode::None);
        QCOMPARE(ProbeOptions::parseProxy(QStringLiteral("system"), &error)->mode, ProxySetting::Mode::System);
        const auto p = ProbeOptions::parseProxy(QStringLiteral("http://al%40ce:p%3Ass@127.0.0.1:3128"), &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->mode, ProxySetting::Mode::Explicit);
        QCOMPARE(p->user, QStringLiteral("al@ce"));
        QCOMPARE(p->password, QStringLiteral("p:ss"));
        QCOMPARE(p->port, 3128);
        QVERIFY(!p->display().contains(QStringLiteral("p:ss"))); // never shown
        QVERIFY(!ProbeOptions::parseProxy(QStringLiteral("socks5://127.0.0.1:1080"), &error));
        QVERIFY(error.contains(QStringLiteral("socks5")));
        QVERIFY(!ProbeOptions::parseProxy(QStringLiteral("http://127.0.0.1"), &error)); // no port
    }

    void parseSampleAndTimeouts()
    {
        QString error;
        const auto s = ProbeOptions::parseSample(QStringLiteral("*.vault.azure.net=MyVault.vault.azure.net"), &error);
        QVERIFY(s);
        QCOMPARE(s->second, QStringLiteral("myvault.vault.azure.net"));
        QVERIFY(!ProbeOptions::parseSample(QStringLiteral("*.vault.azure.net"), &error));
        QVERIFY(!ProbeOptions::parseSample(QStringLiteral("*.vault.azure.net=*.vault.azure.net"), &error));

        auto t = ProbeOptions::parseTimeouts(QStringLiteral("2000"), &error);
        QVERIFY(t);
        QCOMPARE(t->dnsMs, 2000);
        QCOMPARE(t->httpMs, 2000);
        t = ProbeOptions::parseTimeouts(QStringLiteral("dns=1000,tls=8000"), &error);
        QVERIFY(t);
        QCOMPARE(t->dnsMs, 1000);
        QCOMPARE(t->tcpMs, ProbeTimeouts().tcpMs);
        QCOMPARE(t->tlsMs, 8000);
        QVERIFY(!ProbeOptions::parseTimeouts(QStringLiteral("dns=1000,udp=4"), &error));
        QVERIFY(!ProbeOptions::parseTimeouts(QStringLiteral("-5"), &error));
    }

    // Classification of address literals only (QHostAddress parsing): nothing here is ever contacted.
    // The boundaries of 172.16/12 and 100.64/10 need addresses just outside them, which are public.
    void addressScopes_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("scope");
        const int priv = int(AddressScope::Private);
        const int pub = int(AddressScope::Public);
        QTest::newRow("10/8") << "10.1.2.3" << priv;
        QTest::newRow("172.16/12") << "172.31.255.1" << priv;
        QTest::newRow("172.32 is public") << "172.32.0.1" << pub;
        QTest::newRow("192.168/16") << "192.168.0.10" << priv;
        QTest::newRow("100.64/10 (RFC 6598)") << "100.100.1.1" << priv;
        QTest::newRow("100.128 is public") << "100.128.0.1" << pub;
        QTest::newRow("documentation range") << "203.0.113.5" << pub;
        QTest::newRow("fc00::/7") << "fd12:3456::1" << priv;
        QTest::newRow("global v6") << "2001:db8::1" << pub;
        QTest::newRow("mapped private v4") << "::ffff:10.0.0.1" << priv;
        QTest::newRow("loopback") << "127.0.0.1" << int(AddressScope::Loopback);
        QTest::newRow("link-local") << "169.254.1.1" << int(AddressScope::LinkLocal);
    }

    void addressScopes()
    {
        QFETCH(QString, address);
        QFETCH(int, scope);
        QCOMPARE(int(addressScope(QHostAddress(address))), scope);
    }
};

QTEST_GUILESS_MAIN(TestProbePlanner)
#include "tst_probeplanner.moc"
