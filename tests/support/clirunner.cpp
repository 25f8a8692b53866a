#include "clirunner.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace amlfw::test {

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

CliRun runCli(const QStringList &arguments, const QStringList &environment)
{
    CliRun run;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"})
        env.remove(QString::fromLatin1(name));
    // Nor the desktop's proxy setting (a PAC URL in GNOME or KDE would steer --proxy system).
    for (const char *name : {"XDG_CURRENT_DESKTOP", "KDE_FULL_SESSION"})
        env.remove(QString::fromLatin1(name));
    for (const QString &assignment : environment)
        env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("AMLFW_CLI"), arguments);
    if (!process.waitForStarted(10000)
        || !QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QStringList withEdition2021(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.first().startsWith(u'-'))
        return arguments; // no command
    for (const QString &a : arguments) {
        if (a == u"--edition" || a == u"--profile" || a == u"--catalog")
            return arguments;
    }
    return arguments + QStringList{QStringLiteral("--edition"), QStringLiteral("2021-11")};
}

} // namespace amlfw::test
