#include "probejob.h"

#include "networktext.h"

#include <QAuthenticator>
#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QSslCipher>
#include <QSslSocket>

Q_LOGGING_CATEGORY(lcProbe, "amlfw.probe", QtWarningMsg)

namespace amlfw {

namespace {

QString protocolLabel(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    default:
        return QStringLiteral("TLS (older than 1.2)");
    }
}

QString joined(const QStringList &parts, const QString &fallback)
{
    const QString s = parts.join(QStringLiteral(", "));
    return s.isEmpty() ? fallback : s;
}

// The proxy the options name for a target: none, the explicit one, or the system's answer.
QNetworkProxy configuredProxy(const ProxySetting &setting, const ProbeTarget &target)
{
    if (setting.mode == ProxySetting::Mode::Explicit)
        return QNetworkProxy(QNetworkProxy::HttpProxy, setting.host, quint16(setting.port), setting.user,
                             setting.password);
    return setting.mode == ProxySetting::Mode::System ? systemProxyFor(target.host, target.port, target.tls)
                                                      : QNetworkProxy(QNetworkProxy::NoProxy);
}

ProxySource proxySource(ProxySetting::Mode mode)
{
    return mode == ProxySetting::Mode::Explicit ? ProxySource::Explicit
           : mode == ProxySetting::Mode::System ? ProxySource::System
           : mode == ProxySetting::Mode::Pac    ? ProxySource::Pac
                                                : ProxySource::None;
}

} // namespace

ProbeJob::ProbeJob(const ProbeTarget &target, std::shared_ptr<const ProbeContext> context, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_context(std::move(context))
{
    m_result.target = target;
    m_stageTimer.setSingleShot(true);
    // Coarse timers may fire early; a timeout reported must be the timeout given.
    m_stageTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_stageTimer, &QTimer::timeout, this, &ProbeJob::stageTimeout);
    connect(&m_racer, &TcpRacer::connected, this, &ProbeJob::tcpConnected);
    connect(&m_racer, &TcpRacer::finished, this, &ProbeJob::tcpFinished);
}

ProbeJob::~ProbeJob()
{
    dropSocket(); // the racer drops its own
}

void ProbeJob::start()
{
    m_total.start();
    m_result.status = ProbeStatus::Running;
    qCDebug(lcProbe) << "start" << m_target.host << m_target.port;
    choosePath();
    if (m_result.path.proxyOutcome == ProxyOutcome::Unsupported
        || m_result.path.proxyOutcome == ProxyOutcome::PacFailed) {
        done();
        return;
    }
    resolveDestination();
}

void ProbeJob::abort()
{
    m_aborted = true;
    m_stageTimer.stop();
    m_racer.abort();
    dropSocket();
    m_result.tcp = m_racer.attempts();
    if (m_total.isValid())
        m_result.timings.totalMs = m_total.elapsed();
    m_result.status = ProbeStatus::Cancelled;
    m_result.finishedAt = QDateTime::currentDateTimeUtc();
}

void ProbeJob::dropSocket()
{
    if (!m_socket)
        return;
    QSslSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void ProbeJob::choosePath()
{
    const ProbeOptions &o = m_context->options;
    PathRequest request;
    request.host = m_target.host;
    request.port = m_target.port;
    request.web = m_target.tls || m_target.http;
    if (const ConnectToRule *c = o.connectToFor(m_target.host, m_target.port)) {
        request.redirected = true;
        request.redirectHost = c->toHost;
        request.redirectPort = c->toPort;
    }
    m_result.path.source = proxySource(o.proxy.mode);
    request.proxy = o.proxy.mode == ProxySetting::Mode::Pac ? pacProxy(request) : configuredProxy(o.proxy, m_target);
    if (o.noProxy.contains(m_target.host, Qt::CaseInsensitive))
        request.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    m_pathRequest = request;
    if (m_result.path.proxyOutcome == ProxyOutcome::PacFailed)
        return;
    applyPath(request);
}

void ProbeJob::applyPath(const PathRequest &request)
{
    m_path = amlfw::choosePath(request);
    ProbePath &p = m_result.path;
    if (request.redirected) {
        p.connectHost = m_path.connectHost;
        p.connectPort = m_path.connectPort;
    }
    p.bypassed = m_path.bypassed;
    if (m_path.viaProxy) {
        p.mode = PathMode::HttpProxy;
        p.proxy = m_path.proxyDisplay();
    }
    if (!m_path.unsupportedProxy.isEmpty()) {
        p.unsupportedProxy = m_path.unsupportedProxy;
        p.proxyOutcome = ProxyOutcome::Unsupported;
    }
    // The proxy's own user information first; else what the user gave (also for a system or PAC proxy).
    const ProbeOptions &o = m_context->options;
    const bool ownUser = !m_path.proxyUser.isEmpty();
    m_auth = ProxyAuthenticator(ownUser ? m_path.proxyUser : o.proxy.user,
                                ownUser ? m_path.proxyPassword : o.proxy.password);
}

std::optional<QList<QHostAddress>> ProbeJob::knownAddresses(const QString &host, int port, AddressSource *source) const
{
    const QHostAddress literal(host);
    if (!literal.isNull()) {
        *source = AddressSource::Literal;
        return QList<QHostAddress>{literal};
    }
    if (const ResolveRule *pin = m_context->options.resolveFor(host, port)) {
        *source = AddressSource::Pinned;
        return pin->addresses;
    }
    return std::nullopt;
}

void ProbeJob::lookUp(const QString &host, std::function<void(const HostAnswer &, qint64)> answered)
{
    const Stage stage = m_stage;
    m_stageClock.start();
    m_stageTimer.start(m_context->options.timeouts.dnsMs);
    m_context->dns->lookup(host, this, [this, stage, answered = std::move(answered)](const HostAnswer &a, qint64 ms) {
        if (m_stage != stage)
            return; // timed out meanwhile
        m_stageTimer.stop();
        answered(a, ms);
    });
}

void ProbeJob::resolveDestination()
{
    m_stage = Stage::Dns;
    auto setAddresses = [this](const QList<QHostAddress> &addresses) {
        m_result.addresses.clear();
        for (const QHostAddress &a : addresses)
            m_result.addresses.append({a, addressScope(a)});
    };
    if (const auto known = knownAddresses(m_path.connectHost, m_path.connectPort, &m_result.addressSource)) {
        setAddresses(*known);
        destinationResolved();
        return;
    }
    lookUp(m_path.connectHost, [this, setAddresses](const HostAnswer &answer, qint64 ms) {
        m_result.dns = answer.outcome;
        m_result.dnsError = networkText(answer.error);
        m_result.cnames = networkTexts(answer.cnames);
        m_result.timings.dnsMs = ms;
        m_result.addressSource = AddressSource::Dns;
        setAddresses(answer.outcome == DnsOutcome::Ok ? answer.addresses : QList<QHostAddress>());
        destinationResolved();
    });
}

void ProbeJob::destinationResolved()
{
    if (m_path.viaProxy) {
        resolveProxy(); // the proxy resolves the name: what local DNS said is only information
        return;
    }
    if (m_result.addresses.isEmpty()) {
        if (m_result.dns == DnsOutcome::Ok)
            m_result.dns = DnsOutcome::NotFound;
        done();
        return;
    }
    QList<QHostAddress> addresses;
    for (const ProbeAddress &a : std::as_const(m_result.addresses))
        addresses << a.address;
    startTcp(addresses, m_path.connectPort);
}

void ProbeJob::resolveProxy()
{
    m_stage = Stage::ProxyDns;
    AddressSource source;
    if (const auto known = knownAddresses(m_path.proxyHost, m_path.proxyPort, &source)) {
        startTcp(*known, m_path.proxyPort);
        return;
    }
    lookUp(m_path.proxyHost, [this](const HostAnswer &answer, qint64) {
        if (answer.outcome != DnsOutcome::Ok || answer.addresses.isEmpty()) {
            m_result.path.proxyOutcome = ProxyOutcome::NameFailed;
            if (pacFallback())
                return;
            done();
            return;
        }
        startTcp(answer.addresses, m_path.proxyPort);
    });
}

QNetworkProxy ProbeJob::pacProxy(const PathRequest &request)
{
    ProbePath &p = m_result.path;
    if (!request.web)
        return QNetworkProxy(QNetworkProxy::NoProxy); // proxies carry web traffic only: no need to ask
    if (!m_context->pac) {
        p.pacError = m_context->pacError;
        p.proxyOutcome = ProxyOutcome::PacFailed;
        return QNetworkProxy(QNetworkProxy::NoProxy);
    }
    const QString url = pacUrlFor(m_target.host, m_target.port, m_target.tls, m_target.path);
    const PacAnswer answer = m_context->pac->findProxy(url, m_target.host);
    p.pacAnswer = answer.answer;
    if (!answer.ok()) {
        p.pacError = answer.error;
        p.proxyOutcome = ProxyOutcome::PacFailed;
        return QNetworkProxy(QNetworkProxy::NoProxy);
    }
    m_pacCandidates = answer.proxies;
    return nextPacCandidate();
}

QNetworkProxy ProbeJob::nextPacCandidate()
{
    // HTTPS (TLS to the proxy) and SOCKS entries are not spoken: named among the entries tried and
    // passed over while another follows, reported as unsupported when the last one is such.
    while (!m_pacCandidates.isEmpty()) {
        const PacProxy next = m_pacCandidates.takeFirst();
        if (next.kind == PacProxy::Kind::Direct)
            return QNetworkProxy(QNetworkProxy::NoProxy);
        if (next.kind == PacProxy::Kind::Http)
            return QNetworkProxy(QNetworkProxy::HttpProxy, next.host, quint16(next.port));
        const QString kind = next.kind == PacProxy::Kind::Https ? QStringLiteral("https://") : QStringLiteral("socks://");
        if (m_pacCandidates.isEmpty())
            return QNetworkProxy(QNetworkProxy::Socks5Proxy, next.host, quint16(next.port)); // choosePath: unsupported
        m_result.path.proxiesFailed.append({QString(kind + next.hostPort()), ProxyOutcome::Unsupported});
    }
    return QNetworkProxy(QNetworkProxy::NoProxy);
}

// A proxy of the PAC's list could not be reached: the next entry goes on from where that one
// started (the destination's DNS answer is kept). False when no entry is left.
bool ProbeJob::pacFallback()
{
    if (m_context->options.proxy.mode != ProxySetting::Mode::Pac || m_pacCandidates.isEmpty())
        return false;
    ProbePath &p = m_result.path;
    p.proxiesFailed.append({p.proxy, p.proxyOutcome});
    p.mode = PathMode::Direct;
    p.proxy.clear();
    p.proxyOutcome = ProxyOutcome::NotUsed;
    m_pathRequest.proxy = nextPacCandidate();
    applyPath(m_pathRequest);
    if (p.proxyOutcome == ProxyOutcome::Unsupported) {
        done();
        return true;
    }
    // From the racer's own signal: start the next race once it has returned.
    QTimer::singleShot(0, this, [this] {
        if (m_aborted)
            return;
        m_racer.abort();
        if (m_path.viaProxy)
            resolveProxy();
        else
            destinationResolved();
    });
    return true;
}

void ProbeJob::startTcp(const QList<QHostAddress> &addresses, int port)
{
    m_stage = Stage::Tcp;
    m_tcpAddresses = addresses;
    m_tcpPort = port;
    // A race still running (the HEAD's) is dropped with its sockets: nothing of it can reach this one.
    m_racer.start(addresses, port, m_context->options.timeouts.tcpMs);
    m_result.tcp = m_racer.attempts();
}

void ProbeJob::tcpConnected(QSslSocket *socket)
{
    m_result.tcp = m_racer.attempts();
    if (m_stage != Stage::Tcp || m_socket) {
        socket->abort(); // not waited for any more
        socket->deleteLater();
        return;
    }
    socket->setParent(this);
    m_socket = socket;
    m_result.timings.tcpMs = m_racer.elapsed();
    watchSocket(socket);
    connectionReady();
}

void ProbeJob::watchSocket(QSslSocket *socket)
{
    // Every callback names its socket: one of an earlier connection can never act on this one.
    connect(socket, &QIODevice::readyRead, this, [this, socket] {
        if (socket == m_socket)
            readyRead();
    });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
        if (socket == m_socket)
            socketError(error, socket->errorString());
    });
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        if (socket == m_socket)
            tlsEncrypted();
    });
    connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        if (socket != m_socket)
            return;
        for (const QSslError &e : errors) {
            if (!m_result.tls.errors.contains(e.error())) {
                m_result.tls.errors << e.error();
                m_result.tls.errorStrings << networkText(e.errorString()); // may quote the peer's names
            }
        }
        fillCertificates(); // the chain is there now, and perhaps not after the handshake fails
    });
}

void ProbeJob::tcpFinished()
{
    m_result.tcp = m_racer.attempts();
    if (!m_socket && m_stage == Stage::Tcp) {
        m_result.timings.tcpMs = m_racer.elapsed();
        if (m_path.viaProxy) {
            m_result.path.proxyOutcome = ProxyOutcome::ConnectFailed;
            if (pacFallback())
                return;
        }
        done();
        return;
    }
    if (m_mainDone)
        emitFinished();
}

void ProbeJob::connectionReady()
{
    if (m_path.viaProxy) {
        if (m_target.tls || !m_target.http)
            sendConnect();
        else
            startHttp(); // plain HTTP goes to the proxy as an absolute-form request
        return;
    }
    if (m_target.tls)
        startTls();
    else if (m_target.http)
        startHttp();
    else
        done();
}

QByteArray ProbeJob::proxyAuthorization()
{
    // Nothing until the proxy asks: its 407 says which scheme, and a password never goes out in
    // Basic to a proxy that would take NTLM or Digest.
    m_result.path.credentialsSent = m_result.path.credentialsSent || m_auth.credentialsSent();
    return m_auth.header();
}

void ProbeJob::sendConnect()
{
    m_stage = Stage::ProxyConnect;
    m_buffer.clear();
    m_stageClock.start();
    // The proxy resolves and connects: allow for both.
    m_stageTimer.start(m_context->options.timeouts.dnsMs + m_context->options.timeouts.tcpMs);
    limitReadBuffer(true);
    m_socket->write(connectRequest(m_path.connectHost, m_path.connectPort, proxyAuthorization()));
}

void ProbeJob::startTls()
{
    if (!QSslSocket::supportsSsl()) {
        m_result.tls.outcome = TlsOutcome::Unavailable;
        done();
        return;
    }
    m_stage = Stage::Tls;
    m_stageClock.start();
    m_stageTimer.start(m_context->options.timeouts.tlsMs);
    m_result.tls.sni = m_target.host;
    limitReadBuffer(false);
    m_socket->setSslConfiguration(m_context->ssl);
    // SNI and certificate checks name the host tested, whatever address the connection went to.
    m_socket->setPeerVerifyName(m_target.host);
    m_socket->startClientEncryption();
}

void ProbeJob::fillCertificates()
{
    if (!m_socket || !m_result.tls.chain.isEmpty())
        return;
    QList<QSslCertificate> chain = m_socket->peerCertificateChain();
    if (chain.isEmpty() && !m_socket->peerCertificate().isNull())
        chain << m_socket->peerCertificate();
    for (const QSslCertificate &c : std::as_const(chain)) {
        CertificateInfo info;
        info.subject = networkText(joined(c.subjectInfo(QSslCertificate::CommonName), c.subjectDisplayName()));
        info.issuer = networkText(joined(c.issuerInfo(QSslCertificate::CommonName), c.issuerDisplayName()));
        info.issuerOrganization
            = networkText(c.issuerInfo(QSslCertificate::Organization).join(QStringLiteral(", ")));
        info.notAfter = c.expiryDate();
        info.sha256 = QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex());
        m_result.tls.chain << info;
    }
    // Whose certificate is this? A verified chain from an unexpected issuer is TLS inspection.
    const ExpectedIssuers *expected = m_context->probe.expectedIssuersFor(m_target.host);
    if (!expected || m_result.tls.chain.isEmpty())
        return;
    const CertificateInfo &leaf = m_result.tls.chain.constFirst();
    m_result.tls.expectedIssuersId = expected->id;
    m_result.tls.expectedIssuers = expected->issuers;
    bool matched = false;
    for (const QString &name : expected->issuers)
        matched = matched || issuerNameMatches(name, leaf.issuerOrganization, leaf.issuer);
    m_result.tls.unexpectedIssuer = !matched;
}

void ProbeJob::tlsEncrypted()
{
    if (m_stage != Stage::Tls)
        return;
    endStage();
    m_result.tls.outcome = TlsOutcome::Ok;
    m_result.tls.protocol = protocolLabel(m_socket->sessionProtocol());
    m_result.tls.cipher = m_socket->sessionCipher().name();
    fillCertificates();
    if (m_target.http)
        startHttp();
    else
        done();
}

void ProbeJob::startHttp()
{
    m_stage = Stage::Http;
    m_buffer.clear();
    m_stageClock.start();
    m_stageTimer.start(m_context->options.timeouts.httpMs);
    const bool absolute = m_path.viaProxy && !m_target.tls;
    const HttpRequest request = httpRequest(m_method, m_target.host, m_target.port, m_target.tls, m_target.path,
                                            absolute, absolute ? proxyAuthorization() : QByteArray());
    m_result.http.method = m_method;
    m_result.http.url = request.url;
    QByteArray bytes = request.bytes;
    if (absolute && !m_auth.header().isEmpty() && m_auth.scheme().compare(u"Digest", Qt::CaseInsensitive) != 0
        && m_auth.scheme().compare(u"Basic", Qt::CaseInsensitive) != 0) {
        // NTLM authenticates a connection: it must stay open from the type 1 message to the answer.
        bytes.replace("Connection: close\r\n", "Proxy-Connection: keep-alive\r\n");
    }
    limitReadBuffer(true);
    m_socket->write(bytes);
}

void ProbeJob::readyRead()
{
    if (m_stage != Stage::ProxyConnect && m_stage != Stage::Http)
        return; // nothing is expected; the handshake reads for itself
    if (stageOverdue())
        return;
    while (m_skipBytes > 0) { // the rest of a 407's body
        const QByteArray dropped = m_socket->read(std::min<qint64>(m_skipBytes, 64 * 1024));
        if (dropped.isEmpty())
            return;
        m_skipBytes -= dropped.size();
    }
    const HttpHeadParse parsed = readHead();
    switch (parsed.state) {
    case HttpHeadParse::State::Incomplete:
        return;
    case HttpHeadParse::State::Bad:
        headUnreadable();
        return;
    case HttpHeadParse::State::Complete:
        m_buffer.remove(0, parsed.consumed);
        m_authResent = false;
        if (m_stage == Stage::ProxyConnect)
            proxyAnswered(parsed.head);
        else
            httpAnswered(parsed.head);
        return;
    }
}

bool ProbeJob::stageOverdue()
{
    // A peer that keeps sending keeps this job's slot busy; its timer's event may come late, so
    // the deadline is checked here too: a 2 s timeout ends at 2 s, however fast the bytes come.
    if (!m_stageTimer.isActive() || m_stageTimer.remainingTime() > 0)
        return false;
    stageTimeout();
    return true;
}

HttpHeadParse ProbeJob::readHead()
{
    // Never more than one head's worth in memory: what the parser refuses beyond that is not read.
    const qsizetype room = MaxHttpHeadBytes + 1 - m_buffer.size();
    const QByteArray bytes = m_socket->read(std::max<qsizetype>(room, 1));
    m_buffer += bytes;
    const HttpHeadParse parsed = parseHttpHead(m_buffer);
    if (m_stage == Stage::Http) {
        m_result.http.headBytes += bytes.size();
        m_result.http.interimResponses = parsed.interimResponses;
    }
    return parsed;
}

void ProbeJob::limitReadBuffer(bool limited)
{
    // While a head is read, the socket buffers at most about a head; the handshake reads freely.
    if (m_socket)
        m_socket->setReadBufferSize(limited ? 2 * MaxHttpHeadBytes : 0);
}

void ProbeJob::endStage()
{
    m_stageTimer.stop();
    const qint64 elapsed = m_stageClock.elapsed();
    switch (m_stage) {
    case Stage::Dns:
        m_result.timings.dnsMs = elapsed;
        break;
    case Stage::ProxyConnect:
        m_result.timings.proxyMs = elapsed;
        break;
    case Stage::Tls:
        m_result.timings.tlsMs = elapsed;
        break;
    case Stage::Http:
        m_result.timings.httpMs = elapsed;
        break;
    default:
        break;
    }
}

void ProbeJob::headUnreadable()
{
    endStage();
    if (m_stage == Stage::ProxyConnect)
        m_result.path.proxyOutcome = ProxyOutcome::BadResponse;
    else
        m_result.http.outcome = HttpOutcome::BadResponse;
    done();
}

void ProbeJob::proxyAnswered(const HttpHead &head)
{
    endStage();
    ProbePath &p = m_result.path;
    const int status = head.status;
    p.proxyStatus = status;
    if (status >= 200 && status < 300) {
        p.proxyOutcome = ProxyOutcome::Ok;
        m_buffer.clear();
        if (m_target.tls)
            startTls();
        else if (m_target.http)
            startHttp();
        else
            done();
        return;
    }
    if (status == 407) {
        if (proxyChallenged(head, QStringLiteral("CONNECT"), hostPort(m_path.connectHost, m_path.connectPort)))
            return;
        p.proxyOutcome = ProxyOutcome::AuthRequired;
    } else if (status >= 400 && status < 500) {
        p.proxyOutcome = ProxyOutcome::Denied;
    } else if (status >= 500) {
        p.proxyOutcome = ProxyOutcome::UpstreamFailed;
    } else {
        p.proxyOutcome = ProxyOutcome::BadResponse;
    }
    done();
}

void ProbeJob::httpAnswered(const HttpHead &head)
{
    endStage();
    const int status = head.status;
    if (m_method == u"HEAD" && (status == 405 || status == 501) && !m_restarted) {
        restartForGet();
        return;
    }
    HttpInfo &h = m_result.http;
    h.outcome = HttpOutcome::Answered;
    h.status = status;
    h.reason = networkText(head.reason);
    h.server = networkText(head.headers.value(QStringLiteral("server")));
    h.proxyEvidence = networkText(proxyEvidence(head));
    h.fromProxy = !h.proxyEvidence.isEmpty();
    if (status == 407 && m_path.viaProxy && !m_target.tls) {
        if (proxyChallenged(head, m_method, h.url))
            return;
    } else if (status == 407) {
        m_result.path.proxyAuthSchemes << networkTexts(head.authSchemes(QStringLiteral("proxy-authenticate")));
    }
    if (m_path.viaProxy && !m_target.tls) {
        // The proxy answered the absolute-form request itself, or relayed the service's answer.
        m_result.path.proxyStatus = status;
        m_result.path.proxyOutcome = !h.fromProxy    ? ProxyOutcome::Ok
                                     : status == 407 ? ProxyOutcome::AuthRequired
                                     : status >= 500 ? ProxyOutcome::UpstreamFailed
                                                     : ProxyOutcome::Denied;
    }
    done();
}

namespace {

// Windows signs on with the logged-on user's credentials through Qt's authenticator (SSPI);
// elsewhere Qt would need a Kerberos ticket, and amlfw asks for credentials instead.
#ifdef Q_OS_WIN
constexpr bool SystemSignOn = true;
#else
constexpr bool SystemSignOn = false;
#endif

QString failureId(ProxyAuthenticator::GiveUp why)
{
    switch (why) {
    case ProxyAuthenticator::GiveUp::NoCredentials:
        return QStringLiteral("no-credentials");
    case ProxyAuthenticator::GiveUp::Unsupported:
        return QStringLiteral("unsupported");
    case ProxyAuthenticator::GiveUp::Rejected:
        return QStringLiteral("rejected");
    case ProxyAuthenticator::GiveUp::BadChallenge:
        return QStringLiteral("bad-challenge");
    case ProxyAuthenticator::GiveUp::No:
        break;
    }
    return {};
}

// Whether the proxy keeps the connection after this answer, and how many body bytes follow.
bool keptAlive(const HttpHead &head, qsizetype *bodyBytes)
{
    for (const char *name : {"connection", "proxy-connection"}) {
        if (head.headers.value(QString::fromLatin1(name)).contains(QLatin1String("close"), Qt::CaseInsensitive))
            return false;
    }
    if (head.headers.contains(QStringLiteral("transfer-encoding")))
        return false; // a chunked body: not worth reading, a new connection is cheaper
    bool ok = false;
    const qlonglong length = head.headers.value(QStringLiteral("content-length")).toLongLong(&ok);
    if (!ok || length < 0 || length > 1024 * 1024)
        return false; // without a length the body runs to the close
    *bodyBytes = qsizetype(length);
    return true;
}

} // namespace

bool ProbeJob::proxyChallenged(const HttpHead &head, const QString &method, const QString &uri)
{
    ProbePath &p = m_result.path;
    const bool answered = m_auth.challenged(head, method, uri);
    p.proxyAuthSchemes = networkTexts(m_auth.offered());
    p.proxyAuthScheme = m_auth.scheme();
    if (!answered) {
        p.proxyAuthFailure = failureId(m_auth.giveUp());
        const bool signOn = m_auth.giveUp() == ProxyAuthenticator::GiveUp::NoCredentials
                            && (p.proxyAuthSchemes.contains(QStringLiteral("Negotiate"), Qt::CaseInsensitive)
                                || p.proxyAuthSchemes.contains(QStringLiteral("NTLM"), Qt::CaseInsensitive));
        if (SystemSignOn && signOn && m_stage == Stage::ProxyConnect) {
            connectWithSystemCredentials();
            return true;
        }
        return false;
    }
    qsizetype body = 0;
    if (keptAlive(head, &body)) {
        if (method == u"HEAD")
            body = 0; // an answer to HEAD has no body, whatever its length says
        const qsizetype n = std::min(body, m_buffer.size());
        m_buffer.remove(0, n);
        m_skipBytes = body - n;
        m_authResent = true;
        if (m_stage == Stage::ProxyConnect)
            sendConnect();
        else
            startHttp();
        return true;
    }
    if (m_auth.needsSameConnection()) {
        p.proxyAuthFailure = QStringLiteral("handshake-closed");
        return false;
    }
    return resendAfterClose();
}

bool ProbeJob::resendAfterClose()
{
    if (m_auth.needsSameConnection()) {
        m_result.path.proxyAuthFailure = QStringLiteral("handshake-closed");
        return false;
    }
    m_authResent = false;
    m_skipBytes = 0;
    m_buffer.clear();
    dropSocket();
    startTcp(m_tcpAddresses, m_tcpPort); // connectionReady() sends again, with the new header
    return true;
}

void ProbeJob::connectWithSystemCredentials()
{
    // Qt's HTTP proxy socket engine answers NTLM and Negotiate without asking when no user is set:
    // through SSPI, as the logged-on user. Only when that fails does it ask
    // (proxyAuthenticationRequired); the authenticator is left empty then, so it gives up.
    dropSocket();
    m_buffer.clear();
    m_stage = Stage::ProxyConnect;
    m_stageClock.start();
    m_stageTimer.start(m_context->options.timeouts.dnsMs + m_context->options.timeouts.tcpMs);
    ProbePath &p = m_result.path;
    p.proxyAuthScheme = p.proxyAuthSchemes.contains(QStringLiteral("Negotiate"), Qt::CaseInsensitive)
                            ? QStringLiteral("Negotiate")
                            : QStringLiteral("NTLM");
    p.proxyAuthFailure.clear();
    auto *socket = new QSslSocket(this);
    socket->setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, m_path.proxyHost, quint16(m_path.proxyPort)));
    connect(socket, &QAbstractSocket::proxyAuthenticationRequired, this,
            [](const QNetworkProxy &, QAuthenticator *) {});
    m_socket = socket;
    connect(socket, &QAbstractSocket::connected, this, [this, socket] {
        if (socket != m_socket || m_stage != Stage::ProxyConnect)
            return;
        endStage();
        ProbePath &path = m_result.path;
        path.credentialsSent = true;
        path.proxyStatus = 200;
        path.proxyOutcome = ProxyOutcome::Ok;
        if (m_target.tls)
            startTls();
        else
            done();
    });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
        if (socket != m_socket || m_stage != Stage::ProxyConnect
            || error != QAbstractSocket::ProxyAuthenticationRequiredError)
            return;
        endStage();
        m_result.path.credentialsSent = true;
        m_result.path.proxyStatus = 407;
        m_result.path.proxyOutcome = ProxyOutcome::AuthRequired;
        m_result.path.proxyAuthFailure = QStringLiteral("sso-refused");
        done();
    });
    watchSocket(socket); // after the handlers above: a refused sign-on is theirs, not socketError()'s
    socket->connectToHost(m_path.connectHost, quint16(m_path.connectPort));
}

void ProbeJob::restartForGet()
{
    // The service does not take HEAD: ask again with GET on a fresh connection.
    m_restarted = true;
    m_method = QStringLiteral("GET");
    dropSocket();
    m_auth.restart(); // a new connection: NTLM authenticates connections, so it starts over
    m_skipBytes = 0;
    m_authResent = false;
    m_result.tls = TlsInfo();
    if (m_path.viaProxy)
        m_result.path.proxyOutcome = ProxyOutcome::NotUsed;
    startTcp(m_tcpAddresses, m_tcpPort);
}

void ProbeJob::socketError(int socketError, const QString &errorString)
{
    if (m_stage != Stage::ProxyConnect && m_stage != Stage::Tls && m_stage != Stage::Http)
        return;
    if (m_authResent && m_buffer.isEmpty() && socketError == QAbstractSocket::RemoteHostClosedError
        && (m_stage == Stage::ProxyConnect || m_stage == Stage::Http) && resendAfterClose()) {
        return;
    }
    endStage();
    if (m_stage == Stage::ProxyConnect) {
        m_result.path.proxyOutcome = ProxyOutcome::Closed;
    } else if (m_stage == Stage::Http) {
        m_result.http.outcome = m_buffer.isEmpty() ? HttpOutcome::Closed : HttpOutcome::BadResponse;
        m_result.http.error = networkText(errorString);
    } else {
        fillCertificates();
        if (!m_result.tls.errors.isEmpty()) {
            m_result.tls.outcome = TlsOutcome::Untrusted;
        } else if (socketError == QAbstractSocket::RemoteHostClosedError) {
            m_result.tls.outcome = TlsOutcome::Closed;
            tunnelClosed();
        } else {
            m_result.tls.outcome = TlsOutcome::HandshakeFailed;
            m_result.tls.handshakeError = networkText(errorString);
        }
    }
    done();
}

void ProbeJob::tunnelClosed()
{
    // Through a proxy, a close before any certificate came is the proxy's doing (or the doing of
    // what it connected to): it said yes to CONNECT and then closed the tunnel. Not SNI filtering
    // seen from here: the proxy is the one in the path this machine can name.
    if (m_path.viaProxy && m_result.path.proxyOutcome == ProxyOutcome::Ok && m_result.tls.chain.isEmpty())
        m_result.path.proxyOutcome = ProxyOutcome::TunnelClosed;
}

void ProbeJob::stageTimeout()
{
    endStage();
    switch (m_stage) {
    case Stage::Dns:
        m_result.dns = DnsOutcome::Timeout;
        m_result.addressSource = AddressSource::Dns;
        m_result.addresses.clear();
        destinationResolved();
        return;
    case Stage::ProxyDns:
        m_result.path.proxyOutcome = ProxyOutcome::NameFailed;
        if (pacFallback())
            return;
        break;
    case Stage::ProxyConnect:
        m_result.path.proxyOutcome = ProxyOutcome::Timeout;
        break;
    case Stage::Tls:
        m_result.tls.outcome = TlsOutcome::Timeout;
        break;
    case Stage::Http:
        m_result.http.outcome = HttpOutcome::Timeout;
        break;
    default:
        return;
    }
    done();
}

void ProbeJob::done()
{
    if (m_mainDone)
        return;
    m_mainDone = true;
    m_stage = Stage::Done;
    m_stageTimer.stop();
    dropSocket();
    if (!m_racer.isFinished())
        return; // the other family is still trying: its outcome belongs in the result
    emitFinished();
}

void ProbeJob::emitFinished()
{
    if (m_finishQueued || m_aborted)
        return;
    m_finishQueued = true;
    m_result.tcp = m_racer.attempts();
    m_result.timings.totalMs = m_total.elapsed();
    m_result.finishedAt = QDateTime::currentDateTimeUtc();
    m_result.status = ProbeResult::deriveStatus(m_result);
    qCDebug(lcProbe) << "done" << m_target.host << m_target.port << probeStatusId(m_result.status);
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}

} // namespace amlfw
