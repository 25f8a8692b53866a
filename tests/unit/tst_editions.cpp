// The parts of editions that live in the core: catalogs per edition, the format's additions
// (networks, automatic rules, private endpoints, ANY, <acr>/<workspace-id>, featureMap), the new
// answers and their validation, and profiles that carry an edition.

#include "jsonedit.h"
#include "profile.h"
#include "rulegenerator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace amlfw;
using namespace amlfw::test;

namespace {

const QString Guid = QStringLiteral("0a1b2c3d-4e5f-6789-abcd-ef0123456789");

QJsonObject rule(const QString &id, const QString &kind, const QString &destination, const QString &protocol,
                 const QStringList &ports, const QString &when = {})
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("clouds"), QJsonArray{QStringLiteral("public")}},
                  {QStringLiteral("direction"), QStringLiteral("outbound")},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("destination"), destination},
                  {QStringLiteral("table"), QStringLiteral("compute-hosts")},
                  {QStringLiteral("purpose"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Test.")},
                                                          {QStringLiteral("ja"), QStringLiteral("テスト。")}}}};
    if (!protocol.isEmpty())
        o.insert(QStringLiteral("protocol"), protocol);
    if (!ports.isEmpty())
        o.insert(QStringLiteral("ports"), QJsonArray::fromStringList(ports));
    if (!when.isEmpty())
        o.insert(QStringLiteral("when"), when);
    return o;
}

QJsonObject managed(QJsonObject o, bool automatic)
{
    o.insert(QStringLiteral("network"), QStringLiteral("managed"));
    if (automatic)
        o.insert(QStringLiteral("automatic"), true);
    return o;
}

// The 2021 catalog with the additions of later editions: a managed network, rules on UDP and ANY,
// placeholders for the registry and the workspace ID, private endpoints, and a feature map.
QJsonObject editionJson()
{
    QFile file(Catalog::builtInPath(QStringLiteral("2021-11")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the built-in catalog");
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    root.insert(QStringLiteral("edition"), QStringLiteral("2099-01"));
    root.insert(QStringLiteral("networks"), QJsonArray{QStringLiteral("customer"), QStringLiteral("managed")});
    root.insert(
        QStringLiteral("featureMap"),
        QJsonObject{{QStringLiteral("kubernetes"),
                     QJsonObject{{QStringLiteral("nearest"),
                                  QJsonArray{QStringLiteral("arc-inference"), QStringLiteral("aks")}}}},
                    {QStringLiteral("gone"),
                     QJsonObject{{QStringLiteral("nearest"), QJsonArray{}},
                                 {QStringLiteral("text"),
                                  QJsonObject{{QStringLiteral("en"), QStringLiteral("It is always needed now.")},
                                              {QStringLiteral("ja"), QStringLiteral("現在は常に必要です。")}}}}}});
    QJsonObject source = root.value(QStringLiteral("source")).toObject();
    source.insert(QStringLiteral("summary"), QJsonObject{{QStringLiteral("en"), QStringLiteral("A test edition.")},
                                                         {QStringLiteral("ja"), QStringLiteral("テスト用の版。")}});
    root.insert(QStringLiteral("source"), source);
    QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
    rules.append(rule(QStringLiteral("x-tundra"), QStringLiteral("fqdn"), QStringLiteral("<region>.tundra.azureml.ms"),
                      QStringLiteral("UDP"), {QStringLiteral("5831")}, QStringLiteral("compute-instance")));
    rules.append(rule(QStringLiteral("x-batch"), QStringLiteral("fqdn"), QStringLiteral("*.<region>.batch.azure.com"),
                      QStringLiteral("ANY"), {QStringLiteral("443")}, QStringLiteral("compute-instance")));
    rules.append(rule(QStringLiteral("x-acr"), QStringLiteral("fqdn"), QStringLiteral("<acr>.azurecr.io"),
                      QStringLiteral("TCP"), {QStringLiteral("443")}, QStringLiteral("arc-inference")));
    rules.append(rule(QStringLiteral("x-ws"), QStringLiteral("fqdn"),
                      QStringLiteral("<workspace-id>.workspace.<region>.api.azureml.ms"), QStringLiteral("TCP"),
                      {QStringLiteral("443")}, QStringLiteral("arc-inference")));
    rules.append(managed(rule(QStringLiteral("m-aml"), QStringLiteral("service-tag"),
                              QStringLiteral("AzureMachineLearning"), QStringLiteral("TCP"), {QStringLiteral("443")}),
                         true));
    rules.append(managed(rule(QStringLiteral("m-pe-storage"), QStringLiteral("private-endpoint"),
                              QStringLiteral("<storage>:queue"), {}, {}, QStringLiteral("compute-cluster")),
                         false));
    rules.append(managed(rule(QStringLiteral("m-pypi"), QStringLiteral("fqdn"), QStringLiteral("pypi.org"),
                              QStringLiteral("TCP"), {QStringLiteral("443")}, QStringLiteral("python")),
                         false));
    root.insert(QStringLiteral("rules"), rules);
    QJsonArray notes = root.value(QStringLiteral("scenarioNotes")).toArray();
    for (const QString &network : {QStringLiteral("customer"), QStringLiteral("managed")}) {
        notes.append(QJsonObject{{QStringLiteral("id"), QString(QStringLiteral("x-note-") + network)},
                                 {QStringLiteral("severity"), QStringLiteral("info")},
                                 {QStringLiteral("networks"), QJsonArray{network}},
                                 {QStringLiteral("text"), QJsonObject{{QStringLiteral("en"), network},
                                                                      {QStringLiteral("ja"), network}}}});
    }
    root.insert(QStringLiteral("scenarioNotes"), notes);
    return root;
}

bool hasNote(const RuleSet &set, const QString &id)
{
    return std::any_of(set.scenarioNotes.cbegin(), set.scenarioNotes.cend(),
                       [&](const Note &n) { return n.id == id; });
}

Catalog editionCatalog(const QJsonObject &root = editionJson(), Problems *problems = nullptr)
{
    return Catalog::fromJson(QJsonDocument(root).toJson(), QStringLiteral("edition.json"), problems);
}

Answers answers(const QStringList &features)
{
    Answers a;
    a.cloud = QStringLiteral("public");
    a.region = QStringLiteral("japaneast");
    a.storage = QStringLiteral("mystore");
    a.features = features;
    return a;
}

const Rule *find(const RuleSet &set, const QString &id)
{
    return set.rule(id);
}

bool mentions(const Problems &problems, const QString &location, const QString &message)
{
    for (const Problem &p : problems) {
        if (p.isError() && p.location.contains(location) && p.message().contains(message))
            return true;
    }
    return false;
}

} // namespace

class TestEditions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { applyLanguage(Language::English); }
    void cleanupTestCase() { applyLanguage(Language::English); }

    // Every built-in edition loads, says which it is, and the newest is the default.
    void builtInEditions()
    {
        QCOMPARE(Catalog::builtInEditions(), (QStringList{QStringLiteral("2021-11"), QStringLiteral("2026-03")}));
        QCOMPARE(Catalog::newestEdition(), QStringLiteral("2026-03"));
        for (const QString &edition : Catalog::builtInEditions()) {
            Problems problems;
            const Catalog c = Catalog::builtIn(edition, &problems);
            QVERIFY2(c.isValid(), qPrintable(formatProblems(problems)));
            QCOMPARE(c.edition, edition);
        }
        QCOMPARE(Catalog::builtIn().edition, Catalog::newestEdition());
        QVERIFY(!Catalog::builtIn(QStringLiteral("1999-01")).isValid());
    }

    void formatAdditionsAreRead()
    {
        Problems problems;
        const Catalog c = editionCatalog(editionJson(), &problems);
        QVERIFY2(c.isValid(), qPrintable(formatProblems(problems)));
        QVERIFY(c.hasNetwork(NetworkKind::Managed));
        QCOMPARE(c.summary.ja, QStringLiteral("テスト用の版。"));
        QCOMPARE(c.featureMap.value(QStringLiteral("kubernetes")).nearest,
                 (QStringList{QStringLiteral("arc-inference"), QStringLiteral("aks")}));
        QCOMPARE(c.featureMap.value(QStringLiteral("gone")).text.en, QStringLiteral("It is always needed now."));
        int managedRows = 0;
        for (const CatalogRule &r : c.rules) {
            if (r.network == NetworkKind::Managed)
                ++managedRows;
            if (r.id == u"m-aml")
                QVERIFY(r.automatic);
            if (r.id == u"m-pe-storage") {
                QCOMPARE(r.kind, RuleKind::PrivateEndpoint);
                QVERIFY(r.ports.isEmpty());
            }
            if (r.id == u"x-batch")
                QCOMPARE(r.protocol, QStringLiteral("ANY"));
        }
        QCOMPARE(managedRows, 3);
        // The 2021 catalog knows only the customer's network.
        QVERIFY(!Catalog::builtIn(QStringLiteral("2021-11")).hasNetwork(NetworkKind::Managed));
    }

    void brokenAdditions_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        const QJsonArray rules = editionJson().value(QStringLiteral("rules")).toArray();
        auto at = [&](const QString &id) {
            for (qsizetype i = 0; i < rules.size(); ++i) {
                if (rules.at(i).toObject().value(QStringLiteral("id")).toString() == id)
                    return QStringLiteral("rules[%1]").arg(i);
            }
            return QString();
        };
        QTest::newRow("unknown network") << QStringLiteral("networks[1]") << QJsonValue(QStringLiteral("cloudy"))
                                         << QStringLiteral("networks[1]")
                                         << QStringLiteral("\"cloudy\" is not a network");
        QTest::newRow("networks without customer")
            << QStringLiteral("networks") << QJsonValue(QJsonArray{QStringLiteral("managed")})
            << QStringLiteral("networks") << QStringLiteral("customer");
        QTest::newRow("rule of an unknown network")
            << at(QStringLiteral("m-pypi")) + QStringLiteral(".network") << QJsonValue(QStringLiteral("hybrid"))
            << QStringLiteral("(m-pypi).network") << QStringLiteral("\"hybrid\"");
        QTest::newRow("automatic customer rule")
            << at(QStringLiteral("x-acr")) + QStringLiteral(".automatic") << QJsonValue(true)
            << QStringLiteral("(x-acr).automatic") << QStringLiteral("managed network");
        QTest::newRow("private endpoint of the customer network")
            << at(QStringLiteral("m-pe-storage")) + QStringLiteral(".network") << QJsonValue(QStringLiteral("customer"))
            << QStringLiteral("(m-pe-storage)") << QStringLiteral("private endpoints belong to a managed network");
        QTest::newRow("private endpoint with ports")
            << at(QStringLiteral("m-pe-storage")) + QStringLiteral(".ports")
            << QJsonValue(QJsonArray{QStringLiteral("443")}) << QStringLiteral("(m-pe-storage).ports")
            << QStringLiteral("no ports");
        QTest::newRow("private endpoint without subresource")
            << at(QStringLiteral("m-pe-storage")) + QStringLiteral(".destination")
            << QJsonValue(QStringLiteral("<storage>")) << QStringLiteral("(m-pe-storage).destination")
            << QStringLiteral("resource:subresource");
        const qsizetype managedNote = editionJson().value(QStringLiteral("scenarioNotes")).toArray().size() - 1;
        QTest::newRow("note of an unknown network")
            << QStringLiteral("scenarioNotes[%1].networks").arg(managedNote)
            << QJsonValue(QJsonArray{QStringLiteral("hybrid")})
            << QStringLiteral("(x-note-managed).networks") << QStringLiteral("\"hybrid\"");
        QTest::newRow("unknown protocol")
            << at(QStringLiteral("x-batch")) + QStringLiteral(".protocol") << QJsonValue(QStringLiteral("SCTP"))
            << QStringLiteral("(x-batch).protocol") << QStringLiteral("TCP, UDP or ANY");
        QTest::newRow("feature map to an unknown feature")
            << QStringLiteral("featureMap.kubernetes.nearest") << QJsonValue(QJsonArray{QStringLiteral("helm")})
            << QStringLiteral("featureMap.kubernetes.nearest") << QStringLiteral("unknown feature id \"helm\"");
        QTest::newRow("feature map of an own feature")
            << QStringLiteral("featureMap.python") << QJsonValue(QJsonObject{{QStringLiteral("nearest"), QJsonArray{}}})
            << QStringLiteral("featureMap.python") << QStringLiteral("feature of this catalog");
        QTest::newRow("unknown placeholder lists the known ones")
            << at(QStringLiteral("x-acr")) + QStringLiteral(".destination")
            << QJsonValue(QStringLiteral("<registry>.azurecr.io")) << QStringLiteral("(x-acr).destination")
            << QStringLiteral("<acr>, <workspace-id>");
    }

    // A broken addition is an error naming where and what, as for every other field.
    void brokenAdditions()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, location);
        QFETCH(QString, message);
        const QJsonObject root
            = editJson(editionJson(), path.split(u'.'), [&](const QJsonValue &) { return value; }).toObject();
        Problems problems;
        QVERIFY(!editionCatalog(root, &problems).isValid());
        QVERIFY2(mentions(problems, location, message), qPrintable(formatProblems(problems)));
    }

    // The customer's network and the managed network are separate rule sets.
    void networksAreSeparate()
    {
        const Catalog c = editionCatalog();
        Answers a = answers(
            {QStringLiteral("compute-instance"), QStringLiteral("python"), QStringLiteral("compute-cluster")});
        const RuleSet customer = RuleGenerator::generate(c, a);
        QVERIFY(customer.isValid());
        QVERIFY(find(customer, QStringLiteral("x-tundra")));
        QVERIFY(!find(customer, QStringLiteral("m-aml")));
        for (const Rule &r : customer.rules)
            QCOMPARE(r.network, NetworkKind::Customer);

        a.network = NetworkKind::Managed;
        const RuleSet managedSet = RuleGenerator::generate(c, a);
        QVERIFY2(managedSet.isValid(), qPrintable(formatProblems(managedSet.problems)));
        QCOMPARE(managedSet.rules.size(), 3);
        const Rule *aml = find(managedSet, QStringLiteral("m-aml"));
        QVERIFY(aml && aml->automatic && aml->isAlways());
        const Rule *pe = find(managedSet, QStringLiteral("m-pe-storage"));
        QVERIFY(pe && !pe->automatic);
        QCOMPARE(pe->destination, QStringLiteral("mystore:queue"));
        QCOMPARE(pe->primaryType(), FirewallRuleType::Managed);
        const RuleSummary s = managedSet.summary();
        QCOMPARE(s.automatic, 1);
        QCOMPARE(s.managed, 2);

        // Notes scoped to one network appear only with it.
        QVERIFY(hasNote(customer, QStringLiteral("x-note-customer")));
        QVERIFY(!hasNote(customer, QStringLiteral("x-note-managed")));
        QVERIFY(hasNote(managedSet, QStringLiteral("x-note-managed")));
        QVERIFY(!hasNote(managedSet, QStringLiteral("x-note-customer")));
    }

    // The 2026 catalog: notes about the customer's own firewall stay out of the managed network's view,
    // and the managed network's own notes out of the customer's.
    void notesFollowTheNetwork()
    {
        Problems problems;
        const Catalog c = Catalog::builtIn(QStringLiteral("2026-03"), &problems);
        QVERIFY2(c.isValid(), qPrintable(formatProblems(problems)));
        Answers a = answers({QStringLiteral("compute-instance"), QStringLiteral("kubernetes")});
        const RuleSet customer = RuleGenerator::generate(c, a);
        a.network = NetworkKind::Managed;
        const RuleSet managedSet = RuleGenerator::generate(c, a);
        for (const QString &id : {QStringLiteral("basic-assumptions"), QStringLiteral("fqdn-rule-kinds"),
                                  QStringLiteral("kubernetes-requirements")}) {
            QVERIFY2(hasNote(customer, id), qPrintable(id));
            QVERIFY2(!hasNote(managedSet, id), qPrintable(id));
        }
        for (const QString &id : {QStringLiteral("managed-scope"), QStringLiteral("managed-kubernetes")}) {
            QVERIFY2(hasNote(managedSet, id), qPrintable(id));
            QVERIFY2(!hasNote(customer, id), qPrintable(id));
        }
        QVERIFY(hasNote(customer, QStringLiteral("edition")) && hasNote(managedSet, QStringLiteral("edition")));
    }

    void protocolsAsTheArticleGivesThem()
    {
        const RuleSet set = RuleGenerator::generate(editionCatalog(), answers({QStringLiteral("compute-instance")}));
        QCOMPARE(find(set, QStringLiteral("x-tundra"))->protocol, QStringLiteral("UDP"));
        QCOMPARE(find(set, QStringLiteral("x-tundra"))->destination, QStringLiteral("japaneast.tundra.azureml.ms"));
        QCOMPARE(find(set, QStringLiteral("x-batch"))->protocol, QStringLiteral("ANY"));
    }

    // An unanswered placeholder stays, and the rule says which answer fills it.
    void unansweredPlaceholdersStay()
    {
        const Catalog c = editionCatalog();
        Answers a = answers({QStringLiteral("arc-inference")});
        RuleSet set = RuleGenerator::generate(c, a);
        QVERIFY(set.isValid());
        QCOMPARE(find(set, QStringLiteral("x-acr"))->destination, QStringLiteral("<acr>.azurecr.io"));
        QCOMPARE(find(set, QStringLiteral("x-acr"))->unanswered, QStringList{QStringLiteral("acr")});
        QCOMPARE(find(set, QStringLiteral("x-ws"))->destination,
                 QStringLiteral("<workspace-id>.workspace.japaneast.api.azureml.ms"));
        QCOMPARE(find(set, QStringLiteral("x-ws"))->unanswered, QStringList{QStringLiteral("workspace-id")});

        a.acr = QStringLiteral("MyRegistry01");
        a.workspaceId = Guid.toUpper();
        set = RuleGenerator::generate(c, a);
        QCOMPARE(find(set, QStringLiteral("x-acr"))->destination, QStringLiteral("myregistry01.azurecr.io"));
        QVERIFY(find(set, QStringLiteral("x-acr"))->unanswered.isEmpty());
        QCOMPARE(find(set, QStringLiteral("x-ws"))->destination,
                 Guid + QStringLiteral(".workspace.japaneast.api.azureml.ms"));
    }

    void registryAndWorkspaceId_data()
    {
        QTest::addColumn<QString>("acr");
        QTest::addColumn<QString>("workspaceId");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::newRow("both empty") << QString() << QString() << QString();
        QTest::newRow("good") << QStringLiteral("myacr") << Guid << QString();
        QTest::newRow("50 characters") << QString(50, u'a') << Guid << QString();
        QTest::newRow("registry too short") << QStringLiteral("abcd") << QString() << QStringLiteral("acr");
        QTest::newRow("registry too long") << QString(51, u'a') << QString() << QStringLiteral("acr");
        QTest::newRow("registry with a hyphen") << QStringLiteral("my-acr") << QString() << QStringLiteral("acr");
        QTest::newRow("registry host name") << QStringLiteral("myacr.azurecr.io") << QString() << QStringLiteral("acr");
        QTest::newRow("ID not a GUID") << QString() << QStringLiteral("workspace1") << QStringLiteral("workspace-id");
        QTest::newRow("ID in braces") << QString() << u'{' + Guid + u'}' << QStringLiteral("workspace-id");
        QTest::newRow("ID one digit short") << QString() << Guid.chopped(1) << QStringLiteral("workspace-id");
    }

    void registryAndWorkspaceId()
    {
        QFETCH(QString, acr);
        QFETCH(QString, workspaceId);
        QFETCH(QString, error);
        Answers a = answers({});
        a.acr = acr;
        a.workspaceId = workspaceId;
        const Problems problems = AnswersValidator::validate(editionCatalog(), a);
        if (error.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(formatProblems(problems)));
            return;
        }
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().location, error);
        QVERIFY(problems.first().message().contains(error == u"acr" ? acr : workspaceId));
        applyLanguage(Language::Japanese);
        const QString ja = problems.first().message();
        applyLanguage(Language::English);
        QVERIFY2(ja.contains(error == u"acr" ? QStringLiteral("コンテナー レジストリ名")
                                             : QStringLiteral("ワークスペース ID")),
                 qPrintable(ja));
    }

    // A feature of another edition names this edition's nearest features, from the catalog.
    void featureOfAnotherEdition()
    {
        const Catalog c = editionCatalog();
        Problems problems = AnswersValidator::validate(c, answers({QStringLiteral("kubernetes")}));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().message(),
                 QStringLiteral("The feature \"kubernetes\" is not in the 2099-01 edition; its nearest there: "
                                "arc-inference, aks."));
        problems = AnswersValidator::validate(c, answers({QStringLiteral("gone")}));
        QCOMPARE(problems.first().message(),
                 QStringLiteral("The feature \"gone\" is not in the 2099-01 edition: It is always needed now."));
        applyLanguage(Language::Japanese);
        const QString ja = problems.first().message();
        applyLanguage(Language::English);
        QCOMPARE(ja, QStringLiteral("機能「gone」は 2099-01 版にはありません: 現在は常に必要です。"));
    }

    void editionAndNetworkMustFitTheCatalog()
    {
        Answers a = answers({});
        a.edition = QStringLiteral("2021-11");
        Problems problems = AnswersValidator::validate(editionCatalog(), a);
        QVERIFY(mentions(problems, QStringLiteral("edition"), QStringLiteral("2099-01")));
        a.edition.clear();
        a.network = NetworkKind::Managed;
        problems = AnswersValidator::validate(Catalog::builtIn(QStringLiteral("2021-11")), a);
        QVERIFY(mentions(problems, QStringLiteral("network"), QStringLiteral("managed virtual network")));
        QVERIFY(AnswersValidator::validate(editionCatalog(), a).isEmpty());
    }

    void profileCarriesTheEdition()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        Answers a = answers({QStringLiteral("python")});
        a.edition = QStringLiteral("2026-03");
        a.acr = QStringLiteral("myacr");
        a.workspaceId = Guid;
        a.network = NetworkKind::Managed;
        QString error;
        QVERIFY2(Profile::fromAnswers(a).save(path, &error), qPrintable(error));
        Problems problems;
        const auto loaded = Profile::fromFile(path, &problems);
        QVERIFY2(loaded, qPrintable(formatProblems(problems)));
        QVERIFY(problems.isEmpty());
        QCOMPARE(loaded->edition.value_or(QString()), QStringLiteral("2026-03"));
        QCOMPARE(loaded->toAnswers(), a);

        // A profile from before editions has none: the caller reads it as 2021-11.
        const auto old = Profile::fromJson("{\"cloud\": \"public\"}", QStringLiteral("old.json"), &problems);
        QVERIFY(old && !old->edition);
        QVERIFY(!Profile::fromJson("{\"network\": \"hybrid\"}", QStringLiteral("bad.json"), &problems));
        QVERIFY(formatProblems(problems).contains(QStringLiteral("\"hybrid\" is not a network")));
    }
};

QTEST_GUILESS_MAIN(TestEditions)
#include "tst_editions.moc"
