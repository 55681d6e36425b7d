#pragma once
// The big picture of the image view: the picture as large as the widget allows (aspect kept,
// pixels square), one output's attention laid over it (AttentionOverlay), that output's gold cells
// outlined, and a colour bar beside it saying which weight each colour is. Hovering names the
// cell and its weight.
// N = rows x cols cells, T outputs.
#include "ui/media/AttentionOverlay.h"
#include "ui/media/ImageAlignment.h"

#include <QImage>
#include <QWidget>

#include <memory>
#include <vector>

namespace attnlab::ui {

class ImageAttentionCanvas : public QWidget {
    Q_OBJECT
public:
    explicit ImageAttentionCanvas(QWidget* parent = nullptr);

    // Shapes checked by the caller (checkImageAlignment); null: nothing to show.
    void setAlignment(std::shared_ptr<const ImageAlignment> alignment);
    // The output whose attention is laid over the picture; -1: the picture alone.
    void setOutput(int output);
    int output() const { return m_output; }
    void setStyle(const OverlayStyle& style);
    const OverlayStyle& style() const { return m_style; }

    // Where the picture is drawn, in widget pixels (empty without one).
    QRect pictureRect() const;
    // The cell (raster index) under a widget pixel, -1 off the picture.
    int cellAt(QPointF pixel) const;
    // The widget pixel at the centre of a cell.
    QPointF cellCentre(int cell) const;
    // The gold cells outlined for the shown output (inside the grid, each once).
    const std::vector<int>& goldCells() const { return m_gold; }
    // "output 2 of 6 'circle' → cell 14 (row 3, column 3 of 6 x 6): 0.4121 · gold" over a cell.
    QString toolTipAt(QPointF pixel) const;

    QSize sizeHint() const override { return {480, 480}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    const float* weights() const; // (N) of the shown output; null when none
    int legendWidth() const;
    void paintGold(QPainter& painter, const QRect& picture) const;
    void paintLegend(QPainter& painter, const QRect& picture) const;
    void invalidate();

    std::shared_ptr<const ImageAlignment> m_data;
    int m_output = -1;
    OverlayStyle m_style;
    std::vector<int> m_gold;   // the shown output's gold cells: in the grid, sorted, unique
    mutable QImage m_rendered; // the picture with its overlay at the last painted size
};

} // namespace attnlab::ui
