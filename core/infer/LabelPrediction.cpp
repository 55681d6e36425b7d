#include "core/infer/LabelPrediction.h"

#include "core/infer/GreedyDecoder.h"

namespace attnlab {

std::vector<DecodeResult> predictLabels(const Seq2Seq<float>& model, const SequenceBatch& batch) {
    Seq2SeqCache<float> cache;
    model.classify(batch, cache);
    const int classes = static_cast<int>(cache.labelLogits.rows());
    if (classes <= UnknownId + 1) throw std::invalid_argument("the model has no labels to choose from");
    std::vector<DecodeResult> results(batch.batchSize);
    for (int b = 0; b < batch.batchSize; ++b) {
        DecodeResult& result = results[b];
        const Vector<float> logProbs = logSoftmax(cache.labelLogits.col(b));
        int best = 0;
        logProbs.tail(classes - UnknownId - 1).maxCoeff(&best);
        const int label = best + UnknownId + 1;
        result.tokens = {label};
        result.tokenLogProbs = {logProbs(label)};
        result.logProb = logProbs(label);
        result.score = result.logProb;
        result.finished = true;
        result.classProbabilities.resize(classes);
        for (int c = 0; c < classes; ++c) result.classProbabilities[c] = std::exp(logProbs(c));
        result.attention = model.attentionOf(cache, batch, b);
    }
    return results;
}

} // namespace attnlab
