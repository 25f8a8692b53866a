#pragma once

#include "probecatalog.h"
#include "probeoptions.h"
#include "proberesult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

class QSslSocket;

namespace amlfw {

class DnsCache;

// What the jobs of one run share.
struct ProbeContext
{
    ProbeOptions options;
    ProbeCatalog probe;
    DnsCache *dns = nullptr;
    QSslConfiguration ssl;
};

// Tests one endpoint: DNS, TCP (each address family), the proxy's CONNECT, TLS, HTTP — each stage
// with its own timeout, all on the event loop. Used by ProbeEngine; one job per distinct endpoint.
class ProbeJob : public QObject
{
    Q_OBJECT

public:
    ProbeJob(const ProbeTarget &target, const ProbeContext *context, QObject *parent = nullptr);
    ~ProbeJob() override;

    void start();
    void abort(); // stops at once; finished() is not emitted
    const ProbeResult &result() const { return m_result; }

Q_SIGNALS:
    void finished(); // always queued after the last stage, once background attempts are done

private:
    enum class Stage { Idle, Dns, ProxyDns, Tcp, ProxyConnect, Tls, Http, Done };
    struct FamilyRun
    {
        QList<int> attempts; // indices into m_result.tcp
        int next = 0;
        int current = -1;
        QSslSocket *socket = nullptr;
        bool done = false;
    };

    void choosePath();
    void resolveDestination();
    void destinationResolved();
    void resolveProxy();
    void startTcp(const QList<QHostAddress> &addresses, int port);
    void tryNextAddress(int family);
    void attemptConnected(int family);
    void attemptFailed(int family, int socketError, const QString &errorString);
    void tcpDeadline();
    void familyDone();
    void connectionReady();
    void sendConnect();
    void startTls();
    void tlsEncrypted();
    void startHttp();
    void readyRead();
    void socketError(int socketError, const QString &errorString);
    void stageTimeout();
    bool parseHead(int *status, QString *reason, QHash<QString, QString> *headers, bool *bad);
    void proxyAnswered(int status, const QHash<QString, QString> &headers);
    void httpAnswered(int status, const QString &reason, const QHash<QString, QString> &headers);
    void restartForGet();
    void fillCertificates();
    QByteArray proxyAuthorization();
    void done();
    void emitFinished();
    void teardown();

    ProbeTarget m_target;
    const ProbeContext *m_context;
    ProbeResult m_result;
    Stage m_stage = Stage::Idle;
    QElapsedTimer m_total;
    QElapsedTimer m_stageClock;
    QTimer m_stageTimer;
    QTimer m_tcpTimer;

    QString m_connectHost; // where the connection goes (after --connect-to)
    int m_connectPort = 0;
    QString m_proxyHost;
    int m_proxyPort = 0;
    QString m_proxyUser;
    QString m_proxyPassword;
    QList<QHostAddress> m_tcpAddresses;
    int m_tcpPort = 0;

    QList<FamilyRun> m_families;
    QSslSocket *m_socket = nullptr; // the connection the stages run on
    QByteArray m_buffer;
    QString m_method = QStringLiteral("HEAD");
    bool m_restarted = false;
    bool m_mainDone = false;
    bool m_finishQueued = false;
    bool m_aborted = false;
};

} // namespace amlfw
