// Terminal widths and tables: per grapheme cluster, East Asian wide characters two columns,
// combining marks none, a surrogate pair one character.
#include "texttable.h"

#include <QtTest>

using namespace amlfw;

class TestTextTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void displayWidth_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        QTest::newRow("ascii") << QStringLiteral("abc") << 3;
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("kanji") << QStringLiteral("東日本") << 6;
        QTest::newRow("katakana and space") << QStringLiteral("サービス タグ") << 13;
        QTest::newRow("fullwidth latin") << QStringLiteral("ＡＢ") << 4;
        QTest::newRow("halfwidth katakana") << QStringLiteral("ｶﾀｶﾅ") << 4;
        QTest::newRow("ideographic punctuation") << QStringLiteral("はい、") << 6;
        // Decomposed が: the combining voiced sound mark (U+3099) joins the kana before it.
        QTest::newRow("combining kana mark") << QStringLiteral("か\u3099") << 2;
        QTest::newRow("combining acute") << QStringLiteral("e\u0301te\u0301") << 3;
        QTest::newRow("lone combining mark") << QStringLiteral("\u0301") << 0;
        QTest::newRow("emoji, surrogate pair") << QStringLiteral("😀") << 2;
        QTest::newRow("cjk extension b, surrogate pair") << QStringLiteral("𠮷野家") << 6;
        QTest::newRow("emoji with skin tone") << QStringLiteral("👍🏽") << 2;
        QTest::newRow("emoji presentation selector") << QStringLiteral("\u2764\uFE0F") << 2;
        QTest::newRow("mixed") << QStringLiteral("a東😀e\u0301") << 6;
    }

    void displayWidth()
    {
        QFETCH(QString, text);
        QFETCH(int, width);
        QCOMPARE(TextTable::displayWidth(text), width);
    }

    void padToColumns()
    {
        QCOMPARE(TextTable::pad(QStringLiteral("東"), 4), QStringLiteral("東  "));
        QCOMPARE(TextTable::pad(QStringLiteral("e\u0301"), 3), QStringLiteral("e\u0301  "));
        QCOMPARE(TextTable::pad(QStringLiteral("東日本"), 4), QStringLiteral("東日本"));
    }

    void elideAtClusters()
    {
        QCOMPARE(TextTable::elide(QStringLiteral("東日本リージョン"), 7), QStringLiteral("東日本…"));
        QCOMPARE(TextTable::elide(QStringLiteral("東日本リージョン"), 8), QStringLiteral("東日本…"));
        QCOMPARE(TextTable::elide(QStringLiteral("😀😀😀"), 5), QStringLiteral("😀😀…"));
        // Never half a surrogate pair, never a base without its mark.
        QCOMPARE(TextTable::elide(QStringLiteral("😀😀😀"), 4), QStringLiteral("😀…"));
        QCOMPARE(TextTable::elide(QStringLiteral("e\u0301e\u0301e\u0301e\u0301"), 3),
                 QStringLiteral("e\u0301e\u0301…"));
        QCOMPARE(TextTable::elide(QStringLiteral("short"), 5), QStringLiteral("short"));
        QCOMPARE(TextTable::elide(QStringLiteral("short"), 0), QStringLiteral("short"));
        for (int width = 1; width < 12; ++width)
            QVERIFY(TextTable::displayWidth(TextTable::elide(QStringLiteral("か\u3099東😀abc日本"), width)) <= width);
    }

    void columnsLineUp()
    {
        const QStringList header{QStringLiteral("名前"), QStringLiteral("Port"), QStringLiteral("Note")};
        const QList<QStringList> rows{{QStringLiteral("a"), QStringLiteral("443"), QStringLiteral("x")},
                                      {QStringLiteral("東日本"), QStringLiteral("80"), QStringLiteral("y")},
                                      {QStringLiteral("か\u3099😀"), QStringLiteral("1"), QStringLiteral("z")},
                                      {QStringLiteral("e\u0301"), QStringLiteral("22"), QStringLiteral("w")}};
        const QString text = TextTable::render(header, rows, {true, 0});
        const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2 + rows.size());
        QCOMPARE(lines.at(1), QStringLiteral("------  ----  ----"));
        for (qsizetype i = 2; i < lines.size(); ++i) {
            const QString &line = lines.at(i);
            const QString &second = rows.at(i - 2).at(1);
            QCOMPARE(TextTable::displayWidth(line.left(line.indexOf(second, 1))), 8);
            QVERIFY(!line.endsWith(u' ')); // the last column is not padded
        }
        // Without the rule line, as "amlfw regions" prints.
        QCOMPARE(TextTable::render(header, rows, {}).split(u'\n').at(1).left(3), QStringLiteral("a  "));
    }

    void lastColumnFitsMaxWidth()
    {
        const QList<QStringList> rows{
            {QStringLiteral("id"), QStringLiteral("とても長い説明がここに入ります、そして続きます")}};
        const QString text = TextTable::render({QStringLiteral("ID"), QStringLiteral("説明")}, rows, {true, 20});
        for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(TextTable::displayWidth(line) <= 20, qPrintable(line));
        QVERIFY(text.contains(QStringLiteral("…")));
    }
};

QTEST_GUILESS_MAIN(TestTextTable)
#include "tst_texttable.moc"
