#include "dnscache.h"

#include <QTimer>

namespace amlfw {

DnsCache::DnsCache(HostResolver *resolver, QObject *parent) : QObject(parent), m_resolver(resolver) {}

void DnsCache::lookup(const QString &host, QObject *context, Callback done)
{
    const QString key = host.toLower();
    auto it = m_entries.find(key);
    if (it != m_entries.end() && it->done) {
        const HostAnswer answer = it->answer;
        const qint64 ms = it->ms;
        QTimer::singleShot(0, context, [done = std::move(done), answer, ms] { done(answer, ms); });
        return;
    }
    if (it != m_entries.end()) {
        it->waiters.append({context, std::move(done)});
        return;
    }
    Entry &entry = m_entries[key];
    entry.timer.start();
    entry.waiters.append({context, std::move(done)});
    ++m_lookups;
    m_resolver->lookup(host, this, [this, key](const HostAnswer &answer) { answered(key, answer); });
}

void DnsCache::answered(const QString &key, const HostAnswer &answer)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end() || it->done)
        return;
    it->done = true;
    it->answer = answer;
    it->ms = it->timer.elapsed();
    const QList<Waiter> waiters = std::exchange(it->waiters, {});
    const qint64 ms = it->ms;
    for (const Waiter &w : waiters) {
        if (w.context)
            w.done(answer, ms);
    }
}

} // namespace amlfw
