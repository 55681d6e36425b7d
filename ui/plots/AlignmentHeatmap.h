#pragma once
// The attention heatmap: one cell per (output token, source token) pair, coloured by the weight the
// decoder gave that source token when it produced that output token. Source tokens run along the
// top, output tokens down the left with output row 0 at the top, so the matrix reads like the
// sentence pair. Hovering a cell names both tokens and the exact weight; clicking an output row
// outlines it and plots its distribution over the source as bars in a strip below the map. Gold
// alignment links from the dataset are drawn on top: sure links as filled dots, possible ones as
// rings. A big matrix (100 x 100) zooms and pans (HeatmapNavigator): labels, markers, the outline,
// tooltips and the strip follow the view. Data arrives on the GUI thread only; redraws are
// coalesced (rpQueuedReplot).
#include "core/nn/Tensor.h"
#include "core/util/AlignmentLink.h"
#include "ui/plots/TokenLabels.h"

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <string>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPItemText;

namespace attnlab::ui {

class AxisTokenLabels;
class CellOutline;
class DistributionStrip;
class HeatmapNavigator;

class AlignmentHeatmap : public QWidget {
    Q_OBJECT
public:
    explicit AlignmentHeatmap(QWidget* parent = nullptr);
    ~AlignmentHeatmap() override;

    // weights (T x S): row t is the distribution over the S source tokens for output token t.
    // Gold links are (source index, target index, sure); links outside the matrix are not drawn.
    // A different sentence pair (other tokens) goes back to fit; new weights for the same pair
    // (training goes on, the history scrubs) keep the view and the followed row.
    // Throws std::invalid_argument when the weights' shape does not match the token counts.
    void setAlignment(const std::vector<std::string>& sourceTokens,
                      const std::vector<std::string>& outputTokens, const Matrix<float>& weights,
                      const Alignment& gold = {});
    void clear();
    // For a grid of small maps that share one scale: no colour scale and no distribution strip
    // (clicking a row still outlines it). Cannot be undone.
    void setCompact();
    bool isCompact() const { return m_compact; }

    int sourceCount() const { return int(m_sourceTokens.size()); }
    int outputCount() const { return int(m_outputTokens.size()); }
    // The value stored in the colour map's cell; NaN outside the matrix.
    double cellValue(int outputRow, int sourceColumn) const;
    QStringList sourceLabels() const;
    QStringList outputLabels() const;
    TokenLabel sourceLabel(int column) const;
    TokenLabel outputLabel(int row) const;
    int sureMarkerCount() const;
    int possibleMarkerCount() const;
    int goldMarkerCount() const { return sureMarkerCount() + possibleMarkerCount(); }

    // Pixel positions are in plot() coordinates, over the cells in view. rowAt also accepts the
    // output labels' area left of the map, so clicking a label selects its row.
    int rowAt(QPointF pixel) const;
    int columnAt(QPointF pixel) const;
    // "output 6 of 14 'x' → source 3 of 50 'y': 0.8731" over a cell (positions count from 1), the
    // same for a bar of the strip, "source 3 of 50 'y'" over a label, empty elsewhere.
    QString toolTipAt(QPointF pixel) const;
    // "input → output" as text (special tokens left out): the title of an exported image.
    QString titleText() const;
    const AxisTokenLabels& sourceAxisLabels() const { return *m_sourceAxisLabels; }
    const AxisTokenLabels& outputAxisLabels() const { return *m_outputAxisLabels; }

    int highlightedRow() const { return m_highlightedRow; }
    // Weights of the highlighted row as the strip's bars hold them (empty when no row is selected).
    std::vector<double> highlightedDistribution() const;

    // The zoom and pan: the visible cell ranges, fit(), zoomBy(), panBy().
    HeatmapNavigator& navigator() const { return *m_navigator; }
    // The pixel rectangle of the cells in view (the map, less any room past the matrix).
    QRectF shownCells() const;

    QCustomPlot* plot() const { return m_plot; }
    QCPAxisRect* mapRect() const { return m_mapRect; }
    QCPAxisRect* stripRect() const;

public Q_SLOTS:
    // Outlines output row `row`, scrolls it into view and shows its distribution in the strip; -1
    // (or out of range) clears.
    void highlightRow(int row);
    // The map as an image of `size` pixels, without the distribution strip, whether or not the
    // widget is shown or has that size (frames of an animation). Like exportImage, it draws the
    // view as it is (the whole matrix unless zoomed), labels thinned for that size.
    QImage renderImage(QSize size);
    // PNG, SVG or PDF, chosen by the file name's extension.
    bool exportImage(const QString& path, QString* error = nullptr);
    // The weights with a header row of source tokens and a first column of output tokens (raw
    // token text, RFC 4180 quoting, shortest round-trip decimals).
    bool exportCsv(const QString& path, QString* error = nullptr) const;

Q_SIGNALS:
    void rowSelected(int row);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void buildPlot();
    void fitLabels();
    void onMousePress(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void updateStrip();
    void setHighlight(int row);
    void setHovered(int row, int column);
    void showEmptyState(bool empty);
    QString outputName(int row) const;
    QString sourceName(int column) const;

    QCustomPlot* m_plot = nullptr;
    QCPAxisRect* m_mapRect = nullptr;
    QCPColorMap* m_map = nullptr;
    QCPColorScale* m_scale = nullptr;
    QCPGraph* m_goldSure = nullptr;
    QCPGraph* m_goldPossible = nullptr;
    CellOutline* m_rowOutline = nullptr; // the followed row: a dark and a white line
    HeatmapNavigator* m_navigator = nullptr;
    QCPItemText* m_emptyText = nullptr;
    std::unique_ptr<AxisTokenLabels> m_sourceAxisLabels;
    std::unique_ptr<AxisTokenLabels> m_outputAxisLabels;
    std::unique_ptr<DistributionStrip> m_strip;

    std::vector<std::string> m_sourceTokens;
    std::vector<std::string> m_outputTokens;
    Matrix<float> m_weights; // (T x S)
    int m_highlightedRow = -1;
    bool m_compact = false;
    QPointF m_pressPos;
    bool m_pressed = false;
};

} // namespace attnlab::ui
