#include "core/infer/GreedyDecoder.h"

#include "core/infer/BatchGreedyDecoder.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace attnlab {

SequenceBatch sourceBatch(const ModelSource& source, int copies) {
    if (source.ids.empty()) throw std::invalid_argument("cannot decode an empty source");
    SequenceBatch batch;
    batch.batchSize = copies;
    batch.sourceLength = source.length();
    batch.sourceLengths.assign(copies, batch.sourceLength);
    batch.source.reserve(source.ids.size() * copies);
    for (int token : source.ids)
        for (int b = 0; b < copies; ++b) batch.source.push_back(token);
    if (const SourceFeatures* f = source.features) {
        if (f->columns != batch.sourceLength)
            throw std::invalid_argument("the source has " + std::to_string(f->columns) +
                                        " feature columns for " + std::to_string(batch.sourceLength) +
                                        " positions");
        batch.featureSize = f->rows;
        batch.features.resize(f->values.size() * copies);
        for (int s = 0; s < f->columns; ++s)
            for (int b = 0; b < copies; ++b)
                std::copy(f->column(s).begin(), f->column(s).end(),
                          batch.features.begin() + (static_cast<std::size_t>(s) * copies + b) * f->rows);
    }
    return batch;
}

Vector<float> logSoftmax(const Eigen::Ref<const Vector<float>>& logits) {
    const float top = logits.maxCoeff();
    const float logSum = std::log((logits.array() - top).exp().sum()) + top;
    return (logits.array() - logSum).matrix();
}

DecodeResult greedyDecode(const Seq2Seq<float>& model, const ModelSource& source,
                          const DecodeOptions& options) {
    return greedyDecodeBatch(model, sourceBatch(source), options.maxLength).front();
}

} // namespace attnlab
