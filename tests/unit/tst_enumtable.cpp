// Every enum <-> id table of the core: each id names one value and each value has one id,
// and the conversions both ways agree (they come from one table; this checks the table).

#include "answers.h"
#include "catalog.h"
#include "language.h"
#include "netoutcome.h"
#include "proberesult.h"
#include "rule.h"

#include <QSet>
#include <QtTest>

using namespace amlfw;

namespace {

// The enums are contiguous from 0; a table that misses a value or names one twice fails here.
template<typename E, std::size_t N>
void checkTable(const EnumTable<E, N> &table, int enumeratorCount)
{
    QSet<int> values;
    QSet<QString> ids;
    for (const EnumId<E> &entry : table.entries()) {
        const QString id = QString::fromLatin1(entry.id);
        QVERIFY2(!values.contains(int(entry.value)), qPrintable(id));
        QVERIFY2(!ids.contains(id), qPrintable(id));
        values.insert(int(entry.value));
        ids.insert(id);
        QCOMPARE(table.toId(entry.value), id);
        QCOMPARE(table.fromId(id), std::optional<E>(entry.value));
        QCOMPARE(table.fromId(table.toId(entry.value)), std::optional<E>(entry.value));
    }
    QCOMPARE(int(N), enumeratorCount);
    for (int v = 0; v < enumeratorCount; ++v)
        QVERIFY2(values.contains(v), qPrintable(QString::number(v)));
    QCOMPARE(table.fromId(u"no-such-id"), std::nullopt);
}

} // namespace

class TestEnumTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTableRoundTrips()
    {
        // Enumerator counts, as each header declares them.
        checkTable(languageIds, 2);
        checkTable(directionIds, 2);
        checkTable(ruleKindIds, int(RuleKind::PrivateEndpoint) + 1);
        checkTable(networkKindIds, int(NetworkKind::Managed) + 1);
        checkTable(noteSeverityIds, 2);
        checkTable(udrMethodIds, 2);
        checkTable(firewallRuleTypeIds, int(FirewallRuleType::Managed) + 1);
        checkTable(unsupportedReasonIds, int(UnsupportedReason::TagNotInCloud) + 1);
        checkTable(probeStatusIds, int(ProbeStatus::Cancelled) + 1);
        checkTable(hostSourceIds, int(HostSource::None) + 1);
        checkTable(notTestableReasonIds, int(NotTestableReason::PrivateEndpoint) + 1);
        checkTable(tlsOutcomeIds, int(TlsOutcome::Unavailable) + 1);
        checkTable(httpOutcomeIds, int(HttpOutcome::BadResponse) + 1);
        checkTable(pathModeIds, int(PathMode::HttpProxy) + 1);
        checkTable(proxySourceIds, int(ProxySource::Pac) + 1);
        checkTable(proxyOutcomeIds, int(ProxyOutcome::PacFailed) + 1);
        checkTable(addressScopeIds, int(AddressScope::LinkLocal) + 1);
        checkTable(addressSourceIds, int(AddressSource::Literal) + 1);
        checkTable(dnsOutcomeIds, int(DnsOutcome::Failed) + 1);
        checkTable(connectOutcomeIds, int(ConnectOutcome::Failed) + 1);
    }

    void idsAreTheFilesWords()
    {
        QCOMPARE(probeStatusId(ProbeStatus::DnsFailed), QStringLiteral("DNS_FAILED"));
        QCOMPARE(ruleKindId(RuleKind::ServiceTag), QStringLiteral("service-tag"));
        QCOMPARE(udrMethodFromId(QStringLiteral("ip-ranges")), std::optional<UdrMethod>(UdrMethod::IpRanges));
        QCOMPARE(languageFromCode(QStringLiteral("ja_JP")), std::optional<Language>(Language::Japanese));
        QCOMPARE(languageFromCode(QStringLiteral("EN-us")), std::optional<Language>(Language::English));
        QCOMPARE(languageFromCode(QStringLiteral("jap")), std::nullopt);
        QCOMPARE(languageCodes(), (QStringList{QStringLiteral("en"), QStringLiteral("ja")}));
    }
};

QTEST_GUILESS_MAIN(TestEnumTable)
#include "tst_enumtable.moc"
