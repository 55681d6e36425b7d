#include "app/cli/AlignDecoding.h"

#include "app/cli/CommandGuard.h"

namespace attnlab::cli {

AlignDecoding decodeForAlign(const ModelBundle& bundle, const ModelSource& source, const AlignArgs& args) {
    AlignDecoding result;
    if (bundle.config.predictsLabel()) {
        // One forward pass: nothing to step through, no softmax temperature between steps.
        if (args.explain || args.temperature != 1.0)
            throw InputError("--explain and --temperature step through a decoder; a " +
                             modelKindName(bundle.config.kind) + " model decides in one pass");
        result.decoded = decode(*bundle.model, source, DecodeOptions{});
        for (int id : result.decoded.tokens) result.output.push_back(bundle.targetVocabulary.token(id));
        result.attention = result.decoded.attention; // every row: pooling, or one per hypothesis word
        return result;
    }
    InspectOptions inspect{.temperature = args.temperature, .topK = args.topK};
    if (args.beam > 1) {
        result.decoded = decode(*bundle.model, source, DecodeOptions{.beamWidth = args.beam});
        if (args.explain) {
            // The beam's hypothesis itself, step by step: its tokens forced, </s> included.
            inspect.forcedTokens = result.decoded.tokens;
            if (result.decoded.finished) inspect.forcedTokens.push_back(EndId);
            inspect.continueAfterForced = false;
            result.inspection = inspectDecode(*bundle.model, source, inspect);
        }
    } else if (args.explain || args.temperature != 1.0) {
        result.inspection = inspectDecode(*bundle.model, source, inspect);
        result.decoded = result.inspection->result; // greedyDecode's own when τ = 1
    } else {
        result.decoded = decode(*bundle.model, source, DecodeOptions{.beamWidth = args.beam});
    }
    if (!args.explain) result.inspection.reset();
    for (int id : result.decoded.tokens) result.output.push_back(bundle.targetVocabulary.token(id));
    result.attention = result.decoded.attention.topRows(static_cast<Eigen::Index>(result.output.size()));
    return result;
}

} // namespace attnlab::cli
