#pragma once
// What the entailment view shows for one premise and hypothesis (issue 15): plain values, so the
// view needs nothing from the models. P premise tokens, Q hypothesis tokens, K classes.
#include "core/nn/Tensor.h"
#include "core/util/AlignmentLink.h"

#include <QString>

#include <vector>

namespace attnlab::ui {

struct EntailmentContent {
    std::vector<QString> premise;      // (P)
    std::vector<QString> hypothesis;   // (Q)
    Matrix<float> weights;             // (Q x P): row j is hypothesis word j's attention over the premise
    Alignment goldLinks;               // source = premise word i, target = hypothesis word j ("i-j")
    std::vector<QString> classes;      // (K) entailment, contradiction, neutral, ...
    std::vector<double> probabilities; // (K) the model's softmax, sums to 1
    int predicted = 0;                 // index into classes
    int gold = -1;                     // index into classes; -1 when the true label is unknown
};

// Throws std::invalid_argument naming what differs (the weights' shape against the token counts, a
// row that is not a distribution, a gold link outside the sentences, the class sizes and indices).
void checkEntailmentContent(const EntailmentContent& content);

} // namespace attnlab::ui
