#pragma once

#include "proberun.h"

#include <QTextStream>

namespace amlfw {

// `amlfw check`'s table: aligned rows printed as results come and, on a terminal, a progress line
// kept at the bottom. Also renders the same rows, uncoloured, for a text report file.
class CheckLiveView
{
public:
    CheckLiveView(QTextStream &out, bool terminal, int width, const ProbeRun &run, const QList<ProbeTarget> &targets);

    QString header() const;
    QString row(int index, bool color) const;

    void printHeader();
    void printRow(int index);
    void progress(int done, int total, int failed, int running);
    void clearProgress();

private:
    static constexpr int StatusWidth = 19;
    static constexpr int TimeWidth = 8;

    QTextStream &m_out;
    bool m_terminal;
    bool m_color = false;
    int m_width;
    const ProbeRun &m_run;
    int m_ruleWidth = 4;
    int m_endpointWidth = 8;
    bool m_progressShown = false;
    QList<int> m_firstOfEndpoint; // per row: the first row probing the same endpoint (itself when first)
};

} // namespace amlfw
