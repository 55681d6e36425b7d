#include "core/data/DataSplit.h"

#include "core/util/Random.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace attnlab {
namespace {

int shareOf(int n, double fraction, int available) {
    int count = static_cast<int>(std::lround(n * fraction));
    if (fraction > 0.0 && count == 0) count = 1;
    return std::min(count, available);
}

} // namespace

DataSplit makeSplit(int pairCount, double validationFraction, double testFraction, std::uint64_t seed) {
    if (pairCount < 1) throw std::invalid_argument("split: no pairs to split");
    auto valid = [](double f) { return f >= 0.0 && f < 1.0; };
    if (!valid(validationFraction) || !valid(testFraction) || validationFraction + testFraction >= 1.0)
        throw std::invalid_argument("split: validation (" + std::to_string(validationFraction) +
                                    ") and test (" + std::to_string(testFraction) +
                                    ") fractions must be in [0, 1) and leave pairs to train on");
    std::vector<int> order(static_cast<std::size_t>(pairCount));
    std::iota(order.begin(), order.end(), 0);
    Random rng(seed);
    for (int i = pairCount - 1; i > 0; --i) // Fisher-Yates with our own portable draws
        std::swap(order[static_cast<std::size_t>(i)],
                  order[static_cast<std::size_t>(rng.below(static_cast<std::uint64_t>(i + 1)))]);

    const int testCount = shareOf(pairCount, testFraction, pairCount - 1);
    const int validationCount = shareOf(pairCount, validationFraction, pairCount - 1 - testCount);
    DataSplit split;
    const auto begin = order.begin();
    split.test.assign(begin, begin + testCount);
    split.validation.assign(begin + testCount, begin + testCount + validationCount);
    split.train.assign(begin + testCount + validationCount, order.end());
    for (auto* part : {&split.train, &split.validation, &split.test}) std::sort(part->begin(), part->end());
    return split;
}

} // namespace attnlab
