#pragma once

// Small catalogs with what the 2026 edition brought, so tests do not depend on the real 2026 file.
#include "catalog.h"
#include "rulegenerator.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace amlfw::test {

// The JSON of a "2026-03" edition made from the 2021 file, so that diff has something to show
// whichever 2026 catalog is built in: the inbound Batch rule removed, AzureMachineLearning 443 with two
// more ports and a UDP 5831 rule beside it, MicrosoftContainerRegistry without its region and always.
inline QByteArray newerEditionJson()
{
    QFile f(Catalog::builtInPath(QStringLiteral("2021-11")));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the built-in 2021-11 catalog");
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    root.insert(QStringLiteral("edition"), QStringLiteral("2026-03"));
    root.insert(QStringLiteral("source"), [&] {
        QJsonObject source = root.value(QStringLiteral("source")).toObject();
        source.insert(QStringLiteral("date"), QStringLiteral("2026-03-19"));
        return source;
    }());
    QJsonArray rules;
    for (const QJsonValue &v : root.value(QStringLiteral("rules")).toArray()) {
        QJsonObject rule = v.toObject();
        const QString id = rule.value(QStringLiteral("id")).toString();
        const QString destination = rule.value(QStringLiteral("destination")).toString();
        const bool outbound = rule.value(QStringLiteral("direction")).toString() == u"outbound";
        if (destination == u"BatchNodeManagement" && !outbound)
            continue;
        if (destination == u"AzureMachineLearning" && outbound)
            rule.insert(QStringLiteral("ports"),
                        QJsonArray{QStringLiteral("443"), QStringLiteral("8787"), QStringLiteral("18881")});
        if (id == u"internet-out-aml") {
            QJsonObject udp = rule;
            udp.insert(QStringLiteral("id"), QStringLiteral("internet-out-aml-udp"));
            udp.insert(QStringLiteral("protocol"), QStringLiteral("UDP"));
            udp.insert(QStringLiteral("ports"), QJsonArray{QStringLiteral("5831")});
            rules << udp;
        }
        if (destination == u"MicrosoftContainerRegistry.<region>") {
            rule.insert(QStringLiteral("destination"), QStringLiteral("MicrosoftContainerRegistry"));
            rule.remove(QStringLiteral("when"));
        }
        rules << rule;
    }
    root.insert(QStringLiteral("rules"), rules);
    // The live test's hosts of the renamed tag follow it.
    QJsonObject probe = root.value(QStringLiteral("probe")).toObject();
    QJsonObject tagHosts = probe.value(QStringLiteral("serviceTagHosts")).toObject();
    tagHosts.insert(QStringLiteral("MicrosoftContainerRegistry"),
                    tagHosts.take(QStringLiteral("MicrosoftContainerRegistry.<region>")));
    probe.insert(QStringLiteral("serviceTagHosts"), tagHosts);
    root.insert(QStringLiteral("probe"), probe);
    return QJsonDocument(root).toJson();
}

// newerEditionJson() as a catalog.
inline Catalog newerEditionCatalog()
{
    Problems problems;
    Catalog catalog = Catalog::fromJson(newerEditionJson(), QStringLiteral("newer.json"), &problems);
    if (!catalog.isValid())
        qFatal("newer edition catalog invalid: %s", qPrintable(formatProblems(problems)));
    return catalog;
}

// The 2021 file with rows that the 2026 edition brought (UDP and ANY rules, <acr> and <workspace-id>,
// the managed virtual network).
inline QByteArray editionCatalogJson()
{
    QFile f(Catalog::builtInPath(QStringLiteral("2021-11")));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the 2021-11 catalog");
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    root.insert(QStringLiteral("edition"), QStringLiteral("2026-03"));
    root.insert(QStringLiteral("networks"), QJsonArray{QStringLiteral("customer"), QStringLiteral("managed")});
    const QByteArray rows = R"([
 {"id": "x-tundra", "clouds": ["public"], "direction": "outbound", "kind": "fqdn", "destination": "<region>.tundra.azureml.ms", "protocol": "UDP", "ports": ["5831"], "when": "compute-instance", "table": "compute-hosts", "purpose": {"en": "Compute instance management.", "ja": "コンピューティング インスタンスの管理。"}},
 {"id": "x-tundra-api", "clouds": ["public"], "direction": "outbound", "kind": "fqdn", "destination": "*.tundra.<region>.api.azureml.ms", "protocol": "UDP", "ports": ["5831"], "when": "compute-instance", "table": "compute-hosts", "alternativeTag": "AzureMachineLearning", "purpose": {"en": "Compute instance management.", "ja": "コンピューティング インスタンスの管理。"}},
 {"id": "x-batch", "clouds": ["public"], "direction": "outbound", "kind": "fqdn", "destination": "*.<region>.batch.azure.com", "protocol": "ANY", "ports": ["443"], "when": "compute-instance", "table": "compute-hosts", "alternativeTag": "BatchNodeManagement.<region>", "purpose": {"en": "Azure Batch.", "ja": "Azure Batch。"}},
 {"id": "x-batch-tag", "clouds": ["public", "usgov", "china"], "direction": "outbound", "kind": "service-tag", "destination": "BatchNodeManagement.<region>", "protocol": "ANY", "ports": ["443"], "when": "compute-instance", "table": "network-rules", "purpose": {"en": "Azure Batch.", "ja": "Azure Batch。"}},
 {"id": "x-acr", "clouds": ["public", "usgov", "china"], "direction": "outbound", "kind": "fqdn", "destination": "<acr>.azurecr.io", "protocol": "TCP", "ports": ["443"], "table": "compute-hosts", "purpose": {"en": "The workspace's container registry.", "ja": "ワークスペースのコンテナー レジストリ。"}},
 {"id": "x-workspace", "clouds": ["public"], "direction": "outbound", "kind": "fqdn", "destination": "<workspace-id>.workspace.<region>.api.azureml.ms", "protocol": "TCP", "ports": ["443"], "table": "aml-hosts", "purpose": {"en": "The workspace.", "ja": "ワークスペース。"}},
 {"id": "m-aml", "network": "managed", "automatic": true, "clouds": ["public", "usgov", "china"], "direction": "outbound", "kind": "service-tag", "destination": "AzureMachineLearning", "protocol": "TCP", "ports": ["443"], "table": "network-rules", "purpose": {"en": "Azure Machine Learning.", "ja": "Azure Machine Learning。"}},
 {"id": "m-batch", "network": "managed", "automatic": true, "clouds": ["public", "usgov", "china"], "direction": "outbound", "kind": "service-tag", "destination": "BatchNodeManagement.<region>", "protocol": "ANY", "ports": ["443"], "table": "network-rules", "purpose": {"en": "Azure Batch.", "ja": "Azure Batch。"}},
 {"id": "m-queue", "network": "managed", "automatic": true, "clouds": ["public", "usgov", "china"], "direction": "outbound", "kind": "private-endpoint", "destination": "<storage>:queue", "table": "network-rules", "purpose": {"en": "Storage queues.", "ja": "ストレージ キュー。"}},
 {"id": "m-pypi", "network": "managed", "clouds": ["public", "usgov", "china"], "direction": "outbound", "kind": "fqdn", "destination": "pypi.org", "protocol": "TCP", "ports": ["443"], "table": "application-rules", "purpose": {"en": "Python packages.", "ja": "Python パッケージ。"}},
 {"id": "m-acr", "network": "managed", "clouds": ["public", "usgov", "china"], "direction": "outbound", "kind": "private-endpoint", "destination": "<acr>:registry", "table": "network-rules", "purpose": {"en": "The workspace's container registry.", "ja": "ワークスペースのコンテナー レジストリ。"}}
])";
    QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
    for (const QJsonValue &row : QJsonDocument::fromJson(rows).array())
        rules.append(row);
    root.insert(QStringLiteral("rules"), rules);
    return QJsonDocument(root).toJson();
}

inline const Catalog &editionCatalog()
{
    static const Catalog catalog = [] {
        Problems problems;
        Catalog c = Catalog::fromJson(editionCatalogJson(), QStringLiteral("edition.json"), &problems);
        if (!c.isValid())
            qFatal("edition catalog invalid: %s", qPrintable(formatProblems(problems)));
        return c;
    }();
    return catalog;
}

inline RuleSet generateEdition(const QString &cloud, const QString &region, const QStringList &features,
                               NetworkKind network = NetworkKind::Customer, const QString &acr = {},
                               const QString &workspaceId = {})
{
    Answers answers;
    answers.cloud = cloud;
    answers.region = region;
    answers.storage = QStringLiteral("mystore");
    answers.features = features;
    answers.network = network;
    answers.acr = acr;
    answers.workspaceId = workspaceId;
    return RuleGenerator::generate(editionCatalog(), answers);
}

} // namespace amlfw::test
