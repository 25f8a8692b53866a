#include "hostresolver.h"

#include <QDnsLookup>
#include <QHash>
#include <QHostInfo>
#include <QTimer>

namespace amlfw {

namespace {

QString normalizedName(QString name)
{
    if (name.endsWith(u'.'))
        name.chop(1);
    return name.toLower();
}

// One system lookup: the address query and the CNAME query side by side, answered once.
class SystemLookup : public QObject
{
public:
    SystemLookup(const QString &host, bool cnames, HostResolver::Callback done, QObject *parent)
        : QObject(parent), m_host(host), m_done(std::move(done)), m_cnamesDone(!cnames)
    {
        QHostInfo::lookupHost(host, this, [this](const QHostInfo &info) { hostInfoArrived(info); });
        if (!cnames)
            return;
        // An A query: the answer carries the CNAME records that lead to the addresses.
        m_dns = new QDnsLookup(QDnsLookup::A, host, this);
        connect(m_dns, &QDnsLookup::finished, this, [this] { cnamesArrived(); });
        m_dns->lookup();
    }

private:
    void hostInfoArrived(const QHostInfo &info)
    {
        if (info.error() == QHostInfo::NoError && !info.addresses().isEmpty()) {
            m_answer.outcome = DnsOutcome::Ok;
            m_answer.addresses = info.addresses();
        } else {
            m_answer.outcome = info.error() == QHostInfo::HostNotFound || info.error() == QHostInfo::NoError
                                   ? DnsOutcome::NotFound
                                   : DnsOutcome::Failed;
            m_answer.error = info.errorString();
        }
        m_addressesDone = true;
        if (m_cnamesDone)
            finish();
        else
            QTimer::singleShot(SystemHostResolver::CnameGraceMs, this, [this] { finish(); });
    }

    void cnamesArrived()
    {
        QHash<QString, QString> next;
        if (m_dns->error() == QDnsLookup::NoError) {
            for (const QDnsDomainNameRecord &r : m_dns->canonicalNameRecords())
                next.insert(normalizedName(r.name()), normalizedName(r.value()));
        }
        QString name = normalizedName(m_host);
        for (int hop = 0; hop < 16 && next.contains(name); ++hop) {
            name = next.value(name);
            if (m_answer.cnames.contains(name))
                break; // a loop
            m_answer.cnames << name;
        }
        m_cnamesDone = true;
        if (m_addressesDone)
            finish();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_done(m_answer);
        deleteLater();
    }

    QString m_host;
    HostResolver::Callback m_done;
    QDnsLookup *m_dns = nullptr;
    HostAnswer m_answer;
    bool m_addressesDone = false;
    bool m_cnamesDone = false;
    bool m_finished = false;
};

} // namespace

void SystemHostResolver::lookup(const QString &host, QObject *context, Callback done)
{
    new SystemLookup(host, m_cnameQueries, std::move(done), context);
}

} // namespace amlfw
