#pragma once

#include "catalog.h"
#include "rulegenerator.h"

#include <QStringList>
#include <QtTest>

namespace amlfw::test {

inline const Catalog &builtInCatalog()
{
    static const Catalog catalog = [] {
        Problems problems;
        Catalog c = Catalog::builtIn(QStringLiteral("2021-11"), &problems);
        if (!c.isValid())
            qFatal("built-in catalog invalid: %s", qPrintable(formatProblems(problems)));
        return c;
    }();
    return catalog;
}

inline RuleSet generate(const QString &cloud, const QString &region, const QStringList &features,
                        UdrMethod udr = UdrMethod::ServiceTags, const QString &storage = QStringLiteral("mystore"))
{
    Answers answers;
    answers.cloud = cloud;
    answers.region = region;
    answers.storage = storage;
    answers.features = features;
    answers.udr = udr;
    return RuleGenerator::generate(builtInCatalog(), answers);
}

inline RuleSet generateAll(const QString &cloud, const QString &region, UdrMethod udr = UdrMethod::ServiceTags)
{
    return generate(cloud, region, builtInCatalog().featureIds(), udr);
}

// "destination | protocol | ports", the way the article's tables list a row.
inline QString rowText(const Rule &rule)
{
    return rule.destination + QStringLiteral(" | ") + rule.protocol + QStringLiteral(" | ") + rule.ports.join(u',');
}

inline QStringList tableRows(const RuleSet &set, const QString &tableId)
{
    QStringList rows;
    for (const Rule *rule : set.rulesInTable(tableId))
        rows << rowText(*rule);
    return rows;
}

inline QStringList allRows(const RuleSet &set)
{
    QStringList rows;
    for (const Rule &rule : set.rules)
        rows << rowText(rule);
    return rows;
}

// Set by CTest (tests/CMakeLists.txt); run the test executables through ctest.
inline QString requiredEnvironment(const char *name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty())
        qFatal("%s is not set: run this test through ctest", name);
    return value;
}

inline QString sourceDir()
{
    return requiredEnvironment("AMLFW_SOURCE_DIR");
}

inline QString testData(const QString &name)
{
    return requiredEnvironment("AMLFW_TEST_DATA") + u'/' + name;
}

} // namespace amlfw::test
