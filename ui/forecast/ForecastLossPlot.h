#pragma once
// The Forecast tab's live training plot: the training loss of every step (normalised units, MSE
// or Gaussian NLL, left axis) and the validation MSE of every epoch in the data's own units (right
// axis, its own scale: the two are different quantities). Points arrive on the GUI thread; each
// add queues one coalesced replot, so a burst of points costs one redraw.
#include <QWidget>

class QCustomPlot;
class QCPGraph;

namespace attnlab::ui {

class ForecastLossPlot : public QWidget {
    Q_OBJECT
public:
    explicit ForecastLossPlot(QWidget* parent = nullptr);

    void addTrainingLoss(long long step, double loss);
    void addValidation(long long step, double mse);
    void clear();

    int trainingPoints() const;
    int validationPoints() const;
    QCustomPlot* plot() const { return m_plot; }

private:
    void fit();

    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_training = nullptr;   // x step, y loss
    QCPGraph* m_validation = nullptr; // x step at the epoch's end, y MSE (right axis)
};

} // namespace attnlab::ui
