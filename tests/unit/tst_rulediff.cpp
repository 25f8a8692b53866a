#include "language.h"
#include "rulediff.h"
#include "rulegenerator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace amlfw;

namespace {

// One catalog row, written the way the catalog file has it.
QJsonObject row(const QString &id, const QString &direction, const QString &kind, const QString &destination,
                const QString &protocol, const QStringList &ports, const QString &when = {},
                const QString &table = QStringLiteral("internet-outbound"))
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("clouds"), QJsonArray{QStringLiteral("public")}},
                  {QStringLiteral("direction"), direction},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("destination"), destination},
                  {QStringLiteral("protocol"), protocol},
                  {QStringLiteral("ports"), QJsonArray::fromStringList(ports)},
                  {QStringLiteral("table"), table},
                  {QStringLiteral("purpose"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Purpose.")},
                                                          {QStringLiteral("ja"), QStringLiteral("目的。")}}}};
    if (!when.isEmpty())
        o.insert(QStringLiteral("when"), when);
    if (kind == u"route")
        o.insert(QStringLiteral("udr"), QStringLiteral("service-tags"));
    return o;
}

// A small hand-written catalog: the 2021 file's clouds, regions, sections and features, with `rules`.
Catalog smallCatalog(const QString &edition, const QJsonArray &rules,
                     const std::function<void(QJsonObject &)> &edit = {})
{
    QFile file(Catalog::builtInPath(QStringLiteral("2021-11")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the built-in catalog");
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    root.insert(QStringLiteral("edition"), edition);
    root.insert(QStringLiteral("rules"), rules);
    root.insert(QStringLiteral("probe"), QJsonObject{});
    if (edit)
        edit(root);
    Problems problems;
    Catalog catalog = Catalog::fromJson(QJsonDocument(root).toJson(), edition + QStringLiteral(".json"), &problems);
    if (!catalog.isValid())
        qFatal("test catalog invalid: %s", qPrintable(formatProblems(problems)));
    return catalog;
}

RuleSet generate(const Catalog &catalog, const QStringList &features)
{
    Answers answers;
    answers.cloud = QStringLiteral("public");
    answers.region = QStringLiteral("japaneast");
    answers.storage = QStringLiteral("mystore");
    answers.features = featuresForEdition(catalog, features);
    return RuleGenerator::generate(catalog, answers);
}

QStringList destinations(const QList<RuleDiffItem> &items)
{
    QStringList out;
    for (const RuleDiffItem &item : items)
        out << item.current().destination + u' ' + item.current().protocol + u' ' + item.current().ports.join(u',');
    return out;
}

const RuleDiffItem *changedItem(const RuleDiff &diff, const QString &toDestination)
{
    for (const RuleDiffItem &item : diff.changed) {
        if (item.after->destination == toDestination)
            return &item;
    }
    return nullptr;
}

const QString in = QStringLiteral("inbound");
const QString out = QStringLiteral("outbound");
const QString tag = QStringLiteral("service-tag");
const QString fqdn = QStringLiteral("fqdn");
const QString tcp = QStringLiteral("TCP");

} // namespace

class TestRuleDiff : public QObject
{
    Q_OBJECT

private:
    Catalog m_from;
    Catalog m_to;
    RuleSet m_fromSet;
    RuleSet m_toSet;
    RuleDiff m_diff;

private Q_SLOTS:
    void initTestCase()
    {
        m_from = smallCatalog(
            QStringLiteral("2021-11"),
            QJsonArray{
                row(QStringLiteral("in-batch"), in, tag, QStringLiteral("BatchNodeManagement"), tcp,
                    {QStringLiteral("29876-29877")}, QStringLiteral("compute-instance | compute-cluster"),
                    QStringLiteral("internet-inbound")),
                row(QStringLiteral("in-aml"), in, tag, QStringLiteral("AzureMachineLearning"), tcp,
                    {QStringLiteral("44224")}, QStringLiteral("compute-instance"), QStringLiteral("internet-inbound")),
                row(QStringLiteral("udr-aml"), in, QStringLiteral("route"), QStringLiteral("AzureMachineLearning"), {},
                    {}, QStringLiteral("compute-instance"), QStringLiteral("udr")),
                row(QStringLiteral("out-aad"), out, tag, QStringLiteral("AzureActiveDirectory"), tcp,
                    {QStringLiteral("80"), QStringLiteral("443")}),
                row(QStringLiteral("out-aml"), out, tag, QStringLiteral("AzureMachineLearning"), tcp,
                    {QStringLiteral("443")}),
                row(QStringLiteral("out-arm"), out, tag, QStringLiteral("AzureResourceManager"), tcp,
                    {QStringLiteral("443")}),
                row(QStringLiteral("out-graph"), out, fqdn, QStringLiteral("graph.windows.net"), tcp,
                    {QStringLiteral("443")}),
                row(QStringLiteral("out-mcr"), out, tag, QStringLiteral("MicrosoftContainerRegistry.<region>"), tcp,
                    {QStringLiteral("443")}, QStringLiteral("user-managed-deps")),
                row(QStringLiteral("out-blob"), out, fqdn, QStringLiteral("*blob.core.windows.net"), tcp,
                    {QStringLiteral("443")}),
                row(QStringLiteral("out-monitor"), out, tag, QStringLiteral("AzureMonitor"), tcp,
                    {QStringLiteral("443")}),
                row(QStringLiteral("out-gone"), out, fqdn, QStringLiteral("old.example.com"), tcp,
                    {QStringLiteral("443")}),
            });
        m_to = smallCatalog(
            QStringLiteral("2026-03"),
            QJsonArray{
                // UDP first: the ports pass must still pair the TCP rows.
                row(QStringLiteral("out-aml-udp"), out, tag, QStringLiteral("AzureMachineLearning"),
                    QStringLiteral("UDP"), {QStringLiteral("5831")}),
                row(QStringLiteral("out-aml"), out, tag, QStringLiteral("AzureMachineLearning"), tcp,
                    {QStringLiteral("443"), QStringLiteral("8787"), QStringLiteral("18881")}),
                row(QStringLiteral("in-aml"), in, tag, QStringLiteral("AzureMachineLearning"), tcp,
                    {QStringLiteral("44224")}, QStringLiteral("compute-instance"), QStringLiteral("internet-inbound")),
                row(QStringLiteral("out-aad"), out, tag, QStringLiteral("AzureActiveDirectory"), tcp,
                    {QStringLiteral("443"), QStringLiteral("80")}),
                row(QStringLiteral("out-arm"), out, tag, QStringLiteral("AzureResourceManager"), tcp,
                    {QStringLiteral("443")}, QStringLiteral("compute-instance")),
                row(QStringLiteral("out-graph"), out, fqdn, QStringLiteral("GRAPH.windows.net"), QStringLiteral("ANY"),
                    {QStringLiteral("443")}),
                row(QStringLiteral("out-mcr"), out, tag, QStringLiteral("MicrosoftContainerRegistry"), tcp,
                    {QStringLiteral("443")}),
                row(QStringLiteral("out-blob"), out, fqdn, QStringLiteral("*.blob.core.windows.net"), tcp,
                    {QStringLiteral("443")}),
                row(QStringLiteral("out-monitor"), out, tag, QStringLiteral("AzureMonitor"), tcp,
                    {QStringLiteral("443")}),
                row(QStringLiteral("out-batch"), out, tag, QStringLiteral("BatchNodeManagement.<region>"), tcp,
                    {QStringLiteral("443")}, QStringLiteral("compute-instance | compute-cluster")),
            },
            [](QJsonObject &root) {
                // This edition has no "user-managed-deps" (its nearest: "custom-images") and no "hbi". AzureMonitor is
                // no service tag it knows, so Azure Firewall cannot carry the rule: classification changes.
                QJsonArray features;
                for (const QJsonValue &f : root.value(QStringLiteral("features")).toArray()) {
                    const QString id = f.toObject().value(QStringLiteral("id")).toString();
                    if (id != u"user-managed-deps" && id != u"hbi")
                        features << f;
                }
                root.insert(QStringLiteral("features"), features);
                root.insert(
                    QStringLiteral("featureMap"),
                    QJsonObject{
                        {QStringLiteral("user-managed-deps"),
                         QJsonObject{{QStringLiteral("nearest"), QJsonArray{QStringLiteral("custom-images")}}}},
                        {QStringLiteral("gone-feature"), QJsonObject{{QStringLiteral("nearest"), QJsonArray{}}}}});
                QJsonArray tags;
                for (const QJsonValue &t : root.value(QStringLiteral("serviceTags")).toArray()) {
                    if (t.toObject().value(QStringLiteral("name")).toString() != u"AzureMonitor")
                        tags << t;
                }
                root.insert(QStringLiteral("serviceTags"), tags);
            });
        const QStringList features{QStringLiteral("compute-instance"), QStringLiteral("compute-cluster"),
                                   QStringLiteral("user-managed-deps")};
        m_fromSet = generate(m_from, features);
        m_toSet = generate(m_to, features);
        QVERIFY2(m_fromSet.isValid(), qPrintable(formatProblems(m_fromSet.problems)));
        QVERIFY2(m_toSet.isValid(), qPrintable(formatProblems(m_toSet.problems)));
        m_diff = RuleDiff::compare(m_fromSet, m_toSet);
    }

    void featuresForEditionMapsIdsOfTheOtherEdition()
    {
        QCOMPARE(featuresForEdition(m_to, {QStringLiteral("compute-instance"), QStringLiteral("user-managed-deps"),
                                           QStringLiteral("custom-images"), QStringLiteral("gone-feature"),
                                           QStringLiteral("no-such-feature")}),
                 (QStringList{QStringLiteral("compute-instance"), QStringLiteral("custom-images"),
                              QStringLiteral("no-such-feature")}));
        // An id of the other edition that this one neither has nor maps has no counterpart here.
        QCOMPARE(featuresForEdition(m_to, {QStringLiteral("hbi"), QStringLiteral("compute-instance")}, &m_from),
                 QStringList{QStringLiteral("compute-instance")});
        QCOMPARE(featuresForEdition(m_to, {QStringLiteral("hbi"), QStringLiteral("compute-instance")}),
                 (QStringList{QStringLiteral("hbi"), QStringLiteral("compute-instance")}));
        // The edition that has the id keeps it.
        QCOMPARE(featuresForEdition(m_from, {QStringLiteral("user-managed-deps")}),
                 QStringList{QStringLiteral("user-managed-deps")});
        QVERIFY(m_toSet.answers.features.contains(QStringLiteral("custom-images")));
    }

    void addedInToOrder()
    {
        QCOMPARE(destinations(m_diff.added), (QStringList{QStringLiteral("AzureMachineLearning UDP 5831"),
                                                          QStringLiteral("BatchNodeManagement.japaneast TCP 443")}));
        for (const RuleDiffItem &item : m_diff.added) {
            QCOMPARE(item.change, RuleChange::Added);
            QVERIFY(!item.before);
            QVERIFY(item.fields.isEmpty());
        }
        QCOMPARE(m_diff.added.constFirst().after->rule->id, QStringLiteral("out-aml-udp"));
    }

    void removedInFromOrder()
    {
        // The inbound Batch rule does not pair with the outbound regional tag (other direction), and the
        // route does not pair with the inbound service-tag rule of the same destination.
        QCOMPARE(destinations(m_diff.removed),
                 (QStringList{QStringLiteral("BatchNodeManagement TCP 29876-29877"),
                              QStringLiteral("AzureMachineLearning  "), QStringLiteral("old.example.com TCP 443")}));
        QCOMPARE(m_diff.removed.at(1).kind, RuleKind::Route);
        QCOMPARE(m_diff.removed.constFirst().direction, Direction::Inbound);
        QVERIFY(!m_diff.removed.constFirst().after);
        QCOMPARE(m_diff.removed.constFirst().before->rule->id, QStringLiteral("in-batch"));
    }

    void unchangedAreNotListed()
    {
        // in-aml and out-aad (ports in another order).
        QCOMPARE(m_diff.unchanged, 2);
        QCOMPARE(m_diff.itemForRule(QStringLiteral("in-aml")), nullptr);
        QCOMPARE(m_diff.itemForRule(QStringLiteral("out-aad")), nullptr);
    }

    void changedFields_data()
    {
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("fromDestination");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("ports") << QStringLiteral("AzureMachineLearning") << QStringLiteral("AzureMachineLearning")
                               << QStringList{QStringLiteral("ports")};
        QTest::newRow("condition") << QStringLiteral("AzureResourceManager") << QStringLiteral("AzureResourceManager")
                                   << QStringList{QStringLiteral("condition")};
        QTest::newRow("protocol (ANY: a network rule), destination in another case")
            << QStringLiteral("GRAPH.windows.net") << QStringLiteral("graph.windows.net")
            << QStringList{QStringLiteral("protocol"), QStringLiteral("classification")};
        QTest::newRow("service tag without region, condition")
            << QStringLiteral("MicrosoftContainerRegistry") << QStringLiteral("MicrosoftContainerRegistry.japaneast")
            << QStringList{QStringLiteral("destination"), QStringLiteral("condition")};
        QTest::newRow("wildcard spelling")
            << QStringLiteral("*.blob.core.windows.net") << QStringLiteral("*blob.core.windows.net")
            << QStringList{QStringLiteral("destination")};
        QTest::newRow("classification") << QStringLiteral("AzureMonitor") << QStringLiteral("AzureMonitor")
                                        << QStringList{QStringLiteral("classification")};
    }

    void changedFields()
    {
        QFETCH(QString, destination);
        QFETCH(QString, fromDestination);
        QFETCH(QStringList, fields);
        const RuleDiffItem *item = changedItem(m_diff, destination);
        QVERIFY2(item, qPrintable(destination));
        QCOMPARE(item->change, RuleChange::Changed);
        QVERIFY(item->before && item->after);
        QCOMPARE(item->before->destination, fromDestination);
        QStringList ids;
        for (DiffField f : item->fields)
            ids << diffFieldIds.toId(f);
        QCOMPARE(ids, fields);
        QCOMPARE(m_diff.itemForRule(item->after->rule->id), item);
    }

    void changedInToOrder()
    {
        QCOMPARE(m_diff.changed.size(), 6);
        QCOMPARE(m_diff.changed.constFirst().after->destination, QStringLiteral("AzureMachineLearning"));
        QCOMPARE(m_diff.changed.constLast().after->destination, QStringLiteral("AzureMonitor"));
    }

    void beforeAndAfterValues()
    {
        const RuleDiffItem *aml = changedItem(m_diff, QStringLiteral("AzureMachineLearning"));
        QVERIFY(aml);
        QCOMPARE(aml->before->ports, QStringList{QStringLiteral("443")});
        QCOMPARE(aml->after->ports,
                 (QStringList{QStringLiteral("443"), QStringLiteral("8787"), QStringLiteral("18881")}));
        QCOMPARE(aml->before->classification, QStringList{QStringLiteral("network-service-tag")});
        QCOMPARE(aml->before->conditionText(), QStringLiteral("always"));

        const RuleDiffItem *monitor = changedItem(m_diff, QStringLiteral("AzureMonitor"));
        QVERIFY(monitor);
        QCOMPARE(monitor->before->classification, QStringList{QStringLiteral("network-service-tag")});
        QCOMPARE(monitor->after->classification, QStringList{QStringLiteral("unsupported")});

        const RuleDiffItem *mcr = changedItem(m_diff, QStringLiteral("MicrosoftContainerRegistry"));
        QVERIFY(mcr);
        QCOMPARE(mcr->before->condition, QStringList{QStringLiteral("user-managed-deps")});
        QVERIFY(mcr->after->condition.isEmpty());
    }

    void sectionsOfBothEditions()
    {
        const RuleDiffItem *aml = changedItem(m_diff, QStringLiteral("AzureMachineLearning"));
        QVERIFY(aml);
        QCOMPARE(aml->before->sections.size(), 1);
        QCOMPARE(aml->before->sections.constFirst().id, QStringLiteral("required-public-internet-access"));
        QVERIFY(!aml->before->sections.constFirst().title.en.isEmpty());
        QVERIFY(!aml->before->sections.constFirst().title.ja.isEmpty());
        QCOMPARE(aml->after->sections.constFirst().id, QStringLiteral("required-public-internet-access"));
        QCOMPARE(m_diff.removed.at(1).before->sections.constFirst().id, QStringLiteral("inbound-configuration"));
    }

    void changeTextInBothLanguages()
    {
        const RuleDiffItem *aml = changedItem(m_diff, QStringLiteral("AzureMachineLearning"));
        QVERIFY(aml);
        applyLanguage(Language::English);
        QCOMPARE(RuleDiff::changeText(*aml, Language::English), QStringLiteral("ports: 443 → 443, 8787, 18881"));
        const RuleDiffItem *mcr = changedItem(m_diff, QStringLiteral("MicrosoftContainerRegistry"));
        QCOMPARE(RuleDiff::changeText(*mcr, Language::English),
                 QStringLiteral("destination: MicrosoftContainerRegistry.japaneast → MicrosoftContainerRegistry; "
                                "condition: user-managed-deps → always"));
        applyLanguage(Language::Japanese);
        QCOMPARE(RuleDiff::changeText(*aml, Language::Japanese), QStringLiteral("ポート: 443 → 443、8787、18881"));
        QCOMPARE(RuleDiff::changeTitle(RuleChange::Removed), QStringLiteral("削除"));
        applyLanguage(Language::English);
    }

    void sameSetHasNoChanges()
    {
        const RuleDiff diff = RuleDiff::compare(m_toSet, m_toSet);
        QVERIFY(diff.added.isEmpty());
        QVERIFY(diff.removed.isEmpty());
        QVERIFY(diff.changed.isEmpty());
        QCOMPARE(diff.unchanged, m_toSet.rules.size());
    }
};

QTEST_GUILESS_MAIN(TestRuleDiff)
#include "tst_rulediff.moc"
