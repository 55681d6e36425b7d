#pragma once
// ROUGE (Lin 2004) of one hypothesis against one reference, and a corpus mean of sentence scores.
//
// Conventions (those of Google's rouge-score package, so figures can be compared):
//  - ROUGE-N (N = 1, 2): overlap = sum over distinct n-grams g of min(count_hyp(g), count_ref(g))
//    (clipped, so a repeated hypothesis n-gram matches at most as often as the reference has it);
//    precision = overlap / hypothesis n-grams, recall = overlap / reference n-grams.
//  - ROUGE-L: l = length of the longest common subsequence (tokens in order, gaps allowed);
//    precision = l / hypothesis length, recall = l / reference length.
//  - F1 = 2 P R / (P + R) (F-beta with beta 1); a ratio whose denominator is 0 is 0, so an empty
//    hypothesis or reference (or one shorter than n) scores P = R = F1 = 0, never NaN.
//  - Corpus: the mean over examples of each sentence-level P, R and F1 (rouge-score's aggregate
//    without bootstrap), not the ratio of summed counts as in corpus BLEU.
// Tokens are ids (word ids for words); compare them as given (strip </s> and padding first).
#include <span>

namespace attnlab {

struct RougeScore {
    double precision = 0.0; // in [0, 1]
    double recall = 0.0;    // in [0, 1]
    double f1 = 0.0;        // in [0, 1]
};

// ROUGE-n for any n >= 1 (n < 1 throws std::invalid_argument).
RougeScore rougeN(std::span<const int> hypothesis, std::span<const int> reference, int n);
// ROUGE-L from the longest common subsequence.
RougeScore rougeL(std::span<const int> hypothesis, std::span<const int> reference);
// Tokens of the longest common subsequence (O(|h| |r|) time and memory).
long longestCommonSubsequence(std::span<const int> a, std::span<const int> b);

// The mean of sentence-level ROUGE-1, ROUGE-2 and ROUGE-L over a corpus.
class RougeAccumulator {
public:
    // Scores one pair and adds it to the sums.
    void add(std::span<const int> hypothesis, std::span<const int> reference);
    // Adds another corpus's sums (the accumulators of parallel evaluations).
    void merge(const RougeAccumulator& other);

    long examples() const { return m_examples; }
    // Means over the examples added; all zero for an empty corpus.
    RougeScore rouge1() const { return mean(m_rouge1); }
    RougeScore rouge2() const { return mean(m_rouge2); }
    RougeScore rougeL() const { return mean(m_rougeL); }

private:
    RougeScore mean(const RougeScore& sum) const;

    RougeScore m_rouge1; // sums of sentence scores
    RougeScore m_rouge2;
    RougeScore m_rougeL;
    long m_examples = 0;
};

} // namespace attnlab
