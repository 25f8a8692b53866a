#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

namespace amlfw {

// Certificates of the demo network, made in memory at start (EC P-256, through libcrypto: QtNetwork
// cannot issue certificates). Valid from yesterday for 30 days; never written anywhere.
struct DemoCertificate
{
    QSslCertificate certificate;
    QSslKey key;
    bool isNull() const { return certificate.isNull() || key.isNull(); }
};

class DemoPki
{
public:
    // A self-signed CA with this common name and organization.
    static DemoCertificate makeCa(const QString &commonName, const QString &organization);
    // A server certificate for these DNS names, issued by `ca`.
    static DemoCertificate makeLeaf(const QStringList &dnsNames, const DemoCertificate &ca);
};

} // namespace amlfw
