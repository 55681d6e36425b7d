#include "ui/forecast/ForecastLossPlot.h"

#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <cmath>

namespace attnlab::ui {

ForecastLossPlot::ForecastLossPlot(QWidget* parent) : QWidget(parent) {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("forecastLossPlot"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(160);

    m_plot->xAxis->setLabel(tr("step"));
    m_plot->yAxis->setLabel(tr("training loss"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("validation MSE"));
    // Okabe–Ito blue and vermillion, the loss plot's colours for training and validation.
    m_training = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    m_training->setName(tr("training loss (per step)"));
    m_training->setPen(QPen(QColor(0x00, 0x72, 0xB2), 1.0));
    m_validation = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_validation->setName(tr("validation MSE (per epoch)"));
    m_validation->setPen(QPen(QColor(0xD5, 0x5E, 0x00), 2.0));
    m_validation->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    PlotTheme::setFontScale(*m_plot->legend, 0.9);
    PlotTheme::follow(*m_plot);
}

void ForecastLossPlot::addTrainingLoss(long long step, double loss) {
    // A diverged step has no finite loss to draw; the trainer's message says what happened.
    if (!std::isfinite(loss)) return;
    m_training->addData(static_cast<double>(step), loss);
    fit();
}

void ForecastLossPlot::addValidation(long long step, double mse) {
    if (!std::isfinite(mse)) return;
    m_validation->addData(static_cast<double>(step), mse);
    fit();
}

void ForecastLossPlot::clear() {
    m_training->data()->clear();
    m_validation->data()->clear();
    fit();
}

int ForecastLossPlot::trainingPoints() const {
    return m_training->dataCount();
}
int ForecastLossPlot::validationPoints() const {
    return m_validation->dataCount();
}

void ForecastLossPlot::fit() {
    bool found = false;
    const QCPRange steps = m_training->getKeyRange(found);
    m_plot->xAxis->setRange(found ? QCPRange(0, std::max(1.0, steps.upper)) : QCPRange(0, 1));
    const QCPRange loss = m_training->getValueRange(found);
    m_plot->yAxis->setRange(found ? QCPRange(0, std::max(loss.upper * 1.05, 1e-6)) : QCPRange(0, 1));
    const QCPRange mse = m_validation->getValueRange(found);
    m_plot->yAxis2->setRange(found ? QCPRange(0, std::max(mse.upper * 1.1, 1e-6)) : QCPRange(0, 1));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace attnlab::ui
