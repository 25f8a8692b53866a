#include "networktext.h"

namespace amlfw {

namespace {

bool isBidiControl(char16_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
           || c == 0x061c;
}

} // namespace

QString networkText(QStringView text)
{
    QString out;
    out.reserve(std::min(text.size(), MaxNetworkTextLength));
    for (const QChar ch : text) {
        if (out.size() >= MaxNetworkTextLength) {
            out += QChar(0x2026); // …
            break;
        }
        const char16_t c = ch.unicode();
        if (c == u'\t' || c == u'\n' || c == u'\r')
            out += u' ';
        else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || isBidiControl(c))
            continue;
        else
            out += ch;
    }
    return out;
}

QStringList networkTexts(const QStringList &texts)
{
    QStringList out;
    out.reserve(texts.size());
    for (const QString &t : texts)
        out << networkText(t);
    return out;
}

} // namespace amlfw
