// Reading a JSON report of "amlfw check" back (ProbeReportReader), for the wizard's "Open report…"
// and the comparison with an earlier run: every stage comes back, written again it is the same
// file, newer members are ignored, and files that are not such reports are named in the message.
#include "catalog.h"
#include "language.h"
#include "probejsonreport.h"
#include "probeplanner.h"
#include "probereport.h"
#include "probereportreader.h"
#include "rulegenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace amlfw;

class TestProbeReportReader : public QObject
{
    Q_OBJECT

private:
    Catalog m_catalog;

    static Answers answers()
    {
        Answers a;
        a.cloud = QStringLiteral("public");
        a.region = QStringLiteral("japaneast");
        a.storage = QStringLiteral("mystore");
        a.features = {QStringLiteral("compute-instance")};
        a.edition = QStringLiteral("2021-11");
        return a;
    }

    // A run with something in every stage: refused, inspected, through a proxy, redirected.
    ProbeRun makeRun()
    {
        ProbeRun run;
        run.set = RuleGenerator::generate(m_catalog, answers());
        QString error;
        run.options.proxy = *ProbeOptions::parseProxy(QStringLiteral("http://proxy.example:3128"), &error);
        run.options.resolve << *ProbeOptions::parseResolve(QStringLiteral("*:443:127.0.0.1"), &error);
        run.options.connectTo << *ProbeOptions::parseConnectTo(QStringLiteral("ml.azure.com:443::8443"), &error);
        run.options.samples.insert(QStringLiteral("*.instances.azureml.net"),
                                   QStringLiteral("myci.japaneast.instances.azureml.net"));
        run.options.concurrency = 7;
        for (const ProbeTarget &t : ProbePlanner::plan(run.set, run.options)) {
            ProbeResult r;
            r.target = t;
            if (!t.isTestable()) {
                r.status = ProbeStatus::NotTestable;
                run.results << r;
                continue;
            }
            r.dns = DnsOutcome::Ok;
            r.addressSource = AddressSource::Dns;
            r.addresses = {{QHostAddress(QStringLiteral("10.0.0.4")), AddressScope::Private},
                           {QHostAddress(QStringLiteral("2001:db8::4")), AddressScope::Public}};
            r.cnames = {t.host.section(u'.', 0, 0) + QStringLiteral(".privatelink.example.net")};
            TcpAttempt attempt;
            attempt.address = QHostAddress(QStringLiteral("192.0.2.10"));
            attempt.port = 3128;
            attempt.outcome = t.port == 80 ? ConnectOutcome::Refused : ConnectOutcome::Connected;
            attempt.ms = 3;
            if (t.port == 80)
                attempt.error = QStringLiteral("Connection refused");
            r.tcp = {attempt};
            r.path.mode = PathMode::HttpProxy;
            r.path.source = ProxySource::Explicit;
            r.path.proxy = QStringLiteral("proxy.example:3128");
            r.path.proxyOutcome = ProxyOutcome::Ok;
            r.path.proxyStatus = 200;
            if (t.host == u"ml.azure.com") {
                r.path.connectHost = QStringLiteral("ml.azure.com");
                r.path.connectPort = 8443;
            }
            r.timings = {1, 3, 2, t.tls ? 12 : -1, t.http ? 20 : -1, 40};
            if (t.tls && attempt.outcome == ConnectOutcome::Connected) {
                r.tls.outcome = TlsOutcome::Ok;
                r.tls.sni = t.host;
                r.tls.protocol = QStringLiteral("TLS 1.3");
                r.tls.cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
                CertificateInfo leaf;
                leaf.subject = t.host;
                leaf.issuer = QStringLiteral("Microsoft Azure TLS Issuing CA 05");
                leaf.issuerOrganization = QStringLiteral("Microsoft Corporation");
                leaf.notAfter = QDateTime(QDate(2027, 1, 2), QTime(3, 4, 5), Qt::UTC);
                leaf.sha256 = QStringLiteral("ab:cd");
                r.tls.chain = {leaf};
                if (t.host == u"ml.azure.com") {
                    r.tls.chain.first().issuer = QStringLiteral("Contoso <Inspection> CA");
                    r.tls.chain.first().issuerOrganization = QStringLiteral("Contoso");
                    r.tls.errors = {QSslError::UnableToGetLocalIssuerCertificate};
                    r.tls.errorStrings = {QStringLiteral("The issuer certificate of a locally looked up certificate "
                                                         "could not be found")};
                    r.tls.unexpectedIssuer = true;
                    r.tls.expectedIssuers = {QStringLiteral("Microsoft Corporation")};
                    r.tls.expectedIssuersId = QStringLiteral("azure");
                }
            }
            if (t.http && attempt.outcome == ConnectOutcome::Connected && r.tls.outcome == TlsOutcome::Ok) {
                r.http.outcome = HttpOutcome::Answered;
                r.http.method = QStringLiteral("HEAD");
                r.http.url = QStringLiteral("https://") + t.host + u'/';
                r.http.status = 403;
                r.http.reason = QStringLiteral("Forbidden");
                r.http.server = QStringLiteral("squid");
                r.http.fromProxy = t.host.startsWith(u'p');
                r.http.proxyEvidence = r.http.fromProxy ? QStringLiteral("X-Squid-Error") : QString();
            }
            r.finishedAt = QDateTime(QDate(2024, 5, 1), QTime(9, 0, 1, 250), Qt::UTC);
            r.status = ProbeResult::deriveStatus(r);
            run.results << r;
        }
        run.vantage.hostName = QStringLiteral("admin-pc");
        run.vantage.os = QStringLiteral("Test OS");
        run.vantage.kernel = QStringLiteral("linux 6.1");
        run.vantage.tlsLibrary = QStringLiteral("OpenSSL 3.0");
        run.vantage.qtVersion = QStringLiteral("6.4.2");
        run.vantage.proxySetting = run.options.proxy.display();
        run.vantage.proxyUsed = {QStringLiteral("http://proxy.example:3128")};
        run.vantage.startedAt = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
        run.vantage.finishedAt = run.vantage.startedAt.addMSecs(1234);
        return run;
    }

    static int rowOf(const ProbeRun &run, const QString &host, int port)
    {
        for (int i = 0; i < run.results.size(); ++i) {
            if (run.results.at(i).target.host == host && run.results.at(i).target.port == port)
                return i;
        }
        return -1;
    }

    static QByteArray replaced(const QByteArray &json, const std::function<void(QJsonObject &)> &change)
    {
        QJsonObject root = QJsonDocument::fromJson(json).object();
        change(root);
        return QJsonDocument(root).toJson();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_catalog = Catalog::builtIn(QStringLiteral("2021-11"));
        QVERIFY(m_catalog.isValid());
        applyLanguage(Language::English);
    }

    void cleanup() { applyLanguage(Language::English); }

    void readsEveryStage()
    {
        const ProbeRun run = makeRun();
        QString error;
        const auto back
            = ProbeReportReader::read(ProbeReport::json(run, Language::English), QStringLiteral("run.json"), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->results.size(), run.results.size());
        QCOMPARE(back->vantage.hostName, QStringLiteral("admin-pc"));
        QCOMPARE(back->vantage.startedAt, run.vantage.startedAt);
        QCOMPARE(back->set.answers.region, QStringLiteral("japaneast"));
        QCOMPARE(back->set.answers.storage, QStringLiteral("mystore"));
        QCOMPARE(back->set.catalog.edition, QStringLiteral("2021-11"));
        QCOMPARE(back->set.answers.features, answers().features);
        QCOMPARE(back->options.concurrency, 7);
        QCOMPARE(back->options.connectTo.size(), 1);
        QCOMPARE(back->options.proxy.display(), QStringLiteral("http://proxy.example:3128"));
        for (int i = 0; i < run.results.size(); ++i) {
            const ProbeResult &a = run.results.at(i);
            const ProbeResult &b = back->results.at(i);
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.target.ruleId, a.target.ruleId);
            QCOMPARE(b.target.host, a.target.host);
            QCOMPARE(b.target.protocol, a.target.protocol); // from the plan: the report leaves it out
            QCOMPARE(b.target.notTestable, a.target.notTestable);
            QCOMPARE(b.tcp.size(), a.tcp.size());
            QCOMPARE(b.timings.totalMs, a.timings.totalMs);
            QCOMPARE(b.path.proxy, a.path.proxy);
        }
        const int inspected = rowOf(run, QStringLiteral("ml.azure.com"), 443);
        QVERIFY(inspected >= 0);
        const ProbeResult &r = back->results.at(inspected);
        QCOMPARE(r.status, ProbeStatus::TlsInspected);
        QCOMPARE(r.tls.chain.first().issuerOrganization, QStringLiteral("Contoso"));
        QCOMPARE(r.tls.errors, QList<QSslError::SslError>{QSslError::UnableToGetLocalIssuerCertificate});
        QCOMPARE(r.path.connectPort, 8443);
        QCOMPARE(r.addresses.size(), 2);
        QCOMPARE(r.addresses.first().scope, AddressScope::Private);
    }

    void roundTripIsStable_data()
    {
        QTest::addColumn<bool>("withBaseline");
        QTest::addColumn<bool>("japanese");
        QTest::newRow("plain") << false << false;
        QTest::newRow("with a baseline") << true << false;
        QTest::newRow("Japanese") << true << true;
    }

    void roundTripIsStable()
    {
        QFETCH(bool, withBaseline);
        QFETCH(bool, japanese);
        const Language language = japanese ? Language::Japanese : Language::English;
        QVERIFY(applyLanguage(language));
        ProbeRun run = makeRun();
        if (withBaseline) {
            ProbeRun earlier = makeRun();
            earlier.results.removeLast(); // one "new" row
            earlier.results.first().status = ProbeStatus::TcpTimeout;
            QString error;
            run.baseline
                = ProbeBaseline::fromJson(ProbeReport::json(earlier, language), QStringLiteral("before.json"), &error);
            QVERIFY2(run.baseline, qPrintable(error));
        }
        const QByteArray first = ProbeReport::json(run, language);
        QString error;
        const auto back = ProbeReportReader::read(first, QStringLiteral("run.json"), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->baseline.has_value(), withBaseline);
        const QByteArray second = ProbeReport::json(*back, language);
        if (first != second) {
            const QList<QByteArray> a = first.split('\n');
            const QList<QByteArray> b = second.split('\n');
            for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i)
                QCOMPARE(QString::fromUtf8(b.at(i)), QString::fromUtf8(a.at(i)));
            QCOMPARE(b.size(), a.size());
        }
        // And a third time: nothing drifts.
        const auto again = ProbeReportReader::read(second, QStringLiteral("run.json"), &error);
        QVERIFY(again);
        QCOMPARE(ProbeReport::json(*again, language), second);
    }

    void ignoresUnknownMembers()
    {
        const QByteArray json = replaced(ProbeReport::json(makeRun(), Language::English), [](QJsonObject &root) {
            root.insert(QStringLiteral("endpoints"),
                        QJsonArray{QJsonObject{{QStringLiteral("host"), QStringLiteral("x")},
                                               {QStringLiteral("rules"), QJsonArray{QStringLiteral("a")}}}});
            root.insert(QStringLiteral("advice"), QJsonArray{QStringLiteral("open 443")});
            QJsonArray results = root.value(QStringLiteral("results")).toArray();
            QJsonObject first = results.at(0).toObject();
            first.insert(QStringLiteral("endpoint"), 3);
            first.insert(QStringLiteral("somethingNew"), QJsonObject{{QStringLiteral("a"), 1}});
            results.replace(0, first);
            root.insert(QStringLiteral("results"), results);
        });
        QString error;
        const auto back = ProbeReportReader::read(json, QStringLiteral("newer.json"), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->results.size(), makeRun().results.size());
    }

    void badFilesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("english");  // a part of the message
        QTest::addColumn<QString>("japanese"); // the same in Japanese
        const QByteArray good = ProbeReport::json(makeRun(), Language::English);
        QTest::newRow("not JSON") << QByteArrayLiteral("<html>not json</html>") << QStringLiteral("cannot be read")
                                  << QStringLiteral("読み取れません");
        QTest::newRow("other JSON") << QByteArrayLiteral("{\"rules\": []}") << QStringLiteral("is not a JSON report")
                                    << QStringLiteral("ではありません");
        QTest::newRow("an array") << QByteArrayLiteral("[1, 2]") << QStringLiteral("JSON report")
                                  << QStringLiteral("JSON レポート");
        QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("cannot be read")
                                   << QStringLiteral("読み取れません");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("JSON report") << QStringLiteral("JSON レポート");
        QTest::newRow("unknown status") << replaced(good,
                                                    [](QJsonObject &root) {
                                                        QJsonArray results
                                                            = root.value(QStringLiteral("results")).toArray();
                                                        QJsonObject first = results.at(0).toObject();
                                                        first.insert(QStringLiteral("status"), QStringLiteral("MAYBE"));
                                                        results.replace(0, first);
                                                        root.insert(QStringLiteral("results"), results);
                                                    })
                                        << QStringLiteral("unknown status \"MAYBE\"") << QStringLiteral("MAYBE");
    }

    void badFilesAreNamed()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, english);
        QFETCH(QString, japanese);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad report.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QString error;
        QVERIFY(!ProbeReportReader::readFile(path, &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY2(error.contains(english), qPrintable(error));
        QVERIFY(applyLanguage(Language::Japanese));
        QString translated;
        QVERIFY(!ProbeReportReader::readFile(path, &translated));
        QVERIFY2(translated.contains(QDir::toNativeSeparators(path)), qPrintable(translated));
        QVERIFY2(translated.contains(japanese), qPrintable(translated));
        QVERIFY(translated != error);
        applyLanguage(Language::English);
        // A file that is not there says so too.
        QVERIFY(!ProbeReportReader::readFile(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY(error.contains(QStringLiteral("missing.json")));
    }

    void baselineOfAnotherScenario()
    {
        ProbeRun earlier = makeRun();
        QString error;
        const auto same = ProbeBaseline::fromJson(ProbeReport::json(earlier, Language::English),
                                                  QStringLiteral("before.json"), &error);
        QVERIFY(same);
        QCOMPARE(same->scenarioDifferences(earlier.set), QStringList());
        Answers other = answers();
        other.region = QStringLiteral("westeurope");
        other.features << QStringLiteral("compute-cluster");
        const RuleSet now = RuleGenerator::generate(m_catalog, other);
        const QStringList differences = same->scenarioDifferences(now);
        QCOMPARE(differences.size(), 2);
        QCOMPARE(differences.at(0), QStringLiteral("region: japaneast then, westeurope now"));
        QCOMPARE(differences.at(1), QStringLiteral("features: now also compute-cluster"));
        const RuleSet newer = RuleGenerator::generate(Catalog::builtIn(QStringLiteral("2026-03")), answers());
        QVERIFY(same->scenarioDifferences(newer).contains(QStringLiteral("edition: 2021-11 then, 2026-03 now")));
    }
};

QTEST_GUILESS_MAIN(TestProbeReportReader)
#include "tst_probereportreader.moc"
