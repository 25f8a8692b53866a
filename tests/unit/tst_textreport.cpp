#include "editionfixture.h"
#include "rulesetfixture.h"
#include "textreport.h"
#include "texttable.h"

using namespace amlfw;
using namespace amlfw::test;

class TestTextReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markdownCellEscapesAndBreaksLines()
    {
        QCOMPARE(TextReport::markdownCell(QStringLiteral("a|b <i>*x*</i>\\\nc")),
                 QStringLiteral("a\\|b &lt;i&gt;\\*x\\*&lt;/i&gt;\\\\<br>c"));
    }

    void initTestCase() { applyLanguage(Language::English); }
    void cleanupTestCase() { applyLanguage(Language::English); }

    void tableHasEveryGroupAndRule()
    {
        const RuleSet set = generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        const QString text = TextReport::table(set, Language::English, RuleView::All, 0);
        for (const FirewallGroup &g : firewallGroups(set))
            QVERIFY2(text.contains(TextReport::groupTitle(g.type)), qPrintable(TextReport::groupTitle(g.type)));
        for (const Rule &r : set.rules)
            QVERIFY2(text.contains(r.id), qPrintable(r.id));
        QVERIFY(text.contains(QStringLiteral("Other firewalls: Microsoft hosts › General Azure hosts")));
        // The firewall view leaves the host tables out.
        QVERIFY(!TextReport::table(set, Language::English, RuleView::AzureFirewall, 0)
                     .contains(QStringLiteral("General Azure hosts")));
    }

    // A managed network: what Azure adds by itself, and what to add to the workspace, each with its kind.
    void managedNetworkShowsTwoGroups()
    {
        const RuleSet set = generateEdition(QStringLiteral("public"), QStringLiteral("japaneast"), {},
                                            NetworkKind::Managed);
        const QList<FirewallGroup> groups = firewallGroups(set);
        QCOMPARE(groups.size(), 2);
        QVERIFY(groups.at(0).automatic);
        QCOMPARE(groups.at(0).entries.size(), 3);
        QVERIFY(!groups.at(1).automatic);
        QCOMPARE(groups.at(1).entries.size(), 2);
        const QString text = TextReport::table(set, Language::English, RuleView::AzureFirewall, 0);
        const qsizetype automatic = text.indexOf(QStringLiteral("Managed virtual network: rules added by Azure automatically (3)"));
        const qsizetype user = text.indexOf(QStringLiteral("Managed virtual network: outbound rules to add to the workspace (2)"));
        QVERIFY2(automatic > 0 && user > automatic, qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Private endpoint")));
        QVERIFY(text.contains(QStringLiteral("mystore:queue")));
        // The placeholder of the unanswered registry stays, marked, and the notes name the answer.
        QVERIFY(text.contains(QStringLiteral("<acr>:registry [!]")));
        QVERIFY(text.contains(QStringLiteral("--acr")));
        QVERIFY(text.contains(QStringLiteral("Azure Firewall is not involved")));
        const QString md = TextReport::markdown(set, Language::English, RuleView::AzureFirewall);
        QVERIFY(md.contains(QStringLiteral("## Managed virtual network\n")));
        QVERIFY(md.contains(QStringLiteral("### Managed virtual network: rules added by Azure automatically")));
        for (const QString &line : md.split(u'\n')) {
            if (line.startsWith(QStringLiteral("| ")) && !line.startsWith(QStringLiteral("| ---"))) {
                const qsizetype cells = line.count(QRegularExpression(QStringLiteral("(?<!\\\\)\\|"))) - 1;
                QVERIFY2(cells == 7, qPrintable(line));
            }
        }
    }

    void columnsLineUpInJapanese()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("python")});
        applyLanguage(Language::Japanese);
        const QString text = TextReport::table(set, Language::Japanese, RuleView::AzureFirewall, 0);
        applyLanguage(Language::English);
        QVERIFY(text.contains(QStringLiteral("アプリケーション規則")));
        // In each table the "Ports" column starts at the same display column on every row.
        const QStringList lines = text.split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!lines.at(i).startsWith(QStringLiteral("ID ")))
                continue;
            const int column = TextTable::displayWidth(lines.at(i).left(lines.at(i).indexOf(QStringLiteral("ポート"))));
            for (qsizetype j = i + 2; j < lines.size() && !lines.at(j).isEmpty(); ++j) {
                const QString &row = lines.at(j);
                // the ports cell starts after the protocol cell ("TCP", "Http:80、Https:443"), padded
                // to the header's column
                const qsizetype protocol = row.indexOf(QRegularExpression(QStringLiteral("(TCP|Https?:\\d)")));
                QVERIFY2(protocol > 0, qPrintable(row));
                const qsizetype gap = row.indexOf(QStringLiteral("  "), protocol);
                const qsizetype ports = row.indexOf(QRegularExpression(QStringLiteral("\\S")), gap);
                QCOMPARE(TextTable::displayWidth(row.left(ports)), column);
            }
        }
    }

    // Application rules say what the firewall says: Http:80, Https:443, not TCP; the ports column has the ports.
    void applicationRulesShowFirewallProtocols()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"), {QStringLiteral("python")});
        const QString text = TextReport::table(set, Language::English, RuleView::AzureFirewall, 0);
        bool seen = false;
        for (const QString &line : text.split(u'\n')) {
            if (!line.startsWith(QStringLiteral("afw-app-pypi ")))
                continue;
            seen = true;
            QVERIFY2(line.contains(QStringLiteral("Http:80, Https:443  80, 443")), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("TCP")), qPrintable(line));
        }
        QVERIFY(seen);
    }

    void elidesToWidth()
    {
        const RuleSet set = generateAll(QStringLiteral("public"), QStringLiteral("japaneast"));
        const QString text = TextReport::table(set, Language::English, RuleView::AzureFirewall, 100);
        bool elided = false;
        for (const QString &line : text.split(u'\n')) {
            if (line.startsWith(QStringLiteral("internet-")) || line.startsWith(QStringLiteral("afw-"))) {
                elided = elided || line.endsWith(QStringLiteral("…"));
            }
        }
        QVERIFY(elided);
    }

    void markdownEscapes()
    {
        const RuleSet set = generate(QStringLiteral("public"), QStringLiteral("japaneast"),
                                     {QStringLiteral("python"), QStringLiteral("notebooks")});
        const QString md = TextReport::markdown(set, Language::English, RuleView::All);
        QVERIFY(md.startsWith(QStringLiteral("# Azure Machine Learning firewall rules")));
        QVERIFY(md.contains(QStringLiteral("\\*.anaconda.com"))); // * would start emphasis
        QVERIFY(md.contains(QStringLiteral("| --- |")));
        QVERIFY(md.contains(QStringLiteral("## Host tables for other firewalls")));
        // Every table row has as many cells as its header.
        for (const QString &line : md.split(u'\n')) {
            if (line.startsWith(QStringLiteral("| ")) && !line.startsWith(QStringLiteral("| ---"))) {
                const qsizetype cells = line.count(QRegularExpression(QStringLiteral("(?<!\\\\)\\|"))) - 1;
                QVERIFY2(cells == 6 || cells == 5, qPrintable(line));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTextReport)
#include "tst_textreport.moc"
