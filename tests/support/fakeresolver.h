#pragma once

#include "hostresolver.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QStringList>

// A resolver that knows only what the test tells it: unknown names are not found, never asked
// of the system. Thread-safe, as the engine's lanes need (set it up before a run).
class FakeResolver : public amlfw::HostResolver
{
public:
    void setAddresses(const QString &host, const QList<QHostAddress> &addresses, const QStringList &cnames = {});
    void setNotFound(const QString &host);
    void setHanging(const QString &host); // never answers
    void setDelay(int ms) { m_delayMs = ms; }

    void lookup(const QString &host, QObject *context, Callback done) override;
    bool isThreadSafe() const override { return true; }
    QStringList lookups() const;

private:
    QHash<QString, amlfw::HostAnswer> m_answers;
    QSet<QString> m_hanging;
    QStringList m_lookups;
    int m_delayMs = 0;
    mutable QMutex m_mutex;
};
