#include "app/cli/ModelInput.h"

#include "app/cli/CommandGuard.h"
#include "core/train/CheckpointError.h"

#include <algorithm>

namespace attnlab::cli {

ModelBundle openModel(const std::string& path) {
    try {
        return loadModel(path);
    } catch (const CheckpointError& e) {
        throw InputError(e.what());
    }
}

std::string describeArchitecture(const ModelConfig& c) {
    std::string text;
    if (c.kind == ModelKind::Classifier)
        text = c.scorer == ScorerKind::None
                   ? "classifier with mean pooling (no attention)"
                   : "classifier with attention pooling, " + scorerName(c.scorer) + " scorer";
    else if (c.kind == ModelKind::Entailment)
        text = "entailment (hypothesis attends over the premise word by word), " + scorerName(c.scorer) +
               " scorer";
    else
        text = scorerName(c.scorer) + " scorer, " + decoderStyleName(c.decoder) + " decoder";
    if (c.kind != ModelKind::Classifier && c.decoder == DecoderStyle::Luong && c.inputFeeding)
        text += " with input feeding";
    if (c.bidirectional) text += ", bidirectional encoder";
    if (c.input.kind == InputKind::Frames)
        text += c.input.frameReduction == 0
                    ? ", no frame reduction"
                    : ", " + std::to_string(c.input.frameReduction) + " pyramid levels (" +
                          std::to_string(c.input.positionsPerKey()) + " frames per key)";
    if (c.input.kind == InputKind::Image && !c.input.rowEncoder) text += ", no row encoder";
    text += ", E " + std::to_string(c.embedding) + ", H " + std::to_string(c.hidden);
    return text;
}

std::string describeModel(const ModelBundle& b) {
    const std::string source = b.config.input.tokens() ? std::string(tokenizationName(b.sourceTokens))
                                                       : inputKindName(b.config.input.kind);
    std::string text = describeArchitecture(b.config) + ", " + source + " -> " +
                       std::string(tokenizationName(b.targetTokens));
    if (b.text.lowercase) text += ", lowercased";
    if (!b.text.trim) text += ", untrimmed";
    if (!b.dataset.empty()) text += ", trained on " + b.dataset;
    return text;
}

int sourceLengthLimit(const ModelBundle& bundle) {
    return bundle.config.scorer == ScorerKind::Location ? bundle.config.maxSourceLength : 0;
}

SourceReading sourceReading(const ModelBundle& bundle) {
    return SourceReading{.normalization = bundle.text,
                         .tokenization = bundle.sourceTokens,
                         .limit = typedSourceLimit(bundle.config)};
}

void addDistinctUnknown(std::vector<std::string>& distinct, const std::vector<std::string>& tokens,
                        const std::vector<int>& ids) {
    for (size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == UnknownId && std::find(distinct.begin(), distinct.end(), tokens[i]) == distinct.end())
            distinct.push_back(tokens[i]);
}

} // namespace attnlab::cli
