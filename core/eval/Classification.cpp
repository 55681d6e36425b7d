// Confusion counts and the per-class and macro scores derived from them.
#include "core/eval/Classification.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace attnlab {

ConfusionMatrix::ConfusionMatrix(int numClasses) : m_numClasses(numClasses) {
    if (numClasses < 1)
        throw std::invalid_argument("ConfusionMatrix: numClasses must be >= 1, got " +
                                    std::to_string(numClasses));
    m_counts.assign(static_cast<size_t>(numClasses) * static_cast<size_t>(numClasses), 0);
}

void ConfusionMatrix::checkLabel(int label, const char* what) const {
    if (label < 0 || label >= m_numClasses)
        throw std::out_of_range(std::string("ConfusionMatrix: ") + what + " label " + std::to_string(label) +
                                " outside [0, " + std::to_string(m_numClasses) + ")");
}

void ConfusionMatrix::add(int gold, int predicted) {
    checkLabel(gold, "gold");
    checkLabel(predicted, "predicted");
    ++m_counts[static_cast<size_t>(gold) * m_numClasses + predicted];
    ++m_total;
}

void ConfusionMatrix::add(const std::vector<int>& gold, const std::vector<int>& predicted) {
    if (gold.size() != predicted.size())
        throw std::invalid_argument("ConfusionMatrix::add: " + std::to_string(gold.size()) +
                                    " gold labels but " + std::to_string(predicted.size()) + " predictions");
    for (size_t i = 0; i < gold.size(); ++i) add(gold[i], predicted[i]);
}

long ConfusionMatrix::count(int gold, int predicted) const {
    checkLabel(gold, "gold");
    checkLabel(predicted, "predicted");
    return m_counts[static_cast<size_t>(gold) * m_numClasses + predicted];
}

double ConfusionMatrix::accuracy() const {
    if (m_total == 0) return std::numeric_limits<double>::quiet_NaN();
    long correct = 0;
    for (int c = 0; c < m_numClasses; ++c) correct += count(c, c);
    return double(correct) / double(m_total);
}

ClassScores ConfusionMatrix::classScores(int label) const {
    checkLabel(label, "class");
    ClassScores s;
    for (int other = 0; other < m_numClasses; ++other) {
        s.gold += count(label, other);      // row sum
        s.predicted += count(other, label); // column sum
    }
    const long tp = count(label, label);
    s.precision = s.predicted > 0 ? double(tp) / double(s.predicted) : 0.0;
    s.recall = s.gold > 0 ? double(tp) / double(s.gold) : 0.0;
    const double sum = s.precision + s.recall;
    s.f1 = sum > 0.0 ? 2.0 * s.precision * s.recall / sum : 0.0;
    return s;
}

double ConfusionMatrix::macroF1() const {
    double sum = 0.0;
    int present = 0;
    for (int c = 0; c < m_numClasses; ++c) {
        const ClassScores s = classScores(c);
        if (s.gold == 0 && s.predicted == 0) continue; // absent class: excluded (see the header)
        sum += s.f1;
        ++present;
    }
    return present > 0 ? sum / present : std::numeric_limits<double>::quiet_NaN();
}

std::vector<int> occurringLabels(const ConfusionMatrix& confusion) {
    std::vector<int> labels;
    for (int c = 0; c < confusion.numClasses(); ++c) {
        const ClassScores scores = confusion.classScores(c);
        if (scores.gold > 0 || scores.predicted > 0) labels.push_back(c);
    }
    return labels;
}

} // namespace attnlab
