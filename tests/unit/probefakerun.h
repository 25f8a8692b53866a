#pragma once

// A live test's results made up here (no network), for the report tests: every feature of a
// catalog edition, names under .core. not resolved (28 rows in 2021-11), port 80 refused, one host
// TLS-inspected, the rest reachable.
#include "catalog.h"
#include "probeplanner.h"
#include "proberun.h"
#include "rulegenerator.h"

namespace amlfw::test {

inline ProbeRun fakeProbeRun(const Catalog &catalog, bool allFeatures)
{
    ProbeRun run;
    Answers a;
    a.cloud = QStringLiteral("public");
    a.region = QStringLiteral("japaneast");
    a.storage = QStringLiteral("mystore");
    if (allFeatures) {
        for (const Feature &f : catalog.features)
            a.features << f.id;
    } else {
        a.features = {QStringLiteral("compute-instance")};
    }
    run.set = RuleGenerator::generate(catalog, a);
    for (const ProbeTarget &t : ProbePlanner::plan(run.set, run.options)) {
        ProbeResult r;
        r.target = t;
        if (!t.isTestable()) {
            r.status = ProbeStatus::NotTestable;
            run.results << r;
            continue;
        }
        r.timings = {1, 3, -1, t.tls ? 12 : -1, t.http ? 20 : -1, 40};
        if (t.host.contains(QStringLiteral(".core."))) {
            r.dns = DnsOutcome::NotFound;
            r.dnsError = QStringLiteral("Host not found");
            r.status = ProbeResult::deriveStatus(r);
            run.results << r;
            continue;
        }
        r.dns = DnsOutcome::Ok;
        r.addressSource = AddressSource::Dns;
        r.addresses = {{QHostAddress(QStringLiteral("203.0.113.10")), AddressScope::Public}}; // a documentation address (RFC 5737): never contacted, this run is made up
        TcpAttempt attempt;
        attempt.address = r.addresses.first().address;
        attempt.port = t.port;
        attempt.outcome = t.port == 80 ? ConnectOutcome::Refused : ConnectOutcome::Connected;
        attempt.ms = 3;
        r.tcp = {attempt};
        if (t.tls && attempt.outcome == ConnectOutcome::Connected) {
            r.tls.outcome = TlsOutcome::Ok;
            r.tls.sni = t.host;
            r.tls.protocol = QStringLiteral("TLS 1.3");
            CertificateInfo leaf;
            leaf.subject = t.host;
            leaf.issuer = QStringLiteral("Microsoft Azure TLS Issuing CA 05");
            leaf.issuerOrganization = QStringLiteral("Microsoft Corporation");
            r.tls.chain = {leaf};
            if (t.host == u"ml.azure.com") {
                r.tls.chain.first().issuer = QStringLiteral("Contoso Inspection CA");
                r.tls.chain.first().issuerOrganization = QStringLiteral("Contoso");
                r.tls.unexpectedIssuer = true;
            }
        }
        if (t.http && attempt.outcome == ConnectOutcome::Connected) {
            r.http.outcome = HttpOutcome::Answered;
            r.http.method = QStringLiteral("HEAD");
            r.http.status = 200;
            r.http.reason = QStringLiteral("OK");
        }
        r.status = ProbeResult::deriveStatus(r);
        run.results << r;
    }
    run.vantage.hostName = QStringLiteral("admin-pc");
    run.vantage.os = QStringLiteral("Test OS");
    run.vantage.proxySetting = QStringLiteral("none");
    run.vantage.proxyUsed = {QStringLiteral("direct")};
    run.vantage.startedAt = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
    run.vantage.finishedAt = run.vantage.startedAt.addMSecs(1234);
    return run;
}

} // namespace amlfw::test
