#include "texttable.h"

#include <QTextBoundaryFinder>
#include <algorithm>
#include <iterator>
#include <utility>

namespace amlfw {

namespace {

// East Asian Width W and F (Unicode 15, EastAsianWidth.txt), ranges merged where the gaps hold no
// assigned characters that matter here.
bool isWide(char32_t c)
{
    static constexpr std::pair<char32_t, char32_t> ranges[] = {
        {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
        {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
        {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
        {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
        {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
        {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
        {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
        {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
        {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
        {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},
        {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F2FF},
        {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
        {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };
    const auto it = std::upper_bound(std::begin(ranges), std::end(ranges), c,
                                     [](char32_t value, const auto &range) { return value < range.first; });
    return it != std::begin(ranges) && c <= std::prev(it)->second;
}

bool isZeroWidth(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format: // ZWJ, ZWSP, variation selectors' neighbours
    case QChar::Other_Control:
        return true;
    default:
        return (c >= 0x1160 && c <= 0x11FF) || (c >= 0xFE00 && c <= 0xFE0F); // Hangul medials, variation selectors
    }
}

// Columns of one grapheme cluster: those of its first visible code point; an emoji presentation
// selector (U+FE0F) makes a narrow symbol wide, as terminals draw it.
int clusterWidth(QStringView cluster)
{
    int width = 0;
    bool emojiPresentation = false;
    for (const char32_t c : cluster.toUcs4()) {
        if (c == 0xFE0F)
            emojiPresentation = true;
        if (width == 0 && !isZeroWidth(c))
            width = isWide(c) ? 2 : 1;
    }
    return width == 1 && emojiPresentation ? 2 : width;
}

// Calls f(cluster) for each grapheme cluster of text until f returns false.
template<typename F>
void forEachCluster(const QString &text, F f)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype start = 0;
    while (start < text.size()) {
        finder.setPosition(start);
        qsizetype end = finder.toNextBoundary();
        if (end <= start)
            end = text.size();
        if (!f(QStringView(text).mid(start, end - start)))
            return;
        start = end;
    }
}

} // namespace

int TextTable::displayWidth(const QString &text)
{
    int width = 0;
    forEachCluster(text, [&](QStringView cluster) {
        width += clusterWidth(cluster);
        return true;
    });
    return width;
}

QString TextTable::pad(const QString &text, int width)
{
    const int w = displayWidth(text);
    return w >= width ? text : text + QString(width - w, u' ');
}

QString TextTable::elide(const QString &text, int width)
{
    if (width <= 0 || displayWidth(text) <= width)
        return text;
    QString out;
    int w = 0;
    forEachCluster(text, [&](QStringView cluster) {
        const int cw = clusterWidth(cluster);
        if (w + cw > width - 1)
            return false;
        out += cluster;
        w += cw;
        return true;
    });
    return out + QStringLiteral("…");
}

QString TextTable::render(const QStringList &header, const QList<QStringList> &rows, const Options &options)
{
    QList<int> widths;
    for (const QString &h : header)
        widths << displayWidth(h);
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row.at(i)));
    }
    if (options.maxWidth > 0 && !widths.isEmpty()) {
        int fixed = 0;
        for (qsizetype i = 0; i + 1 < widths.size(); ++i)
            fixed += widths.at(i) + 2;
        widths.last() = std::max(12, std::min(widths.last(), options.maxWidth - fixed));
    }
    auto line = [&](const QStringList &cells) -> QString {
        QString out;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i + 1 == cells.size())
                out += options.maxWidth > 0 ? elide(cells.at(i), widths.value(i)) : cells.at(i);
            else
                out += pad(cells.at(i), widths.value(i)) + QStringLiteral("  ");
        }
        return out + u'\n';
    };
    QString out = line(header);
    if (options.headerRule) {
        QStringList rule;
        for (int w : std::as_const(widths))
            rule << QString(w, u'-');
        out += line(rule);
    }
    for (const QStringList &row : rows)
        out += line(row);
    return out;
}

} // namespace amlfw
