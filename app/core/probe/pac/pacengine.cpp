#include "pacengine.h"

#include <QHash>
#include <QHostInfo>
#include <QJSEngine>
#include <QJSValue>
#include <QNetworkInterface>
#include <QObject>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace amlfw {

namespace {

// The helpers every PAC may call (Netscape's list, as Mozilla and Chromium define them), the
// name service and clock ones through __amlfw (PacNatives below).
const char PacHelpers[] = R"JS(
function __pacNow() { return new Date(__amlfw.nowMs()); }
function isPlainHostName(host) { host = String(host); return host.indexOf('.') < 0 && host.indexOf(':') < 0; }
function dnsDomainIs(host, domain) {
    host = String(host).toLowerCase(); domain = String(domain).toLowerCase();
    return host.length >= domain.length && host.substring(host.length - domain.length) == domain;
}
function localHostOrDomainIs(host, hostdom) {
    host = String(host).toLowerCase(); hostdom = String(hostdom).toLowerCase();
    return host == hostdom || hostdom.lastIndexOf(host + '.', 0) == 0;
}
function dnsDomainLevels(host) { return String(host).split('.').length - 1; }
function shExpMatch(str, pattern) {
    var re = String(pattern).replace(/[.+^${}()|[\]\\\/]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp('^' + re + '$').test(String(str));
}
function dnsResolve(host) { var a = __amlfw.dnsResolve(String(host)); return a === '' ? null : a; }
function dnsResolveEx(host) { return __amlfw.dnsResolveEx(String(host)); }
function isResolvable(host) { return dnsResolve(host) !== null; }
function isResolvableEx(host) { return dnsResolveEx(host) !== ''; }
function myIpAddress() { return __amlfw.myIpAddress(); }
function myIpAddressEx() { return __amlfw.myIpAddressEx(); }
function isInNet(host, pattern, mask) {
    var ip = /^\d+\.\d+\.\d+\.\d+$/.test(String(host)) ? String(host) : dnsResolve(host);
    if (ip === null) return false;
    function n(a) {
        var b = String(a).split('.');
        if (b.length != 4) return NaN;
        return (((b[0] & 255) << 24) | ((b[1] & 255) << 16) | ((b[2] & 255) << 8) | (b[3] & 255)) >>> 0;
    }
    var m = n(mask);
    return ((n(ip) & m) >>> 0) == ((n(pattern) & m) >>> 0);
}
function isInNetEx(host, prefix) { return __amlfw.isInNetEx(String(host), String(prefix)); }
function sortIpAddressList(list) { return __amlfw.sortIpAddressList(String(list)); }
function getClientVersion() { return '1.0'; }
function __pacCall(f, url, host) {
    try { return {ok: true, value: f(url, host)}; } catch (e) { return {ok: false, error: e}; }
}
var __pacDays = {SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6};
var __pacMonths = {JAN: 0, FEB: 1, MAR: 2, APR: 3, MAY: 4, JUN: 5, JUL: 6, AUG: 7, SEP: 8, OCT: 9, NOV: 10, DEC: 11};
function __pacArgs(args) {
    var a = Array.prototype.slice.call(args);
    var gmt = a.length > 0 && String(a[a.length - 1]).toUpperCase() == 'GMT';
    if (gmt) a.pop();
    return {list: a, gmt: gmt};
}
function weekdayRange() {
    var p = __pacArgs(arguments), d = __pacNow();
    if (p.list.length < 1 || p.list.length > 2) return false;
    var day = p.gmt ? d.getUTCDay() : d.getDay();
    var w1 = __pacDays[String(p.list[0]).toUpperCase()];
    var w2 = p.list.length == 2 ? __pacDays[String(p.list[1]).toUpperCase()] : w1;
    if (w1 === undefined || w2 === undefined) return false;
    return w1 <= w2 ? (w1 <= day && day <= w2) : (day >= w1 || day <= w2);
}
// dateRange(day | month | year, ...): each half names the same fields; compared as (year, month, day).
function dateRange() {
    var p = __pacArgs(arguments), d = __pacNow();
    var now = p.gmt ? [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()] : [d.getFullYear(), d.getMonth(), d.getDate()];
    function field(v) {
        var m = __pacMonths[String(v).toUpperCase()];
        if (m !== undefined) return {i: 1, v: m};
        var n = parseInt(v, 10);
        if (isNaN(n)) return null;
        return n < 32 ? {i: 2, v: n} : {i: 0, v: n};
    }
    var a = p.list, n = a.length;
    if (n != 1 && n != 2 && n != 4 && n != 6) return false;
    var half = n == 1 ? 1 : n / 2;
    var from = [], to = [], used = [];
    for (var k = 0; k < half; ++k) {
        var f1 = field(a[k]), f2 = field(a[n == 1 ? k : k + half]);
        if (!f1 || !f2 || f1.i != f2.i) return false;
        from[f1.i] = f1.v; to[f2.i] = f2.v; used.push(f1.i);
    }
    used.sort();
    function key(t) { var s = 0; for (var k = 0; k < used.length; ++k) s = s * 10000 + t[used[k]]; return s; }
    var x = key(now), s = key(from), e = key(to);
    return s <= e ? (s <= x && x <= e) : (x >= s || x <= e);
}
// timeRange(hour | h1, h2 | h1, m1, h2, m2 | h1, m1, s1, h2, m2, s2), compared in seconds of the day.
function timeRange() {
    var p = __pacArgs(arguments), d = __pacNow(), a = p.list.map(function (v) { return parseInt(v, 10); });
    var h = p.gmt ? d.getUTCHours() : d.getHours(), m = p.gmt ? d.getUTCMinutes() : d.getMinutes();
    var x = h * 3600 + m * 60 + (p.gmt ? d.getUTCSeconds() : d.getSeconds());
    var s, e;
    if (a.length == 1) return h == a[0];
    if (a.length == 2) { s = a[0] * 3600; e = a[1] * 3600 + 3599; }
    else if (a.length == 4) { s = a[0] * 3600 + a[1] * 60; e = a[2] * 3600 + a[3] * 60 + 59; }
    else if (a.length == 6) { s = a[0] * 3600 + a[1] * 60 + a[2]; e = a[3] * 3600 + a[4] * 60 + a[5]; }
    else return false;
    return s <= e ? (s <= x && x <= e) : (x >= s || x <= e);
}
)JS";

QList<QHostAddress> literalOrLookup(const PacEnvironment &env, const QString &host)
{
    const QHostAddress literal(host);
    if (!literal.isNull())
        return {literal};
    return env.lookup ? env.lookup(host) : QList<QHostAddress>();
}

QString joinAddresses(const QList<QHostAddress> &addresses)
{
    QStringList out;
    for (const QHostAddress &a : addresses)
        out << a.toString();
    return out.join(u';');
}

// Sets the engine's interrupt flag when a call runs past its limit: the only way to stop a script
// that loops (QJSEngine::setInterrupted may be called from another thread).
class Watchdog
{
public:
    explicit Watchdog(QJSEngine *engine) : m_engine(engine), m_thread([this] { run(); }) {}
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_quit = true;
        }
        m_cv.notify_all();
        m_thread.join();
    }
    void arm(int ms)
    {
        {
            std::lock_guard lock(m_mutex);
            m_deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
            m_armed = true;
        }
        m_cv.notify_all();
    }
    void disarm()
    {
        std::lock_guard lock(m_mutex);
        m_armed = false;
        m_cv.notify_all();
    }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        while (!m_quit) {
            if (!m_armed) {
                m_cv.wait(lock);
                continue;
            }
            if (m_cv.wait_until(lock, m_deadline) == std::cv_status::timeout && m_armed
                && std::chrono::steady_clock::now() >= m_deadline) {
                m_engine->setInterrupted(true);
                m_armed = false;
            }
        }
    }

    QJSEngine *m_engine;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::chrono::steady_clock::time_point m_deadline;
    bool m_armed = false;
    bool m_quit = false;
    std::thread m_thread; // last: starts once the members above exist
};

} // namespace

// What the helpers ask of the machine, reached from JavaScript as __amlfw.
class PacNatives : public QObject
{
    Q_OBJECT

public:
    explicit PacNatives(const PacEnvironment *env) : m_env(env) {}

    Q_INVOKABLE QString dnsResolve(const QString &host) const
    {
        for (const QHostAddress &a : literalOrLookup(*m_env, host)) {
            if (a.protocol() == QAbstractSocket::IPv4Protocol)
                return a.toString();
        }
        return QString();
    }
    Q_INVOKABLE QString dnsResolveEx(const QString &host) const
    {
        return joinAddresses(literalOrLookup(*m_env, host));
    }
    Q_INVOKABLE QString myIpAddress() const
    {
        for (const QHostAddress &a : local()) {
            if (a.protocol() == QAbstractSocket::IPv4Protocol)
                return a.toString();
        }
        return QStringLiteral("127.0.0.1");
    }
    Q_INVOKABLE QString myIpAddressEx() const { return joinAddresses(local()); }
    Q_INVOKABLE bool isInNetEx(const QString &host, const QString &prefix) const
    {
        const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(prefix.trimmed());
        if (subnet.first.isNull())
            return false;
        const QList<QHostAddress> addresses = literalOrLookup(*m_env, host);
        return std::any_of(addresses.cbegin(), addresses.cend(),
                           [&](const QHostAddress &a) { return a.isInSubnet(subnet); });
    }
    // IPv6 before IPv4, each in ascending order (Microsoft's sortIpAddressList); "" when one is not an address.
    Q_INVOKABLE QString sortIpAddressList(const QString &list) const
    {
        QList<QHostAddress> addresses;
        for (const QString &part : list.split(u';', Qt::SkipEmptyParts)) {
            const QHostAddress a(part.trimmed());
            if (a.isNull())
                return QString();
            addresses << a;
        }
        std::sort(addresses.begin(), addresses.end(), [](const QHostAddress &x, const QHostAddress &y) {
            const bool x6 = x.protocol() == QAbstractSocket::IPv6Protocol;
            const bool y6 = y.protocol() == QAbstractSocket::IPv6Protocol;
            if (x6 != y6)
                return x6;
            const Q_IPV6ADDR a = x6 ? x.toIPv6Address() : QHostAddress(x.toIPv4Address()).toIPv6Address();
            const Q_IPV6ADDR b = y6 ? y.toIPv6Address() : QHostAddress(y.toIPv4Address()).toIPv6Address();
            return std::lexicographical_compare(a.c, a.c + 16, b.c, b.c + 16);
        });
        return joinAddresses(addresses);
    }
    Q_INVOKABLE double nowMs() const
    {
        return double((m_env->now ? m_env->now() : QDateTime::currentDateTime()).toMSecsSinceEpoch());
    }

private:
    QList<QHostAddress> local() const { return m_env->localAddresses ? m_env->localAddresses() : QList<QHostAddress>(); }

    const PacEnvironment *m_env;
};

PacEnvironment PacEnvironment::system(int lookupTimeoutMs)
{
    PacEnvironment env;
    env.lookup = [lookupTimeoutMs](const QString &host) {
        // getaddrinfo has no time limit of its own: ask on a thread of its own and stop waiting
        // when the limit passes (the thread ends by itself later).
        struct State
        {
            std::mutex mutex;
            std::condition_variable cv;
            bool done = false;
            QList<QHostAddress> addresses;
        };
        auto state = std::make_shared<State>();
        std::thread([state, host] {
            const QList<QHostAddress> addresses = QHostInfo::fromName(host).addresses();
            std::lock_guard lock(state->mutex);
            state->addresses = addresses;
            state->done = true;
            state->cv.notify_all();
        }).detach();
        std::unique_lock lock(state->mutex);
        state->cv.wait_for(lock, std::chrono::milliseconds(lookupTimeoutMs), [&] { return state->done; });
        return state->done ? state->addresses : QList<QHostAddress>();
    };
    env.localAddresses = [] {
        QList<QHostAddress> out;
        for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
            if (!a.isLoopback() && !a.isLinkLocal())
                out << a;
        }
        return out;
    };
    env.now = [] { return QDateTime::currentDateTime(); };
    return env;
}

struct PacEngine::Private
{
    PacEnvironment env;
    QJSEngine engine;
    PacNatives natives{&env};
    Watchdog watchdog{&engine};
    int timeLimitMs = DefaultTimeLimitMs;
    QString location;
    QJSValue function;
    QJSValue caller; // __pacCall: a throw of any value comes back as one
    bool ex = false;
    bool loaded = false;
    int calls = 0;
    QHash<QString, PacAnswer> cache;

    // Runs `work` under the time limit; false when it was stopped.
    template<typename F>
    QJSValue guarded(F work, bool *timedOut)
    {
        engine.setInterrupted(false);
        watchdog.arm(timeLimitMs);
        QJSValue value = work();
        watchdog.disarm();
        *timedOut = engine.isInterrupted();
        engine.setInterrupted(false);
        if (engine.hasError()) {
            const QJSValue error = engine.catchError();
            if (!value.isError())
                value = error;
        }
        return value;
    }
};

PacEngine::PacEngine(PacEnvironment environment) : d(std::make_unique<Private>())
{
    d->env = std::move(environment);
    d->engine.globalObject().setProperty(QStringLiteral("__amlfw"), d->engine.newQObject(&d->natives));
    const QJSValue helpers = d->engine.evaluate(QString::fromUtf8(PacHelpers), QStringLiteral("pac-helpers.js"));
    Q_ASSERT(!helpers.isError());
    d->caller = d->engine.globalObject().property(QStringLiteral("__pacCall"));
}

PacEngine::~PacEngine() = default;

void PacEngine::setTimeLimit(int ms)
{
    d->timeLimitMs = ms;
}

int PacEngine::timeLimit() const
{
    return d->timeLimitMs;
}

bool PacEngine::isLoaded() const
{
    return d->loaded;
}

QString PacEngine::location() const
{
    return d->location;
}

int PacEngine::calls() const
{
    return d->calls;
}

bool PacEngine::load(const QString &script, const QString &location, QString *error)
{
    d->location = location;
    d->loaded = false;
    d->cache.clear();
    bool timedOut = false;
    const QJSValue value = d->guarded([&] { return d->engine.evaluate(script, location, 1); }, &timedOut);
    if (timedOut) {
        *error = tr("The PAC file %1 did not finish loading within %2 ms (an endless loop?).")
                     .arg(location, QString::number(d->timeLimitMs));
        return false;
    }
    if (value.isError()) {
        *error = tr("The PAC file %1 has an error on line %2: %3")
                     .arg(location, QString::number(value.property(QStringLiteral("lineNumber")).toInt()),
                          value.toString());
        return false;
    }
    const QJSValue global = d->engine.globalObject();
    d->ex = global.property(QStringLiteral("FindProxyForURLEx")).isCallable();
    d->function = global.property(d->ex ? QStringLiteral("FindProxyForURLEx") : QStringLiteral("FindProxyForURL"));
    if (!d->function.isCallable()) {
        *error = tr("The PAC file %1 defines no function FindProxyForURL(url, host).").arg(location);
        return false;
    }
    d->loaded = true;
    return true;
}

PacAnswer PacEngine::findProxy(const QString &url, const QString &host)
{
    const QString key = url + u'\n' + host;
    if (const auto it = d->cache.constFind(key); it != d->cache.constEnd())
        return *it;
    PacAnswer answer;
    const QString name = d->ex ? QStringLiteral("FindProxyForURLEx") : QStringLiteral("FindProxyForURL");
    if (!d->loaded) {
        answer.error = tr("No PAC file is loaded.");
        return answer;
    }
    ++d->calls;
    bool timedOut = false;
    const QJSValue outcome
        = d->guarded([&] { return d->caller.call({d->function, QJSValue(url), QJSValue(host)}); }, &timedOut);
    const bool thrown = !outcome.property(QStringLiteral("ok")).toBool();
    const QJSValue value = outcome.property(thrown ? QStringLiteral("error") : QStringLiteral("value"));
    if (timedOut || outcome.isError()) {
        answer.error = tr("%1 in the PAC file %2 did not answer within %3 ms for %4 (an endless loop?).")
                           .arg(name, d->location, QString::number(d->timeLimitMs), url);
    } else if (thrown && value.isError()) {
        answer.error = tr("%1 in the PAC file %2 failed on line %3 for %4: %5")
                           .arg(name, d->location,
                                QString::number(value.property(QStringLiteral("lineNumber")).toInt()), url,
                                value.toString());
    } else if (thrown) {
        answer.error = tr("%1 in the PAC file %2 threw \"%3\" for %4.").arg(name, d->location, value.toString(), url);
    } else if (!value.isString()) {
        answer.error = tr("%1 in the PAC file %2 returned %3 for %4, not a text such as \"PROXY host:port; DIRECT\".")
                           .arg(name, d->location, value.isUndefined() ? QStringLiteral("undefined") : value.toString(),
                                url);
    } else {
        answer = PacAnswerParser::parse(value.toString());
        if (!answer.ok())
            answer.error = tr("%1 (PAC file %2, for %3)").arg(answer.error, d->location, url);
    }
    d->cache.insert(key, answer);
    return answer;
}

QString PacEngine::evaluate(const QString &expression, QString *error)
{
    bool timedOut = false;
    const QJSValue value = d->guarded([&] { return d->engine.evaluate(expression); }, &timedOut);
    if (error)
        *error = timedOut ? QStringLiteral("timeout") : value.isError() ? value.toString() : QString();
    return value.isNull() ? QStringLiteral("null") : value.toString();
}

} // namespace amlfw

#include "pacengine.moc"
