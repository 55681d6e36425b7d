#include "core/nn/ModelConfig.h"

#include "core/nn/SequenceBatch.h"

#include <stdexcept>

namespace attnlab {

namespace {
struct ScorerEntry {
    ScorerKind kind;
    const char* name;
};
constexpr ScorerEntry kScorers[] = {
    {ScorerKind::None, "none"},
    {ScorerKind::Dot, "dot"},
    {ScorerKind::ScaledDot, "scaled_dot"},
    {ScorerKind::General, "general"},
    {ScorerKind::Additive, "additive"},
    {ScorerKind::Location, "location"},
    {ScorerKind::LocationAware, "location_aware"},
};

void requirePositive(int value, const char* field) {
    if (value <= 0)
        throw std::invalid_argument(std::string(field) + " must be positive, got " + std::to_string(value));
}
} // namespace

int ModelConfig::decoderInputSize() const {
    const bool feedsVector = decoder == DecoderStyle::Bahdanau || inputFeeding;
    return feedsVector ? embedding + hidden : embedding;
}

void ModelConfig::validate() const {
    requirePositive(sourceVocabulary, "source vocabulary size");
    requirePositive(targetVocabulary, "target vocabulary size");
    requirePositive(embedding, "embedding size");
    requirePositive(hidden, "hidden size");
    requirePositive(attentionSize(), "attention size");
    requirePositive(maxSourceLength, "maximum source length");
    if (bidirectional && hidden % 2 != 0)
        throw std::invalid_argument("a bidirectional encoder needs an even hidden size, got " +
                                    std::to_string(hidden));
    input.validate();
    if (input.kind == InputKind::Image && input.rowEncoder && hidden % 2 != 0)
        throw std::invalid_argument(
            "an image's row encoder is bidirectional and needs an even hidden size, got " +
            std::to_string(hidden));
    if (kind == ModelKind::Classifier &&
        (scorer == ScorerKind::Location || scorer == ScorerKind::LocationAware))
        throw std::invalid_argument(
            "a classifier pools with a learned query, which has no previous alignment: the " +
            scorerName(scorer) +
            " scorer cannot pool (use none, dot, scaled_dot, general "
            "or additive)");
    if (kind != ModelKind::Seq2Seq && !input.tokens())
        throw std::invalid_argument("a " + modelKindName(kind) + " reads words: its input must be tokens");
    if (kind == ModelKind::Entailment && (separatorId <= UnknownId || separatorId >= sourceVocabulary))
        throw std::invalid_argument(
            "an entailment model needs the id of the premise | hypothesis separator, got " +
            std::to_string(separatorId));
    if (kind == ModelKind::Entailment && decoder != DecoderStyle::Luong)
        throw std::invalid_argument(
            "an entailment model reads each hypothesis word before attending (Luong style); "
            "the bahdanau decoder is not offered for it");
    if (scorer == ScorerKind::LocationAware) {
        requirePositive(locationFilters, "location filters");
        requirePositive(locationKernel, "location kernel width");
        if (locationKernel % 2 == 0)
            throw std::invalid_argument("the location kernel width must be odd, got " +
                                        std::to_string(locationKernel));
    }
}

std::string scorerName(ScorerKind kind) {
    for (const auto& e : kScorers)
        if (e.kind == kind) return e.name;
    return "unknown";
}

ScorerKind parseScorer(const std::string& name) {
    for (const auto& e : kScorers)
        if (name == e.name) return e.kind;
    std::string names;
    for (const auto& e : kScorers) names += std::string(names.empty() ? "" : ", ") + e.name;
    throw std::invalid_argument("unknown scorer '" + name + "' (expected one of: " + names + ")");
}

const std::vector<ScorerKind>& allScorers() {
    static const std::vector<ScorerKind> all = [] {
        std::vector<ScorerKind> v;
        for (const auto& e : kScorers) v.push_back(e.kind);
        return v;
    }();
    return all;
}

std::string decoderStyleName(DecoderStyle style) {
    return style == DecoderStyle::Luong ? "luong" : "bahdanau";
}

DecoderStyle parseDecoderStyle(const std::string& name) {
    if (name == "luong") return DecoderStyle::Luong;
    if (name == "bahdanau") return DecoderStyle::Bahdanau;
    throw std::invalid_argument("unknown decoder style '" + name + "' (expected luong or bahdanau)");
}

std::string modelKindName(ModelKind kind) {
    switch (kind) {
    case ModelKind::Seq2Seq:
        return "seq2seq";
    case ModelKind::Classifier:
        return "classifier";
    case ModelKind::Entailment:
        return "entailment";
    }
    return "seq2seq";
}

ModelKind parseModelKind(const std::string& name) {
    for (ModelKind kind : {ModelKind::Seq2Seq, ModelKind::Classifier, ModelKind::Entailment})
        if (modelKindName(kind) == name) return kind;
    throw std::invalid_argument("unknown model kind '" + name +
                                "' (expected seq2seq, classifier or entailment)");
}

std::vector<ScorerKind> scorersFor(ModelKind kind) {
    std::vector<ScorerKind> offered;
    for (ScorerKind scorer : allScorers())
        if (kind != ModelKind::Classifier ||
            (scorer != ScorerKind::Location && scorer != ScorerKind::LocationAware))
            offered.push_back(scorer);
    return offered;
}

} // namespace attnlab
