// The evidence files of a live test, from results made up here (no network): JSON, CSV, HTML, and
// the comparison with a baseline.
#include "catalog.h"
#include "language.h"
#include "probeadvice.h"
#include "probefakerun.h"
#include "probejsonreport.h"
#include "probeplanner.h"
#include "probereport.h"
#include "proberesultmodel.h"
#include "rulegenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QRegularExpression>
#include <QtTest>

using namespace amlfw;

namespace {

// Keys that an object of the JSON text holds more than once ("a.b" paths), read from the text
// itself: QJsonDocument would keep only one of them.
QStringList duplicateKeys(const QByteArray &json)
{
    QStringList duplicates;
    QList<QSet<QString>> objects; // keys of the open objects
    QList<bool> isObject;         // per open bracket
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '"') {
            qsizetype end = i + 1;
            while (end < json.size() && json.at(end) != '"')
                end += json.at(end) == '\\' ? 2 : 1;
            qsizetype next = end + 1;
            while (next < json.size() && json.at(next) == ' ')
                ++next;
            if (next < json.size() && json.at(next) == ':' && !isObject.isEmpty() && isObject.last()) {
                const QString key = QString::fromUtf8(json.mid(i + 1, end - i - 1));
                if (objects.last().contains(key))
                    duplicates << key;
                objects.last().insert(key);
            }
            i = end;
        } else if (c == '{' || c == '[') {
            isObject << (c == '{');
            objects << QSet<QString>();
        } else if (c == '}' || c == ']') {
            isObject.removeLast();
            objects.removeLast();
        }
    }
    return duplicates;
}

} // namespace

class TestProbeReport : public QObject
{
    Q_OBJECT

private:
    Catalog m_catalog;

    // A run of the public scenario: everything OK but a refused port 80 and one inspected host.
    ProbeRun makeRun()
    {
        ProbeRun run;
        Answers a;
        a.cloud = QStringLiteral("public");
        a.region = QStringLiteral("japaneast");
        a.storage = QStringLiteral("mystore");
        a.features = {QStringLiteral("compute-instance")};
        run.set = RuleGenerator::generate(m_catalog, a);
        const QList<ProbeTarget> targets = ProbePlanner::plan(run.set, run.options);
        for (const ProbeTarget &t : targets) {
            ProbeResult r;
            r.target = t;
            if (!t.isTestable()) {
                r.status = ProbeStatus::NotTestable;
                run.results << r;
                continue;
            }
            r.dns = DnsOutcome::Ok;
            r.addressSource = AddressSource::Dns;
            r.addresses = {{QHostAddress(QStringLiteral("10.0.0.4")), AddressScope::Private}};
            r.cnames = {t.host.section(u'.', 0, 0) + QStringLiteral(".privatelink.example.net")};
            TcpAttempt attempt;
            attempt.address = r.addresses.first().address;
            attempt.port = t.port;
            attempt.outcome = t.port == 80 ? ConnectOutcome::Refused : ConnectOutcome::Connected;
            attempt.ms = 3;
            r.tcp = {attempt};
            r.timings = {1, 3, -1, t.tls ? 12 : -1, t.http ? 20 : -1, 40};
            if (t.tls && attempt.outcome == ConnectOutcome::Connected) {
                r.tls.outcome = TlsOutcome::Ok;
                r.tls.sni = t.host;
                r.tls.protocol = QStringLiteral("TLS 1.3");
                r.tls.cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
                CertificateInfo leaf;
                leaf.subject = t.host;
                leaf.issuer = QStringLiteral("Microsoft Azure TLS Issuing CA 05");
                leaf.issuerOrganization = QStringLiteral("Microsoft Corporation");
                r.tls.chain = {leaf};
                if (t.host == u"ml.azure.com") {
                    r.tls.chain.first().issuer = QStringLiteral("Contoso <Inspection> CA");
                    r.tls.chain.first().issuerOrganization = QStringLiteral("Contoso");
                    r.tls.unexpectedIssuer = true;
                }
            }
            if (t.http && attempt.outcome == ConnectOutcome::Connected) {
                r.http.outcome = HttpOutcome::Answered;
                r.http.method = QStringLiteral("HEAD");
                r.http.status = 200;
                r.http.reason = QStringLiteral("OK");
            }
            r.status = ProbeResult::deriveStatus(r);
            run.results << r;
        }
        run.vantage.hostName = QStringLiteral("admin-pc");
        run.vantage.os = QStringLiteral("Test OS");
        run.vantage.proxySetting = QStringLiteral("none");
        run.vantage.proxyUsed = {QStringLiteral("direct")};
        run.vantage.startedAt = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
        run.vantage.finishedAt = run.vantage.startedAt.addMSecs(1234);
        return run;
    }

    static int rowOf(const ProbeRun &run, const QString &ruleId, int port)
    {
        for (int i = 0; i < run.results.size(); ++i) {
            if (run.results.at(i).target.ruleId == ruleId && run.results.at(i).target.port == port)
                return i;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_catalog = Catalog::builtIn(QStringLiteral("2021-11"));
        QVERIFY(m_catalog.isValid());
        applyLanguage(Language::English);
    }

    void derivedStatuses()
    {
        const ProbeRun run = makeRun();
        QCOMPARE(run.results.at(rowOf(run, QStringLiteral("gen-public-aad"), 80)).status, ProbeStatus::TcpRefused);
        QCOMPARE(run.results.at(rowOf(run, QStringLiteral("aml-public-studio"), 443)).status,
                 ProbeStatus::TlsInspected);
        QCOMPARE(run.results.at(rowOf(run, QStringLiteral("gen-public-aad"), 443)).status, ProbeStatus::Ok);
        QCOMPARE(run.results.at(rowOf(run, QStringLiteral("internet-in-aml"), 44224)).status, ProbeStatus::NotTestable);
    }

    void json()
    {
        const ProbeRun run = makeRun();
        const QJsonObject root = QJsonDocument::fromJson(ProbeReport::json(run, Language::English)).object();
        QCOMPARE(root.value(QStringLiteral("report")).toString(), QStringLiteral("check"));
        QCOMPARE(root.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("region")).toString(),
                 QStringLiteral("japaneast"));
        const QJsonObject vantage = root.value(QStringLiteral("vantage")).toObject();
        QCOMPARE(vantage.value(QStringLiteral("hostName")).toString(), QStringLiteral("admin-pc"));
        QCOMPARE(vantage.value(QStringLiteral("durationMs")).toInt(), 1234);
        QCOMPARE(vantage.value(QStringLiteral("proxy")).toObject().value(QStringLiteral("setting")).toString(),
                 QStringLiteral("none"));
        const QJsonArray results = root.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), run.results.size());
        const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("endpoints")).toInt(), run.results.size());
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), run.summary().failed);
        QVERIFY(summary.value(QStringLiteral("failed")).toInt() >= 3);
        QCOMPARE(summary.value(QStringLiteral("byStatus")).toObject().value(QStringLiteral("TLS_INSPECTED")).toInt(),
                 2);

        const QJsonObject studio = results.at(rowOf(run, QStringLiteral("aml-public-studio"), 443)).toObject();
        QCOMPARE(studio.value(QStringLiteral("host")).toString(), QStringLiteral("ml.azure.com"));
        QCOMPARE(studio.value(QStringLiteral("port")).toInt(), 443);
        QCOMPARE(studio.value(QStringLiteral("status")).toString(), QStringLiteral("TLS_INSPECTED"));
        QVERIFY(studio.value(QStringLiteral("explanation")).toString().contains(QStringLiteral("Contoso")));
        QVERIFY(!studio.value(QStringLiteral("action")).toString().isEmpty());
        const QJsonObject address = studio.value(QStringLiteral("addresses")).toArray().first().toObject();
        QCOMPARE(address.value(QStringLiteral("private")).toBool(), true);
        QCOMPARE(address.value(QStringLiteral("scope")).toString(), QStringLiteral("private"));
        QCOMPARE(studio.value(QStringLiteral("cnames")).toArray().size(), 1);
        const QJsonObject tls = studio.value(QStringLiteral("tls")).toObject();
        QCOMPARE(tls.value(QStringLiteral("protocol")).toString(), QStringLiteral("TLS 1.3"));
        QCOMPARE(tls.value(QStringLiteral("issuerOrganization")).toString(), QStringLiteral("Contoso"));
        QCOMPARE(tls.value(QStringLiteral("unexpectedIssuer")).toBool(), true);
        QCOMPARE(studio.value(QStringLiteral("timings")).toObject().value(QStringLiteral("totalMs")).toInt(), 40);
        QVERIFY(studio.value(QStringLiteral("timings")).toObject().value(QStringLiteral("proxyMs")).isNull());
        QCOMPARE(studio.value(QStringLiteral("path")).toObject().value(QStringLiteral("mode")).toString(),
                 QStringLiteral("direct"));

        const QJsonObject inbound = results.at(rowOf(run, QStringLiteral("internet-in-aml"), 44224)).toObject();
        QCOMPARE(inbound.value(QStringLiteral("status")).toString(), QStringLiteral("NOT_TESTABLE"));
        QCOMPARE(inbound.value(QStringLiteral("notTestable")).toString(), QStringLiteral("inbound"));
        QVERIFY(inbound.value(QStringLiteral("host")).isNull());
    }

    void baselineComparison()
    {
        const ProbeRun before = makeRun();
        QString error;
        auto baseline = ProbeBaseline::fromJson(ProbeReport::json(before, Language::English),
                                                QStringLiteral("before.json"), &error);
        QVERIFY2(baseline, qPrintable(error));
        QCOMPARE(baseline->entries.size(), before.results.size());
        QCOMPARE(baseline->hostName, QStringLiteral("admin-pc"));

        ProbeRun after = makeRun();
        const int fixedRow = rowOf(after, QStringLiteral("gen-public-aad"), 80);
        const int brokenRow = rowOf(after, QStringLiteral("gen-public-portal"), 443);
        after.results[fixedRow].status = ProbeStatus::Ok;
        after.results[brokenRow].status = ProbeStatus::TcpTimeout;
        baseline->entries.append({QStringLiteral("gone-rule"), QStringLiteral("gone.example.com"),
                                  QStringLiteral("gone.example.com"), QStringLiteral("443"), QStringLiteral("OK")});
        after.baseline = baseline;
        QCOMPARE(after.change(fixedRow), ProbeChange::Fixed);
        QCOMPARE(after.change(brokenRow), ProbeChange::Broken);
        QCOMPARE(after.change(rowOf(after, QStringLiteral("gen-public-aad"), 443)), ProbeChange::Unchanged);
        const ProbeSummary s = after.summary();
        QCOMPARE(s.byChange.value(ProbeChange::Fixed), 1);
        QCOMPARE(s.byChange.value(ProbeChange::Broken), 1);
        QCOMPARE(s.removed, 1);

        const QJsonObject root = QJsonDocument::fromJson(ProbeReport::json(after, Language::English)).object();
        QCOMPARE(root.value(QStringLiteral("summary"))
                     .toObject()
                     .value(QStringLiteral("changes"))
                     .toObject()
                     .value(QStringLiteral("fixed"))
                     .toInt(),
                 1);
        const QJsonObject fixed = root.value(QStringLiteral("results")).toArray().at(fixedRow).toObject();
        QCOMPARE(fixed.value(QStringLiteral("baseline")).toObject().value(QStringLiteral("change")).toString(),
                 QStringLiteral("fixed"));
        QCOMPARE(fixed.value(QStringLiteral("baseline")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("TCP_REFUSED"));
        QCOMPARE(root.value(QStringLiteral("baseline")).toObject().value(QStringLiteral("removed")).toArray().size(),
                 1);

        const QString csv = QString::fromUtf8(ProbeReport::csv(after, false));
        QVERIFY(csv.section(QStringLiteral("\r\n"), 0, 0).endsWith(QStringLiteral("Baseline status,Change")));
        QVERIFY(csv.contains(QStringLiteral("TCP_REFUSED,fixed")));
        QVERIFY(csv.contains(QStringLiteral("gone-rule")));
        const QString html = QString::fromUtf8(ProbeReport::html(after, Language::English));
        QVERIFY(html.contains(QStringLiteral(">fixed<")));
        QVERIFY(html.contains(QStringLiteral(">now failing<")));
        const QString summary = ProbeReport::summaryText(after);
        QVERIFY(summary.contains(QStringLiteral("1 fixed, 1 now failing")));
    }

    // Each key once in the key order, and once in every object of the report.
    void jsonKeysOnce()
    {
        const QStringList &order = ProbeJsonReport::keyOrder();
        QStringList seen;
        for (const QString &key : order) {
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen << key;
        }
        ProbeRun run = makeRun();
        QString error;
        run.baseline = ProbeBaseline::fromJson(ProbeReport::json(makeRun(), Language::English),
                                               QStringLiteral("before.json"), &error);
        QVERIFY2(run.baseline, qPrintable(error));
        const QByteArray json = ProbeReport::json(run, Language::English);
        QVERIFY(json.contains("\"address\""));
        QCOMPARE(duplicateKeys(json), QStringList());
        QCOMPARE(duplicateKeys("{\"a\": {\"b\": 1, \"b\": 2}}"),
                 QStringList{QStringLiteral("b")}); // the check can fail
    }

    // A host name or a baseline path holding "%1" is shown as it is, the counts where they belong.
    void percentInNames()
    {
        ProbeRun run = makeRun();
        run.vantage.hostName = QStringLiteral("pc%1%2");
        QString error;
        run.baseline = ProbeBaseline::fromJson(ProbeReport::json(makeRun(), Language::English),
                                               QStringLiteral("before%1%2.json"), &error);
        QVERIFY2(run.baseline, qPrintable(error));
        run.baseline->hostName = QStringLiteral("old%1");
        const ProbeSummary s = run.summary();
        const QString summary = ProbeReport::summaryText(run);
        QVERIFY2(summary.contains(QStringLiteral("distinct endpoints from pc%1%2 in ")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral(": %1 reachable, %2 failed")
                                      .arg(QString::number(s.distinctOk), QString::number(s.distinctFailed))),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Compared with before%1%2.json (")), qPrintable(summary));
        const QString html = QString::fromUtf8(ProbeReport::html(run, Language::English));
        QVERIFY(html.contains(QStringLiteral("on old%1 (before%1%2.json): 0 fixed")));
    }

    // The table the CLI and the wizard show says what the reports say about each row.
    void modelComparesWithTheBaseline()
    {
        const ProbeRun before = makeRun();
        QString error;
        const auto baseline = ProbeBaseline::fromJson(ProbeReport::json(before, Language::English),
                                                      QStringLiteral("before.json"), &error);
        QVERIFY2(baseline, qPrintable(error));
        ProbeRun after = makeRun();
        const int fixedRow = rowOf(after, QStringLiteral("gen-public-aad"), 80);
        const int runningRow = rowOf(after, QStringLiteral("gen-public-portal"), 443);
        const int sameRow = rowOf(after, QStringLiteral("gen-public-aad"), 443);
        after.results[fixedRow].status = ProbeStatus::Ok;
        after.results[runningRow].status = ProbeStatus::Running;
        after.baseline = baseline;

        ProbeResultModel model;
        model.setResults(after.results);
        QCOMPARE(model.index(fixedRow, ProbeResultModel::ChangeColumn).data().toString(), QString());
        QCOMPARE(model.change(fixedRow), ProbeChange::None);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setBaseline(baseline);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.change(fixedRow), after.change(fixedRow));
        QCOMPARE(model.index(fixedRow, ProbeResultModel::ChangeColumn).data().toString(), QStringLiteral("fixed"));
        QCOMPARE(model.index(fixedRow, 0).data(ProbeResultModel::ChangeRole).toInt(), int(ProbeChange::Fixed));
        QCOMPARE(model.index(fixedRow, 0).data(ProbeResultModel::BaselineStatusRole).toString(),
                 QStringLiteral("TCP_REFUSED"));
        QCOMPARE(model.index(sameRow, ProbeResultModel::ChangeColumn).data().toString(), QStringLiteral("unchanged"));
        // A row still being tested has no verdict to compare yet.
        QCOMPARE(model.change(runningRow), ProbeChange::None);
        QCOMPARE(model.index(runningRow, ProbeResultModel::ChangeColumn).data().toString(), QString());
        QCOMPARE(model.headerData(ProbeResultModel::ChangeColumn, Qt::Horizontal).toString(), QStringLiteral("Change"));

        QVERIFY(applyLanguage(Language::Japanese));
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        model.retranslate();
        QCOMPARE(headers.count(), 1);
        QVERIFY(model.headerData(ProbeResultModel::ChangeColumn, Qt::Horizontal).toString() != u"Change");
        QVERIFY(model.index(fixedRow, ProbeResultModel::ChangeColumn).data().toString() != u"fixed");
        applyLanguage(Language::English);

        model.setBaseline(std::nullopt);
        QCOMPARE(model.index(fixedRow, ProbeResultModel::ChangeColumn).data().toString(), QString());
        QCOMPARE(model.index(fixedRow, 0).data(ProbeResultModel::BaselineStatusRole).toString(), QString());
    }

    void baselineMustBeACheckReport()
    {
        QString error;
        QVERIFY(!ProbeBaseline::fromJson(QByteArrayLiteral("{\"rules\": []}"), QStringLiteral("rules.json"), &error));
        QVERIFY(error.contains(QStringLiteral("rules.json")));
        QVERIFY(!ProbeBaseline::fromJson(QByteArrayLiteral("not json"), QStringLiteral("x"), &error));
    }

    void csv()
    {
        const ProbeRun run = makeRun();
        const QByteArray bytes = ProbeReport::csv(run, true);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes.mid(3));
        const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QVERIFY(lines.first().startsWith(QStringLiteral("Status,Result,Rule,Destination,Host tested,Port")));
        QVERIFY(lines.size() >= run.results.size() + 1); // notes may span lines inside quotes
        QVERIFY(text.contains(QStringLiteral("TCP_REFUSED,Connection refused,gen-public-aad")));
        QVERIFY(!ProbeReport::csv(run, false).startsWith("\xEF\xBB\xBF"));
    }

    void htmlIsSelfContained()
    {
        const ProbeRun run = makeRun();
        const QString html = QString::fromUtf8(ProbeReport::html(run, Language::English));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<html lang=\"en\">")));
        QVERIFY(html.contains(QStringLiteral("<style>")));
        for (const char *external : {"<script", "<link", "src=", "url(", "@import"})
            QVERIFY2(!html.contains(QLatin1String(external), Qt::CaseInsensitive), external);
        QVERIFY(html.contains(QStringLiteral("admin-pc")));
        QVERIFY(html.contains(QStringLiteral("Contoso &lt;Inspection&gt; CA"))); // escaped
        QVERIFY(!html.contains(QStringLiteral("Contoso <Inspection>")));
        QVERIFY(html.contains(QStringLiteral("What to ask for")));
        QVERIFY(html.contains(QStringLiteral("TCP_REFUSED")));
        QVERIFY(html.contains(QStringLiteral("privatelink")));
    }

    // All features of 2021-11: rules share endpoints, and 28 rows fail DNS. Each endpoint is listed
    // once with every rule pointing at it; "What to ask for" has one line per request.
    void endpointsAndGroupedAdvice()
    {
        const ProbeRun run = test::fakeProbeRun(m_catalog, true);
        const QList<ProbeEndpoint> endpoints = run.endpoints();
        const ProbeSummary s = run.summary();
        QVERIFY2(endpoints.size() < s.tested, "some rules share an endpoint");
        QCOMPARE(s.distinctEndpoints, endpoints.size());
        qsizetype rows = 0;
        for (const ProbeEndpoint &e : endpoints) {
            rows += e.rows.size();
            for (int row : e.rows) {
                QCOMPARE(run.results.at(row).target.probeKey(), e.key);
                QCOMPARE(run.results.at(row).status, e.result.status);
            }
        }
        QCOMPARE(rows, qsizetype(s.tested));
        int dnsRows = 0;
        for (const ProbeResult &r : run.results)
            dnsRows += r.status == ProbeStatus::DnsFailed ? 1 : 0;
        QVERIFY2(dnsRows >= 5, qPrintable(QString::number(dnsRows)));

        const QList<ProbeAdviceGroup> groups = ProbeAdvice::group(run, endpoints);
        QStringList kinds;
        QSet<QString> hostPorts;
        for (const ProbeAdviceGroup &g : groups) {
            QVERIFY2(!kinds.contains(g.kind), qPrintable(g.kind)); // one line per request
            kinds << g.kind;
            QSet<QString> inGroup;
            for (int e : g.endpoints)
                inGroup.insert(endpoints.at(e).hostPort());
            for (const QString &hostPort : std::as_const(inGroup)) {
                QVERIFY2(!hostPorts.contains(hostPort), qPrintable(hostPort)); // never two requests for one
                hostPorts.insert(hostPort);
            }
        }
        QCOMPARE(kinds, (QStringList{QStringLiteral("private-dns"), QStringLiteral("allow"),
                                     QStringLiteral("exempt-inspection")}));
        QCOMPARE(groups.first().rows.size(), dnsRows); // every DNS row, in one request

        const QString summary = ProbeReport::summaryText(run);
        QCOMPARE(summary.count(QStringLiteral("Ask the DNS team")), 1);
        QVERIFY2(summary.contains(QStringLiteral("Tested %1 distinct endpoints").arg(endpoints.size())),
                 qPrintable(summary));

        // JSON: results[] one per rule as before; endpoints[] and askFor[] added.
        const QJsonObject root = QJsonDocument::fromJson(ProbeReport::json(run, Language::English)).object();
        QCOMPARE(root.value(QStringLiteral("results")).toArray().size(), run.results.size());
        const QJsonArray jsonEndpoints = root.value(QStringLiteral("endpoints")).toArray();
        QCOMPARE(jsonEndpoints.size(), endpoints.size());
        qsizetype jsonRows = 0;
        for (const QJsonValue &v : jsonEndpoints) {
            const QJsonObject e = v.toObject();
            const QJsonArray rules = e.value(QStringLiteral("rules")).toArray();
            jsonRows += rules.size();
            for (const QJsonValue &rule : rules) {
                const QJsonObject result = root.value(QStringLiteral("results"))
                                               .toArray()
                                               .at(rule.toObject().value(QStringLiteral("result")).toInt())
                                               .toObject();
                QCOMPARE(result.value(QStringLiteral("host")).toString(), e.value(QStringLiteral("host")).toString());
                QCOMPARE(result.value(QStringLiteral("status")).toString(), e.value(QStringLiteral("status")).toString());
                QCOMPARE(result.value(QStringLiteral("ruleId")), rule.toObject().value(QStringLiteral("ruleId")));
            }
        }
        QCOMPARE(jsonRows, qsizetype(s.tested));
        const QJsonArray askFor = root.value(QStringLiteral("askFor")).toArray();
        QCOMPARE(askFor.size(), groups.size());
        QCOMPARE(askFor.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("private-dns"));
        QCOMPARE(askFor.at(0).toObject().value(QStringLiteral("rules")).toArray().size(), dnsRows);
        QCOMPARE(root.value(QStringLiteral("summary")).toObject().value(QStringLiteral("distinct")).toObject().value(
                     QStringLiteral("endpoints")).toInt(),
                 endpoints.size());

        // HTML: one row per endpoint, every rule named in it; one DNS request.
        const QString html = QString::fromUtf8(ProbeReport::html(run, Language::English));
        QCOMPARE(html.count(QStringLiteral("<tbody class=\"ep\">")), endpoints.size());
        QCOMPARE(html.count(QStringLiteral("Ask the DNS team")), 1);
        QVERIFY(html.indexOf(QStringLiteral("What to ask for")) < html.indexOf(QStringLiteral("Endpoints tested")));
    }

    // Fits 1280 px and paper: few fixed columns (the words folded below each endpoint), the grouped
    // requests first, a print style sheet that repeats the header and keeps an endpoint together.
    void htmlLayout()
    {
        const ProbeRun run = test::fakeProbeRun(m_catalog, true);
        const QString html = QString::fromUtf8(ProbeReport::html(run, Language::English));
        const qsizetype table = html.indexOf(QStringLiteral("<table class=\"results\""));
        QVERIFY(table > 0);
        const QString head = html.mid(table, html.indexOf(QStringLiteral("</thead>"), table) - table);
        QCOMPARE(head.count(QRegularExpression(QStringLiteral("<th[ >]"))), 6);
        QVERIFY(!head.contains(QStringLiteral("Explanation")));
        QVERIFY(html.indexOf(QStringLiteral("What to ask for")) < html.indexOf(QStringLiteral("Scenario and vantage point")));
        QVERIFY(html.indexOf(QStringLiteral("Scenario and vantage point")) < table);
        for (const char *rule : {"@media print", "thead{display:table-header-group}", "break-inside:avoid",
                                 "table-layout:fixed", "overflow-wrap:anywhere", "<tr class=\"more\">"})
            QVERIFY2(html.contains(QLatin1String(rule)), rule);
    }

    // One host:port, two endpoints (requests for other URL paths) that fail differently: one request
    // covers both, the earliest stage's; a host's DNS request is one, whatever its rules'
    // destinations say.
    void oneRequestPerHostPort()
    {
        ProbeRun run;
        auto add = [&run](const QString &rule, const QString &destination, bool http, ProbeStatus status) {
            ProbeResult r;
            r.target.ruleId = rule;
            r.target.destination = destination;
            r.target.host = QStringLiteral("mystore.blob.core.windows.net");
            r.target.port = 443;
            r.target.tls = true;
            r.target.http = true;
            r.target.path = http ? QStringLiteral("/") : QStringLiteral("/container/");
            r.status = status;
            if (status == ProbeStatus::DnsFailed)
                r.dns = DnsOutcome::NotFound;
            run.results << r;
        };
        add(QStringLiteral("a"), QStringLiteral("mystore.blob.core.windows.net"), true, ProbeStatus::HttpBlocked);
        add(QStringLiteral("b"), QStringLiteral("Storage"), false, ProbeStatus::TcpRefused);
        QList<ProbeAdviceGroup> groups = ProbeAdvice::group(run);
        QCOMPARE(run.endpoints().size(), 2);
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.first().kind, QStringLiteral("allow"));
        QCOMPARE(groups.first().rows, (QList<int>{0, 1}));

        run.results.clear();
        add(QStringLiteral("a"), QStringLiteral("*.blob.core.windows.net"), true, ProbeStatus::DnsFailed);
        add(QStringLiteral("b"), QStringLiteral("Storage"), false, ProbeStatus::DnsFailed);
        groups = ProbeAdvice::group(run);
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.first().kind, QStringLiteral("private-dns"));
    }

    // A network rule and an application rule of one host:443 share a probe; only HTTP failed. The
    // request names the application rule, not the network rule that passed.
    void requestNamesOnlyTheRowsThatFailed()
    {
        ProbeRun run;
        auto add = [&run](const QString &rule, bool http, ProbeStatus status) {
            ProbeResult r;
            r.target.ruleId = rule;
            r.target.destination = QStringLiteral("pypi.org");
            r.target.host = QStringLiteral("pypi.org");
            r.target.port = 443;
            r.target.tls = true;
            r.target.http = http;
            r.status = status;
            run.results << r;
        };
        add(QStringLiteral("net-pypi"), false, ProbeStatus::Ok);
        add(QStringLiteral("app-pypi"), true, ProbeStatus::HttpBlocked);
        const QList<ProbeEndpoint> endpoints = run.endpoints();
        QCOMPARE(endpoints.size(), 1);
        QCOMPARE(endpoints.first().rows, (QList<int>{0, 1}));
        const QList<ProbeAdviceGroup> groups = ProbeAdvice::group(run);
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.first().rows, (QList<int>{1}));
        const QStringList labels = ProbeAdvice::endpointLabels(run, endpoints, groups.first());
        QCOMPARE(labels.size(), 1);
        QVERIFY2(labels.first().contains(QStringLiteral("app-pypi")), qPrintable(labels.first()));
        QVERIFY2(!labels.first().contains(QStringLiteral("net-pypi")), qPrintable(labels.first()));
    }

    void japaneseReport()
    {
        QVERIFY(applyLanguage(Language::Japanese));
        const ProbeRun run = makeRun();
        const QString html = QString::fromUtf8(ProbeReport::html(run, Language::Japanese));
        const QString summary = ProbeReport::summaryText(run);
        const QJsonObject root = QJsonDocument::fromJson(ProbeReport::json(run, Language::Japanese)).object();
        applyLanguage(Language::English);
        QVERIFY(html.contains(QStringLiteral("<html lang=\"ja\">")));
        QVERIFY(html.contains(QStringLiteral("東日本"))); // catalog text in Japanese
        QVERIFY(html.contains(QStringLiteral("依頼")));   // amlfw's own words translated ("what to ask for")
        QVERIFY(!html.contains(QStringLiteral("What to ask for")));
        QVERIFY(summary.contains(QStringLiteral("到達可能")));
        const QJsonObject first = root.value(QStringLiteral("results"))
                                      .toArray()
                                      .at(rowOf(run, QStringLiteral("gen-public-aad"), 80))
                                      .toObject();
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("TCP_REFUSED")); // ids stay
        QVERIFY(first.value(QStringLiteral("explanation")).toString().contains(QStringLiteral("拒否")));
    }
};

QTEST_GUILESS_MAIN(TestProbeReport)
#include "tst_probereport.moc"
