#include "probeoptions.h"

#include "desktopproxy.h"

#include "hostname.h"
#include "pacengine.h"
#include "pacloader.h"

#include <QDir>
#include <QFile>
#include <QThread>
#include <QUrl>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace amlfw {

namespace {

// Sockets this process may still open for endpoints: the soft limit on file descriptors, less
// what the rest of the program holds (libraries, files, the event loop). -1: no limit known.
int descriptorBudget()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        return int(std::min<rlim_t>(limit.rlim_cur, 1 << 20)) - 64;
#endif
    return -1; // Windows: sockets are not bounded by a descriptor table
}

} // namespace

int ProbeOptions::automaticConcurrency(int endpoints)
{
    int n = std::clamp(endpoints, 1, AutomaticConcurrencyCap);
    // Each endpoint in flight can hold two sockets at once (IPv4 and IPv6 raced).
    const int budget = descriptorBudget();
    if (budget >= 0)
        n = std::min(n, std::max(1, budget / 2));
    return n;
}

int ProbeOptions::effectiveConcurrency(int endpoints) const
{
    if (concurrency == AutomaticConcurrency)
        return automaticConcurrency(endpoints);
    return std::clamp(concurrency, 1, MaxConcurrency);
}

int ProbeOptions::effectiveThreads(int endpoints) const
{
    if (threads != AutomaticThreads)
        return std::clamp(threads, 1, MaxThreads);
    const int wanted = (std::max(endpoints, 1) + AutomaticThreadEndpoints - 1) / AutomaticThreadEndpoints;
    return std::clamp(std::min(wanted, QThread::idealThreadCount()), 1, MaxThreads);
}

namespace {

// Splits at ':' outside [brackets]; at most `max` parts (the last takes the rest).
QStringList splitColons(const QString &text, int max)
{
    QStringList parts;
    QString current;
    int depth = 0;
    for (QChar c : text) {
        if (c == u'[')
            ++depth;
        else if (c == u']')
            depth = std::max(0, depth - 1);
        if (c == u':' && depth == 0 && parts.size() + 1 < max) {
            parts << current;
            current.clear();
            continue;
        }
        current += c;
    }
    parts << current;
    return parts;
}

QString unbracket(const QString &text)
{
    if (text.startsWith(u'[') && text.endsWith(u']'))
        return text.mid(1, text.size() - 2);
    return text;
}

// "" or "*" -> 0 when `allowAny`; else 1..65535; -1 on error.
int parsePort(const QString &text, bool allowAny)
{
    if (allowAny && (text.isEmpty() || text == u"*"))
        return 0;
    bool ok = false;
    const int port = text.toInt(&ok);
    return ok && port >= 1 && port <= 65535 ? port : -1;
}

bool isHostOrAddress(const QString &text)
{
    return isValidHostName(text) || !QHostAddress(unbracket(text)).isNull() || text == u"localhost";
}

// What may follow "host:" in a proxy address: a port, being typed or with a path after it.
bool isPortLike(const QString &text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i).isDigit())
        ++i;
    return i == text.size() || text.at(i) == u'/';
}

} // namespace

ProxySetting::Credentials ProxySetting::splitCredentials(const QString &text)
{
    Credentials out;
    const QString t = text.trimmed();
    const qsizetype schemeEnd = t.indexOf(QStringLiteral("://"));
    const QString prefix = schemeEnd < 0 ? QString() : t.left(schemeEnd + 3);
    const QString rest = t.mid(prefix.size());
    // The last '@': a password may hold '@' (and '/', ':'), a host never does.
    const qsizetype at = rest.lastIndexOf(u'@');
    QString info;
    if (at >= 0) {
        info = rest.left(at);
        out.url = prefix + rest.mid(at + 1);
    } else if (!rest.startsWith(u'[')) {
        // No '@': "a:b" is host and port only when b reads as a port; otherwise take it as a user and
        // password typed or pasted without the host, and never echo b.
        const qsizetype colon = rest.indexOf(u':');
        if (colon < 0 || isPortLike(rest.mid(colon + 1))) {
            out.url = t;
            return out;
        }
        info = rest;
        out.url = prefix;
    } else {
        out.url = t;
        return out;
    }
    out.found = true;
    const qsizetype colon = info.indexOf(u':');
    const QString user = colon < 0 ? info : info.left(colon);
    const QString password = colon < 0 ? QString() : info.mid(colon + 1);
    out.user = QUrl::fromPercentEncoding(user.toUtf8());
    out.password = QUrl::fromPercentEncoding(password.toUtf8());
    return out;
}

QString ProxySetting::masked(const QString &text)
{
    const Credentials c = splitCredentials(text);
    if (!c.found)
        return c.url;
    const QString t = text.trimmed();
    const qsizetype schemeEnd = t.indexOf(QStringLiteral("://"));
    const QString prefix = schemeEnd < 0 ? QString() : t.left(schemeEnd + 3);
    if (!t.mid(prefix.size()).contains(u'@'))
        return prefix + c.user + QStringLiteral(":****");
    return prefix + c.user + (c.password.isEmpty() ? QString() : QStringLiteral(":****")) + u'@'
           + c.url.mid(prefix.size());
}

void ProxySetting::useDesktop(const DesktopProxy &d)
{
    if (mode != Mode::System)
        return;
    desktop = d.kind == DesktopProxy::Kind::None ? QString() : d.desktop;
    desktopPacUrl = d.kind == DesktopProxy::Kind::Pac ? d.pacUrl : QString();
    desktopAutoDetect = d.kind == DesktopProxy::Kind::AutoDetect;
}

QString ProxySetting::display() const
{
    switch (mode) {
    case Mode::None:
        return QStringLiteral("none");
    case Mode::System:
        if (!desktopPacUrl.isEmpty())
            return QStringLiteral("system (") + desktop + QStringLiteral(": pac:") + desktopPacUrl + u')';
        if (desktopAutoDetect)
            return QStringLiteral("system (") + desktop + QStringLiteral(": auto-detect, not done)");
        return QStringLiteral("system");
    case Mode::Pac:
        return QStringLiteral("pac:") + pacLocation;
    case Mode::Explicit:
        break;
    }
    const QString h = host.contains(u':') ? u'[' + host + u']' : host;
    return QStringLiteral("http://") + h + u':' + QString::number(port);
}

const ResolveRule *ProbeOptions::resolveFor(const QString &host, int port) const
{
    for (const ResolveRule &r : resolve) {
        if ((r.host == u"*" || r.host.compare(host, Qt::CaseInsensitive) == 0) && (r.port == 0 || r.port == port))
            return &r;
    }
    return nullptr;
}

const ConnectToRule *ProbeOptions::connectToFor(const QString &host, int port) const
{
    for (const ConnectToRule &r : connectTo) {
        if ((r.host.isEmpty() || r.host.compare(host, Qt::CaseInsensitive) == 0) && (r.port == 0 || r.port == port))
            return &r;
    }
    return nullptr;
}

std::optional<ProxySetting> ProbeOptions::parseProxy(const QString &text, QString *error)
{
    ProxySetting p;
    const QString t = text.trimmed();
    if (t == u"none" || t == u"direct") {
        p.mode = ProxySetting::Mode::None;
        return p;
    }
    if (t == u"system") {
        p.mode = ProxySetting::Mode::System;
        return p;
    }
    if (t.startsWith(QStringLiteral("pac:"), Qt::CaseInsensitive)) {
        p.mode = ProxySetting::Mode::Pac;
        p.pacLocation = t.mid(4).trimmed();
        if (p.pacLocation.isEmpty()) {
            *error = tr("\"%1\": give the PAC file's path or URL, such as pac:/etc/proxy.pac or "
                        "pac:http://wpad.example.com/wpad.dat.")
                         .arg(t);
            return std::nullopt;
        }
        return p;
    }
    // Messages name the text with its password masked: they reach the screen, stderr and logs.
    const QString shown = ProxySetting::masked(t);
    const QUrl url = QUrl(t.contains(QStringLiteral("://")) ? t : QStringLiteral("http://") + t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        *error = tr("\"%1\" is not a proxy: use none, system or http://[user:password@]host:port.").arg(shown);
        return std::nullopt;
    }
    if (url.scheme() != u"http") {
        *error = tr("\"%1\": only HTTP proxies (http://host:port) are supported, not %2.").arg(shown, url.scheme());
        return std::nullopt;
    }
    if (url.port() <= 0) {
        *error = tr("\"%1\": give the proxy's port, such as http://proxy.example.com:8080.").arg(shown);
        return std::nullopt;
    }
    p.mode = ProxySetting::Mode::Explicit;
    p.host = url.host();
    p.port = url.port();
    p.user = url.userName(QUrl::FullyDecoded);
    p.password = url.password(QUrl::FullyDecoded);
    return p;
}

bool ProbeOptions::loadPac(ProxySetting *proxy, QString *error, const std::function<bool()> &cancelled)
{
    if (proxy->mode != ProxySetting::Mode::Pac)
        return true;
    QString script;
    if (!PacLoader::load(proxy->pacLocation, &script, error, PacLoader::DefaultTimeoutMs, cancelled))
        return false;
    PacEngine check; // compiles it and runs its top level: a broken file fails before the run
    if (!check.load(script, PacLoader::displayName(proxy->pacLocation), error))
        return false;
    proxy->pacScript = script;
    return true;
}

std::optional<ResolveRule> ProbeOptions::parseResolve(const QString &text, QString *error)
{
    QString t = text.trimmed();
    if (t.startsWith(u'+'))
        t.remove(0, 1);
    const QStringList parts = splitColons(t, 3);
    auto fail = [&]() {
        *error = tr("\"%1\" is not HOST:PORT:ADDRESS[,ADDRESS...] (such as api.example.com:443:10.0.0.5).").arg(text);
        return std::nullopt;
    };
    if (parts.size() != 3)
        return fail();
    ResolveRule r;
    r.text = text;
    r.host = parts.at(0).trimmed();
    if (r.host != u"*" && !isHostOrAddress(r.host))
        return fail();
    r.port = parsePort(parts.at(1).trimmed(), true);
    if (r.port < 0 || parts.at(1).trimmed().isEmpty())
        return fail();
    for (const QString &a : parts.at(2).split(u',', Qt::SkipEmptyParts)) {
        const QHostAddress address(unbracket(a.trimmed()));
        if (address.isNull()) {
            *error = tr("\"%1\" in \"%2\" is not an IP address.").arg(a.trimmed(), text);
            return std::nullopt;
        }
        r.addresses << address;
    }
    if (r.addresses.isEmpty())
        return fail();
    return r;
}

std::optional<ConnectToRule> ProbeOptions::parseConnectTo(const QString &text, QString *error)
{
    const QStringList parts = splitColons(text.trimmed(), 4);
    auto fail = [&]() {
        *error
            = tr("\"%1\" is not HOST:PORT:HOST2:PORT2 (such as api.example.com:443:127.0.0.1:8443; empty parts match "
                 "any host or port, or keep them).")
                  .arg(text);
        return std::nullopt;
    };
    if (parts.size() != 4)
        return fail();
    ConnectToRule r;
    r.text = text;
    r.host = parts.at(0).trimmed();
    r.toHost = unbracket(parts.at(2).trimmed());
    r.port = parsePort(parts.at(1).trimmed(), true);
    r.toPort = parsePort(parts.at(3).trimmed(), true);
    if (r.port < 0 || r.toPort < 0)
        return fail();
    if ((!r.host.isEmpty() && !isHostOrAddress(r.host)) || (!r.toHost.isEmpty() && !isHostOrAddress(r.toHost)))
        return fail();
    return r;
}

std::optional<QPair<QString, QString>> ProbeOptions::parseSample(const QString &text, QString *error)
{
    const qsizetype eq = text.indexOf(u'=');
    const QString left = eq < 0 ? QString() : text.left(eq).trimmed();
    const QString right = eq < 0 ? QString() : text.mid(eq + 1).trimmed().toLower();
    if (left.isEmpty() || right.isEmpty()) {
        *error = tr("\"%1\" is not WILDCARD=HOST (such as '*.vault.azure.net=myvault.vault.azure.net').").arg(text);
        return std::nullopt;
    }
    if (!isValidHostName(right)) {
        *error = tr("\"%1\" is not a host name that can be tested (no wildcards).").arg(right);
        return std::nullopt;
    }
    if (isWildcardHost(left) && !isValidHostPattern(left)) {
        *error = tr("\"%1\" is not a wildcard destination such as *.vault.azure.net.").arg(left);
        return std::nullopt;
    }
    return QPair<QString, QString>(left, right);
}

std::optional<ProbeTimeouts> ProbeOptions::parseTimeouts(const QString &text, QString *error)
{
    constexpr int Min = 50;
    constexpr int Max = 600000;
    ProbeTimeouts t;
    auto parseMs = [&](const QString &value, int *out) {
        bool ok = false;
        const int ms = value.trimmed().toInt(&ok);
        if (!ok || ms < Min || ms > Max) {
            *error = tr("\"%1\" is not a timeout: give milliseconds from %2 to %3.").arg(value.trimmed(), QString::number(Min), QString::number(Max));
            return false;
        }
        *out = ms;
        return true;
    };
    if (!text.contains(u'=')) {
        int ms = 0;
        if (!parseMs(text, &ms))
            return std::nullopt;
        t.dnsMs = t.tcpMs = t.tlsMs = t.httpMs = ms;
        return t;
    }
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString key = part.section(u'=', 0, 0).trimmed();
        const QString value = part.section(u'=', 1);
        int *slot = key == u"dns"    ? &t.dnsMs
                    : key == u"tcp"  ? &t.tcpMs
                    : key == u"tls"  ? &t.tlsMs
                    : key == u"http" ? &t.httpMs
                                     : nullptr;
        if (!slot) {
            *error = tr("\"%1\" is not a stage: use dns, tcp, tls or http (such as dns=2000,tls=8000).").arg(key);
            return std::nullopt;
        }
        if (!parseMs(value, slot))
            return std::nullopt;
    }
    return t;
}

std::optional<QList<QSslCertificate>> ProbeOptions::loadCaBundle(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the CA bundle \"%1\": %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.read(16 * 1024 * 1024);
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    if (certificates.isEmpty()) {
        *error = tr("The CA bundle \"%1\" holds no certificate (PEM or DER).").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    return certificates;
}

} // namespace amlfw
