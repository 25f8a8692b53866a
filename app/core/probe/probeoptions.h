#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <functional>
#include <optional>

namespace amlfw {

struct ProbeTimeouts
{
    int dnsMs = 3000;
    int tcpMs = 5000;
    int tlsMs = 5000;
    int httpMs = 10000;
};

struct DesktopProxy;

// How connections to web ports go out.
struct ProxySetting
{
    enum class Mode { None, System, Explicit, Pac };
    Mode mode = Mode::System;
    QString host; // Explicit: an HTTP proxy spoken to with CONNECT
    int port = 0;
    QString user;
    QString password;
    QString pacLocation; // Pac: the script's path or URL, as given (System: desktopPacUrl, once fetched)
    QString pacScript;   // Pac: the script, once loaded (ProbeOptions::loadPac); System: the desktop's
    // System on Linux: what the desktop sets (DesktopProxy), where Qt does not see it. A PAC URL
    // is then run as --proxy pac:URL would be; "detect automatically" is only named.
    QString desktop;       // "GNOME", "KDE"; empty: the desktop was not read or sets nothing
    QString desktopPacUrl;
    bool desktopAutoDetect = false;

    // "none", "system", "system (GNOME: pac:URL)", "http://proxy:3128", "pac:LOCATION" (never the password)
    QString display() const;
    // Mode System: takes what the desktop sets (DesktopProxy::read()); other modes are left alone.
    void useDesktop(const DesktopProxy &desktopSetting);

    // The user's proxy text cut into the address and the credentials in it, whether or not it parses
    // as a URL: "http://u:p@h:1" and "htp://u:p@h" (user info before the last '@'), and a
    // "user:password" or half-typed "http://user:pa" (no '@', and what follows ':' is not a port).
    struct Credentials
    {
        QString url; // the text without user information; only the scheme when nothing else is left
        QString user;
        QString password;
        bool found = false; // user information was there (even an empty one)
    };
    static Credentials splitCredentials(const QString &text);
    // The text with any password replaced by "****", for messages: "http://user:****@host:8080".
    static QString masked(const QString &text);
};

// --resolve HOST:PORT:ADDR[,ADDR...]: the addresses to use for HOST on PORT, without asking DNS.
struct ResolveRule
{
    QString host; // "*" for any host
    int port = 0; // 0 for any port ("*")
    QList<QHostAddress> addresses;
    QString text; // as given
};

// --connect-to HOST:PORT:HOST2:PORT2: connect to HOST2:PORT2 instead (SNI and Host stay HOST).
struct ConnectToRule
{
    QString host;   // empty: any host
    int port = 0;   // 0: any port
    QString toHost; // empty: the same host
    int toPort = 0; // 0: the same port
    QString text;
};

// Everything the engine and the planner take from the user.
struct ProbeOptions
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::ProbeOptions)

public:
    // 0: automatic, every distinct endpoint of the run at once up to AutomaticConcurrencyCap (see
    // automaticConcurrency()). A number from 1 to MaxConcurrency is the user's and wins.
    static constexpr int AutomaticConcurrency = 0;
    static constexpr int DefaultConcurrency = AutomaticConcurrency;
    static constexpr int AutomaticConcurrencyCap = 128;
    static constexpr int MaxConcurrency = 1024;

    // Threads the handshakes of a run are spread over (ProbeEngine's lanes). 0: automatic, one per
    // AutomaticThreadEndpoints endpoints up to the processor's cores and MaxThreads. 1: the engine's
    // own thread only.
    static constexpr int AutomaticThreads = 0;
    static constexpr int AutomaticThreadEndpoints = 16;
    static constexpr int MaxThreads = 8;

    ProbeTimeouts timeouts;
    int concurrency = DefaultConcurrency;
    int threads = AutomaticThreads;
    ProxySetting proxy;
    QList<QSslCertificate> extraCaCertificates; // trusted in addition to the system store
    QString caBundlePath;
    QHash<QString, QString> samples; // wildcard destination or service tag -> concrete host
    QList<ResolveRule> resolve;
    QList<ConnectToRule> connectTo;
    // Hosts that go direct even when a proxy is set (as no_proxy does).
    QStringList noProxy;
    // A run on the demo network (DemoNetwork): simulated, never to be mixed with real results.
    bool demo = false;

    // Endpoints in flight for a run of `endpoints` distinct endpoints: the user's number, or all of
    // them up to the cap and to what the process's file descriptor limit leaves (two sockets each).
    int effectiveConcurrency(int endpoints) const;
    static int automaticConcurrency(int endpoints);
    // Threads for a run of `endpoints` endpoints (1 = the engine's own thread).
    int effectiveThreads(int endpoints) const;

    const ResolveRule *resolveFor(const QString &host, int port) const; // first match
    const ConnectToRule *connectToFor(const QString &host, int port) const;

    // Parsers for the user's text; on error return nullopt and set *error to a translated message.
    static std::optional<ProxySetting> parseProxy(
        const QString &text, QString *error); // none|system|http://[user:pass@]host:port|pac:FILE_OR_URL
    // Pac: reads or fetches the script and checks that it compiles and defines FindProxyForURL;
    // false with a translated message naming the file and line. Other modes: true.
    static bool loadPac(ProxySetting *proxy, QString *error, const std::function<bool()> &cancelled = {});
    static std::optional<ResolveRule> parseResolve(const QString &text, QString *error);
    static std::optional<ConnectToRule> parseConnectTo(const QString &text, QString *error);
    static std::optional<QPair<QString, QString>> parseSample(const QString &text, QString *error); // WILDCARD=HOST
    static std::optional<ProbeTimeouts> parseTimeouts(const QString &text,
                                                      QString *error); // "2000" or "dns=1000,tls=3000"
    static std::optional<QList<QSslCertificate>> loadCaBundle(const QString &path, QString *error);
};

} // namespace amlfw
