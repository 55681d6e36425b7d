#include "core/train/Evaluator.h"

#include "core/eval/MetricAccumulator.h"
#include "core/infer/BatchGreedyDecoder.h"
#include "core/infer/BeamSearch.h"

namespace attnlab {

namespace {
// Column b's teacher-forced attention: (targetLength − 1 x sourceLength), the </s> row left out.
Matrix<float> forcedAttention(const DecoderCache<float>& cache, const SequenceBatch& batch, int b,
                              const InputConfig& input) {
    const int rows = batch.targetLengths[b] - 1;
    const int columns = input.keyLength(batch.sourceLengths[b]);
    Matrix<float> attention(rows, columns);
    for (int t = 0; t < rows; ++t)
        attention.row(t) = cache.alignments.col((t + 1) * batch.batchSize + b).head(columns).transpose();
    return attention;
}
} // namespace

Metrics evaluate(const Seq2Seq<float>& model, const Batcher& pairs, const EvaluationOptions& options,
                 EvaluationOutputs* outputs) {
    MetricAccumulator accumulator;
    Seq2SeqCache<float> cache;
    if (outputs) {
        outputs->hypotheses.assign(pairs.pairCount(), {});
        outputs->attention.assign(pairs.pairCount(), {});
    }
    const bool attends = model.config().scorer != ScorerKind::None;
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
            if (attends) {
                const Matrix<float> forced = forcedAttention(cache.decoder, batch, b, input);
                const int keys = input.keyLength(batch.sourceLengths[b]);
                accumulator.addAttention(forced, keys);
                const Alignment* gold = options.gold ? options.gold(index) : nullptr;
                if (gold && !gold->empty())
                    accumulator.addAlignment(forced, keyAlignment(*gold, input),
                                             static_cast<int>(reference.size()), keys);
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
