#pragma once

#include "language.h"
#include "localizedtext.h"

#include <QString>
#include <optional>
#include <vector>

namespace amlfw {

// A message kept as its source text and arguments, translated each time it is shown: a language
// switch changes messages already made. The source is marked for lupdate at the call site:
//   TranslatableText("amlfw::Catalog", QT_TRANSLATE_NOOP("amlfw::Catalog", "unknown cloud \"%1\"")).arg(id)
// Arguments are plain strings (names, numbers, the system's words) or translatable texts themselves.
class TranslatableText
{
public:
    TranslatableText() = default;
    TranslatableText(const char *context, const char *source, int n = -1);

    // Shown as it is: user data, or a text translated elsewhere.
    static TranslatableText plain(const QString &text);
    // A catalog text: English or Japanese, whichever language is current when shown.
    static TranslatableText localized(const LocalizedText &text);

    // Fills the lowest %1..%99 not yet filled, as QString::arg(a, b, ...) does in one pass: an
    // argument containing "%2" is not itself substituted.
    TranslatableText &arg(const QString &argument);
    TranslatableText &arg(const TranslatableText &argument);
    TranslatableText &arg(qint64 number);
    TranslatableText &arg(int number) { return arg(qint64(number)); }
    TranslatableText &arg(double number);
    template<typename A1, typename A2, typename... More>
    TranslatableText &arg(const A1 &a1, const A2 &a2, const More &...more)
    {
        arg(a1);
        arg(a2);
        (arg(more), ...);
        return *this;
    }

    QString toString() const; // in the language of the translators installed now
    QString toString(Language language) const;
    bool isEmpty() const { return !m_source && !m_localized && m_plain.isEmpty(); }

private:
    const char *m_context = nullptr;
    const char *m_source = nullptr;
    int m_n = -1;
    QString m_plain;
    std::optional<LocalizedText> m_localized;
    std::vector<TranslatableText> m_arguments;
};

} // namespace amlfw
