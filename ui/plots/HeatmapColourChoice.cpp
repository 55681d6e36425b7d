#include "ui/plots/HeatmapColourChoice.h"

namespace attnlab::ui {

HeatmapColourChoice& HeatmapColourChoice::instance() {
    static HeatmapColourChoice choice;
    return choice;
}

void HeatmapColourChoice::set(HeatmapColours colours) {
    if (colours == m_current) return;
    m_current = colours;
    Q_EMIT changed(colours);
}

} // namespace attnlab::ui
