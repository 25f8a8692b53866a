#include "probereportreader.h"

#include "catalog.h"
#include "jsonreader.h"
#include "probeplanner.h"
#include "rulegenerator.h"

#include <QDir>
#include <QFile>
#include <QHash>

namespace amlfw {

namespace {

QDateTime isoTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

qint64 ms(const QJsonValue &value)
{
    return value.isDouble() ? qint64(value.toDouble()) : -1;
}

template<typename Table, typename E>
E idOr(const Table &table, const QJsonValue &value, E fallback)
{
    return table.fromId(value.toString()).value_or(fallback);
}

QString targetKey(const QString &ruleId, const QString &portSpec, const QString &host)
{
    return ruleId + u'|' + portSpec + u'|' + host;
}

CertificateInfo readCertificate(const QJsonObject &o)
{
    CertificateInfo c;
    c.subject = o.value(QStringLiteral("subject")).toString();
    c.issuer = o.value(QStringLiteral("issuer")).toString();
    c.issuerOrganization = o.value(QStringLiteral("issuerOrganization")).toString();
    c.notAfter = isoTime(o.value(QStringLiteral("notAfter")));
    c.sha256 = o.value(QStringLiteral("sha256")).toString();
    return c;
}

// The stages of one result, as ProbeJsonReport::resultToJson writes them; what is missing stays at
// its default.
void readStages(const QJsonObject &o, ProbeResult &r)
{
    for (const QJsonValue &v : o.value(QStringLiteral("addresses")).toArray()) {
        const QJsonObject a = v.toObject();
        ProbeAddress address;
        address.address = QHostAddress(a.value(QStringLiteral("address")).toString());
        address.scope = idOr(addressScopeIds, a.value(QStringLiteral("scope")), AddressScope::Public);
        r.addresses << address;
    }
    for (const QJsonValue &v : o.value(QStringLiteral("cnames")).toArray())
        r.cnames << v.toString();
    const QJsonObject dns = o.value(QStringLiteral("dns")).toObject();
    r.dns = idOr(dnsOutcomeIds, dns.value(QStringLiteral("outcome")), DnsOutcome::NotRun);
    r.addressSource = idOr(addressSourceIds, dns.value(QStringLiteral("source")), AddressSource::None);
    r.dnsError = dns.value(QStringLiteral("error")).toString();

    const QJsonObject tcp = o.value(QStringLiteral("tcp")).toObject();
    for (const QJsonValue &v : tcp.value(QStringLiteral("attempts")).toArray()) {
        const QJsonObject a = v.toObject();
        TcpAttempt attempt;
        attempt.address = QHostAddress(a.value(QStringLiteral("address")).toString());
        attempt.port = a.value(QStringLiteral("port")).toInt();
        attempt.outcome = idOr(connectOutcomeIds, a.value(QStringLiteral("outcome")), ConnectOutcome::NotTried);
        attempt.ms = ms(a.value(QStringLiteral("ms")));
        attempt.error = a.value(QStringLiteral("error")).toString();
        r.tcp << attempt;
    }

    const QJsonObject tls = o.value(QStringLiteral("tls")).toObject();
    if (!tls.isEmpty()) {
        r.tls.outcome = idOr(tlsOutcomeIds, tls.value(QStringLiteral("outcome")), TlsOutcome::NotRun);
        r.tls.sni = tls.value(QStringLiteral("sni")).toString();
        r.tls.protocol = tls.value(QStringLiteral("protocol")).toString();
        r.tls.cipher = tls.value(QStringLiteral("cipher")).toString();
        for (const QJsonValue &v : tls.value(QStringLiteral("chain")).toArray())
            r.tls.chain << readCertificate(v.toObject());
        for (const QJsonValue &v : tls.value(QStringLiteral("errors")).toArray()) {
            r.tls.errors << QSslError::SslError(v.toObject().value(QStringLiteral("code")).toInt());
            r.tls.errorStrings << v.toObject().value(QStringLiteral("text")).toString();
        }
        for (const QJsonValue &v : tls.value(QStringLiteral("expectedIssuers")).toArray())
            r.tls.expectedIssuers << v.toString();
        r.tls.expectedIssuersId = tls.value(QStringLiteral("expectedIssuersId")).toString();
        r.tls.unexpectedIssuer = tls.value(QStringLiteral("unexpectedIssuer")).toBool();
        r.tls.handshakeError = tls.value(QStringLiteral("error")).toString();
    }

    const QJsonObject http = o.value(QStringLiteral("http")).toObject();
    if (!http.isEmpty()) {
        r.http.outcome = idOr(httpOutcomeIds, http.value(QStringLiteral("outcome")), HttpOutcome::NotRun);
        r.http.method = http.value(QStringLiteral("method")).toString();
        r.http.url = http.value(QStringLiteral("url")).toString();
        r.http.status = http.value(QStringLiteral("status")).toInt();
        r.http.reason = http.value(QStringLiteral("reason")).toString();
        r.http.server = http.value(QStringLiteral("server")).toString();
        r.http.fromProxy = http.value(QStringLiteral("fromProxy")).toBool();
        r.http.proxyEvidence = http.value(QStringLiteral("proxyEvidence")).toString();
        r.http.error = http.value(QStringLiteral("error")).toString();
    }

    const QJsonObject path = o.value(QStringLiteral("path")).toObject();
    r.path.mode = idOr(pathModeIds, path.value(QStringLiteral("mode")), PathMode::Direct);
    r.path.source = idOr(proxySourceIds, path.value(QStringLiteral("proxySource")), ProxySource::None);
    r.path.proxy = path.value(QStringLiteral("proxy")).toString();
    r.path.bypassed = path.value(QStringLiteral("bypassed")).toBool();
    r.path.proxyOutcome = idOr(proxyOutcomeIds, path.value(QStringLiteral("proxyOutcome")), ProxyOutcome::NotUsed);
    r.path.proxyStatus = path.value(QStringLiteral("proxyStatus")).toInt();
    for (const QJsonValue &v : path.value(QStringLiteral("proxyAuthSchemes")).toArray())
        r.path.proxyAuthSchemes << v.toString();
    r.path.credentialsSent = path.value(QStringLiteral("credentialsSent")).toBool();
    r.path.unsupportedProxy = path.value(QStringLiteral("unsupportedProxy")).toString();
    const QString connectTo = path.value(QStringLiteral("connectTo")).toString();
    if (const qsizetype colon = connectTo.lastIndexOf(u':'); colon > 0) {
        r.path.connectHost = connectTo.left(colon);
        r.path.connectPort = connectTo.mid(colon + 1).toInt();
    }

    const QJsonObject timings = o.value(QStringLiteral("timings")).toObject();
    r.timings.dnsMs = ms(timings.value(QStringLiteral("dnsMs")));
    r.timings.tcpMs = ms(timings.value(QStringLiteral("tcpMs")));
    r.timings.proxyMs = ms(timings.value(QStringLiteral("proxyMs")));
    r.timings.tlsMs = ms(timings.value(QStringLiteral("tlsMs")));
    r.timings.httpMs = ms(timings.value(QStringLiteral("httpMs")));
    r.timings.totalMs = ms(timings.value(QStringLiteral("totalMs")));
    r.finishedAt = isoTime(o.value(QStringLiteral("finishedAt")));
}

void readOptions(const QJsonObject &o, const QJsonObject &vantage, ProbeOptions &options)
{
    const QJsonObject timeouts = o.value(QStringLiteral("timeoutsMs")).toObject();
    options.timeouts.dnsMs = timeouts.value(QStringLiteral("dns")).toInt(options.timeouts.dnsMs);
    options.timeouts.tcpMs = timeouts.value(QStringLiteral("tcp")).toInt(options.timeouts.tcpMs);
    options.timeouts.tlsMs = timeouts.value(QStringLiteral("tls")).toInt(options.timeouts.tlsMs);
    options.timeouts.httpMs = timeouts.value(QStringLiteral("http")).toInt(options.timeouts.httpMs);
    options.concurrency = o.value(QStringLiteral("concurrency")).toInt(options.concurrency);
    options.caBundlePath = o.value(QStringLiteral("caBundle")).toString();
    const QJsonObject samples = o.value(QStringLiteral("samples")).toObject();
    for (auto it = samples.constBegin(); it != samples.constEnd(); ++it)
        options.samples.insert(it.key(), it.value().toString());
    QString ignored;
    for (const QJsonValue &v : o.value(QStringLiteral("resolve")).toArray()) {
        if (const auto rule = ProbeOptions::parseResolve(v.toString(), &ignored))
            options.resolve << *rule;
    }
    for (const QJsonValue &v : o.value(QStringLiteral("connectTo")).toArray()) {
        if (const auto rule = ProbeOptions::parseConnectTo(v.toString(), &ignored))
            options.connectTo << *rule;
    }
    const QString proxy = vantage.value(QStringLiteral("proxy")).toObject().value(QStringLiteral("setting")).toString();
    if (const auto setting = ProbeOptions::parseProxy(proxy, &ignored))
        options.proxy = *setting;
}

// The scenario as far as the report names it; with a built-in edition, the rule set itself, so that
// rule details (protocol, host templates) the report leaves out come back too.
RuleSet readScenario(const QJsonObject &root)
{
    const QJsonObject catalog = root.value(QStringLiteral("catalog")).toObject();
    const QJsonObject scenario = root.value(QStringLiteral("scenario")).toObject();
    const QString edition = catalog.value(QStringLiteral("edition")).toString();
    Answers answers;
    answers.cloud = scenario.value(QStringLiteral("cloud")).toString();
    answers.region = scenario.value(QStringLiteral("region")).toString();
    answers.storage = scenario.value(QStringLiteral("storage")).toString();
    answers.features.clear();
    for (const QJsonValue &v : scenario.value(QStringLiteral("features")).toArray())
        answers.features << v.toString();
    answers.udr = udrMethodFromId(scenario.value(QStringLiteral("udr")).toString()).value_or(answers.udr);
    answers.edition = edition;
    RuleSet set;
    if (Catalog::builtInEditions().contains(edition)) {
        set = RuleGenerator::generate(Catalog::builtIn(edition), answers);
    } else {
        set.catalog.edition = edition;
        set.catalog.sourceDate = catalog.value(QStringLiteral("date")).toString();
    }
    set.answers = answers;
    if (scenario.contains(QStringLiteral("effectiveFeatures"))) {
        set.effectiveFeatures.clear();
        for (const QJsonValue &v : scenario.value(QStringLiteral("effectiveFeatures")).toArray())
            set.effectiveFeatures << v.toString();
    }
    return set;
}

} // namespace

std::optional<ProbeRun> ProbeReportReader::read(const QByteArray &json, const QString &origin, QString *error)
{
    const QString file = QDir::toNativeSeparators(origin);
    const TranslatableText notAReport
        = TranslatableText("amlfw::ProbeReportReader",
                           QT_TRANSLATE_NOOP("amlfw::ProbeReportReader",
                                             "\"%1\" is not a JSON report of \"amlfw check\" (amlfw check --format "
                                             "json --output FILE)."))
              .arg(file);
    const auto fail = [&](const QString &message) -> std::optional<ProbeRun> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    Problems problems;
    JsonReader r(file, &problems);
    const auto root = r.parseObject(json, notAReport);
    if (!root) {
        // Not JSON at all, or cut off: say which file, and where the reading stopped.
        if (problems.isEmpty() || problems.first().message() == notAReport.toString())
            return fail(notAReport.toString());
        return fail(tr("\"%1\" cannot be read as a JSON report: %2").arg(file, problems.first().message()));
    }
    if (root->value(QStringLiteral("report")).toString() != u"check"
        || !root->value(QStringLiteral("results")).isArray())
        return fail(notAReport.toString());

    ProbeRun run;
    run.set = readScenario(*root);
    const QJsonObject vantage = root->value(QStringLiteral("vantage")).toObject();
    readOptions(root->value(QStringLiteral("options")).toObject(), vantage, run.options);

    ProbeVantage &v = run.vantage;
    v.hostName = vantage.value(QStringLiteral("hostName")).toString();
    v.os = vantage.value(QStringLiteral("os")).toString();
    v.kernel = vantage.value(QStringLiteral("kernel")).toString();
    v.tlsLibrary = vantage.value(QStringLiteral("tlsLibrary")).toString();
    v.qtVersion = vantage.value(QStringLiteral("qt")).toString();
    v.amlfwVersion = root->value(QStringLiteral("amlfw")).toString();
    const QJsonObject proxy = vantage.value(QStringLiteral("proxy")).toObject();
    v.proxySetting = proxy.value(QStringLiteral("setting")).toString();
    for (const QJsonValue &used : proxy.value(QStringLiteral("used")).toArray())
        v.proxyUsed << used.toString();
    v.startedAt = isoTime(vantage.value(QStringLiteral("startedAt")));
    v.finishedAt = isoTime(vantage.value(QStringLiteral("finishedAt")));

    // The planner's targets for the same scenario and samples carry what the report leaves out.
    QHash<QString, ProbeTarget> planned;
    if (run.set.isValid()) {
        for (const ProbeTarget &t : ProbePlanner::plan(run.set, run.options))
            planned.insert(targetKey(t.ruleId, t.portSpec, t.host), t);
    }

    std::optional<ProbeBaseline> baseline;
    const QJsonObject baselineObject = root->value(QStringLiteral("baseline")).toObject();
    if (!baselineObject.isEmpty()) {
        baseline.emplace();
        baseline->origin = baselineObject.value(QStringLiteral("file")).toString();
        baseline->hostName = baselineObject.value(QStringLiteral("hostName")).toString();
        baseline->startedAt = isoTime(baselineObject.value(QStringLiteral("startedAt")));
    }

    r.forEachObject(
        root->value(QStringLiteral("results")).toArray(), QStringLiteral("results"),
        [&](const QJsonObject &o, const QString &path, int) {
            ProbeResult result;
            const QString ruleId = r.string(o, QStringLiteral("ruleId"), path);
            const QString portSpec = o.value(QStringLiteral("portSpec")).toString();
            const QString host = o.value(QStringLiteral("host")).toString();
            ProbeTarget &t = result.target;
            t = planned.value(targetKey(ruleId, portSpec, host));
            t.ruleId = ruleId;
            t.destination = o.value(QStringLiteral("destination")).toString();
            t.host = host;
            t.hostSource = idOr(hostSourceIds, o.value(QStringLiteral("hostSource")), t.hostSource);
            t.port = o.value(QStringLiteral("port")).toInt();
            t.portSpec = portSpec;
            t.direction = idOr(directionIds, o.value(QStringLiteral("direction")), t.direction);
            t.firewallType = idOr(firewallRuleTypeIds, o.value(QStringLiteral("firewallType")), t.firewallType);
            t.notTestable = NotTestableReason::None;
            const QString reason = o.value(QStringLiteral("notTestable")).toString();
            if (!reason.isEmpty())
                t.notTestable = notTestableReasonIds.fromId(reason).value_or(NotTestableReason::Route);
            const QJsonArray stages = o.value(QStringLiteral("stages")).toArray();
            t.tls = stages.contains(QStringLiteral("tls"));
            t.http = stages.contains(QStringLiteral("http"));

            const QString status = r.string(o, QStringLiteral("status"), path);
            if (const auto s = probeStatusFromId(status))
                result.status = *s;
            else if (!status.isEmpty())
                r.error(JsonReader::join(path, QStringLiteral("status")),
                        TranslatableText("amlfw::ProbeReportReader",
                                         QT_TRANSLATE_NOOP("amlfw::ProbeReportReader", "unknown status \"%1\""))
                            .arg(status));
            if (t.isTestable())
                readStages(o, result);
            if (baseline) {
                const QJsonValue before
                    = o.value(QStringLiteral("baseline")).toObject().value(QStringLiteral("status"));
                if (before.isString())
                    baseline->entries << ProbeBaseline::Entry{t.ruleId, t.destination, t.host, portSpec,
                                                              before.toString()};
            }
            run.results << result;
        });
    if (r.hasErrors())
        return fail(problems.first().toString()); // names the file, the result and the field
    if (baseline) {
        for (const QJsonValue &value : baselineObject.value(QStringLiteral("removed")).toArray()) {
            const QJsonObject e = value.toObject();
            baseline->entries << ProbeBaseline::Entry{e.value(QStringLiteral("ruleId")).toString(),
                                                      e.value(QStringLiteral("destination")).toString(), QString(),
                                                      e.value(QStringLiteral("portSpec")).toString(),
                                                      e.value(QStringLiteral("status")).toString()};
        }
        run.baseline = baseline;
    }
    return run;
}

std::optional<ProbeRun> ProbeReportReader::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the report \"%1\": %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    return read(file.read(64 * 1024 * 1024), path, error);
}

} // namespace amlfw
