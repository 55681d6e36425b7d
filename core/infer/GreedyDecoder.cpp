#include "core/infer/GreedyDecoder.h"

#include "core/infer/BatchGreedyDecoder.h"

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
    return greedyDecodeBatch(model, sourceBatch(source), options.maxLength).front();
}

} // namespace attnlab
