#pragma once

#include "hostresolver.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace amlfw {

// One lookup per name for a whole run: endpoints on the same host share the answer, and
// lookups still in flight are joined rather than repeated.
class DnsCache : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const HostAnswer &answer, qint64 lookupMs)>;

    explicit DnsCache(HostResolver *resolver, QObject *parent = nullptr);

    // Calls `done` once, always later (never from within lookup()), and not once `context` is gone.
    void lookup(const QString &host, QObject *context, Callback done);
    int lookupsStarted() const { return m_lookups; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    struct Entry
    {
        bool done = false;
        HostAnswer answer;
        qint64 ms = 0;
        QElapsedTimer timer;
        QList<Waiter> waiters;
    };

    void answered(const QString &key, const HostAnswer &answer);

    HostResolver *m_resolver;
    QHash<QString, Entry> m_entries;
    int m_lookups = 0;
};

} // namespace amlfw
