#pragma once
// Which part of an attention matrix the heatmap shows, in cell coordinates: cell i is centred on i,
// so a matrix of n cells spans -0.5 .. n-0.5 along that axis. Plain arithmetic, no widgets, so the
// zoom and pan rules can be tested alone.
//
// Cells stay square-ish: at "fit" the whole matrix is shown at the largest size where no cell is
// more than kMaxCellAspect times wider than tall; in a wide, low panel the view reaches past the
// last column (empty space right of the map) rather than stretch the cells. Tall cells keep the
// height they get (a narrow dock): it is the room the row labels read in. Zooming scales both axes
// alike, so the shape holds at every zoom; once zoomed past the available space the view is a
// window into the matrix, clamped to it. Zoom stops when the longer visible side holds
// kMinVisibleCells cells.
#include <QPointF>
#include <QSizeF>

namespace attnlab::ui {

struct CellSpan {
    double lower = -0.5;
    double upper = 0.5;
    double size() const { return upper - lower; }
    bool contains(double coordinate) const { return coordinate >= lower && coordinate <= upper; }
};

class HeatmapViewport {
public:
    static constexpr double kMaxCellAspect = 2.0; // width over height
    static constexpr double kMinVisibleCells = 8.0;

    // A matrix of `columns` x `rows` cells (source tokens x output tokens); back to fit.
    void setMatrix(int columns, int rows);
    // The map's size in pixels; keeps the zoom and the top-left cell in view (clamped).
    void setPixelSize(QSizeF pixels);
    QSizeF pixelSize() const { return m_pixels; }

    void fit();
    bool isFit() const { return m_zoom <= 1.0; }
    double zoom() const { return m_zoom; } // 1 at fit
    double maxZoom() const;
    // Scales cells by `factor` (> 1 zooms in) keeping the cell coordinate `anchor` where it is on
    // screen; clamped to fit .. maxZoom(). Returns whether the view changed.
    bool zoomBy(double factor, QPointF anchor);
    // Moves the view by (columns, rows) cells, clamped to the matrix. Returns whether it moved.
    bool panBy(double columns, double rows);
    // Scrolls so that cell coordinate `cell` sits `pixel` from the map's top-left corner (clamped).
    void pin(QPointF cell, QPointF pixel);
    // Scrolls the least needed to bring row `row` wholly into view.
    bool showRow(int row);

    CellSpan columnSpan() const; // the visible range along the source axis
    CellSpan rowSpan() const;    // the visible range along the output axis (row 0 at the top)
    // The pixel size of one cell at the current zoom.
    double cellWidth() const;
    double cellHeight() const;

private:
    double fitCellWidth() const;
    double fitCellHeight() const;
    CellSpan span(double lower, double visible, int cells) const;
    void clampOrigin();

    int m_columns = 0;
    int m_rows = 0;
    QSizeF m_pixels{1.0, 1.0};
    double m_zoom = 1.0;
    // The top-left visible cell coordinate (unclamped request; span() clamps it).
    double m_left = -0.5;
    double m_top = -0.5;
};

} // namespace attnlab::ui
