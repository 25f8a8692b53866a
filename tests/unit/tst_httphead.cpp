// parseHttpHead and proxyEvidence: HTTP response heads as proxies and services send them, and as
// a broken or hostile peer might. No sockets.
#include "httphead.h"
#include "networktext.h"

#include <QtTest>

using namespace amlfw;

using State = HttpHeadParse::State;

class TestHttpHead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completeHead()
    {
        const QByteArray data = "HTTP/1.1 200 Connection established\r\nProxy-Agent: squid/5\r\n\r\nTLS bytes";
        const HttpHeadParse p = parseHttpHead(data);
        QCOMPARE(p.state, State::Complete);
        QCOMPARE(p.head.status, 200);
        QCOMPARE(p.head.reason, QStringLiteral("Connection established"));
        QCOMPARE(p.head.headers.value(QStringLiteral("proxy-agent")), QStringLiteral("squid/5"));
        QCOMPARE(p.consumed, data.indexOf("TLS bytes")); // what follows the head is not the head's
    }

    void statusLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("status"); // 0: Bad
        QTest::addColumn<QString>("reason");
        QTest::newRow("1.1") << QByteArray("HTTP/1.1 404 Not Found") << 404 << QStringLiteral("Not Found");
        QTest::newRow("1.0") << QByteArray("HTTP/1.0 200 OK") << 200 << QStringLiteral("OK");
        QTest::newRow("2, no reason") << QByteArray("HTTP/2 204") << 204 << QString();
        QTest::newRow("empty reason") << QByteArray("HTTP/1.1 200 ") << 200 << QString();
        QTest::newRow("reason with spaces")
            << QByteArray("HTTP/1.1 470 Action: Deny. Reason: x") << 470 << QStringLiteral("Action: Deny. Reason: x");
        QTest::newRow("no version") << QByteArray("HTTP 200 OK") << 0 << QString();
        QTest::newRow("lower case") << QByteArray("http/1.1 200 OK") << 0 << QString();
        QTest::newRow("ICY") << QByteArray("ICY 200 OK") << 0 << QString();
        QTest::newRow("two digits") << QByteArray("HTTP/1.1 20 OK") << 0 << QString();
        QTest::newRow("four digits") << QByteArray("HTTP/1.1 2000 OK") << 0 << QString();
        QTest::newRow("leading zero") << QByteArray("HTTP/1.1 099 Odd") << 0 << QString();
        QTest::newRow("letters") << QByteArray("HTTP/1.1 2x0 OK") << 0 << QString();
        QTest::newRow("version only") << QByteArray("HTTP/1.1") << 0 << QString();
        QTest::newRow("bad minor") << QByteArray("HTTP/1. 200 OK") << 0 << QString();
        QTest::newRow("no space") << QByteArray("HTTP/1.1200 OK") << 0 << QString();
        QTest::newRow("request line") << QByteArray("GET / HTTP/1.1") << 0 << QString();
        QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 0 << QString();
        QTest::newRow("empty") << QByteArray() << 0 << QString();
    }

    void statusLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, status);
        QFETCH(QString, reason);
        const HttpHeadParse p = parseHttpHead(QByteArray(line + "\r\nServer: x\r\n\r\n"));
        QCOMPARE(p.state, status ? State::Complete : State::Bad);
        if (status) {
            QCOMPARE(p.head.status, status);
            QCOMPARE(p.head.reason, reason);
        }
    }

    void truncatedHeadsWaitForMore()
    {
        const QByteArray full = "HTTP/1.1 200 OK\r\nServer: test\r\nX-A: 1\r\n\r\n";
        for (qsizetype n = 0; n < full.size(); ++n) {
            const HttpHeadParse p = parseHttpHead(full.left(n));
            QVERIFY2(p.state == State::Incomplete, qPrintable(QString::number(n)));
            QCOMPARE(p.consumed, 0);
        }
        QCOMPARE(parseHttpHead(full).state, State::Complete);
    }

    void badStatusLineIsBadAsSoonAsItEnds()
    {
        QCOMPARE(parseHttpHead("SSH-2.0-OpenSSH_9.2\r\n").state, State::Bad);
        // Not HTTP from the first bytes on: no need to wait for a line end that may never come.
        QCOMPARE(parseHttpHead("SSH-2.0-OpenSSH_9.2").state, State::Bad);
        QCOMPARE(parseHttpHead(QByteArray("\x15\x03\x03\x00\x02", 5)).state, State::Bad); // a TLS alert
        QCOMPARE(parseHttpHead("HTT").state, State::Incomplete);                          // may still become HTTP/1.1
    }

    void oversizedHeadIsBad()
    {
        QByteArray endless = "HTTP/1.1 200 OK\r\n";
        while (endless.size() <= MaxHttpHeadBytes)
            endless += "X-Filler: " + QByteArray(100, 'a') + "\r\n";
        QCOMPARE(parseHttpHead(endless).state, State::Bad); // never ends: not waited for
        QCOMPARE(parseHttpHead(QByteArray(endless + "\r\n")).state, State::Bad);
        QCOMPARE(parseHttpHead(QByteArray(MaxHttpHeadBytes + 1, 'H')).state, State::Bad); // one line, no end
        QByteArray justFits = "HTTP/1.1 200 OK\r\n";
        while (justFits.size() < MaxHttpHeadBytes - 200)
            justFits += "X-Filler: " + QByteArray(100, 'a') + "\r\n";
        QCOMPARE(parseHttpHead(QByteArray(justFits + "\r\n")).state, State::Complete);
    }

    void bareLineFeeds()
    {
        const HttpHeadParse p = parseHttpHead("HTTP/1.0 200 OK\nServer: old\n\nbody");
        QCOMPARE(p.state, State::Complete);
        QCOMPARE(p.head.headers.value(QStringLiteral("server")), QStringLiteral("old"));
        QCOMPARE(p.consumed, qsizetype(QByteArray("HTTP/1.0 200 OK\nServer: old\n\n").size()));
        QCOMPARE(parseHttpHead("HTTP/1.0 200 OK\r\nServer: mixed\n\r\n").state, State::Complete);
    }

    void noLineEndAtAll()
    {
        QCOMPARE(parseHttpHead("HTTP/1.1 200 OK").state, State::Incomplete);
        QCOMPARE(parseHttpHead("HTTP/1.1 200 OK\r\nServer: x").state, State::Incomplete);
    }

    void foldedHeaders()
    {
        const HttpHeadParse p = parseHttpHead("HTTP/1.1 407 Auth\r\n"
                                              "Proxy-Authenticate: Basic\r\n"
                                              "  realm=\"corp\"\r\n"
                                              "\tcharset=UTF-8\r\n"
                                              "Server: squid\r\n\r\n");
        QCOMPARE(p.state, State::Complete);
        QCOMPARE(p.head.headers.value(QStringLiteral("proxy-authenticate")),
                 QStringLiteral("Basic realm=\"corp\" charset=UTF-8"));
        QCOMPARE(p.head.headers.value(QStringLiteral("server")), QStringLiteral("squid"));
        // A fold before any header has nothing to continue.
        QCOMPARE(parseHttpHead("HTTP/1.1 200 OK\r\n folded\r\n\r\n").head.headers.size(), 0);
    }

    void headerNamesAndRepeats()
    {
        const HttpHeadParse p = parseHttpHead("HTTP/1.1 407 Proxy Authentication Required\r\n"
                                              "PROXY-AUTHENTICATE: Negotiate\r\n"
                                              "Proxy-Authenticate: Basic realm=\"x\"\r\n"
                                              "X-Empty:\r\n"
                                              "no colon here\r\n"
                                              ": no name\r\n"
                                              "Spaced :  value  \r\n\r\n");
        QCOMPARE(p.state, State::Complete);
        QCOMPARE(p.head.authSchemes(QStringLiteral("proxy-authenticate")),
                 (QStringList{QStringLiteral("Negotiate"), QStringLiteral("Basic")}));
        QCOMPARE(p.head.headers.value(QStringLiteral("x-empty")), QString());
        QVERIFY(p.head.headers.contains(QStringLiteral("x-empty")));
        QCOMPARE(p.head.headers.value(QStringLiteral("spaced")), QStringLiteral("value"));
        QCOMPARE(p.head.headers.size(), 3);
    }

    void interimAnswersAreSkipped()
    {
        const QByteArray data = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                                "HTTP/1.1 204 No Content\r\nServer: s\r\n\r\n";
        const HttpHeadParse p = parseHttpHead(data);
        QCOMPARE(p.state, State::Complete);
        QCOMPARE(p.head.status, 204);
        QVERIFY(!p.head.headers.contains(QStringLiteral("link"))); // the interim answer's headers are not the answer's
        QCOMPARE(p.consumed, data.size());
        QCOMPARE(parseHttpHead("HTTP/1.1 100 Continue\r\n\r\n").state, State::Incomplete);
        QCOMPARE(parseHttpHead("HTTP/1.1 100 Continue\r\n\r\nnonsense\r\n").state, State::Bad);
    }

    void endlessInterimAnswersAreBad()
    {
        QByteArray data;
        while (data.size() <= MaxHttpHeadBytes)
            data += "HTTP/1.1 100 Continue\r\n\r\n";
        QCOMPARE(parseHttpHead(data).state, State::Bad);
    }

    void interimAnswersAreCounted()
    {
        QByteArray data;
        for (int i = 0; i < MaxHttpInterimResponses; ++i)
            data += "HTTP/1.1 100 Continue\r\n\r\n";
        HttpHeadParse p = parseHttpHead(QByteArray(data + "HTTP/1.1 200 OK\r\n\r\n"));
        QCOMPARE(p.state, State::Complete);
        QCOMPARE(p.interimResponses, MaxHttpInterimResponses);
        // One more is a stream of them, not a server about to answer: no need to wait.
        p = parseHttpHead(QByteArray(data + "HTTP/1.1 100 Continue\r\n\r\n"));
        QCOMPARE(p.state, State::Bad);
        QCOMPARE(p.interimResponses, MaxHttpInterimResponses + 1);
    }

    void networkTextLosesControlCharacters()
    {
        QCOMPARE(networkText(u"Forbidden\x1b]0;owned\x07 \x1b[31mred\x1b[0m"), QStringLiteral("Forbidden]0;owned [31mred[0m"));
        QCOMPARE(networkText(u"a\tb\r\nc\x7f\x9b" "d\u202eevil\u2066"), QStringLiteral("a b  cdevil"));
        QCOMPARE(networkText(u"\u65e5\u672c caf\u00e9"), QStringLiteral("\u65e5\u672c caf\u00e9")); // text stays
        const QString longText(3 * MaxNetworkTextLength, u'x');
        QCOMPARE(networkText(longText).size(), MaxNetworkTextLength + 1); // cut, with an ellipsis
    }

    void latin1Bytes()
    {
        const HttpHeadParse p = parseHttpHead("HTTP/1.1 200 \xe9t\xe9\r\nServer: caf\xe9\r\n\r\n");
        QCOMPARE(p.state, State::Complete);
        QCOMPARE(p.head.reason, QStringLiteral("\u00e9t\u00e9"));
        QCOMPARE(p.head.headers.value(QStringLiteral("server")), QStringLiteral("caf\u00e9"));
    }

    void proxyEvidence_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("evidence");
        QTest::newRow("407") << QByteArray("HTTP/1.1 407 x\r\n\r\n") << QStringLiteral("407");
        QTest::newRow("470") << QByteArray("HTTP/1.1 470 x\r\n\r\n") << QStringLiteral("470");
        QTest::newRow("403 squid header") << QByteArray("HTTP/1.1 403 x\r\nX-Squid-Error: ERR_ACCESS_DENIED 0\r\n\r\n")
                                          << QStringLiteral("x-squid-error");
        QTest::newRow("502 proxy server")
            << QByteArray("HTTP/1.1 502 x\r\nServer: Zscaler/6.2\r\n\r\n") << QStringLiteral("server: Zscaler/6.2");
        QTest::newRow("403 service") << QByteArray("HTTP/1.1 403 x\r\nServer: Microsoft-IIS/10.0\r\n\r\n") << QString();
        QTest::newRow("404 with proxy header") << QByteArray("HTTP/1.1 404 x\r\nProxy-Agent: p\r\n\r\n") << QString();
        QTest::newRow("200 via squid") << QByteArray("HTTP/1.1 200 x\r\nServer: squid\r\n\r\n") << QString();
    }

    void proxyEvidence()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, evidence);
        const HttpHeadParse p = parseHttpHead(data);
        QCOMPARE(p.state, State::Complete);
        QCOMPARE(amlfw::proxyEvidence(p.head), evidence);
    }

    void connectRequestNamesHostAndPort()
    {
        const QByteArray auth = basicProxyAuthorization(QStringLiteral("alice"), QStringLiteral("s3cret:\u00e9"));
        QCOMPARE(auth,
                 QByteArray("Proxy-Authorization: Basic ") + QByteArray("alice:s3cret:\xc3\xa9").toBase64() + "\r\n");
        QVERIFY(basicProxyAuthorization(QString(), QStringLiteral("x")).isEmpty()); // no user: no header
        const QByteArray request = connectRequest(QStringLiteral("fd00::5"), 443, auth);
        QVERIFY(request.startsWith("CONNECT [fd00::5]:443 HTTP/1.1\r\nHost: [fd00::5]:443\r\n"));
        QVERIFY(request.contains(auth));
        QVERIFY(request.endsWith("\r\n\r\n"));
        QCOMPARE(request.count("\r\n\r\n"), 1);
    }

    void requestsForTheService()
    {
        HttpRequest r = httpRequest(QStringLiteral("HEAD"), QStringLiteral("a.test"), 443, true, QStringLiteral("/"),
                                    false, QByteArray("Proxy-Authorization: x\r\n"));
        QCOMPARE(r.url, QStringLiteral("https://a.test/"));
        QVERIFY(r.bytes.startsWith("HEAD / HTTP/1.1\r\nHost: a.test\r\n"));
        QVERIFY(!r.bytes.contains("Proxy-Authorization")); // origin form: the proxy never sees it
        QVERIFY(r.bytes.endsWith("Connection: close\r\n\r\n"));

        r = httpRequest(QStringLiteral("GET"), QStringLiteral("a.test"), 8080, false, QStringLiteral("/a b/*"), true,
                        QByteArray("Proxy-Authorization: x\r\n"));
        QCOMPARE(r.url, QStringLiteral("http://a.test:8080/a b/*"));
        QVERIFY(r.bytes.startsWith("GET http://a.test:8080/a%20b/* HTTP/1.1\r\nHost: a.test:8080\r\n"));
        QVERIFY(r.bytes.contains("Proxy-Authorization: x\r\n"));
        // What we send, we can read back as a head (the same rules for line ends).
        const QByteArray asAnswer = "HTTP/1.1 200 OK\r\n" + r.bytes.mid(r.bytes.indexOf("\r\n") + 2);
        QCOMPARE(parseHttpHead(asAnswer).state, State::Complete);
    }
};

QTEST_GUILESS_MAIN(TestHttpHead)
#include "tst_httphead.moc"
