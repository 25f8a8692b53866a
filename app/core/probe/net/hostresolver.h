#pragma once

#include "netoutcome.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

namespace amlfw {

// What a resolver says about a name.
struct HostAnswer
{
    DnsOutcome outcome = DnsOutcome::Failed; // Ok, NotFound or Failed (timeouts are the engine's)
    QList<QHostAddress> addresses;           // in the resolver's order of preference
    QStringList cnames;                      // the CNAME chain, first hop first, where known
    QString error;                           // the resolver's words, when it failed
};

// Name resolution for the probe engine. Injectable, so that tests never resolve real names.
class HostResolver
{
public:
    using Callback = std::function<void(const HostAnswer &)>;

    virtual ~HostResolver() = default;
    // Answers through `done` later, never from within lookup(); not at all once `context` is gone.
    virtual void lookup(const QString &host, QObject *context, Callback done) = 0;
    // True when lookup() may be called from several threads at once (the engine's lanes); the
    // answer is delivered in `context`'s thread either way. Otherwise the engine stays on one thread.
    virtual bool isThreadSafe() const { return false; }
};

// The system's resolver: addresses from QHostInfo (getaddrinfo, so hosts files and search
// domains apply as for any program), the CNAME chain from a QDnsLookup query where DNS gives one.
class SystemHostResolver : public HostResolver
{
public:
    static constexpr int CnameGraceMs = 1000; // how long the CNAME query may lag behind the addresses

    // Without CNAME queries only getaddrinfo runs (hosts files, no DNS traffic for local names).
    explicit SystemHostResolver(bool cnameQueries = true) : m_cnameQueries(cnameQueries) {}
    void lookup(const QString &host, QObject *context, Callback done) override;
    bool isThreadSafe() const override { return true; } // QHostInfo and QDnsLookup, per call

private:
    bool m_cnameQueries;
};

} // namespace amlfw
