#include "translatabletext.h"

#include "language.h"

#include <QCoreApplication>
#include <algorithm>

namespace amlfw {

TranslatableText::TranslatableText(const char *context, const char *source, int n)
    : m_context(context)
    , m_source(source)
    , m_n(n)
{
}

TranslatableText TranslatableText::plain(const QString &text)
{
    TranslatableText t;
    t.m_plain = text;
    return t;
}

TranslatableText TranslatableText::localized(const LocalizedText &text)
{
    TranslatableText t;
    t.m_localized = text;
    return t;
}

TranslatableText &TranslatableText::arg(const QString &argument)
{
    m_arguments.push_back(plain(argument));
    return *this;
}

TranslatableText &TranslatableText::arg(const TranslatableText &argument)
{
    m_arguments.push_back(argument);
    return *this;
}

TranslatableText &TranslatableText::arg(qint64 number)
{
    return arg(QString::number(number));
}

TranslatableText &TranslatableText::arg(double number)
{
    return arg(QString::number(number));
}

namespace {

// The placeholder number at `i` ("%1".."%99"), or 0.
int placeholderAt(const QString &text, qsizetype i, qsizetype *length)
{
    if (text.at(i) != u'%' || i + 1 >= text.size() || !text.at(i + 1).isDigit())
        return 0;
    int number = text.at(i + 1).digitValue();
    *length = 2;
    if (i + 2 < text.size() && text.at(i + 2).isDigit()) {
        number = number * 10 + text.at(i + 2).digitValue();
        *length = 3;
    }
    return number;
}

} // namespace

QString TranslatableText::toString() const
{
    return toString(currentLanguage());
}

QString TranslatableText::toString(Language language) const
{
    const QString text = m_source      ? translate(language, m_context, m_source, m_n)
                         : m_localized ? m_localized->text(language)
                                       : m_plain;
    if (m_arguments.empty())
        return text;
    // The lowest placeholder takes the first argument, the next lowest the second, and so on.
    std::vector<int> numbers;
    qsizetype length = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (const int n = placeholderAt(text, i, &length); n > 0)
            numbers.push_back(n);
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const int n = placeholderAt(text, i, &length);
        const auto it = std::find(numbers.cbegin(), numbers.cend(), n);
        const qsizetype index = it - numbers.cbegin();
        if (n > 0 && index < qsizetype(m_arguments.size())) {
            out += m_arguments.at(size_t(index)).toString(language);
            i += length - 1;
        } else {
            out += text.at(i);
        }
    }
    return out;
}

} // namespace amlfw
