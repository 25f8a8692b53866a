#include "probejsonreport.h"

#include "orderedjson.h"
#include "probeadvice.h"
#include "probetexts.h"
#include "rulelabels.h"

#include <QJsonArray>

namespace amlfw {

namespace {

// --proxy pac:...: the script's answer, the entries that failed before the one used, and why the
// script gave none.
void writePacPath(const ProbePath &p, QJsonObject *path)
{
    path->insert(QStringLiteral("pacAnswer"), p.pacAnswer.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(p.pacAnswer));
    QJsonArray failed;
    for (const ProbePath::Tried &t : p.proxiesFailed)
        failed.append(QJsonObject{{QStringLiteral("proxy"), t.proxy}, {QStringLiteral("outcome"), proxyOutcomeId(t.outcome)}});
    path->insert(QStringLiteral("proxiesFailed"), failed);
    if (!p.pacError.isEmpty())
        path->insert(QStringLiteral("pacError"), p.pacError);
}

QJsonValue ms(qint64 value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject certificateToJson(const CertificateInfo &c)
{
    return {{QStringLiteral("subject"), c.subject},
            {QStringLiteral("issuer"), c.issuer},
            {QStringLiteral("issuerOrganization"), c.issuerOrganization},
            {QStringLiteral("notAfter"), isoTime(c.notAfter)},
            {QStringLiteral("sha256"), c.sha256}};
}

QJsonArray stagesOf(const ProbeTarget &t)
{
    QJsonArray stages;
    if (t.isTestable()) {
        stages << QStringLiteral("dns") << QStringLiteral("tcp");
        if (t.tls)
            stages << QStringLiteral("tls");
        if (t.http)
            stages << QStringLiteral("http");
    }
    return stages;
}

QJsonObject ruleRef(const ProbeResult &r, int row)
{
    return {{QStringLiteral("ruleId"), r.target.ruleId},
            {QStringLiteral("destination"), r.target.destination},
            {QStringLiteral("portSpec"), ProbeTexts::ports(r.target)},
            {QStringLiteral("result"), row}};
}

} // namespace

// One entry per distinct endpoint tested: its shared outcome and every rule (row of results[]) that
// points at it.
QJsonArray ProbeJsonReport::endpointsToJson(const ProbeRun &run, const QList<ProbeEndpoint> &endpoints,
                                            const QList<int> &askFor)
{
    QJsonArray out;
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        const ProbeEndpoint &e = endpoints.at(i);
        const ProbeResult &r = e.result;
        QJsonArray rules;
        for (int row : e.rows)
            rules << ruleRef(run.results.at(row), row);
        QJsonArray addresses;
        for (const ProbeAddress &a : r.addresses)
            addresses << a.address.toString();
        QJsonObject o{{QStringLiteral("host"), r.target.host},
                      {QStringLiteral("port"), r.target.port},
                      {QStringLiteral("stages"), stagesOf(r.target)},
                      {QStringLiteral("status"), probeStatusId(r.status)},
                      {QStringLiteral("statusLabel"), ProbeTexts::statusLabel(r.status)},
                      {QStringLiteral("explanation"), ProbeTexts::explanation(r)},
                      {QStringLiteral("detail"), ProbeTexts::detail(r)},
                      {QStringLiteral("addresses"), addresses},
                      {QStringLiteral("totalMs"), ms(r.timings.totalMs)},
                      {QStringLiteral("askFor"), askFor.value(i, -1) < 0 ? QJsonValue(QJsonValue::Null)
                                                                          : QJsonValue(askFor.value(i))},
                      {QStringLiteral("rules"), rules}};
        if (r.target.http)
            o.insert(QStringLiteral("path"), r.target.path);
        out << o;
    }
    return out;
}

// "What to ask for", one entry per distinct request, naming the endpoints and rules it covers.
QJsonArray ProbeJsonReport::askForToJson(const ProbeRun &run, const QList<ProbeEndpoint> &endpoints,
                                         const QList<ProbeAdviceGroup> &groups)
{
    QJsonArray out;
    for (const ProbeAdviceGroup &g : groups) {
        QJsonArray statuses;
        for (ProbeStatus status : g.statuses)
            statuses << probeStatusId(status);
        QJsonArray endpointIndexes;
        QJsonArray hosts;
        for (int e : g.endpoints) {
            endpointIndexes << e;
            const QString hostPort = endpoints.at(e).hostPort();
            if (!hosts.contains(hostPort))
                hosts << hostPort;
        }
        QJsonArray rules;
        for (int row : g.rows)
            rules << ruleRef(run.results.at(row), row);
        out << QJsonObject{{QStringLiteral("kind"), g.kind},
                           {QStringLiteral("text"), g.text},
                           {QStringLiteral("statuses"), statuses},
                           {QStringLiteral("hosts"), hosts},
                           {QStringLiteral("endpoints"), endpointIndexes},
                           {QStringLiteral("rules"), rules}};
    }
    return out;
}

const QStringList &ProbeJsonReport::keyOrder()
{
    static const QStringList keys{
        QStringLiteral("amlfw"),       QStringLiteral("report"),      QStringLiteral("format"),
        QStringLiteral("language"),    QStringLiteral("catalog"),     QStringLiteral("scenario"),
        QStringLiteral("vantage"),     QStringLiteral("options"),     QStringLiteral("summary"),
        QStringLiteral("askFor"),      QStringLiteral("baseline"),    QStringLiteral("endpoints"),
        QStringLiteral("results"),     QStringLiteral("ruleId"),
        QStringLiteral("destination"), QStringLiteral("host"),        QStringLiteral("hostSource"),
        QStringLiteral("address"),     QStringLiteral("port"),        QStringLiteral("portSpec"),
        QStringLiteral("status"),      QStringLiteral("statusLabel"), QStringLiteral("explanation"),
        QStringLiteral("action"),      QStringLiteral("detail"),      QStringLiteral("notes"),
        QStringLiteral("addresses"),   QStringLiteral("cnames"),      QStringLiteral("dns"),
        QStringLiteral("tcp"),         QStringLiteral("tls"),         QStringLiteral("http"),
        QStringLiteral("path"),        QStringLiteral("timings"),     QStringLiteral("family"),
        QStringLiteral("scope"),       QStringLiteral("private"),     QStringLiteral("outcome"),
    };
    return keys;
}

QJsonObject ProbeJsonReport::resultToJson(const ProbeResult &r)
{
    const ProbeTarget &t = r.target;
    QJsonObject o;
    o.insert(QStringLiteral("ruleId"), t.ruleId);
    o.insert(QStringLiteral("destination"), t.destination);
    o.insert(QStringLiteral("host"), t.host.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t.host));
    o.insert(QStringLiteral("hostSource"), hostSourceId(t.hostSource));
    o.insert(QStringLiteral("port"), t.port > 0 ? QJsonValue(t.port) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("portSpec"), ProbeTexts::ports(t));
    o.insert(QStringLiteral("direction"), directionId(t.direction));
    o.insert(QStringLiteral("firewallType"), firewallRuleTypeId(t.firewallType));
    o.insert(QStringLiteral("stages"), stagesOf(t));
    o.insert(QStringLiteral("status"), probeStatusId(r.status));
    o.insert(QStringLiteral("statusLabel"), ProbeTexts::statusLabel(r.status));
    o.insert(QStringLiteral("explanation"), ProbeTexts::explanation(r));
    o.insert(QStringLiteral("action"), ProbeTexts::action(r));
    o.insert(QStringLiteral("detail"), ProbeTexts::detail(r));
    o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(ProbeTexts::notes(r)));
    if (!t.isTestable()) {
        o.insert(QStringLiteral("notTestable"), notTestableReasonId(t.notTestable));
        return o;
    }

    QJsonArray addresses;
    for (const ProbeAddress &a : r.addresses)
        addresses << QJsonObject{{QStringLiteral("address"), a.address.toString()},
                                 {QStringLiteral("family"), addressFamilyId(a.address)},
                                 {QStringLiteral("scope"), addressScopeId(a.scope)},
                                 {QStringLiteral("private"), a.scope == AddressScope::Private}};
    o.insert(QStringLiteral("addresses"), addresses);
    o.insert(QStringLiteral("cnames"), QJsonArray::fromStringList(r.cnames));
    QJsonObject dns{{QStringLiteral("outcome"), dnsOutcomeId(r.dns)},
                    {QStringLiteral("source"), addressSourceId(r.addressSource)}};
    if (!r.dnsError.isEmpty())
        dns.insert(QStringLiteral("error"), r.dnsError);
    o.insert(QStringLiteral("dns"), dns);

    QJsonArray attempts;
    QJsonObject families;
    for (const TcpAttempt &a : r.tcp) {
        QJsonObject attempt{
            {QStringLiteral("address"), a.address.toString()},
            {QStringLiteral("port"), a.port},
            {QStringLiteral("family"), addressFamilyId(a.address)},
            {QStringLiteral("outcome"), connectOutcomeId(a.outcome)},
            {QStringLiteral("ms"), a.outcome == ConnectOutcome::NotTried ? QJsonValue(QJsonValue::Null) : ms(a.ms)}};
        if (!a.error.isEmpty())
            attempt.insert(QStringLiteral("error"), a.error);
        attempts << attempt;
        const QString family = addressFamilyId(a.address);
        if (!families.contains(family))
            families.insert(family, connectOutcomeId(r.familyOutcome(a.address.protocol())));
    }
    o.insert(QStringLiteral("tcp"),
             QJsonObject{{QStringLiteral("to"),
                          r.path.mode == PathMode::HttpProxy ? QStringLiteral("proxy") : QStringLiteral("destination")},
                         {QStringLiteral("attempts"), attempts},
                         {QStringLiteral("families"), families}});

    if (t.tls) {
        const TlsInfo &tls = r.tls;
        QJsonArray chain;
        for (const CertificateInfo &c : tls.chain)
            chain << certificateToJson(c);
        QJsonArray errors;
        for (qsizetype i = 0; i < tls.errors.size(); ++i)
            errors << QJsonObject{{QStringLiteral("code"), int(tls.errors.at(i))},
                                  {QStringLiteral("text"), tls.errorStrings.value(i)}};
        QJsonObject tlsObject{{QStringLiteral("outcome"), tlsOutcomeId(tls.outcome)},
                              {QStringLiteral("sni"), tls.sni},
                              {QStringLiteral("protocol"), tls.protocol},
                              {QStringLiteral("cipher"), tls.cipher},
                              {QStringLiteral("verified"), tls.outcome == TlsOutcome::Ok},
                              {QStringLiteral("subject"), tls.chain.isEmpty() ? QString() : tls.chain.first().subject},
                              {QStringLiteral("issuer"), tls.chain.isEmpty() ? QString() : tls.chain.first().issuer},
                              {QStringLiteral("issuerOrganization"),
                               tls.chain.isEmpty() ? QString() : tls.chain.first().issuerOrganization},
                              {QStringLiteral("chain"), chain},
                              {QStringLiteral("errors"), errors},
                              {QStringLiteral("expectedIssuers"), QJsonArray::fromStringList(tls.expectedIssuers)},
                              {QStringLiteral("expectedIssuersId"), tls.expectedIssuersId},
                              {QStringLiteral("unexpectedIssuer"), tls.unexpectedIssuer}};
        if (!tls.handshakeError.isEmpty())
            tlsObject.insert(QStringLiteral("error"), tls.handshakeError);
        o.insert(QStringLiteral("tls"), tlsObject);
    } else {
        o.insert(QStringLiteral("tls"), QJsonValue(QJsonValue::Null));
    }

    if (t.http) {
        const HttpInfo &h = r.http;
        QJsonObject http{{QStringLiteral("outcome"), httpOutcomeId(h.outcome)},
                         {QStringLiteral("method"), h.method},
                         {QStringLiteral("url"), h.url},
                         {QStringLiteral("status"), h.status > 0 ? QJsonValue(h.status) : QJsonValue(QJsonValue::Null)},
                         {QStringLiteral("reason"), h.reason},
                         {QStringLiteral("server"), h.server},
                         {QStringLiteral("fromProxy"), h.fromProxy}};
        if (!h.proxyEvidence.isEmpty())
            http.insert(QStringLiteral("proxyEvidence"), h.proxyEvidence);
        if (!h.error.isEmpty())
            http.insert(QStringLiteral("error"), h.error);
        o.insert(QStringLiteral("http"), http);
    } else {
        o.insert(QStringLiteral("http"), QJsonValue(QJsonValue::Null));
    }

    const ProbePath &p = r.path;
    QJsonObject path{{QStringLiteral("mode"), pathModeId(p.mode)},
                     {QStringLiteral("proxySource"), proxySourceId(p.source)},
                     {QStringLiteral("proxy"), p.proxy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(p.proxy)},
                     {QStringLiteral("bypassed"), p.bypassed},
                     {QStringLiteral("proxyOutcome"), proxyOutcomeId(p.proxyOutcome)},
                     {QStringLiteral("description"), ProbeTexts::path(r)}};
    if (p.proxyStatus > 0)
        path.insert(QStringLiteral("proxyStatus"), p.proxyStatus);
    if (!p.proxyAuthSchemes.isEmpty())
        path.insert(QStringLiteral("proxyAuthSchemes"), QJsonArray::fromStringList(p.proxyAuthSchemes));
    if (p.credentialsSent)
        path.insert(QStringLiteral("credentialsSent"), true);
    if (!p.proxyAuthScheme.isEmpty())
        path.insert(QStringLiteral("proxyAuthScheme"), p.proxyAuthScheme);
    if (!p.proxyAuthFailure.isEmpty())
        path.insert(QStringLiteral("proxyAuthFailure"), p.proxyAuthFailure);
    if (!p.unsupportedProxy.isEmpty())
        path.insert(QStringLiteral("unsupportedProxy"), p.unsupportedProxy);
    if (p.source == ProxySource::Pac)
        writePacPath(p, &path);
    if (!p.connectHost.isEmpty())
        path.insert(QStringLiteral("connectTo"), QString(p.connectHost + u':' + QString::number(p.connectPort)));
    o.insert(QStringLiteral("path"), path);

    o.insert(QStringLiteral("timings"), QJsonObject{{QStringLiteral("dnsMs"), ms(r.timings.dnsMs)},
                                                    {QStringLiteral("tcpMs"), ms(r.timings.tcpMs)},
                                                    {QStringLiteral("proxyMs"), ms(r.timings.proxyMs)},
                                                    {QStringLiteral("tlsMs"), ms(r.timings.tlsMs)},
                                                    {QStringLiteral("httpMs"), ms(r.timings.httpMs)},
                                                    {QStringLiteral("totalMs"), ms(r.timings.totalMs)}});
    if (r.finishedAt.isValid())
        o.insert(QStringLiteral("finishedAt"), isoTime(r.finishedAt));
    return o;
}

QJsonObject ProbeJsonReport::toJson(const ProbeRun &run, Language language)
{
    const RuleSet &set = run.set;
    QJsonObject root;
    root.insert(QStringLiteral("amlfw"), QStringLiteral(AMLFW_VERSION));
    root.insert(QStringLiteral("report"), QStringLiteral("check"));
    root.insert(QStringLiteral("format"), FormatVersion);
    root.insert(QStringLiteral("language"), languageCode(language));
    root.insert(QStringLiteral("catalog"), QJsonObject{{QStringLiteral("edition"), set.catalog.edition},
                                                       {QStringLiteral("date"), set.catalog.sourceDate}});
    root.insert(QStringLiteral("scenario"),
                QJsonObject{{QStringLiteral("cloud"), set.answers.cloud},
                            {QStringLiteral("cloudName"), RuleLabels::cloudName(set, language)},
                            {QStringLiteral("region"), set.answers.region},
                            {QStringLiteral("regionName"), RuleLabels::regionName(set, language)},
                            {QStringLiteral("storage"), set.answers.storage},
                            {QStringLiteral("features"), QJsonArray::fromStringList(set.answers.features)},
                            {QStringLiteral("effectiveFeatures"), QJsonArray::fromStringList(set.effectiveFeatures)},
                            {QStringLiteral("udr"), udrMethodId(set.answers.udr)}});

    const ProbeVantage &v = run.vantage;
    qint64 duration = -1;
    if (v.startedAt.isValid() && v.finishedAt.isValid())
        duration = v.startedAt.msecsTo(v.finishedAt);
    root.insert(QStringLiteral("vantage"),
                QJsonObject{{QStringLiteral("hostName"), v.hostName},
                            {QStringLiteral("os"), v.os},
                            {QStringLiteral("kernel"), v.kernel},
                            {QStringLiteral("tlsLibrary"), v.tlsLibrary},
                            {QStringLiteral("qt"), v.qtVersion},
                            {QStringLiteral("proxy"),
                             QJsonObject{{QStringLiteral("setting"), v.proxySetting},
                                         {QStringLiteral("used"), QJsonArray::fromStringList(v.proxyUsed)}}},
                            {QStringLiteral("startedAt"), isoTime(v.startedAt)},
                            {QStringLiteral("finishedAt"), isoTime(v.finishedAt)},
                            {QStringLiteral("durationMs"), ms(duration)}});
    if (run.demo()) { // the demo network: simulated, never to be taken for a real run
        root.insert(QStringLiteral("demo"), true);
        QJsonObject vantage = root.value(QStringLiteral("vantage")).toObject();
        vantage.insert(QStringLiteral("network"), QStringLiteral("demo (simulated on 127.0.0.1)"));
        root.insert(QStringLiteral("vantage"), vantage);
    }

    const ProbeOptions &opt = run.options;
    QJsonObject samples;
    for (auto it = opt.samples.cbegin(); it != opt.samples.cend(); ++it)
        samples.insert(it.key(), it.value());
    QJsonArray resolve;
    for (const ResolveRule &r : opt.resolve)
        resolve << r.text;
    QJsonArray connectTo;
    for (const ConnectToRule &c : opt.connectTo)
        connectTo << c.text;
    root.insert(QStringLiteral("options"),
                QJsonObject{{QStringLiteral("timeoutsMs"), QJsonObject{{QStringLiteral("dns"), opt.timeouts.dnsMs},
                                                                       {QStringLiteral("tcp"), opt.timeouts.tcpMs},
                                                                       {QStringLiteral("tls"), opt.timeouts.tlsMs},
                                                                       {QStringLiteral("http"), opt.timeouts.httpMs}}},
                            {QStringLiteral("concurrency"), opt.concurrency},
                            {QStringLiteral("caBundle"), opt.caBundlePath},
                            {QStringLiteral("samples"), samples},
                            {QStringLiteral("resolve"), resolve},
                            {QStringLiteral("connectTo"), connectTo}});

    const ProbeSummary s = run.summary();
    QJsonObject byStatus;
    for (auto it = s.byStatus.cbegin(); it != s.byStatus.cend(); ++it)
        byStatus.insert(probeStatusId(it.key()), it.value());
    QJsonObject summary{{QStringLiteral("endpoints"), s.endpoints},
                        {QStringLiteral("tested"), s.tested},
                        {QStringLiteral("ok"), s.ok},
                        {QStringLiteral("failed"), s.failed},
                        {QStringLiteral("notTestable"), s.notTestable},
                        {QStringLiteral("cancelled"), s.cancelled},
                        {QStringLiteral("byStatus"), byStatus}};
    if (run.baseline) {
        QJsonObject changes;
        for (auto it = s.byChange.cbegin(); it != s.byChange.cend(); ++it)
            changes.insert(probeChangeId(it.key()), it.value());
        changes.insert(QStringLiteral("removed"), s.removed);
        summary.insert(QStringLiteral("changes"), changes);
    }
    const QList<ProbeEndpoint> endpoints = run.endpoints();
    QJsonObject distinctByStatus;
    for (auto it = s.distinctByStatus.cbegin(); it != s.distinctByStatus.cend(); ++it)
        distinctByStatus.insert(probeStatusId(it.key()), it.value());
    summary.insert(QStringLiteral("distinct"), QJsonObject{{QStringLiteral("endpoints"), s.distinctEndpoints},
                                                           {QStringLiteral("ok"), s.distinctOk},
                                                           {QStringLiteral("failed"), s.distinctFailed},
                                                           {QStringLiteral("byStatus"), distinctByStatus}});
    root.insert(QStringLiteral("summary"), summary);
    const QList<ProbeAdviceGroup> groups = ProbeAdvice::group(run, endpoints);
    root.insert(QStringLiteral("askFor"), askForToJson(run, endpoints, groups));
    root.insert(QStringLiteral("endpoints"),
                endpointsToJson(run, endpoints, ProbeAdvice::groupOfEndpoints(groups, endpoints.size())));

    if (run.baseline) {
        QJsonArray removed;
        for (const ProbeBaseline::Entry &e : run.removedEntries())
            removed << QJsonObject{{QStringLiteral("ruleId"), e.ruleId},
                                   {QStringLiteral("destination"), e.destination},
                                   {QStringLiteral("portSpec"), e.port},
                                   {QStringLiteral("status"), e.status}};
        root.insert(QStringLiteral("baseline"),
                    QJsonObject{{QStringLiteral("file"), run.baseline->origin},
                                {QStringLiteral("hostName"), run.baseline->hostName},
                                {QStringLiteral("startedAt"), isoTime(run.baseline->startedAt)},
                                {QStringLiteral("removed"), removed}});
    }

    QJsonArray results;
    for (int row = 0; row < run.results.size(); ++row) {
        QJsonObject o = resultToJson(run.results.at(row));
        if (run.baseline) {
            const QString before = run.baselineStatus(row);
            o.insert(QStringLiteral("baseline"),
                     QJsonObject{{QStringLiteral("status"),
                                  before.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(before)},
                                 {QStringLiteral("change"), probeChangeId(run.change(row))}});
        }
        results << o;
    }
    root.insert(QStringLiteral("results"), results);
    return root;
}

QByteArray ProbeJsonReport::write(const ProbeRun &run, Language language)
{
    return writeOrderedJson(toJson(run, language), keyOrder());
}

} // namespace amlfw
