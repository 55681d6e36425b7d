#pragma once
// A small untrained reversal model as a ModelBundle (vocabularies, config, weights from seed 1),
// for tests of model files: what they save, load and refuse.
#include "core/train/ModelFile.h"
#include "support/ReversalTask.h"

namespace attnlab::test {

inline ModelBundle reversalBundle(ScorerKind scorer = ScorerKind::General, TextNormalization text = {}) {
    ModelBundle bundle;
    bundle.config = reversalConfig(scorer);
    const TrainingData data = reversalTrainingData(8, 4, 1);
    bundle.sourceVocabulary = data.sourceVocabulary;
    bundle.targetVocabulary = data.targetVocabulary;
    bundle.config.sourceVocabulary = bundle.sourceVocabulary.size();
    bundle.config.targetVocabulary = bundle.targetVocabulary.size();
    bundle.text = text;
    bundle.model = std::make_unique<Seq2Seq<float>>(bundle.config);
    bundle.model->initialize(1);
    return bundle;
}

} // namespace attnlab::test
