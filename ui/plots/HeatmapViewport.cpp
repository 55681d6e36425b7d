#include "ui/plots/HeatmapViewport.h"

#include <algorithm>

namespace attnlab::ui {

void HeatmapViewport::setMatrix(int columns, int rows) {
    m_columns = std::max(0, columns);
    m_rows = std::max(0, rows);
    fit();
}

void HeatmapViewport::setPixelSize(QSizeF pixels) {
    m_pixels = QSizeF(std::max(1.0, pixels.width()), std::max(1.0, pixels.height()));
    m_zoom = std::clamp(m_zoom, 1.0, maxZoom());
    clampOrigin();
}

void HeatmapViewport::fit() {
    m_zoom = 1.0;
    m_left = -0.5;
    m_top = -0.5;
}

// A one-row or one-column matrix keeps the cell shape the space gives it: capping it would leave
// a strip of cells in a mostly empty map. Only width is capped (see the header).
double HeatmapViewport::fitCellWidth() const {
    if (m_columns <= 0 || m_rows <= 0) return m_pixels.width();
    const double width = m_pixels.width() / m_columns;
    const double height = m_pixels.height() / m_rows;
    return m_columns >= 2 && m_rows >= 2 ? std::min(width, kMaxCellAspect * height) : width;
}

double HeatmapViewport::fitCellHeight() const {
    return m_rows > 0 ? m_pixels.height() / m_rows : m_pixels.height();
}

double HeatmapViewport::cellWidth() const {
    return m_zoom * fitCellWidth();
}

double HeatmapViewport::cellHeight() const {
    return m_zoom * fitCellHeight();
}

double HeatmapViewport::maxZoom() const {
    const double longestSide =
        std::max(m_pixels.width() / fitCellWidth(), m_pixels.height() / fitCellHeight());
    const double fewest = std::min(kMinVisibleCells, double(std::max(m_columns, m_rows)));
    return fewest > 0 ? std::max(1.0, longestSide / fewest) : 1.0;
}

// A side that holds the whole matrix starts at its first cell and reaches past the last one; a side
// that does not is a window that stays inside the matrix.
CellSpan HeatmapViewport::span(double lower, double visible, int cells) const {
    // (Rounding: at fit, width / (width / n) may come out a hair under n.)
    if (visible >= cells - 1e-6) return {-0.5, -0.5 + std::max(visible, double(cells))};
    lower = std::clamp(lower, -0.5, cells - 0.5 - visible);
    return {lower, lower + visible};
}

CellSpan HeatmapViewport::columnSpan() const {
    return span(m_left, m_pixels.width() / cellWidth(), m_columns);
}

CellSpan HeatmapViewport::rowSpan() const {
    return span(m_top, m_pixels.height() / cellHeight(), m_rows);
}

void HeatmapViewport::clampOrigin() {
    m_left = columnSpan().lower;
    m_top = rowSpan().lower;
}

bool HeatmapViewport::zoomBy(double factor, QPointF anchor) {
    if (!(factor > 0.0)) return false;
    const double zoom = std::clamp(m_zoom * factor, 1.0, maxZoom());
    if (zoom == m_zoom) return false;
    const CellSpan columns = columnSpan(), rows = rowSpan();
    const double shrink = m_zoom / zoom; // how the visible extent scales
    m_zoom = zoom;
    m_left = anchor.x() - (anchor.x() - columns.lower) * shrink;
    m_top = anchor.y() - (anchor.y() - rows.lower) * shrink;
    if (zoom == 1.0) fit();
    clampOrigin();
    return true;
}

bool HeatmapViewport::panBy(double columns, double rows) {
    const CellSpan beforeColumns = columnSpan(), beforeRows = rowSpan();
    m_left = beforeColumns.lower + columns;
    m_top = beforeRows.lower + rows;
    clampOrigin();
    return m_left != beforeColumns.lower || m_top != beforeRows.lower;
}

void HeatmapViewport::pin(QPointF cell, QPointF pixel) {
    m_left = cell.x() - pixel.x() / cellWidth();
    m_top = cell.y() - pixel.y() / cellHeight();
    clampOrigin();
}

bool HeatmapViewport::showRow(int row) {
    const CellSpan rows = rowSpan();
    if (row < 0 || row >= m_rows) return false;
    if (row - 0.5 < rows.lower) return panBy(0.0, row - 0.5 - rows.lower);
    if (row + 0.5 > rows.upper) return panBy(0.0, row + 0.5 - rows.upper);
    return false;
}

} // namespace attnlab::ui
