#pragma once
// H units, N time steps (source tokens for the encoder, output steps for the decoder).
// One LSTM quantity of one sentence as a heatmap: a row per unit, a column per token, the tokens
// along the bottom. Gates (in [0, 1]) use the heatmap colour map the person chose (View > Heatmap
// Colours); the cell state is signed and uses the diverging map over limits symmetric about zero.
// Rows are the units in order or sorted by variance; hovering a cell names unit, token and value;
// clicking a row selects its unit (unitClicked), which is outlined wherever its row is; from the
// keyboard, ↑ ↓ (Home, End) move the selection a row at a time.
#include "core/nn/Tensor.h"
#include "ui/plots/ColorGradients.h"

#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPItemRect;
class QCPTextElement;

namespace attnlab::ui {

class GateHeatmap : public QWidget {
    Q_OBJECT
public:
    enum class Scale {
        Gate,   // [0, 1], the chosen colour map
        Signed, // [−m, m] with m the largest |value|, the diverging map
    };
    GateHeatmap(const QString& title, Scale scale, QWidget* parent = nullptr);

    // values (H x N); tokens (N) label the time axis. An empty matrix clears the map.
    void setValues(const Matrix<float>& values, const QStringList& tokens);
    void setSortedByVariance(bool sorted);
    bool sortedByVariance() const { return m_sorted; }

    int unitCount() const { return static_cast<int>(m_values.rows()); }
    int stepCount() const { return static_cast<int>(m_values.cols()); }
    // Row r (0 at the top) shows unit rowOrder()[r].
    const std::vector<int>& rowOrder() const { return m_order; }
    int unitAtRow(int row) const;
    int rowOfUnit(int unit) const;
    // The value the colour map holds at a shown row and column (NaN outside).
    double shownValue(int row, int column) const;
    QStringList tokens() const { return m_tokens; }
    // The colour scale's range: [0, 1] for gates, [−m, m] for the signed scale.
    double lowerLimit() const;
    double upperLimit() const;

    // Pixel positions in plot() coordinates; −1 outside the map.
    int rowAt(QPointF pixel) const;
    int columnAt(QPointF pixel) const;
    // "unit 17 of 64, token 3 of 9 'a': 0.4121", empty outside the map.
    QString toolTipAt(QPointF pixel) const;

    // Outlines the row of unit (−1: none).
    void highlightUnit(int unit);
    int highlightedUnit() const { return m_highlighted; }
    QCustomPlot* plot() const { return m_plot; }

Q_SIGNALS:
    void unitClicked(int unit);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void redraw();
    void labelTokens();
    void applyColours();
    void placeOutline();

    Scale m_scale;
    QCustomPlot* m_plot;
    QCPColorMap* m_map;
    QCPColorScale* m_colourScale;
    QCPItemRect* m_outline;
    Matrix<float> m_values; // (H x N)
    QStringList m_tokens;
    std::vector<int> m_order;
    bool m_sorted = false;
    int m_highlighted = -1;
    double m_limit = 1.0; // the signed scale's m
};

} // namespace attnlab::ui
