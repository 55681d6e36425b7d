#pragma once
// The reference workload of the speed issue: dates, char level, 20,000 training pairs,
// embedding 32, hidden 128, unidirectional encoder, Luong decoder with input feeding, general
// scorer, batch 64, Adam, clipping 5 — and the multiply-add count of one pass over it.
#include "core/experiment/PreparedData.h"
#include "core/nn/ModelConfig.h"

#include <cstdint>
#include <memory>
#include <string>

namespace attnlab::bench {

struct Workload {
    std::shared_ptr<const PreparedData> data; // every pair in the training split
    ModelConfig config;
    double averageSource = 0; // tokens per pair
    double averageTarget = 0; // tokens per pair, </s> included
};

// `pairs` dates pairs generated with `seed` (all in the training split), vocabularies from them;
// config is the reference model (general scorer, unidirectional encoder).
Workload datesWorkload(int pairs, std::uint64_t seed);

// Every pair of `dataset` in the training split (split with `seed`), and the reference
// architecture (general scorer, unidirectional encoder) at these sizes over its vocabularies.
Workload workloadOf(std::shared_ptr<const Dataset> dataset, std::uint64_t seed, const std::string& name,
                    int embedding, int hidden);

// The reference model with another scorer and encoder: the data stays the same.
ModelConfig withArchitecture(ModelConfig config, ScorerKind scorer, bool bidirectional);

// Floating-point operations (2 per multiply-add) of forward + backward for one pair with these
// lengths, counting the matrix products only (backward = 2 x forward), before padding.
// sourceLength is in input positions: tokens, frames or grid cells. Frames and images count their
// front end too: the projection of each frame or patch (backward = 1 x forward: no gradient to the
// data), every pyramid level (ceil(S / 2^l) steps over 2H inputs), the row LSTM of an image; the
// attention and decoder then run over the keys (ceil(S / 2^R) for frames).
double trainingFlops(const ModelConfig& config, int sourceLength, int targetLength);

// trainingFlops averaged over the workload's pairs, each at its own lengths (the attention terms
// are products of both lengths, so the mean of products, not the product of means).
double meanTrainingFlops(const Workload& workload, const ModelConfig& config);

} // namespace attnlab::bench
