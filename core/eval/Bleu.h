#pragma once
// Corpus BLEU (Papineni et al. 2002) over one reference per hypothesis.
//
// Clipped n-gram matches and hypothesis n-gram counts are summed over the whole corpus before the
// precisions are taken (corpus BLEU is not the mean of sentence BLEUs), then
//   BLEU = 100 * BP * exp( (1/N) * sum_n log p_n ),  p_n = matches_n / totals_n,
//   BP   = 1 if c > r, else exp(1 - r/c) (0 when c = 0),
// with c and r the total hypothesis and reference lengths. Any p_n = 0 makes BLEU 0.
// Add-one smoothing (Lin & Och 2004) adds 1 to matches_n and totals_n for n > 1, so a short
// corpus without any 4-gram match still gets a graded score.
//
// The unit is whatever the tokens are: word ids for a word-level dataset give word BLEU,
// character ids for a char-level dataset give character BLEU. Hypothesis and reference are
// compared as given (strip specials such as </s> before adding them), except that <unk>
// (UnknownId; the string "<unk>" in the string overloads) never matches: a reference n-gram that
// contains it is not there to be matched, so a hypothesis n-gram that contains <unk> never
// matches either. It still counts in totals_n, and both lengths count every token, <unk> included.
// Otherwise a model that outputs <unk> for every token it cannot know would score on data its
// vocabulary does not cover.
#include "core/nn/SequenceBatch.h"

#include <span>
#include <string>
#include <vector>

namespace attnlab {

enum class BleuSmoothing {
    None,   // Papineni 2002
    AddOne, // Lin & Och 2004: +1 on matches and totals for n > 1
};

struct BleuOptions {
    int maxOrder = 4; // N: longest n-gram
    BleuSmoothing smoothing = BleuSmoothing::None;
};

struct BleuScore {
    double score = 0.0;             // in [0, 100]
    std::vector<double> precisions; // (N) p_n after smoothing, in [0, 1]
    std::vector<long> matches;      // (N) clipped n-gram matches, before smoothing
    std::vector<long> totals;       // (N) hypothesis n-grams, before smoothing
    double brevityPenalty = 0.0;    // BP in [0, 1]
    long hypothesisLength = 0;      // c: tokens over all hypotheses
    long referenceLength = 0;       // r: tokens over all references
};

// The sufficient statistics of corpus BLEU: fed one sentence pair at a time, merged across
// workers, scored at the end.
class BleuStatistics {
public:
    explicit BleuStatistics(int maxOrder = 4);

    void add(std::span<const int> hypothesis, std::span<const int> reference);
    // Tokens compared as strings; "<unk>" is the unknown token.
    void add(std::span<const std::string> hypothesis, std::span<const std::string> reference);
    // Adds another corpus's counts; both must have the same maxOrder.
    void merge(const BleuStatistics& other);
    void clear();

    BleuScore score(BleuSmoothing smoothing = BleuSmoothing::None) const;

    int maxOrder() const { return m_maxOrder; }
    long sentences() const { return m_sentences; }
    const std::vector<long>& matches() const { return m_matches; }
    const std::vector<long>& totals() const { return m_totals; }
    long hypothesisLength() const { return m_hypothesisLength; }
    long referenceLength() const { return m_referenceLength; }

private:
    int m_maxOrder;
    long m_sentences = 0;
    std::vector<long> m_matches; // (N) clipped matches of n-grams of order n + 1
    std::vector<long> m_totals;  // (N) hypothesis n-grams of order n + 1
    long m_hypothesisLength = 0;
    long m_referenceLength = 0;
};

// Corpus BLEU of hypotheses[i] against references[i]; throws std::invalid_argument when the
// two lists differ in size or maxOrder < 1.
BleuScore corpusBleu(const std::vector<std::vector<int>>& hypotheses,
                     const std::vector<std::vector<int>>& references, const BleuOptions& options = {});
BleuScore corpusBleu(const std::vector<std::vector<std::string>>& hypotheses,
                     const std::vector<std::vector<std::string>>& references,
                     const BleuOptions& options = {});

} // namespace attnlab
