#pragma once
// D feature size, S frames or cells.
// One source for a frames or image model, from what a person gives it (a WAV or picture file) or
// a fresh random example of a shipped task: the features the model reads, the media the views
// show, and gold links where known (a drawn example has them). The window's inspect box and
// `attnlab-cli align` read sources this one way.
#include "core/data/SourceMedia.h"
#include "core/nn/InputConfig.h"
#include "core/nn/SourceFeatures.h"
#include "core/util/AlignmentLink.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attnlab {

struct MediaSource {
    SharedFeatures features; // (D x S)
    SharedMedia media;       // the audio or picture
    std::vector<int> ids;    // (S) placeholders (UnknownId), as training pairs have
    std::string label;       // the file, or "random spoken example (seed 12)"
    std::string reference;   // the transcript or caption of a drawn example; empty for a file
    Alignment gold;          // (position, reference token) links of a drawn example

    ModelSource modelSource() const { return {ids, features.get()}; }
};

// Reads a WAV (or any sound libsndfile reads; mono) or a PNG/JPEG for a model with `input`.
// Throws MediaError naming the file and the reason, or std::invalid_argument when the file is of
// the other kind ("a picture, but this model listens to audio").
MediaSource readMediaSource(const std::string& path, const InputConfig& input);
// A new random example of the shipped task for this input kind (spoken: 2-6 words; shapes), drawn
// from `seed`, processed as the training data were (the model's input settings).
MediaSource drawMediaExample(const InputConfig& input, std::uint64_t seed);

} // namespace attnlab
