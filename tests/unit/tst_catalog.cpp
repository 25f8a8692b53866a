#include "catalog.h"
#include "jsonedit.h"
#include "rulesetfixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace amlfw;
using namespace amlfw::test;

namespace {

QByteArray builtInJson()
{
    QFile file(Catalog::builtInPath(QStringLiteral("2021-11")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the built-in catalog");
    return file.readAll();
}

int indexOfRule(const QByteArray &json, const QString &id)
{
    const QJsonArray rules = QJsonDocument::fromJson(json).object().value(QStringLiteral("rules")).toArray();
    for (int i = 0; i < rules.size(); ++i) {
        if (rules.at(i).toObject().value(QStringLiteral("id")).toString() == id)
            return i;
    }
    return -1;
}

bool mentions(const Problems &problems, const QString &location, const QString &message)
{
    for (const Problem &p : problems) {
        if (p.isError() && p.location.contains(location) && p.message().contains(message, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInLoads()
    {
        Problems problems;
        const Catalog catalog = Catalog::builtIn(QStringLiteral("2021-11"), &problems);
        QVERIFY2(catalog.isValid(), qPrintable(formatProblems(problems)));
        QVERIFY2(problems.isEmpty(), qPrintable(formatProblems(problems)));
        QCOMPARE(catalog.edition, QStringLiteral("2021-11"));
        QCOMPARE(catalog.sourceDate, QStringLiteral("2021-11-05"));
        QVERIFY(catalog.sourceUrl.startsWith(QStringLiteral("https://learn.microsoft.com/")));
        QCOMPARE(catalog.cloudIds(),
                 (QStringList{QStringLiteral("public"), QStringLiteral("usgov"), QStringLiteral("china")}));
    }

    // Every row is complete in both languages (the loader checks too; this says so independently).
    void everyRowIsComplete()
    {
        const Catalog &catalog = builtInCatalog();
        QVERIFY(catalog.rules.size() > 100);
        for (const CatalogRule &r : catalog.rules) {
            QVERIFY2(!r.id.isEmpty() && !r.destination.isEmpty() && !r.clouds.isEmpty(), qPrintable(r.id));
            QVERIFY2(r.purpose.isComplete(), qPrintable(r.id));
            QVERIFY2(catalog.table(r.table), qPrintable(r.id));
            QVERIFY2(r.kind == RuleKind::Route ? r.ports.isEmpty() : !r.ports.isEmpty(), qPrintable(r.id));
            QVERIFY2(r.purpose.ja != r.purpose.en,
                     qPrintable(r.id + QStringLiteral(": Japanese purpose is the English text")));
        }
        for (const Feature &f : catalog.features)
            QVERIFY2(f.name.isComplete() && f.description.isComplete(), qPrintable(f.id));
        for (const Note &n : catalog.notes + catalog.scenarioNotes)
            QVERIFY2(n.text.isComplete() && n.text.ja != n.text.en, qPrintable(n.id));
        for (const Table &t : catalog.tables)
            QVERIFY2(t.title.isComplete() && catalog.section(t.section), qPrintable(t.id));
    }

    // The feature ids the CLI and profiles use are exactly the issue's list.
    void featureIds()
    {
        QCOMPARE(builtInCatalog().featureIds(),
                 (QStringList{QStringLiteral("compute-instance"), QStringLiteral("compute-cluster"),
                              QStringLiteral("no-public-ip"), QStringLiteral("private-endpoint"), QStringLiteral("hbi"),
                              QStringLiteral("notebooks"), QStringLiteral("custom-images"),
                              QStringLiteral("user-managed-deps"), QStringLiteral("python"),
                              QStringLiteral("pip-custom-index"), QStringLiteral("pytorch"),
                              QStringLiteral("tensorflow"), QStringLiteral("r"), QStringLiteral("vscode"),
                              QStringLiteral("aks"), QStringLiteral("arc-extension"), QStringLiteral("arc-training"),
                              QStringLiteral("arc-inference"), QStringLiteral("diagnostics")}));
    }

    // Each of the twelve known problems of the 2021 text has its note, used by at least one row.
    void everyKnownIssueIsNoted()
    {
        const Catalog &catalog = builtInCatalog();
        for (int issue = 1; issue <= 12; ++issue) {
            const Note *note = nullptr;
            for (const Note &n : catalog.notes) {
                if (n.knownIssue == issue)
                    note = &n;
            }
            QVERIFY2(note, qPrintable(QStringLiteral("no note for known issue %1").arg(issue)));
            bool used = false;
            for (const CatalogRule &r : catalog.rules)
                used = used || r.notes.contains(note->id);
            QVERIFY2(used, qPrintable(QStringLiteral("note %1 is on no rule").arg(note->id)));
        }
        // KI 6: the Japanese UI says "without a public IP" (パブリック IP を持たない).
        const Note *ki6 = catalog.note(QStringLiteral("ki-6"));
        QVERIFY(ki6 && ki6->text.ja.contains(QStringLiteral("パブリック IP を持たない")));
        const Feature *noPublicIp = catalog.feature(QStringLiteral("no-public-ip"));
        QVERIFY(noPublicIp && noPublicIp->name.ja.contains(QStringLiteral("パブリック IP を持たない")));
        // KI 5 names the likely intended registry.
        QVERIFY(catalog.note(QStringLiteral("ki-5"))->text.en.contains(QStringLiteral("viennaglobal.azurecr.io")));
    }

    void regions()
    {
        const Catalog &catalog = builtInCatalog();
        // Every region of the file is read, for each cloud (counted in the JSON, not by the loader).
        const QJsonObject regions
            = QJsonDocument::fromJson(builtInJson()).object().value(QStringLiteral("regions")).toObject();
        for (const QString &cloud : catalog.cloudIds()) {
            const qsizetype inFile = regions.value(cloud).toArray().size();
            QVERIFY2(inFile > 0, qPrintable(cloud));
            QCOMPARE(catalog.regions.value(cloud).size(), inFile);
        }
        const Region *japanEast = catalog.region(QStringLiteral("public"), QStringLiteral("japaneast"));
        QVERIFY(japanEast);
        QCOMPARE(japanEast->display.ja, QStringLiteral("東日本"));
        QCOMPARE(japanEast->pair, QStringLiteral("japanwest"));
        QCOMPARE(catalog.region(QStringLiteral("public"), QStringLiteral("eastus2"))->pair,
                 QStringLiteral("centralus"));
        QCOMPARE(catalog.region(QStringLiteral("public"), QStringLiteral("westeurope"))->pair,
                 QStringLiteral("northeurope"));
        QCOMPARE(catalog.region(QStringLiteral("usgov"), QStringLiteral("usgovvirginia"))->pair,
                 QStringLiteral("usgovtexas"));
        QCOMPARE(catalog.region(QStringLiteral("china"), QStringLiteral("chinaeast2"))->pair,
                 QStringLiteral("chinanorth2"));
        // Where Azure ML is offered (regions.md).
        QStringList govAml;
        for (const Region &r : catalog.regions.value(QStringLiteral("usgov"))) {
            if (r.aml)
                govAml << r.name;
        }
        QCOMPARE(govAml, (QStringList{QStringLiteral("usgovvirginia"), QStringLiteral("usgovarizona")}));
        QStringList chinaAml;
        for (const Region &r : catalog.regions.value(QStringLiteral("china"))) {
            if (r.aml)
                chinaAml << r.name;
        }
        QCOMPARE(chinaAml, QStringList{QStringLiteral("chinaeast2")});
        for (const QString &cloud : catalog.cloudIds()) {
            for (const Region &r : catalog.regions.value(cloud))
                QVERIFY2(r.display.isComplete() && catalog.geography(r.geography), qPrintable(r.name));
        }
    }

    void expandFeatures()
    {
        QCOMPARE(builtInCatalog().expandFeatures({QStringLiteral("arc-inference")}),
                 (QStringList{QStringLiteral("arc-extension"), QStringLiteral("arc-training"),
                              QStringLiteral("arc-inference")}));
        QCOMPARE(builtInCatalog().expandFeatures({QStringLiteral("pip-custom-index"), QStringLiteral("r")}),
                 (QStringList{QStringLiteral("python"), QStringLiteral("pip-custom-index"), QStringLiteral("r")}));
    }

    // A catalog from a file works like the built-in one.
    void loadsFromFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(builtInJson());
        file.close();
        Problems problems;
        const Catalog c = Catalog::fromFile(path, &problems);
        QVERIFY2(c.isValid(), qPrintable(formatProblems(problems)));
        QCOMPARE(c.rules.size(), builtInCatalog().rules.size());
        QCOMPARE(c.origin, path);

        Problems missing;
        QVERIFY(!Catalog::fromFile(dir.filePath(QStringLiteral("nope.json")), &missing).isValid());
        QVERIFY(mentions(missing, QStringLiteral("nope.json"), QStringLiteral("cannot open")));
    }

    void brokenCatalogs_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        const QByteArray good = builtInJson();
        const int file = indexOfRule(good, QStringLiteral("ci-public-file"));
        const int tag = indexOfRule(good, QStringLiteral("internet-out-aad"));
        const QString fileRule = QStringLiteral("rules[%1]").arg(file);
        const QString tagRule = QStringLiteral("rules[%1]").arg(tag);

        QTest::newRow("not JSON") << QByteArray("{\n  \"format\": 1,\n  oops\n}") << QStringLiteral("test.json")
                                  << QStringLiteral("not valid JSON (line 3, column");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("test.json") << QStringLiteral("object");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("test.json") << QStringLiteral("JSON");
        QTest::newRow("future format") << withValue(good, QStringLiteral("format"), 2) << QStringLiteral("format")
                                       << QStringLiteral("unsupported format version 2");
        QTest::newRow("no format") << withoutKey(good, QStringLiteral("format")) << QStringLiteral("format")
                                   << QStringLiteral("missing format");
        QTest::newRow("format as string") << withValue(good, QStringLiteral("format"), QStringLiteral("1"))
                                          << QStringLiteral("format") << QStringLiteral("format");
        QTest::newRow("unknown feature in condition")
            << withValue(good, fileRule + QStringLiteral(".when"), QStringLiteral("compute-instance | gpu-cluster"))
            << QStringLiteral("(ci-public-file).when") << QStringLiteral("unknown feature id \"gpu-cluster\"");
        QTest::newRow("condition syntax")
            << withValue(good, fileRule + QStringLiteral(".when"), QStringLiteral("compute-instance |"))
            << QStringLiteral("(ci-public-file).when") << QStringLiteral("invalid condition");
        QTest::newRow("condition of 200,000 terms")
            << withValue(good, fileRule + QStringLiteral(".when"),
                         QStringList(200000, QStringLiteral("compute-instance")).join(u'&'))
            << QStringLiteral("(ci-public-file).when") << QStringLiteral("too long");
        QTest::newRow("condition nested 200,000 deep")
            << withValue(good, fileRule + QStringLiteral(".when"),
                         QString(QString(200000, u'(') + QStringLiteral("compute-instance") + QString(200000, u')')))
            << QStringLiteral("(ci-public-file).when") << QStringLiteral("nested too deeply");
        QTest::newRow("malformed port") << withValue(good, fileRule + QStringLiteral(".ports[1]"),
                                                     QStringLiteral("44x5"))
                                        << QStringLiteral("(ci-public-file).ports[1]") << QStringLiteral("not a port");
        QTest::newRow("port out of range")
            << withValue(good, fileRule + QStringLiteral(".ports[0]"), QStringLiteral("70000"))
            << QStringLiteral("(ci-public-file).ports[0]") << QStringLiteral("not a port");
        QTest::newRow("reversed range") << withValue(good, tagRule + QStringLiteral(".ports[0]"),
                                                     QStringLiteral("443-80"))
                                        << QStringLiteral("(internet-out-aad).ports[0]")
                                        << QStringLiteral("not a port");
        QTest::newRow("port as number") << withValue(good, fileRule + QStringLiteral(".ports[0]"), 443)
                                        << QStringLiteral("(ci-public-file).ports[0]") << QStringLiteral("string");
        QTest::newRow("missing Japanese purpose")
            << withoutKey(good, fileRule + QStringLiteral(".purpose.ja"))
            << QStringLiteral("(ci-public-file).purpose.ja") << QStringLiteral("Japanese");
        QTest::newRow("empty English purpose")
            << withValue(good, fileRule + QStringLiteral(".purpose.en"), QStringLiteral(" "))
            << QStringLiteral("(ci-public-file).purpose.en") << QStringLiteral("English");
        QTest::newRow("missing Japanese feature name")
            << withoutKey(good, QStringLiteral("features[0].name.ja"))
            << QStringLiteral("features[0] (compute-instance).name.ja") << QStringLiteral("Japanese");
        QTest::newRow("unknown cloud") << withValue(good, fileRule + QStringLiteral(".clouds"),
                                                    QJsonArray{QStringLiteral("mars")})
                                       << QStringLiteral("(ci-public-file).clouds")
                                       << QStringLiteral("unknown cloud \"mars\"");
        QTest::newRow("unknown direction")
            << withValue(good, fileRule + QStringLiteral(".direction"), QStringLiteral("sideways"))
            << QStringLiteral("(ci-public-file).direction") << QStringLiteral("sideways");
        QTest::newRow("unknown kind") << withValue(good, fileRule + QStringLiteral(".kind"), QStringLiteral("ip"))
                                      << QStringLiteral("(ci-public-file).kind") << QStringLiteral("\"ip\"");
        QTest::newRow("bad host") << withValue(good, fileRule + QStringLiteral(".destination"),
                                               QStringLiteral("my store.file"))
                                  << QStringLiteral("(ci-public-file).destination") << QStringLiteral("host name");
        QTest::newRow("unknown placeholder")
            << withValue(good, fileRule + QStringLiteral(".destination"),
                         QStringLiteral("<account>.file.core.windows.net"))
            << QStringLiteral("(ci-public-file).destination") << QStringLiteral("<account>");
        QTest::newRow("unknown note") << withValue(good, fileRule + QStringLiteral(".notes"),
                                                   QJsonArray{QStringLiteral("ki-99")})
                                      << QStringLiteral("(ci-public-file).notes") << QStringLiteral("ki-99");
        QTest::newRow("unknown table") << withValue(good, fileRule + QStringLiteral(".table"),
                                                    QStringLiteral("nowhere"))
                                       << QStringLiteral("(ci-public-file).table") << QStringLiteral("nowhere");
        QTest::newRow("duplicate id") << withValue(good, tagRule + QStringLiteral(".id"),
                                                   QStringLiteral("ci-public-file"))
                                      << QStringLiteral(".id") << QStringLiteral("duplicate id");
        QTest::newRow("unknown implied feature")
            << withValue(good, QStringLiteral("features[0].implies"), QJsonArray{QStringLiteral("x")})
            << QStringLiteral("features[0] (compute-instance).implies") << QStringLiteral("unknown feature id \"x\"");
        QTest::newRow("bad paired region")
            << withValue(good, QStringLiteral("regions.public[0].pair"), QStringLiteral("moon"))
            << QStringLiteral("regions.public[0] (centralus).pair") << QStringLiteral("moon");
        QTest::newRow("rules not an array") << withValue(good, QStringLiteral("rules"), QStringLiteral("all of them"))
                                            << QStringLiteral("rules") << QStringLiteral("array");
        QTest::newRow("rule not an object") << withValue(good, QStringLiteral("rules[0]"), 42)
                                            << QStringLiteral("rules[0]") << QStringLiteral("object");
        QTest::newRow("bad severity") << withValue(good, QStringLiteral("notes[0].severity"), QStringLiteral("panic"))
                                      << QStringLiteral("notes[0] (ki-1).severity") << QStringLiteral("panic");
        QTest::newRow("route with ports")
            << withValue(good, QStringLiteral("rules[%1].ports").arg(indexOfRule(good, QStringLiteral("udr-aml"))),
                         QJsonArray{QStringLiteral("443")})
            << QStringLiteral("(udr-aml).ports") << QStringLiteral("route");
        QTest::newRow("unknown alternative tag") << withValue(
            good,
            QStringLiteral("rules[%1].alternativeTag").arg(indexOfRule(good, QStringLiteral("ci-public-instances-ms"))),
            QStringLiteral("NoSuchTag")) << QStringLiteral("alternativeTag")
                                                 << QStringLiteral("NoSuchTag");
    }

    // Corrupt or hostile catalogs: a clear error naming what and where, never a crash or a partial catalog.
    void brokenCatalogs()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, location);
        QFETCH(QString, message);
        Problems problems;
        const Catalog c = Catalog::fromJson(json, QStringLiteral("test.json"), &problems);
        QVERIFY(!c.isValid());
        QVERIFY2(mentions(problems, location, message),
                 qPrintable(QStringLiteral("expected \"%1\" at \"%2\", got:\n").arg(message, location)
                            + formatProblems(problems)));
        for (const Problem &p : problems)
            QVERIFY2(p.location.startsWith(QStringLiteral("test.json")), qPrintable(p.location));
    }

    // Every problem is reported, not only the first.
    void reportsEveryProblem()
    {
        QByteArray json = builtInJson();
        json = withValue(json, QStringLiteral("rules[3].ports[0]"), QStringLiteral("x"));
        json = withValue(json, QStringLiteral("rules[5].when"), QStringLiteral("nonsense-feature"));
        json = withoutKey(json, QStringLiteral("rules[7].purpose.ja"));
        Problems problems;
        QVERIFY(!Catalog::fromJson(json, QStringLiteral("t.json"), &problems).isValid());
        QCOMPARE(problems.size(), 3);
    }

    // Every value replaced by a value of the wrong type: problems, no crash.
    void wrongTypesEverywhere()
    {
        const QByteArray good = builtInJson();
        const QJsonObject root = QJsonDocument::fromJson(good).object();
        const QJsonArray wrongValues{
            QJsonValue(), 7, QStringLiteral("x"), QJsonArray{1}, QJsonObject{{QStringLiteral("a"), 1}}, true};
        int loaded = 0;
        QStringList paths;
        for (const QString &key : root.keys())
            paths << key;
        const QJsonObject rule = root.value(QStringLiteral("rules")).toArray().at(0).toObject();
        for (const QString &key : rule.keys())
            paths << QStringLiteral("rules[0].") + key;
        const QJsonObject feature = root.value(QStringLiteral("features")).toArray().at(0).toObject();
        for (const QString &key : feature.keys())
            paths << QStringLiteral("features[0].") + key;
        for (const QString &path : std::as_const(paths)) {
            for (const QJsonValue &v : wrongValues) {
                Problems problems;
                const Catalog c = Catalog::fromJson(withValue(good, path, v), QStringLiteral("t.json"), &problems);
                if (c.isValid())
                    ++loaded; // e.g. an optional list set to an empty-ish value of the right type
                else
                    QVERIFY2(!problems.isEmpty(), qPrintable(path));
            }
        }
        QVERIFY(loaded < paths.size()); // nearly all of them are rejected
    }

    void tooLarge()
    {
        Problems problems;
        const QByteArray huge(17 * 1024 * 1024, ' ');
        QVERIFY(!Catalog::fromJson(huge, QStringLiteral("huge.json"), &problems).isValid());
        QVERIFY(mentions(problems, QStringLiteral("huge.json"), QStringLiteral("too large")));
    }
    // A catalog's problems are shown in the language of the moment, nested messages included.
    void problemsFollowLanguageSwitch()
    {
        const QByteArray good = builtInJson();
        const QString rule = QStringLiteral("rules[%1]").arg(indexOfRule(good, QStringLiteral("ci-public-file")));
        Problems problems;
        Catalog::fromJson(withValue(good, rule + QStringLiteral(".when"), QStringLiteral("compute-instance |")),
                          QStringLiteral("test.json"), &problems);
        QCOMPARE(problems.size(), 1);
        const Problem problem = problems.first();
        QVERIFY(applyLanguage(Language::English));
        const QString english = problem.message();
        QVERIFY(applyLanguage(Language::Japanese));
        const QString japanese = problem.message();
        applyLanguage(Language::English);
        QVERIFY2(english.startsWith(QStringLiteral("invalid condition"))
                     && english.endsWith(QStringLiteral("at the end")),
                 qPrintable(english));
        QVERIFY2(japanese.contains(QStringLiteral("正しくありません")) && japanese.contains(QStringLiteral("末尾")),
                 qPrintable(japanese));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
