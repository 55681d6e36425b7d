// libFuzzer target: a model file's bytes as loadModel reads them (decodeModel: safetensors
// container, checksum, config, vocabularies, sizes against shapes, finite weights, parameters).
// A model it accepts must run: one short greedy decode. Anything but a CheckpointError is a bug.
#include "core/infer/GreedyDecoder.h"
#include "core/train/CheckpointError.h"
#include "core/train/ModelFile.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace attnlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    ModelBundle bundle;
    try {
        bundle = decodeModel(bytes, "fuzz-input.safetensors");
    } catch (const CheckpointError&) {
        return 0;
    }
    if (!bundle.model) std::abort();
    std::vector<int> source =
        bundle.sourceVocabulary.encode(tokenize("ab c", bundle.sourceTokens)); // unknowns become <unk>
    // The location scorer refuses sources longer than it has positions, and its callers trim them.
    if (bundle.config.scorer == ScorerKind::Location &&
        static_cast<int>(source.size()) > bundle.config.maxSourceLength)
        source.resize(static_cast<std::size_t>(bundle.config.maxSourceLength));
    DecodeOptions options;
    options.maxLength = 3;
    const DecodeResult result = greedyDecode(*bundle.model, source, options);
    if (result.tokens.size() > 3) std::abort();
    for (const int id : result.tokens)
        if (id < 0 || id >= bundle.targetVocabulary.size()) std::abort();
    return 0;
}
