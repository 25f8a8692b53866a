#pragma once

#include "catalog.h"
#include "portlist.h"
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

// A table's row lists the ports the article gives in that table; the rule itself carries the union of
// every table's ports (graph.windows.net: 80,443 in one table, 443 in another, one rule on 80,443).
inline QStringList tableRows(const RuleSet &set, const QString &tableId)
{
    QStringList rows;
    for (const Rule *rule : set.rulesInTable(tableId)) {
        QStringList ports;
        for (const RuleSource &s : rule->sources) {
            if (s.table == tableId)
                ports << s.ports;
        }
        rows << rule->destination + QStringLiteral(" | ") + rule->protocol + QStringLiteral(" | ")
                    + normalizedPorts(ports).join(u',');
    }
    return rows;
}

// Rows "destination | protocol | ports" of several tables as the rule set has them: one row per
// direction, destination and protocol, with the union of the ports, in first-seen order. The direction
// is the catalog's for the destination and protocol (inbound when it has an inbound row with them only).
inline QStringList mergedRows(const Catalog &catalog, const QStringList &rows)
{
    QStringList keys;
    QHash<QString, QStringList> ports;
    QHash<QString, QString> text;
    for (const QString &row : rows) {
        const qsizetype cut = row.lastIndexOf(QStringLiteral(" | "));
        const QString rowKey = row.left(cut);
        const QStringList rowPorts = row.mid(cut + 3).split(u',', Qt::SkipEmptyParts);
        bool inbound = false;
        for (const CatalogRule &r : catalog.rules) {
            if (r.direction == Direction::Inbound && r.protocol == rowKey.section(QStringLiteral(" | "), 1)
                && r.destination.section(u'.', 0, 0) == rowKey.section(QStringLiteral(" | "), 0, 0).section(u'.', 0, 0)
                && !rowPorts.isEmpty() && r.ports.contains(rowPorts.first()))
                inbound = true;
        }
        const QString key = (inbound ? QStringLiteral("in|") : QStringLiteral("out|")) + rowKey;
        text.insert(key, rowKey);
        if (!keys.contains(key))
            keys << key;
        const QString list = row.mid(cut + 3);
        if (!list.isEmpty())
            ports[key] << list.split(u',');
    }
    QStringList out;
    for (const QString &key : std::as_const(keys))
        out << text.value(key) + QStringLiteral(" | ") + normalizedPorts(ports.value(key)).join(u',');
    return out;
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
