#include "probetexts.h"

#include "azurefirewall.h"
#include "hostname.h"
#include "httphead.h"

namespace amlfw {

namespace {

QString familyName(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("IPv6") : QStringLiteral("IPv4");
}

QString endpoint(const ProbeResult &r)
{
    return r.target.host + u':' + QString::number(r.target.port);
}

// The answers that fill the placeholders left in a destination, in words.
QString answersFor(const QString &destination)
{
    QStringList answers;
    for (const QString &name : placeholdersIn(destination))
        answers << AzureFirewall::answerText(name).toString();
    return answers.join(QStringLiteral("; "));
}

} // namespace

QString ProbeTexts::statusLabel(ProbeStatus status)
{
    switch (status) {
    case ProbeStatus::Pending:
        return tr("Waiting");
    case ProbeStatus::Running:
        return tr("Testing");
    case ProbeStatus::Ok:
        return tr("Reachable");
    case ProbeStatus::DnsFailed:
        return tr("Name not resolved");
    case ProbeStatus::TcpRefused:
        return tr("Connection refused");
    case ProbeStatus::TcpTimeout:
        return tr("Connection timed out");
    case ProbeStatus::TcpUnreachable:
        return tr("No route");
    case ProbeStatus::TlsFailed:
        return tr("TLS failed");
    case ProbeStatus::TlsTimeout:
        return tr("TLS timed out");
    case ProbeStatus::TlsInspected:
        return tr("TLS inspected");
    case ProbeStatus::HttpError:
        return tr("No HTTP answer");
    case ProbeStatus::HttpBlocked:
        return tr("Blocked by a firewall or proxy");
    case ProbeStatus::ProxyAuthRequired:
        return tr("Proxy wants credentials");
    case ProbeStatus::ProxyFailed:
        return tr("Proxy failed");
    case ProbeStatus::NotTestable:
        return tr("Not testable from here");
    case ProbeStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString ProbeTexts::notTestable(const ProbeTarget &t)
{
    switch (t.notTestable) {
    case NotTestableReason::None:
        return {};
    case NotTestableReason::Inbound:
        return tr("Inbound traffic comes from Azure to the compute subnet: it cannot be tested from this machine.");
    case NotTestableReason::Route:
        return tr("A user-defined route of the compute subnet: it is configured in the route table, not tested "
                  "from this machine.");
    case NotTestableReason::Udp:
        return tr("UDP has no connection to test: nothing answers a client's datagram to port %1 that would tell an "
                  "allowed port from a blocked one. Check the firewall rule itself.")
            .arg(ports(t));
    case NotTestableReason::Unanswered:
        return tr("%1 still holds a placeholder: amlfw can test it once you give %2.")
            .arg(t.destination, answersFor(t.destination));
    case NotTestableReason::PrivateEndpoint:
        return tr("A private endpoint of the workspace's managed virtual network: it is reachable only inside that "
                  "network, which Azure manages, so it cannot be tested from this machine.");
    case NotTestableReason::WildcardNoSample:
        return tr("A wildcard cannot be tested as such, and no concrete host can be derived from your answers: "
                  "give one to test (amlfw check --sample '%1=HOST').")
            .arg(t.destination);
    case NotTestableReason::ServiceTagNoHost:
        return tr("A service tag is a set of address ranges, and amlfw knows no representative host for %1: give "
                  "one to test (amlfw check --sample '%1=HOST').")
            .arg(t.destination);
    }
    return {};
}

QString ProbeTexts::hostNote(const ProbeTarget &t)
{
    switch (t.hostSource) {
    case HostSource::Destination:
    case HostSource::None:
        return {};
    case HostSource::CatalogSample:
        if (t.hostTemplate.contains(QStringLiteral("<storage>")))
            return tr("%1 stands for %2: a host of your storage account.").arg(t.host, t.destination);
        if (t.hostTemplate.contains(QStringLiteral("<region>")) || t.hostTemplate.contains(QStringLiteral("<pair>")))
            return tr("%1 stands for %2: the host of your region.").arg(t.host, t.destination);
        return tr("%1 stands for %2: a well-known host of the wildcard.").arg(t.host, t.destination);
    case HostSource::UserSample:
        return tr("%1 stands for %2: the host you gave.").arg(t.host, t.destination);
    case HostSource::ServiceTagHost:
        return tr("%1 stands for the service tag %2: a host within its address ranges. Other addresses of the tag "
                  "are not tested.")
            .arg(t.host, t.destination);
    }
    return {};
}

QString ProbeTexts::addressScope(AddressScope scope)
{
    switch (scope) {
    case AddressScope::Public:
        return tr("public");
    case AddressScope::Private:
        return tr("private");
    case AddressScope::Loopback:
        return tr("loopback");
    case AddressScope::LinkLocal:
        return tr("link-local");
    }
    return {};
}

QString ProbeTexts::addresses(const ProbeResult &r)
{
    QStringList parts;
    for (const ProbeAddress &a : r.addresses)
        parts << a.address.toString() + QStringLiteral(" (") + addressScope(a.scope) + u')';
    if (parts.isEmpty())
        return QStringLiteral("-");
    QString text = parts.join(QStringLiteral(", "));
    if (r.addressSource == AddressSource::Pinned)
        text += u' ' + tr("[pinned]");
    return text;
}

QString ProbeTexts::tcp(const ProbeResult &r)
{
    QStringList parts;
    for (const TcpAttempt &a : r.tcp) {
        QString outcome;
        switch (a.outcome) {
        case ConnectOutcome::NotTried:
            outcome = tr("not tried");
            break;
        case ConnectOutcome::Connected:
            outcome = tr("connected in %1").arg(duration(a.ms));
            break;
        case ConnectOutcome::Refused:
            outcome = tr("refused");
            break;
        case ConnectOutcome::Timeout:
            outcome = tr("no answer within %1").arg(duration(a.ms));
            break;
        case ConnectOutcome::Unreachable:
            outcome = tr("unreachable");
            break;
        case ConnectOutcome::Failed:
            outcome = tr("failed");
            break;
        }
        if (!a.error.isEmpty() && (a.outcome == ConnectOutcome::Unreachable || a.outcome == ConnectOutcome::Failed))
            outcome += QStringLiteral(" (") + a.error + u')';
        parts << familyName(a.address) + u' ' + a.address.toString() + QStringLiteral(": ") + outcome;
    }
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral("; "));
}

QString ProbeTexts::tls(const ProbeResult &r)
{
    const TlsInfo &t = r.tls;
    if (t.outcome == TlsOutcome::NotRun)
        return QStringLiteral("-");
    QStringList parts;
    if (!t.protocol.isEmpty())
        parts << t.protocol + (t.cipher.isEmpty() ? QString() : QStringLiteral(", ") + t.cipher);
    if (!t.chain.isEmpty())
        parts << tr("certificate %1 issued by %2").arg(t.chain.first().subject, t.chain.first().issuerLabel());
    if (parts.isEmpty())
        return tr("no handshake");
    return parts.join(QStringLiteral("; "));
}

QString ProbeTexts::http(const ProbeResult &r)
{
    const HttpInfo &h = r.http;
    switch (h.outcome) {
    case HttpOutcome::NotRun:
        return QStringLiteral("-");
    case HttpOutcome::Answered:
        return h.method + u' ' + QString::number(h.status) + (h.reason.isEmpty() ? QString() : u' ' + h.reason);
    case HttpOutcome::Closed:
        return tr("%1: connection closed without an answer").arg(h.method);
    case HttpOutcome::Timeout:
        return tr("%1: no answer").arg(h.method);
    case HttpOutcome::BadResponse:
        return tr("%1: not an HTTP answer").arg(h.method);
    }
    return {};
}

QString ProbeTexts::path(const ProbeResult &r)
{
    const ProbePath &p = r.path;
    QString text;
    if (p.source == ProxySource::Pac && !p.pacAnswer.isEmpty()) {
        text = pacPath(p);
    } else if (p.mode == PathMode::HttpProxy) {
        text = p.source == ProxySource::System ? tr("proxy %1 (system setting)").arg(p.proxy)
                                               : tr("proxy %1").arg(p.proxy);
        if (!p.proxyAuthScheme.isEmpty())
            text += QStringLiteral(", ") + tr("%1 authentication").arg(p.proxyAuthScheme);
    } else if (!p.unsupportedProxy.isEmpty()) {
        text = tr("proxy %1 (not supported)").arg(p.unsupportedProxy);
    } else if (p.bypassed) {
        text = tr("direct (the proxy carries web traffic only)");
    } else if (p.source == ProxySource::System) {
        text = tr("direct (no system proxy for this address)");
    } else {
        text = tr("direct");
    }
    if (!p.connectHost.isEmpty())
        text += u' ' + tr("to %1").arg(p.connectHost + u':' + QString::number(p.connectPort));
    return text;
}

// Proxy authentication: what stopped it (ProbePath::proxyAuthFailure) in words.
QString ProbeTexts::proxyAuthExplanation(const ProbeResult &r)
{
    const ProbePath &p = r.path;
    const QString offered = p.proxyAuthSchemes.join(QStringLiteral(", "));
    if (p.proxyAuthFailure == u"unsupported")
        return tr("The proxy asks for %1, which amlfw does not speak.").arg(offered);
    if (p.proxyAuthFailure == u"bad-challenge")
        return tr("The proxy's %1 challenge could not be read.").arg(p.proxyAuthScheme);
    if (p.proxyAuthFailure == u"handshake-closed")
        return tr("The proxy closed the connection in the middle of the %1 handshake, which needs one connection "
                  "kept open.")
            .arg(p.proxyAuthScheme);
    if (p.proxyAuthFailure == u"sso-refused")
        return tr("The proxy did not accept the Windows sign-on of the logged-on user (%1).").arg(p.proxyAuthScheme);
    if (p.credentialsSent)
        return p.proxyAuthScheme.isEmpty()
                   ? tr("The proxy did not accept the credentials given.")
                   : tr("The proxy did not accept the credentials given (%1 authentication).").arg(p.proxyAuthScheme);
    if (offered.isEmpty())
        return tr("The proxy asks for credentials before it lets the request through.");
    return tr("The proxy asks for credentials (%1) before it lets the request through.").arg(offered);
}

QString ProbeTexts::proxyAuthAction(const ProbeResult &r)
{
    const ProbeTarget &t = r.target;
    const ProbePath &p = r.path;
    auto offers = [&p](const char *scheme) {
        return p.proxyAuthSchemes.contains(QString::fromLatin1(scheme), Qt::CaseInsensitive);
    };
    if (p.proxyAuthFailure == u"unsupported")
        return tr("The proxy asks for %1, which amlfw does not speak: ask the proxy team to allow %2 without "
                  "authentication, as the compute in Azure will need anyway.")
            .arg(p.proxyAuthSchemes.join(QStringLiteral(", ")), t.destination);
    if (p.proxyAuthFailure == u"no-credentials" && offers("Negotiate") && !offers("NTLM") && !offers("Digest")
        && !offers("Basic")) {
        return tr("The proxy takes only Negotiate (Kerberos). amlfw signs on with the Windows login on Windows "
                  "only; elsewhere give a user and password (--proxy http://DOMAIN%5Cuser:password@host:port, sent "
                  "as NTLM inside Negotiate), or ask the proxy team to allow %1 without authentication, as the "
                  "compute in Azure will need anyway.")
            .arg(t.destination);
    }
    if (p.proxyAuthFailure == u"no-credentials" && (offers("NTLM") || offers("Negotiate")))
        return tr("Give the proxy credentials (--proxy http://DOMAIN%5Cuser:password@host:port or user@domain; NTLM, "
                  "Digest and Basic are supported, the Windows login only on Windows), or ask the proxy team to "
                  "allow %1 without authentication, as the compute in Azure will need anyway.")
            .arg(t.destination);
    return tr("Give the proxy credentials (--proxy http://user:password@host:port), or ask the proxy team to allow "
              "%1 without authentication, as the compute in Azure will need anyway.")
        .arg(t.destination);
}

QString ProbeTexts::pacPath(const ProbePath &p)
{
    QString text = p.mode == PathMode::HttpProxy ? tr("proxy %1 (PAC: \"%2\")").arg(p.proxy, p.pacAnswer)
                   : !p.unsupportedProxy.isEmpty()
                       ? tr("proxy %1, not supported (PAC: \"%2\")").arg(p.unsupportedProxy, p.pacAnswer)
                       : tr("direct (PAC: \"%1\")").arg(p.pacAnswer);
    if (!p.proxiesFailed.isEmpty()) {
        QStringList failed;
        for (const ProbePath::Tried &t : p.proxiesFailed)
            failed << t.proxy;
        text += u' ' + tr("after %1 failed").arg(failed.join(QStringLiteral(", ")));
    }
    return text;
}

QString ProbeTexts::proxySetting(const QString &setting)
{
    if (setting.startsWith(QStringLiteral("pac:")))
        return tr("the PAC file %1").arg(setting.mid(4));
    if (setting == u"none")
        return tr("none: direct connections");
    if (setting == u"system")
        return tr("the system's proxy setting");
    return setting;
}

QString ProbeTexts::pathUsed(const QString &used)
{
    return used == u"direct" ? tr("direct") : tr("proxy %1").arg(used);
}

QString ProbeTexts::duration(qint64 ms)
{
    return ms < 0 ? QStringLiteral("-") : tr("%1 ms").arg(ms);
}

QString ProbeTexts::ports(const ProbeTarget &t)
{
    if (!t.portSpec.isEmpty())
        return t.portSpec;
    return t.port > 0 ? QString::number(t.port) : QStringLiteral("-");
}

QString ProbeTexts::explanation(const ProbeResult &r)
{
    const ProbeTarget &t = r.target;
    switch (r.status) {
    case ProbeStatus::Pending:
    case ProbeStatus::Running:
        return statusLabel(r.status);
    case ProbeStatus::Ok:
        if (t.http && t.tls)
            return tr("Reachable: the connection opens, the certificate is trusted and the service answers.");
        if (t.http)
            return tr("Reachable: the connection opens and the service answers.");
        if (t.tls)
            return tr("Reachable: the connection opens and the certificate is trusted.");
        return tr("Reachable: the connection opens.");
    case ProbeStatus::DnsFailed:
        if (r.dns == DnsOutcome::Timeout)
            return tr("This machine got no DNS answer for %1 in time.").arg(t.host);
        return tr("This machine cannot resolve the name %1.").arg(t.host);
    case ProbeStatus::TcpRefused:
        return tr("The connection to %1 was refused: a firewall in the path rejects it, or nothing listens there.")
            .arg(endpoint(r));
    case ProbeStatus::TcpTimeout:
        return tr("The connection to %1 got no answer: a firewall in the path most likely drops it.").arg(endpoint(r));
    case ProbeStatus::TcpUnreachable:
        return tr("There is no route from this machine to the addresses of %1.").arg(t.host);
    case ProbeStatus::TlsFailed:
        switch (r.tls.outcome) {
        case TlsOutcome::Untrusted:
            if (r.tls.unexpectedIssuer && !r.tls.chain.isEmpty())
                return tr("The certificate is not trusted by this machine, and it was issued by %1, not by an issuer "
                          "of this service: most likely a firewall or proxy inspects TLS with a certificate this "
                          "machine does not trust.")
                    .arg(r.tls.chain.first().issuerLabel());
            return tr("The certificate of %1 is not trusted by this machine, so the connection was not used.")
                .arg(t.host);
        case TlsOutcome::Closed:
            return tr("The connection was closed during the TLS handshake: a firewall that filters by host name "
                      "(SNI) most likely refused %1.")
                .arg(t.host);
        case TlsOutcome::Unavailable:
            return tr("TLS is not available in this installation of amlfw (the OpenSSL plugin is missing).");
        default:
            return tr("The TLS handshake with %1 failed.").arg(t.host);
        }
    case ProbeStatus::TlsTimeout:
        return tr("The connection opened, but the TLS handshake did not finish in time: something accepts the "
                  "connection and then holds it, as firewalls and proxies that filter by host name do.");
    case ProbeStatus::TlsInspected:
        return tr("The connection works, but the certificate was issued by %1, not by an issuer of this service: a "
                  "firewall or proxy decrypts and inspects this traffic.")
            .arg(r.tls.chain.isEmpty() ? QString() : r.tls.chain.first().issuerLabel());
    case ProbeStatus::HttpError:
        return tr("The connection opened, but no usable HTTP answer came back: something in the path drops the "
                  "request.");
    case ProbeStatus::HttpBlocked:
        return tr("A firewall or proxy answered in place of the service and refused the request (HTTP %1).")
            .arg(r.path.proxyOutcome == ProxyOutcome::Denied && r.http.outcome == HttpOutcome::NotRun
                     ? r.path.proxyStatus
                     : r.http.status);
    case ProbeStatus::ProxyAuthRequired:
        return proxyAuthExplanation(r);
    case ProbeStatus::ProxyFailed:
        switch (r.path.proxyOutcome) {
        case ProxyOutcome::PacFailed:
            return tr("The PAC file gave no usable answer: %1").arg(r.path.pacError);
        case ProxyOutcome::Unsupported:
            if (r.path.source == ProxySource::Pac)
                return tr("The PAC file names the proxy %1 (\"%2\"), of a kind amlfw does not speak (only HTTP "
                          "proxies).")
                    .arg(r.path.unsupportedProxy, r.path.pacAnswer);
            return tr("The system proxy %1 is of a kind amlfw does not speak (only HTTP proxies).")
                .arg(r.path.unsupportedProxy);
        case ProxyOutcome::NameFailed:
            return tr("The proxy's name %1 cannot be resolved.").arg(r.path.proxy);
        case ProxyOutcome::ConnectFailed:
            return tr("The proxy %1 cannot be reached.").arg(r.path.proxy);
        case ProxyOutcome::UpstreamFailed:
            return tr("The proxy could not reach %1 (it answered %2).")
                .arg(endpoint(r), QString::number(r.path.proxyStatus ? r.path.proxyStatus : r.http.status));
        case ProxyOutcome::Timeout:
            return tr("The proxy did not answer in time.");
        case ProxyOutcome::TunnelClosed:
            return tr("The proxy accepted the connection to %1 and then closed the tunnel before the TLS handshake: "
                      "the proxy, or what it connected to, refused it.")
                .arg(endpoint(r));
        default:
            return tr("The proxy closed the connection or gave no valid answer.");
        }
    case ProbeStatus::NotTestable:
        return notTestable(t);
    case ProbeStatus::Cancelled:
        return tr("The test was stopped before this endpoint finished.");
    }
    return {};
}

QString ProbeTexts::action(const ProbeResult &r)
{
    const ProbeTarget &t = r.target;
    const QString allow = t.firewallType == FirewallRuleType::Application
                              ? tr("Ask the firewall team to allow %1 on port %2 from this network (in Azure Firewall: "
                                   "an application rule, amlfw rule %3).")
                                    .arg(t.destination, ports(t), t.ruleId)
                              : tr("Ask the firewall team to allow TCP %1 to %2 from this network (in Azure Firewall: "
                                   "a network rule, amlfw rule %3).")
                                    .arg(ports(t), t.destination, t.ruleId);
    switch (r.status) {
    case ProbeStatus::Pending:
    case ProbeStatus::Running:
    case ProbeStatus::Ok:
        return {};
    case ProbeStatus::DnsFailed:
        if (r.cnameToPrivateLink() || t.destination.contains(QStringLiteral(".core.")))
            return tr("Ask the DNS team to resolve %1 from this network: for a private endpoint, a private DNS zone "
                      "(privatelink) linked to the network or a conditional forwarder to Azure DNS.")
                .arg(t.host);
        return tr("Ask the DNS team to resolve %1 from this network (a forwarder to the internet or to Azure DNS).")
            .arg(t.host);
    case ProbeStatus::TcpRefused:
    case ProbeStatus::TcpTimeout:
        return allow;
    case ProbeStatus::TcpUnreachable:
        return tr("Ask the network team for a route to %1 through the firewall, or connect the VPN this machine uses.")
            .arg(t.host);
    case ProbeStatus::TlsFailed:
        if (r.tls.outcome == TlsOutcome::Untrusted && r.tls.unexpectedIssuer)
            return tr("Ask the firewall team to exempt %1 from TLS inspection: Azure Machine Learning does not support "
                      "it. To test through the inspection anyway, give its CA with --ca-bundle.")
                .arg(t.destination);
        if (r.tls.outcome == TlsOutcome::Untrusted)
            return tr("Check this machine's trusted certificates, or give the issuing CA with --ca-bundle.");
        if (r.tls.outcome == TlsOutcome::Unavailable)
            return tr("Install amlfw with its TLS plugin (plugins/tls).");
        return tr("Ask the firewall team for an application rule that allows %1 on HTTPS 443 (rule %2).")
            .arg(t.destination, t.ruleId);
    case ProbeStatus::TlsTimeout:
        return tr("Ask the firewall team for an application rule that allows %1 on HTTPS 443 (rule %2).")
            .arg(t.destination, t.ruleId);
    case ProbeStatus::TlsInspected:
        return tr("Ask the firewall team to exempt %1 from TLS inspection: Azure Machine Learning does not support it.")
            .arg(t.destination);
    case ProbeStatus::HttpError:
        return tr("Ask the firewall team whether an application rule or web filter drops requests to %1 (rule %2).")
            .arg(t.destination, t.ruleId);
    case ProbeStatus::HttpBlocked:
        return tr("Ask the firewall or proxy team to allow %1 (an application rule, or the proxy's allow list; rule "
                  "%2).")
            .arg(t.destination, t.ruleId);
    case ProbeStatus::ProxyAuthRequired:
        return proxyAuthAction(r);
    case ProbeStatus::ProxyFailed:
        if (r.path.proxyOutcome == ProxyOutcome::UpstreamFailed)
            return tr("Ask the proxy team why the proxy cannot reach %1.").arg(endpoint(r));
        return tr("Check the proxy setting (--proxy none, system or http://host:port).");
    case ProbeStatus::NotTestable:
        if (t.notTestable == NotTestableReason::WildcardNoSample
            || t.notTestable == NotTestableReason::ServiceTagNoHost)
            return tr("Give a concrete host to test it (--sample).");
        if (t.notTestable == NotTestableReason::Unanswered)
            return tr("Give %1, then test again.").arg(answersFor(t.destination));
        return {};
    case ProbeStatus::Cancelled:
        return tr("Run the test again.");
    }
    return {};
}

QString ProbeTexts::detail(const ProbeResult &r)
{
    QStringList parts;
    switch (r.status) {
    case ProbeStatus::DnsFailed:
        if (r.dns == DnsOutcome::Timeout)
            parts << tr("no DNS answer within %1").arg(duration(r.timings.dnsMs));
        else if (!r.dnsError.isEmpty())
            parts << tr("resolver: %1").arg(r.dnsError);
        break;
    case ProbeStatus::TcpRefused:
    case ProbeStatus::TcpTimeout:
    case ProbeStatus::TcpUnreachable:
        parts << tcp(r);
        break;
    case ProbeStatus::TlsFailed:
    case ProbeStatus::TlsTimeout:
    case ProbeStatus::TlsInspected:
        if (r.tls.outcome == TlsOutcome::Timeout)
            parts << tr("no TLS answer within %1").arg(duration(r.timings.tlsMs));
        if (!r.tls.errorStrings.isEmpty())
            parts << tr("certificate: %1").arg(r.tls.errorStrings.join(QStringLiteral("; ")));
        if (!r.tls.handshakeError.isEmpty())
            parts << r.tls.handshakeError;
        if (!r.tls.chain.isEmpty())
            parts << tr("issued by %1").arg(r.tls.chain.first().issuerLabel());
        if (r.tls.unexpectedIssuer && !r.tls.expectedIssuers.isEmpty())
            parts << tr("expected: %1").arg(r.tls.expectedIssuers.join(QStringLiteral(", ")));
        break;
    case ProbeStatus::HttpError:
        parts << http(r);
        if (r.http.interimResponses > MaxHttpInterimResponses)
            parts << tr("more than %1 interim answers (1xx) and no final one").arg(MaxHttpInterimResponses);
        if (!r.http.error.isEmpty())
            parts << r.http.error;
        break;
    case ProbeStatus::HttpBlocked:
    case ProbeStatus::ProxyAuthRequired:
    case ProbeStatus::ProxyFailed:
        if (r.path.mode == PathMode::HttpProxy && r.path.proxyStatus > 0 && r.http.outcome == HttpOutcome::NotRun)
            parts << tr("the proxy answered CONNECT with %1").arg(r.path.proxyStatus);
        else if (r.http.outcome != HttpOutcome::NotRun)
            parts << http(r);
        if (!r.http.proxyEvidence.isEmpty())
            parts << tr("sign of a proxy: %1").arg(r.http.proxyEvidence);
        if (!r.path.proxyAuthSchemes.isEmpty())
            parts << tr("authentication: %1").arg(r.path.proxyAuthSchemes.join(QStringLiteral(", ")));
        if (r.path.proxyOutcome == ProxyOutcome::ConnectFailed)
            parts << tcp(r);
        if (r.path.source == ProxySource::Pac && !r.path.pacAnswer.isEmpty())
            parts << tr("the PAC answered \"%1\"").arg(r.path.pacAnswer);
        break;
    case ProbeStatus::Ok:
        if (r.http.outcome == HttpOutcome::Answered)
            parts << http(r);
        if (r.tls.outcome == TlsOutcome::Ok)
            parts << r.tls.protocol;
        break;
    default:
        break;
    }
    if (parts.isEmpty())
        parts << failureDetail(r);
    parts.removeAll(QString());
    return parts.join(QStringLiteral("; "));
}

QString ProbeTexts::failureDetail(const ProbeResult &r)
{
    // What the stage that failed saw, when no error text or certificate says more.
    if (r.status == ProbeStatus::ProxyFailed || r.status == ProbeStatus::ProxyAuthRequired
        || r.status == ProbeStatus::HttpBlocked) {
        switch (r.path.proxyOutcome) {
        case ProxyOutcome::Unsupported:
            return tr("proxy %1: only HTTP proxies are supported").arg(r.path.unsupportedProxy);
        case ProxyOutcome::NameFailed:
            return tr("the proxy's name %1 does not resolve").arg(r.path.proxy);
        case ProxyOutcome::ConnectFailed:
            return tr("no connection to the proxy %1").arg(r.path.proxy);
        case ProxyOutcome::Closed:
            return tr("the proxy closed the connection without answering CONNECT");
        case ProxyOutcome::Timeout:
            return tr("no answer to CONNECT within %1").arg(duration(r.timings.proxyMs));
        case ProxyOutcome::BadResponse:
            return tr("the proxy's answer to CONNECT is not a usable HTTP answer");
        case ProxyOutcome::TunnelClosed:
            return tr("the proxy answered CONNECT with %1, then closed the tunnel before the TLS handshake")
                .arg(r.path.proxyStatus);
        default:
            return statusLabel(r.status);
        }
    }
    if (r.status == ProbeStatus::TlsFailed || r.status == ProbeStatus::TlsTimeout) {
        switch (r.tls.outcome) {
        case TlsOutcome::Closed:
            return tr("the connection was closed during the TLS handshake, before any certificate came");
        case TlsOutcome::Unavailable:
            return tr("no TLS library: the OpenSSL plugin is missing");
        case TlsOutcome::HandshakeFailed:
            return tr("the TLS handshake failed without a certificate error");
        case TlsOutcome::Untrusted:
            return tr("the certificate is not trusted");
        default:
            return statusLabel(r.status);
        }
    }
    return {};
}

QStringList ProbeTexts::notes(const ProbeResult &r)
{
    QStringList out;
    const QString host = hostNote(r.target);
    if (!host.isEmpty())
        out << host;
    if (r.target.protocol == u"ANY" && r.target.isTestable())
        out << tr("The rule allows any protocol: tested as TCP %1. Its UDP part cannot be proven from a client.")
                   .arg(ports(r.target));
    if (r.cnameToPrivateLink() && r.hasPublicAddress() && !r.hasPrivateAddress())
        out << tr("The name points to a private link zone but resolves to a public address: this machine does not see "
                  "the private endpoint's DNS record (private DNS zone not linked, or no conditional forwarder).");
    else if (r.hasPrivateAddress())
        out << tr("Resolves to a private address: the traffic goes to a private endpoint or through your network, "
                  "not to the internet.");
    if (r.path.mode == PathMode::HttpProxy && r.dns != DnsOutcome::Ok && r.dns != DnsOutcome::NotRun)
        out << tr("This machine cannot resolve the name itself; the proxy does.");
    if (r.path.bypassed)
        out << tr("Tested directly: a proxy carries web traffic only, not port %1.").arg(r.target.port);
    const ConnectOutcome v4 = r.familyOutcome(QAbstractSocket::IPv4Protocol);
    const ConnectOutcome v6 = r.familyOutcome(QAbstractSocket::IPv6Protocol);
    if (r.path.mode == PathMode::Direct && v4 == ConnectOutcome::Connected && v6 != ConnectOutcome::Connected
        && v6 != ConnectOutcome::NotTried)
        out << tr("IPv6 fails while IPv4 works: programs that prefer IPv6 may wait or fail.");
    if (r.path.mode == PathMode::Direct && v6 == ConnectOutcome::Connected && v4 != ConnectOutcome::Connected
        && v4 != ConnectOutcome::NotTried)
        out << tr("IPv4 fails while IPv6 works: programs that use IPv4 will fail.");
    return out;
}

QString ProbeTexts::changeLabel(ProbeChange change)
{
    switch (change) {
    case ProbeChange::None:
        return {};
    case ProbeChange::New:
        return tr("new");
    case ProbeChange::Unchanged:
        return tr("unchanged");
    case ProbeChange::Fixed:
        return tr("fixed");
    case ProbeChange::Broken:
        return tr("now failing");
    case ProbeChange::Changed:
        return tr("changed");
    }
    return {};
}

QString ProbeTexts::demoBanner()
{
    return tr("DEMO: a simulated network on this computer (127.0.0.1), not a real test. Do not use these results as "
              "evidence.");
}

} // namespace amlfw
