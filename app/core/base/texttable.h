#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace amlfw {

// Plain-text tables for a terminal. Widths are terminal columns, measured per grapheme cluster
// (what a user sees as one character): East Asian Wide and Fullwidth characters take two columns,
// combining marks and other zero-width characters none, a surrogate pair or an emoji sequence one
// cluster.
class TextTable
{
public:
    struct Options
    {
        bool headerRule = false; // a line of dashes under the header
        int maxWidth = 0;        // > 0: the last column is cut with "…" to fit (at least 12 columns)
    };

    static int displayWidth(const QString &text);
    // `text` followed by spaces to `width` columns; unchanged when it is wider already.
    static QString pad(const QString &text, int width);
    // `text` cut at a cluster boundary so that it and a final "…" take at most `width` columns;
    // unchanged when it fits or when width <= 0.
    static QString elide(const QString &text, int width);

    // Columns sized to their content, two spaces apart; the last column is not padded.
    static QString render(const QStringList &header, const QList<QStringList> &rows, const Options &options);
};

} // namespace amlfw
