#include "ntlm.h"
#include "proxyauth.h"

#include <QTest>

using namespace amlfw;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text).replace(' ', ""));
}

// MS-NLMP 4.2.4.3: the CHALLENGE_MESSAGE of the NTLMv2 example (target "Server", AV pairs
// NbDomainName "Domain" and NbComputerName "Server").
QByteArray specChallenge()
{
    return hex("4e544c4d53535000020000000c000c0038000000"
               "33828ae2"
               "0123456789abcdef"
               "0000000000000000"
               "24002400"
               "44000000"
               "060070170000000f"
               "53006500720076006500720002000c0044006f006d00610069006e0001000c00"
               "530065007200760065007200"
               "00000000");
}

HttpHead challengeHead(const QString &value)
{
    HttpHead head;
    head.status = 407;
    head.headers.insert(QStringLiteral("proxy-authenticate"), value);
    return head;
}

} // namespace

class TestProxyAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // MS-NLMP 4.2.2.1.2 and 4.2.4: NTOWFv1, NTOWFv2, the NTLMv2 and LMv2 responses, the session base key.
    void ntlmSpecVectors()
    {
        QCOMPARE(Ntlm::ntOwfV1(QStringLiteral("Password")).toHex(), QByteArray("a4f49c406510bdcab6824ee7c30fd852"));
        const QByteArray key
            = Ntlm::ntOwfV2(QStringLiteral("Password"), QStringLiteral("User"), QStringLiteral("Domain"));
        QCOMPARE(key.toHex(), QByteArray("0c868a403bfd7a93a3001ef22ef02e3f"));

        Ntlm::Challenge c;
        QVERIFY(Ntlm::parseChallenge(specChallenge(), &c));
        QCOMPARE(c.serverChallenge.toHex(), QByteArray("0123456789abcdef"));
        QCOMPARE(c.targetName, QStringLiteral("Server"));
        QCOMPARE(c.flags, 0xe28a8233u);
        QCOMPARE(c.targetInfo.size(), 36);
        QVERIFY(c.timestamp.isEmpty());

        const QByteArray clientChallenge(8, char(0xaa));
        const QByteArray time(8, '\0');
        const QByteArray nt = Ntlm::ntlmV2Response(key, c.serverChallenge, clientChallenge, time, c.targetInfo);
        QCOMPARE(nt.left(16).toHex(), QByteArray("68cd0ab851e51c96aabc927bebef6a1c")); // NTProofStr
        QCOMPARE(Ntlm::sessionBaseKey(key, nt.left(16)).toHex(), QByteArray("8de40ccadbc14a82f15cb0ad0de95ca3"));
        QCOMPARE(Ntlm::lmV2Response(key, c.serverChallenge, clientChallenge).toHex(),
                 QByteArray("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa"));
    }

    void ntlmAuthenticateMessageLayout()
    {
        Ntlm::Challenge c;
        QVERIFY(Ntlm::parseChallenge(specChallenge(), &c));
        const QByteArray m
            = Ntlm::authenticateMessage(c, QStringLiteral("Domain\\User"), QStringLiteral("Password"),
                                        QStringLiteral("COMPUTER"), QByteArray(8, char(0xaa)), QByteArray(8, '\0'));
        QVERIFY(m.startsWith(QByteArray("NTLMSSP\0\3\0\0\0", 12)));
        auto field = [&m](int at) {
            const int len = quint8(m.at(at)) | (quint8(m.at(at + 1)) << 8);
            const int off = quint8(m.at(at + 4)) | (quint8(m.at(at + 5)) << 8);
            return m.mid(off, len);
        };
        QCOMPARE(field(12).toHex(), QByteArray("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa"));
        QCOMPARE(field(20).left(16).toHex(), QByteArray("68cd0ab851e51c96aabc927bebef6a1c"));
        QCOMPARE(field(20).size(), 16 + 28 + 36 + 4);
        QCOMPARE(field(28), QByteArray("D\0o\0m\0a\0i\0n\0", 12)); // Unicode: the challenge asked for it
        QCOMPARE(field(36), QByteArray("U\0s\0e\0r\0", 8));
        QCOMPARE(field(44), QByteArray("C\0O\0M\0P\0U\0T\0E\0R\0", 16));
        QVERIFY(field(52).isEmpty()); // no key exchange

        // A UPN stays the user name, with an empty domain.
        const Ntlm::Identity upn = Ntlm::splitUser(QStringLiteral("user@corp.example"));
        QCOMPARE(upn.user, QStringLiteral("user@corp.example"));
        QVERIFY(upn.domain.isEmpty());
    }

    void ntlmRejectsGarbage()
    {
        Ntlm::Challenge c;
        QVERIFY(!Ntlm::parseChallenge(QByteArray("NTLMSSP"), &c));
        QByteArray wrongType = specChallenge();
        wrongType[8] = 3;
        QVERIFY(!Ntlm::parseChallenge(wrongType, &c));
        QByteArray outside = specChallenge();
        outside[44] = char(0xf0); // target info offset beyond the end
        QVERIFY(!Ntlm::parseChallenge(outside, &c));
        // squid's ntlm_fake_auth: a target name pointing outside, no target info. Readable.
        QVERIFY(Ntlm::parseChallenge(
            QByteArray::fromBase64("TlRMTVNTUAACAAAACQAJAK6qqqoHggig9fliYhiTdl0AAAAAAAA6AFdPUktHUk9VUA=="), &c));
        QCOMPARE(c.serverChallenge.toHex(), QByteArray("f5f962621893765d"));
        QVERIFY(c.targetInfo.isEmpty());
        const QByteArray negotiate = Ntlm::negotiateMessage();
        QCOMPARE(negotiate.size(), 32);
        QCOMPARE(negotiate.mid(12, 4).toHex(), QByteArray("078208a0"));
    }

    // RFC 7616 3.9.1: MD5 and SHA-256 for the same challenge.
    void digestRfcVectors_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<QByteArray>("response");
        QTest::newRow("MD5") << QStringLiteral("MD5") << QByteArray("8ca523f5e9506fed4657c9700eebdbec");
        QTest::newRow("SHA-256") << QStringLiteral("SHA-256")
                                 << QByteArray("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }
    void digestRfcVectors()
    {
        QFETCH(QString, algorithm);
        QFETCH(QByteArray, response);
        const QList<AuthChallenge> challenges = parseAuthChallenges(
            QStringLiteral("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=%1, "
                           "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                           "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"")
                .arg(algorithm));
        QCOMPARE(challenges.size(), 1);
        const QByteArray credentials = digestCredentials(
            challenges.first(),
            {QStringLiteral("Mufasa"), QStringLiteral("Circle of Life"), QStringLiteral("GET"),
             QStringLiteral("/dir/index.html"), QStringLiteral("f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"), 1});
        QVERIFY2(credentials.contains(QByteArray("response=\"" + response + '"')), credentials.constData());
        QVERIFY(credentials.contains("qop=auth, nc=00000001"));
        QVERIFY(credentials.contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""));
    }

    void challengeParsing()
    {
        const QList<AuthChallenge> c = parseAuthChallenges(QStringLiteral(
            "Negotiate, NTLM\nBasic realm=\"a, b\", Digest realm=x, nonce=\"n\"\nNTLM TlRMTVNTUAACAA=="));
        QCOMPARE(c.size(), 5);
        QCOMPARE(c.at(0).scheme, QStringLiteral("Negotiate"));
        QCOMPARE(c.at(1).scheme, QStringLiteral("NTLM"));
        QCOMPARE(c.at(2).params.value(QStringLiteral("realm")), QStringLiteral("a, b"));
        QCOMPARE(c.at(3).scheme, QStringLiteral("Digest"));
        QCOMPARE(c.at(3).params.value(QStringLiteral("nonce")), QStringLiteral("n"));
        QCOMPARE(c.at(4).token, QByteArray("TlRMTVNTUAACAA=="));
    }

    void schemeChoice()
    {
        const HttpHead all = challengeHead(
            QStringLiteral("Basic realm=x\nDigest realm=x, nonce=\"n\", qop=\"auth\"\nNTLM\nNegotiate"));
        ProxyAuthenticator a(QStringLiteral("CORP\\alice"), QStringLiteral("pw"));
        QVERIFY(a.challenged(all, QStringLiteral("CONNECT"), QStringLiteral("h:443")));
        QCOMPARE(a.scheme(), QStringLiteral("NTLM"));
        QVERIFY(a.header().startsWith("Proxy-Authorization: NTLM TlRMTVNTUAAB"));
        QVERIFY(!a.credentialsSent());
        QCOMPARE(a.offered(), (QStringList{QStringLiteral("Basic"), QStringLiteral("Digest"), QStringLiteral("NTLM"),
                                           QStringLiteral("Negotiate")}));

        Ntlm::Challenge parsed;
        QVERIFY(Ntlm::parseChallenge(specChallenge(), &parsed));
        const HttpHead type2 = challengeHead(QStringLiteral("NTLM ") + QString::fromLatin1(specChallenge().toBase64()));
        QVERIFY(a.challenged(type2, QStringLiteral("CONNECT"), QStringLiteral("h:443")));
        QVERIFY(a.needsSameConnection());
        QVERIFY(a.credentialsSent());
        QVERIFY(a.header().startsWith("Proxy-Authorization: NTLM TlRMTVNTUAAD"));
        QVERIFY(!a.challenged(all, QStringLiteral("CONNECT"), QStringLiteral("h:443")));
        QCOMPARE(a.giveUp(), ProxyAuthenticator::GiveUp::Rejected);

        ProxyAuthenticator digest(QStringLiteral("alice"), QStringLiteral("pw"));
        QVERIFY(
            digest.challenged(challengeHead(QStringLiteral("Basic realm=x\nDigest realm=x, nonce=\"n\", qop=\"auth\"")),
                              QStringLiteral("CONNECT"), QStringLiteral("h:443")));
        QCOMPARE(digest.scheme(), QStringLiteral("Digest"));
        QVERIFY(digest.header().contains("uri=\"h:443\""));

        ProxyAuthenticator onlyNegotiate(QStringLiteral("alice"), QStringLiteral("pw"));
        QVERIFY(onlyNegotiate.challenged(challengeHead(QStringLiteral("Negotiate")), QStringLiteral("CONNECT"),
                                         QStringLiteral("h:443")));
        QVERIFY(onlyNegotiate.header().startsWith("Proxy-Authorization: Negotiate TlRMTVNTUAAB"));

        ProxyAuthenticator none;
        QVERIFY(!none.challenged(all, QStringLiteral("CONNECT"), QStringLiteral("h:443")));
        QCOMPARE(none.giveUp(), ProxyAuthenticator::GiveUp::NoCredentials);
        ProxyAuthenticator unknown(QStringLiteral("alice"), QStringLiteral("pw"));
        QVERIFY(!unknown.challenged(challengeHead(QStringLiteral("Bearer realm=x")), QStringLiteral("CONNECT"),
                                    QStringLiteral("h:443")));
        QCOMPARE(unknown.giveUp(), ProxyAuthenticator::GiveUp::Unsupported);
    }
};

QTEST_GUILESS_MAIN(TestProxyAuth)
#include "tst_proxyauth.moc"
