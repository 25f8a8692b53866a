// choosePath: direct, through an HTTP proxy, around it, or refused, from the options and the
// system's proxy answer. No sockets, no system settings.
#include "pathchoice.h"

#include <QtTest>

using namespace amlfw;

namespace {

PathRequest request(const QString &host, int port, bool web, const QNetworkProxy &proxy = QNetworkProxy::NoProxy)
{
    PathRequest r;
    r.host = host;
    r.port = port;
    r.web = web;
    r.proxy = proxy;
    return r;
}

QNetworkProxy httpProxy(const QString &host = QStringLiteral("proxy.corp.test"), quint16 port = 3128)
{
    return QNetworkProxy(QNetworkProxy::HttpProxy, host, port, QStringLiteral("alice"), QStringLiteral("s3cret"));
}

} // namespace

class TestPathChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void directWithoutProxy()
    {
        for (const QNetworkProxy &none :
             {QNetworkProxy(QNetworkProxy::NoProxy), QNetworkProxy(QNetworkProxy::DefaultProxy)}) {
            const PathChoice c = choosePath(request(QStringLiteral("a.test"), 443, true, none));
            QVERIFY(!c.viaProxy);
            QVERIFY(!c.bypassed);
            QVERIFY(c.unsupportedProxy.isEmpty());
            QCOMPARE(c.connectHost, QStringLiteral("a.test"));
            QCOMPARE(c.connectPort, 443);
            QCOMPARE(c.proxyDisplay(), QString());
        }
    }

    void webTrafficGoesThroughAnHttpProxy()
    {
        for (auto type : {QNetworkProxy::HttpProxy, QNetworkProxy::HttpCachingProxy}) {
            QNetworkProxy proxy = httpProxy();
            proxy.setType(type);
            const PathChoice c = choosePath(request(QStringLiteral("a.test"), 443, true, proxy));
            QVERIFY(c.viaProxy);
            QCOMPARE(c.proxyHost, QStringLiteral("proxy.corp.test"));
            QCOMPARE(c.proxyPort, 3128);
            QCOMPARE(c.proxyUser, QStringLiteral("alice"));
            QCOMPARE(c.proxyPassword, QStringLiteral("s3cret"));
            QCOMPARE(c.connectHost, QStringLiteral("a.test")); // what CONNECT names: the proxy resolves it
            QCOMPARE(c.proxyDisplay(), QStringLiteral("proxy.corp.test:3128"));
            QVERIFY(!c.proxyDisplay().contains(QStringLiteral("s3cret")));
        }
    }

    void otherPortsGoAroundTheProxy()
    {
        for (auto type : {QNetworkProxy::HttpProxy, QNetworkProxy::Socks5Proxy, QNetworkProxy::FtpCachingProxy}) {
            QNetworkProxy proxy = httpProxy();
            proxy.setType(type);
            const PathChoice c = choosePath(request(QStringLiteral("files.test"), 445, false, proxy));
            QVERIFY(!c.viaProxy);
            QVERIFY(c.bypassed);
            QVERIFY(c.unsupportedProxy.isEmpty()); // not a failure: SMB never goes through it
            QCOMPARE(c.connectPort, 445);
        }
    }

    void unsupportedProxyIsNamedNotBypassed()
    {
        const PathChoice socks
            = choosePath(request(QStringLiteral("a.test"), 443, true,
                                 QNetworkProxy(QNetworkProxy::Socks5Proxy, QStringLiteral("socks.test"), 1080)));
        QVERIFY(!socks.viaProxy);
        QVERIFY(!socks.bypassed);
        QCOMPARE(socks.unsupportedProxy, QStringLiteral("socks5://socks.test:1080"));
        const PathChoice ftp
            = choosePath(request(QStringLiteral("a.test"), 80, true,
                                 QNetworkProxy(QNetworkProxy::FtpCachingProxy, QStringLiteral("::1"), 21)));
        QCOMPARE(ftp.unsupportedProxy, QStringLiteral("ftp://[::1]:21"));
    }

    void connectToRedirects_data()
    {
        QTest::addColumn<QString>("toHost");
        QTest::addColumn<int>("toPort");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("host and port") << QStringLiteral("127.0.0.1") << 8443 << QStringLiteral("127.0.0.1") << 8443;
        QTest::newRow("port only") << QString() << 8443 << QStringLiteral("a.test") << 8443;
        QTest::newRow("host only") << QStringLiteral("b.test") << 0 << QStringLiteral("b.test") << 443;
        QTest::newRow("neither") << QString() << 0 << QStringLiteral("a.test") << 443;
        QTest::newRow("negative port") << QString() << -1 << QStringLiteral("a.test") << 443;
    }

    void connectToRedirects()
    {
        QFETCH(QString, toHost);
        QFETCH(int, toPort);
        QFETCH(QString, host);
        QFETCH(int, port);
        PathRequest r = request(QStringLiteral("a.test"), 443, true);
        r.redirected = true;
        r.redirectHost = toHost;
        r.redirectPort = toPort;
        PathChoice c = choosePath(r);
        QCOMPARE(c.connectHost, host);
        QCOMPARE(c.connectPort, port);
        // Through a proxy, the redirect is what CONNECT names.
        r.proxy = httpProxy();
        c = choosePath(r);
        QVERIFY(c.viaProxy);
        QCOMPARE(c.connectHost, host);
        QCOMPARE(c.connectPort, port);
    }

    void redirectIgnoredUnlessMatched()
    {
        PathRequest r = request(QStringLiteral("a.test"), 443, true);
        r.redirectHost = QStringLiteral("elsewhere.test"); // left over, but no rule matched
        r.redirectPort = 1;
        const PathChoice c = choosePath(r);
        QCOMPARE(c.connectHost, QStringLiteral("a.test"));
        QCOMPARE(c.connectPort, 443);
    }

    void hostileProxyAnswers()
    {
        // An empty or odd system answer must not turn into a path to nowhere silently.
        const PathChoice empty = choosePath(
            request(QStringLiteral("a.test"), 443, true, QNetworkProxy(QNetworkProxy::HttpProxy, QString(), 0)));
        QVERIFY(empty.viaProxy);
        QCOMPARE(empty.proxyDisplay(), QStringLiteral(":0")); // reported as given; its connection then fails
        const PathChoice v6
            = choosePath(request(QStringLiteral("a.test"), 443, true, httpProxy(QStringLiteral("fd00::1"), 8080)));
        QCOMPARE(v6.proxyDisplay(), QStringLiteral("[fd00::1]:8080"));
    }

    void noProxyAsCurlReadsIt_data()
    {
        QTest::addColumn<QString>("noProxy");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("bypassed");
        QTest::newRow("star") << u"*"_qs << u"login.microsoftonline.com"_qs << 443 << true;
        QTest::newRow("star among others") << u"a.example, *"_qs << u"b.example"_qs << 443 << true;
        QTest::newRow("domain itself") << u"corp.example"_qs << u"corp.example"_qs << 443 << true;
        QTest::newRow("domain's subdomain") << u"corp.example"_qs << u"x.corp.example"_qs << 443 << true;
        QTest::newRow("leading dot") << u".corp.example"_qs << u"x.y.corp.example"_qs << 443 << true;
        QTest::newRow("leading star dot") << u"*.corp.example"_qs << u"x.corp.example"_qs << 443 << true;
        QTest::newRow("not a suffix of a label") << u"corp.example"_qs << u"notcorp.example"_qs << 443 << false;
        QTest::newRow("case") << u"Corp.Example"_qs << u"X.CORP.example"_qs << 443 << true;
        QTest::newRow("port matches") << u"corp.example:443"_qs << u"x.corp.example"_qs << 443 << true;
        QTest::newRow("port differs") << u"corp.example:8443"_qs << u"x.corp.example"_qs << 443 << false;
        QTest::newRow("address") << u"10.1.2.3"_qs << u"10.1.2.3"_qs << 443 << true;
        QTest::newRow("prefix") << u"10.0.0.0/8"_qs << u"10.1.2.3"_qs << 443 << true;
        QTest::newRow("other address") << u"10.0.0.0/8"_qs << u"192.0.2.1"_qs << 443 << false;
        QTest::newRow("IPv6") << u"[2001:db8::1]"_qs << u"2001:db8::1"_qs << 443 << true;
        QTest::newRow("empty") << QString() << u"corp.example"_qs << 443 << false;
    }

    void noProxyAsCurlReadsIt()
    {
        QFETCH(QString, noProxy);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, bypassed);
        QCOMPARE(noProxyMatches(noProxy, host, port), bypassed);
    }

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // The environment as a Linux shell sets it: Qt gives the proxy, no_proxy's "*" and bare domains
    // are applied as curl applies them (Qt 6.4 with libproxy does not).
    void environmentOnLinux()
    {
        qputenv("https_proxy", "http://127.0.0.1:3128");
        qputenv("http_proxy", "http://127.0.0.1:3129");
        qputenv("no_proxy", "corp.example");
        QNetworkProxy p = systemProxyFor(u"login.microsoftonline.com"_qs, 443, true);
        QCOMPARE(p.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(p.port(), 3128);
        p = systemProxyFor(u"login.microsoftonline.com"_qs, 80, false);
        QCOMPARE(p.port(), 3129);
        QCOMPARE(systemProxyFor(u"x.corp.example"_qs, 443, true).type(), QNetworkProxy::NoProxy);
        qputenv("no_proxy", "*");
        QCOMPARE(systemProxyFor(u"login.microsoftonline.com"_qs, 443, true).type(), QNetworkProxy::NoProxy);
        qunsetenv("no_proxy");
        qputenv("NO_PROXY", "*");
        QCOMPARE(systemProxyFor(u"login.microsoftonline.com"_qs, 443, true).type(), QNetworkProxy::NoProxy);
        qunsetenv("NO_PROXY");
        qunsetenv("https_proxy");
        qunsetenv("http_proxy");
    }
#endif

    void hostPortBrackets()
    {
        QCOMPARE(hostPort(QStringLiteral("a.test"), 443), QStringLiteral("a.test:443"));
        QCOMPARE(hostPort(QStringLiteral("::1"), 443), QStringLiteral("[::1]:443"));
        QCOMPARE(hostPort(QStringLiteral("10.0.0.1"), 80), QStringLiteral("10.0.0.1:80"));
    }
};

QTEST_GUILESS_MAIN(TestPathChoice)
#include "tst_pathchoice.moc"
