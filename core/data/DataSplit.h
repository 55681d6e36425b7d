#pragma once
// A deterministic train/validation/test split of a dataset's pair indices.
#include <cstdint>
#include <vector>

namespace attnlab {

struct DataSplit {
    std::vector<int> train; // pair indices, ascending
    std::vector<int> validation;
    std::vector<int> test;
};

// Shuffles 0..pairCount-1 with `seed` and cuts round(n * testFraction) test pairs, then
// round(n * validationFraction) validation pairs; the rest train. A positive fraction gets at
// least one pair whenever that leaves one to train on. Throws std::invalid_argument for
// fractions outside [0, 1), a sum >= 1, or pairCount < 1.
DataSplit makeSplit(int pairCount, double validationFraction, double testFraction, std::uint64_t seed);

} // namespace attnlab
