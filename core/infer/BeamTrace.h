#pragma once
// S source length.
// Beam search with its whole tree of hypotheses (issue 12's beam explorer).
#include "core/infer/BeamTree.h"
#include "core/nn/Seq2Seq.h"
#include "core/nn/SourceFeatures.h"

namespace attnlab {

// The very search beamSearch(model, source, options) makes, recorded: tree.result is what
// beamSearch returns and tree.path(tree.winner) its tokens (+ </s> when finished). Per step the
// tree holds the best 2·width candidates considered (kept, finished or pruned).
BeamTree traceBeamSearch(const Seq2Seq<float>& model, const ModelSource& source,
                         const DecodeOptions& options);

} // namespace attnlab
