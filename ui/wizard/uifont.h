#pragma once

#include "language.h"

namespace amlfw {

// The application's font for a language. Japanese drawn with a fallback font beside a Latin-only
// system font (DejaVu Sans on many Linux desktops) mixes two sets of metrics: baselines move
// between the kana and the Latin words, and a label sized by the Latin font's line height cuts
// the second line of a wrapped Japanese text. In Japanese the application uses one family that
// has Japanese glyphs, at the system font's size; in English it goes back to the system font.
// A system font that has Japanese already (Yu Gothic UI, Noto Sans CJK JP, ...) is kept.
void applyUiFont(Language language);

// The presentation zoom (PresentationZoom): every font of the application at `percent` of the
// system font's size, in the language applyUiFont() was last given. 100 is the system's size.
void setUiZoom(int percent);
int uiZoom();

// The family applyUiFont() uses for Japanese (empty when the system font has Japanese, or no
// installed family has).
QString japaneseUiFamily();

} // namespace amlfw
