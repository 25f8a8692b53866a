#include "portlist.h"

#include <algorithm>

namespace amlfw {

namespace {

bool parsePort(const QString &text, int *port)
{
    if (text.isEmpty() || text.size() > 5)
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    const int value = text.toInt();
    if (value < 1 || value > 65535)
        return false;
    *port = value;
    return true;
}

} // namespace

bool PortRange::parse(const QString &text, PortRange *out)
{
    const qsizetype dash = text.indexOf(u'-');
    PortRange range;
    if (dash < 0) {
        if (!parsePort(text, &range.first))
            return false;
        range.last = range.first;
    } else {
        if (!parsePort(text.left(dash), &range.first) || !parsePort(text.mid(dash + 1), &range.last))
            return false;
        if (range.first > range.last)
            return false;
    }
    if (out)
        *out = range;
    return true;
}

QString PortRange::toString() const
{
    return isSingle() ? QString::number(first) : QString::number(first) + u'-' + QString::number(last);
}

bool isValidPortSpec(const QString &text)
{
    return PortRange::parse(text, nullptr);
}

QStringList normalizedPorts(const QStringList &ports)
{
    QList<PortRange> ranges;
    for (const QString &p : ports) {
        PortRange r;
        if (PortRange::parse(p, &r))
            ranges << r;
    }
    // Sorted, duplicates are neighbours: one pass removes them (a search per port was quadratic).
    const auto less = [](const PortRange &a, const PortRange &b) {
        return a.first != b.first ? a.first < b.first : a.last < b.last;
    };
    const auto same = [](const PortRange &a, const PortRange &b) {
        return a.first == b.first && a.last == b.last;
    };
    std::sort(ranges.begin(), ranges.end(), less);
    ranges.erase(std::unique(ranges.begin(), ranges.end(), same), ranges.end());
    QStringList out;
    out.reserve(ranges.size());
    for (const PortRange &r : std::as_const(ranges))
        out << r.toString();
    return out;
}

QString joinPorts(const QStringList &ports, const QString &separator)
{
    return ports.join(separator);
}

} // namespace amlfw
