#include "app/cli/TranscriptErrors.h"

#include "core/data/TextNormalization.h"

namespace attnlab::cli {

std::string referenceTranscript(const ModelBundle& bundle, const Dataset& dataset, int i) {
    return joinTokens(modelTokens(dataset.target(i), bundle.text, bundle.targetTokens), bundle.targetTokens);
}

CharacterErrorRate transcriptErrors(const ModelBundle& bundle, const EvaluationOutputs& outputs,
                                    const std::vector<std::string>& references) {
    CharacterErrorRate cer;
    const std::size_t decoded = std::min(outputs.hypotheses.size(), references.size());
    for (std::size_t k = 0; k < decoded; ++k) {
        std::vector<std::string> tokens;
        for (int id : outputs.hypotheses[k]) tokens.push_back(bundle.targetVocabulary.token(id));
        cer.add(joinTokens(tokens, bundle.targetTokens), references[k]);
    }
    return cer;
}

CharacterErrorRate splitTranscriptErrors(const ModelBundle& bundle, const Dataset& dataset,
                                         const EncodedSplit& split) {
    std::vector<std::string> references;
    for (int i : split.datasetIndices) references.push_back(referenceTranscript(bundle, dataset, i));
    const Batcher batcher(split.pairs, 64, 0);
    EvaluationOutputs outputs;
    evaluate(*bundle.model, batcher, {}, &outputs);
    return transcriptErrors(bundle, outputs, references);
}

Json characterErrorJson(const CharacterErrorRate& cer) {
    return {{"edits", cer.edits()},
            {"reference_characters", cer.referenceCharacters()},
            {"rate", number(cer.rate())}};
}

} // namespace attnlab::cli
