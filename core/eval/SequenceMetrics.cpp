#include "core/eval/SequenceMetrics.h"

#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

namespace attnlab {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

double ratio(long numerator, long denominator) {
    return denominator > 0 ? static_cast<double>(numerator) / static_cast<double>(denominator) : NaN;
}

void requireSameSize(size_t hypotheses, size_t references, const char* what) {
    if (hypotheses != references)
        throw std::invalid_argument(std::string(what) + ": expected as many references as hypotheses, got " +
                                    std::to_string(references) + " and " + std::to_string(hypotheses));
}

} // namespace

double meanTokenLoss(double lossSum, long tokens) {
    if (tokens < 0) throw std::invalid_argument("loss: negative token count " + std::to_string(tokens));
    return tokens > 0 ? lossSum / static_cast<double>(tokens) : NaN;
}

long matchingPositions(std::span<const int> hypothesis, std::span<const int> reference) {
    const size_t n = std::min(hypothesis.size(), reference.size());
    long matched = 0;
    for (size_t i = 0; i < n; ++i)
        matched += hypothesis[i] == reference[i] && reference[i] != UnknownId ? 1 : 0;
    return matched;
}

bool exactMatch(std::span<const int> hypothesis, std::span<const int> reference) {
    return std::ranges::equal(hypothesis, reference) &&
           std::ranges::find(reference, UnknownId) == reference.end();
}

double tokenAccuracy(const std::vector<std::vector<int>>& hypotheses,
                     const std::vector<std::vector<int>>& references) {
    requireSameSize(hypotheses.size(), references.size(), "token accuracy");
    long correct = 0;
    long total = 0;
    for (size_t i = 0; i < references.size(); ++i) {
        correct += matchingPositions(hypotheses[i], references[i]);
        total += static_cast<long>(references[i].size());
    }
    return ratio(correct, total);
}

double exactMatchAccuracy(const std::vector<std::vector<int>>& hypotheses,
                          const std::vector<std::vector<int>>& references) {
    requireSameSize(hypotheses.size(), references.size(), "exact match");
    long matched = 0;
    for (size_t i = 0; i < references.size(); ++i)
        matched += exactMatch(hypotheses[i], references[i]) ? 1 : 0;
    return ratio(matched, static_cast<long>(references.size()));
}

void LengthAccuracy::add(std::span<const int> hypothesis, std::span<const int> reference) {
    ++count;
    exactMatches += exactMatch(hypothesis, reference) ? 1 : 0;
    correctTokens += matchingPositions(hypothesis, reference);
    referenceTokens += static_cast<long>(reference.size());
}

double LengthAccuracy::exactMatchRate() const {
    return ratio(exactMatches, count);
}

double LengthAccuracy::tokenAccuracyRate() const {
    return ratio(correctTokens, referenceTokens);
}

std::vector<LengthAccuracy> accuracyBySourceLength(const std::vector<int>& sourceLengths,
                                                   const std::vector<std::vector<int>>& hypotheses,
                                                   const std::vector<std::vector<int>>& references) {
    requireSameSize(hypotheses.size(), references.size(), "accuracy by source length");
    if (sourceLengths.size() != references.size())
        throw std::invalid_argument("accuracy by source length: expected " +
                                    std::to_string(references.size()) + " source lengths, got " +
                                    std::to_string(sourceLengths.size()));
    std::map<int, LengthAccuracy> byLength; // ordered, so the table comes out sorted by length
    for (size_t i = 0; i < references.size(); ++i) {
        const int length = sourceLengths[i];
        if (length < 0)
            throw std::invalid_argument("accuracy by source length: negative source length " +
                                        std::to_string(length) + " at " + std::to_string(i));
        LengthAccuracy& row = byLength[length];
        row.sourceLength = length;
        row.add(hypotheses[i], references[i]);
    }
    std::vector<LengthAccuracy> table;
    table.reserve(byLength.size());
    for (const auto& entry : byLength) table.push_back(entry.second);
    return table;
}

} // namespace attnlab
