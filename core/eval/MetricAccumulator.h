#pragma once
// Collects every metric of an evaluation pass one example at a time, so a trainer or an eval
// loop never has to keep the hypotheses around. Corpus metrics (token accuracy, BLEU, AER) sum
// their counts over examples before dividing; entropy and last-position mass weigh every
// attention row equally. Not thread-safe: give each worker its own accumulator and merge them
// in a fixed order, so the result does not depend on the thread count.
#include "core/eval/Metrics.h"

#include <map>
#include <span>

namespace attnlab {

// One example as an evaluation loop sees it. Token sequences are compared as given, except that a
// <unk> in the reference is never a correct prediction (SequenceMetrics.h).
struct EvalExample {
    std::span<const int> hypothesis; // decoded output ids
    std::span<const int> reference;  // gold output ids
    int sourceLength = 0;            // tokens in the source, for the by-length table

    // Optional: the attention the hypothesis was produced with, (T x S) with columns past
    // sourceLength ignored. Its rows feed entropy and last-position mass.
    const Matrix<float>* attention = nullptr;
    // Optional, needs attention: the gold alignment and the number of gold target tokens (rows
    // past it, such as the </s> row, are not aligned). For AER the attention rows must follow
    // the reference, i.e. come from forced decoding.
    const Alignment* gold = nullptr;
    int goldTargetLength = 0;

    // Optional: summed cross-entropy of this example and the tokens it covers (0: no loss).
    double lossSum = 0.0;
    long lossTokens = 0;
};

class MetricAccumulator {
public:
    explicit MetricAccumulator(int bleuOrder = 4, BleuSmoothing bleuSmoothing = BleuSmoothing::None);

    // Everything the example carries: sequences, and attention, alignment and loss when present.
    void add(const EvalExample& example);

    // The parts on their own, for loops that see them at different times (e.g. loss per batch).
    void addSequences(std::span<const int> hypothesis, std::span<const int> reference, int sourceLength);
    void addAttention(const ConstMatrixRef<float>& attention, int sourceLength);
    void addAlignment(const ConstMatrixRef<float>& attention, const Alignment& gold, int goldTargetLength,
                      int sourceLength);
    void addLoss(double lossSum, long tokens);
    // A label model's prediction (target ids): fills Metrics::confusion and macroF1.
    void addLabel(int gold, int predicted);
    // A word-level output and its reference, for Metrics::rouge.
    void addRouge(std::span<const int> hypothesis, std::span<const int> reference);

    // Adds another accumulator's counts (same BLEU settings).
    void merge(const MetricAccumulator& other);
    void clear();

    Metrics metrics() const;

private:
    BleuSmoothing m_bleuSmoothing;
    long m_examples = 0;
    double m_lossSum = 0.0;
    long m_lossTokens = 0;
    long m_correctTokens = 0;
    long m_referenceTokens = 0;
    long m_unknownReferenceTokens = 0;
    long m_exactMatches = 0;
    BleuStatistics m_bleu;
    AerCounts m_alignmentCounts;
    long m_alignedExamples = 0;
    double m_goldMassSum = 0.0; // Σ over rows with gold links of their gold attention mass
    long m_goldMassRows = 0;
    double m_entropySum = 0.0;  // sum over rows of the row entropy (nats)
    double m_lastMassSum = 0.0; // sum over rows of alpha(t, S_valid - 1)
    long m_attentionRows = 0;
    std::map<int, LengthAccuracy> m_byLength;     // keyed by source length
    std::map<std::pair<int, int>, long> m_labels; // (gold, predicted) ids -> count
    std::optional<RougeAccumulator> m_rouge;      // only once addRouge is called
};

} // namespace attnlab
