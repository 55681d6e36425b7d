#pragma once
// A model the GUI thread can decode with while training goes on: a snapshot of the weights
// (never touched by the training thread) with the vocabularies and tokenisation it needs.
// Only the GUI thread decodes with it (decoding uses the model's scratch buffers).
#include "core/data/Tokenization.h"
#include "core/data/Vocabulary.h"
#include "ui/session/TrainingSnapshots.h"

#include <memory>

namespace attnlab::ui {

struct InferenceModel {
    ModelSnapshot model; // null: no model yet
    std::shared_ptr<const Vocabulary> sourceVocabulary;
    std::shared_ptr<const Vocabulary> targetVocabulary;
    Tokenization sourceTokens = Tokenization::Char;
    Tokenization targetTokens = Tokenization::Char;

    bool ready() const { return model && sourceVocabulary && targetVocabulary; }
};

} // namespace attnlab::ui
