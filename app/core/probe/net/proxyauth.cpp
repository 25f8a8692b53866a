#include "proxyauth.h"

#include "ntlm.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace amlfw {

namespace {

bool isTokenChar(QChar c)
{
    return c.isLetterOrNumber() || QStringView(u"!#$%&'*+-.^_`|~/").contains(c);
}

void skipSpaces(const QString &s, qsizetype *i)
{
    while (*i < s.size() && (s.at(*i) == u' ' || s.at(*i) == u'\t'))
        ++*i;
}

QString readToken(const QString &s, qsizetype *i)
{
    const qsizetype from = *i;
    while (*i < s.size() && isTokenChar(s.at(*i)))
        ++*i;
    return s.mid(from, *i - from);
}

QString readQuoted(const QString &s, qsizetype *i)
{
    QString out;
    ++*i; // the opening quote
    while (*i < s.size() && s.at(*i) != u'"') {
        if (s.at(*i) == u'\\' && *i + 1 < s.size())
            ++*i;
        out += s.at((*i)++);
    }
    if (*i < s.size())
        ++*i;
    return out;
}

// One line: challenge ("," challenge)*, each scheme [token68 | param ("," param)*].
void parseLine(const QString &s, QList<AuthChallenge> *out)
{
    qsizetype i = 0;
    AuthChallenge *current = nullptr;
    while (i < s.size()) {
        skipSpaces(s, &i);
        if (i < s.size() && s.at(i) == u',') {
            ++i;
            continue;
        }
        const qsizetype start = i;
        const QString word = readToken(s, &i);
        if (word.isEmpty()) {
            ++i; // stray character
            continue;
        }
        qsizetype j = i;
        skipSpaces(s, &j);
        const bool param = current && j < s.size() && s.at(j) == u'=';
        if (param) {
            // "name=value" or a token68 ending in '=' padding: padding is followed by nothing or ','.
            qsizetype k = j;
            while (k < s.size() && s.at(k) == u'=')
                ++k;
            qsizetype after = k;
            skipSpaces(s, &after);
            const bool padding
                = (after >= s.size() || s.at(after) == u',') && current->params.isEmpty() && current->token.isEmpty();
            if (padding) {
                current->token = s.mid(start, k - start).toLatin1();
                i = k;
                continue;
            }
            i = j + 1;
            skipSpaces(s, &i);
            const QString value = (i < s.size() && s.at(i) == u'"') ? readQuoted(s, &i) : readToken(s, &i);
            current->params.insert(word.toLower(), value);
            continue;
        }
        if (current && current->token.isEmpty() && current->params.isEmpty() && start > 0 && s.at(start - 1) == u' ') {
            // A token68 right after the scheme ("NTLM TlRM...").
            qsizetype before = start - 1;
            while (before > 0 && s.at(before) == u' ')
                --before;
            if (s.at(before) != u',') {
                current->token = word.toLatin1();
                continue;
            }
        }
        out->append(AuthChallenge{word, {}, {}});
        current = &out->last();
    }
}

QByteArray quoted(const QString &s)
{
    QString escaped = s;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return '"' + escaped.toUtf8() + '"';
}

QByteArray randomHex(int bytes)
{
    QByteArray b(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        b[i] = char(QRandomGenerator::system()->bounded(256));
    return b.toHex();
}

const AuthChallenge *findScheme(const QList<AuthChallenge> &challenges, QStringView scheme)
{
    for (const AuthChallenge &c : challenges) {
        if (c.scheme.compare(scheme, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

QByteArray line(const QString &scheme, const QByteArray &credentials)
{
    return QByteArrayLiteral("Proxy-Authorization: ") + scheme.toLatin1() + ' ' + credentials
           + QByteArrayLiteral("\r\n");
}

} // namespace

QList<AuthChallenge> parseAuthChallenges(const QString &value)
{
    QList<AuthChallenge> out;
    for (const QString &l : value.split(u'\n', Qt::SkipEmptyParts))
        parseLine(l, &out);
    return out;
}

QByteArray digestCredentials(const AuthChallenge &challenge, const DigestRequest &request)
{
    const QString algorithm = challenge.params.value(QStringLiteral("algorithm"), QStringLiteral("MD5"));
    const QString upper = algorithm.toUpper();
    const bool sess = upper.endsWith(QLatin1String("-SESS"));
    const QString base = sess ? upper.chopped(5) : upper;
    QCryptographicHash::Algorithm hash;
    if (base == u"MD5")
        hash = QCryptographicHash::Md5;
    else if (base == u"SHA-256")
        hash = QCryptographicHash::Sha256;
    else
        return {};
    const QString nonce = challenge.params.value(QStringLiteral("nonce"));
    if (nonce.isEmpty())
        return {};
    const QStringList qops = challenge.params.value(QStringLiteral("qop")).split(u',', Qt::SkipEmptyParts);
    bool hasQop = !qops.isEmpty();
    bool auth = false;
    for (const QString &q : qops)
        auth = auth || q.trimmed() == u"auth";
    if (hasQop && !auth)
        return {}; // auth-int only: it would need the body
    auto h = [hash](const QByteArray &data) {
        return QCryptographicHash::hash(data, hash).toHex();
    };
    const QString realm = challenge.params.value(QStringLiteral("realm"));
    const QByteArray cnonce = request.cnonce.isEmpty() ? randomHex(16) : request.cnonce.toUtf8();
    const QByteArray nc = QByteArray::number(request.nc, 16).rightJustified(8, '0');
    QByteArray ha1 = h(request.user.toUtf8() + ':' + realm.toUtf8() + ':' + request.password.toUtf8());
    if (sess)
        ha1 = h(ha1 + ':' + nonce.toUtf8() + ':' + cnonce);
    const QByteArray ha2 = h(request.method.toUtf8() + ':' + request.uri.toUtf8());
    const QByteArray response = hasQop ? h(ha1 + ':' + nonce.toUtf8() + ':' + nc + ':' + cnonce + ":auth:" + ha2)
                                       : h(ha1 + ':' + nonce.toUtf8() + ':' + ha2);
    QByteArray out = QByteArrayLiteral("username=") + quoted(request.user) + QByteArrayLiteral(", realm=")
                     + quoted(realm) + QByteArrayLiteral(", nonce=") + quoted(nonce) + QByteArrayLiteral(", uri=")
                     + quoted(request.uri) + QByteArrayLiteral(", algorithm=") + algorithm.toLatin1()
                     + QByteArrayLiteral(", response=\"") + response + '"';
    if (hasQop)
        out += QByteArrayLiteral(", qop=auth, nc=") + nc + QByteArrayLiteral(", cnonce=\"") + cnonce + '"';
    if (challenge.params.contains(QStringLiteral("opaque")))
        out += QByteArrayLiteral(", opaque=") + quoted(challenge.params.value(QStringLiteral("opaque")));
    return out;
}

ProxyAuthenticator::ProxyAuthenticator(const QString &user, const QString &password)
    : m_user(user)
    , m_password(password)
{
}

void ProxyAuthenticator::restart()
{
    m_state = State::Start;
    m_header.clear();
    m_sameConnection = false;
    m_staleRetried = false;
    m_giveUp = GiveUp::No;
}

bool ProxyAuthenticator::stop(GiveUp why)
{
    m_giveUp = why;
    m_header.clear();
    m_sameConnection = false;
    return false;
}

bool ProxyAuthenticator::challenged(const HttpHead &head, const QString &method, const QString &uri)
{
    const QList<AuthChallenge> challenges
        = parseAuthChallenges(head.headers.value(QStringLiteral("proxy-authenticate")));
    for (const AuthChallenge &c : challenges) {
        if (!m_offered.contains(c.scheme, Qt::CaseInsensitive))
            m_offered << c.scheme;
    }
    m_sameConnection = false;

    if (m_state == State::NtlmNegotiated) {
        const AuthChallenge *c = findScheme(challenges, m_scheme);
        Ntlm::Challenge challenge;
        if (!c || c->token.isEmpty() || !Ntlm::parseChallenge(QByteArray::fromBase64(c->token), &challenge))
            return stop(GiveUp::BadChallenge);
        m_header = line(m_scheme, Ntlm::authenticateMessage(challenge, m_user, m_password).toBase64());
        m_sameConnection = true;
        m_state = State::Final;
        m_credentialsSent = true;
        return true;
    }
    if (m_state == State::Final) {
        // Refused. Only a Digest nonce that went stale earns a second try with the same credentials.
        const AuthChallenge *digest = findScheme(challenges, u"Digest");
        const bool stale = m_scheme == u"Digest" && digest
                           && digest->params.value(QStringLiteral("stale")).compare(u"true", Qt::CaseInsensitive) == 0;
        if (!stale || m_staleRetried)
            return stop(GiveUp::Rejected);
        m_staleRetried = true;
        const QByteArray credentials = digestCredentials(*digest, {m_user, m_password, method, uri, {}, 1});
        if (credentials.isEmpty())
            return stop(GiveUp::BadChallenge);
        m_header = line(digest->scheme, credentials);
        return true;
    }

    if (challenges.isEmpty())
        return stop(GiveUp::Unsupported);
    if (m_user.isEmpty())
        return stop(GiveUp::NoCredentials);
    // With given credentials Kerberos is out of reach (it needs a ticket), so NTLM comes first;
    // under "Negotiate" a raw NTLM token is accepted by Windows' Negotiate package.
    for (QStringView name : {u"NTLM", u"Negotiate"}) {
        if (const AuthChallenge *c = findScheme(challenges, name)) {
            m_scheme = c->scheme;
            m_header = line(m_scheme, Ntlm::negotiateMessage().toBase64());
            m_state = State::NtlmNegotiated;
            return true;
        }
    }
    if (const AuthChallenge *c = findScheme(challenges, u"Digest")) {
        const QByteArray credentials = digestCredentials(*c, {m_user, m_password, method, uri, {}, 1});
        if (credentials.isEmpty())
            return stop(GiveUp::BadChallenge);
        m_scheme = c->scheme;
        m_header = line(m_scheme, credentials);
        m_state = State::Final;
        m_credentialsSent = true;
        return true;
    }
    if (const AuthChallenge *c = findScheme(challenges, u"Basic")) {
        m_scheme = c->scheme;
        m_header = basicProxyAuthorization(m_user, m_password);
        m_state = State::Final;
        m_credentialsSent = true;
        return true;
    }
    return stop(GiveUp::Unsupported);
}

} // namespace amlfw
