#pragma once
// View > Heatmap Colours: viridis, cividis or greyscale for every attention heatmap, remembered
// between sessions (QSettings "view/heatmapColours").
class QMenu;

namespace attnlab::ui {

// Adds the submenu to `view` and applies the remembered choice.
void addHeatmapColoursMenu(QMenu& view);

} // namespace attnlab::ui
