#pragma once
// Classification metrics from (gold, predicted) label ids in [0, C), C classes.
//
// Confusion matrix: rows are gold labels, columns predicted labels; count(g, p) is the number of
// examples of gold class g predicted as p. For class c:
//   tp = count(c, c), gold_c = row sum, predicted_c = column sum,
//   precision = tp / predicted_c (0 when predicted_c = 0),
//   recall    = tp / gold_c      (0 when gold_c = 0),
//   F1 = 2 P R / (P + R)         (0 when P + R = 0).
// Macro-F1 is the unweighted mean of F1 over the classes that occur, as gold or as prediction: a
// class with neither says nothing about the model and is left out (otherwise a large label set
// with few classes in the test set would drag the mean towards 0); a class with gold examples but
// no prediction stays in with F1 0. Accuracy = trace / total. Both are NaN for an empty matrix.
#include <vector>

namespace attnlab {

struct ClassScores {
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0;
    long gold = 0;      // support: examples whose gold label is the class
    long predicted = 0; // examples predicted as the class
};

class ConfusionMatrix {
public:
    // numClasses >= 1, else std::invalid_argument.
    explicit ConfusionMatrix(int numClasses);

    // Counts one example; labels outside [0, numClasses) throw std::out_of_range.
    void add(int gold, int predicted);
    // Adds pairs gold[i], predicted[i]; sizes must match (std::invalid_argument).
    void add(const std::vector<int>& gold, const std::vector<int>& predicted);

    int numClasses() const { return m_numClasses; }
    long total() const { return m_total; }
    long count(int gold, int predicted) const;

    double accuracy() const;
    ClassScores classScores(int label) const;
    double macroF1() const;

private:
    void checkLabel(int label, const char* what) const;

    int m_numClasses;
    std::vector<long> m_counts; // (C x C) row-major: gold rows, predicted columns
    long m_total = 0;
};

// The labels a matrix has seen, as gold or as prediction, ascending (macro-F1's classes).
std::vector<int> occurringLabels(const ConfusionMatrix& confusion);

} // namespace attnlab
