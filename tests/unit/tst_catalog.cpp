#include "catalog.h"

#include <QtTest>

using namespace amlfw;

class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInLoads()
    {
        Problems problems;
        const Catalog catalog = Catalog::builtIn(&problems);
        QVERIFY2(catalog.isValid(), qPrintable(formatProblems(problems)));
        QVERIFY(problems.isEmpty());
        QCOMPARE(catalog.edition, QStringLiteral("2021-11"));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
