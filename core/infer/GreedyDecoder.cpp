#include "core/infer/GreedyDecoder.h"

#include <cmath>
#include <stdexcept>

namespace attnlab {

SequenceBatch sourceBatch(const std::vector<int>& source, int copies) {
    if (source.empty()) throw std::invalid_argument("cannot decode an empty source");
    SequenceBatch batch;
    batch.batchSize = copies;
    batch.sourceLength = static_cast<int>(source.size());
    batch.sourceLengths.assign(copies, batch.sourceLength);
    batch.source.reserve(source.size() * copies);
    for (int token : source)
        for (int b = 0; b < copies; ++b) batch.source.push_back(token);
    return batch;
}

Vector<float> logSoftmax(const Eigen::Ref<const Vector<float>>& logits) {
    const float top = logits.maxCoeff();
    const float logSum = std::log((logits.array() - top).exp().sum()) + top;
    return (logits.array() - logSum).matrix();
}

DecodeResult greedyDecode(const Seq2Seq<float>& model, const std::vector<int>& source,
                          const DecodeOptions& options) {
    const SequenceBatch batch = sourceBatch(source);
    EncodedSource<float> encoded;
    model.encode(batch, encoded);
    DecoderState<float> state;
    model.startDecoding(encoded, state);
    const int limit = effectiveMaxLength(options, batch.sourceLength);

    DecodeResult result;
    std::vector<Vector<float>> rows;
    Matrix<float> logits, alignment;
    std::vector<int> input = {StartId};
    for (int t = 0; t < limit; ++t) {
        model.decodeStep(input, encoded, state, logits, alignment);
        const Vector<float> logProbs = logSoftmax(logits.col(0));
        int token = 0;
        logProbs.maxCoeff(&token);
        rows.push_back(alignment.col(0));
        result.tokenLogProbs.push_back(logProbs(token));
        result.logProb += logProbs(token);
        if (token == EndId) {
            result.finished = true;
            break;
        }
        result.tokens.push_back(token);
        input[0] = token;
    }
    result.score = result.logProb;
    result.attention.resize(static_cast<Eigen::Index>(rows.size()), batch.sourceLength);
    for (size_t t = 0; t < rows.size(); ++t)
        result.attention.row(static_cast<Eigen::Index>(t)) = rows[t].transpose();
    return result;
}

} // namespace attnlab
