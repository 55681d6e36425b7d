#pragma once
// Beam search of width k with length normalisation (score = log p / length^α). Each hypothesis
// keeps its own attention history, so the returned result carries the T x S attention of the
// hypothesis actually returned (under beam search attention must not disappear).
#include "core/infer/DecodeResult.h"
#include "core/nn/Seq2Seq.h"
#include "core/nn/SourceFeatures.h"

namespace attnlab {

class BeamTreeRecorder;

// The best hypothesis. With beamWidth 1 this is exactly greedy decoding.
DecodeResult beamSearch(const Seq2Seq<float>& model, const ModelSource& source, const DecodeOptions& options);

// Every finished hypothesis (up to k), best first, for views that compare them. A recorder, when
// given, is told every candidate considered (traceBeamSearch); it changes nothing of the search.
std::vector<DecodeResult> beamSearchAll(const Seq2Seq<float>& model, const ModelSource& source,
                                        const DecodeOptions& options, BeamTreeRecorder* recorder = nullptr);

// greedyDecode or beamSearch, as options.beamWidth says.
DecodeResult decode(const Seq2Seq<float>& model, const ModelSource& source, const DecodeOptions& options);

} // namespace attnlab
