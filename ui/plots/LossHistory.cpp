#include "ui/plots/LossHistory.h"

#include "ui/plots/CsvWriter.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace attnlab::ui {

const std::vector<LossPoint>& LossRun::series(LossSeries which) const {
    switch (which) {
    case LossSeries::TrainingLoss:
        return trainingLoss;
    case LossSeries::SmoothedTrainingLoss:
        return smoothedTrainingLoss;
    case LossSeries::ValidationLoss:
        return validationLoss;
    case LossSeries::ExactMatch:
        return exactMatch;
    }
    throw std::invalid_argument("LossRun::series: unknown series");
}

LossHistory::LossHistory(int maxPreviousRuns) : m_maxPreviousRuns(std::max(1, maxPreviousRuns)) {
    m_current.label = QStringLiteral("current");
}

LossPoint LossHistory::addTrainingLoss(int step, double loss) {
    m_current.trainingLoss.push_back({step, -1, loss});
    const LossPoint smoothed{step, -1, smoothNext(loss)};
    m_current.smoothedTrainingLoss.push_back(smoothed);
    return smoothed;
}

void LossHistory::addValidation(int step, int epoch, double loss, double exactMatch) {
    m_current.validationLoss.push_back({step, epoch, loss});
    m_current.exactMatch.push_back({step, epoch, exactMatch});
}

void LossHistory::resetAverage() {
    m_average = 0.0;
    m_averaged = 0;
    m_lastSmoothed = std::nan("");
}

double LossHistory::smoothNext(double loss) {
    if (!std::isfinite(loss)) return m_averaged > 0 ? m_lastSmoothed : loss;
    m_average = m_smoothing * m_average + (1.0 - m_smoothing) * loss;
    ++m_averaged;
    m_lastSmoothed = m_average / (1.0 - std::pow(m_smoothing, m_averaged));
    return m_lastSmoothed;
}

void LossHistory::setSmoothing(double weight) {
    if (!(weight >= 0.0 && weight < 1.0))
        throw std::invalid_argument("LossHistory::setSmoothing: weight must be in [0, 1)");
    m_smoothing = weight;
    resetAverage();
    for (size_t i = 0; i < m_current.trainingLoss.size(); ++i)
        m_current.smoothedTrainingLoss[i].value = smoothNext(m_current.trainingLoss[i].value);
}

void LossHistory::keepCurrentAsPrevious(const QString& label) {
    LossRun kept = std::move(m_current);
    kept.label = label;
    m_previous.push_back(std::move(kept));
    while (int(m_previous.size()) > m_maxPreviousRuns) m_previous.pop_front();
    m_current = LossRun{};
    m_current.label = QStringLiteral("current");
    resetAverage();
}

void LossHistory::clearCurrent() {
    const QString label = m_current.label;
    m_current = LossRun{};
    m_current.label = label;
    resetAverage();
}

void LossHistory::clearPrevious() {
    m_previous.clear();
}

QString LossHistory::seriesName(LossSeries which) {
    switch (which) {
    case LossSeries::TrainingLoss:
        return QStringLiteral("train_loss");
    case LossSeries::SmoothedTrainingLoss:
        return QStringLiteral("train_loss_smoothed");
    case LossSeries::ValidationLoss:
        return QStringLiteral("validation_loss");
    case LossSeries::ExactMatch:
        return QStringLiteral("exact_match");
    }
    return {};
}

void LossHistory::writeCsv(CsvWriter& csv) const {
    csv.addRow({QStringLiteral("run"), QStringLiteral("series"), QStringLiteral("step"),
                QStringLiteral("epoch"), QStringLiteral("value")});
    auto writeRun = [&csv](const LossRun& run) {
        for (LossSeries which :
             {LossSeries::TrainingLoss, LossSeries::ValidationLoss, LossSeries::ExactMatch}) {
            const QString name = seriesName(which);
            for (const LossPoint& point : run.series(which))
                csv.addRow({run.label, name, QString::number(point.step),
                            point.epoch >= 0 ? QString::number(point.epoch) : QString(),
                            CsvWriter::number(point.value)});
        }
    };
    for (const LossRun& run : m_previous) writeRun(run);
    writeRun(m_current);
}

} // namespace attnlab::ui
