// The most important test of amlfw: the rules it generates are the article's tables.
//
// Every expected row below was written by hand from the 2021-11 Japanese edition of "Configure
// inbound and outbound network traffic" (shared/seed) and its two included sections
// (shared/reference/includes-2021.md), table by table, with the corrections of
// shared/reference/known-issues-2021.md applied where noted (KI n). Rows read
// "destination | protocol | ports" with <storage> = mystore and <region> = the scenario's region.

#include "rulesetfixture.h"

using namespace amlfw;
using namespace amlfw::test;

namespace {

const QString TCP = QStringLiteral("TCP");

QString row(const QString &destination, const QString &ports, const QString &protocol = TCP)
{
    return destination + QStringLiteral(" | ") + protocol + QStringLiteral(" | ") + ports;
}

QString route(const QString &destination)
{
    return destination + QStringLiteral(" |  | ");
}

struct CloudFacts
{
    QString cloud;
    QString region;
    QString pair;
    QString storageSuffix;
};

const QList<CloudFacts> &clouds()
{
    static const QList<CloudFacts> list{
        {QStringLiteral("public"), QStringLiteral("japaneast"), QStringLiteral("japanwest"), QStringLiteral("core.windows.net")},
        {QStringLiteral("usgov"), QStringLiteral("usgovvirginia"), QStringLiteral("usgovtexas"), QStringLiteral("core.usgovcloudapi.net")},
        {QStringLiteral("china"), QStringLiteral("chinaeast2"), QStringLiteral("chinanorth2"), QStringLiteral("core.chinacloudapi.cn")},
    };
    return list;
}

// Included section 1, "Required public internet access": outbound tags. The Azure Firewall
// "network rules" table lists the same tags.
QStringList outboundTags(const QString &cloud, const QString &region)
{
    QStringList rows{row(QStringLiteral("AzureActiveDirectory"), QStringLiteral("80,443")),
                     row(QStringLiteral("AzureMachineLearning"), QStringLiteral("443")),
                     row(QStringLiteral("AzureResourceManager"), QStringLiteral("443")),
                     row(QStringLiteral("Storage.") + region, QStringLiteral("443"))};
    if (cloud != u"china") // "not needed in Azure China"
        rows << row(QStringLiteral("AzureFrontDoor.FrontEnd"), QStringLiteral("443"));
    rows << row(QStringLiteral("AzureContainerRegistry.") + region, QStringLiteral("443")) // KI 1: ContainerRegistry.region
         << row(QStringLiteral("MicrosoftContainerRegistry.") + region, QStringLiteral("443"))
         << row(QStringLiteral("AzureKeyVault.") + region, QStringLiteral("443")); // KI 2: Keyvault.region
    return rows;
}

// Azure Firewall > outbound configuration > application rules. "Protocol/port: http, https".
QStringList applicationRules()
{
    const QString web = QStringLiteral("80,443");
    return {row(QStringLiteral("graph.windows.net"), web),
            row(QStringLiteral("anaconda.com"), web),
            row(QStringLiteral("*.anaconda.com"), web),
            row(QStringLiteral("*.anaconda.org"), web),
            row(QStringLiteral("pypi.org"), web),
            row(QStringLiteral("*.pythonhosted.org"), web), // KI 4: "*pythonhosted.org" in the Japanese edition
            row(QStringLiteral("cloud.r-project.org"), web),
            row(QStringLiteral("*pytorch.org"), web),
            row(QStringLiteral("*.tensorflow.org"), web),
            row(QStringLiteral("update.code.visualstudio.com"), web),
            row(QStringLiteral("*.vo.msecnd.net"), web),
            row(QStringLiteral("raw.githubusercontent.com/microsoft/vscode-tools-for-ai/master/azureml_remote_websocket_server/*"), web),
            row(QStringLiteral("dc.applicationinsights.azure.com"), web),
            row(QStringLiteral("dc.applicationinsights.microsoft.com"), web),
            row(QStringLiteral("dc.services.visualstudio.com"), web)};
}

QStringList generalHosts(const QString &cloud)
{
    if (cloud == u"public") // Azure portal and Azure Resource Manager share management.azure.com: one rule
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
                row(QStringLiteral("*.notebooks.azure.net"), QStringLiteral("443")),
                row(QStringLiteral("mystore.file.core.windows.net"), QStringLiteral("443,445")),
                row(QStringLiteral("mystore.dfs.core.windows.net"), QStringLiteral("443")),
                row(QStringLiteral("mystore.blob.core.windows.net"), QStringLiteral("443")),
                row(QStringLiteral("graph.microsoft.com"), QStringLiteral("443")),
                row(QStringLiteral("*.aznbcontent.net"), QStringLiteral("443"))};
    if (cloud == u"usgov")
        return {row(QStringLiteral("ml.azure.us"), QStringLiteral("443")),
                row(QStringLiteral("*.ml.azure.us"), QStringLiteral("443")),
                row(QStringLiteral("*.notebooks.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("mystore.file.core.usgovcloudapi.net"), QStringLiteral("443,445")),
                row(QStringLiteral("mystore.dfs.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("mystore.blob.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("graph.microsoft.us"), QStringLiteral("443")),
                row(QStringLiteral("*.aznbcontent.net"), QStringLiteral("443"))};
    return {row(QStringLiteral("studio.ml.azure.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.ml.azure.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.notebooks.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("mystore.file.core.chinacloudapi.cn"), QStringLiteral("443,445")),
            row(QStringLiteral("mystore.dfs.core.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("mystore.blob.core.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("graph.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.aznbcontent.net"), QStringLiteral("443"))};
}

// Ports 8787 and 18881 only with a workspace private endpoint (the table's tip).
QStringList computeHosts(const QString &cloud, bool privateEndpoint = true)
{
    const QString instancePorts = privateEndpoint ? QStringLiteral("443,8787,18881") : QStringLiteral("443");
    if (cloud == u"public")
        return {row(QStringLiteral("graph.windows.net"), QStringLiteral("443")),
                row(QStringLiteral("*.instances.azureml.net"), QStringLiteral("443")),
                row(QStringLiteral("*.instances.azureml.ms"), instancePorts),
                row(QStringLiteral("*.blob.core.windows.net"), QStringLiteral("443")),
                row(QStringLiteral("*.table.core.windows.net"), QStringLiteral("443")),
                row(QStringLiteral("*.queue.core.windows.net"), QStringLiteral("443")),
                row(QStringLiteral("mystore.file.core.windows.net"), QStringLiteral("443,445")),
                row(QStringLiteral("mystore.blob.core.windows.net"), QStringLiteral("443")),
                row(QStringLiteral("*.vault.azure.net"), QStringLiteral("443"))};
    if (cloud == u"usgov")
        return {row(QStringLiteral("graph.windows.net"), QStringLiteral("443")), // KI 7: kept as published
                row(QStringLiteral("*.instances.azureml.us"), QStringLiteral("443")),
                row(QStringLiteral("*.instances.azureml.ms"), instancePorts),
                row(QStringLiteral("*.blob.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("*.table.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("*.queue.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("mystore.file.core.usgovcloudapi.net"), QStringLiteral("443,445")),
                row(QStringLiteral("mystore.blob.core.usgovcloudapi.net"), QStringLiteral("443")),
                row(QStringLiteral("*.vault.usgovcloudapi.net"), QStringLiteral("443"))};
    return {row(QStringLiteral("graph.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.instances.azureml.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.instances.azureml.ms"), instancePorts),
            row(QStringLiteral("*.blob.core.chinacloudapi.cn"), QStringLiteral("443")), // KI 3: "*blob.core.chinacloudapi.cn"
            row(QStringLiteral("*.table.core.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.queue.core.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("mystore.file.core.chinacloudapi.cn"), QStringLiteral("443,445")),
            row(QStringLiteral("mystore.blob.core.chinacloudapi.cn"), QStringLiteral("443")),
            row(QStringLiteral("*.vault.azure.cn"), QStringLiteral("443"))};
}

QStringList inboundTags()
{
    return {row(QStringLiteral("BatchNodeManagement"), QStringLiteral("29876-29877")),
            row(QStringLiteral("AzureMachineLearning"), QStringLiteral("44224"))};
}

QStringList pythonHosts()
{
    const QString web = QStringLiteral("80,443"); // KI 12: no protocol in the table
    return {row(QStringLiteral("anaconda.com"), web),     row(QStringLiteral("*.anaconda.com"), web),
            row(QStringLiteral("*.anaconda.org"), web),   row(QStringLiteral("pypi.org"), web),
            row(QStringLiteral("*.pythonhosted.org"), web), row(QStringLiteral("*pytorch.org"), web),
            row(QStringLiteral("*.tensorflow.org"), web)};
}

QStringList arcExtension()
{
    // KI 8: no cloud tabs; applied to every cloud as written.
    QStringList rows;
    for (const char *host : {"*.data.mcr.microsoft.com", "quay.io", "*.quay.io", "gcr.io", "storage.googleapis.com",
                             "registry-1.docker.io", "production.cloudflare.docker.com", "auth.docker.io",
                             "*.kusto.windows.net", "*.table.core.windows.net", "*.queue.core.windows.net"})
        rows << row(QString::fromLatin1(host), QStringLiteral("443"));
    return rows;
}

QStringList arcTraining()
{
    return {row(QStringLiteral("pypi.org"), QStringLiteral("443")),
            row(QStringLiteral("archive.ubuntu.com"), QStringLiteral("80")),
            row(QStringLiteral("security.ubuntu.com"), QStringLiteral("80")),
            row(QStringLiteral("ppa.launchpad.net"), QStringLiteral("80"))};
}

QStringList arcInference(const QString &region)
{
    return {row(QStringLiteral("*.azurecr.io"), QStringLiteral("443")),
            row(QStringLiteral("*.blob.core.windows.net"), QStringLiteral("443")),
            row(QStringLiteral("*.workspace.") + region + QStringLiteral(".api.azureml.ms"), QStringLiteral("443")),
            row(region + QStringLiteral(".experiments.azureml.net"), QStringLiteral("443")),
            row(region + QStringLiteral(".api.azureml.ms"), QStringLiteral("443"))};
}

QStringList vscodeHosts()
{
    const QString web = QStringLiteral("80,443");
    return {row(QStringLiteral("update.code.visualstudio.com"), web), row(QStringLiteral("*.vo.msecnd.net"), web),
            row(QStringLiteral("raw.githubusercontent.com/microsoft/vscode-tools-for-ai/master/azureml_remote_websocket_server/*"), web)};
}

QStringList diagnostics()
{
    const QString web = QStringLiteral("80,443");
    return {row(QStringLiteral("dc.applicationinsights.azure.com"), web),
            row(QStringLiteral("dc.applicationinsights.microsoft.com"), web),
            row(QStringLiteral("dc.services.visualstudio.com"), web)};
}

QStringList expectedTable(const CloudFacts &c, const QString &table)
{
    if (table == u"internet-inbound" || table == u"inbound-addresses")
        return inboundTags();
    if (table == u"internet-outbound" || table == u"network-rules")
        return outboundTags(c.cloud, c.region);
    if (table == u"udr")
        return {route(QStringLiteral("AzureMachineLearning")), route(QStringLiteral("BatchNodeManagement.") + c.region)};
    if (table == u"application-rules")
        return applicationRules();
    if (table == u"aks-azure-firewall" || table == u"aks-other-firewalls")
        return {row(QStringLiteral("mcr.microsoft.com"), QStringLiteral("443"))};
    if (table == u"general-azure-hosts")
        return generalHosts(c.cloud);
    if (table == u"aml-hosts")
        return amlHosts(c.cloud);
    if (table == u"compute-hosts")
        return computeHosts(c.cloud);
    if (table == u"docker-images")
        return {row(QStringLiteral("mcr.microsoft.com"), QStringLiteral("443")),
                row(QStringLiteral("azurearctest.azurecr.io"), QStringLiteral("443"))}; // KI 5: kept, with a warning
    if (table == u"diagnostics")
        return diagnostics();
    if (table == u"python-hosts")
        return pythonHosts();
    if (table == u"r-hosts")
        return {row(QStringLiteral("cloud.r-project.org"), QStringLiteral("80,443"))};
    if (table == u"arc-extension")
        return arcExtension();
    if (table == u"arc-training")
        return arcTraining();
    if (table == u"arc-inference")
        return arcInference(c.region);
    if (table == u"vscode-hosts")
        return vscodeHosts();
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
        lines << QStringLiteral("  same rows, different order:\n    actual   ") + actual.join(QStringLiteral("\n             "))
                     + QStringLiteral("\n    expected ") + expected.join(QStringLiteral("\n             "));
    return lines.join(u'\n');
}

} // namespace

class TestArticleTables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTable_data()
    {
        QTest::addColumn<int>("cloudIndex");
        QTest::addColumn<QString>("table");
        for (int i = 0; i < clouds().size(); ++i) {
            for (const Table &t : builtInCatalog().tables)
                QTest::newRow(qPrintable(clouds().at(i).cloud + u'/' + t.id)) << i << t.id;
        }
    }

    // With every feature, each table of the article lists exactly its rows, in its order.
    void everyTable()
    {
        QFETCH(int, cloudIndex);
        QFETCH(QString, table);
        const CloudFacts &c = clouds().at(cloudIndex);
        const RuleSet set = generateAll(c.cloud, c.region);
        QVERIFY(set.isValid());
        const QStringList actual = tableRows(set, table);
        const QStringList expected = expectedTable(c, table);
        QVERIFY2(actual == expected, qPrintable(QStringLiteral("%1 %2:\n").arg(c.cloud, table) + diff(actual, expected)));
    }

    // The UDR section's other method: the tags' prefixes for the region and its pair.
    void ipRangeRoutes()
    {
        for (const CloudFacts &c : clouds()) {
            const RuleSet set = generateAll(c.cloud, c.region, UdrMethod::IpRanges);
            const QStringList expected{route(QStringLiteral("AzureMachineLearning.") + c.region),
                                       route(QStringLiteral("AzureMachineLearning.") + c.pair),
                                       route(QStringLiteral("BatchNodeManagement.") + c.region),
                                       route(QStringLiteral("BatchNodeManagement.") + c.pair)};
            const QStringList actual = tableRows(set, QStringLiteral("udr"));
            QVERIFY2(actual == expected, qPrintable(c.cloud + u'\n' + diff(actual, expected)));
        }
    }

    // Every generated rule comes from some table, and nothing else is generated: the union of the
    // expected tables is the whole rule set.
    void nothingElse()
    {
        for (const CloudFacts &c : clouds()) {
            const RuleSet set = generateAll(c.cloud, c.region);
            QStringList expected;
            for (const Table &t : builtInCatalog().tables) {
                for (const QString &r : expectedTable(c, t.id)) {
                    if (!expected.contains(r))
                        expected << r;
                }
            }
            // One rule per destination and direction: rows of several tables with other ports are one
            // rule with them all (inbound AzureMachineLearning 44224 stays apart from outbound 443).
            expected = mergedRows(builtInCatalog(), expected);
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
            const RuleSet set = generate(c.cloud, c.region, {QStringLiteral("compute-instance"), QStringLiteral("hbi")});
            const QStringList actual = tableRows(set, QStringLiteral("compute-hosts"));
            QVERIFY2(actual == computeHosts(c.cloud, false), qPrintable(c.cloud + u'\n' + diff(actual, computeHosts(c.cloud, false))));
        }
    }

    // Rows several sections list are one rule that keeps every section.
    void mergedRowsKeepTheirSections()
    {
        const RuleSet set = generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        auto tablesOf = [&](const QString &destination, const QStringList &ports) -> QStringList {
            for (const Rule &r : set.rules) {
                if (r.destination == destination && r.ports == ports)
                    return r.tableIds();
            }
            return {};
        };
        QCOMPARE(tablesOf(QStringLiteral("AzureActiveDirectory"), {QStringLiteral("80"), QStringLiteral("443")}),
                 (QStringList{QStringLiteral("internet-outbound"), QStringLiteral("network-rules")}));
        // pypi.org on 80,443 (application rules, Python) and on 443 (Arc training): one rule on 80,443
        QCOMPARE(tablesOf(QStringLiteral("pypi.org"), {QStringLiteral("80"), QStringLiteral("443")}),
                 (QStringList{QStringLiteral("application-rules"), QStringLiteral("python-hosts"),
                              QStringLiteral("arc-training")}));
        QVERIFY(tablesOf(QStringLiteral("pypi.org"), {QStringLiteral("443")}).isEmpty());
        QCOMPARE(tablesOf(QStringLiteral("graph.windows.net"), {QStringLiteral("80"), QStringLiteral("443")}),
                 (QStringList{QStringLiteral("application-rules"), QStringLiteral("compute-hosts")}));
        QCOMPARE(tablesOf(QStringLiteral("mcr.microsoft.com"), {QStringLiteral("443")}),
                 (QStringList{QStringLiteral("aks-azure-firewall"), QStringLiteral("docker-images"),
                              QStringLiteral("aks-other-firewalls")}));
        QCOMPARE(tablesOf(QStringLiteral("mystore.file.core.windows.net"), {QStringLiteral("443"), QStringLiteral("445")}),
                 (QStringList{QStringLiteral("aml-hosts"), QStringLiteral("compute-hosts")}));
        QCOMPARE(tablesOf(QStringLiteral("*.blob.core.windows.net"), {QStringLiteral("443")}),
                 (QStringList{QStringLiteral("compute-hosts"), QStringLiteral("arc-inference")}));
        QCOMPARE(tablesOf(QStringLiteral("BatchNodeManagement"), {QStringLiteral("29876-29877")}),
                 (QStringList{QStringLiteral("internet-inbound"), QStringLiteral("inbound-addresses")}));
        // management.azure.com is listed twice in one table (portal, Resource Manager): both purposes kept
        for (const Rule &r : set.rules) {
            if (r.destination == u"management.azure.com") {
                QCOMPARE(r.sources.size(), 2);
                QCOMPARE(r.purposes(Language::English).size(), 2);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestArticleTables)
#include "tst_articletables.moc"
