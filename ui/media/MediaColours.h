#pragma once
// The colours the speech and image views share with the window's heatmaps (gold, outlines) and
// their own (the cursor, the spectrogram's grey scale).
#include <qcustomplot.h>

#include <QColor>

namespace attnlab::ui {

inline const QColor kGoldColour(0xff, 0x3b, 0x6b);  // the heatmap's gold: a pink-red no colour map contains
inline const QColor kOutlineDark(0x10, 0x10, 0x10); // under a white line: an outline that reads on any colour
inline const QColor kCursorColour(0xff, 0x8c,
                                  0x00); // the cursor and the playhead: orange on grey and on viridis

// A spectrogram as phoneticians read one (Praat, printed figures): quiet is near white, loud is
// near black. Grey keeps the input apart from the attention's colour map beneath it.
QCPColorGradient spectrogramGradient();

} // namespace attnlab::ui
