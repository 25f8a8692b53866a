#include "probereport.h"

#include "csvexporter.h"
#include "orderedjson.h"
#include "probetexts.h"
#include "rulelabels.h"
#include "textreport.h"

#include <QJsonArray>
#include <QLocale>

namespace amlfw {

namespace {

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

QStringList featureNames(const RuleSet &set, const QStringList &ids, Language language)
{
    QStringList names;
    for (const QString &id : ids) {
        const Feature *f = set.catalog.feature(id);
        names << (f ? f->name.text(language) : id);
    }
    return names;
}

// Key order of the JSON report: the important fields first, the rest alphabetical.
const QStringList &jsonKeyOrder()
{
    static const QStringList keys{
        QStringLiteral("amlfw"),       QStringLiteral("report"),     QStringLiteral("format"),
        QStringLiteral("language"),    QStringLiteral("catalog"),    QStringLiteral("scenario"),
        QStringLiteral("vantage"),     QStringLiteral("options"),    QStringLiteral("summary"),
        QStringLiteral("baseline"),    QStringLiteral("results"),    QStringLiteral("ruleId"),
        QStringLiteral("destination"), QStringLiteral("host"),       QStringLiteral("hostSource"),
        QStringLiteral("address"),     QStringLiteral("port"),       QStringLiteral("portSpec"),
        QStringLiteral("status"),
        QStringLiteral("statusLabel"), QStringLiteral("explanation"), QStringLiteral("action"),
        QStringLiteral("detail"),      QStringLiteral("notes"),      QStringLiteral("addresses"),
        QStringLiteral("cnames"),      QStringLiteral("dns"),        QStringLiteral("tcp"),
        QStringLiteral("tls"),         QStringLiteral("http"),       QStringLiteral("path"),
        QStringLiteral("timings"),     QStringLiteral("address"),    QStringLiteral("family"),
        QStringLiteral("scope"),       QStringLiteral("private"),    QStringLiteral("outcome"),
    };
    return keys;
}

QString statusClass(ProbeStatus status)
{
    switch (status) {
    case ProbeStatus::Ok:
        return QStringLiteral("ok");
    case ProbeStatus::NotTestable:
        return QStringLiteral("nt");
    case ProbeStatus::TlsInspected:
    case ProbeStatus::Cancelled:
        return QStringLiteral("warn");
    default:
        return isFailure(status) ? QStringLiteral("fail") : QStringLiteral("nt");
    }
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QJsonObject ProbeReport::resultToJson(const ProbeResult &r)
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
    QJsonArray stages;
    if (t.isTestable()) {
        stages << QStringLiteral("dns") << QStringLiteral("tcp");
        if (t.tls)
            stages << QStringLiteral("tls");
        if (t.http)
            stages << QStringLiteral("http");
    }
    o.insert(QStringLiteral("stages"), stages);
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
        QJsonObject attempt{{QStringLiteral("address"), a.address.toString()},
                            {QStringLiteral("port"), a.port},
                            {QStringLiteral("family"), addressFamilyId(a.address)},
                            {QStringLiteral("outcome"), connectOutcomeId(a.outcome)},
                            {QStringLiteral("ms"), a.outcome == ConnectOutcome::NotTried ? QJsonValue(QJsonValue::Null)
                                                                                          : ms(a.ms)}};
        if (!a.error.isEmpty())
            attempt.insert(QStringLiteral("error"), a.error);
        attempts << attempt;
        const QString family = addressFamilyId(a.address);
        if (!families.contains(family))
            families.insert(family, connectOutcomeId(r.familyOutcome(a.address.protocol())));
    }
    o.insert(QStringLiteral("tcp"), QJsonObject{{QStringLiteral("to"), r.path.mode == PathMode::HttpProxy
                                                                          ? QStringLiteral("proxy")
                                                                          : QStringLiteral("destination")},
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
    if (!p.unsupportedProxy.isEmpty())
        path.insert(QStringLiteral("unsupportedProxy"), p.unsupportedProxy);
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

QJsonObject ProbeReport::toJson(const ProbeRun &run, Language language)
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
                            {QStringLiteral("proxy"), QJsonObject{{QStringLiteral("setting"), v.proxySetting},
                                                                  {QStringLiteral("used"),
                                                                   QJsonArray::fromStringList(v.proxyUsed)}}},
                            {QStringLiteral("startedAt"), isoTime(v.startedAt)},
                            {QStringLiteral("finishedAt"), isoTime(v.finishedAt)},
                            {QStringLiteral("durationMs"), ms(duration)}});

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
    root.insert(QStringLiteral("summary"), summary);

    if (run.baseline) {
        QJsonArray removed;
        for (const ProbeBaseline::Entry &e : run.removedEntries())
            removed << QJsonObject{{QStringLiteral("ruleId"), e.ruleId},
                                   {QStringLiteral("destination"), e.destination},
                                   {QStringLiteral("portSpec"), e.port},
                                   {QStringLiteral("status"), e.status}};
        root.insert(QStringLiteral("baseline"), QJsonObject{{QStringLiteral("file"), run.baseline->origin},
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
                     QJsonObject{{QStringLiteral("status"), before.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(before)},
                                 {QStringLiteral("change"), probeChangeId(run.change(row))}});
        }
        results << o;
    }
    root.insert(QStringLiteral("results"), results);
    return root;
}

QByteArray ProbeReport::json(const ProbeRun &run, Language language)
{
    return writeOrderedJson(toJson(run, language), jsonKeyOrder());
}

QByteArray ProbeReport::csv(const ProbeRun &run, Language language, bool byteOrderMark)
{
    Q_UNUSED(language)
    QStringList header{tr("Status"),  tr("Result"),   tr("Rule"),       tr("Destination"), tr("Host tested"),
                       tr("Port"),    tr("Addresses"), tr("CNAMEs"),    tr("Path"),        tr("TLS"),
                       tr("HTTP"),    tr("Time (ms)"), tr("Explanation"), tr("What to ask for"), tr("Detail"),
                       tr("Notes")};
    if (run.baseline)
        header << tr("Baseline status") << tr("Change");
    QString out;
    auto writeRow = [&out](const QStringList &cells) {
        QStringList escaped;
        for (const QString &c : cells)
            escaped << CsvExporter::cell(c);
        out += escaped.join(u',') + QStringLiteral("\r\n");
    };
    writeRow(header);
    for (int row = 0; row < run.results.size(); ++row) {
        const ProbeResult &r = run.results.at(row);
        QStringList cells{probeStatusId(r.status),
                          ProbeTexts::statusLabel(r.status),
                          r.target.ruleId,
                          r.target.destination,
                          r.target.host,
                          ProbeTexts::ports(r.target),
                          r.addresses.isEmpty() ? QString() : ProbeTexts::addresses(r),
                          r.cnames.join(QStringLiteral(" > ")),
                          r.target.isTestable() ? ProbeTexts::path(r) : QString(),
                          r.target.tls ? ProbeTexts::tls(r) : QString(),
                          r.target.http ? ProbeTexts::http(r) : QString(),
                          r.timings.totalMs >= 0 ? QString::number(r.timings.totalMs) : QString(),
                          ProbeTexts::explanation(r),
                          ProbeTexts::action(r),
                          ProbeTexts::detail(r),
                          ProbeTexts::notes(r).join(u'\n')};
        if (run.baseline)
            cells << run.baselineStatus(row) << ProbeTexts::changeLabel(run.change(row));
        writeRow(cells);
    }
    if (run.baseline) {
        for (const ProbeBaseline::Entry &e : run.removedEntries()) {
            QStringList cells(header.size());
            cells[2] = e.ruleId;
            cells[3] = e.destination;
            cells[4] = e.host;
            cells[5] = e.port;
            cells[12] = tr("In the baseline, not in this run.");
            cells[header.size() - 2] = e.status;
            cells[header.size() - 1] = tr("removed");
            writeRow(cells);
        }
    }
    QByteArray bytes;
    if (byteOrderMark)
        bytes = QByteArrayLiteral("\xEF\xBB\xBF");
    return bytes + out.toUtf8();
}

QString ProbeReport::summaryText(const ProbeRun &run, Language language)
{
    Q_UNUSED(language)
    const ProbeSummary s = run.summary();
    QString text;
    const qint64 duration = run.vantage.startedAt.isValid() ? run.vantage.startedAt.msecsTo(run.vantage.finishedAt) : -1;
    text += tr("Tested %1 of %2 endpoints from %3 in %4: %5 reachable, %6 failed, %7 not testable from here.")
                .arg(s.tested)
                .arg(s.endpoints)
                .arg(run.vantage.hostName, ProbeTexts::duration(duration))
                .arg(s.ok)
                .arg(s.failed)
                .arg(s.notTestable)
            + u'\n';
    for (auto it = s.byStatus.cbegin(); it != s.byStatus.cend(); ++it) {
        if (it.key() == ProbeStatus::Ok || it.key() == ProbeStatus::NotTestable)
            continue;
        text += QStringLiteral("  ") + probeStatusId(it.key()).leftJustified(20) + QString::number(it.value()).rightJustified(3)
                + QStringLiteral("  ") + ProbeTexts::statusLabel(it.key()) + u'\n';
    }
    if (run.baseline) {
        text += tr("Compared with %1 (%2): %3 fixed, %4 now failing, %5 changed, %6 new, %7 no longer tested.")
                    .arg(run.baseline->origin, run.baseline->startedAt.toLocalTime().toString(Qt::ISODate))
                    .arg(s.byChange.value(ProbeChange::Fixed))
                    .arg(s.byChange.value(ProbeChange::Broken))
                    .arg(s.byChange.value(ProbeChange::Changed))
                    .arg(s.byChange.value(ProbeChange::New))
                    .arg(s.removed)
                + u'\n';
    }
    QStringList asks;
    for (const ProbeResult &r : run.results) {
        if (!isFailure(r.status))
            continue;
        const QString line = QStringLiteral("  - ") + r.target.host + u':' + ProbeTexts::ports(r.target) + u' '
                             + probeStatusId(r.status) + QStringLiteral(": ") + ProbeTexts::action(r);
        if (!asks.contains(line))
            asks << line;
    }
    if (!asks.isEmpty())
        text += u'\n' + tr("What to ask for:") + u'\n' + asks.join(u'\n') + u'\n';
    return text;
}

QByteArray ProbeReport::html(const ProbeRun &run, Language language)
{
    const RuleSet &set = run.set;
    const ProbeSummary s = run.summary();
    const ProbeVantage &v = run.vantage;
    const QLocale locale(language == Language::Japanese ? QLocale::Japanese : QLocale::English);
    auto row = [](const QString &label, const QString &value) -> QString {
        return QStringLiteral("<tr><th>") + esc(label) + QStringLiteral("</th><td>") + esc(value)
               + QStringLiteral("</td></tr>\n");
    };
    auto time = [&locale](const QDateTime &t) -> QString {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::LongFormat) : QStringLiteral("-");
    };

    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"") + languageCode(language)
         + QStringLiteral("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>")
         + esc(tr("Endpoint test: %1").arg(RuleLabels::regionName(set, language))) + QStringLiteral("</title>\n");
    h += QStringLiteral(
        "<style>\n"
        "body{font-family:system-ui,-apple-system,'Segoe UI','Hiragino Sans','Yu Gothic UI','Noto Sans CJK JP',sans-serif;"
        "margin:2em;color:#1b1b1b;line-height:1.45}\n"
        "h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ccc}\n"
        "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #d0d0d0;padding:.3em .5em;vertical-align:top;"
        "text-align:left}\n"
        "table.facts th{background:#f4f4f4;font-weight:600;width:14em}\n"
        "table.results th{background:#f4f4f4;position:sticky;top:0}\n"
        "td.mono,span.mono{font-family:ui-monospace,Consolas,'Noto Sans Mono',monospace;font-size:.92em}\n"
        ".badge{display:inline-block;padding:.05em .45em;border-radius:.3em;font-family:ui-monospace,Consolas,monospace;"
        "font-size:.85em;white-space:nowrap}\n"
        ".ok{background:#dff3e4;color:#0f5323}.fail{background:#fbe0e0;color:#8a1111}.warn{background:#fff1d6;color:#7a4b00}"
        ".nt{background:#ececec;color:#444}\n"
        ".small{font-size:.88em;color:#444}ul.asks li{margin:.3em 0}.change{font-weight:600}\n"
        "@media print{table.results th{position:static}}\n"
        "</style>\n</head>\n<body>\n");
    h += QStringLiteral("<h1>") + esc(tr("Endpoint test of the firewall rules for Azure Machine Learning"))
         + QStringLiteral("</h1>\n<p class=\"small\">") + esc(TextReport::scenarioLine(set, language))
         + QStringLiteral("</p>\n");

    h += QStringLiteral("<h2>") + esc(tr("Scenario")) + QStringLiteral("</h2>\n<table class=\"facts\">\n");
    h += row(tr("Cloud"), RuleLabels::cloudName(set, language));
    h += row(tr("Region"), RuleLabels::regionName(set, language));
    h += row(tr("Storage account"), set.answers.storage);
    const QStringList features = featureNames(set, set.effectiveFeatures, language);
    h += row(tr("Features"), features.isEmpty() ? tr("none") : features.join(language == Language::Japanese
                                                                                  ? QStringLiteral("、")
                                                                                  : QStringLiteral(", ")));
    h += row(tr("Catalog edition"), set.catalog.edition);
    h += QStringLiteral("</table>\n");

    h += QStringLiteral("<h2>") + esc(tr("Vantage point")) + QStringLiteral("</h2>\n<table class=\"facts\">\n");
    h += row(tr("Computer"), v.hostName);
    h += row(tr("Operating system"), v.os + QStringLiteral(" (") + v.kernel + u')');
    QStringList paths;
    for (const QString &used : v.proxyUsed)
        paths << ProbeTexts::pathUsed(used);
    h += row(tr("Proxy setting"), ProbeTexts::proxySetting(v.proxySetting));
    h += row(tr("Paths taken"), paths.join(QStringLiteral(", ")));
    h += row(tr("Started"), time(v.startedAt));
    h += row(tr("Finished"), time(v.finishedAt));
    h += row(tr("Software"), QStringLiteral("amlfw ") + v.amlfwVersion + QStringLiteral(", Qt ") + v.qtVersion
                                 + QStringLiteral(", ") + v.tlsLibrary);
    h += QStringLiteral("</table>\n");

    h += QStringLiteral("<h2>") + esc(tr("Summary")) + QStringLiteral("</h2>\n<p>")
         + esc(tr("%1 endpoints: %2 reachable, %3 failed, %4 not testable from here.")
                   .arg(s.endpoints)
                   .arg(s.ok)
                   .arg(s.failed)
                   .arg(s.notTestable))
         + QStringLiteral("</p>\n<table>\n<tr><th>") + esc(tr("Status")) + QStringLiteral("</th><th>")
         + esc(tr("Meaning")) + QStringLiteral("</th><th>") + esc(tr("Count")) + QStringLiteral("</th></tr>\n");
    for (auto it = s.byStatus.cbegin(); it != s.byStatus.cend(); ++it)
        h += QStringLiteral("<tr><td><span class=\"badge ") + statusClass(it.key()) + QStringLiteral("\">")
             + probeStatusId(it.key()) + QStringLiteral("</span></td><td>") + esc(ProbeTexts::statusLabel(it.key()))
             + QStringLiteral("</td><td>") + QString::number(it.value()) + QStringLiteral("</td></tr>\n");
    h += QStringLiteral("</table>\n");
    if (run.baseline) {
        h += QStringLiteral("<p>")
             + esc(tr("Compared with the run of %1 on %2 (%3): %4 fixed, %5 now failing, %6 changed, %7 new, %8 no "
                      "longer tested.")
                       .arg(time(run.baseline->startedAt), run.baseline->hostName, run.baseline->origin)
                       .arg(s.byChange.value(ProbeChange::Fixed))
                       .arg(s.byChange.value(ProbeChange::Broken))
                       .arg(s.byChange.value(ProbeChange::Changed))
                       .arg(s.byChange.value(ProbeChange::New))
                       .arg(s.removed))
             + QStringLiteral("</p>\n");
    }

    QStringList asks;
    for (const ProbeResult &r : run.results) {
        if (!isFailure(r.status))
            continue;
        const QString item = QStringLiteral("<li><span class=\"badge ") + statusClass(r.status) + QStringLiteral("\">")
                             + probeStatusId(r.status) + QStringLiteral("</span> <span class=\"mono\">")
                             + esc(r.target.host + u':' + ProbeTexts::ports(r.target)) + QStringLiteral("</span>: ")
                             + esc(ProbeTexts::action(r)) + QStringLiteral("</li>\n");
        if (!asks.contains(item))
            asks << item;
    }
    if (!asks.isEmpty())
        h += QStringLiteral("<h2>") + esc(tr("What to ask for")) + QStringLiteral("</h2>\n<ul class=\"asks\">\n")
             + asks.join(QString()) + QStringLiteral("</ul>\n");

    h += QStringLiteral("<h2>") + esc(tr("Results")) + QStringLiteral("</h2>\n<table class=\"results\">\n<tr>");
    QStringList headers{tr("Status"), tr("Rule"), tr("Destination"), tr("Host tested"), tr("Port"),
                        tr("Addresses"), tr("Path"), tr("Time"), tr("Explanation")};
    if (run.baseline)
        headers << tr("Change");
    for (const QString &header : std::as_const(headers))
        h += QStringLiteral("<th>") + esc(header) + QStringLiteral("</th>");
    h += QStringLiteral("</tr>\n");
    for (int i = 0; i < run.results.size(); ++i) {
        const ProbeResult &r = run.results.at(i);
        QString explanation = QStringLiteral("<div>") + esc(ProbeTexts::explanation(r)) + QStringLiteral("</div>");
        if (const QString action = ProbeTexts::action(r); !action.isEmpty())
            explanation += QStringLiteral("<div><b>") + esc(tr("Ask for:")) + QStringLiteral("</b> ") + esc(action)
                           + QStringLiteral("</div>");
        if (const QString detail = ProbeTexts::detail(r); !detail.isEmpty())
            explanation += QStringLiteral("<div class=\"small mono\">") + esc(detail) + QStringLiteral("</div>");
        for (const QString &note : ProbeTexts::notes(r))
            explanation += QStringLiteral("<div class=\"small\">") + esc(note) + QStringLiteral("</div>");
        QString addresses = r.addresses.isEmpty() ? QStringLiteral("-") : esc(ProbeTexts::addresses(r));
        if (!r.cnames.isEmpty())
            addresses += QStringLiteral("<div class=\"small\">CNAME: ") + esc(r.cnames.join(QStringLiteral(" → ")))
                         + QStringLiteral("</div>");
        h += QStringLiteral("<tr><td><span class=\"badge ") + statusClass(r.status) + QStringLiteral("\">")
             + probeStatusId(r.status) + QStringLiteral("</span></td><td class=\"mono\">") + esc(r.target.ruleId)
             + QStringLiteral("</td><td class=\"mono\">") + esc(r.target.destination)
             + QStringLiteral("</td><td class=\"mono\">") + esc(r.target.host.isEmpty() ? QStringLiteral("-") : r.target.host)
             + QStringLiteral("</td><td>") + esc(ProbeTexts::ports(r.target)) + QStringLiteral("</td><td class=\"mono\">")
             + addresses + QStringLiteral("</td><td>")
             + esc(r.target.isTestable() ? ProbeTexts::path(r) : QStringLiteral("-")) + QStringLiteral("</td><td>")
             + esc(ProbeTexts::duration(r.timings.totalMs)) + QStringLiteral("</td><td>") + explanation
             + QStringLiteral("</td>");
        if (run.baseline) {
            const QString before = run.baselineStatus(i);
            h += QStringLiteral("<td class=\"change\">") + esc(ProbeTexts::changeLabel(run.change(i)))
                 + (before.isEmpty() ? QString()
                                     : QStringLiteral("<div class=\"small\">") + esc(tr("before: %1").arg(before))
                                           + QStringLiteral("</div>"))
                 + QStringLiteral("</td>");
        }
        h += QStringLiteral("</tr>\n");
    }
    h += QStringLiteral("</table>\n");
    if (run.baseline) {
        const QList<ProbeBaseline::Entry> removed = run.removedEntries();
        if (!removed.isEmpty()) {
            h += QStringLiteral("<h2>") + esc(tr("In the baseline, not in this run")) + QStringLiteral("</h2>\n<ul>\n");
            for (const ProbeBaseline::Entry &e : removed)
                h += QStringLiteral("<li><span class=\"mono\">") + esc(e.ruleId + u' ' + e.destination + u':' + e.port)
                     + QStringLiteral("</span> (") + esc(e.status) + QStringLiteral(")</li>\n");
            h += QStringLiteral("</ul>\n");
        }
    }
    h += QStringLiteral("<p class=\"small\">")
         + esc(tr("Made by amlfw %1 from the catalog of the article \"%2\" (edition %3). Tests from one machine show "
                  "what its network allows; the compute in Azure goes through the firewall's rules.")
                   .arg(QStringLiteral(AMLFW_VERSION), set.catalog.sourceTitle.text(language), set.catalog.edition))
         + QStringLiteral("</p>\n</body>\n</html>\n");
    return h.toUtf8();
}

} // namespace amlfw
