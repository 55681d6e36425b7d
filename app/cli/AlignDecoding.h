#pragma once
// K keys (source tokens, or frames/cells after the front end), T output tokens.
// `attnlab-cli align`'s options, and the one decoding both its text and its media inputs go
// through: greedy, beam search or inspectDecode (temperature, --explain), with the </s> step left
// out so attention row t belongs to output token t.
#include "core/infer/BeamSearch.h"
#include "core/infer/Inspection.h"
#include "core/nn/SourceFeatures.h"
#include "core/train/ModelFile.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attnlab::cli {

struct AlignArgs {
    std::string model;
    int beam = 1;
    bool json = false;
    bool explain = false;
    double temperature = 1.0;
    int topK = 5;
    std::vector<std::string> texts; // texts, or for a frames/image model file paths
    // --random [SEED] (frames/image models): draw examples of the shipped task instead of files.
    bool random = false;
    std::vector<std::uint64_t> randomSeed; // empty: a fresh seed, printed
    int count = 1;                         // --count: examples drawn, seeds SEED, SEED+1, ...
};

struct AlignDecoding {
    DecodeResult decoded;
    std::vector<std::string> output;      // (T) </s> excluded
    Matrix<float> attention;              // (T x K)
    std::optional<Inspection> inspection; // --explain
};

AlignDecoding decodeForAlign(const ModelBundle& bundle, const ModelSource& source, const AlignArgs& args);

} // namespace attnlab::cli
