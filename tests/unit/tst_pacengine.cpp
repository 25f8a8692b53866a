// The PAC engine: every helper against the semantics browsers give it, the answer parser, the time
// limit, and the messages for scripts that do not compile, throw, loop or return garbage.
#include "httptestserver.h"
#include "pacanswer.h"
#include "pacengine.h"
#include "pacloader.h"

#include <QElapsedTimer>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace amlfw;

namespace {

// No real name is ever resolved: a fixed table, and a fixed clock (Wednesday 2025-03-12 14:30:15 UTC).
PacEnvironment fakeEnvironment(int *lookups = nullptr)
{
    PacEnvironment env;
    env.lookup = [lookups](const QString &host) {
        if (lookups)
            ++*lookups;
        static const QHash<QString, QList<QHostAddress>> table{
            {QStringLiteral("intranet.corp.example"), {QHostAddress(QStringLiteral("10.1.2.3"))}},
            {QStringLiteral("dual.example"),
             {QHostAddress(QStringLiteral("2001:db8::7")), QHostAddress(QStringLiteral("198.51.100.7"))}},
            {QStringLiteral("v6only.example"), {QHostAddress(QStringLiteral("2001:db8::8"))}},
        };
        return table.value(host.toLower());
    };
    env.localAddresses = [] {
        return QList<QHostAddress>{QHostAddress(QStringLiteral("fd00::5")), QHostAddress(QStringLiteral("192.168.7.20"))};
    };
    env.now = [] { return QDateTime(QDate(2025, 3, 12), QTime(14, 30, 15), Qt::UTC); };
    return env;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    f.write(bytes);
    return f.commit() ? path : QString();
}

} // namespace

class TestPacEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpers_data();
    void helpers();
    void answers_data();
    void answers();
    void urlForEndpoint();
    void findProxyAndCache();
    void exPreferred();
    void endlessLoopEndsWithMessage();
    void endlessTopLevel();
    void syntaxErrorNamesLine();
    void throwNamesLine();
    void throwOfAString();
    void garbageAnswers_data();
    void garbageAnswers();
    void noFunction();
    void loaderFile();
    void loaderUrl();
    void loaderFailures();
};

void TestPacEngine::helpers_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *e, const char *x) { QTest::newRow(e) << QString::fromUtf8(e) << QString::fromUtf8(x); };
    row("isPlainHostName('www')", "true");
    row("isPlainHostName('www.example.com')", "false");
    row("isPlainHostName('::1')", "false");
    row("dnsDomainIs('www.example.com', '.example.com')", "true");
    row("dnsDomainIs('WWW.Example.COM', '.example.com')", "true");
    row("dnsDomainIs('www', '.example.com')", "false");
    row("dnsDomainIs('www.other.com', '.example.com')", "false");
    row("localHostOrDomainIs('www.example.com', 'www.example.com')", "true");
    row("localHostOrDomainIs('www', 'www.example.com')", "true");
    row("localHostOrDomainIs('www.other.com', 'www.example.com')", "false");
    row("localHostOrDomainIs('home.example.com', 'www.example.com')", "false");
    row("dnsDomainLevels('www')", "0");
    row("dnsDomainLevels('www.example.com')", "2");
    row("shExpMatch('http://home.example.com/people/ari/index.html', '*/ari/*')", "true");
    row("shExpMatch('http://home.example.com/people/montulli/index.html', '*/ari/*')", "false");
    row("shExpMatch('login.microsoftonline.com', '*.microsoftonline.com')", "true");
    row("shExpMatch('loginXmicrosoftonline.com', '*.microsoftonline.com')", "false");
    row("shExpMatch('abc', 'a?c')", "true");
    row("shExpMatch('a(b)c+', 'a(b)c+')", "true");
    row("isResolvable('intranet.corp.example')", "true");
    row("isResolvable('nowhere.example')", "false");
    row("isResolvable('v6only.example')", "false"); // Netscape's helpers are IPv4 only
    row("isResolvableEx('v6only.example')", "true");
    row("isResolvableEx('nowhere.example')", "false");
    row("dnsResolve('intranet.corp.example')", "10.1.2.3");
    row("dnsResolve('dual.example')", "198.51.100.7");
    row("dnsResolve('nowhere.example')", "null");
    row("dnsResolve('192.0.2.9')", "192.0.2.9");
    row("dnsResolveEx('dual.example')", "2001:db8::7;198.51.100.7");
    row("dnsResolveEx('nowhere.example')", "");
    row("isInNet('intranet.corp.example', '10.0.0.0', '255.0.0.0')", "true");
    row("isInNet('10.1.2.3', '10.1.3.0', '255.255.255.0')", "false");
    row("isInNet('198.51.100.7', '198.51.100.0', '255.255.255.0')", "true");
    row("isInNet('nowhere.example', '0.0.0.0', '0.0.0.0')", "false");
    row("isInNetEx('dual.example', '2001:db8::/32')", "true");
    row("isInNetEx('dual.example', '198.51.100.0/24')", "true");
    row("isInNetEx('intranet.corp.example', '198.51.100.0/24')", "false");
    row("isInNetEx('10.1.2.3', 'not a prefix')", "false");
    row("myIpAddress()", "192.168.7.20");
    row("myIpAddressEx()", "fd00::5;192.168.7.20");
    row("sortIpAddressList('10.2.3.9;2001:4898:28:3:201:2ff:feea:fc14;::1;127.0.0.1;::9')",
        "::1;::9;2001:4898:28:3:201:2ff:feea:fc14;10.2.3.9;127.0.0.1");
    row("sortIpAddressList('10.0.0.1;not-an-address')", "");
    row("getClientVersion()", "1.0");
    // The clock says Wednesday 2025-03-12 14:30:15 GMT.
    row("weekdayRange('MON', 'FRI', 'GMT')", "true");
    row("weekdayRange('WED', 'GMT')", "true");
    row("weekdayRange('THU', 'GMT')", "false");
    row("weekdayRange('SAT', 'MON', 'GMT')", "false");
    row("weekdayRange('FRI', 'WED', 'GMT')", "true");
    row("weekdayRange('XYZ', 'GMT')", "false");
    row("dateRange(12, 'GMT')", "true");
    row("dateRange(13, 'GMT')", "false");
    row("dateRange('MAR', 'GMT')", "true");
    row("dateRange(2025, 'GMT')", "true");
    row("dateRange(1, 15, 'GMT')", "true");
    row("dateRange(20, 5, 'GMT')", "false");
    row("dateRange('JAN', 'MAR', 'GMT')", "true");
    row("dateRange('OCT', 'FEB', 'GMT')", "false");
    row("dateRange('NOV', 'MAR', 'GMT')", "true");
    row("dateRange(1, 'MAR', 15, 'MAR', 'GMT')", "true");
    row("dateRange(13, 'MAR', 30, 'APR', 'GMT')", "false");
    row("dateRange('DEC', 2024, 'MAR', 2025, 'GMT')", "true");
    row("dateRange(1, 'JAN', 2025, 11, 'MAR', 2025, 'GMT')", "false");
    row("dateRange(1, 'JAN', 2025, 12, 'MAR', 2025, 'GMT')", "true");
    row("timeRange(14, 'GMT')", "true");
    row("timeRange(15, 'GMT')", "false");
    row("timeRange(9, 17, 'GMT')", "true");
    row("timeRange(14, 14, 'GMT')", "true");
    row("timeRange(22, 6, 'GMT')", "false");
    row("timeRange(14, 0, 14, 30, 'GMT')", "true");
    row("timeRange(14, 31, 15, 0, 'GMT')", "false");
    row("timeRange(14, 30, 15, 14, 30, 15, 'GMT')", "true");
    row("timeRange(14, 30, 16, 14, 30, 59, 'GMT')", "false");
}

void TestPacEngine::helpers()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    PacEngine engine(fakeEnvironment());
    QString error;
    QCOMPARE(engine.evaluate(expression, &error), expected);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestPacEngine::answers_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QStringList>("expected"); // kind:host:port
    QTest::newRow("direct") << u"DIRECT"_qs << QStringList{u"direct::0"_qs};
    QTest::newRow("empty is direct") << u""_qs << QStringList{u"direct::0"_qs};
    QTest::newRow("fallback list") << u"PROXY a.example:8080; PROXY b.example:3128; DIRECT"_qs
                                   << QStringList{u"http:a.example:8080"_qs, u"http:b.example:3128"_qs, u"direct::0"_qs};
    QTest::newRow("lower case, spaces, trailing ;") << u"  proxy a:1 ;;direct; "_qs
                                                   << QStringList{u"http:a:1"_qs, u"direct::0"_qs};
    QTest::newRow("HTTP and HTTPS") << u"HTTP h:81; HTTPS s:8443"_qs
                                    << QStringList{u"http:h:81"_qs, u"https:s:8443"_qs};
    QTest::newRow("default ports") << u"PROXY h; HTTPS s; SOCKS k"_qs
                                   << QStringList{u"http:h:80"_qs, u"https:s:443"_qs, u"socks:k:1080"_qs};
    QTest::newRow("SOCKS5") << u"SOCKS5 k:1080; DIRECT"_qs << QStringList{u"socks:k:1080"_qs, u"direct::0"_qs};
    QTest::newRow("IPv6") << u"PROXY [2001:db8::1]:3128"_qs << QStringList{u"http:2001:db8::1:3128"_qs};
}

void TestPacEngine::answers()
{
    QFETCH(QString, answer);
    QFETCH(QStringList, expected);
    const PacAnswer a = PacAnswerParser::parse(answer);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QStringList got;
    for (const PacProxy &p : a.proxies) {
        const QString kind = p.kind == PacProxy::Kind::Direct  ? u"direct"_qs
                             : p.kind == PacProxy::Kind::Http  ? u"http"_qs
                             : p.kind == PacProxy::Kind::Https ? u"https"_qs
                                                               : u"socks"_qs;
        got << QString(kind + u':' + p.host + u':' + QString::number(p.port));
    }
    QCOMPARE(got, expected);
    QCOMPARE(a.answer, answer);
}

void TestPacEngine::urlForEndpoint()
{
    QCOMPARE(pacUrlFor(u"login.microsoftonline.com"_qs, 443, true, u"/x"_qs), u"https://login.microsoftonline.com/"_qs);
    QCOMPARE(pacUrlFor(u"h.example"_qs, 8443, true, u"/"_qs), u"https://h.example:8443/"_qs);
    QCOMPARE(pacUrlFor(u"h.example"_qs, 80, false, u"/path"_qs), u"http://h.example/path"_qs);
    QCOMPARE(pacUrlFor(u"h.example"_qs, 8080, false, u"/"_qs), u"http://h.example:8080/"_qs);
}

void TestPacEngine::findProxyAndCache()
{
    int lookups = 0;
    PacEngine engine(fakeEnvironment(&lookups));
    QString error;
    QVERIFY2(engine.load(u"function FindProxyForURL(url, host) {\n"
                         "  if (isInNet(dnsResolve(host), '10.0.0.0', '255.0.0.0')) return 'DIRECT';\n"
                         "  if (shExpMatch(url, 'https://*')) return 'PROXY a.example:8080; PROXY b.example:3128; DIRECT';\n"
                         "  return 'PROXY c.example:80';\n}\n"_qs,
                         u"corp.pac"_qs, &error),
             qPrintable(error));
    PacAnswer a = engine.findProxy(u"https://intranet.corp.example/"_qs, u"intranet.corp.example"_qs);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.answer, u"DIRECT"_qs);
    a = engine.findProxy(u"https://login.example/"_qs, u"login.example"_qs);
    QCOMPARE(a.answer, u"PROXY a.example:8080; PROXY b.example:3128; DIRECT"_qs);
    QCOMPARE(a.proxies.size(), 3);
    a = engine.findProxy(u"http://login.example/"_qs, u"login.example"_qs);
    QCOMPARE(a.answer, u"PROXY c.example:80"_qs);
    QCOMPARE(engine.calls(), 3);
    const int lookupsBefore = lookups;
    a = engine.findProxy(u"https://login.example/"_qs, u"login.example"_qs); // cached
    QCOMPARE(a.proxies.size(), 3);
    QCOMPARE(engine.calls(), 3);
    QCOMPARE(lookups, lookupsBefore);
}

void TestPacEngine::exPreferred()
{
    PacEngine engine(fakeEnvironment());
    QString error;
    QVERIFY(engine.load(u"function FindProxyForURL(u, h) { return 'PROXY old:1'; }\n"
                        "function FindProxyForURLEx(u, h) { return 'PROXY new:2; DIRECT'; }\n"_qs,
                        u"ex.pac"_qs, &error));
    QCOMPARE(engine.findProxy(u"https://x.example/"_qs, u"x.example"_qs).answer, u"PROXY new:2; DIRECT"_qs);
}

void TestPacEngine::endlessLoopEndsWithMessage()
{
    PacEngine engine(fakeEnvironment());
    engine.setTimeLimit(300);
    QString error;
    QVERIFY(engine.load(u"function FindProxyForURL(url, host) {\n  while (true) {}\n}\n"_qs, u"loop.pac"_qs, &error));
    QElapsedTimer clock;
    clock.start();
    const PacAnswer a = engine.findProxy(u"https://x.example/"_qs, u"x.example"_qs);
    QVERIFY(clock.elapsed() < 3000);
    QVERIFY(!a.ok());
    QVERIFY2(a.error.contains(u"loop.pac"_qs) && a.error.contains(u"300 ms"_qs), qPrintable(a.error));
    // The engine still answers afterwards.
    QVERIFY(engine.load(u"function FindProxyForURL(url, host) { return 'DIRECT'; }"_qs, u"ok.pac"_qs, &error));
    QVERIFY(engine.findProxy(u"https://x.example/"_qs, u"x.example"_qs).ok());
}

void TestPacEngine::endlessTopLevel()
{
    PacEngine engine(fakeEnvironment());
    engine.setTimeLimit(200);
    QString error;
    QVERIFY(!engine.load(u"for (;;) {}\nfunction FindProxyForURL(u, h) { return 'DIRECT'; }"_qs, u"top.pac"_qs, &error));
    QVERIFY2(error.contains(u"top.pac"_qs) && error.contains(u"200 ms"_qs), qPrintable(error));
}

void TestPacEngine::syntaxErrorNamesLine()
{
    PacEngine engine(fakeEnvironment());
    QString error;
    QVERIFY(!engine.load(u"// a comment\nfunction FindProxyForURL(url, host) {\n  return 'DIRECT'\n  if (\n}\n"_qs,
                         u"/etc/broken.pac"_qs, &error));
    QVERIFY2(error.contains(u"/etc/broken.pac"_qs), qPrintable(error));
    QVERIFY2(error.contains(u"line 5"_qs), qPrintable(error));
    QVERIFY(!engine.isLoaded());
}

void TestPacEngine::throwNamesLine()
{
    PacEngine engine(fakeEnvironment());
    QString error;
    QVERIFY(engine.load(u"function FindProxyForURL(url, host) {\n  var x = 1;\n  return undefinedThing.proxy;\n}\n"_qs,
                        u"throws.pac"_qs, &error));
    const PacAnswer a = engine.findProxy(u"https://x.example/"_qs, u"x.example"_qs);
    QVERIFY(!a.ok());
    QVERIFY2(a.error.contains(u"throws.pac"_qs) && a.error.contains(u"line 3"_qs)
                 && a.error.contains(u"undefinedThing"_qs),
             qPrintable(a.error));
}

void TestPacEngine::throwOfAString()
{
    PacEngine engine(fakeEnvironment());
    QString error;
    QVERIFY(engine.load(u"function FindProxyForURL(url, host) { throw 'no proxy for you'; }"_qs, u"s.pac"_qs, &error));
    const PacAnswer a = engine.findProxy(u"https://x.example/"_qs, u"x.example"_qs);
    QVERIFY(!a.ok());
    QVERIFY2(a.error.contains(u"no proxy for you"_qs) && a.error.contains(u"s.pac"_qs), qPrintable(a.error));
}

void TestPacEngine::garbageAnswers_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("undefined") << u"return;"_qs << u"undefined"_qs;
    QTest::newRow("number") << u"return 42;"_qs << u"42"_qs;
    QTest::newRow("keyword") << u"return 'GATEWAY gw:80';"_qs << u"GATEWAY gw:80"_qs;
    QTest::newRow("port") << u"return 'PROXY p:99999';"_qs << u"PROXY p:99999"_qs;
    QTest::newRow("no host") << u"return 'PROXY :8080';"_qs << u"PROXY :8080"_qs;
}

void TestPacEngine::garbageAnswers()
{
    QFETCH(QString, body);
    QFETCH(QString, mentions);
    PacEngine engine(fakeEnvironment());
    QString error;
    QVERIFY(engine.load(QString(u"function FindProxyForURL(url, host) { "_qs + body + u" }"_qs), u"g.pac"_qs, &error));
    const PacAnswer a = engine.findProxy(u"https://x.example/"_qs, u"x.example"_qs);
    QVERIFY(!a.ok());
    QVERIFY2(a.error.contains(mentions) && a.error.contains(u"g.pac"_qs), qPrintable(a.error));
}

void TestPacEngine::noFunction()
{
    PacEngine engine(fakeEnvironment());
    QString error;
    QVERIFY(!engine.load(u"var x = 1;"_qs, u"empty.pac"_qs, &error));
    QVERIFY2(error.contains(u"FindProxyForURL"_qs) && error.contains(u"empty.pac"_qs), qPrintable(error));
}

void TestPacEngine::loaderFile()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"p.pac"_qs, "function FindProxyForURL(u, h) { return 'DIRECT'; }\n");
    QString script, error;
    QVERIFY2(PacLoader::load(path, &script, &error), qPrintable(error));
    QVERIFY(script.contains(u"FindProxyForURL"_qs));
    QVERIFY2(PacLoader::load(QUrl::fromLocalFile(path).toString(), &script, &error), qPrintable(error));
}

void TestPacEngine::loaderUrl()
{
    HttpTestServer server;
    HttpBehaviour b;
    b.body = "function FindProxyForURL(u, h) { return 'PROXY fetched:3128'; }\n";
    server.setBehaviour(b);
    QVERIFY(server.listenLoopback());
    const QString url = u"http://127.0.0.1:"_qs + QString::number(server.serverPort()) + u"/proxy.pac"_qs;
    QString script, error;
    QVERIFY2(PacLoader::load(url, &script, &error), qPrintable(error));
    QVERIFY(script.contains(u"fetched:3128"_qs));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().constFirst().target, u"/proxy.pac"_qs);

    b.status = 404;
    b.reason = "Not Found";
    server.setBehaviour(b);
    QVERIFY(!PacLoader::load(url, &script, &error));
    QVERIFY2(error.contains(u"404"_qs) && error.contains(url), qPrintable(error));
}

void TestPacEngine::loaderFailures()
{
    QString script, error;
    QVERIFY(!PacLoader::load(u"/nonexistent/dir/p.pac"_qs, &script, &error));
    QVERIFY2(error.contains(u"p.pac"_qs), qPrintable(error));
    QVERIFY(!PacLoader::load(QString(), &script, &error));
    QVERIFY(!error.isEmpty());

    QTemporaryDir dir;
    const QString big = writeFile(dir, u"big.pac"_qs, QByteArray(PacLoader::MaxBytes + 10, ' '));
    QVERIFY(!PacLoader::load(big, &script, &error));
    QVERIFY2(error.contains(u"1024 KB"_qs), qPrintable(error));

    // A server that never answers: the time limit ends the wait.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!PacLoader::load(u"http://127.0.0.1:"_qs + QString::number(silent.serverPort()) + u"/p.pac"_qs, &script,
                             &error, 500));
    QVERIFY(clock.elapsed() < 5000);
    QVERIFY2(error.contains(u"did not arrive"_qs), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPacEngine)
#include "tst_pacengine.moc"
