#pragma once
// The evaluation report of one model on one split, as MetricAccumulator produces it. A copyable
// value: it crosses threads as is. Rates are fractions in [0, 1] (BLEU in [0, 100]); a metric
// with nothing to measure is NaN (e.g. AER without gold alignments), its count says why.
#include "core/eval/AttentionMetrics.h"
#include "core/eval/Bleu.h"
#include "core/eval/Classification.h"
#include "core/eval/Rouge.h"
#include "core/eval/SequenceMetrics.h"

#include <limits>
#include <optional>
#include <vector>

namespace attnlab {

struct Metrics {
    static constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

    long examples = 0; // sentence pairs compared

    double loss = NaN;       // mean cross-entropy per target token (nats)
    double perplexity = NaN; // exp(loss)
    long lossTokens = 0;     // the loss's denominator

    // A reference token that is <unk> is never correct (SequenceMetrics.h says why), here, in
    // exact match, BLEU and bySourceLength alike.
    double tokenAccuracy = NaN; // correctTokens / referenceTokens
    long correctTokens = 0;
    long referenceTokens = 0;
    long unknownReferenceTokens = 0; // of referenceTokens, those that are <unk> (unknown to the model)

    double exactMatch = NaN; // exactMatches / examples
    long exactMatches = 0;

    BleuScore bleu; // corpus BLEU over the same hypotheses and references

    double alignmentErrorRate = NaN; // corpus AER; NaN when no example had a gold alignment
    AerCounts alignmentCounts;
    long alignedExamples = 0; // examples that had a gold alignment
    // Mean over target tokens with gold links of the attention mass on their gold positions.
    double goldMass = NaN;
    long goldMassRows = 0;

    double attentionEntropy = NaN; // nats, mean over all attention rows of the corpus
    double lastPositionMass = NaN; // mean over all attention rows of the corpus
    long attentionRows = 0;

    std::vector<LengthAccuracy> bySourceLength; // sorted by source length

    // Label models (classifier, entailment): exactMatch is the accuracy; the confusion matrix is
    // over target ids (gold rows, predicted columns) and macro-F1 over the labels that occur.
    std::optional<ConfusionMatrix> confusion;
    double macroF1 = NaN;

    // Word-level outputs (summarization, translation) when the evaluation asked for it: ROUGE-1,
    // -2 and -L, means of the sentence scores.
    std::optional<RougeAccumulator> rouge;
};

} // namespace attnlab
