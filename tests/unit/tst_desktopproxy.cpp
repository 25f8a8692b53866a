// A Linux desktop's proxy setting, read where Qt does not see it: GNOME through gsettings (a fake
// gsettings on PATH here), KDE from kioslaverc; the environment's proxy variables win.
#include "desktopproxy.h"
#include "probeoptions.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace amlfw;

class TestDesktopProxy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // An environment with only what the reader looks at.
    QProcessEnvironment environment(const QString &desktop) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), m_dir.filePath(QStringLiteral("bin")) + QStringLiteral(":/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        if (!desktop.isEmpty())
            env.insert(QStringLiteral("XDG_CURRENT_DESKTOP"), desktop);
        return env;
    }

    // A gsettings that prints `mode` and `url` for org.gnome.system.proxy, as GVariant text.
    bool fakeGsettings(const QByteArray &mode, const QByteArray &url, const QByteArray &extra = {})
    {
        QFile f(m_dir.filePath(QStringLiteral("bin/gsettings")));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.write("#!/bin/sh\n" + extra
                + "[ \"$1 $2\" = \"get org.gnome.system.proxy\" ] || exit 1\n"
                  "case \"$3\" in\n"
                  "  mode) echo \"" + mode + "\" ;;\n"
                  "  autoconfig-url) echo \"" + url + "\" ;;\n"
                  "  *) exit 1 ;;\n"
                  "esac\n");
        f.close();
        return f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    }

    bool kioslaverc(const QByteArray &text)
    {
        QFile f(m_dir.filePath(QStringLiteral("config/kioslaverc")));
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("bin")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("config")));
    }

    void gvariantStrings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("quoted") << QStringLiteral("'auto'") << QStringLiteral("auto");
        QTest::newRow("url") << QStringLiteral("'http://wpad.corp.example/wpad.dat'\n")
                             << QStringLiteral("http://wpad.corp.example/wpad.dat");
        QTest::newRow("empty") << QStringLiteral("''") << QString();
        QTest::newRow("escaped quote") << QStringLiteral(R"('it\'s \\ here')") << QStringLiteral(R"(it's \ here)");
        QTest::newRow("double quotes") << QStringLiteral("\"a'b\"") << QStringLiteral("a'b");
        QTest::newRow("not quoted") << QStringLiteral("auto") << QStringLiteral("auto");
    }

    void gvariantStrings()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(DesktopProxy::gvariantString(text), expected);
    }

    void gnomePacUrl()
    {
        QVERIFY(fakeGsettings("'auto'", "'http://127.0.0.1:8/proxy.pac'"));
        for (const QString &desktop : {QStringLiteral("GNOME"), QStringLiteral("ubuntu:GNOME"),
                                       QStringLiteral("X-Cinnamon")}) {
            const DesktopProxy d = DesktopProxy::read(environment(desktop));
            QCOMPARE(d.kind, DesktopProxy::Kind::Pac);
            QCOMPARE(d.desktop, QStringLiteral("GNOME"));
            QCOMPARE(d.pacUrl, QStringLiteral("http://127.0.0.1:8/proxy.pac"));
        }
    }

    void gnomeOtherModes_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<QByteArray>("url");
        QTest::addColumn<int>("kind");
        QTest::newRow("none") << QByteArray("'none'") << QByteArray("'http://127.0.0.1:8/proxy.pac'")
                              << int(DesktopProxy::Kind::None);
        QTest::newRow("manual") << QByteArray("'manual'") << QByteArray("''") << int(DesktopProxy::Kind::None);
        QTest::newRow("auto without a URL") << QByteArray("'auto'") << QByteArray("''")
                                            << int(DesktopProxy::Kind::AutoDetect);
    }

    void gnomeOtherModes()
    {
        QFETCH(QByteArray, mode);
        QFETCH(QByteArray, url);
        QFETCH(int, kind);
        QVERIFY(fakeGsettings(mode, url));
        const DesktopProxy d = DesktopProxy::read(environment(QStringLiteral("GNOME")));
        QCOMPARE(int(d.kind), kind);
        QVERIFY(d.pacUrl.isEmpty());
    }

    void gnomeWithoutAnAnswer()
    {
        QVERIFY(fakeGsettings("'auto'", "'http://127.0.0.1:8/proxy.pac'", "exit 4\n")); // no session bus, say
        QCOMPARE(DesktopProxy::read(environment(QStringLiteral("GNOME"))).kind, DesktopProxy::Kind::None);
        QFile::remove(m_dir.filePath(QStringLiteral("bin/gsettings")));
        QProcessEnvironment env = environment(QStringLiteral("GNOME"));
        env.insert(QStringLiteral("PATH"), m_dir.filePath(QStringLiteral("bin"))); // no gsettings at all
        QCOMPARE(DesktopProxy::read(env).kind, DesktopProxy::Kind::None);
    }

    void kdePacUrl()
    {
        QVERIFY(kioslaverc("[General]\nProxyType=1\n\n[Proxy Settings]\nAuthMode=0\n"
                           "Proxy Config Script[$e]=http://127.0.0.1:9/kde.pac\nProxyType=2\n"));
        const DesktopProxy d = DesktopProxy::read(environment(QStringLiteral("KDE")));
        QCOMPARE(d.kind, DesktopProxy::Kind::Pac);
        QCOMPARE(d.desktop, QStringLiteral("KDE"));
        QCOMPARE(d.pacUrl, QStringLiteral("http://127.0.0.1:9/kde.pac"));

        // KDE_FULL_SESSION says KDE too; the file under $HOME/.config when XDG_CONFIG_HOME is unset.
        QProcessEnvironment env = environment(QString());
        env.insert(QStringLiteral("KDE_FULL_SESSION"), QStringLiteral("true"));
        QCOMPARE(DesktopProxy::read(env).kind, DesktopProxy::Kind::Pac);
        env.remove(QStringLiteral("XDG_CONFIG_HOME"));
        QCOMPARE(DesktopProxy::read(env).kind, DesktopProxy::Kind::None); // no ~/.config/kioslaverc
    }

    void kdeOtherTypes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("kind");
        QTest::newRow("manual") << QByteArray("[Proxy Settings]\nProxyType=1\nhttpsProxy=http://p 8080\n")
                                << int(DesktopProxy::Kind::None);
        QTest::newRow("wpad") << QByteArray("[Proxy Settings]\nProxyType=3\n") << int(DesktopProxy::Kind::AutoDetect);
        QTest::newRow("pac without a script") << QByteArray("[Proxy Settings]\nProxyType=2\n")
                                              << int(DesktopProxy::Kind::None);
        QTest::newRow("in another group") << QByteArray("[Other]\nProxyType=2\nProxy Config Script=http://x/\n")
                                          << int(DesktopProxy::Kind::None);
    }

    void kdeOtherTypes()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, kind);
        QVERIFY(kioslaverc(text));
        QCOMPARE(int(DesktopProxy::read(environment(QStringLiteral("KDE"))).kind), kind);
    }

    void environmentWins_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void environmentWins()
    {
        QFETCH(QString, name);
        QVERIFY(kioslaverc("[Proxy Settings]\nProxyType=2\nProxy Config Script=http://127.0.0.1:9/kde.pac\n"));
        QProcessEnvironment env = environment(QStringLiteral("KDE"));
        QCOMPARE(DesktopProxy::read(env).kind, DesktopProxy::Kind::Pac);
        env.insert(name, QStringLiteral("http://127.0.0.1:3128"));
        QCOMPARE(DesktopProxy::read(env).kind, DesktopProxy::Kind::None);
        env.insert(name, QStringLiteral("  ")); // empty is not set
        QCOMPARE(DesktopProxy::read(env).kind, DesktopProxy::Kind::Pac);
    }

    void noDesktopNoReading()
    {
        QVERIFY(fakeGsettings("'auto'", "'http://127.0.0.1:8/proxy.pac'"));
        QVERIFY(kioslaverc("[Proxy Settings]\nProxyType=2\nProxy Config Script=http://127.0.0.1:9/kde.pac\n"));
        QCOMPARE(DesktopProxy::read(environment(QString())).kind, DesktopProxy::Kind::None); // a jump host
        QCOMPARE(DesktopProxy::read(environment(QStringLiteral("XFCE"))).kind, DesktopProxy::Kind::None);
    }

    void settingTakesTheDesktop()
    {
        DesktopProxy d;
        d.kind = DesktopProxy::Kind::Pac;
        d.desktop = QStringLiteral("GNOME");
        d.pacUrl = QStringLiteral("http://wpad.corp.example/wpad.dat");
        ProxySetting system;
        system.useDesktop(d);
        QCOMPARE(system.desktopPacUrl, d.pacUrl);
        QCOMPARE(system.display(), QStringLiteral("system (GNOME: pac:http://wpad.corp.example/wpad.dat)"));

        d.kind = DesktopProxy::Kind::AutoDetect;
        d.pacUrl.clear();
        system.useDesktop(d);
        QVERIFY(system.desktopPacUrl.isEmpty());
        QCOMPARE(system.display(), QStringLiteral("system (GNOME: auto-detect, not done)"));
        system.useDesktop(DesktopProxy());
        QCOMPARE(system.display(), QStringLiteral("system"));

        ProxySetting none; // only the system setting follows the desktop
        none.mode = ProxySetting::Mode::None;
        d.kind = DesktopProxy::Kind::Pac;
        d.pacUrl = QStringLiteral("http://wpad.corp.example/wpad.dat");
        none.useDesktop(d);
        QVERIFY(none.desktopPacUrl.isEmpty());
        QCOMPARE(none.display(), QStringLiteral("none"));
    }
};

QTEST_GUILESS_MAIN(TestDesktopProxy)
#include "tst_desktopproxy.moc"
