#pragma once
// N time steps.
// One unit of one LSTM followed over the sentence: its input, forget and output gates (left axis,
// [0, 1]) and its cell state (right axis, signed, symmetric about zero) at every token, the
// tokens along the bottom. Filled when a row of a gate heatmap is clicked.
#include "core/infer/GateTrace.h"

#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPTextElement;

namespace attnlab::ui {

class GateTracePlot : public QWidget {
    Q_OBJECT
public:
    explicit GateTracePlot(QWidget* parent = nullptr);

    // unit: a row of gates' matrices; title names the LSTM ("Encoder, forward direction").
    void showUnit(const GateActivations& gates, int unit, const QStringList& tokens, const QString& title);
    void clear();

    bool isEmpty() const { return m_unit < 0; }
    int unit() const { return m_unit; }
    QString title() const;
    // The plotted values of one quantity, one per token (empty when nothing is shown).
    QVector<double> values(GateQuantity quantity) const;
    QCPGraph* graph(GateQuantity quantity) const;
    QCustomPlot* plot() const { return m_plot; }

private:

    QCustomPlot* m_plot;
    QCPTextElement* m_title;
    QCPGraph* m_graphs[4]; // by GateQuantity
    int m_unit = -1;
};

} // namespace attnlab::ui
