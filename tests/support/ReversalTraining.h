#pragma once
// A reversal model trained briefly (Adam 0.01, batch 32, teacher forcing): enough steps for
// attention to become peaked and outputs to be mostly right, in a second or two.
#include "core/train/Adam.h"
#include "core/train/GradientClipping.h"
#include "core/train/ParallelStep.h"
#include "support/ReversalTask.h"

#include <memory>

namespace attnlab::test {

inline std::unique_ptr<Seq2Seq<float>> trainedReversalModel(const ModelConfig& config, int steps,
                                                            std::uint64_t seed = 42) {
    auto model = std::make_unique<Seq2Seq<float>>(config);
    model->initialize(seed);
    Parallelism parallel(2);
    ParallelStep step(*model);
    Adam adam(model->parameters(), {.learningRate = 0.01});
    Random data(seed);
    for (int i = 0; i < steps; ++i) {
        const SequenceBatch batch = reversalBatch(32, data);
        step.run(batch, std::vector<char>(batch.targetLength, 1), parallel);
        clipGradientNorm(model->parameters(), 5.0);
        adam.step();
    }
    return model;
}

} // namespace attnlab::test
