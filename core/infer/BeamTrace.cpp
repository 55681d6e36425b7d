#include "core/infer/BeamTrace.h"

#include "core/infer/BeamSearch.h"
#include "core/infer/BeamTreeRecorder.h"

#include <algorithm>

namespace attnlab {

BeamTree traceBeamSearch(const Seq2Seq<float>& model, const ModelSource& source,
                         const DecodeOptions& options) {
    BeamTree tree;
    BeamTreeRecorder recorder(tree, std::max(1, options.beamWidth), options.lengthPenalty);
    beamSearchAll(model, source, options, &recorder);
    return tree;
}

} // namespace attnlab
