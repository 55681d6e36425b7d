#pragma once
// One colour per run of a comparison, the same in every view: Okabe and Ito's qualitative palette
// (2008), which stays distinct under the common colour-vision deficiencies. Yellow comes last
// because it is faint on white; past eight runs the colours repeat.
#include <QColor>

namespace attnlab::ui {

QColor runColor(int run);
int runPaletteSize();

} // namespace attnlab::ui
