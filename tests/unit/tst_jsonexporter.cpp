#include "editionfixture.h"
#include "jsonexporter.h"
#include "rulesetfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace amlfw;
using namespace amlfw::test;

class TestJsonExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { applyLanguage(Language::English); }
    void cleanupTestCase() { applyLanguage(Language::English); }

    // The schema documented in the README.
    void schema()
    {
        const RuleSet set = generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        const QJsonObject root = QJsonDocument::fromJson(JsonExporter::write(set, Language::English)).object();
        for (const char *key : {"amlfw", "language", "catalog", "scenario", "summary", "rules", "notes", "warnings"})
            QVERIFY2(root.contains(QString::fromLatin1(key)), key);
        QCOMPARE(root.value(QStringLiteral("catalog")).toObject().value(QStringLiteral("edition")).toString(), QStringLiteral("2021-11"));
        const QJsonObject scenario = root.value(QStringLiteral("scenario")).toObject();
        QCOMPARE(scenario.value(QStringLiteral("pairedRegion")).toString(), QStringLiteral("japanwest"));
        QCOMPARE(scenario.value(QStringLiteral("effectiveFeatures")).toArray().size(), builtInCatalog().features.size());
        const QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
        QCOMPARE(rules.size(), set.rules.size());
        QCOMPARE(root.value(QStringLiteral("summary")).toObject().value(QStringLiteral("total")).toInt(), int(set.rules.size()));
        for (const QJsonValue &v : rules) {
            const QJsonObject r = v.toObject();
            for (const char *key : {"id", "direction", "kind", "destination", "protocol", "ports", "features", "sections",
                                    "purpose", "notes", "azureFirewall", "sources", "always"})
                QVERIFY2(r.contains(QString::fromLatin1(key)), qPrintable(r.value(QStringLiteral("id")).toString() + u' ' + QString::fromLatin1(key)));
            QVERIFY(!r.value(QStringLiteral("destination")).toString().contains(u'<'));
            QVERIFY(!r.value(QStringLiteral("sources")).toArray().isEmpty());
            QVERIFY(!r.value(QStringLiteral("purpose")).toString().isEmpty());
            for (const QJsonValue &p : r.value(QStringLiteral("ports")).toArray())
                QVERIFY(p.isString());
            const QJsonObject fw = r.value(QStringLiteral("azureFirewall")).toObject();
            QVERIFY(fw.contains(QStringLiteral("type")) && fw.contains(QStringLiteral("parts")));
        }
        // Ports are strings such as "29876-29877".
        bool range = false;
        for (const QJsonValue &v : rules) {
            for (const QJsonValue &p : v.toObject().value(QStringLiteral("ports")).toArray())
                range = range || p.toString() == u"29876-29877";
        }
        QVERIFY(range);
    }

    void editionFields()
    {
        for (const bool managed : {false, true}) {
            const RuleSet set = generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"),
                                                {QStringLiteral("compute-instance")},
                                                managed ? NetworkKind::Managed : NetworkKind::Customer);
            const QJsonObject root = QJsonDocument::fromJson(JsonExporter::write(set, Language::English)).object();
            QCOMPARE(root.value(QStringLiteral("catalog")).toObject().value(QStringLiteral("edition")).toString(),
                     QStringLiteral("2026-03"));
            QCOMPARE(root.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("network")).toString(),
                     managed ? QStringLiteral("managed") : QStringLiteral("customer"));
            QHash<QString, QJsonObject> byId;
            for (const QJsonValue &v : root.value(QStringLiteral("rules")).toArray()) {
                const QJsonObject r = v.toObject();
                for (const char *key : {"network", "automatic", "unanswered", "protocol", "kind"})
                    QVERIFY2(r.contains(QString::fromLatin1(key)), key);
                byId.insert(r.value(QStringLiteral("id")).toString(), r);
            }
            if (!managed) {
                QCOMPARE(byId.value(QStringLiteral("x-tundra")).value(QStringLiteral("protocol")).toString(), QStringLiteral("UDP"));
                QCOMPARE(byId.value(QStringLiteral("x-batch")).value(QStringLiteral("protocol")).toString(), QStringLiteral("ANY"));
                const QJsonObject acr = byId.value(QStringLiteral("x-acr"));
                QCOMPARE(acr.value(QStringLiteral("unanswered")).toArray(), QJsonArray{QStringLiteral("acr")});
                QVERIFY(acr.value(QStringLiteral("answerNeeded")).toArray().first().toString().contains(QStringLiteral("--acr")));
                QCOMPARE(byId.value(QStringLiteral("x-tundra")).value(QStringLiteral("network")).toString(), QStringLiteral("customer"));
                continue;
            }
            QCOMPARE(byId.size(), 5);
            const QJsonObject queue = byId.value(QStringLiteral("m-queue"));
            QCOMPARE(queue.value(QStringLiteral("kind")).toString(), QStringLiteral("private-endpoint"));
            QCOMPARE(queue.value(QStringLiteral("network")).toString(), QStringLiteral("managed"));
            QVERIFY(queue.value(QStringLiteral("automatic")).toBool());
            QCOMPARE(queue.value(QStringLiteral("azureFirewall")).toObject().value(QStringLiteral("type")).toString(),
                     QStringLiteral("managed"));
            QCOMPARE(byId.value(QStringLiteral("m-pypi")).value(QStringLiteral("kind")).toString(), QStringLiteral("fqdn"));
            QVERIFY(!byId.value(QStringLiteral("m-pypi")).value(QStringLiteral("automatic")).toBool());
            QCOMPARE(byId.value(QStringLiteral("m-aml")).value(QStringLiteral("kind")).toString(), QStringLiteral("service-tag"));
            const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
            QCOMPARE(summary.value(QStringLiteral("automatic")).toInt(), 3);
            QCOMPARE(summary.value(QStringLiteral("managed")).toInt(), 2);
        }
    }

    void languageOfTexts()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("custom-images")});
        applyLanguage(Language::Japanese);
        const QJsonObject ja = QJsonDocument::fromJson(JsonExporter::write(set, Language::Japanese)).object();
        applyLanguage(Language::English);
        QCOMPARE(ja.value(QStringLiteral("language")).toString(), QStringLiteral("ja"));
        QJsonObject acr;
        for (const QJsonValue &v : ja.value(QStringLiteral("rules")).toArray()) {
            if (v.toObject().value(QStringLiteral("destination")).toString() == u"AzureContainerRegistry.japaneast")
                acr = v.toObject();
        }
        QVERIFY(acr.value(QStringLiteral("purpose")).toString().contains(QStringLiteral("カスタム Docker イメージ")));
        QCOMPARE(acr.value(QStringLiteral("articleDestination")).toString(), QStringLiteral("ContainerRegistry.region"));
        const QJsonObject note = acr.value(QStringLiteral("notes")).toArray().first().toObject();
        QCOMPARE(note.value(QStringLiteral("knownIssue")).toInt(), 1);
        QVERIFY(note.value(QStringLiteral("text")).toString().contains(QStringLiteral("存在しません")));
        QCOMPARE(acr.value(QStringLiteral("azureFirewall")).toObject().value(QStringLiteral("label")).toString(),
                 QStringLiteral("ネットワーク規則 (サービス タグ)"));
    }
};

QTEST_GUILESS_MAIN(TestJsonExporter)
#include "tst_jsonexporter.moc"
