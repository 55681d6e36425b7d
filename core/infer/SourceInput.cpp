#include "core/infer/SourceInput.h"

#include "core/data/Utf8.h"

#include <algorithm>

namespace attnlab {

SourceLimit typedSourceLimit(const ModelConfig& config) {
    const bool location = config.scorer == ScorerKind::Location;
    int tokens = location ? config.maxSourceLength : std::max(config.maxSourceLength, kTypedSourceFloor);
    const bool capped = tokens > kTypedSourceCeiling;
    tokens = std::min(tokens, kTypedSourceCeiling);
    return SourceLimit{.tokens = tokens, .positional = location && !capped};
}

std::string SourceInput::problemText() const {
    switch (problem) {
    case SourceProblem::None:
        return {};
    case SourceProblem::InvalidUtf8:
        return "the input is not valid UTF-8 (byte " + std::to_string(invalidByte) + ")";
    case SourceProblem::Empty:
        return "the input is empty";
    case SourceProblem::TooLong:
        return "the input has " + std::to_string(length) + " tokens; this model " +
               (limit.positional ? "(location scorer) reads at most " + std::to_string(limit.tokens)
                                 : "takes at most " + std::to_string(limit.tokens) +
                                       " typed tokens (longer input is refused, never cut)");
    }
    return {};
}

SourceInput encodeSourceTokens(std::vector<std::string> tokens, const Vocabulary& vocabulary) {
    SourceInput input;
    input.tokens = std::move(tokens);
    input.length = static_cast<int>(input.tokens.size());
    if (input.tokens.empty()) {
        input.problem = SourceProblem::Empty;
        return input;
    }
    // encode() also maps a typed special ("</s>") to <unk>: it is text, not a control token.
    input.ids = vocabulary.encode(input.tokens, &input.unknownCount);
    for (std::size_t i = 0; i < input.ids.size(); ++i) {
        const std::string& token = input.tokens[i];
        if (input.ids[i] == UnknownId &&
            std::find(input.unknown.begin(), input.unknown.end(), token) == input.unknown.end())
            input.unknown.push_back(token);
    }
    return input;
}

SourceInput readSourceInput(std::string_view text, const SourceReading& reading,
                            const Vocabulary& vocabulary) {
    SourceInput input;
    input.limit = reading.limit;
    input.invalidByte = findInvalidUtf8(text);
    if (input.invalidByte != std::string_view::npos) {
        input.problem = SourceProblem::InvalidUtf8;
        return input;
    }
    input.invalidByte = 0;
    const std::string normalized = reading.normalization.apply(text);
    // Counted before anything is allocated per token, so a huge paste is refused in one pass.
    input.length = tokenCount(normalized, reading.tokenization);
    if (input.length == 0) {
        input.problem = SourceProblem::Empty;
        return input;
    }
    if (reading.limit.tokens > 0 && input.length > reading.limit.tokens) {
        input.problem = SourceProblem::TooLong;
        return input;
    }
    SourceInput encoded = encodeSourceTokens(tokenize(normalized, reading.tokenization), vocabulary);
    encoded.limit = reading.limit;
    return encoded;
}

} // namespace attnlab
