#pragma once

#include "dnscache.h"
#include "httphead.h"
#include "pacengine.h"
#include "pathchoice.h"
#include "probecatalog.h"
#include "probeoptions.h"
#include "proxyauth.h"
#include "proberesult.h"
#include "tcpracer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class QSslSocket;

namespace amlfw {

// What the jobs of one run share. Each job holds it, so it lives as long as the last of them: a
// new run makes a new one and never changes one under a job. Members are destroyed bottom-up, so
// the cache goes before the resolver it asks.
struct ProbeContext
{
    ProbeOptions options;
    ProbeCatalog probe;
    QSslConfiguration ssl;
    std::unique_ptr<HostResolver> ownResolver; // the system's, when none was injected
    std::unique_ptr<DnsCache> dns;             // this run's answers: a new run asks DNS again
    // --proxy pac:...: the run's script (answers kept per URL and host); pacError when it could not load.
    std::shared_ptr<PacEngine> pac;
    QString pacError;
};

// Tests one endpoint, stage after stage: DNS, the path (direct or which proxy), TCP (each address
// family, TcpRacer), the proxy's CONNECT, TLS, HTTP — each with its own timeout, all on the event
// loop. Used by ProbeEngine; one job per distinct endpoint.
class ProbeJob : public QObject
{
    Q_OBJECT

public:
    ProbeJob(const ProbeTarget &target, std::shared_ptr<const ProbeContext> context, QObject *parent = nullptr);
    ~ProbeJob() override;

    void start();
    void abort(); // stops at once; finished() is not emitted
    const ProbeResult &result() const { return m_result; }

Q_SIGNALS:
    void finished(); // always queued after the last stage, once background attempts are done

private:
    enum class Stage { Idle, Dns, ProxyDns, Tcp, ProxyConnect, Tls, Http, Done };

    void choosePath();
    // --proxy pac:... — the answer's entries in order: the first to start with, the next after a
    // proxy cannot be reached (its name or its port).
    QNetworkProxy pacProxy(const PathRequest &request);
    QNetworkProxy nextPacCandidate();
    void applyPath(const PathRequest &request);
    bool pacFallback();
    // A literal address or pinned ones (--resolve): no DNS needed.
    std::optional<QList<QHostAddress>> knownAddresses(const QString &host, int port, AddressSource *source) const;
    void lookUp(const QString &host, std::function<void(const HostAnswer &, qint64)> answered); // under the DNS timeout
    void resolveDestination();
    void destinationResolved();
    void resolveProxy();
    void startTcp(const QList<QHostAddress> &addresses, int port);
    void tcpConnected(QSslSocket *socket);
    void tcpFinished();
    void connectionReady();
    void sendConnect();
    void startTls();
    void tlsEncrypted();
    void startHttp();
    void readyRead();
    void socketError(int socketError, const QString &errorString);
    void stageTimeout();
    void proxyAnswered(const HttpHead &head);
    void httpAnswered(const HttpHead &head);
    void endStage(); // stops the stage's timer and records its time
    void headUnreadable();
    bool stageOverdue();          // the stage's deadline passed (its timer not yet fired): ends it
    HttpHeadParse readHead();     // reads what fits of a head and parses it
    void limitReadBuffer(bool limited);
    void tunnelClosed();
    void restartForGet();
    void fillCertificates();
    QByteArray proxyAuthorization();
    // Proxy authentication (a 407 to CONNECT or to an absolute-form request): true when the next
    // step was started (same connection, or a new one), false when the job should report the 407.
    bool proxyChallenged(const HttpHead &head, const QString &method, const QString &uri);
    bool resendAfterClose(); // the proxy closed a connection after its 407: open another and go on
    void connectWithSystemCredentials(); // Windows: Qt's authenticator signs on as the logged-on user
    void watchSocket(QSslSocket *socket);
    void dropSocket();
    void done();
    void emitFinished();

    ProbeTarget m_target;
    std::shared_ptr<const ProbeContext> m_context;
    ProbeResult m_result;
    Stage m_stage = Stage::Idle;
    QElapsedTimer m_total;
    QElapsedTimer m_stageClock;
    QTimer m_stageTimer;

    PathChoice m_path;
    PathRequest m_pathRequest;
    QList<PacProxy> m_pacCandidates; // PAC entries not tried yet
    QList<QHostAddress> m_tcpAddresses; // what the race ran on, for the GET's new connection
    int m_tcpPort = 0;
    TcpRacer m_racer;
    QSslSocket *m_socket = nullptr; // the connection the stages run on (a child of the job)
    QByteArray m_buffer;
    QString m_method = QStringLiteral("HEAD");
    bool m_restarted = false;
    bool m_mainDone = false;
    bool m_finishQueued = false;
    bool m_aborted = false;
    ProxyAuthenticator m_auth;
    qsizetype m_skipBytes = 0;   // the rest of a 407's body, still to come before the next answer
    bool m_authResent = false;   // the next request went on the connection that carried the 407
};

} // namespace amlfw
