#include "livetestdetails.h"

#include "azurefirewall.h"
#include "probeadvice.h"
#include "liveresultfiltermodel.h"
#include "probereport.h"
#include "probestatusstyle.h"
#include "probetexts.h"

namespace amlfw {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &html)
{
    if (html.isEmpty())
        return {};
    return QStringLiteral(
               "<tr><td style=\"color:#57606a; padding:2px 12px 2px 0; white-space:nowrap;\" valign=\"top\">")
           + esc(label) + QStringLiteral("</td><td style=\"padding:2px 0;\">") + html + QStringLiteral("</td></tr>");
}

QString addressSourceText(AddressSource source)
{
    switch (source) {
    case AddressSource::Dns:
        return LiveTestDetails::tr("from DNS");
    case AddressSource::Pinned:
        return LiveTestDetails::tr("pinned, not asked of DNS");
    case AddressSource::Literal:
        return LiveTestDetails::tr("an address, no DNS needed");
    case AddressSource::None:
        break;
    }
    return {};
}

QString timings(const ProbeTimings &t)
{
    QStringList parts;
    const QList<QPair<QString, qint64>> stages{
        {LiveTestDetails::tr("DNS"), t.dnsMs},     {LiveTestDetails::tr("TCP"), t.tcpMs},
        {LiveTestDetails::tr("proxy"), t.proxyMs}, {LiveTestDetails::tr("TLS"), t.tlsMs},
        {LiveTestDetails::tr("HTTP"), t.httpMs},
    };
    for (const auto &[name, ms] : stages) {
        if (ms >= 0)
            parts << esc(name) + u' ' + esc(ProbeTexts::duration(ms));
    }
    if (t.totalMs >= 0)
        parts << QStringLiteral("<b>") + esc(LiveTestDetails::tr("total %1").arg(ProbeTexts::duration(t.totalMs)))
                     + QStringLiteral("</b>");
    return parts.join(QStringLiteral(" · "));
}

} // namespace

QString LiveTestDetails::resultHtml(const ProbeResult &r, ProbeChange change, const QString &baselineStatus)
{
    const ProbeTarget &t = r.target;
    const QString colour = ProbeStatusStyle::accent(ProbeStatusStyle::tone(r.status)).name();
    QString html
        = QStringLiteral("<p style=\"margin-bottom:4px;\"><span style=\"font-size:large; font-weight:bold; color:")
          + colour + QStringLiteral(";\">") + esc(ProbeTexts::statusLabel(r.status))
          + QStringLiteral("</span>&nbsp;&nbsp;<code>") + esc(probeStatusId(r.status)) + QStringLiteral("</code>");
    if (change != ProbeChange::None)
        html += QStringLiteral("&nbsp;&nbsp;[") + esc(ProbeTexts::changeLabel(change)) + u']';
    html += QStringLiteral("</p>");

    const QString endpoint = t.host.isEmpty() ? t.destination : t.host + u':' + ProbeTexts::ports(t);
    html += QStringLiteral("<p style=\"margin-top:0;\"><b>") + esc(endpoint) + QStringLiteral("</b> — ")
            + esc(tr("rule %1, %2").arg(t.ruleId, AzureFirewall::typeLabel(t.firewallType))) + QStringLiteral("</p>");

    const QString explanation = ProbeTexts::explanation(r);
    if (!explanation.isEmpty())
        html += QStringLiteral("<p>") + esc(explanation) + QStringLiteral("</p>");
    QString action = ProbeTexts::action(r);
    if (t.notTestable == NotTestableReason::WildcardNoSample || t.notTestable == NotTestableReason::ServiceTagNoHost)
        action = tr("Give a host to test under More options › Sample hosts, then start the test again.");
    if (!action.isEmpty())
        html += QStringLiteral("<table width=\"100%\" cellpadding=\"6\" style=\"margin:4px 0 8px 0;\"><tr>"
                               "<td style=\"background:#fff5e0; color:#1f2328; border:1px solid #f0cf8a;\"><b>")
                + esc(tr("What to ask for:")) + QStringLiteral("</b> ") + esc(action)
                + QStringLiteral("</td></tr></table>");

    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\">");
    html += row(tr("Destination in the rule"), esc(t.destination) + QStringLiteral(" (")
                                                   + esc(t.protocol.isEmpty() ? QStringLiteral("-") : t.protocol) + u' '
                                                   + esc(ProbeTexts::ports(t)) + u')');
    if (!t.host.isEmpty()) {
        QString host = esc(t.host);
        if (const QString note = ProbeTexts::hostNote(t); !note.isEmpty())
            host += QStringLiteral("<br><span style=\"color:#57606a;\">") + esc(note) + QStringLiteral("</span>");
        html += row(tr("Host tested"), host);
    }
    if (r.status == ProbeStatus::Pending && t.isTestable())
        html += row(tr("To be tested"), esc(LiveResultFilterModel::stagesText(t)));
    if (!isFinal(r.status) || r.status == ProbeStatus::NotTestable) {
        html += QStringLiteral("</table>");
        return html;
    }

    QStringList addresses;
    for (const ProbeAddress &a : r.addresses)
        addresses << esc(a.address.toString()) + QStringLiteral(" — ") + esc(ProbeTexts::addressScope(a.scope));
    if (!addresses.isEmpty()) {
        QString text = addresses.join(QStringLiteral("<br>"));
        if (const QString source = addressSourceText(r.addressSource); !source.isEmpty())
            text += QStringLiteral("<br><span style=\"color:#57606a;\">") + esc(source) + QStringLiteral("</span>");
        html += row(tr("Addresses"), text);
    } else if (r.dns != DnsOutcome::NotRun) {
        html += row(tr("Addresses"),
                    esc(tr("none") + (r.dnsError.isEmpty() ? QString() : QStringLiteral(" (") + r.dnsError + u')')));
    }
    if (!r.cnames.isEmpty())
        html += row(tr("CNAMEs"), esc(r.cnames.join(QStringLiteral(" → "))));
    html += row(tr("Path"), esc(ProbeTexts::path(r)));
    if (!r.tcp.isEmpty())
        html += row(tr("TCP"), esc(ProbeTexts::tcp(r)));
    if (r.tls.outcome != TlsOutcome::NotRun) {
        QString tls = esc(ProbeTexts::tls(r));
        if (!r.tls.sni.isEmpty())
            tls += QStringLiteral("<br>") + esc(tr("server name (SNI): %1").arg(r.tls.sni));
        for (const QString &error : r.tls.errorStrings)
            tls += QStringLiteral("<br>") + esc(error);
        if (!r.tls.handshakeError.isEmpty())
            tls += QStringLiteral("<br>") + esc(r.tls.handshakeError);
        html += row(tr("TLS"), tls);
        QStringList chain;
        for (int i = 0; i < r.tls.chain.size(); ++i) {
            const CertificateInfo &c = r.tls.chain.at(i);
            QString line = QString::number(i + 1) + QStringLiteral(". ") + esc(c.subject) + QStringLiteral(" — ")
                           + esc(tr("issued by %1").arg(c.issuerLabel()));
            if (c.notAfter.isValid())
                line += QStringLiteral(" — ")
                        + esc(tr("valid until %1").arg(c.notAfter.toString(QStringLiteral("yyyy-MM-dd"))));
            chain << line;
        }
        html += row(tr("Certificate chain"), chain.join(QStringLiteral("<br>")));
        if (r.tls.unexpectedIssuer && !r.tls.expectedIssuers.isEmpty())
            html += row(tr("Expected issuers"), esc(r.tls.expectedIssuers.join(QStringLiteral(", "))));
    }
    if (r.http.outcome != HttpOutcome::NotRun) {
        QString http = esc(ProbeTexts::http(r));
        if (!r.http.server.isEmpty())
            http += QStringLiteral("<br>") + esc(tr("server: %1").arg(r.http.server));
        if (r.http.fromProxy)
            http += QStringLiteral("<br>") + esc(tr("answered by a firewall or proxy (%1)").arg(r.http.proxyEvidence));
        html += row(tr("HTTP"), http);
    }
    html += row(tr("Timings"), timings(r.timings));
    if (change != ProbeChange::None)
        html += row(tr("Earlier run"),
                    esc(baselineStatus.isEmpty() ? tr("not tested then")
                                                 : baselineStatus + QStringLiteral(" → ") + probeStatusId(r.status)));
    const QString detail = ProbeTexts::detail(r);
    if (!detail.isEmpty() && r.status != ProbeStatus::Ok)
        html += row(tr("Detail"), esc(detail));
    const QStringList notes = ProbeTexts::notes(r);
    if (!notes.isEmpty()) {
        QStringList items;
        for (const QString &n : notes)
            items << esc(n);
        html += row(tr("Notes"), items.join(QStringLiteral("<br>")));
    }
    if (r.finishedAt.isValid())
        html += row(tr("Tested at"), esc(r.finishedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    html += QStringLiteral("</table>");
    return html;
}

QString LiveTestDetails::askForHtml(const ProbeRun &run)
{
    const QList<ProbeEndpoint> endpoints = run.endpoints();
    const QList<ProbeAdviceGroup> groups = ProbeAdvice::group(run, endpoints);
    if (groups.isEmpty())
        return {};
    QString html = QStringLiteral("<p style=\"margin-bottom:2px;\"><b>")
                   + esc(tr("What to ask for, one request each (%1):").arg(groups.size())) + QStringLiteral("</b></p><ol>");
    for (const ProbeAdviceGroup &g : groups) {
        QStringList statuses;
        for (ProbeStatus status : g.statuses)
            statuses << probeStatusId(status);
        html += QStringLiteral("<li><p style=\"margin:2px 0;\"><code>") + esc(statuses.join(u' '))
                + QStringLiteral("</code> ") + esc(g.text) + QStringLiteral("</p><p style=\"margin:0 0 6px 0; color:#57606a;\">")
                + esc(ProbeAdvice::endpointLabels(run, endpoints, g).join(QStringLiteral(" · ")))
                + QStringLiteral("</p></li>");
    }
    return html + QStringLiteral("</ol>");
}

QString LiveTestDetails::placeholderHtml(bool hasResults)
{
    if (hasResults)
        return QStringLiteral("<p style=\"color:#57606a;\">")
               + esc(tr("Select a row to see what was found: addresses, certificate chain, HTTP answer, timings, "
                        "and what to ask the firewall team for."))
               + QStringLiteral("</p>");
    return QStringLiteral("<p style=\"color:#57606a;\">")
           + esc(tr("Start the test to check every endpoint of these rules from this computer: name resolution, "
                    "connection, TLS and HTTP, through your proxy. It changes nothing and is optional: Next goes on "
                    "without it."))
           + QStringLiteral("</p><p style=\"color:#57606a;\">")
           + esc(tr("Save the report as evidence for the change request; after the change, compare a new run with it."))
           + QStringLiteral("</p>");
}

} // namespace amlfw
