#include "testpki.h"

#include <QDir>
#include <QFile>
#include <QProcess>

TestPki::TestPki(const QString &directory) : m_directory(directory) {}

QString TestPki::path(const QString &name) const
{
    return QDir(m_directory).filePath(name);
}

bool TestPki::openssl(const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2 %3")
                     .arg(arguments.join(u' '), process.errorString(), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

static QStringList newKey(const QString &keyPath)
{
    // EC keys: made in milliseconds, unlike RSA.
    return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyPath};
}

bool TestPki::create(QString *error)
{
    auto makeCa = [&](const QString &name, const char *org, const char *cn) {
        QStringList args{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-sha256"),
                         QStringLiteral("-days"), QStringLiteral("3")};
        args << newKey(path(name + QStringLiteral(".key")));
        args << QStringLiteral("-subj") << QStringLiteral("/O=%1/CN=%2").arg(QLatin1String(org), QLatin1String(cn))
             << QStringLiteral("-addext") << QStringLiteral("basicConstraints=critical,CA:TRUE")
             << QStringLiteral("-addext") << QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")
             << QStringLiteral("-out") << path(name + QStringLiteral(".pem"));
        return openssl(args, error);
    };
    if (!makeCa(QStringLiteral("public-ca"), PublicOrganization, PublicCommonName)
        || !makeCa(QStringLiteral("inspection-ca"), InspectionOrganization, InspectionCommonName))
        return false;
    publicCaPath = path(QStringLiteral("public-ca.pem"));
    inspectionCaPath = path(QStringLiteral("inspection-ca.pem"));
    publicCa = QSslCertificate::fromPath(publicCaPath).value(0);
    inspectionCa = QSslCertificate::fromPath(inspectionCaPath).value(0);
    if (publicCa.isNull() || inspectionCa.isNull()) {
        *error = QStringLiteral("cannot read the test CAs");
        return false;
    }
    return true;
}

static QString extensions(const QStringList &dnsNames)
{
    QStringList alt;
    for (const QString &n : dnsNames)
        alt << QStringLiteral("DNS:") + n;
    alt << QStringLiteral("IP:127.0.0.1") << QStringLiteral("IP:::1");
    return QStringLiteral("subjectAltName=%1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                          "extendedKeyUsage=serverAuth\n")
        .arg(alt.join(u','));
}

std::optional<TestPki::Issued> TestPki::load(const QString &name, const QList<QSslCertificate> &chainTail, QString *error)
{
    Issued issued;
    issued.certificatePath = path(name + QStringLiteral(".pem"));
    issued.certificate = QSslCertificate::fromPath(issued.certificatePath).value(0);
    QFile keyFile(path(name + QStringLiteral(".key")));
    if (keyFile.open(QIODevice::ReadOnly))
        issued.key = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    if (issued.certificate.isNull() || issued.key.isNull()) {
        *error = QStringLiteral("cannot read the certificate or key of %1").arg(name);
        return std::nullopt;
    }
    issued.chain << issued.certificate << chainTail;
    return issued;
}

std::optional<TestPki::Issued> TestPki::issue(const QString &name, const QStringList &dnsNames, Authority authority,
                                              QString *error)
{
    const QString ca = authority == Authority::Public ? QStringLiteral("public-ca") : QStringLiteral("inspection-ca");
    const QString ext = path(name + QStringLiteral(".ext"));
    QFile extFile(ext);
    if (!extFile.open(QIODevice::WriteOnly) || extFile.write(extensions(dnsNames).toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(ext);
        return std::nullopt;
    }
    extFile.close();
    QStringList request{QStringLiteral("req"), QStringLiteral("-new")};
    request << newKey(path(name + QStringLiteral(".key")));
    request << QStringLiteral("-subj") << QStringLiteral("/CN=") + dnsNames.value(0, name) << QStringLiteral("-out")
            << path(name + QStringLiteral(".csr"));
    if (!openssl(request, error))
        return std::nullopt;
    const QStringList sign{QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-sha256"),
                           QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-in"),
                           path(name + QStringLiteral(".csr")), QStringLiteral("-CA"), path(ca + QStringLiteral(".pem")),
                           QStringLiteral("-CAkey"), path(ca + QStringLiteral(".key")), QStringLiteral("-set_serial"),
                           QString::number(++m_serial), QStringLiteral("-extfile"), ext, QStringLiteral("-out"),
                           path(name + QStringLiteral(".pem"))};
    if (!openssl(sign, error))
        return std::nullopt;
    return load(name, {authority == Authority::Public ? publicCa : inspectionCa}, error);
}

std::optional<TestPki::Issued> TestPki::selfSigned(const QString &name, const QStringList &dnsNames, QString *error)
{
    QStringList alt;
    for (const QString &n : dnsNames)
        alt << QStringLiteral("DNS:") + n;
    QStringList args{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-sha256"), QStringLiteral("-days"),
                     QStringLiteral("2")};
    args << newKey(path(name + QStringLiteral(".key")));
    args << QStringLiteral("-subj") << QStringLiteral("/O=Nobody/CN=") + dnsNames.value(0, name)
         << QStringLiteral("-addext") << QStringLiteral("subjectAltName=") + alt.join(u',') << QStringLiteral("-out")
         << path(name + QStringLiteral(".pem"));
    if (!openssl(args, error))
        return std::nullopt;
    return load(name, {}, error);
}
