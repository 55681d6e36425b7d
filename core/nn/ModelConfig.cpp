#include "core/nn/ModelConfig.h"

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
        throw std::invalid_argument("an image's row encoder is bidirectional and needs an even hidden size, got " +
                                    std::to_string(hidden));
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

} // namespace attnlab
