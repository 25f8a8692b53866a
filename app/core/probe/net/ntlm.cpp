#include "ntlm.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QtEndian>

namespace amlfw::Ntlm {

namespace {

const QByteArray Signature("NTLMSSP\0", 8);

enum AvId : quint16 { MsvAvEOL = 0, MsvAvTimestamp = 7 };

QByteArray utf16le(const QString &s)
{
    QByteArray out;
    out.reserve(s.size() * 2);
    for (const QChar c : s) {
        out.append(char(c.unicode() & 0xff));
        out.append(char(c.unicode() >> 8));
    }
    return out;
}

QString fromUtf16le(const QByteArray &b)
{
    QString s;
    for (qsizetype i = 0; i + 1 < b.size(); i += 2)
        s.append(QChar(char16_t(quint8(b.at(i)) | (quint8(b.at(i + 1)) << 8))));
    return s;
}

void putU16(QByteArray *b, quint16 v)
{
    b->append(char(v & 0xff));
    b->append(char(v >> 8));
}

void putU32(QByteArray *b, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        b->append(char((v >> (8 * i)) & 0xff));
}

quint16 u16(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint16>(b.constData() + at);
}

quint32 u32(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint32>(b.constData() + at);
}

// A field (len, maxlen, offset) of a message; false when it points outside.
bool field(const QByteArray &message, qsizetype at, QByteArray *out)
{
    if (at + 8 > message.size())
        return false;
    const quint16 len = u16(message, at);
    const quint32 offset = u32(message, at + 4);
    if (len == 0) {
        out->clear();
        return true;
    }
    if (qsizetype(offset) + len > message.size())
        return false;
    *out = message.mid(offset, len);
    return true;
}

QByteArray hmacMd5(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Md5);
}

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = char(QRandomGenerator::system()->bounded(256));
    return b;
}

// Now as a Windows FILETIME: 100 ns ticks since 1601-01-01, little-endian.
QByteArray fileTimeNow()
{
    const quint64 ticks = (quint64(QDateTime::currentMSecsSinceEpoch()) + 11644473600000ull) * 10000ull;
    QByteArray b;
    putU32(&b, quint32(ticks & 0xffffffffu));
    putU32(&b, quint32(ticks >> 32));
    return b;
}

} // namespace

Identity splitUser(const QString &user)
{
    const qsizetype slash = user.indexOf(u'\\');
    if (slash >= 0)
        return {user.left(slash), user.mid(slash + 1)};
    return {QString(), user};
}

QByteArray negotiateMessage()
{
    QByteArray m = Signature;
    putU32(&m, 1);
    putU32(&m, NegotiateFlags);
    m.append(QByteArray(16, '\0')); // no domain, no workstation: the challenge names the target
    return m;
}

bool parseChallenge(const QByteArray &message, Challenge *challenge)
{
    if (message.size() < 32 || !message.startsWith(Signature) || u32(message, 8) != 2)
        return false;
    Challenge c;
    // The target name is only information (NTLMv2 uses the target info): a bad one is ignored, as
    // squid's ntlm_fake_auth sends it with an offset far outside the message.
    QByteArray targetName;
    if (!field(message, 12, &targetName))
        targetName.clear();
    c.flags = u32(message, 20);
    c.serverChallenge = message.mid(24, 8);
    // Target info only counts when the flags say it is there (older and fake servers send none).
    const bool hasTargetInfo = c.flags & 0x00800000u; // NTLMSSP_NEGOTIATE_TARGET_INFO
    if (hasTargetInfo && (message.size() < 48 || !field(message, 40, &c.targetInfo)))
        return false;
    c.targetName = (c.flags & FlagUnicode) ? fromUtf16le(targetName) : QString::fromLatin1(targetName);
    // Walk the AV pairs for the server's time.
    for (qsizetype at = 0; at + 4 <= c.targetInfo.size();) {
        const quint16 id = u16(c.targetInfo, at);
        const quint16 len = u16(c.targetInfo, at + 2);
        if (id == MsvAvEOL || at + 4 + len > c.targetInfo.size())
            break;
        if (id == MsvAvTimestamp && len == 8)
            c.timestamp = c.targetInfo.mid(at + 4, 8);
        at += 4 + len;
    }
    *challenge = c;
    return true;
}

QByteArray ntOwfV1(const QString &password)
{
    return QCryptographicHash::hash(utf16le(password), QCryptographicHash::Md4);
}

QByteArray ntOwfV2(const QString &password, const QString &user, const QString &domain)
{
    return hmacMd5(ntOwfV1(password), utf16le(user.toUpper() + domain));
}

QByteArray ntlmV2Response(const QByteArray &responseKeyNt, const QByteArray &serverChallenge,
                          const QByteArray &clientChallenge, const QByteArray &time, const QByteArray &targetInfo)
{
    QByteArray temp;
    temp.append(char(1)); // Responserversion
    temp.append(char(1)); // HiResponserversion
    temp.append(QByteArray(6, '\0'));
    temp.append(time);
    temp.append(clientChallenge);
    temp.append(QByteArray(4, '\0'));
    temp.append(targetInfo);
    temp.append(QByteArray(4, '\0'));
    const QByteArray ntProofStr = hmacMd5(responseKeyNt, serverChallenge + temp);
    return ntProofStr + temp;
}

QByteArray lmV2Response(const QByteArray &responseKeyNt, const QByteArray &serverChallenge,
                        const QByteArray &clientChallenge)
{
    return hmacMd5(responseKeyNt, serverChallenge + clientChallenge) + clientChallenge;
}

QByteArray sessionBaseKey(const QByteArray &responseKeyNt, const QByteArray &ntProofStr)
{
    return hmacMd5(responseKeyNt, ntProofStr);
}

QByteArray authenticateMessage(const Challenge &challenge, const QString &user, const QString &password,
                               const QString &workstation, QByteArray clientChallenge, QByteArray time)
{
    const Identity id = splitUser(user);
    // The target info must not be empty in an NTLMv2 response; a proxy that sends none still
    // gets a well-formed one (EOL).
    QByteArray targetInfo = challenge.targetInfo;
    if (targetInfo.isEmpty())
        targetInfo = QByteArray(4, '\0');
    if (clientChallenge.isEmpty())
        clientChallenge = randomBytes(8);
    const bool serverTime = time.isEmpty() && !challenge.timestamp.isEmpty();
    if (time.isEmpty())
        time = serverTime ? challenge.timestamp : fileTimeNow();

    const QByteArray key = ntOwfV2(password, id.user, id.domain);
    const QByteArray nt = ntlmV2Response(key, challenge.serverChallenge, clientChallenge, time, targetInfo);
    // With the server's timestamp the LMv2 response is to be zeros (MS-NLMP 3.1.5.1.2).
    const QByteArray lm
        = serverTime ? QByteArray(24, '\0') : lmV2Response(key, challenge.serverChallenge, clientChallenge);

    quint32 flags = challenge.flags & NegotiateFlags;
    const bool unicode = flags & FlagUnicode;
    if (unicode)
        flags &= ~FlagOem; // one character set: a server that echoes both would read the other

    auto text = [unicode](const QString &s) {
        return unicode ? utf16le(s) : s.toLatin1();
    };
    const QByteArray payloads[] = {lm, nt, text(id.domain), text(id.user), text(workstation), QByteArray()};

    QByteArray m = Signature;
    putU32(&m, 3);
    const quint32 headerSize = 64;
    quint32 offset = headerSize;
    for (const QByteArray &p : payloads) {
        putU16(&m, quint16(p.size()));
        putU16(&m, quint16(p.size()));
        putU32(&m, offset);
        offset += quint32(p.size());
    }
    putU32(&m, flags);
    for (const QByteArray &p : payloads)
        m.append(p);
    return m;
}

} // namespace amlfw::Ntlm
