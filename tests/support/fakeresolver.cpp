#include "fakeresolver.h"

#include <QTimer>

void FakeResolver::setAddresses(const QString &host, const QList<QHostAddress> &addresses, const QStringList &cnames)
{
    amlfw::HostAnswer answer;
    answer.outcome = amlfw::DnsOutcome::Ok;
    answer.addresses = addresses;
    answer.cnames = cnames;
    m_answers.insert(host.toLower(), answer);
}

void FakeResolver::setNotFound(const QString &host)
{
    amlfw::HostAnswer answer;
    answer.outcome = amlfw::DnsOutcome::NotFound;
    answer.error = QStringLiteral("Host not found (fake resolver)");
    m_answers.insert(host.toLower(), answer);
}

void FakeResolver::setHanging(const QString &host)
{
    m_hanging.insert(host.toLower());
}

QStringList FakeResolver::lookups() const
{
    QMutexLocker lock(&m_mutex);
    return m_lookups;
}

void FakeResolver::lookup(const QString &host, QObject *context, Callback done)
{
    QMutexLocker lock(&m_mutex);
    m_lookups << host;
    const QString key = host.toLower();
    if (m_hanging.contains(key))
        return;
    amlfw::HostAnswer answer = m_answers.value(key);
    if (!m_answers.contains(key)) {
        answer.outcome = amlfw::DnsOutcome::NotFound;
        answer.error = QStringLiteral("unknown to the fake resolver");
    }
    QTimer::singleShot(m_delayMs, context, [done = std::move(done), answer] { done(answer); });
}
