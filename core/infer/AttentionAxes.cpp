#include "core/infer/AttentionAxes.h"

#include "core/data/TaskKind.h"
#include "core/nn/SequenceBatch.h"

#include <algorithm>

namespace attnlab {

std::pair<std::vector<std::string>, std::vector<std::string>>
premiseAndHypothesis(const std::vector<std::string>& sourceTokens) {
    const auto separator = std::find(sourceTokens.begin(), sourceTokens.end(), kPremiseSeparator);
    if (separator == sourceTokens.end()) return {sourceTokens, {}};
    return {{sourceTokens.begin(), separator}, {separator + 1, sourceTokens.end()}};
}

AttentionAxes attentionAxes(const ModelConfig& config, const DecodeResult& decoded,
                            const std::vector<std::string>& sourceTokens, const Vocabulary& targetVocabulary) {
    AttentionAxes axes;
    switch (config.kind) {
    case ModelKind::Seq2Seq:
        axes.rows = targetVocabulary.decode(decoded.tokens);
        if (decoded.finished) axes.rows.push_back(targetVocabulary.token(EndId));
        axes.columns = sourceTokens;
        break;
    case ModelKind::Classifier:
        axes.rows = targetVocabulary.decode(decoded.tokens);
        axes.columns = sourceTokens;
        break;
    case ModelKind::Entailment: {
        auto [premise, hypothesis] = premiseAndHypothesis(sourceTokens);
        axes.rows = std::move(hypothesis);
        axes.columns = std::move(premise);
        break;
    }
    }
    return axes;
}

} // namespace attnlab
