#include "proberun.h"

#include "jsonreader.h"
#include "probetexts.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSslSocket>
#include <QSysInfo>

namespace amlfw {

ProbeVantage ProbeVantage::current(const ProbeOptions &options, const QList<ProbeResult> &results,
                                   const QDateTime &startedAt, const QDateTime &finishedAt)
{
    ProbeVantage v;
    v.hostName = QSysInfo::machineHostName();
    v.os = QSysInfo::prettyProductName();
    v.kernel = QSysInfo::kernelType() + u' ' + QSysInfo::kernelVersion();
    v.tlsLibrary = QSslSocket::sslLibraryVersionString();
    v.qtVersion = QString::fromLatin1(qVersion());
    v.amlfwVersion = QStringLiteral(AMLFW_VERSION);
    v.proxySetting = options.proxy.display();
    for (const ProbeResult &r : results) {
        if (!isFinal(r.status) || !r.target.isTestable() || r.tcp.isEmpty())
            continue;
        const QString used
            = r.path.mode == PathMode::HttpProxy ? QStringLiteral("http://") + r.path.proxy : QStringLiteral("direct");
        if (!v.proxyUsed.contains(used))
            v.proxyUsed << used;
    }
    v.startedAt = startedAt;
    v.finishedAt = finishedAt;
    v.demo = options.demo;
    return v;
}

namespace {

// The scenario members of a report; unknown or mistyped ones stay empty (nothing to compare).
void readScenario(const QJsonObject &root, ProbeBaseline::Scenario &scenario)
{
    const QJsonObject s = root.value(QStringLiteral("scenario")).toObject();
    scenario.edition = root.value(QStringLiteral("catalog")).toObject().value(QStringLiteral("edition")).toString();
    scenario.cloud = s.value(QStringLiteral("cloud")).toString();
    scenario.region = s.value(QStringLiteral("region")).toString();
    scenario.storage = s.value(QStringLiteral("storage")).toString();
    for (const QJsonValue &v : s.value(QStringLiteral("features")).toArray())
        scenario.features << v.toString();
}

} // namespace

QStringList ProbeBaseline::scenarioDifferences(const RuleSet &set) const
{
    QStringList out;
    const auto differs = [&](const QString &then, const QString &now, const QString &label) {
        if (!then.isEmpty() && then != now)
            out << tr("%1: %2 then, %3 now").arg(label, then, now.isEmpty() ? QStringLiteral("-") : now);
    };
    differs(scenario.edition, set.catalog.edition, tr("edition"));
    differs(scenario.cloud, set.answers.cloud, tr("cloud"));
    differs(scenario.region, set.answers.region, tr("region"));
    differs(scenario.storage, set.answers.storage, tr("storage account"));
    QStringList then = scenario.features;
    QStringList now = set.answers.features;
    then.sort();
    now.sort();
    if (!scenario.edition.isEmpty() && then != now) {
        QStringList added;
        QStringList removed;
        for (const QString &f : std::as_const(now))
            if (!then.contains(f))
                added << f;
        for (const QString &f : std::as_const(then))
            if (!now.contains(f))
                removed << f;
        QStringList parts;
        if (!added.isEmpty())
            parts << tr("now also %1").arg(added.join(QStringLiteral(", ")));
        if (!removed.isEmpty())
            parts << tr("no longer %1").arg(removed.join(QStringLiteral(", ")));
        out << tr("%1: %2").arg(tr("features"), parts.join(QStringLiteral("; ")));
    }
    return out;
}

std::optional<ProbeBaseline> ProbeBaseline::fromJson(const QByteArray &json, const QString &origin, QString *error)
{
    const TranslatableText notAReport
        = TranslatableText("amlfw::ProbeBaseline",
                           QT_TRANSLATE_NOOP("amlfw::ProbeBaseline", "\"%1\" is not a JSON report of \"amlfw check\" "
                                                                     "(amlfw check --format json --output FILE)."))
              .arg(QDir::toNativeSeparators(origin));
    Problems problems;
    JsonReader r(QDir::toNativeSeparators(origin), &problems);
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto root = r.parseObject(json, notAReport);
    if (!root || root->value(QStringLiteral("report")).toString() != u"check"
        || !root->value(QStringLiteral("results")).isArray())
        return fail(notAReport.toString());
    ProbeBaseline b;
    b.origin = origin;
    b.demo = root->value(QStringLiteral("demo")).toBool();
    const QJsonObject vantage = r.object(*root, QStringLiteral("vantage"), {}, JsonReader::Need::Optional);
    b.hostName = r.string(vantage, QStringLiteral("hostName"), QStringLiteral("vantage"), JsonReader::Need::Optional);
    b.startedAt = QDateTime::fromString(
        r.string(vantage, QStringLiteral("startedAt"), QStringLiteral("vantage"), JsonReader::Need::Optional),
        Qt::ISODateWithMs);
    readScenario(*root, b.scenario);
    r.forEachObject(root->value(QStringLiteral("results")).toArray(), QStringLiteral("results"),
                    [&](const QJsonObject &o, const QString &path, int) {
                        Entry e;
                        e.ruleId = r.string(o, QStringLiteral("ruleId"), path);
                        e.destination = r.string(o, QStringLiteral("destination"), path, JsonReader::Need::Optional);
                        e.host = r.string(o, QStringLiteral("host"), path, JsonReader::Need::Optional);
                        e.port = r.string(o, QStringLiteral("portSpec"), path, JsonReader::Need::Optional);
                        e.status = r.string(o, QStringLiteral("status"), path);
                        if (!e.status.isEmpty() && !probeStatusFromId(e.status))
                            r.error(JsonReader::join(path, QStringLiteral("status")),
                                    TranslatableText("amlfw::ProbeBaseline",
                                                     QT_TRANSLATE_NOOP("amlfw::ProbeBaseline", "unknown status \"%1\""))
                                        .arg(e.status));
                        b.entries << e;
                    });
    if (r.hasErrors())
        return fail(problems.first().toString()); // names the result and the field
    return b;
}

std::optional<ProbeBaseline> ProbeBaseline::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the baseline \"%1\": %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    return fromJson(file.read(64 * 1024 * 1024), path, error);
}

QString probeChangeId(ProbeChange change)
{
    switch (change) {
    case ProbeChange::None:
        return {};
    case ProbeChange::New:
        return QStringLiteral("new");
    case ProbeChange::Unchanged:
        return QStringLiteral("unchanged");
    case ProbeChange::Fixed:
        return QStringLiteral("fixed");
    case ProbeChange::Broken:
        return QStringLiteral("broken");
    case ProbeChange::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QString ProbeBaseline::statusOf(const ProbeTarget &target) const
{
    const QString ports = ProbeTexts::ports(target);
    for (const Entry &e : entries) {
        if (e.ruleId == target.ruleId && e.port == ports)
            return e.status;
    }
    return {};
}

ProbeChange ProbeBaseline::changeOf(const ProbeResult &result) const
{
    return probeChange(statusOf(result.target), result.status);
}

QList<ProbeBaseline::Entry> ProbeBaseline::entriesNotIn(const QList<ProbeResult> &results) const
{
    QSet<QString> keys;
    for (const ProbeResult &r : results)
        keys.insert(key(r.target.ruleId, ProbeTexts::ports(r.target)));
    QList<Entry> out;
    for (const Entry &e : entries) {
        if (!keys.contains(key(e.ruleId, e.port)))
            out << e;
    }
    return out;
}

ProbeChange probeChange(const QString &before, ProbeStatus now)
{
    if (before.isEmpty())
        return ProbeChange::New;
    const ProbeStatus then = probeStatusFromId(before).value_or(ProbeStatus::NotTestable);
    if (now == then)
        return ProbeChange::Unchanged;
    if (now == ProbeStatus::Ok && isFailure(then) && then != ProbeStatus::Cancelled)
        return ProbeChange::Fixed;
    if (then == ProbeStatus::Ok && isFailure(now))
        return ProbeChange::Broken;
    return ProbeChange::Changed;
}

QString ProbeRun::baselineStatus(int row) const
{
    return baseline ? baseline->statusOf(results.at(row).target) : QString();
}

ProbeChange ProbeRun::change(int row) const
{
    return baseline ? baseline->changeOf(results.at(row)) : ProbeChange::None;
}

QList<ProbeBaseline::Entry> ProbeRun::removedEntries() const
{
    return baseline ? baseline->entriesNotIn(results) : QList<ProbeBaseline::Entry>();
}

ProbeSummary ProbeRun::summary() const
{
    ProbeSummary s;
    s.endpoints = int(results.size());
    for (int row = 0; row < results.size(); ++row) {
        const ProbeStatus status = results.at(row).status;
        s.byStatus[status] += 1;
        if (status == ProbeStatus::NotTestable)
            ++s.notTestable;
        else
            ++s.tested;
        if (status == ProbeStatus::Ok)
            ++s.ok;
        if (isFailure(status))
            ++s.failed;
        if (status == ProbeStatus::Cancelled)
            ++s.cancelled;
        if (baseline)
            s.byChange[change(row)] += 1;
    }
    s.removed = int(removedEntries().size());
    for (const ProbeEndpoint &e : endpoints()) {
        const ProbeStatus status = e.result.status;
        ++s.distinctEndpoints;
        s.distinctByStatus[status] += 1;
        if (status == ProbeStatus::Ok)
            ++s.distinctOk;
        if (isFailure(status))
            ++s.distinctFailed;
    }
    return s;
}

QList<ProbeEndpoint> ProbeRun::endpoints() const
{
    QList<ProbeEndpoint> out;
    QHash<QString, qsizetype> indexByKey;
    for (int row = 0; row < results.size(); ++row) {
        const ProbeTarget &t = results.at(row).target;
        if (!t.isTestable())
            continue;
        const QString key = t.probeKey();
        const auto it = indexByKey.constFind(key);
        if (it != indexByKey.cend()) {
            ProbeEndpoint &e = out[*it];
            e.rows << row;
            // The shared outcome is the probe's: the row whose stages cover the others'.
            if (!e.result.target.coversStagesOf(t))
                e.result = results.at(row);
            continue;
        }
        indexByKey.insert(key, out.size());
        out << ProbeEndpoint{key, results.at(row), {row}};
    }
    return out;
}

QString ProbeEndpoint::hostPort() const
{
    return result.target.host + u':' + QString::number(result.target.port);
}

QStringList ProbeEndpoint::ruleIds(const QList<ProbeResult> &results) const
{
    QStringList ids;
    for (int row : rows) {
        const QString &id = results.at(row).target.ruleId;
        if (!ids.contains(id))
            ids << id;
    }
    return ids;
}

} // namespace amlfw
