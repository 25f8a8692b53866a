#pragma once

#include "proberesult.h"
#include "proberun.h"

#include <QCoreApplication>

namespace amlfw {

// Words for probe results, in the current language, shared by the CLI, the reports and the GUI.
class ProbeTexts
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbeTexts)

public:
    static QString statusLabel(ProbeStatus status);  // "Connection refused"
    static QString explanation(const ProbeResult &r); // what happened and what it means
    static QString action(const ProbeResult &r);      // what to ask the firewall (or DNS, proxy) team for
    static QString detail(const ProbeResult &r);      // the specifics: addresses, errors, issuers
    static QStringList notes(const ProbeResult &r);   // hints: private endpoints, IPv6, samples
    static QString hostNote(const ProbeTarget &t);    // why this host stands for the destination
    static QString notTestable(const ProbeTarget &t);

    static QString addressScope(AddressScope scope);
    static QString addresses(const ProbeResult &r); // "10.0.0.4 (private), ..."
    static QString tcp(const ProbeResult &r);       // "IPv4 127.0.0.1: connected; IPv6 ::1: refused"
    static QString tls(const ProbeResult &r);       // "TLS 1.3, TLS_AES_256_GCM_SHA384; issued by ..."
    static QString http(const ProbeResult &r);      // "HEAD 200 OK"
    static QString path(const ProbeResult &r);      // "direct", "proxy 10.0.0.1:3128 (system)"
    static QString proxyAuthExplanation(const ProbeResult &r); // why proxy authentication stopped
    static QString proxyAuthAction(const ProbeResult &r);      // what to give or ask for then
    static QString pacPath(const ProbePath &p);     // "proxy b:3128 (PAC: "PROXY a:1; PROXY b:3128") after a:1 failed"
    static QString proxySetting(const QString &setting); // ProxySetting::display() in words
    static QString pathUsed(const QString &used);        // ProbeVantage::proxyUsed entries in words
    static QString duration(qint64 ms);             // "120 ms", "-"
    static QString ports(const ProbeTarget &t);
    static QString failureDetail(const ProbeResult &r); // the failed stage in words, when nothing says more
    // The label of every output of a run on the demo network.
    static QString demoBanner();
    static QString changeLabel(ProbeChange change); // against a baseline: "fixed", "now failing"     // "443" or the rule's "29876-29877"
};

} // namespace amlfw
