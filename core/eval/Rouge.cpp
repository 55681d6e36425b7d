// ROUGE-N by clipped n-gram counts, ROUGE-L by a two-row LCS table.
#include "core/eval/Rouge.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace attnlab {

namespace {

using NGramCounts = std::map<std::vector<int>, long>;

NGramCounts countNGrams(std::span<const int> tokens, int n) {
    NGramCounts counts;
    const auto size = static_cast<long>(tokens.size());
    for (long i = 0; i + n <= size; ++i)
        ++counts[std::vector<int>(tokens.begin() + i, tokens.begin() + i + n)];
    return counts;
}

// P, R and F1 from a match count; a zero denominator gives 0 (see the header).
RougeScore fromCounts(long matches, long hypothesisCount, long referenceCount) {
    RougeScore s;
    s.precision = hypothesisCount > 0 ? double(matches) / double(hypothesisCount) : 0.0;
    s.recall = referenceCount > 0 ? double(matches) / double(referenceCount) : 0.0;
    const double sum = s.precision + s.recall;
    s.f1 = sum > 0.0 ? 2.0 * s.precision * s.recall / sum : 0.0;
    return s;
}

} // namespace

RougeScore rougeN(std::span<const int> hypothesis, std::span<const int> reference, int n) {
    if (n < 1) throw std::invalid_argument("rougeN: n must be >= 1, got " + std::to_string(n));
    const NGramCounts hyp = countNGrams(hypothesis, n);
    const NGramCounts ref = countNGrams(reference, n);
    long matches = 0;
    for (const auto& [gram, count] : hyp) {
        const auto it = ref.find(gram);
        if (it != ref.end()) matches += std::min(count, it->second); // clipped
    }
    const auto grams = [n](std::span<const int> t) {
        return std::max(0L, static_cast<long>(t.size()) - n + 1);
    };
    return fromCounts(matches, grams(hypothesis), grams(reference));
}

long longestCommonSubsequence(std::span<const int> a, std::span<const int> b) {
    // Two rows of the DP table: prev/cur[j] = LCS of a[0..i) and b[0..j); (|b| + 1) each.
    std::vector<long> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

RougeScore rougeL(std::span<const int> hypothesis, std::span<const int> reference) {
    return fromCounts(longestCommonSubsequence(hypothesis, reference), static_cast<long>(hypothesis.size()),
                      static_cast<long>(reference.size()));
}

void RougeAccumulator::add(std::span<const int> hypothesis, std::span<const int> reference) {
    const auto accumulate = [](RougeScore& sum, const RougeScore& s) {
        sum.precision += s.precision;
        sum.recall += s.recall;
        sum.f1 += s.f1;
    };
    accumulate(m_rouge1, rougeN(hypothesis, reference, 1));
    accumulate(m_rouge2, rougeN(hypothesis, reference, 2));
    accumulate(m_rougeL, attnlab::rougeL(hypothesis, reference));
    ++m_examples;
}

void RougeAccumulator::merge(const RougeAccumulator& other) {
    for (auto [mine, theirs] : {std::pair{&m_rouge1, &other.m_rouge1}, std::pair{&m_rouge2, &other.m_rouge2},
                                std::pair{&m_rougeL, &other.m_rougeL}}) {
        mine->precision += theirs->precision;
        mine->recall += theirs->recall;
        mine->f1 += theirs->f1;
    }
    m_examples += other.m_examples;
}

RougeScore RougeAccumulator::mean(const RougeScore& sum) const {
    if (m_examples == 0) return {};
    const double n = double(m_examples);
    return {sum.precision / n, sum.recall / n, sum.f1 / n};
}

} // namespace attnlab
