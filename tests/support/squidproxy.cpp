#include "squidproxy.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace {

QString squidProgram()
{
    const QString inPath = QStandardPaths::findExecutable(QStringLiteral("squid"));
    if (!inPath.isEmpty())
        return inPath;
    return QStandardPaths::findExecutable(QStringLiteral("squid"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

} // namespace

SquidProxy::SquidProxy(const QString &directory)
    : m_directory(directory)
{
    // Squid drops to `nobody` when started as root: let it write its logs here.
    QFile::setPermissions(m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                           | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther
                                           | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup);
}

SquidProxy::~SquidProxy()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill(); // its helpers end when their pipes close
        m_process.waitForFinished(5000);
    }
}

QString SquidProxy::helper(const QString &name)
{
    for (const char *dir : {"/usr/lib/squid", "/usr/lib64/squid", "/usr/libexec/squid"}) {
        const QString candidate = QString::fromLatin1(dir) + u'/' + name;
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return {};
}

QString SquidProxy::path(const QString &name) const
{
    return QDir(m_directory).filePath(name);
}

bool SquidProxy::writeFile(const QString &name, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1").arg(path(name));
        return false;
    }
    QFile::setPermissions(path(name), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther
                                          | QFileDevice::ReadGroup);
    return true;
}

bool SquidProxy::writeHtpasswd(const QString &file, const QString &user, const QString &password, QString *error)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), {QStringLiteral("passwd"), QStringLiteral("-apr1"), password});
    if (!openssl.waitForFinished(10000) || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl passwd failed: ") + QString::fromLocal8Bit(openssl.readAllStandardError());
        return false;
    }
    return writeFile(file, user.toUtf8() + ':' + openssl.readAllStandardOutput().trimmed() + '\n', error);
}

bool SquidProxy::writeDigestFile(const QString &file, const QString &user, const QString &password, QString *error)
{
    return writeFile(file, user.toUtf8() + ':' + password.toUtf8() + '\n', error); // digest_file_auth: plain text
}

QString SquidProxy::accessLog() const
{
    QFile log(path(QStringLiteral("access.log")));
    QFile cache(path(QStringLiteral("cache.log")));
    QString out;
    if (log.open(QIODevice::ReadOnly))
        out += QString::fromUtf8(log.readAll());
    if (cache.open(QIODevice::ReadOnly))
        out += QString::fromUtf8(cache.readAll().right(4000));
    return out;
}

bool SquidProxy::start(const QString &authConfig, const QList<int> &allowedPorts, const QStringList &hosts,
                       QString *error)
{
    const QString program = squidProgram();
    if (program.isEmpty()) {
        *error = QStringLiteral("squid is not installed (apt-get install squid)");
        return false;
    }
    m_port = freePort();
    if (m_port == 0) {
        *error = QStringLiteral("no free loopback port");
        return false;
    }
    QStringList ports;
    for (int p : allowedPorts)
        ports << QString::number(p);
    const QString config = QStringLiteral("http_port 127.0.0.1:%1\n"
                                          "visible_hostname amlfw-test\n"
                                          "pid_filename %2\n"
                                          "cache_log %3\n"
                                          "access_log stdio:%4\n"
                                          "cache_store_log none\n"
                                          "netdb_filename none\n"
                                          "coredump_dir %5\n"
                                          "cache deny all\n"
                                          "cache_mem 8 MB\n"
                                          "shutdown_lifetime 0 seconds\n"
                                          "cache_effective_user nobody\n"
                                          "hosts_file %8\n"
                                          "%6\n"
                                          "acl authed proxy_auth REQUIRED\n"
                                          "acl target dst 127.0.0.1\n"
                                          "acl target_port port %7\n"
                                          "acl CONNECT method CONNECT\n"
                                          "http_access deny !authed\n"
                                          "http_access allow target target_port\n"
                                          "http_access deny all\n")
                               .arg(QString::number(m_port), path(QStringLiteral("squid.pid")),
                                    path(QStringLiteral("cache.log")), path(QStringLiteral("access.log")), m_directory,
                                    authConfig, ports.join(u' '), path(QStringLiteral("hosts")));
    QByteArray hostsFile;
    for (const QString &h : hosts)
        hostsFile += "127.0.0.1 " + h.toUtf8() + '\n';
    if (!writeFile(QStringLiteral("hosts"), hostsFile, error))
        return false;
    if (!writeFile(QStringLiteral("squid.conf"), config.toUtf8(), error))
        return false;
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(program, {QStringLiteral("-N"), QStringLiteral("-f"), path(QStringLiteral("squid.conf"))});
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("squid did not start: ") + m_process.errorString();
        return false;
    }
    // Ready when it accepts connections.
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning) {
            *error = QStringLiteral("squid exited: ") + QString::fromLocal8Bit(m_process.readAll()) + accessLog();
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        QThread::msleep(100);
    }
    *error
        = QStringLiteral("squid did not listen on port %1: ").arg(m_port) + QString::fromLocal8Bit(m_process.readAll());
    return false;
}
