#pragma once
// Evaluates a model on encoded pairs: teacher-forced loss and attention (for AER, entropy and
// last-position mass, the rows following the reference), and decoded outputs (greedy, batched,
// or beam search) for token accuracy, exact match, BLEU and accuracy by length. All of them go
// through MetricAccumulator, so a reference token that is <unk> (a token the model's vocabulary
// lacks) is never counted as correct; Metrics::unknownReferenceTokens says how many there were.
#include "core/data/Batcher.h"
#include "core/eval/Metrics.h"
#include "core/nn/Seq2Seq.h"
#include "core/util/AlignmentLink.h"

#include <functional>

namespace attnlab {

struct EvaluationOptions {
    int beamWidth = 1;
    int maxLength = 0; // 0: 2·S + 10
    // Gold alignment of pair k of the batcher (nullptr when none).
    std::function<const Alignment*(int pairIndex)> gold;
    // Called with (pairs done, pairs total) after each batch (with beam search, also between the
    // pairs of a batch); return false to stop early (cancellation): the metrics then cover fewer
    // than all pairs, and Metrics::examples says how many.
    std::function<bool(int, int)> progress;
    // Word-level outputs (summarization): also ROUGE-1/2/L (Metrics::rouge).
    bool rouge = false;
};

// The decoded output of every pair, by pair index, when the caller wants them.
struct EvaluationOutputs {
    std::vector<std::vector<int>> hypotheses; // (pairs) output ids, </s> excluded
    std::vector<Matrix<float>> attention;     // (pairs) decoding attention (rows x S)
};

Metrics evaluate(const Seq2Seq<float>& model, const Batcher& pairs, const EvaluationOptions& options = {},
                 EvaluationOutputs* outputs = nullptr);

} // namespace attnlab
