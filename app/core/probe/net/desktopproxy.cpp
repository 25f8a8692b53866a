#include "desktopproxy.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace amlfw {

namespace {

// `gsettings get SCHEMA KEY`, with the given environment; empty when it is not there or fails.
QString gsettings(const QProcessEnvironment &env, const QString &key)
{
    const QStringList path = env.value(QStringLiteral("PATH")).split(QDir::listSeparator(), Qt::SkipEmptyParts);
    const QString program = QStandardPaths::findExecutable(QStringLiteral("gsettings"), path);
    if (program.isEmpty())
        return {};
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProgram(program);
    p.setArguments({QStringLiteral("get"), QStringLiteral("org.gnome.system.proxy"), key});
    p.start(QIODevice::ReadOnly);
    // A session bus that does not answer must not hold the run: two seconds, then no setting.
    if (!p.waitForFinished(2000)) {
        p.kill();
        p.waitForFinished(500);
        return {};
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

DesktopProxy readGnome(const QProcessEnvironment &env)
{
    DesktopProxy d;
    d.desktop = QStringLiteral("GNOME");
    const QString mode = DesktopProxy::gvariantString(gsettings(env, QStringLiteral("mode")));
    if (mode != u"auto")
        return d;
    d.pacUrl = DesktopProxy::gvariantString(gsettings(env, QStringLiteral("autoconfig-url"))).trimmed();
    d.kind = d.pacUrl.isEmpty() ? DesktopProxy::Kind::AutoDetect : DesktopProxy::Kind::Pac;
    return d;
}

// kioslaverc: [Proxy Settings], ProxyType=2 with "Proxy Config Script=URL"; 3 is WPAD. Keys may
// carry a KConfig flag ("[$e]").
DesktopProxy readKde(const QProcessEnvironment &env)
{
    DesktopProxy d;
    d.desktop = QStringLiteral("KDE");
    QString dir = env.value(QStringLiteral("XDG_CONFIG_HOME"));
    if (dir.isEmpty() && !env.value(QStringLiteral("HOME")).isEmpty())
        dir = env.value(QStringLiteral("HOME")) + QStringLiteral("/.config");
    QFile file(dir + QStringLiteral("/kioslaverc"));
    if (dir.isEmpty() || !file.open(QIODevice::ReadOnly | QIODevice::Text) || file.size() > 1024 * 1024)
        return d;
    bool inGroup = false;
    int type = 0;
    QString script;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (QString line : lines) {
        line = line.trimmed();
        if (line.startsWith(u'[') && !line.contains(u'=')) {
            inGroup = line == u"[Proxy Settings]";
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (!inGroup || eq <= 0 || line.startsWith(u'#'))
            continue;
        QString key = line.left(eq).trimmed();
        if (const qsizetype flag = key.indexOf(u'['); flag > 0)
            key = key.left(flag).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        if (key == u"ProxyType")
            type = value.toInt();
        else if (key == u"Proxy Config Script")
            script = value;
    }
    if (type == 2 && !script.isEmpty()) {
        d.kind = DesktopProxy::Kind::Pac;
        d.pacUrl = script;
    } else if (type == 3) {
        d.kind = DesktopProxy::Kind::AutoDetect;
    }
    return d;
}

} // namespace

bool DesktopProxy::environmentNamesAProxy(const QProcessEnvironment &env)
{
    for (const char *name : {"http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"}) {
        if (!env.value(QString::fromLatin1(name)).trimmed().isEmpty())
            return true;
    }
    return false;
}

QString DesktopProxy::gvariantString(const QString &text)
{
    QString t = text.trimmed();
    if (t.size() < 2 || (t.front() != u'\'' && t.front() != u'"') || t.back() != t.front())
        return t;
    t = t.mid(1, t.size() - 2);
    QString out;
    out.reserve(t.size());
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (t.at(i) == u'\\' && i + 1 < t.size())
            ++i;
        out += t.at(i);
    }
    return out;
}

DesktopProxy DesktopProxy::read(const QProcessEnvironment &env)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (environmentNamesAProxy(env))
        return {};
    const QStringList desktops
        = env.value(QStringLiteral("XDG_CURRENT_DESKTOP")).toUpper().split(u':', Qt::SkipEmptyParts);
    if (desktops.contains(QStringLiteral("KDE")) || env.value(QStringLiteral("KDE_FULL_SESSION")) == u"true")
        return readKde(env);
    for (const char *gnomeLike : {"GNOME", "UNITY", "X-CINNAMON", "CINNAMON", "BUDGIE", "PANTHEON", "MATE"}) {
        if (desktops.contains(QString::fromLatin1(gnomeLike)))
            return readGnome(env);
    }
    return {};
#else
    Q_UNUSED(env)
    return {}; // Windows and macOS: Qt's system proxy follows their PAC and auto-detection
#endif
}

} // namespace amlfw
