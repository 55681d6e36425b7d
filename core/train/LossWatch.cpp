#include "core/train/LossWatch.h"

#include <cmath>
#include <sstream>

namespace attnlab {

namespace {
std::string number(double value) {
    std::ostringstream text;
    text.precision(value >= 100 ? 0 : 3);
    if (value >= 100) text << std::fixed;
    text << value;
    return text.str();
}
} // namespace

std::string learningRateAdvice(double learningRate) {
    std::ostringstream text;
    text << "The learning rate (" << learningRate
         << ") is probably too high: try a tenth of it, or clip gradients to a smaller norm.";
    return text.str();
}

void LossWatch::addStep(double loss) {
    if (std::isnan(m_start) && std::isfinite(loss)) m_start = loss;
}

double LossWatch::startingLoss() const {
    return m_start;
}

std::string LossWatch::endEpoch(int epoch, double meanLoss, double learningRate, bool complete) {
    const double start = startingLoss();
    std::ostringstream text;
    if (std::isfinite(start) && meanLoss > kFarFactor * start && meanLoss > start + kFarMargin) {
        text << "Epoch " << epoch << ": the training loss (" << number(meanLoss)
             << ") is far above where the run started (" << number(start) << "). ";
    } else if (complete && m_havePrevious && meanLoss > kRiseFactor * m_previousEpoch &&
               meanLoss > m_previousEpoch + kRiseMargin) {
        text << "Epoch " << epoch << ": the training loss rose over the whole epoch (mean "
             << number(m_previousEpoch) << " before, " << number(meanLoss) << " now). ";
    }
    m_previousEpoch = meanLoss;
    m_havePrevious = true;
    const std::string found = text.str();
    m_warning = found.empty() ? std::string() : found + learningRateAdvice(learningRate);
    return m_warning;
}

} // namespace attnlab
