#pragma once

#include "hostresolver.h"

#include <QHash>
#include <QSet>
#include <QStringList>

// A resolver that knows only what the test tells it: unknown names are not found, never asked
// of the system.
class FakeResolver : public amlfw::HostResolver
{
public:
    void setAddresses(const QString &host, const QList<QHostAddress> &addresses, const QStringList &cnames = {});
    void setNotFound(const QString &host);
    void setHanging(const QString &host); // never answers
    void setDelay(int ms) { m_delayMs = ms; }

    void lookup(const QString &host, QObject *context, Callback done) override;
    const QStringList &lookups() const { return m_lookups; }

private:
    QHash<QString, amlfw::HostAnswer> m_answers;
    QSet<QString> m_hanging;
    QStringList m_lookups;
    int m_delayMs = 0;
};
