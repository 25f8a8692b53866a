// The one JSON reader with locations (catalog, profiles, reports read back), and the translatable
// text its problems carry.

#include "jsonreader.h"
#include "language.h"
#include "proberun.h"

#include <QJsonArray>
#include <QtTest>

using namespace amlfw;

namespace {

bool has(const Problems &problems, const QString &location, const QString &message)
{
    for (const Problem &p : problems) {
        if (p.location == location && p.message().contains(message))
            return true;
    }
    return false;
}

QJsonObject object(const char *json)
{
    Problems problems;
    JsonReader reader(QStringLiteral("t.json"), &problems);
    return reader.parseObject(QByteArray(json), TranslatableText::plain(QStringLiteral("not an object")))
        .value_or(QJsonObject());
}

} // namespace

class TestJsonReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { applyLanguage(Language::English); }

    void syntaxErrorHasLineAndColumn()
    {
        Problems problems;
        JsonReader reader(QStringLiteral("catalog.json"), &problems);
        QVERIFY(!reader.parseObject(QByteArray("{\n  \"a\": 1,\n  \"b\": [1, 2,\n}"), {}));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().location, QStringLiteral("catalog.json"));
        QVERIFY2(problems.first().message().contains(QStringLiteral("line 4, column")),
                 qPrintable(problems.first().message()));
        QVERIFY(reader.hasErrors());
    }

    void notAnObject()
    {
        Problems problems;
        JsonReader reader(QStringLiteral("p.json"), &problems);
        QVERIFY(!reader.parseObject(QByteArray("[1]"), TranslatableText::plain(QStringLiteral("must be a profile"))));
        QCOMPARE(problems.first().toString(), QStringLiteral("p.json: must be a profile"));
    }

    void valuesAndPaths()
    {
        const QJsonObject o
            = object(R"({"s": 1, "blank": " ", "list": ["a", 2, ""], "flag": "yes", "arr": {}, "obj": []})");
        Problems problems;
        JsonReader r(QStringLiteral("catalog.json"), &problems);
        const QString path = QStringLiteral("rules[12] (ci-public-file)");
        QCOMPARE(r.string(o, QStringLiteral("s"), path), QString());
        QVERIFY(has(problems, QStringLiteral("catalog.json: rules[12] (ci-public-file).s"),
                    QStringLiteral("must be a string")));
        r.string(o, QStringLiteral("blank"), path);
        QVERIFY(has(problems, QStringLiteral("catalog.json: rules[12] (ci-public-file).blank"),
                    QStringLiteral("must not be empty")));
        r.string(o, QStringLiteral("absent"), path);
        QVERIFY(has(problems, QStringLiteral("catalog.json: rules[12] (ci-public-file).absent"),
                    QStringLiteral("missing")));
        const qsizetype before = problems.size();
        QCOMPARE(r.string(o, QStringLiteral("absent"), path, JsonReader::Need::Optional), QString());
        QCOMPARE(r.optionalString(o, QStringLiteral("absent"), path), std::nullopt);
        QCOMPARE(problems.size(), before);

        QCOMPARE(r.stringList(o, QStringLiteral("list"), path, JsonReader::Need::Optional, true),
                 QStringList{QStringLiteral("a")});
        QVERIFY(has(problems, QStringLiteral("catalog.json: rules[12] (ci-public-file).list[1]"),
                    QStringLiteral("must be a string")));
        QVERIFY(has(problems, QStringLiteral("catalog.json: rules[12] (ci-public-file).list[2]"),
                    QStringLiteral("must not be empty")));
        QCOMPARE(r.boolean(o, QStringLiteral("flag"), {}, true), true);
        QVERIFY(has(problems, QStringLiteral("catalog.json: flag"), QStringLiteral("true or false")));
        QVERIFY(r.array(o, QStringLiteral("arr"), {}).isEmpty());
        QVERIFY(has(problems, QStringLiteral("catalog.json: arr"), QStringLiteral("must be an array")));
        QVERIFY(r.object(o, QStringLiteral("obj"), {}).isEmpty());
        QVERIFY(has(problems, QStringLiteral("catalog.json: obj"), QStringLiteral("must be an object")));
    }

    void localizedText()
    {
        const QJsonObject o = object(R"({"t": {"en": "Hello", "ja": ""}, "u": "text"})");
        Problems problems;
        JsonReader r(QStringLiteral("c.json"), &problems);
        QCOMPARE(r.text(o, QStringLiteral("t"), QStringLiteral("notes[0]")).en, QStringLiteral("Hello"));
        QVERIFY(has(problems, QStringLiteral("c.json: notes[0].t.ja"), QStringLiteral("Japanese")));
        r.text(o, QStringLiteral("u"), {});
        QVERIFY(has(problems, QStringLiteral("c.json: u"), QStringLiteral("\"en\" and \"ja\"")));
    }

    void eachObjectNamesItsId()
    {
        const QJsonObject o = object(R"({"rules": [{"id": "a"}, 3, {"name": "n"}, {}]})");
        Problems problems;
        JsonReader r(QStringLiteral("c.json"), &problems);
        QStringList paths;
        QList<int> indexes;
        r.forEachObject(r.array(o, QStringLiteral("rules"), {}), QStringLiteral("rules"),
                        [&](const QJsonObject &, const QString &path, int index) {
                            paths << path;
                            indexes << index;
                        });
        QCOMPARE(paths, (QStringList{QStringLiteral("rules[0] (a)"), QStringLiteral("rules[2] (n)"),
                                     QStringLiteral("rules[3]")}));
        QCOMPARE(indexes, (QList<int>{0, 2, 3}));
        QVERIFY(has(problems, QStringLiteral("c.json: rules[1]"), QStringLiteral("must be an object")));
    }

    // Problems recorded before a reader starts are not its errors.
    void hasErrorsCountsItsOwn()
    {
        Problems problems{Problem::error(QStringLiteral("x"), QStringLiteral("earlier"))};
        JsonReader r(QStringLiteral("c.json"), &problems);
        QVERIFY(!r.hasErrors());
        r.warning(QStringLiteral("k"), TranslatableText::plain(QStringLiteral("w")));
        QVERIFY(!r.hasErrors());
        r.error(QStringLiteral("k"), TranslatableText::plain(QStringLiteral("e")));
        QVERIFY(r.hasErrors());
    }

    // Arguments fill placeholders in one pass: user data holding "%1" stays as it is.
    void argumentsInOnePass()
    {
        TranslatableText t("amlfw::Test", "wrote %1 (%2 rules)");
        t.arg(QStringLiteral("x%2.csv")).arg(27);
        QCOMPARE(t.toString(), QStringLiteral("wrote x%2.csv (27 rules)"));
        TranslatableText reversed("amlfw::Test", "%2 before %1");
        reversed.arg(QStringLiteral("one"), QStringLiteral("two"));
        QCOMPARE(reversed.toString(), QStringLiteral("two before one"));
        TranslatableText nested("amlfw::Test", "outer: %1");
        nested.arg(TranslatableText::plain(QStringLiteral("inner %1")).arg(QStringLiteral("value")));
        QCOMPARE(nested.toString(), QStringLiteral("outer: inner value"));
        QCOMPARE(TranslatableText("amlfw::Test", "100%").toString(), QStringLiteral("100%"));
        QVERIFY(TranslatableText().isEmpty());
    }
    // The baseline reader: problems name the result and field; no error out-parameter is fine.
    void baselineLocations()
    {
        const QByteArray json = R"({"report": "check", "results": [{"ruleId": "a", "status": "OK"},
                                                                  {"ruleId": "b", "status": "MAYBE"}]})";
        QString error;
        QVERIFY(!ProbeBaseline::fromJson(json, QStringLiteral("before.json"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("before.json: results[1]")) && error.contains(QStringLiteral("MAYBE")),
                 qPrintable(error));
        QVERIFY(!ProbeBaseline::fromJson(json, QStringLiteral("before.json"), nullptr));
        QVERIFY(!ProbeBaseline::fromJson(QByteArrayLiteral("not json"), QStringLiteral("x"), nullptr));
        QVERIFY(!ProbeBaseline::fromFile(QStringLiteral("/nonexistent/amlfw/before.json"), nullptr));
        const auto good
            = ProbeBaseline::fromJson(R"({"report": "check", "results": [{"ruleId": "a", "status": "OK"}]})",
                                      QStringLiteral("before.json"), &error);
        QVERIFY(good);
        QCOMPARE(good->entries.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
