#pragma once
// The architecture of a model: everything needed to build it again (saved in the model file).
#include "core/nn/InputConfig.h"

#include <string>
#include <vector>

namespace attnlab {

enum class ScorerKind { None, Dot, ScaledDot, General, Additive, Location, LocationAware };
enum class DecoderStyle { Luong, Bahdanau };
// What the model does with the encoded source (issue 15):
//   Seq2Seq     the attention decoder emits target tokens
//   Classifier  attention pooling (a learned query) + a linear layer give one label
//   Entailment  the source is "premise | hypothesis": the encoder reads the premise, the decoder's
//               LSTM reads the hypothesis word by word (starting from the premise's final state),
//               attending over the premise at every word; its last attentional state gives the label
enum class ModelKind { Seq2Seq, Classifier, Entailment };

struct ModelConfig {
    ModelKind kind = ModelKind::Seq2Seq;
    InputConfig input; // tokens (sourceVocabulary ids), frames or an image
    int sourceVocabulary = 0;
    int targetVocabulary = 0;
    int embedding = 32;   // E
    int hidden = 128;     // H
    int attentionDim = 0; // A for additive kinds; 0 means H
    ScorerKind scorer = ScorerKind::General;
    DecoderStyle decoder = DecoderStyle::Luong;
    bool inputFeeding = true; // Luong only: x_t = [emb(y_{t-1}); h̃_{t-1}]
    bool bidirectional = false;
    int maxSourceLength = 64; // key positions of the location scorer; longer sources are refused
    int locationFilters = 10; // F, location_aware
    int locationKernel = 5;   // W (odd), location_aware
    int separatorId = 0;      // entailment: the source vocabulary's id of the word "|"

    int attentionSize() const { return attentionDim > 0 ? attentionDim : hidden; }
    // Size of the decoder LSTM input: E, or E + H with input feeding / Bahdanau's context.
    int decoderInputSize() const;
    // The decoder's input vocabulary: target tokens, or the hypothesis's words (source vocabulary).
    int decoderVocabulary() const {
        return kind == ModelKind::Entailment ? sourceVocabulary : targetVocabulary;
    }
    bool predictsLabel() const { return kind != ModelKind::Seq2Seq; }
    // Throws std::invalid_argument naming the first bad field.
    void validate() const;
};

std::string scorerName(ScorerKind kind);         // "none", "dot", "scaled_dot", ...
ScorerKind parseScorer(const std::string& name); // throws std::invalid_argument listing the names
const std::vector<ScorerKind>& allScorers();
std::string decoderStyleName(DecoderStyle style); // "luong", "bahdanau"
DecoderStyle parseDecoderStyle(const std::string& name);
std::string modelKindName(ModelKind kind); // "seq2seq", "classifier", "entailment"
ModelKind parseModelKind(const std::string& name);
// The scorers a kind offers: every one, but a classifier's learned query has no previous
// alignment, so location and location_aware are not among its.
std::vector<ScorerKind> scorersFor(ModelKind kind);

} // namespace attnlab
