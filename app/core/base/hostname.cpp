#include "hostname.h"

namespace amlfw {

QStringList placeholdersIn(const QString &text)
{
    QStringList names;
    qsizetype pos = 0;
    while ((pos = text.indexOf(u'<', pos)) >= 0) {
        const qsizetype end = text.indexOf(u'>', pos);
        if (end < 0)
            break;
        names << text.mid(pos + 1, end - pos - 1);
        pos = end + 1;
    }
    return names;
}

QString substitutePlaceholders(QString text, const QHash<QString, QString> &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace(u'<' + it.key() + u'>', it.value());
    return text;
}

namespace {

bool isValidLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > 63)
        return false;
    if (label.front() == u'-' || label.back() == u'-')
        return false;
    for (QChar c : label) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
                        || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}

bool isValidPlainHost(QStringView host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    const auto labels = host.split(u'.');
    if (labels.size() < 2)
        return false;
    for (QStringView label : labels) {
        if (!isValidLabel(label))
            return false;
    }
    return true;
}

} // namespace

bool isValidHostName(const QString &host)
{
    return isValidPlainHost(host);
}

bool isWildcardHost(const QString &host)
{
    return host.startsWith(u'*');
}

bool isValidHostPattern(const QString &host)
{
    if (host.startsWith(QStringLiteral("*.")))
        return isValidPlainHost(QStringView(host).mid(2));
    if (host.startsWith(u'*'))
        return isValidPlainHost(QStringView(host).mid(1));
    return isValidPlainHost(host);
}

QString hostOfUrl(const QString &url)
{
    QString rest = url;
    const qsizetype scheme = rest.indexOf(QStringLiteral("://"));
    if (scheme >= 0)
        rest = rest.mid(scheme + 3);
    const qsizetype slash = rest.indexOf(u'/');
    return slash < 0 ? rest : rest.left(slash);
}

} // namespace amlfw
