#pragma once

#include "catalog.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

} // namespace amlfw::test
