#pragma once
// Gold links outlined on an AlignmentHeatmap (the entailment and forecast views, issue 15): one
// outline per link, dark under gold so it reads on any colour. An outline rather than the heatmap's
// dot, which would hide the colour of the very cell it marks. Outlines are made as the links need
// them and hidden, not deleted, when fewer show: the heatmap's plot owns their items.
#include "core/util/AlignmentLink.h"

#include <QPixmap>
#include <QRectF>

#include <vector>

class QObject;

namespace attnlab::ui {

class AlignmentHeatmap;
class CellOutline;

class GoldOutlines {
public:
    // The outlines are QObject children of owner; heatmap must outlive this object.
    GoldOutlines(AlignmentHeatmap& heatmap, QObject* owner);

    // Outlines each link's cell (column = source, row = target), hides the rest, queues a replot.
    void show(const Alignment& links);
    // The shown outlines as drawn, in cell coordinates; an empty rectangle for a link out of view.
    std::vector<QRectF> shownRects() const;

    // A legend's swatch (side x side logical pixels): the outline as the map draws it, on a cell
    // of the current colour map.
    static QPixmap swatch(int side, qreal devicePixelRatio);

private:
    AlignmentHeatmap& m_heatmap;
    QObject* m_owner;
    std::vector<CellOutline*> m_outlines; // one per link shown so far, owned by m_owner
    int m_shown = 0;                      // how many of m_outlines show a link now
};

} // namespace attnlab::ui
