#pragma once
// A model the GUI thread can decode with while training goes on: a snapshot of the weights
// (never touched by the training thread) with the vocabularies, normalisation and tokenisation
// it needs to read a typed sentence as its training data were read.
// Only the GUI thread decodes with it (decoding uses the model's scratch buffers).
#include "core/data/TextNormalization.h"
#include "core/data/Tokenization.h"
#include "core/data/Vocabulary.h"
#include "core/infer/SourceInput.h"
#include "ui/session/TrainingSnapshots.h"

#include <memory>

namespace attnlab::ui {

struct InferenceModel {
    ModelSnapshot model; // null: no model yet
    std::shared_ptr<const Vocabulary> sourceVocabulary;
    std::shared_ptr<const Vocabulary> targetVocabulary;
    Tokenization sourceTokens = Tokenization::Char;
    Tokenization targetTokens = Tokenization::Char;
    TextNormalization text; // what training did to the text before tokenising (lowercase, trim)

    bool ready() const { return model && sourceVocabulary && targetVocabulary; }
    // How a typed sentence is read (ready() models only): as `attnlab-cli align` reads it.
    SourceReading sourceReading() const {
        return SourceReading{
            .normalization = text, .tokenization = sourceTokens, .limit = typedSourceLimit(model->config())};
    }
};

} // namespace attnlab::ui
