#pragma once
// The big model of issue 16, as a model trained elsewhere (torchrun) would arrive: H 1024, E 512,
// 32,000-word vocabularies on both sides (words "s4", "s5", ... and "t4", ...), the general scorer,
// randomly initialised. Shared by attnlab-bench --big-model and attnlab-bench-window.
#include "core/train/ModelFile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attnlab::bench {

inline constexpr int kBigModelHidden = 1024;
inline constexpr int kBigModelEmbedding = 512;
inline constexpr int kBigModelVocabulary = 32000; // specials included
inline constexpr int kBigModelSentenceWords = 100;

ModelBundle makeBigModel();
// kBigModelSentenceWords random source word ids (never a special), the same for a given seed.
std::vector<int> bigModelSentence(std::uint64_t seed = 7);

} // namespace attnlab::bench
