// Feature mapping, placeholders, merging, ids, order and notes of the generated rule set.
// The feature mapping below is the one documented in the README ("Which rules each feature adds").

#include "azurefirewall.h"
#include "jsonedit.h"
#include "portlist.h"
#include "rulelabels.h"
#include "rulesetfixture.h"

#include <QElapsedTimer>
#include <QFile>

using namespace amlfw;
using namespace amlfw::test;

namespace {

QString row(const QString &destination, const QString &ports)
{
    return destination + QStringLiteral(" | TCP | ") + ports;
}
QString route(const QString &destination)
{
    return destination + QStringLiteral(" |  | ");
}

QStringList minimalPublic()
{
    return {row(QStringLiteral("AzureActiveDirectory"), QStringLiteral("80,443")),
            row(QStringLiteral("AzureMachineLearning"), QStringLiteral("443")),
            row(QStringLiteral("AzureResourceManager"), QStringLiteral("443")),
            row(QStringLiteral("Storage.japaneast"), QStringLiteral("443")),
            row(QStringLiteral("AzureFrontDoor.FrontEnd"), QStringLiteral("443")),
            row(QStringLiteral("login.microsoftonline.com"), QStringLiteral("80,443")),
            row(QStringLiteral("management.azure.com"), QStringLiteral("443")),
            row(QStringLiteral("ml.azure.com"), QStringLiteral("443")),
            row(QStringLiteral("*.azureml.ms"), QStringLiteral("443"))};
}

QStringList computeCommon()
{
    // graph.windows.net: 80,443 in the application rules, 443 in the compute hosts: one rule
    return {row(QStringLiteral("graph.windows.net"), QStringLiteral("80,443")),
            row(QStringLiteral("*.blob.core.windows.net"), QStringLiteral("443")),
            row(QStringLiteral("*.table.core.windows.net"), QStringLiteral("443")),
            row(QStringLiteral("*.queue.core.windows.net"), QStringLiteral("443")),
            row(QStringLiteral("mystore.file.core.windows.net"), QStringLiteral("443,445")),
            row(QStringLiteral("mystore.blob.core.windows.net"), QStringLiteral("443")),
            row(QStringLiteral("azurearctest.azurecr.io"), QStringLiteral("443"))};
}

QStringList inboundAndRoutes(bool amlInbound)
{
    QStringList rows{QStringLiteral("BatchNodeManagement | TCP | 29876-29877")};
    if (amlInbound)
        rows << QStringLiteral("AzureMachineLearning | TCP | 44224");
    rows << route(QStringLiteral("AzureMachineLearning")) << route(QStringLiteral("BatchNodeManagement.japaneast"));
    return rows;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList added(const QStringList &features)
{
    QStringList rows = allRows(generate(QStringLiteral("public"), QStringLiteral("japaneast"), features));
    for (const QString &m : minimalPublic())
        rows.removeAll(m);
    return sorted(rows);
}

// Catalog rows of a cloud needed whatever the features, counted once per destination, protocol
// and ports: the size of the minimal rule set, from the catalog rather than a copied number.
qsizetype alwaysRows(const QString &cloud)
{
    QSet<QString> keys;
    for (const CatalogRule &r : builtInCatalog().rules) {
        if (r.clouds.contains(cloud) && r.when.isAlways() && r.kind != RuleKind::Route)
            keys.insert(r.destination + u'|' + r.protocol + u'|' + normalizedPorts(r.ports).join(u','));
    }
    return keys.size();
}

} // namespace

class TestRuleGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minimalScenario()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"), {});
        QVERIFY(set.isValid());
        QCOMPARE(allRows(set), minimalPublic());
        for (const Rule &r : set.rules)
            QVERIFY2(r.isAlways(), qPrintable(r.id));
        // China has no AzureFrontDoor.FrontEnd (4 tags); Government and China list the portal and Resource
        // Manager hosts apart (3 general hosts).
        QCOMPARE(generate(QStringLiteral("china"), QStringLiteral("chinaeast2"), {}).rules.size(),
                 alwaysRows(QStringLiteral("china")));
        QCOMPARE(generate(QStringLiteral("usgov"), QStringLiteral("usgovvirginia"), {}).rules.size(),
                 alwaysRows(QStringLiteral("usgov")));
        QCOMPARE(minimalPublic().size(), alwaysRows(QStringLiteral("public")));
    }

    void featureMapping_data()
    {
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<QStringList>("expected");
        const QString web = QStringLiteral("80,443");
        QTest::newRow("compute-instance")
            << QStringList{QStringLiteral("compute-instance")}
            << sorted(inboundAndRoutes(true) + computeCommon()
                      + QStringList{row(QStringLiteral("*.instances.azureml.net"), QStringLiteral("443")),
                                    row(QStringLiteral("*.instances.azureml.ms"), QStringLiteral("443"))});
        QTest::newRow("compute-cluster") << QStringList{QStringLiteral("compute-cluster")}
                                         << sorted(inboundAndRoutes(false) + computeCommon());
        QTest::newRow("no-public-ip")
            << QStringList{QStringLiteral("no-public-ip")}
            << sorted(computeCommon()
                      + QStringList{row(QStringLiteral("*.instances.azureml.net"), QStringLiteral("443")),
                                    row(QStringLiteral("*.instances.azureml.ms"), QStringLiteral("443"))});
        QTest::newRow("private-endpoint alone") << QStringList{QStringLiteral("private-endpoint")} << QStringList{};
        QTest::newRow("hbi alone") << QStringList{QStringLiteral("hbi")} << QStringList{};
        QTest::newRow("notebooks")
            << QStringList{QStringLiteral("notebooks")}
            << sorted({row(QStringLiteral("*.notebooks.azure.net"), QStringLiteral("443")),
                       row(QStringLiteral("mystore.file.core.windows.net"), QStringLiteral("443,445")),
                       row(QStringLiteral("mystore.dfs.core.windows.net"), QStringLiteral("443")),
                       row(QStringLiteral("mystore.blob.core.windows.net"), QStringLiteral("443")),
                       row(QStringLiteral("graph.microsoft.com"), QStringLiteral("443")),
                       row(QStringLiteral("*.aznbcontent.net"), QStringLiteral("443"))});
        QTest::newRow("custom-images") << QStringList{QStringLiteral("custom-images")}
                                       << QStringList{row(QStringLiteral("AzureContainerRegistry.japaneast"),
                                                          QStringLiteral("443"))};
        QTest::newRow("user-managed-deps")
            << QStringList{QStringLiteral("user-managed-deps")}
            << sorted({row(QStringLiteral("MicrosoftContainerRegistry.japaneast"), QStringLiteral("443")),
                       row(QStringLiteral("mcr.microsoft.com"), QStringLiteral("443"))});
        QTest::newRow("aks") << QStringList{QStringLiteral("aks")}
                             << sorted(
                                    {row(QStringLiteral("MicrosoftContainerRegistry.japaneast"), QStringLiteral("443")),
                                     row(QStringLiteral("mcr.microsoft.com"), QStringLiteral("443"))});
        const QStringList python{row(QStringLiteral("anaconda.com"), web), row(QStringLiteral("*.anaconda.com"), web),
                                 row(QStringLiteral("*.anaconda.org"), web), row(QStringLiteral("pypi.org"), web)};
        QTest::newRow("python") << QStringList{QStringLiteral("python")} << sorted(python);
        QTest::newRow("pip-custom-index implies python")
            << QStringList{QStringLiteral("pip-custom-index")}
            << sorted(python + QStringList{row(QStringLiteral("*.pythonhosted.org"), web)});
        QTest::newRow("pytorch") << QStringList{QStringLiteral("pytorch")}
                                 << QStringList{row(QStringLiteral("*pytorch.org"), web)};
        QTest::newRow("tensorflow") << QStringList{QStringLiteral("tensorflow")}
                                    << QStringList{row(QStringLiteral("*.tensorflow.org"), web)};
        QTest::newRow("r") << QStringList{QStringLiteral("r")}
                           << QStringList{row(QStringLiteral("cloud.r-project.org"), web)};
        QTest::newRow("vscode") << QStringList{QStringLiteral("vscode")}
                                << sorted({row(QStringLiteral("update.code.visualstudio.com"), web),
                                           row(QStringLiteral("*.vo.msecnd.net"), web),
                                           row(QStringLiteral("raw.githubusercontent.com/microsoft/vscode-tools-for-ai/"
                                                              "master/azureml_remote_websocket_server/*"),
                                               web)});
        QTest::newRow("diagnostics") << QStringList{QStringLiteral("diagnostics")}
                                     << sorted({row(QStringLiteral("dc.applicationinsights.azure.com"), web),
                                                row(QStringLiteral("dc.applicationinsights.microsoft.com"), web),
                                                row(QStringLiteral("dc.services.visualstudio.com"), web)});
        QStringList extension;
        for (const char *host : {"*.data.mcr.microsoft.com", "quay.io", "*.quay.io", "gcr.io", "storage.googleapis.com",
                                 "registry-1.docker.io", "production.cloudflare.docker.com", "auth.docker.io",
                                 "*.kusto.windows.net", "*.table.core.windows.net", "*.queue.core.windows.net"})
            extension << row(QString::fromLatin1(host), QStringLiteral("443"));
        const QStringList training{row(QStringLiteral("pypi.org"), QStringLiteral("443")),
                                   row(QStringLiteral("archive.ubuntu.com"), QStringLiteral("80")),
                                   row(QStringLiteral("security.ubuntu.com"), QStringLiteral("80")),
                                   row(QStringLiteral("ppa.launchpad.net"), QStringLiteral("80"))};
        const QStringList inference{row(QStringLiteral("*.azurecr.io"), QStringLiteral("443")),
                                    row(QStringLiteral("*.blob.core.windows.net"), QStringLiteral("443")),
                                    row(QStringLiteral("*.workspace.japaneast.api.azureml.ms"), QStringLiteral("443")),
                                    row(QStringLiteral("japaneast.experiments.azureml.net"), QStringLiteral("443")),
                                    row(QStringLiteral("japaneast.api.azureml.ms"), QStringLiteral("443"))};
        QTest::newRow("arc-extension") << QStringList{QStringLiteral("arc-extension")} << sorted(extension);
        QTest::newRow("arc-training implies extension")
            << QStringList{QStringLiteral("arc-training")} << sorted(extension + training);
        QTest::newRow("arc-inference implies training")
            << QStringList{QStringLiteral("arc-inference")} << sorted(extension + training + inference);
        QTest::newRow("instance with private endpoint")
            << QStringList{QStringLiteral("compute-instance"), QStringLiteral("private-endpoint")}
            << sorted(inboundAndRoutes(true) + computeCommon()
                      + QStringList{row(QStringLiteral("*.instances.azureml.net"), QStringLiteral("443")),
                                    row(QStringLiteral("*.instances.azureml.ms"), QStringLiteral("443,8787,18881"))});
        QTest::newRow("cluster with hbi")
            << QStringList{QStringLiteral("compute-cluster"), QStringLiteral("hbi")}
            << sorted(inboundAndRoutes(false) + computeCommon()
                      + QStringList{row(QStringLiteral("AzureKeyVault.japaneast"), QStringLiteral("443")),
                                    row(QStringLiteral("*.vault.azure.net"), QStringLiteral("443"))});
    }

    void featureMapping()
    {
        QFETCH(QStringList, features);
        QFETCH(QStringList, expected);
        const QStringList actual = added(features);
        QVERIFY2(actual == expected,
                 qPrintable(QStringLiteral("actual:\n  ") + actual.join(QStringLiteral("\n  "))
                            + QStringLiteral("\nexpected:\n  ") + expected.join(QStringLiteral("\n  "))));
    }

    void featuresPerRuleAreTheSelectedOnes()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"),
                                     {QStringLiteral("compute-cluster"), QStringLiteral("python")});
        const Rule *batch = nullptr;
        const Rule *pypi = nullptr;
        for (const Rule &r : set.rules) {
            if (r.destination == u"BatchNodeManagement")
                batch = &r;
            if (r.destination == u"pypi.org")
                pypi = &r;
        }
        QVERIFY(batch && pypi);
        // compute-instance could also require the inbound rule, but it is not selected.
        QCOMPARE(batch->features, QStringList{QStringLiteral("compute-cluster")});
        QCOMPARE(pypi->features, QStringList{QStringLiteral("python")});
        QCOMPARE(set.effectiveFeatures, (QStringList{QStringLiteral("compute-cluster"), QStringLiteral("python")}));
    }

    void placeholdersAreReplaced()
    {
        const RuleSet set = generate(QStringLiteral("usgov"), QStringLiteral("usgovarizona"),
                                     builtInCatalog().featureIds(), UdrMethod::IpRanges, QStringLiteral("contoso01"));
        QVERIFY(set.isValid());
        QCOMPARE(set.pairedRegion, QStringLiteral("usgovtexas"));
        const QStringList rows = allRows(set);
        QVERIFY(rows.contains(row(QStringLiteral("contoso01.blob.core.usgovcloudapi.net"), QStringLiteral("443"))));
        QVERIFY(rows.contains(row(QStringLiteral("Storage.usgovarizona"), QStringLiteral("443"))));
        QVERIFY(rows.contains(route(QStringLiteral("BatchNodeManagement.usgovtexas"))));
        for (const Rule &r : set.rules) {
            QVERIFY2(!r.destination.contains(u'<'), qPrintable(r.destination));
            for (const Note &n : r.notes) {
                QVERIFY2(!n.text.en.contains(QStringLiteral("<region>")), qPrintable(n.text.en));
                QVERIFY2(!n.text.ja.contains(QStringLiteral("<region>")), qPrintable(n.text.ja));
            }
        }
        // KI 1: the note names the generated tag with the region filled in.
        const Rule *acr = nullptr;
        for (const Rule &r : set.rules) {
            if (r.destination == u"AzureContainerRegistry.usgovarizona")
                acr = &r;
        }
        QVERIFY(acr);
        QCOMPARE(acr->articleDestination, QStringLiteral("ContainerRegistry.region"));
        QVERIFY(acr->notes.first().text.en.contains(QStringLiteral("AzureContainerRegistry.usgovarizona")));
    }

    void regionWithoutPairKeepsItsOwnPrefixes()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("italynorth"),
                                     {QStringLiteral("compute-cluster")}, UdrMethod::IpRanges);
        QVERIFY(set.isValid());
        QCOMPARE(tableRows(set, QStringLiteral("udr")),
                 (QStringList{route(QStringLiteral("AzureMachineLearning.italynorth")),
                              route(QStringLiteral("BatchNodeManagement.italynorth"))}));
        QCOMPARE(set.problems.size(), 1);
        QVERIFY(!set.problems.first().isError());
        QVERIFY(set.problems.first().message().contains(QStringLiteral("italynorth")));
    }

    void idsAreStableAcrossFeatureSelections()
    {
        // mcr.microsoft.com is listed by the Docker table (user-managed-deps) and both AKS sections:
        // whichever selects it, it keeps one id.
        auto idOf = [](const RuleSet &set, const QString &destination) -> QString {
            for (const Rule &r : set.rules) {
                if (r.destination == destination)
                    return r.id;
            }
            return {};
        };
        const QString viaAks
            = idOf(generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("aks")}),
                   QStringLiteral("mcr.microsoft.com"));
        const QString viaDeps = idOf(
            generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("user-managed-deps")}),
            QStringLiteral("mcr.microsoft.com"));
        QVERIFY(!viaAks.isEmpty());
        QCOMPARE(viaAks, viaDeps);
        // Service-tag routes and IP-range routes of the same tag are different rules.
        const QString tagRoute
            = idOf(generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("compute-cluster")}),
                   QStringLiteral("BatchNodeManagement.japaneast"));
        const QString ipRoute = idOf(generate(QStringLiteral("public"), QStringLiteral("japaneast"),
                                              {QStringLiteral("compute-cluster")}, UdrMethod::IpRanges),
                                     QStringLiteral("BatchNodeManagement.japaneast"));
        QVERIFY(!tagRoute.isEmpty() && !ipRoute.isEmpty());
        QVERIFY(tagRoute != ipRoute);
        // Ids are unique within a set.
        const RuleSet all = generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        QSet<QString> ids;
        for (const Rule &r : all.rules)
            ids.insert(r.id);
        QCOMPARE(ids.size(), all.rules.size());
    }

    void orderIsStable()
    {
        const RuleSet a = generate(QStringLiteral("public"), QStringLiteral("japaneast"),
                                   {QStringLiteral("python"), QStringLiteral("compute-instance"), QStringLiteral("r")});
        const RuleSet b = generate(QStringLiteral("public"), QStringLiteral("japaneast"),
                                   {QStringLiteral("r"), QStringLiteral("compute-instance"), QStringLiteral("python")});
        QCOMPARE(allRows(a), allRows(b));
        QCOMPARE(a.effectiveFeatures, b.effectiveFeatures);
        // Catalog order: inbound first, then outbound tags, routes, hosts.
        QCOMPARE(a.rules.first().direction, Direction::Inbound);
    }

    void notesFollowTheCloud()
    {
        auto noteIds = [](const RuleSet &set, const QString &destination) -> QStringList {
            QStringList ids;
            for (const Rule &r : set.rules) {
                if (r.destination == destination) {
                    for (const Note &n : r.notes)
                        ids << n.id;
                }
            }
            return ids;
        };
        const RuleSet pub = generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        const RuleSet gov = generateAll(QStringLiteral("usgov"), QStringLiteral("usgovvirginia"));
        // KI 8 (no cloud tabs) is said where it matters: Government and China, not Public.
        QVERIFY(!noteIds(pub, QStringLiteral("quay.io")).contains(QStringLiteral("ki-8")));
        QVERIFY(noteIds(gov, QStringLiteral("quay.io")).contains(QStringLiteral("ki-8")));
        // KI 7 only on the Government table's graph.windows.net.
        QVERIFY(noteIds(gov, QStringLiteral("graph.windows.net")).contains(QStringLiteral("ki-7")));
        QVERIFY(!noteIds(pub, QStringLiteral("graph.windows.net")).contains(QStringLiteral("ki-7")));
    }

    void scenarioNotesFollowFeatures()
    {
        auto ids = [](const RuleSet &set) -> QStringList {
            QStringList out;
            for (const Note &n : set.scenarioNotes)
                out << n.id;
            return out;
        };
        const RuleSet minimal = generate(QStringLiteral("public"), QStringLiteral("japaneast"), {});
        QVERIFY(ids(minimal).contains(QStringLiteral("edition")));
        QVERIFY(!ids(minimal).contains(QStringLiteral("aks-egress")));
        QVERIFY(ids(generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("aks")}))
                    .contains(QStringLiteral("aks-egress")));
        QVERIFY(ids(generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("no-public-ip")}))
                    .contains(QStringLiteral("no-inbound-needed")));
        QVERIFY(!ids(generate(QStringLiteral("public"), QStringLiteral("japaneast"),
                              {QStringLiteral("no-public-ip"), QStringLiteral("compute-cluster")}))
                     .contains(QStringLiteral("no-inbound-needed")));
    }

    // A hostile catalog: one rule with every port, given backwards and twice, and a port condition
    // naming them all. De-duplication was quadratic (43 s); the merged list is every port once, in order.
    void everyPortOnOneRule()
    {
        QFile file(Catalog::builtInPath(QStringLiteral("2021-11")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
        qsizetype index = -1;
        for (qsizetype i = 0; i < rules.size(); ++i) {
            if (rules.at(i).toObject().value(QStringLiteral("id")).toString() == u"ci-public-file")
                index = i;
        }
        QVERIFY(index >= 0);
        QJsonArray ports;
        QStringList expected;
        for (int port = 65535; port >= 1; --port)
            ports.append(QString::number(port));
        for (int port = 1; port <= 65535; ++port) {
            ports.append(QString::number(port));
            expected << QString::number(port);
        }
        QJsonObject rule = rules.at(index).toObject();
        rule.insert(QStringLiteral("ports"), ports);
        rule.insert(QStringLiteral("portConditions"),
                    QJsonArray{QJsonObject{{QStringLiteral("ports"), ports},
                                           {QStringLiteral("when"), QStringLiteral("compute-instance")}}});
        rules.replace(index, rule);
        root.insert(QStringLiteral("rules"), rules);

        QElapsedTimer timer;
        timer.start();
        Problems problems;
        const Catalog catalog
            = Catalog::fromJson(QJsonDocument(root).toJson(), QStringLiteral("ports.json"), &problems);
        QVERIFY2(catalog.isValid(), qPrintable(formatProblems(problems)));
        Answers answers;
        answers.cloud = QStringLiteral("public");
        answers.region = QStringLiteral("japaneast");
        answers.storage = QStringLiteral("mystore");
        answers.features = {QStringLiteral("compute-instance")};
        const RuleSet set = RuleGenerator::generate(catalog, answers);
        QVERIFY(set.isValid());
        qInfo("65,535 ports (twice) on one rule: catalog and rule set in %lld ms", timer.elapsed());
        // The row is merged into the rule of the first row with its destination (aml-hosts' file share).
        const Rule *generated = nullptr;
        for (const Rule &r : set.rules) {
            for (const RuleSource &s : r.sources) {
                if (s.catalogId == u"ci-public-file")
                    generated = &r;
            }
        }
        QVERIFY(generated);
        QCOMPARE(generated->ports, expected);
    }

    // Labels asked for in a language come in that language, whichever is installed (an export
    // with --lang ja from an English session): the parts from Qt Linguist as well as the catalog's.
    void labelsInTheLanguageAsked()
    {
        applyLanguage(Language::English);
        const RuleSet set = generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        const Rule *explained = nullptr;
        const Rule *always = nullptr;
        for (const Rule &rule : set.rules) {
            if (!explained && !AzureFirewall::explanations(rule).isEmpty())
                explained = &rule;
            if (!always && rule.isAlways())
                always = &rule;
        }
        QVERIFY(explained && always);
        const QStringList notesEnglish = RuleLabels::notes(*explained, Language::English);
        const QString alwaysEnglish = RuleLabels::features(set, *always, Language::English);
        const QStringList notesJapanese = RuleLabels::notes(*explained, Language::Japanese);
        const QString alwaysJapanese = RuleLabels::features(set, *always, Language::Japanese);

        QVERIFY(applyLanguage(Language::Japanese));
        const QStringList notesReference = RuleLabels::notes(*explained, Language::Japanese);
        const QString alwaysReference = RuleLabels::features(set, *always, Language::Japanese);
        const QStringList notesEnglishFromJapanese = RuleLabels::notes(*explained, Language::English);
        applyLanguage(Language::English);

        QVERIFY(notesReference != notesEnglish);
        QCOMPARE(notesJapanese, notesReference);
        QCOMPARE(alwaysJapanese, alwaysReference);
        QVERIFY(alwaysJapanese != alwaysEnglish);
        QCOMPARE(notesEnglishFromJapanese, notesEnglish);
    }

    void invalidAnswersGiveNoRules()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("atlantis"), {QStringLiteral("python")});
        QVERIFY(!set.isValid());
        QVERIFY(set.rules.isEmpty());
        QVERIFY(hasErrors(set.problems));
    }

    void regionWithoutAzureMlWarns()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("francesouth"), {});
        QVERIFY(set.isValid());
        QCOMPARE(set.problems.size(), 1);
        QVERIFY(!set.problems.first().isError());
        QVERIFY(!set.rules.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRuleGenerator)
#include "tst_rulegenerator.moc"
