#pragma once
// The colour map every attention heatmap of the window uses, chosen in View > Heatmap Colours
// and remembered between sessions. One choice for the whole program, so the Train, Compare and
// Mechanism tabs always read alike; the heatmaps follow a change at once.
#include "ui/plots/ColorGradients.h"

#include <QObject>

namespace attnlab::ui {

class HeatmapColourChoice : public QObject {
    Q_OBJECT
public:
    static HeatmapColourChoice& instance(); // GUI thread only

    HeatmapColours current() const { return m_current; }
    void set(HeatmapColours colours);

Q_SIGNALS:
    void changed(attnlab::ui::HeatmapColours colours);

private:
    HeatmapColourChoice() = default;
    HeatmapColours m_current = HeatmapColours::Viridis;
};

} // namespace attnlab::ui
