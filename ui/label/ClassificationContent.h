#pragma once
// What the classification view shows for one text (issue 15): plain values, so the view needs
// nothing from the models. N tokens, K classes.
#include <QString>

#include <vector>

namespace attnlab::ui {

struct ClassificationContent {
    std::vector<QString> tokens;       // (N) the words as the model read them
    std::vector<double> weights;       // (N) attention pooling α, sums to 1; empty for "none" (mean pooling)
    std::vector<bool> goldEvidence;    // (N) the words that decide the label; may be empty (unknown)
    std::vector<QString> classes;      // (K) the label names
    std::vector<double> probabilities; // (K) the model's softmax, sums to 1
    int predicted = 0;                 // index into classes
    int gold = -1;                     // index into classes; -1 when the true label is unknown
};

// Throws std::invalid_argument naming what differs (sizes, an index out of range, weights or
// probabilities that are not a distribution) instead of letting a view read past a vector.
void checkClassificationContent(const ClassificationContent& content);

} // namespace attnlab::ui
