#include "app/cli/ModelInput.h"

#include "app/cli/CommandGuard.h"
#include "core/data/Utf8.h"
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

std::string describeModel(const ModelBundle& b) {
    const ModelConfig& c = b.config;
    std::string text = scorerName(c.scorer) + " scorer, " + decoderStyleName(c.decoder) + " decoder";
    if (c.decoder == DecoderStyle::Luong && c.inputFeeding) text += " with input feeding";
    if (c.bidirectional) text += ", bidirectional encoder";
    text += ", E " + std::to_string(c.embedding) + ", H " + std::to_string(c.hidden) + ", " +
            std::string(tokenizationName(b.sourceTokens)) + " -> " +
            std::string(tokenizationName(b.targetTokens));
    if (!b.dataset.empty()) text += ", trained on " + b.dataset;
    return text;
}

int sourceLengthLimit(const ModelBundle& bundle) {
    return bundle.config.scorer == ScorerKind::Location ? bundle.config.maxSourceLength : 0;
}

EncodedText encodeSource(const ModelBundle& bundle, const std::string& text) {
    EncodedText encoded;
    encoded.tokens = tokenize(normalizeText(text, false, true), bundle.sourceTokens);
    encoded.ids = bundle.sourceVocabulary.encode(encoded.tokens);
    for (size_t i = 0; i < encoded.ids.size(); ++i)
        if (encoded.ids[i] == UnknownId && std::find(encoded.unknown.begin(), encoded.unknown.end(),
                                                     encoded.tokens[i]) == encoded.unknown.end())
            encoded.unknown.push_back(encoded.tokens[i]);
    return encoded;
}

} // namespace attnlab::cli
