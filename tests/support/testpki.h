#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

#include <optional>

// Certificates made at test time with the openssl command line, in a directory the test owns:
// a CA standing for a service's public issuer, a CA standing for an inspecting proxy, and
// self-signed certificates nobody trusts.
class TestPki
{
public:
    enum class Authority { Public, Inspection };

    static constexpr const char *PublicOrganization = "amlfw Test Public Issuer";
    static constexpr const char *PublicCommonName = "amlfw Test Public CA";
    static constexpr const char *InspectionOrganization = "Contoso Inspection";
    static constexpr const char *InspectionCommonName = "Contoso TLS Inspection CA";

    struct Issued
    {
        QSslCertificate certificate;
        QSslKey key;
        QList<QSslCertificate> chain; // leaf first, then its CA
        QString certificatePath;
    };

    explicit TestPki(const QString &directory);
    bool create(QString *error); // both CAs

    std::optional<Issued> issue(const QString &name, const QStringList &dnsNames, Authority authority, QString *error);
    std::optional<Issued> selfSigned(const QString &name, const QStringList &dnsNames, QString *error);

    QSslCertificate publicCa;
    QSslCertificate inspectionCa;
    QString publicCaPath;
    QString inspectionCaPath;

private:
    bool openssl(const QStringList &arguments, QString *error);
    QString path(const QString &name) const;
    std::optional<Issued> load(const QString &name, const QList<QSslCertificate> &chainTail, QString *error);

    QString m_directory;
    int m_serial = 1000;
};
