#pragma once

#include <QProcess>
#include <QString>

// A real squid on loopback for proxy authentication tests: its own configuration, port, pid file,
// logs and password files in `directory`, started as a child (`squid -N`) and killed with this
// object. Missing squid is an error, not a skip: CI installs it.
class SquidProxy
{
public:
    explicit SquidProxy(const QString &directory);
    ~SquidProxy();

    static QString helper(const QString &name); // /usr/lib/squid/<name>, or empty when missing

    // `authConfig`: the auth_param lines. Allows an authenticated user CONNECT or plain requests to
    // 127.0.0.1 on `allowedPorts`, nothing else. `hosts`: names squid resolves to 127.0.0.1.
    bool start(const QString &authConfig, const QList<int> &allowedPorts, const QStringList &hosts, QString *error);
    quint16 port() const { return m_port; }
    QString accessLog() const; // what squid logged, for failure messages

    // Password files made at test time.
    bool writeHtpasswd(const QString &file, const QString &user, const QString &password, QString *error);
    bool writeDigestFile(const QString &file, const QString &user, const QString &password, QString *error);

private:
    QString path(const QString &name) const;
    bool writeFile(const QString &name, const QByteArray &bytes, QString *error);

    QString m_directory;
    QProcess m_process;
    quint16 m_port = 0;
};
