#pragma once
// R rows, C columns. Signed values as a colour map on a diverging scale (blue below zero, white at
// zero, red above, symmetric about zero), one labelled row per vector: the decoder's query and the
// context (1 x H), or the encoder states h̄ (S x H, a row per source token). Hovering a cell shows
// its row, unit and exact value.
#include "core/nn/Tensor.h"

#include <QStringList>
#include <QWidget>

class QCustomPlot;
class QCPColorMap;
class QCPItemText;

namespace attnlab::ui {

class ValueMap : public QWidget {
    Q_OBJECT
public:
    explicit ValueMap(const QString& title, QWidget* parent = nullptr);

    // values (R x C); rowLabels (R) drawn left of the rows, row 0 at the top. An empty matrix clears.
    void setValues(const Matrix<float>& values, const QStringList& rowLabels);
    // The colour scale runs over [−limit, limit] (0: the largest magnitude shown).
    void setLimit(double limit);
    double limit() const { return m_limit; }

    int rowCount() const { return static_cast<int>(m_values.rows()); }
    int columnCount() const { return static_cast<int>(m_values.cols()); }
    double value(int row, int column) const; // as the map holds it (NaN outside)
    QString toolTipAt(QPointF pixel) const;  // "row 'a', unit 17 of 128: −0.412"
    QCustomPlot* plot() const { return m_plot; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void redraw();
    void labelRows();

    QCustomPlot* m_plot;
    QCPColorMap* m_map;
    Matrix<float> m_values;
    QStringList m_rowLabels;
    double m_limit = 0;
};

} // namespace attnlab::ui
