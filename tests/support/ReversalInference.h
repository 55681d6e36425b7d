#pragma once
// GUI-test fixtures over the reversal task: a trained model and the InferenceModel the window
// would hand its panels.
#include "core/train/Trainer.h"
#include "support/ReversalTask.h"
#include "ui/session/InferenceModel.h"

namespace attnlab::test {

// Trains model on data for `epochs` (batch 32, Adam 0.01); a few hundred steps reverse reliably.
inline TrainingResult trainReversal(Seq2Seq<float>& model, const TrainingData& data, int epochs = 12) {
    TrainingSettings settings;
    settings.epochs = epochs;
    settings.batchSize = 32;
    settings.learningRate = 0.01;
    Trainer trainer(model, data, settings);
    TrainingObserver quiet;
    TrainingControl control;
    return trainer.run(quiet, control);
}

// A snapshot of model with data's vocabularies (char tokenisation on both sides: 'a'..'f').
inline ui::InferenceModel inferenceModel(const Seq2Seq<float>& model, const TrainingData& data) {
    auto copy = std::make_shared<Seq2Seq<float>>(model.config());
    copy->copyValuesFrom(model);
    ui::InferenceModel inference;
    inference.model = copy;
    inference.sourceVocabulary = std::make_shared<const Vocabulary>(data.sourceVocabulary);
    inference.targetVocabulary = std::make_shared<const Vocabulary>(data.targetVocabulary);
    return inference;
}

} // namespace attnlab::test
