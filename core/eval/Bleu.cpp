#include "core/eval/Bleu.h"

#include "core/data/Vocabulary.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <unordered_map>

namespace attnlab {

namespace {

using NgramCounts = std::map<std::vector<int>, long>;

// The n-grams of `tokens`; with skipUnknown, those that contain UnknownId are left out.
NgramCounts countNgrams(std::span<const int> tokens, int order, bool skipUnknown) {
    NgramCounts counts;
    const auto n = static_cast<size_t>(order);
    for (size_t i = 0; i + n <= tokens.size(); ++i) {
        const auto first = tokens.begin() + static_cast<std::ptrdiff_t>(i);
        const auto last = first + static_cast<std::ptrdiff_t>(n);
        if (skipUnknown && std::find(first, last, UnknownId) != last) continue;
        ++counts[std::vector<int>(first, last)];
    }
    return counts;
}

void requireOrder(int maxOrder) {
    if (maxOrder < 1)
        throw std::invalid_argument("BLEU: maxOrder must be at least 1, got " + std::to_string(maxOrder));
}

template <class Token>
BleuScore scoreCorpus(const std::vector<std::vector<Token>>& hypotheses,
                      const std::vector<std::vector<Token>>& references, const BleuOptions& options) {
    if (hypotheses.size() != references.size())
        throw std::invalid_argument("BLEU: expected as many references as hypotheses, got " +
                                    std::to_string(references.size()) + " and " +
                                    std::to_string(hypotheses.size()));
    BleuStatistics statistics(options.maxOrder);
    for (size_t i = 0; i < hypotheses.size(); ++i)
        statistics.add(std::span<const Token>(hypotheses[i]), std::span<const Token>(references[i]));
    return statistics.score(options.smoothing);
}

} // namespace

BleuStatistics::BleuStatistics(int maxOrder) : m_maxOrder(maxOrder) {
    requireOrder(maxOrder);
    clear();
}

void BleuStatistics::clear() {
    m_sentences = 0;
    m_matches.assign(static_cast<size_t>(m_maxOrder), 0);
    m_totals.assign(static_cast<size_t>(m_maxOrder), 0);
    m_hypothesisLength = 0;
    m_referenceLength = 0;
}

void BleuStatistics::add(std::span<const int> hypothesis, std::span<const int> reference) {
    for (int order = 1; order <= m_maxOrder; ++order) {
        const NgramCounts hyp = countNgrams(hypothesis, order, false);
        // Reference n-grams with <unk> are not there to be matched; hypothesis n-grams with <unk>
        // then never match, since every reference n-gram left is free of it.
        const NgramCounts ref = countNgrams(reference, order, true);
        long matched = 0;
        long total = 0;
        // Clipping: an n-gram is credited at most as often as the reference contains it, so
        // "the the the" cannot score on a reference with a single "the".
        for (const auto& [ngram, count] : hyp) {
            total += count;
            const auto found = ref.find(ngram);
            if (found != ref.end()) matched += std::min(count, found->second);
        }
        m_matches[static_cast<size_t>(order - 1)] += matched;
        m_totals[static_cast<size_t>(order - 1)] += total;
    }
    m_hypothesisLength += static_cast<long>(hypothesis.size());
    m_referenceLength += static_cast<long>(reference.size());
    ++m_sentences;
}

void BleuStatistics::add(std::span<const std::string> hypothesis, std::span<const std::string> reference) {
    // Interning the strings of this pair into ids keeps a single counting routine; ids are only
    // compared for equality, so a per-pair dictionary is enough. It starts with "<unk>" as
    // UnknownId and hands out ids above it, so no other token becomes the unknown one.
    std::unordered_map<std::string, int> ids{{std::string(Vocabulary::SpecialTokens[UnknownId]), UnknownId}};
    auto intern = [&ids](std::span<const std::string> tokens) {
        std::vector<int> out;
        out.reserve(tokens.size());
        for (const std::string& token : tokens)
            out.push_back(ids.try_emplace(token, UnknownId + static_cast<int>(ids.size())).first->second);
        return out;
    };
    const std::vector<int> hyp = intern(hypothesis);
    const std::vector<int> ref = intern(reference);
    add(std::span<const int>(hyp), std::span<const int>(ref));
}

void BleuStatistics::merge(const BleuStatistics& other) {
    if (other.m_maxOrder != m_maxOrder)
        throw std::invalid_argument("BLEU: cannot merge statistics of order " +
                                    std::to_string(other.m_maxOrder) + " into order " +
                                    std::to_string(m_maxOrder));
    for (size_t n = 0; n < m_matches.size(); ++n) {
        m_matches[n] += other.m_matches[n];
        m_totals[n] += other.m_totals[n];
    }
    m_hypothesisLength += other.m_hypothesisLength;
    m_referenceLength += other.m_referenceLength;
    m_sentences += other.m_sentences;
}

BleuScore BleuStatistics::score(BleuSmoothing smoothing) const {
    BleuScore result;
    result.matches = m_matches;
    result.totals = m_totals;
    result.hypothesisLength = m_hypothesisLength;
    result.referenceLength = m_referenceLength;

    double logPrecisionSum = 0.0;
    bool anyZero = false;
    for (size_t n = 0; n < m_matches.size(); ++n) {
        const long add = (smoothing == BleuSmoothing::AddOne && n > 0) ? 1 : 0;
        const long matched = m_matches[n] + add;
        const long total = m_totals[n] + add;
        const double precision = total > 0 ? static_cast<double>(matched) / static_cast<double>(total) : 0.0;
        result.precisions.push_back(precision);
        if (precision > 0.0)
            logPrecisionSum += std::log(precision);
        else
            anyZero = true;
    }

    const auto c = static_cast<double>(m_hypothesisLength);
    const auto r = static_cast<double>(m_referenceLength);
    if (c > r)
        result.brevityPenalty = 1.0;
    else if (c > 0.0)
        result.brevityPenalty = std::exp(1.0 - r / c);
    else
        result.brevityPenalty = r > 0.0 ? 0.0 : 1.0; // an empty corpus is not "too short"

    result.score =
        anyZero ? 0.0
                : 100.0 * result.brevityPenalty * std::exp(logPrecisionSum / static_cast<double>(m_maxOrder));
    return result;
}

BleuScore corpusBleu(const std::vector<std::vector<int>>& hypotheses,
                     const std::vector<std::vector<int>>& references, const BleuOptions& options) {
    return scoreCorpus(hypotheses, references, options);
}

BleuScore corpusBleu(const std::vector<std::vector<std::string>>& hypotheses,
                     const std::vector<std::vector<std::string>>& references, const BleuOptions& options) {
    return scoreCorpus(hypotheses, references, options);
}

} // namespace attnlab
