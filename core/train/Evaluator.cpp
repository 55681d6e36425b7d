#include "core/train/Evaluator.h"

#include "core/eval/MetricAccumulator.h"
#include "core/infer/BatchGreedyDecoder.h"
#include "core/infer/BeamSearch.h"

namespace attnlab {

Metrics evaluate(const Seq2Seq<float>& model, const Batcher& pairs, const EvaluationOptions& options,
                 EvaluationOutputs* outputs) {
    MetricAccumulator accumulator;
    Seq2SeqCache<float> cache;
    if (outputs) {
        outputs->hypotheses.assign(pairs.pairCount(), {});
        outputs->attention.assign(pairs.pairCount(), {});
    }
    const bool labels = model.config().predictsLabel();
    // Mean pooling's uniform weights are attention all the same: they show what the baseline does.
    const bool attends =
        model.config().scorer != ScorerKind::None || model.config().kind == ModelKind::Classifier;
    const InputConfig& input = model.config().input;
    int done = 0;
    for (const SequenceBatch& batch : pairs.ordered()) {
        const double loss = model.loss(batch, cache); // fills cache: the teacher-forced attention
        std::vector<DecodeResult> decoded;
        if (options.beamWidth <= 1) {
            decoded = greedyDecodeBatch(model, batch, options.maxLength);
        } else {
            // Beam search takes a while per pair: a stop is heard between pairs, not batches.
            for (int b = 0; b < batch.batchSize; ++b) {
                if (b > 0 && options.progress && !options.progress(done + b, pairs.pairCount()))
                    return accumulator.metrics(); // the pairs of this batch are not counted
                decoded.push_back(
                    beamSearch(model, pairs.pairs()[batch.pairIndices[b]].modelSource(),
                               {.beamWidth = options.beamWidth, .maxLength = options.maxLength}));
            }
        }
        accumulator.addLoss(loss, batch.targetTokenCount());
        for (int b = 0; b < batch.batchSize; ++b) {
            const int index = batch.pairIndices[b];
            const std::vector<int>& reference = pairs.pairs()[index].target;
            accumulator.addSequences(decoded[b].tokens, reference, batch.sourceLengths[b]);
            if (labels) accumulator.addLabel(reference.front(), decoded[b].tokens.front());
            if (options.rouge) accumulator.addRouge(decoded[b].tokens, reference);
            if (attends) {
                // Seq2seq: teacher-forced rows, one per target token; label models: the pooling
                // row, or one row per hypothesis word over the premise.
                const Matrix<float> forced = model.attentionOf(cache, batch, b);
                const int keys = static_cast<int>(forced.cols());
                accumulator.addAttention(forced, keys);
                const Alignment* gold = options.gold ? options.gold(index) : nullptr;
                const int goldRows =
                    labels ? static_cast<int>(forced.rows()) : static_cast<int>(reference.size());
                if (gold && !gold->empty())
                    accumulator.addAlignment(forced, keyAlignment(*gold, input), goldRows, keys);
            }
            if (outputs) {
                outputs->hypotheses[index] = decoded[b].tokens;
                outputs->attention[index] = std::move(decoded[b].attention);
            }
        }
        done += batch.batchSize;
        if (options.progress && !options.progress(done, pairs.pairCount())) break;
    }
    return accumulator.metrics();
}

} // namespace attnlab
