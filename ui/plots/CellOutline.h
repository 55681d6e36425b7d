#pragma once
// An outline around a block of heatmap cells (a followed row, a hovered cell), drawn with one or more
// pens, outermost first: a dark line and a white one read on any colour. The outline is not clipped
// to the map, so a thick pen shows whole on the map's edge; instead it is cut to the part of the
// block in view, and follows the view as it zooms and pans.
#include <QObject>
#include <QPen>
#include <QRectF>

#include <vector>

class QCPAxisRect;
class QCPItemRect;

namespace attnlab::ui {

class CellOutline : public QObject {
    Q_OBJECT
public:
    CellOutline(QCPAxisRect* map, const std::vector<QPen>& pens, QObject* parent = nullptr);
    ~CellOutline() override;

    // Outlines cells firstColumn..lastColumn x firstRow..lastRow (inclusive).
    void setCells(int firstColumn, int lastColumn, int firstRow, int lastRow);
    void hide();
    bool isSet() const { return m_set; }
    // The outline as drawn, in cell coordinates (edges at i ± 0.5); empty when nothing shows.
    QRectF shownRect() const;
    const std::vector<QCPItemRect*>& items() const { return m_items; }

private:
    void place();

    QCPAxisRect* m_map;
    std::vector<QCPItemRect*> m_items; // owned by the plot
    QRectF m_cells;                    // the whole block, edges in cell coordinates
    bool m_set = false;
};

} // namespace attnlab::ui
