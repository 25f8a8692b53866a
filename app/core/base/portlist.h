#pragma once

#include <QString>
#include <QStringList>

namespace amlfw {

// Ports as the article writes them: "443" or a range "29876-29877".
struct PortRange
{
    int first = 0;
    int last = 0;

    static bool parse(const QString &text, PortRange *out); // 1..65535, first <= last
    bool contains(int port) const { return port >= first && port <= last; }
    bool isSingle() const { return first == last; }
    QString toString() const;
};

bool isValidPortSpec(const QString &text);
// Sorted numerically by first port, duplicates removed.
QStringList normalizedPorts(const QStringList &ports);
// Joined for display: "80, 443" in English, "80、443" in Japanese (the article's style).
QString joinPorts(const QStringList &ports, const QString &separator);

} // namespace amlfw
