// The rules of the 2026-03 edition are the current article's tables.
//
// Every expected row below was written by hand from the 2026-03 English article "Configure inbound and
// outbound network traffic" (ms.date 2026-03-19) and its include recommended-network-outbound
// (shared/reference/2026/article-2026.md), table by table, and from the managed virtual network
// article for the managed tables (§10 there). Corrections of the edition's known issues are marked
// (2026 KI n). Rows read "destination | protocol | ports" with <storage> = mystore, <acr> = myacr,
// <workspace-id> = WORKSPACE and <region> = the scenario's region. Hosts without a port in the article
// get 443 (the port their download needs).

#include "hostname.h"
#include "probecatalog.h"
#include "rulesetfixture.h"

using namespace amlfw;
using namespace amlfw::test;

namespace {

const QString TCP = QStringLiteral("TCP");
const QString UDP = QStringLiteral("UDP");
const QString WORKSPACE = QStringLiteral("11111111-2222-3333-4444-555555555555");

QString row(const QString &destination, const QString &ports, const QString &protocol = TCP)
{
    return destination + QStringLiteral(" | ") + protocol + QStringLiteral(" | ") + ports;
}

QString route(const QString &destination)
{
    return destination + QStringLiteral(" |  | ");
}

// A private endpoint of the managed network: "<resource>:<subresource>", no protocol, no ports.
QString privateEndpoint(const QString &destination)
{
    return destination + QStringLiteral(" |  | ");
}

QStringList rows443(std::initializer_list<const char *> hosts)
{
    QStringList rows;
    for (const char *host : hosts)
        rows << row(QString::fromLatin1(host), QStringLiteral("443"));
    return rows;
}

struct CloudFacts
{
    QString cloud;
    QString region;
    QString pair;
};

const QList<CloudFacts> &clouds()
{
    static const QList<CloudFacts> list{
        {QStringLiteral("public"), QStringLiteral("japaneast"), QStringLiteral("japanwest")},
        {QStringLiteral("usgov"), QStringLiteral("usgovvirginia"), QStringLiteral("usgovtexas")},
        {QStringLiteral("china"), QStringLiteral("chinaeast2"), QStringLiteral("chinanorth2")},
    };
    return list;
}

const Catalog &catalog2026()
{
    static const Catalog catalog = [] {
        Problems problems;
        Catalog c = Catalog::builtIn(QStringLiteral("2026-03"), &problems);
        if (!c.isValid())
            qFatal("built-in 2026-03 catalog invalid: %s", qPrintable(formatProblems(problems)));
        return c;
    }();
    return catalog;
}

RuleSet generate2026(const CloudFacts &c, const QStringList &features, NetworkKind network = NetworkKind::Customer,
                     UdrMethod udr = UdrMethod::ServiceTags)
{
    Answers answers;
    answers.cloud = c.cloud;
    answers.region = c.region;
    answers.storage = QStringLiteral("mystore");
    answers.acr = QStringLiteral("myacr");
    answers.workspaceId = WORKSPACE;
    answers.network = network;
    answers.features = features;
    answers.udr = udr;
    return RuleGenerator::generate(catalog2026(), answers);
}

RuleSet generateAll2026(const CloudFacts &c, NetworkKind network = NetworkKind::Customer,
                        UdrMethod udr = UdrMethod::ServiceTags)
{
    return generate2026(c, catalog2026().featureIds(), network, udr);
}

QStringList without(QStringList list, const QString &item)
{
    list.removeAll(item);
    return list;
}

bool isManagedTable(const QString &table)
{
    return table.startsWith(QStringLiteral("managed-"));
}

// Basic configuration, outbound table. AzureFrontDoor.* tags do not exist in the 21Vianet cloud (the
// article says FrontEnd is not needed there).
QStringList basicOutbound(const QString &cloud, const QString &region)
{
    QStringList rows{row(QStringLiteral("AzureActiveDirectory"), QStringLiteral("80,443")),
                     row(QStringLiteral("AzureMachineLearning"), QStringLiteral("443,8787,18881")),
                     row(QStringLiteral("AzureMachineLearning"), QStringLiteral("5831"), UDP),
                     row(QStringLiteral("BatchNodeManagement.") + region, QStringLiteral("443")), // 2026 KI 3, 5
                     row(QStringLiteral("AzureResourceManager"), QStringLiteral("443")),
                     row(QStringLiteral("Storage.") + region, QStringLiteral("443"))};
    if (cloud != u"china")
        rows << row(QStringLiteral("AzureFrontDoor.FrontEnd"), QStringLiteral("443"));
    rows << row(QStringLiteral("MicrosoftContainerRegistry"), QStringLiteral("443"));
    if (cloud != u"china")
        rows << row(QStringLiteral("AzureFrontDoor.FirstParty"),
                    QStringLiteral("443")); // 2026 KI 1: "Frontdoor.FirstParty"
    rows << row(QStringLiteral("AzureMonitor"), QStringLiteral("443"))
         << row(QStringLiteral("VirtualNetwork"), QStringLiteral("443"));
    return rows;
}

QStringList recommendedTags(const QString &cloud)
{
    QStringList rows{row(QStringLiteral("MicrosoftContainerRegistry"), QStringLiteral("443"))};
    if (cloud != u"china")
        rows << row(QStringLiteral("AzureFrontDoor.FirstParty"), QStringLiteral("443"));
    return rows;
}

// The include recommended-network-outbound: no port given.
QStringList pythonHosts()
{
    return rows443({"anaconda.com", "*.anaconda.com", "*.anaconda.org", "pypi.org", "*.pythonhosted.org", "pytorch.org",
                    "*.pytorch.org", "*.tensorflow.org"});
}

// Scenario: Kubernetes compute. Untabbed, public-cloud names for every cloud (2026 KI 10); placeholder
// of the workspace ID (2026 KI 7).
QStringList kubernetesHosts(const QString &region)
{
    QStringList rows = rows443({"*.kusto.windows.net", "*.table.core.windows.net", "*.queue.core.windows.net"});
    rows << row(QStringLiteral("myacr.azurecr.io"), QStringLiteral("443"))
         << row(QStringLiteral("myacr.") + region + QStringLiteral(".data.azurecr.io"), QStringLiteral("443"))
         << row(QStringLiteral("mystore.blob.core.windows.net"), QStringLiteral("443"))
         << row(WORKSPACE + QStringLiteral(".workspace.") + region + QStringLiteral(".api.azureml.ms"),
                QStringLiteral("443"))
         << row(region + QStringLiteral(".experiments.azureml.net"), QStringLiteral("443"))
         << row(region + QStringLiteral(".api.azureml.ms"), QStringLiteral("443"))
         << row(QStringLiteral("pypi.org"), QStringLiteral("443")) // training only
         << row(QStringLiteral("archive.ubuntu.com"), QStringLiteral("80"))
         << row(QStringLiteral("security.ubuntu.com"), QStringLiteral("80"))
         << row(QStringLiteral("ppa.launchpad.net"), QStringLiteral("80"));
    return rows;
}

// Scenario: Visual Studio Code, hosts. No port given; ports 8704-8710 have no destination (2026 KI 6).
QStringList vscodeHosts()
{
    QStringList rows
        = rows443({"*.vscode.dev", "*.vscode-unpkg.net", "*.vscode-cdn.net", "*.vscodeexperiments.azureedge.net",
                   "default.exp-tas.com", "code.visualstudio.com", "update.code.visualstudio.com", "*.vo.msecnd.net",
                   "marketplace.visualstudio.com", "vscode.blob.core.windows.net", "*.gallerycdn.vsassets.io"});
    rows << row(
        QStringLiteral("github.com/microsoft/vscode-tools-for-ai/tree/master/azureml_remote_websocket_server/*"),
        QStringLiteral("443"))
         << row(QStringLiteral("vscode.download.prss.microsoft.com"), QStringLiteral("443"));
    return rows;
}

QStringList generalHosts(const QString &cloud)
{
    if (cloud == u"public") // portal and Resource Manager share management.azure.com: one rule
        return {row(QStringLiteral("login.microsoftonline.com"), QStringLiteral("80,443")),
                row(QStringLiteral("management.azure.com"), QStringLiteral("443"))};
    if (cloud == u"usgov")
        return {row(QStringLiteral("login.microsoftonline.us"), QStringLiteral("80,443")),
                row(QStringLiteral("management.azure.us"), QStringLiteral("443")),
                row(QStringLiteral("management.usgovcloudapi.net"), QStringLiteral("443"))};
    return {row(QStringLiteral("login.chinacloudapi.cn"), QStringLiteral("80,443")),
            row(QStringLiteral("management.azure.cn"), QStringLiteral("443")),
            row(QStringLiteral("management.chinacloudapi.cn"), QStringLiteral("443"))};
}

QStringList amlHosts(const QString &cloud)
{
    if (cloud == u"public")
        return {row(QStringLiteral("ml.azure.com"), QStringLiteral("443")),
                row(QStringLiteral("*.azureml.ms"), QStringLiteral("443")),
                row(QStringLiteral("*.azureml.net"), QStringLiteral("443")),
                row(QStringLiteral("*.modelmanagement.azureml.net"), QStringLiteral("443")),
                row(QStringLiteral("*.notebooks.azure.net"), QStringLiteral("443")),
                row(QStringLiteral("mystore.file.core.windows.net"), QStringLiteral("443,445")),
                row(QStringLiteral("mystore.dfs.core.windows.net"), QStringLiteral("443")),
                row(QStringLiteral("mystore.blob.core.windows.net"), QStringLiteral("443")),
                row(QStringLiteral("graph.microsoft.com"), QStringLiteral("443")),
                row(QStringLiteral("*.aznbcontent.net"), QStringLiteral("443")),
                row(QStringLiteral("automlresources-prod.azureedge.net"), QStringLiteral("443")),
                row(QStringLiteral("aka.ms"), QStringLiteral("443"))};
    if (cloud == u"usgov") // no second API host, no AutoML hosts
        return {row(QStringLiteral("ml.azure.us"), QStringLiteral("443")),
                row(QStringLiteral("*.ml.azure.us"), QStringLiteral("443")),
                row(QStringLiteral("*.modelmanagement.azureml.us"), QStringLiteral("443")),
                row(QStringLiteral("*.notebooks.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("mystore.file.core.usgovcloudapi.net"), QStringLiteral("443,445")),
                row(QStringLiteral("mystore.dfs.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("mystore.blob.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("graph.microsoft.us"), QStringLiteral("443")),
                row(QStringLiteral("*.aznbcontent.net"), QStringLiteral("443"))};
    return {row(QStringLiteral("studio.ml.azure.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.ml.azure.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.azureml.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.modelmanagement.ml.azure.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.notebooks.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("mystore.file.core.chinacloudapi.cn"), QStringLiteral("443,445")),
            row(QStringLiteral("mystore.dfs.core.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("mystore.blob.core.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("graph.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.aznbcontent.net"), QStringLiteral("443"))};
}

// Ports 8787 and 18881 only with a workspace private endpoint (the table's tip).
QStringList computeHosts(const QString &cloud, const QString &region, bool privateEndpoint = true)
{
    const QString instancePorts = privateEndpoint ? QStringLiteral("443,8787,18881") : QStringLiteral("443");
    if (cloud == u"public")
        return {
            row(QStringLiteral("graph.windows.net"), QStringLiteral("443")),
            row(QStringLiteral("*.instances.azureml.net"), QStringLiteral("443")),
            row(QStringLiteral("*.instances.azureml.ms"), instancePorts),
            row(region + QStringLiteral(".tundra.azureml.ms"), QStringLiteral("5831"), UDP),
            row(QStringLiteral("*.tundra.") + region + QStringLiteral(".api.azureml.ms"), QStringLiteral("5831"), UDP),
            row(QStringLiteral("*.") + region + QStringLiteral(".batch.azure.com"), QStringLiteral("443"),
                QStringLiteral("ANY")),
            row(QStringLiteral("*.") + region + QStringLiteral(".service.batch.azure.com"), QStringLiteral("443"),
                QStringLiteral("ANY")),
            row(QStringLiteral("*.blob.core.windows.net"), QStringLiteral("443")),
            row(QStringLiteral("*.table.core.windows.net"), QStringLiteral("443")),
            row(QStringLiteral("*.queue.core.windows.net"), QStringLiteral("443")),
            row(QStringLiteral("mystore.file.core.windows.net"), QStringLiteral("443,445")),
            row(QStringLiteral("mystore.blob.core.windows.net"), QStringLiteral("443")),
            row(QStringLiteral("*.vault.azure.net"), QStringLiteral("443"))};
    if (cloud == u"usgov") // 2026 KI 8: no Batch and no *.tundra.<region>.api rows
        return {row(QStringLiteral("graph.windows.net"), QStringLiteral("443")), // 2026 KI 9: kept as published
                row(QStringLiteral("*.instances.azureml.us"), QStringLiteral("443")),
                row(QStringLiteral("*.instances.azureml.ms"), instancePorts),
                row(region + QStringLiteral(".tundra.azureml.us"), QStringLiteral("5831"), UDP),
                row(QStringLiteral("*.blob.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("*.table.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("*.queue.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("mystore.file.core.usgovcloudapi.net"), QStringLiteral("443,445")),
                row(QStringLiteral("mystore.blob.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("*.vault.usgovcloudapi.net"), QStringLiteral("443"))};
    return {row(QStringLiteral("graph.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.instances.azureml.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.instances.azureml.ms"), instancePorts),
            row(region + QStringLiteral(".tundra.azureml.cn"), QStringLiteral("5831"), UDP),
            row(QStringLiteral("*.blob.core.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.table.core.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.queue.core.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("mystore.file.core.chinacloudapi.cn"), QStringLiteral("443,445")),
            row(QStringLiteral("mystore.blob.core.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.vault.azure.cn"), QStringLiteral("443"))};
}

QStringList monitoringHosts()
{
    return rows443({"dc.applicationinsights.azure.com", "dc.applicationinsights.microsoft.com",
                    "dc.services.visualstudio.com", "*.in.applicationinsights.azure.com"});
}

// Managed network, "list of required rules" (no ports in the list: those of the basic configuration).
QStringList managedRequired(const QString &cloud, const QString &region)
{
    QStringList rows{row(QStringLiteral("AzureMachineLearning"), QStringLiteral("44224")), // inbound
                     row(QStringLiteral("AzureMachineLearning"), QStringLiteral("443,8787,18881")),
                     row(QStringLiteral("AzureMachineLearning"), QStringLiteral("5831"), UDP),
                     row(QStringLiteral("AzureActiveDirectory"), QStringLiteral("80,443")),
                     row(QStringLiteral("BatchNodeManagement.") + region, QStringLiteral("443")),
                     row(QStringLiteral("AzureResourceManager"), QStringLiteral("443"))};
    if (cloud != u"china")
        rows << row(QStringLiteral("AzureFrontDoor.FirstParty"), QStringLiteral("443"));
    rows << row(QStringLiteral("MicrosoftContainerRegistry"), QStringLiteral("443"))
         << row(QStringLiteral("AzureMonitor"), QStringLiteral("443"))
         << row(QStringLiteral("VirtualNetwork"), QStringLiteral("443"));
    return rows;
}

QStringList expectedTable(const CloudFacts &c, const QString &table)
{
    if (table == u"basic-inbound")
        return {row(QStringLiteral("AzureMachineLearning"), QStringLiteral("44224"))};
    if (table == u"basic-outbound")
        return basicOutbound(c.cloud, c.region);
    if (table == u"recommended-tags")
        return recommendedTags(c.cloud);
    if (table == u"python-hosts" || table == u"managed-packages")
        return pythonHosts();
    if (table == u"rstudio-application-rule") // Https:443
        return rows443({"ghcr.io", "pkg-containers.githubusercontent.com"});
    if (table == u"r-hosts")
        return rows443({"cloud.r-project.org"});
    if (table == u"udr")
        return {route(QStringLiteral("AzureMachineLearning"))};
    if (table == u"storage-firewall")
        return {row(QStringLiteral("Storage.") + c.region, QStringLiteral("445"))};
    if (table == u"hbi") // 2026 KI 2: "Keyvault.<region>", no port
        return {row(QStringLiteral("AzureKeyVault.") + c.region, QStringLiteral("443"))};
    if (table == u"kubernetes-hosts")
        return kubernetesHosts(c.region);
    if (table == u"vscode-hosts")
        return vscodeHosts();
    if (table == u"general-azure-hosts")
        return generalHosts(c.cloud);
    if (table == u"aml-hosts")
        return amlHosts(c.cloud);
    if (table == u"compute-hosts")
        return computeHosts(c.cloud, c.region);
    if (table == u"docker-images")
        return rows443({"mcr.microsoft.com", "*.data.mcr.microsoft.com"});
    if (table == u"monitoring-hosts")
        return monitoringHosts();
    if (table == u"managed-required")
        return managedRequired(c.cloud, c.region);
    if (table == u"managed-private-endpoints")
        return {privateEndpoint(QStringLiteral("workspace:amlworkspace")),
                privateEndpoint(QStringLiteral("mystore:blob")), privateEndpoint(QStringLiteral("mystore:file")),
                privateEndpoint(QStringLiteral("myacr:registry")), privateEndpoint(QStringLiteral("keyvault:vault"))};
    if (table == u"managed-vscode") // the VS Code list without the WebSocket URL
        return without(
            vscodeHosts(),
            row(QStringLiteral(
                    "github.com/microsoft/vscode-tools-for-ai/tree/master/azureml_remote_websocket_server/*"),
                QStringLiteral("443")));
    if (table == u"managed-batch-endpoints")
        return {privateEndpoint(QStringLiteral("mystore:queue")), privateEndpoint(QStringLiteral("mystore:table"))};
    if (table == u"managed-huggingface")
        return rows443({"docker.io", "*.docker.io", "*.docker.com", "production.cloudflare.docker.com", "cdn.auth0.com",
                        "cdn-lfs.huggingface.co"});
    return {QStringLiteral("<no expectation written for table %1>").arg(table)};
}

QString diff(const QStringList &actual, const QStringList &expected)
{
    QStringList lines;
    for (const QString &e : expected) {
        if (!actual.contains(e))
            lines << QStringLiteral("  missing:    ") + e;
    }
    for (const QString &a : actual) {
        if (!expected.contains(a))
            lines << QStringLiteral("  unexpected: ") + a;
    }
    if (lines.isEmpty())
        lines << QStringLiteral("  same rows, different order:\n    actual   ")
                     + actual.join(QStringLiteral("\n             ")) + QStringLiteral("\n    expected ")
                     + expected.join(QStringLiteral("\n             "));
    return lines.join(u'\n');
}

bool hasDestination(const RuleSet &set, const QString &destination)
{
    return std::any_of(set.rules.cbegin(), set.rules.cend(),
                       [&](const Rule &r) { return r.destination == destination; });
}

} // namespace

class TestArticleTables2026 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTable_data()
    {
        QTest::addColumn<int>("cloudIndex");
        QTest::addColumn<QString>("table");
        for (int i = 0; i < clouds().size(); ++i) {
            for (const Table &t : catalog2026().tables)
                QTest::newRow(qPrintable(clouds().at(i).cloud + u'/' + t.id)) << i << t.id;
        }
    }

    // With every feature, each table of the article lists exactly its rows, in its order.
    void everyTable()
    {
        QFETCH(int, cloudIndex);
        QFETCH(QString, table);
        const CloudFacts &c = clouds().at(cloudIndex);
        const RuleSet set = generateAll2026(c, isManagedTable(table) ? NetworkKind::Managed : NetworkKind::Customer);
        QVERIFY(set.isValid());
        const QStringList actual = tableRows(set, table);
        const QStringList expected = expectedTable(c, table);
        QVERIFY2(actual == expected,
                 qPrintable(QStringLiteral("%1 %2:\n").arg(c.cloud, table) + diff(actual, expected)));
    }

    // The public-IP scenario's other tab: the tag's prefixes for the region and its secondary region.
    void ipRangeRoutes()
    {
        for (const CloudFacts &c : clouds()) {
            const RuleSet set = generateAll2026(c, NetworkKind::Customer, UdrMethod::IpRanges);
            const QStringList expected{route(QStringLiteral("AzureMachineLearning.") + c.region),
                                       route(QStringLiteral("AzureMachineLearning.") + c.pair)};
            const QStringList actual = tableRows(set, QStringLiteral("udr"));
            QVERIFY2(actual == expected, qPrintable(c.cloud + u'\n' + diff(actual, expected)));
        }
    }

    // Every generated rule of the customer's network comes from some table, and nothing else is
    // generated: the union of the expected tables is the whole rule set.
    void nothingElse()
    {
        for (const CloudFacts &c : clouds()) {
            const RuleSet set = generateAll2026(c);
            QStringList expected;
            for (const Table &t : catalog2026().tables) {
                if (isManagedTable(t.id))
                    continue;
                for (const QString &r : expectedTable(c, t.id)) {
                    if (!expected.contains(r))
                        expected << r;
                }
            }
            // One rule per destination and direction: rows of several tables with other ports are one
            // rule with them all (inbound AzureMachineLearning 44224 stays apart from outbound 443).
            expected = mergedRows(catalog2026(), expected);
            QStringList actual = allRows(set);
            QCOMPARE(actual.size(), QSet<QString>(actual.cbegin(), actual.cend()).size()); // merged: no duplicates
            actual.sort();
            expected.sort();
            QVERIFY2(actual == expected, qPrintable(c.cloud + u'\n' + diff(actual, expected)));
        }
    }

    // Without a private endpoint, compute instances need 443 only on *.instances.azureml.ms.
    void instancePortsNeedPrivateEndpoint()
    {
        for (const CloudFacts &c : clouds()) {
            const RuleSet set = generate2026(c, {QStringLiteral("compute-instance"), QStringLiteral("hbi")});
            const QStringList actual = tableRows(set, QStringLiteral("compute-hosts"));
            const QStringList expected = computeHosts(c.cloud, c.region, false);
            QVERIFY2(actual == expected, qPrintable(c.cloud + u'\n' + diff(actual, expected)));
        }
    }

    // Inbound 44224 and the routes only when some compute has a public IP.
    void inboundOnlyWithPublicIp()
    {
        for (const CloudFacts &c : clouds()) {
            const QStringList allButPublicIp = without(catalog2026().featureIds(), QStringLiteral("compute-public-ip"));
            const RuleSet withoutIp = generate2026(c, allButPublicIp);
            QVERIFY(withoutIp.isValid());
            QVERIFY2(tableRows(withoutIp, QStringLiteral("basic-inbound")).isEmpty(), qPrintable(c.cloud));
            QVERIFY2(tableRows(withoutIp, QStringLiteral("udr")).isEmpty(), qPrintable(c.cloud));
            for (const Rule &r : withoutIp.rules)
                QVERIFY2(r.direction != Direction::Inbound, qPrintable(c.cloud + u' ' + r.destination));

            const RuleSet withIp = generate2026(c, {QStringLiteral("compute-public-ip")});
            QCOMPARE(tableRows(withIp, QStringLiteral("basic-inbound")),
                     QStringList{row(QStringLiteral("AzureMachineLearning"), QStringLiteral("44224"))});
            QCOMPARE(tableRows(withIp, QStringLiteral("udr")),
                     QStringList{route(QStringLiteral("AzureMachineLearning"))});
        }
    }

    // The basic configuration's rows without a condition are needed with no feature at all.
    void basicConfigurationAlways()
    {
        for (const CloudFacts &c : clouds()) {
            const RuleSet set = generate2026(c, {});
            QVERIFY(set.isValid());
            const QStringList expected
                = without(basicOutbound(c.cloud, c.region), row(QStringLiteral("AzureMonitor"), QStringLiteral("443")));
            const QStringList actual = tableRows(set, QStringLiteral("basic-outbound"));
            QVERIFY2(actual == expected, qPrintable(c.cloud + u'\n' + diff(actual, expected)));
            QCOMPARE(tableRows(set, QStringLiteral("docker-images")),
                     rows443({"mcr.microsoft.com", "*.data.mcr.microsoft.com"}));
            QVERIFY(tableRows(set, QStringLiteral("monitoring-hosts")).isEmpty());
        }
    }

    // "Not needed in Microsoft Azure operated by 21Vianet", and the Front Door tags do not exist there.
    void noFrontDoorInChina()
    {
        const CloudFacts &china = clouds().at(2);
        for (NetworkKind network : {NetworkKind::Customer, NetworkKind::Managed}) {
            const RuleSet set = generateAll2026(china, network);
            QVERIFY(set.isValid());
            QVERIFY(!hasDestination(set, QStringLiteral("AzureFrontDoor.FrontEnd")));
            QVERIFY(!hasDestination(set, QStringLiteral("AzureFrontDoor.FirstParty")));
        }
        QVERIFY(hasDestination(generateAll2026(clouds().at(0)), QStringLiteral("AzureFrontDoor.FrontEnd")));
        QVERIFY(hasDestination(generateAll2026(clouds().at(1)), QStringLiteral("AzureFrontDoor.FrontEnd")));
    }

    // AutoML for NLP and vision: Azure public only, and only with the feature.
    void automlOnlyPublic()
    {
        const QStringList automl{QStringLiteral("automlresources-prod.azureedge.net"), QStringLiteral("aka.ms")};
        for (const CloudFacts &c : clouds()) {
            const RuleSet all = generateAll2026(c);
            for (const QString &host : automl)
                QCOMPARE(hasDestination(all, host), c.cloud == u"public");
            const RuleSet none
                = generate2026(c, without(catalog2026().featureIds(), QStringLiteral("automl-nlp-vision")));
            for (const QString &host : automl)
                QVERIFY2(!hasDestination(none, host), qPrintable(c.cloud + u' ' + host));
        }
    }

    // Managed-network rows only for a managed network, and they say so.
    void managedRowsOnlyWithManagedNetwork()
    {
        for (const CloudFacts &c : clouds()) {
            const RuleSet customer = generateAll2026(c, NetworkKind::Customer);
            for (const Rule &r : customer.rules)
                QVERIFY2(r.network == NetworkKind::Customer && !r.automatic,
                         qPrintable(c.cloud + u' ' + r.destination));
            for (const Table &t : catalog2026().tables) {
                if (isManagedTable(t.id))
                    QVERIFY2(tableRows(customer, t.id).isEmpty(), qPrintable(c.cloud + u' ' + t.id));
            }

            const RuleSet managed = generateAll2026(c, NetworkKind::Managed);
            QVERIFY(managed.isValid());
            int automatic = 0;
            for (const Rule &r : managed.rules) {
                if (r.network != NetworkKind::Managed)
                    continue;
                if (r.automatic)
                    ++automatic;
                for (const QString &table : r.tableIds())
                    QVERIFY2(isManagedTable(table), qPrintable(c.cloud + u' ' + r.destination + u' ' + table));
            }
            // the required rules and the automatic private endpoints
            QCOMPARE(automatic, managedRequired(c.cloud, c.region).size() + 5);
        }
    }

    // Batch endpoints and Hugging Face add rules to the managed network only.
    void managedScenarioFeatures()
    {
        const CloudFacts &c = clouds().at(0);
        const RuleSet base = generate2026(c, {}, NetworkKind::Managed);
        QVERIFY(tableRows(base, QStringLiteral("managed-batch-endpoints")).isEmpty());
        QVERIFY(tableRows(base, QStringLiteral("managed-huggingface")).isEmpty());
        QVERIFY(tableRows(base, QStringLiteral("managed-required")).size()
                == managedRequired(c.cloud, c.region).size() - 1); // no AzureMonitor
        const RuleSet batch = generate2026(c, {QStringLiteral("batch-endpoints")}, NetworkKind::Managed);
        QCOMPARE(tableRows(batch, QStringLiteral("managed-batch-endpoints")),
                 expectedTable(c, QStringLiteral("managed-batch-endpoints")));
        const RuleSet customer = generate2026(c, {QStringLiteral("batch-endpoints"), QStringLiteral("huggingface")});
        QCOMPARE(customer.rules.size(), generate2026(c, {}).rules.size());
    }

    // A Kubernetes host whose placeholder has no answer keeps it, and says which.
    void unansweredPlaceholders()
    {
        Answers answers;
        answers.cloud = QStringLiteral("public");
        answers.region = QStringLiteral("japaneast");
        answers.storage = QStringLiteral("mystore");
        answers.features = {QStringLiteral("kubernetes")};
        const RuleSet set = RuleGenerator::generate(catalog2026(), answers);
        QVERIFY(set.isValid());
        const QStringList rows = tableRows(set, QStringLiteral("kubernetes-hosts"));
        QVERIFY2(rows.contains(row(QStringLiteral("<acr>.azurecr.io"), QStringLiteral("443"))),
                 qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(
                     row(QStringLiteral("<workspace-id>.workspace.japaneast.api.azureml.ms"), QStringLiteral("443"))),
                 qPrintable(rows.join(u'\n')));
        for (const Rule &r : set.rules) {
            if (r.destination == u"<acr>.azurecr.io")
                QCOMPARE(r.unanswered, QStringList{QStringLiteral("acr")});
        }
    }

    // The live test has a host to try for the new wildcards and service tags, each admitted by its rule.
    void probeSamples()
    {
        const ProbeCatalog &probe = catalog2026().probe;
        for (const char *wildcard : {"*.vscode.dev", "*.vscode-cdn.net", "*.gallerycdn.vsassets.io", "*.pytorch.org",
                                     "*.data.mcr.microsoft.com", "*.modelmanagement.azureml.net", "*.docker.io"}) {
            const QString pattern = QString::fromLatin1(wildcard);
            const QString sample = probe.wildcardSample(pattern, QStringLiteral("public"));
            QVERIFY2(!sample.isEmpty(), wildcard);
            QVERIFY2(
                hostMatchesPattern(
                    substitutePlaceholders(sample, {{QStringLiteral("region"), QStringLiteral("japaneast")}}), pattern),
                qPrintable(sample));
        }
        QCOMPARE(probe.serviceTagHost(QStringLiteral("AzureFrontDoor.FirstParty"), QStringLiteral("public")),
                 QStringLiteral("mcr.microsoft.com"));
        QVERIFY(!probe.serviceTagHost(QStringLiteral("MicrosoftContainerRegistry"), QStringLiteral("usgov")).isEmpty());
        QVERIFY(!probe.serviceTagHost(QStringLiteral("AzureMonitor"), QStringLiteral("china")).isEmpty());
    }

    // Each known issue of the edition is shown on a rule or as a scenario note, numbered 1..n.
    void knownIssuesNumbered()
    {
        QList<int> numbers;
        for (const Note &n : catalog2026().notes + catalog2026().scenarioNotes) {
            if (n.knownIssue > 0)
                numbers << n.knownIssue;
        }
        std::sort(numbers.begin(), numbers.end());
        QCOMPARE(numbers, (QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        const RuleSet set = generateAll2026(clouds().at(0));
        for (const Rule &r : set.rules) {
            if (r.destination == u"AzureFrontDoor.FirstParty") {
                QCOMPARE(r.articleDestination, QStringLiteral("Frontdoor.FirstParty"));
                QVERIFY(std::any_of(r.notes.cbegin(), r.notes.cend(), [](const Note &n) { return n.knownIssue == 1; }));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestArticleTables2026)
#include "tst_articletables2026.moc"
