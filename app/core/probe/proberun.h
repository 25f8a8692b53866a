#pragma once

#include "probeoptions.h"
#include "proberesult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <optional>

namespace amlfw {

// Where a test ran from: the evidence that says whose network the results describe.
struct ProbeVantage
{
    QString hostName;
    QString os;
    QString kernel;
    QString tlsLibrary;
    QString qtVersion;
    QString amlfwVersion;
    QString proxySetting;  // "none", "system", "http://proxy:3128"
    QStringList proxyUsed; // the paths taken: "direct", "http://10.0.0.1:3128"
    QDateTime startedAt;
    QDateTime finishedAt;
    bool demo = false; // on the demo network (simulated), not this machine's real network

    // This machine; proxyUsed from the results.
    static ProbeVantage current(const ProbeOptions &options, const QList<ProbeResult> &results,
                                const QDateTime &startedAt, const QDateTime &finishedAt);
};

enum class ProbeChange {
    None,      // no baseline
    New,       // not in the baseline
    Unchanged, // same status
    Fixed,     // failed before, OK now
    Broken,    // OK before, failing now
    Changed,   // another status
};
QString probeChangeId(ProbeChange change); // "", "new", "unchanged", "fixed", "broken", "changed"
// How a row's status now compares with its status in the baseline (a status id; empty: not in it).
ProbeChange probeChange(const QString &baselineStatus, ProbeStatus now);

// A previous run, read back from its JSON report, to compare against.
struct ProbeBaseline
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbeBaseline)

public:
    struct Entry
    {
        QString ruleId;
        QString destination;
        QString host;
        QString port; // as the rule writes it
        QString status;
    };
    QString origin;
    QString hostName;
    QDateTime startedAt;
    QList<Entry> entries;
    bool demo = false; // a run on the demo network

    // The scenario the earlier run tested, as its report names it (empty when the report does not).
    struct Scenario
    {
        QString edition;
        QString cloud;
        QString region;
        QString storage;
        QStringList features;
    };
    Scenario scenario;
    // What differs from `set`'s scenario, one translated line each ("region: westeurope, now
    // japaneast"); empty when the same. Compared before a comparison so that it is never silent.
    QStringList scenarioDifferences(const RuleSet &set) const;

    static QString key(const QString &ruleId, const QString &port) { return ruleId + u'|' + port; }
    // The one comparison with an earlier run, for the CLI, the reports and the wizard: a target is the
    // same endpoint when rule id and ports match.
    QString statusOf(const ProbeTarget &target) const; // its status id then; empty: not tested then
    ProbeChange changeOf(const ProbeResult &result) const;
    QList<Entry> entriesNotIn(const QList<ProbeResult> &results) const; // no longer tested
    static std::optional<ProbeBaseline> fromJson(const QByteArray &json, const QString &origin, QString *error);
    static std::optional<ProbeBaseline> fromFile(const QString &path, QString *error);
};

struct ProbeSummary
{
    int endpoints = 0;
    int tested = 0;
    int ok = 0;
    int failed = 0;
    int notTestable = 0;
    int cancelled = 0;
    QMap<ProbeStatus, int> byStatus;
    QMap<ProbeChange, int> byChange;
    int removed = 0; // in the baseline, not in this run

    // The distinct endpoints tested (ProbeRun::endpoints()): each counted once, however many rules
    // point at it. The row counts above stay per rule and port (the JSON's results[]).
    int distinctEndpoints = 0;
    int distinctOk = 0;
    int distinctFailed = 0;
    QMap<ProbeStatus, int> distinctByStatus;
};

// One endpoint tested once (the same ProbeTarget::probeKey(): host, port, route, path) and every
// row of the run that points at it: the rules, destinations and port specs it stands for.
struct ProbeEndpoint
{
    QString key;          // ProbeTarget::probeKey()
    ProbeResult result;   // the shared outcome: the result of the row whose stages cover the others'
    QList<int> rows;      // indexes into ProbeRun::results, in row order

    QString hostPort() const; // "host:port"
    QStringList ruleIds(const QList<ProbeResult> &results) const; // each once, in row order
};

// One test run: scenario, vantage point, options, results, and the baseline to compare with.
struct ProbeRun
{
    RuleSet set;
    ProbeOptions options;
    ProbeVantage vantage;
    QList<ProbeResult> results;
    std::optional<ProbeBaseline> baseline;

    bool demo() const { return vantage.demo; }
    ProbeChange change(int row) const;
    QString baselineStatus(int row) const; // empty when none
    QList<ProbeBaseline::Entry> removedEntries() const;
    ProbeSummary summary() const;
    // The distinct tested endpoints, in the order of their first row; rows not testable have none.
    QList<ProbeEndpoint> endpoints() const;
};

} // namespace amlfw
