#include "condition.h"

#include <QtTest>

using namespace amlfw;

class TestCondition : public QObject
{
    Q_OBJECT

    static QSet<QString> set(const QStringList &ids) { return QSet<QString>(ids.cbegin(), ids.cend()); }

private Q_SLOTS:
    void emptyIsAlways()
    {
        QString error;
        const Condition c = Condition::parse(QStringLiteral("  "), &error);
        QVERIFY(error.isEmpty());
        QVERIFY(c.isAlways());
        QVERIFY(c.evaluate({}));
        QVERIFY(c.identifiers().isEmpty());
    }

    void evaluate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<bool>("expected");
        const QString inbound = QStringLiteral("compute-cluster | (compute-instance & !no-public-ip)");
        QTest::newRow("id true") << QStringLiteral("python") << QStringList{QStringLiteral("python")} << true;
        QTest::newRow("id false") << QStringLiteral("python") << QStringList{QStringLiteral("r")} << false;
        QTest::newRow("or") << QStringLiteral("a | b") << QStringList{QStringLiteral("b")} << true;
        QTest::newRow("and false") << QStringLiteral("a & b") << QStringList{QStringLiteral("b")} << false;
        QTest::newRow("and true") << QStringLiteral("a & b") << QStringList{QStringLiteral("a"), QStringLiteral("b")}
                                  << true;
        QTest::newRow("not") << QStringLiteral("!a") << QStringList{} << true;
        QTest::newRow("precedence: & binds tighter")
            << QStringLiteral("a | b & c") << QStringList{QStringLiteral("a")} << true;
        QTest::newRow("parentheses") << QStringLiteral("(a | b) & c") << QStringList{QStringLiteral("a")} << false;
        QTest::newRow("nested, cluster") << inbound << QStringList{QStringLiteral("compute-cluster")} << true;
        QTest::newRow("nested, instance") << inbound << QStringList{QStringLiteral("compute-instance")} << true;
        QTest::newRow("nested, instance without ip")
            << inbound << QStringList{QStringLiteral("compute-instance"), QStringLiteral("no-public-ip")} << false;
        QTest::newRow("double negation") << QStringLiteral("!!a") << QStringList{QStringLiteral("a")} << true;
    }

    void evaluate()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, features);
        QFETCH(bool, expected);
        QString error;
        const Condition c = Condition::parse(text, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(c.evaluate(set(features)), expected);
        QCOMPARE(c.text(), text);
    }

    void identifiers()
    {
        QString error;
        const Condition c
            = Condition::parse(QStringLiteral("compute-cluster | (compute-instance & !no-public-ip)"), &error);
        QCOMPARE(c.identifiers(), (QStringList{QStringLiteral("compute-cluster"), QStringLiteral("compute-instance"),
                                               QStringLiteral("no-public-ip")}));
        QCOMPARE(c.positiveIdentifiers(),
                 (QStringList{QStringLiteral("compute-cluster"), QStringLiteral("compute-instance")}));
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("dangling or") << QStringLiteral("a |");
        QTest::newRow("missing paren") << QStringLiteral("(a | b");
        QTest::newRow("stray paren") << QStringLiteral("a)");
        QTest::newRow("bad char") << QStringLiteral("a + b");
        QTest::newRow("only not") << QStringLiteral("!");
        QTest::newRow("deep") << (QString(200, u'(') + QStringLiteral("a") + QString(200, u')'));
    }

    void syntaxErrors()
    {
        QFETCH(QString, text);
        QString error;
        const Condition c = Condition::parse(text, &error);
        QVERIFY2(!error.isEmpty(), qPrintable(text));
        QVERIFY(c.isAlways()); // a broken condition is never half-used
    }
    // Hostile sizes: long chains once overflowed the stack (a binary tree as deep as the chain).
    void longChains_data()
    {
        QTest::addColumn<QString>("separator");
        QTest::newRow("and") << QStringLiteral(" & ");
        QTest::newRow("or") << QStringLiteral("|");
    }

    void longChains()
    {
        QFETCH(QString, separator);
        // The longest accepted chain is one node: evaluated and collected without deep recursion.
        QString error;
        const Condition accepted = Condition::parse(QStringList(1000, QStringLiteral("a")).join(separator), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(accepted.evaluate({QStringLiteral("a")}));
        QVERIFY(!accepted.evaluate({QStringLiteral("b")}));
        QCOMPARE(accepted.identifiers(), QStringList{QStringLiteral("a")});

        const Condition rejected = Condition::parse(QStringList(200000, QStringLiteral("a")).join(separator), &error);
        QVERIFY(rejected.isAlways());
        QVERIFY2(error.contains(QStringLiteral("too long")), qPrintable(error));
    }

    void deepNesting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("brackets") << (QString(200000, u'(') + QStringLiteral("a") + QString(200000, u')'));
        QTest::newRow("negations") << (QString(200000, u'!') + QStringLiteral("a"));
        QString mixed;
        for (int i = 0; i < 100000; ++i)
            mixed += QStringLiteral("a & (b | ");
        QTest::newRow("brackets in chains") << mixed + QStringLiteral("c") + QString(100000, u')');
    }

    void deepNesting()
    {
        QFETCH(QString, text);
        QString error;
        const Condition c = Condition::parse(text, &error);
        QVERIFY(c.isAlways());
        QVERIFY2(error.contains(QStringLiteral("nested too deeply")), qPrintable(error));
    }

    // 64 levels are allowed, and work.
    void deepestAllowed()
    {
        QString error;
        const Condition c = Condition::parse(QString(63, u'(') + QStringLiteral("a") + QString(63, u')'), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(c.evaluate({QStringLiteral("a")}));
    }
};

QTEST_GUILESS_MAIN(TestCondition)
#include "tst_condition.moc"
