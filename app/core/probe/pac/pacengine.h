#pragma once

#include "pacanswer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace amlfw {

// What a PAC script may ask of the machine. Injectable: tests never resolve real names, and give
// the time the date and time helpers see.
struct PacEnvironment
{
    // Synchronous, as PAC's dnsResolve is; an empty list: the name does not resolve.
    std::function<QList<QHostAddress>(const QString &host)> lookup;
    std::function<QList<QHostAddress>()> localAddresses; // this machine's, loopback excluded
    std::function<QDateTime()> now;

    // getaddrinfo (QHostInfo) under a time limit, the interfaces' addresses and the clock.
    static PacEnvironment system(int lookupTimeoutMs = 3000);
};

// Runs a proxy auto-configuration script (JavaScript, through QJSEngine) with the standard
// helpers (Netscape's and Microsoft's Ex variants) and a time limit on every call. One script per
// engine; answers are kept per (url, host). Not thread-safe: one thread uses it.
class PacEngine
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::PacEngine)

public:
    static constexpr int DefaultTimeLimitMs = 2000;

    explicit PacEngine(PacEnvironment environment = PacEnvironment::system());
    ~PacEngine();
    PacEngine(const PacEngine &) = delete;
    PacEngine &operator=(const PacEngine &) = delete;

    void setTimeLimit(int ms); // for the script's top level and each call
    int timeLimit() const;

    // Compiles the script and runs its top level. `location` names it in messages (a path or URL).
    // False with a translated message naming the line when it does not compile, throws, loops or
    // defines no FindProxyForURL.
    bool load(const QString &script, const QString &location, QString *error);
    bool isLoaded() const;
    QString location() const;

    // FindProxyForURLEx when the script defines it, else FindProxyForURL.
    PacAnswer findProxy(const QString &url, const QString &host);
    int calls() const; // how many times the script ran (not counting cached answers)

    // Evaluates an expression in the script's context (the helpers' tests); the result as a string.
    QString evaluate(const QString &expression, QString *error = nullptr);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace amlfw
