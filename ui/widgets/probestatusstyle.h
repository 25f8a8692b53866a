#pragma once

#include "proberesult.h"
#include "proberun.h"

#include <QColor>
#include <QIcon>

namespace amlfw {

// How a probe status looks in the wizard. Every status has its own icon shape (check, cross,
// triangle, square, ring), so that it reads without colour; colour only repeats what the shape and
// the text say. Tints are light with dark text, readable in light and dark palettes alike.
class ProbeStatusStyle
{
public:
    enum class Tone { Neutral, Good, Bad, Warning, Busy };

    static Tone tone(ProbeStatus status);
    static QIcon icon(ProbeStatus status);
    static QColor background(ProbeStatus status); // invalid: the view's own
    static QColor changeBackground(ProbeChange change);
    static QColor text() { return QColor(0x1f, 0x23, 0x28); }
    static QColor accent(Tone tone); // the strong colour of a tone, for icons and HTML
};

} // namespace amlfw
