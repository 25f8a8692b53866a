#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace amlfw {

// Text a peer sent (a reason phrase, a header, a certificate's names, an error that quotes them)
// made safe to store, print and show: control characters removed (C0 including ESC and BEL, DEL,
// C1 including the one-byte CSI, and the bidirectional overrides that reorder a line), tabs and
// line breaks turned into spaces, and at most MaxNetworkTextLength characters kept. A terminal
// escape thus loses its ESC and prints as harmless text. Used where network text enters a result.
inline constexpr qsizetype MaxNetworkTextLength = 512;

QString networkText(QStringView text);
QStringList networkTexts(const QStringList &texts);

} // namespace amlfw
