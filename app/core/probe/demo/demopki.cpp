#include "demopki.h"

#include <QRandomGenerator>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace amlfw {

namespace {

struct Free
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
};
template<typename T>
using Owned = std::unique_ptr<T, Free>;

Owned<EVP_PKEY> newKey()
{
    Owned<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nullptr));
    EVP_PKEY *key = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0
        || EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx.get(), NID_X9_62_prime256v1) <= 0
        || EVP_PKEY_keygen(ctx.get(), &key) <= 0)
        return nullptr;
    return Owned<EVP_PKEY>(key);
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    Owned<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

void setName(X509_NAME *name, const QString &commonName, const QString &organization)
{
    const QByteArray o = organization.toUtf8();
    const QByteArray cn = commonName.toUtf8();
    if (!o.isEmpty())
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(o.constData()), -1,
                                   -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1,
                               -1, 0);
}

// Builds and signs a certificate; issuer == nullptr: self-signed with `key`.
DemoCertificate make(const QString &commonName, const QString &organization, const QStringList &dnsNames,
                     const DemoCertificate *issuer)
{
    Owned<EVP_PKEY> key = newKey();
    Owned<X509> cert(X509_new());
    if (!key || !cert)
        return DemoCertificate();
    X509_set_version(cert.get(), 2);
    BIGNUM *serial = BN_new();
    const quint64 random = QRandomGenerator::system()->generate64() >> 1;
    BN_set_word(serial, static_cast<BN_ULONG>(random));
    BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert.get()));
    BN_free(serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -24 * 3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 30 * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    setName(X509_get_subject_name(cert.get()), commonName, organization);

    Owned<X509> issuerCert;
    Owned<EVP_PKEY> issuerKey;
    if (issuer) {
        const QByteArray pem = issuer->certificate.toPem();
        Owned<BIO> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
        issuerCert.reset(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        const QByteArray keyPem = issuer->key.toPem();
        Owned<BIO> keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
        issuerKey.reset(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
        if (!issuerCert || !issuerKey)
            return DemoCertificate();
        X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert.get()));
    } else {
        X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get()));
    }
    X509 *signer = issuer ? issuerCert.get() : cert.get();
    bool ok = addExtension(cert.get(), signer, NID_subject_key_identifier, "hash")
              && addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    if (issuer) {
        QStringList alt;
        for (const QString &n : dnsNames)
            alt << QStringLiteral("DNS:") + n;
        ok = ok && addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE")
             && addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature")
             && addExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth")
             && (alt.isEmpty() || addExtension(cert.get(), signer, NID_subject_alt_name, alt.join(u',').toUtf8()));
    } else {
        ok = ok && addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE")
             && addExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    }
    if (!ok || X509_sign(cert.get(), issuer ? issuerKey.get() : key.get(), EVP_sha256()) <= 0)
        return DemoCertificate();

    Owned<BIO> certOut(BIO_new(BIO_s_mem()));
    Owned<BIO> keyOut(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(certOut.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyOut.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return DemoCertificate();
    DemoCertificate out;
    out.certificate = QSslCertificate(bioBytes(certOut.get()), QSsl::Pem);
    out.key = QSslKey(bioBytes(keyOut.get()), QSsl::Ec, QSsl::Pem);
    return out;
}

} // namespace

DemoCertificate DemoPki::makeCa(const QString &commonName, const QString &organization)
{
    return make(commonName, organization, {}, nullptr);
}

DemoCertificate DemoPki::makeLeaf(const QStringList &dnsNames, const DemoCertificate &ca)
{
    if (ca.isNull() || dnsNames.isEmpty())
        return DemoCertificate();
    return make(dnsNames.constFirst(), QString(), dnsNames, &ca);
}

} // namespace amlfw
