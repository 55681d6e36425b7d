#include "core/nn/StepBlocks.h"

namespace attnlab {

template <class T>
void StepBlocks<T>::start(int inputSize, int hiddenSize, int stepCount, const AttentionKeys<T>& keys,
                          const Attention<T>& attention, const ConstMatrixRef<T>& initialHidden,
                          const ConstMatrixRef<T>& initialCell) {
    const int b = keys.batch;
    const int h = hiddenSize;
    const int columns = stepCount * b;
    steps = stepCount;
    batch = b;
    inputs.resize(inputSize + h, columns);
    gates.resize(4 * h, columns);
    hidden.resize(h, columns + b);
    cells.resize(h, columns + b);
    alignments.resize(keys.steps, columns + b);
    combined.resize(2 * h, columns);
    attentional.resize(h, columns + b);
    scorer.resize(stepCount);
    hidden.leftCols(b) = initialHidden;
    cells.leftCols(b) = initialCell;
    attentional.leftCols(b).setZero();
    if (attention.usesPreviousAlignment())
        uniformAlignment<T>(keys.lengths, alignments.leftCols(b));
    else
        alignments.leftCols(b).setZero();
}

template struct StepBlocks<float>;
template struct StepBlocks<double>;

} // namespace attnlab
