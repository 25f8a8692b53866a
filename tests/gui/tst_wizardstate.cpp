// WizardState (answers, rule set, language and their signals) and WizardSettings (what is
// remembered between runs).

#include "rulegenerator.h"
#include "wizardsettings.h"
#include "wizardstate.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace amlfw;

class TestWizardState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_catalog.isValid());
    }

    void cleanup() { applyLanguage(Language::English); }

    void startsWithDefaults()
    {
        WizardState state(m_catalog);
        QVERIFY(state.hasDefaultAnswers());
        QCOMPARE(state.answers().edition, m_catalog.edition); // the answers name their edition
        QCOMPARE(state.answers().cloud, QStringLiteral("public"));
        QVERIFY(state.answers().region.isEmpty());
        QVERIFY(!state.ruleSet().isValid()); // no region, no storage yet
        QVERIFY(state.isCloudValid());
        QVERIFY(!state.isRegionValid());
        QVERIFY(!state.isStorageValid());
    }

    void regeneratesOnEveryChange()
    {
        WizardState state(m_catalog);
        QSignalSpy answers(&state, &WizardState::answersChanged);
        QSignalSpy rules(&state, &WizardState::ruleSetChanged);
        state.setRegion(QStringLiteral("japaneast"));
        state.setStorage(QStringLiteral("mystore"));
        QCOMPARE(answers.size(), 2);
        QCOMPARE(rules.size(), 2);
        QVERIFY(state.ruleSet().isValid());
        const RuleSet expected = RuleGenerator::generate(m_catalog, state.answers());
        QCOMPARE(state.ruleSet().rules.size(), expected.rules.size());
        bool blob = false;
        for (const Rule &r : state.ruleSet().rules)
            blob = blob || r.destination == u"mystore.blob.core.windows.net";
        QVERIFY(blob);

        // The same answer again is no change.
        state.setStorage(QStringLiteral("mystore"));
        QCOMPARE(answers.size(), 2);

        state.setStorage(QStringLiteral("Bad!"));
        QVERIFY(!state.ruleSet().isValid());
        QVERIFY(state.ruleSet().rules.isEmpty());
    }

    void cloudChangeDropsForeignRegion()
    {
        WizardState state(m_catalog);
        state.setRegion(QStringLiteral("japaneast"));
        state.setCloud(QStringLiteral("usgov"));
        QVERIFY(state.answers().region.isEmpty());
        state.setRegion(QStringLiteral("usgovvirginia"));
        state.setCloud(QStringLiteral("usgov"));
        QCOMPARE(state.answers().region, QStringLiteral("usgovvirginia"));
    }

    void featuresKeepCatalogOrder()
    {
        WizardState state(m_catalog);
        state.setFeatures({QStringLiteral("python"), QStringLiteral("compute-cluster"), QStringLiteral("notebooks")});
        QCOMPARE(state.answers().features, QStringList({QStringLiteral("compute-cluster"), QStringLiteral("notebooks"),
                                                        QStringLiteral("python")}));
        state.setFeatures({QStringLiteral("no-such-feature")});
        QVERIFY(state.answers().features.isEmpty());
    }

    void languageSwitchKeepsAnswers()
    {
        WizardState state(m_catalog);
        state.setRegion(QStringLiteral("francesouth")); // no Azure ML: a warning made in the current language
        state.setStorage(QStringLiteral("mystore"));
        const Answers before = state.answers();
        QCOMPARE(state.ruleSet().problems.size(), 1);
        const QString english = state.ruleSet().problems.first().message();
        QSignalSpy language(&state, &WizardState::languageChanged);
        state.setLanguage(Language::Japanese);
        QCOMPARE(language.size(), 1);
        QCOMPARE(state.language(), Language::Japanese);
        QCOMPARE(currentLanguage(), Language::Japanese);
        QCOMPARE(state.answers(), before);
        // The problem is regenerated: it names the region in Japanese.
        QVERIFY2(state.ruleSet().problems.first().message().contains(QStringLiteral("フランス南部")),
                 qPrintable(state.ruleSet().problems.first().message()));
        QVERIFY(state.ruleSet().problems.first().message() != english);
        state.setLanguage(Language::Japanese);
        QCOMPARE(language.size(), 1);
    }

    void scenarioTitle()
    {
        WizardState state(m_catalog);
        QCOMPARE(state.scenarioTitle(), QStringLiteral("Azure Public"));
        state.setRegion(QStringLiteral("japaneast"));
        state.setStorage(QStringLiteral("BAD"));
        QCOMPARE(state.scenarioTitle(), QStringLiteral("Azure Public, japaneast"));
        state.setStorage(QStringLiteral("mystore"));
        QCOMPARE(state.scenarioTitle(), QStringLiteral("Azure Public, japaneast, mystore"));
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        Answers answers;
        answers.cloud = QStringLiteral("china");
        answers.region = QStringLiteral("chinaeast2");
        answers.storage = QStringLiteral("store1");
        answers.features = {QStringLiteral("notebooks")};
        answers.udr = UdrMethod::IpRanges;
        ArmOptions arm;
        arm.policy = ArmOptions::Policy::Existing;
        arm.policyName = QStringLiteral("pol");
        arm.ruleCollectionGroupPriority = 1234;
        arm.sourceAddresses = {QStringLiteral("10.0.1.0/24"), QStringLiteral("10.0.2.0/24")};
        arm.tier = ArmOptions::Tier::Premium;
        arm.routeTable = ArmOptions::RouteTable::None;
        arm.includeAlternatives = false;
        {
            WizardSettings settings(file);
            QVERIFY(!settings.lastAnswers());
            QVERIFY(!settings.language());
            settings.setLastAnswers(answers);
            settings.setLanguage(Language::Japanese);
            settings.setArmOptions(arm);
            settings.setCsvBothLanguages(true);
            settings.setCsvByteOrderMark(false);
            settings.setExportFormat(QStringLiteral("csv"));
        }
        WizardSettings settings(file);
        QCOMPARE(settings.fileName(), file);
        QCOMPARE(*settings.lastAnswers(), answers);
        QCOMPARE(*settings.language(), Language::Japanese);
        const ArmOptions read = settings.armOptions();
        QCOMPARE(read.policy, arm.policy);
        QCOMPARE(read.policyName, arm.policyName);
        QCOMPARE(read.ruleCollectionGroupPriority, 1234);
        QCOMPARE(read.sourceAddresses, arm.sourceAddresses);
        QCOMPARE(read.tier, arm.tier);
        QCOMPARE(read.routeTable, arm.routeTable);
        QCOMPARE(read.includeAlternatives, false);
        QVERIFY(settings.csvBothLanguages());
        QVERIFY(!settings.csvByteOrderMark());
        QCOMPARE(settings.exportFormat(), QStringLiteral("csv"));
    }

    void settingsSurviveGarbage()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[answers]\ncloud=@Invalid()\nudr=sideways\nstorage=" + QByteArray(5000, 'x')
                + "\n[export]\nrcgPriority=abc\nformat=pdf\ntier=gold\n\x01\x02garbage\n");
        f.close();
        WizardSettings settings(file);
        const auto answers = settings.lastAnswers();
        QVERIFY(answers);
        QCOMPARE(answers->udr, UdrMethod::ServiceTags);
        QVERIFY(answers->storage.size() <= 256);
        QCOMPARE(settings.armOptions().ruleCollectionGroupPriority, 500);
        QCOMPARE(settings.armOptions().tier, ArmOptions::Tier::Standard);
        QCOMPARE(settings.exportFormat(), QStringLiteral("arm"));
        QVERIFY(!settings.language());
    }

    // Whatever the proxy text looks like, the settings file keeps no user name or password: written
    // and read back through a settings file of its own.
    void proxyUrlNeverStoresCredentials_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kept");
        QTest::newRow("url") << "http://alice:pw-S3cret@proxy.example.com:3128"
                             << "http://proxy.example.com:3128";
        QTest::newRow("pasted user:password") << "alice:pw-S3cret"
                                              << "";
        QTest::newRow("scheme typo") << "htp://alice:pw-S3cret@proxy.example.com:3128"
                                     << "htp://proxy.example.com:3128";
        QTest::newRow("half-typed") << "http://alice:pw-S3c"
                                    << "";
        QTest::newRow("no host yet") << "http://alice:pw-S3cret@"
                                     << "";
        QTest::newRow("@ in the password") << "alice:pw@S3cret@proxy:1"
                                           << "proxy:1";
        QTest::newRow("plain") << "proxy.example.com:3128"
                               << "proxy.example.com:3128";
    }

    void proxyUrlNeverStoresCredentials()
    {
        QFETCH(QString, text);
        QFETCH(QString, kept);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        {
            WizardSettings settings(file);
            settings.setLiveTestProxyUrl(text);
        }
        QFile stored(file);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        const QByteArray bytes = stored.readAll();
        QVERIFY2(!bytes.contains("S3c"), bytes.constData());
        QVERIFY2(!bytes.contains("alice"), bytes.constData());
        QCOMPARE(WizardSettings(file).liveTestProxyUrl(), kept);
    }

    void editionSwitchCarriesAnswersOver()
    {
        // Both built-in editions, as the application loads them; a cloud and feature of the first
        // that the second lacks are made up in a copy of it.
        Catalog other = m_catalog;
        other.edition = QStringLiteral("test-b");
        other.clouds.removeIf([](const Cloud &c) { return c.id == u"china"; });
        other.features.removeIf([](const Feature &f) { return f.id == u"hbi" || f.id == u"r"; });
        other.featureMap.insert(QStringLiteral("hbi"), FeatureMapping{{QStringLiteral("private-endpoint")}, {}});
        WizardState state({m_catalog, other}, m_catalog.edition);
        QCOMPARE(state.edition(), m_catalog.edition);
        state.setRegion(QStringLiteral("japaneast"));
        state.setFeatures({QStringLiteral("hbi"), QStringLiteral("notebooks"), QStringLiteral("r")});
        state.setNetwork(NetworkKind::Managed); // not offered by either, yet it must not survive a switch
        QSignalSpy catalog(&state, &WizardState::catalogChanged);
        QSignalSpy answers(&state, &WizardState::answersChanged);
        QSignalSpy notice(&state, &WizardState::noticeChanged);
        state.setEdition(QStringLiteral("test-b"));
        QCOMPARE(catalog.size(), 1);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(notice.size(), 1);
        QCOMPARE(state.catalog().edition, QStringLiteral("test-b"));
        QCOMPARE(state.answers().edition, QStringLiteral("test-b"));
        QCOMPARE(state.answers().region, QStringLiteral("japaneast"));
        // Mapped: replaced by its nearest, in catalog order; unmapped: kept for the features page to name.
        QCOMPARE(state.answers().features,
                 (QStringList{QStringLiteral("private-endpoint"), QStringLiteral("notebooks"), QStringLiteral("r")}));
        QCOMPARE(state.answers().network, NetworkKind::Customer);
        QCOMPARE(state.notice().size(), 2);
        QVERIFY2(state.noticeText().contains(QStringLiteral("\"hbi\"")), qPrintable(state.noticeText()));
        QVERIFY(state.noticeText().contains(QStringLiteral("managed virtual network")));
        QCOMPARE(state.ruleSet().rules.size(), RuleGenerator::generate(other, state.answers()).rules.size());

        // A cloud the edition lacks is dropped with its region, and said.
        state.setEdition(m_catalog.edition);
        state.setCloud(QStringLiteral("china"));
        state.setRegion(QStringLiteral("chinaeast2"));
        state.setEdition(QStringLiteral("test-b"));
        QVERIFY(state.answers().cloud.isEmpty());
        QVERIFY(state.answers().region.isEmpty());
        QVERIFY(state.noticeText().contains(QStringLiteral("china")));

        // Answers naming an edition switch to it; an unknown edition is read with the current one.
        Answers a = state.answers();
        a.edition = m_catalog.edition;
        state.setAnswers(a);
        QCOMPARE(state.edition(), m_catalog.edition);
        QVERIFY(state.notice().isEmpty());
        a.edition = QStringLiteral("2099-01");
        state.setAnswers(a);
        QCOMPARE(state.edition(), m_catalog.edition);
        QCOMPARE(state.answers().edition, m_catalog.edition);
        QVERIFY(state.noticeText().contains(QStringLiteral("2099-01")));

        // Saved before editions: read as 2021-11, said once.
        Answers legacy = WizardState::defaultAnswers();
        state.setEdition(QStringLiteral("test-b"));
        state.setSavedAnswers(legacy);
        QCOMPARE(state.edition(), QStringLiteral("2021-11"));
        QVERIFY(state.noticeText().contains(QStringLiteral("2021-11")));
        QVERIFY(state.hasDefaultAnswers());
    }

    // With the built-in editions, whatever their data: every 2021 feature the newest edition maps
    // becomes its nearest features there, and each replacement is told.
    void builtInFeatureMapApplies()
    {
        QList<Catalog> catalogs;
        for (const QString &edition : Catalog::builtInEditions())
            catalogs << Catalog::builtIn(edition);
        const Catalog &newest = catalogs.constLast();
        QStringList mapped;
        for (const QString &id : m_catalog.featureIds()) {
            if (!newest.feature(id) && newest.featureMap.contains(id))
                mapped << id;
        }
        if (mapped.isEmpty())
            QSKIP("the newest edition maps no 2021-11 feature");
        WizardState state(catalogs, QStringLiteral("2021-11"));
        state.setFeatures(m_catalog.featureIds());
        state.setEdition(newest.edition);
        for (const QString &id : mapped) {
            QVERIFY2(!state.answers().features.contains(id), qPrintable(id));
            for (const QString &nearest : newest.featureMap.value(id).nearest)
                QVERIFY2(state.answers().features.contains(nearest), qPrintable(nearest));
            QVERIFY2(state.noticeText().contains(u'"' + id + u'"'), qPrintable(id));
        }
        for (const QString &id : state.answers().features)
            QVERIFY2(newest.feature(id), qPrintable(id)); // nothing of 2021 left over
        QVERIFY(!hasErrors(AnswersValidator::validateFeatures(newest, state.answers().features)));
    }

    void settingsKeepTheEdition()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        Answers a = WizardState::defaultAnswers();
        a.edition = QStringLiteral("2026-03");
        a.acr = QStringLiteral("myregistry");
        a.workspaceId = QStringLiteral("0a1b2c3d-4e5f-6789-abcd-ef0123456789");
        a.network = NetworkKind::Managed;
        WizardSettings(file).setLastAnswers(a);
        QCOMPARE(*WizardSettings(file).lastAnswers(), a);
    }

private:
    const Catalog m_catalog = Catalog::builtIn(QStringLiteral("2021-11"));
};

QTEST_MAIN(TestWizardState)
#include "tst_wizardstate.moc"
