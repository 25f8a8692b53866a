// The proxy text the user gives, in every form, never shows its password: not in the parser's
// messages (the live-test page's banner and "amlfw check --proxy" on stderr), and not in the parts
// the wizard keeps or shows. No network.
#include "probeoptions.h"

#include <QProcess>
#include <QtTest>

using namespace amlfw;

class TestProbeOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void automaticConcurrency()
    {
        ProbeOptions o;
        QCOMPARE(o.concurrency, ProbeOptions::AutomaticConcurrency);
        QCOMPARE(o.effectiveConcurrency(53), 53); // all features of 2021-11: every endpoint at once
        QCOMPARE(o.effectiveConcurrency(0), 1);
        QVERIFY(o.effectiveConcurrency(5000) <= ProbeOptions::AutomaticConcurrencyCap);
        QVERIFY(o.effectiveConcurrency(5000) >= 1);
        o.concurrency = 7; // the user's number wins, even above the endpoints
        QCOMPARE(o.effectiveConcurrency(3), 7);
        o.concurrency = 5000;
        QCOMPARE(o.effectiveConcurrency(3), ProbeOptions::MaxConcurrency);
    }

    void hostileForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("masked"); // as a message names it
        QTest::addColumn<QString>("url");    // what is left once the credentials are taken out
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::newRow("no port") << "http://alice:pw-S3cret@proxy.example.com"
                                 << "http://alice:****@proxy.example.com"
                                 << "http://proxy.example.com"
                                 << "alice"
                                 << "pw-S3cret";
        QTest::newRow("pasted user:password") << "alice:pw-S3cret"
                                              << "alice:****"
                                              << ""
                                              << "alice"
                                              << "pw-S3cret";
        QTest::newRow("scheme typo") << "htp://u:pw-S3cret@h"
                                     << "htp://u:****@h"
                                     << "htp://h"
                                     << "u"
                                     << "pw-S3cret";
        QTest::newRow("half-typed") << "http://user:pw-S3c"
                                    << "http://user:****"
                                    << "http://"
                                    << "user"
                                    << "pw-S3c";
        QTest::newRow("no host yet") << "http://user:pw-S3cret@"
                                     << "http://user:****@"
                                     << "http://"
                                     << "user"
                                     << "pw-S3cret";
        QTest::newRow("@ and / in the password") << "http://u:pw/S3@cret@h:99999"
                                                 << "http://u:****@h:99999"
                                                 << "http://h:99999"
                                                 << "u"
                                                 << "pw/S3@cret";
        QTest::newRow("spaces") << "  http://u:pw-S3cret @h:1 x "
                                << "http://u:****@h:1 x"
                                << "http://h:1 x"
                                << "u"
                                << "pw-S3cret ";
        QTest::newRow("socks with credentials") << "socks5://u:pw-S3cret@127.0.0.1:1080"
                                                << "socks5://u:****@127.0.0.1:1080"
                                                << "socks5://127.0.0.1:1080"
                                                << "u"
                                                << "pw-S3cret";
        QTest::newRow("percent-encoded") << "http://al%40ce:pw%3AS3cret@h"
                                         << "http://al@ce:****@h"
                                         << "http://h"
                                         << "al@ce"
                                         << "pw:S3cret";
    }

    void hostileForms()
    {
        QFETCH(QString, text);
        QFETCH(QString, masked);
        QFETCH(QString, url);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QCOMPARE(ProxySetting::masked(text), masked);
        const ProxySetting::Credentials c = ProxySetting::splitCredentials(text);
        QVERIFY(c.found);
        QCOMPARE(c.url, url);
        QCOMPARE(c.user, user);
        QCOMPARE(c.password, password);
        // None of these is a proxy; the message says which text is wrong, with the password masked.
        QString error;
        QVERIFY(!ProbeOptions::parseProxy(text, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY2(!error.contains(QStringLiteral("S3c")), qPrintable(error));
        QVERIFY2(error.contains(masked), qPrintable(error));
    }

    void plainAddressesStayAsTheyAre_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("host:port") << "proxy.example.com:3128";
        QTest::newRow("url") << "http://proxy.example.com:3128/";
        QTest::newRow("being typed") << "http://proxy:";
        QTest::newRow("ipv6") << "http://[::1]:3128";
        QTest::newRow("none") << "none";
    }

    void plainAddressesStayAsTheyAre()
    {
        QFETCH(QString, text);
        QCOMPARE(ProxySetting::masked(text), text);
        const ProxySetting::Credentials c = ProxySetting::splitCredentials(text);
        QVERIFY(!c.found);
        QCOMPARE(c.url, text);
    }

    void parsedCredentials()
    {
        QString error;
        const auto p = ProbeOptions::parseProxy(QStringLiteral("http://al%40ce:p%3Ass@127.0.0.1:3128"), &error);
        QVERIFY(p);
        QCOMPARE(p->user, QStringLiteral("al@ce"));
        QCOMPARE(p->password, QStringLiteral("p:ss"));
        QCOMPARE(p->display(), QStringLiteral("http://127.0.0.1:3128"));
    }

    // The CLI reports a bad --proxy through the same parser: its stderr names the text masked.
    void cliStderr()
    {
        const QString cli = qEnvironmentVariable("AMLFW_CLI");
        if (!QFile::exists(cli))
            QSKIP("AMLFW_CLI is not built");
        for (const QString &proxy : {QStringLiteral("alice:pw-S3cret"), QStringLiteral("htp://u:pw-S3cret@h"),
                                     QStringLiteral("http://u:pw-S3cret@h")}) {
            QProcess process;
            process.start(cli, {QStringLiteral("check"), QStringLiteral("--proxy"), proxy});
            QVERIFY(process.waitForFinished(60000));
            QVERIFY(process.exitCode() != 0);
            const QByteArray all = process.readAllStandardError() + process.readAllStandardOutput();
            QVERIFY2(all.contains("--proxy"), all.constData());
            QVERIFY2(!all.contains("S3cret"), all.constData());
            QVERIFY2(all.contains("****"), all.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestProbeOptions)
#include "tst_probeoptions.moc"
