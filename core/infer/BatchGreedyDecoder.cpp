#include "core/infer/BatchGreedyDecoder.h"

#include "core/infer/GreedyDecoder.h"
#include "core/infer/LabelPrediction.h"

namespace attnlab {

std::vector<DecodeResult> greedyDecodeBatch(const Seq2Seq<float>& model, const SequenceBatch& batch,
                                            int maxLength) {
    if (model.config().predictsLabel()) return predictLabels(model, batch);
    const int columns = batch.batchSize;
    EncodedSource<float> encoded;
    model.encode(batch, encoded);
    DecoderState<float> state;
    model.startDecoding(encoded, state);
    const int limit = effectiveMaxLength({.maxLength = maxLength}, batch.sourceLength);

    std::vector<DecodeResult> results(columns);
    std::vector<std::vector<Vector<float>>> rows(columns);
    std::vector<int> input(columns, StartId);
    int open = columns;
    Matrix<float> logits, alignment;
    for (int t = 0; t < limit && open > 0; ++t) {
        model.decodeStep(input, encoded, state, logits, alignment);
        for (int b = 0; b < columns; ++b) {
            DecodeResult& result = results[b];
            if (result.finished) continue; // it keeps feeding </s>; its outputs are ignored
            const Vector<float> logProbs = logSoftmax(logits.col(b));
            int token = 0;
            logProbs.maxCoeff(&token);
            rows[b].push_back(alignment.col(b).head(model.config().input.keyLength(batch.sourceLengths[b])));
            result.tokenLogProbs.push_back(logProbs(token));
            result.logProb += logProbs(token);
            if (token == EndId) {
                result.finished = true;
                --open;
            } else {
                result.tokens.push_back(token);
            }
            input[b] = token;
        }
    }
    for (int b = 0; b < columns; ++b) {
        DecodeResult& result = results[b];
        result.score = result.logProb;
        result.attention.resize(static_cast<Eigen::Index>(rows[b].size()),
                                model.config().input.keyLength(batch.sourceLengths[b]));
        for (size_t t = 0; t < rows[b].size(); ++t)
            result.attention.row(static_cast<Eigen::Index>(t)) = rows[b][t].transpose();
    }
    return results;
}

} // namespace attnlab
