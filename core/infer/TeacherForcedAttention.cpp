#include "core/infer/TeacherForcedAttention.h"

#include "core/infer/GreedyDecoder.h"

namespace attnlab {

Matrix<float> teacherForcedAttention(const Seq2Seq<float>& model, const ModelSource& source,
                                     const std::vector<int>& target) {
    SequenceBatch batch = sourceBatch(source);
    batch.target = target;
    batch.target.push_back(EndId);
    batch.targetLength = static_cast<int>(batch.target.size());
    batch.targetLengths = {batch.targetLength};
    Seq2SeqCache<float> cache;
    if (model.config().predictsLabel()) {
        // The attention of a label model does not depend on the label.
        model.classify(batch, cache);
        return model.attentionOf(cache, batch, 0);
    }
    model.loss(batch, cache);
    // alignments block t+1 holds α_t; with B = 1 a block is one column.
    return cache.decoder.alignments.rightCols(batch.targetLength).transpose();
}

} // namespace attnlab
