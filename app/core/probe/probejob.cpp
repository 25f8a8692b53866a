#include "probejob.h"

#include "dnscache.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QRegularExpression>
#include <QSslCipher>
#include <QSslSocket>
#include <QUrl>

Q_LOGGING_CATEGORY(lcProbe, "amlfw.probe", QtWarningMsg)

namespace amlfw {

namespace {

constexpr qsizetype MaxHeadBytes = 64 * 1024;

QString hostPort(const QString &host, int port)
{
    const QString h = host.contains(u':') ? u'[' + host + u']' : host;
    return h + u':' + QString::number(port);
}

ConnectOutcome connectOutcome(int error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return ConnectOutcome::Refused;
    case QAbstractSocket::SocketTimeoutError:
        return ConnectOutcome::Timeout;
    case QAbstractSocket::NetworkError:
    case QAbstractSocket::HostNotFoundError:
        return ConnectOutcome::Unreachable; // ENETUNREACH / EHOSTUNREACH end up here
    default:
        return ConnectOutcome::Failed;
    }
}

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

// Headers that only proxies and secure web gateways put on their own pages.
QString proxyEvidence(int status, const QHash<QString, QString> &headers)
{
    if (status == 407)
        return QStringLiteral("407");
    if (status == 470) // Azure Firewall's answer to a request no application rule allows
        return QStringLiteral("470");
    if (status != 403 && status < 500)
        return {};
    for (const char *name : {"x-squid-error", "proxy-agent", "x-bluecoat-via", "x-zscaler-transaction-id"}) {
        const QString key = QString::fromLatin1(name);
        if (headers.contains(key))
            return key;
    }
    const QString server = headers.value(QStringLiteral("server")).toLower();
    for (const char *name : {"squid", "zscaler", "bluecoat", "proxysg", "fortigate", "web gateway", "websense"}) {
        if (server.contains(QLatin1String(name)))
            return QStringLiteral("server: ") + headers.value(QStringLiteral("server"));
    }
    return {};
}

} // namespace

ProbeJob::ProbeJob(const ProbeTarget &target, const ProbeContext *context, QObject *parent)
    : QObject(parent), m_target(target), m_context(context)
{
    m_result.target = target;
    m_stageTimer.setSingleShot(true);
    m_tcpTimer.setSingleShot(true);
    // Coarse timers may fire early; a timeout reported must be the timeout given.
    m_stageTimer.setTimerType(Qt::PreciseTimer);
    m_tcpTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_stageTimer, &QTimer::timeout, this, &ProbeJob::stageTimeout);
    connect(&m_tcpTimer, &QTimer::timeout, this, &ProbeJob::tcpDeadline);
}

ProbeJob::~ProbeJob()
{
    teardown();
}

void ProbeJob::start()
{
    m_total.start();
    m_result.status = ProbeStatus::Running;
    qCDebug(lcProbe) << "start" << m_target.host << m_target.port;
    choosePath();
    if (m_result.path.proxyOutcome == ProxyOutcome::Unsupported) {
        done();
        return;
    }
    resolveDestination();
}

void ProbeJob::abort()
{
    m_aborted = true;
    m_stageTimer.stop();
    m_tcpTimer.stop();
    teardown();
    if (m_total.isValid())
        m_result.timings.totalMs = m_total.elapsed();
    m_result.status = ProbeStatus::Cancelled;
    m_result.finishedAt = QDateTime::currentDateTimeUtc();
}

void ProbeJob::teardown()
{
    auto drop = [this](QSslSocket *s) {
        if (!s)
            return;
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    };
    for (FamilyRun &f : m_families) {
        drop(f.socket);
        f.socket = nullptr;
    }
    drop(m_socket);
    m_socket = nullptr;
}

void ProbeJob::choosePath()
{
    const ProbeOptions &o = m_context->options;
    ProbePath &p = m_result.path;
    const bool web = m_target.tls || m_target.http;

    m_connectHost = m_target.host;
    m_connectPort = m_target.port;
    if (const ConnectToRule *c = o.connectToFor(m_target.host, m_target.port)) {
        if (!c->toHost.isEmpty())
            m_connectHost = c->toHost;
        if (c->toPort > 0)
            m_connectPort = c->toPort;
        p.connectHost = m_connectHost;
        p.connectPort = m_connectPort;
    }

    auto useProxy = [&](const QString &host, int port, const QString &user, const QString &password) {
        if (!web) {
            p.bypassed = true; // proxies carry web traffic; other protocols go out directly
            return;
        }
        p.mode = PathMode::HttpProxy;
        p.proxy = hostPort(host, port);
        m_proxyHost = host;
        m_proxyPort = port;
        m_proxyUser = user;
        m_proxyPassword = password;
    };

    switch (o.proxy.mode) {
    case ProxySetting::Mode::None:
        p.source = ProxySource::None;
        break;
    case ProxySetting::Mode::Explicit:
        p.source = ProxySource::Explicit;
        useProxy(o.proxy.host, o.proxy.port, o.proxy.user, o.proxy.password);
        break;
    case ProxySetting::Mode::System: {
        p.source = ProxySource::System;
        QUrl url;
        url.setScheme(m_target.tls ? QStringLiteral("https") : QStringLiteral("http"));
        url.setHost(m_target.host);
        url.setPort(m_target.port);
        const QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
        const QNetworkProxy proxy = proxies.value(0, QNetworkProxy(QNetworkProxy::NoProxy));
        switch (proxy.type()) {
        case QNetworkProxy::HttpProxy:
        case QNetworkProxy::HttpCachingProxy:
            useProxy(proxy.hostName(), proxy.port(), proxy.user(), proxy.password());
            break;
        case QNetworkProxy::Socks5Proxy:
        case QNetworkProxy::FtpCachingProxy:
            if (!web) {
                p.bypassed = true;
                break;
            }
            p.unsupportedProxy = (proxy.type() == QNetworkProxy::Socks5Proxy ? QStringLiteral("socks5://")
                                                                             : QStringLiteral("ftp://"))
                                 + hostPort(proxy.hostName(), proxy.port());
            p.proxyOutcome = ProxyOutcome::Unsupported;
            break;
        case QNetworkProxy::DefaultProxy:
        case QNetworkProxy::NoProxy:
            break;
        }
        break;
    }
    }
}

void ProbeJob::resolveDestination()
{
    m_stage = Stage::Dns;
    const ProbeOptions &o = m_context->options;
    auto setAddresses = [this](const QList<QHostAddress> &addresses) {
        m_result.addresses.clear();
        for (const QHostAddress &a : addresses)
            m_result.addresses.append({a, addressScope(a)});
    };
    const QHostAddress literal(m_connectHost);
    if (!literal.isNull()) {
        m_result.addressSource = AddressSource::Literal;
        setAddresses({literal});
        destinationResolved();
        return;
    }
    if (const ResolveRule *pin = o.resolveFor(m_connectHost, m_connectPort)) {
        m_result.addressSource = AddressSource::Pinned;
        setAddresses(pin->addresses);
        destinationResolved();
        return;
    }
    m_stageClock.start();
    m_stageTimer.start(o.timeouts.dnsMs);
    m_context->dns->lookup(m_connectHost, this, [this, setAddresses](const HostAnswer &answer, qint64 ms) {
        if (m_stage != Stage::Dns)
            return; // timed out meanwhile
        m_stageTimer.stop();
        m_result.dns = answer.outcome;
        m_result.dnsError = answer.error;
        m_result.cnames = answer.cnames;
        m_result.timings.dnsMs = ms;
        m_result.addressSource = AddressSource::Dns;
        setAddresses(answer.outcome == DnsOutcome::Ok ? answer.addresses : QList<QHostAddress>());
        destinationResolved();
    });
}

void ProbeJob::destinationResolved()
{
    if (m_result.path.mode == PathMode::HttpProxy) {
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
    startTcp(addresses, m_connectPort);
}

void ProbeJob::resolveProxy()
{
    m_stage = Stage::ProxyDns;
    const QHostAddress literal(m_proxyHost);
    if (!literal.isNull()) {
        startTcp({literal}, m_proxyPort);
        return;
    }
    if (const ResolveRule *pin = m_context->options.resolveFor(m_proxyHost, m_proxyPort)) {
        startTcp(pin->addresses, m_proxyPort);
        return;
    }
    m_stageClock.start();
    m_stageTimer.start(m_context->options.timeouts.dnsMs);
    m_context->dns->lookup(m_proxyHost, this, [this](const HostAnswer &answer, qint64) {
        if (m_stage != Stage::ProxyDns)
            return;
        m_stageTimer.stop();
        if (answer.outcome != DnsOutcome::Ok || answer.addresses.isEmpty()) {
            m_result.path.proxyOutcome = ProxyOutcome::NameFailed;
            done();
            return;
        }
        startTcp(answer.addresses, m_proxyPort);
    });
}

void ProbeJob::startTcp(const QList<QHostAddress> &addresses, int port)
{
    m_stage = Stage::Tcp;
    m_tcpAddresses = addresses;
    m_tcpPort = port;
    m_result.tcp.clear();
    m_families.clear();
    QList<QAbstractSocket::NetworkLayerProtocol> order;
    for (const QHostAddress &address : addresses) {
        TcpAttempt attempt;
        attempt.address = address;
        attempt.port = port;
        m_result.tcp << attempt;
        const auto family = address.protocol();
        qsizetype index = order.indexOf(family);
        if (index < 0) {
            order << family;
            m_families.append(FamilyRun{});
            index = order.size() - 1;
        }
        m_families[index].attempts << int(m_result.tcp.size() - 1);
    }
    m_stageClock.start();
    if (m_families.isEmpty()) {
        familyDone(); // nothing to connect to: fails like an unanswered connection
        return;
    }
    m_tcpTimer.start(m_context->options.timeouts.tcpMs);
    // Each family on its own, addresses of a family in the resolver's order: a result per family.
    for (int i = 0; i < m_families.size(); ++i)
        tryNextAddress(i);
}

void ProbeJob::tryNextAddress(int family)
{
    FamilyRun &f = m_families[family];
    if (f.next >= f.attempts.size()) {
        f.done = true;
        familyDone();
        return;
    }
    f.current = f.attempts.at(f.next++);
    TcpAttempt &attempt = m_result.tcp[f.current];
    attempt.ms = m_stageClock.elapsed(); // start offset until the outcome is known
    auto *socket = new QSslSocket(this);
    socket->setProxy(QNetworkProxy::NoProxy); // the path is amlfw's choice, never Qt's defaults
    f.socket = socket;
    connect(socket, &QAbstractSocket::connected, this, [this, family] { attemptConnected(family); });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, family, socket](QAbstractSocket::SocketError error) {
        if (m_families.value(family).socket == socket)
            attemptFailed(family, error, socket->errorString());
    });
    socket->connectToHost(attempt.address.toString(), quint16(attempt.port));
}

void ProbeJob::attemptConnected(int family)
{
    FamilyRun &f = m_families[family];
    TcpAttempt &attempt = m_result.tcp[f.current];
    attempt.outcome = ConnectOutcome::Connected;
    attempt.ms = m_stageClock.elapsed() - attempt.ms;
    QSslSocket *socket = std::exchange(f.socket, nullptr);
    f.done = true;
    socket->disconnect(this);
    if (!m_socket && m_stage == Stage::Tcp) {
        m_socket = socket;
        m_result.timings.tcpMs = m_stageClock.elapsed();
        connect(m_socket, &QIODevice::readyRead, this, &ProbeJob::readyRead);
        connect(m_socket, &QAbstractSocket::errorOccurred, this,
                [this](QAbstractSocket::SocketError error) { socketError(error, m_socket ? m_socket->errorString() : QString()); });
        connect(m_socket, &QSslSocket::encrypted, this, &ProbeJob::tlsEncrypted);
        connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &e : errors) {
                if (!m_result.tls.errors.contains(e.error())) {
                    m_result.tls.errors << e.error();
                    m_result.tls.errorStrings << e.errorString();
                }
            }
            fillCertificates(); // the chain is there now, and perhaps not after the handshake fails
        });
        connectionReady();
    } else {
        socket->abort(); // the other family was faster; this one only had to answer
        socket->deleteLater();
    }
    familyDone();
}

void ProbeJob::attemptFailed(int family, int socketError, const QString &errorString)
{
    FamilyRun &f = m_families[family];
    TcpAttempt &attempt = m_result.tcp[f.current];
    attempt.outcome = connectOutcome(socketError);
    attempt.ms = m_stageClock.elapsed() - attempt.ms;
    attempt.error = errorString;
    QSslSocket *socket = std::exchange(f.socket, nullptr);
    socket->disconnect(this);
    socket->deleteLater();
    tryNextAddress(family);
}

void ProbeJob::tcpDeadline()
{
    for (FamilyRun &f : m_families) {
        if (f.done)
            continue;
        if (f.socket) {
            TcpAttempt &attempt = m_result.tcp[f.current];
            attempt.outcome = ConnectOutcome::Timeout;
            attempt.ms = m_stageClock.elapsed() - attempt.ms;
            f.socket->disconnect(this);
            f.socket->abort();
            f.socket->deleteLater();
            f.socket = nullptr;
        }
        f.done = true; // addresses not reached stay "not tried"
    }
    familyDone();
}

void ProbeJob::familyDone()
{
    for (const FamilyRun &f : std::as_const(m_families)) {
        if (!f.done)
            return;
    }
    m_tcpTimer.stop();
    if (!m_socket && m_stage == Stage::Tcp) {
        m_result.timings.tcpMs = m_stageClock.elapsed();
        if (m_result.path.mode == PathMode::HttpProxy)
            m_result.path.proxyOutcome = ProxyOutcome::ConnectFailed;
        done();
        return;
    }
    if (m_mainDone)
        emitFinished();
}

void ProbeJob::connectionReady()
{
    if (m_result.path.mode == PathMode::HttpProxy) {
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
    if (m_proxyUser.isEmpty())
        return {};
    m_result.path.credentialsSent = true;
    const QByteArray token = (m_proxyUser + u':' + m_proxyPassword).toUtf8().toBase64();
    return QByteArrayLiteral("Proxy-Authorization: Basic ") + token + QByteArrayLiteral("\r\n");
}

void ProbeJob::sendConnect()
{
    m_stage = Stage::ProxyConnect;
    m_buffer.clear();
    m_stageClock.start();
    // The proxy resolves and connects: allow for both.
    m_stageTimer.start(m_context->options.timeouts.dnsMs + m_context->options.timeouts.tcpMs);
    const QByteArray target = hostPort(m_connectHost, m_connectPort).toUtf8();
    QByteArray request = QByteArrayLiteral("CONNECT ") + target + QByteArrayLiteral(" HTTP/1.1\r\nHost: ") + target
                         + QByteArrayLiteral("\r\nUser-Agent: amlfw/" AMLFW_VERSION " (endpoint test)\r\n")
                         + proxyAuthorization() + QByteArrayLiteral("\r\n");
    m_socket->write(request);
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
        info.subject = joined(c.subjectInfo(QSslCertificate::CommonName), c.subjectDisplayName());
        info.issuer = joined(c.issuerInfo(QSslCertificate::CommonName), c.issuerDisplayName());
        info.issuerOrganization = c.issuerInfo(QSslCertificate::Organization).join(QStringLiteral(", "));
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
    m_stageTimer.stop();
    m_result.timings.tlsMs = m_stageClock.elapsed();
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
    const bool absolute = m_result.path.mode == PathMode::HttpProxy && !m_target.tls;
    const int defaultPort = m_target.tls ? 443 : 80;
    const QString hostHeader = m_target.port == defaultPort ? m_target.host : hostPort(m_target.host, m_target.port);
    const QString url = (m_target.tls ? QStringLiteral("https://") : QStringLiteral("http://")) + hostHeader + m_target.path;
    m_result.http.method = m_method;
    m_result.http.url = url;
    QByteArray request = m_method.toLatin1() + ' ' + QUrl(absolute ? url : m_target.path).toEncoded()
                         + QByteArrayLiteral(" HTTP/1.1\r\nHost: ") + hostHeader.toUtf8()
                         + QByteArrayLiteral("\r\nUser-Agent: amlfw/" AMLFW_VERSION " (endpoint test)\r\nAccept: */*\r\n");
    if (absolute)
        request += proxyAuthorization();
    request += QByteArrayLiteral("Connection: close\r\n\r\n");
    m_socket->write(request);
}

bool ProbeJob::parseHead(int *status, QString *reason, QHash<QString, QString> *headers, bool *bad)
{
    static const QRegularExpression statusLine(QStringLiteral("^HTTP/\\d(?:\\.\\d)? (\\d{3})(?: (.*))?$"));
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            *bad = m_buffer.size() > MaxHeadBytes;
            return false;
        }
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_buffer.remove(0, end + 4);
        const auto match = statusLine.match(QString::fromLatin1(lines.value(0).trimmed()));
        if (!match.hasMatch()) {
            *bad = true;
            return false;
        }
        *status = match.captured(1).toInt();
        *reason = match.captured(2).trimmed();
        if (*status >= 100 && *status < 200)
            continue; // interim answer: the real one follows
        headers->clear();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QString name = QString::fromLatin1(line.left(colon).trimmed()).toLower();
            const QString value = QString::fromLatin1(line.mid(colon + 1).trimmed());
            const QString previous = headers->value(name);
            headers->insert(name, previous.isEmpty() ? value : previous + u'\n' + value);
        }
        return true;
    }
}

void ProbeJob::readyRead()
{
    if (!m_socket)
        return;
    if (m_stage != Stage::ProxyConnect && m_stage != Stage::Http)
        return; // nothing is expected; the handshake reads for itself
    m_buffer += m_socket->readAll();
    int status = 0;
    QString reason;
    QHash<QString, QString> headers;
    bool bad = false;
    if (!parseHead(&status, &reason, &headers, &bad)) {
        if (!bad)
            return;
        m_stageTimer.stop();
        if (m_stage == Stage::ProxyConnect) {
            m_result.timings.proxyMs = m_stageClock.elapsed();
            m_result.path.proxyOutcome = ProxyOutcome::BadResponse;
        } else {
            m_result.timings.httpMs = m_stageClock.elapsed();
            m_result.http.outcome = HttpOutcome::BadResponse;
        }
        done();
        return;
    }
    if (m_stage == Stage::ProxyConnect)
        proxyAnswered(status, headers);
    else
        httpAnswered(status, reason, headers);
}

void ProbeJob::proxyAnswered(int status, const QHash<QString, QString> &headers)
{
    m_stageTimer.stop();
    m_result.timings.proxyMs = m_stageClock.elapsed();
    ProbePath &p = m_result.path;
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
        p.proxyOutcome = ProxyOutcome::AuthRequired;
        for (const QString &challenge : headers.value(QStringLiteral("proxy-authenticate")).split(u'\n', Qt::SkipEmptyParts))
            p.proxyAuthSchemes << challenge.section(u' ', 0, 0);
    } else if (status >= 400 && status < 500) {
        p.proxyOutcome = ProxyOutcome::Denied;
    } else if (status >= 500) {
        p.proxyOutcome = ProxyOutcome::UpstreamFailed;
    } else {
        p.proxyOutcome = ProxyOutcome::BadResponse;
    }
    done();
}

void ProbeJob::httpAnswered(int status, const QString &reason, const QHash<QString, QString> &headers)
{
    m_stageTimer.stop();
    m_result.timings.httpMs = m_stageClock.elapsed();
    if (m_method == u"HEAD" && (status == 405 || status == 501) && !m_restarted) {
        restartForGet();
        return;
    }
    HttpInfo &h = m_result.http;
    h.outcome = HttpOutcome::Answered;
    h.status = status;
    h.reason = reason;
    h.server = headers.value(QStringLiteral("server"));
    h.proxyEvidence = proxyEvidence(status, headers);
    h.fromProxy = !h.proxyEvidence.isEmpty();
    if (status == 407) {
        for (const QString &challenge : headers.value(QStringLiteral("proxy-authenticate")).split(u'\n', Qt::SkipEmptyParts))
            m_result.path.proxyAuthSchemes << challenge.section(u' ', 0, 0);
    }
    if (m_result.path.mode == PathMode::HttpProxy && !m_target.tls) {
        // The proxy answered the absolute-form request itself, or relayed the service's answer.
        m_result.path.proxyStatus = status;
        m_result.path.proxyOutcome = !h.fromProxy ? ProxyOutcome::Ok
                                     : status == 407 ? ProxyOutcome::AuthRequired
                                     : status >= 500 ? ProxyOutcome::UpstreamFailed
                                                     : ProxyOutcome::Denied;
    }
    done();
}

void ProbeJob::restartForGet()
{
    // The service does not take HEAD: ask again with GET on a fresh connection.
    m_restarted = true;
    m_method = QStringLiteral("GET");
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_result.tls = TlsInfo();
    m_result.path.proxyOutcome = m_result.path.mode == PathMode::HttpProxy ? ProxyOutcome::NotUsed : m_result.path.proxyOutcome;
    startTcp(m_tcpAddresses, m_tcpPort);
}

void ProbeJob::socketError(int socketError, const QString &errorString)
{
    switch (m_stage) {
    case Stage::ProxyConnect:
        m_stageTimer.stop();
        m_result.timings.proxyMs = m_stageClock.elapsed();
        m_result.path.proxyOutcome = ProxyOutcome::Closed;
        done();
        break;
    case Stage::Tls:
        m_stageTimer.stop();
        m_result.timings.tlsMs = m_stageClock.elapsed();
        fillCertificates();
        if (!m_result.tls.errors.isEmpty()) {
            m_result.tls.outcome = TlsOutcome::Untrusted;
        } else if (socketError == QAbstractSocket::RemoteHostClosedError) {
            m_result.tls.outcome = TlsOutcome::Closed;
        } else {
            m_result.tls.outcome = TlsOutcome::HandshakeFailed;
            m_result.tls.handshakeError = errorString;
        }
        done();
        break;
    case Stage::Http:
        m_stageTimer.stop();
        m_result.timings.httpMs = m_stageClock.elapsed();
        m_result.http.outcome = m_buffer.isEmpty() ? HttpOutcome::Closed : HttpOutcome::BadResponse;
        m_result.http.error = errorString;
        done();
        break;
    default:
        break;
    }
}

void ProbeJob::stageTimeout()
{
    const qint64 elapsed = m_stageClock.elapsed();
    switch (m_stage) {
    case Stage::Dns:
        m_result.dns = DnsOutcome::Timeout;
        m_result.timings.dnsMs = elapsed;
        m_result.addressSource = AddressSource::Dns;
        m_result.addresses.clear();
        destinationResolved();
        break;
    case Stage::ProxyDns:
        m_result.path.proxyOutcome = ProxyOutcome::NameFailed;
        done();
        break;
    case Stage::ProxyConnect:
        m_result.timings.proxyMs = elapsed;
        m_result.path.proxyOutcome = ProxyOutcome::Timeout;
        done();
        break;
    case Stage::Tls:
        m_result.timings.tlsMs = elapsed;
        m_result.tls.outcome = TlsOutcome::Timeout;
        done();
        break;
    case Stage::Http:
        m_result.timings.httpMs = elapsed;
        m_result.http.outcome = HttpOutcome::Timeout;
        done();
        break;
    default:
        break;
    }
}

void ProbeJob::done()
{
    if (m_mainDone)
        return;
    m_mainDone = true;
    m_stage = Stage::Done;
    m_stageTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    for (const FamilyRun &f : std::as_const(m_families)) {
        if (!f.done)
            return; // the other family is still trying: its outcome belongs in the result
    }
    emitFinished();
}

void ProbeJob::emitFinished()
{
    if (m_finishQueued || m_aborted)
        return;
    m_finishQueued = true;
    m_tcpTimer.stop();
    m_result.timings.totalMs = m_total.elapsed();
    m_result.finishedAt = QDateTime::currentDateTimeUtc();
    m_result.status = ProbeResult::deriveStatus(m_result);
    qCDebug(lcProbe) << "done" << m_target.host << m_target.port << probeStatusId(m_result.status);
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}

} // namespace amlfw
