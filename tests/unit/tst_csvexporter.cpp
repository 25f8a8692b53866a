#include "csvexporter.h"
#include "editionfixture.h"
#include "rulesetfixture.h"

using namespace amlfw;
using namespace amlfw::test;

namespace {

// A small RFC 4180 reader, to check that what is written reads back as the same cells.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << cell;
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    return rows;
}

} // namespace

class TestCsvExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { applyLanguage(Language::English); }
    void cleanupTestCase() { applyLanguage(Language::English); }

    void quoting_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("pypi.org") << QStringLiteral("pypi.org");
        QTest::newRow("comma") << QStringLiteral("80, 443") << QStringLiteral("\"80, 443\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("leading space") << QStringLiteral(" a") << QStringLiteral("\" a\"");
        QTest::newRow("formula =") << QStringLiteral("=HYPERLINK(\"x\")") << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("formula +") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("formula -") << QStringLiteral("-1+2") << QStringLiteral("'-1+2");
        QTest::newRow("formula @") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("lone - (no ports) is text") << QStringLiteral("-") << QStringLiteral("-");
        QTest::newRow("lone +") << QStringLiteral("+") << QStringLiteral("+");
        QTest::newRow("lone @") << QStringLiteral("@") << QStringLiteral("@");
        QTest::newRow("lone =") << QStringLiteral("=") << QStringLiteral("'=");
        QTest::newRow("-cmd") << QStringLiteral("-cmd|' /C calc'!A0") << QStringLiteral("'-cmd|' /C calc'!A0");
        QTest::newRow("port range") << QStringLiteral("29876-29877") << QStringLiteral("29876-29877");
        QTest::newRow("japanese") << QStringLiteral("送信") << QStringLiteral("送信");
        QTest::newRow("inner = is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
    }

    void quoting()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(CsvExporter::cell(value), expected);
    }

    // A route has no protocol or ports: the cells read "-", not "'-"; and no source and destination are
    // listed twice for one direction and protocol (graph.windows.net on 80,443 and on 443 is one row).
    void routesReadCleanlyAndNoDuplicates()
    {
        const RuleSet set = generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(CsvExporter::write(set, CsvOptions{}).mid(3)));
        int routes = 0;
        QSet<QString> seen;
        for (const QStringList &r : rows.mid(1)) {
            QVERIFY2(!r.value(5).startsWith(u'\'') && !r.value(6).startsWith(u'\''), qPrintable(r.join(u',')));
            if (r.value(5) == u"-" && r.value(6) == u"-")
                ++routes;
            const QString key = r.value(1) + u'|' + r.value(3) + u'|' + r.value(4) + u'|' + r.value(5);
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
        }
        QVERIFY(routes > 0);
    }

    void writesEveryRule()
    {
        const RuleSet set = generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        CsvOptions options;
        options.sourceAddresses = {QStringLiteral("10.0.1.0/24")};
        const QByteArray bytes = CsvExporter::write(set, options);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // BOM on by default
        const QString text = QString::fromUtf8(bytes.mid(3));
        QVERIFY(text.endsWith(QStringLiteral("\r\n")));
        const QList<QStringList> rows = parseCsv(text);
        QCOMPARE(rows.size(), set.rules.size() + 1);
        QCOMPARE(rows.first(), (QStringList{QStringLiteral("ID"), QStringLiteral("Direction"), QStringLiteral("Rule type"),
                                            QStringLiteral("Source"), QStringLiteral("Destination"), QStringLiteral("Protocol"),
                                            QStringLiteral("Ports"), QStringLiteral("Features"), QStringLiteral("Purpose"),
                                            QStringLiteral("Article section"), QStringLiteral("Notes")}));
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).size(), rows.first().size());
            QCOMPARE(rows.at(i).first(), set.rules.at(i - 1).id);
        }
        // Outbound: from the subnet to the host; inbound: from the tag to the subnet.
        const QStringList file = *std::find_if(rows.cbegin(), rows.cend(), [](const QStringList &r) {
            return r.value(4) == u"mystore.file.core.windows.net";
        });
        QCOMPARE(file.at(3), QStringLiteral("10.0.1.0/24"));
        QCOMPARE(file.at(6), QStringLiteral("443, 445"));
        QVERIFY(file.at(2).contains(QStringLiteral("DNS proxy")));
        QVERIFY(file.at(10).contains(QStringLiteral("Warning:")));
        const QStringList batch = *std::find_if(rows.cbegin(), rows.cend(), [](const QStringList &r) {
            return r.value(3) == u"BatchNodeManagement";
        });
        QCOMPARE(batch.at(1), QStringLiteral("Inbound"));
        QCOMPARE(batch.at(4), QStringLiteral("10.0.1.0/24"));
    }

    void options()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"), {});
        CsvOptions options;
        options.byteOrderMark = false;
        options.bothLanguages = true;
        const QByteArray bytes = CsvExporter::write(set, options);
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes));
        QVERIFY(rows.first().contains(QStringLiteral("Purpose (English)")));
        QVERIFY(rows.first().contains(QStringLiteral("Purpose (Japanese)")));
        const qsizetype ja = rows.first().indexOf(QStringLiteral("Purpose (Japanese)"));
        QVERIFY(rows.at(1).at(ja).contains(QStringLiteral("認証")));
        QCOMPARE(rows.at(1).at(3), QStringLiteral("Azure ML compute subnet")); // no source given
    }

    void japanese()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("notebooks")});
        applyLanguage(Language::Japanese);
        CsvOptions options;
        options.language = Language::Japanese;
        const QByteArray bytes = CsvExporter::write(set, options);
        applyLanguage(Language::English);
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.mid(3)));
        QCOMPARE(rows.first().at(1), QStringLiteral("方向"));
        QCOMPARE(rows.at(1).at(1), QStringLiteral("送信"));
        const auto file = std::find_if(rows.cbegin(), rows.cend(), [](const QStringList &r) {
            return r.value(4) == u"mystore.file.core.windows.net";
        });
        QVERIFY(file != rows.cend());
        QCOMPARE(file->at(6), QStringLiteral("443、445")); // the article's style
        QVERIFY(file->at(7).contains(QStringLiteral("統合されたノートブック")));
    }

    // The 2026 edition: protocols as given, the network, automatic rules and the answer a rule waits for.
    void editionColumns()
    {
        const RuleSet set = generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"),
                                            {QStringLiteral("compute-instance")});
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(CsvExporter::write(set, CsvOptions{}).mid(3)));
        QCOMPARE(rows.size(), set.rules.size() + 1);
        const QStringList header = rows.first();
        QCOMPARE(header.mid(11), (QStringList{QStringLiteral("Network"), QStringLiteral("Added by Azure"),
                                              QStringLiteral("Answer needed")}));
        auto row = [&](const QString &id) {
            for (const QStringList &r : rows) {
                if (r.first() == id)
                    return r;
            }
            return QStringList();
        };
        for (const QStringList &r : rows)
            QCOMPARE(r.size(), header.size());
        QCOMPARE(row(QStringLiteral("x-tundra")).at(5), QStringLiteral("UDP"));
        QVERIFY(row(QStringLiteral("x-tundra")).at(2).contains(QStringLiteral("UDP 5831")));
        QCOMPARE(row(QStringLiteral("x-batch")).at(5), QStringLiteral("ANY"));
        QVERIFY(row(QStringLiteral("x-batch")).at(10).contains(QStringLiteral("not covered")));
        QCOMPARE(row(QStringLiteral("x-tundra")).at(11), QStringLiteral("Your network"));
        QCOMPARE(row(QStringLiteral("x-tundra")).at(12), QStringLiteral("No"));
        const QStringList acr = row(QStringLiteral("x-acr"));
        QCOMPARE(acr.at(4), QStringLiteral("<acr>.azurecr.io"));
        QCOMPARE(acr.at(13), QStringLiteral("<acr>"));
        QVERIFY2(acr.at(10).contains(QStringLiteral("--acr")), qPrintable(acr.at(10)));
        QCOMPARE(row(QStringLiteral("x-workspace")).at(13), QStringLiteral("<workspace-id>"));

        const RuleSet managed = generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"), {},
                                                NetworkKind::Managed, QStringLiteral("myacr"));
        const QList<QStringList> m = parseCsv(QString::fromUtf8(CsvExporter::write(managed, CsvOptions{}).mid(3)));
        QCOMPARE(m.size(), managed.rules.size() + 1);
        QStringList ids;
        for (const QStringList &r : m.mid(1)) {
            ids << r.first();
            QCOMPARE(r.at(11), QStringLiteral("Managed virtual network"));
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("m-aml"), QStringLiteral("m-batch"), QStringLiteral("m-queue"),
                                   QStringLiteral("m-pypi"), QStringLiteral("m-acr")}));
        QCOMPARE(m.at(3).at(2), QStringLiteral("Managed network outbound rule (Private endpoint)"));
        QCOMPARE(m.at(3).at(4), QStringLiteral("mystore:queue"));
        QCOMPARE(m.at(3).at(12), QStringLiteral("Yes"));
        QCOMPARE(m.at(4).at(2), QStringLiteral("Managed network outbound rule (FQDN)"));
        QCOMPARE(m.at(4).at(12), QStringLiteral("No"));
        QCOMPARE(m.at(5).at(4), QStringLiteral("myacr:registry"));
    }

    // Hostile text from a catalog file cannot turn into a formula in the change ticket.
    void catalogTextIsNeutralised()
    {
        RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"), {});
        set.rules.first().sources.first().purpose.en = QStringLiteral("=cmd|' /C calc'!A0");
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(CsvExporter::write(set, CsvOptions{}).mid(3)));
        QVERIFY(rows.at(1).at(8).startsWith(QStringLiteral("'=")));
    }
};

QTEST_GUILESS_MAIN(TestCsvExporter)
#include "tst_csvexporter.moc"
