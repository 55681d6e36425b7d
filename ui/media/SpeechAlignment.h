#pragma once
// What the speech view shows: a model's attention over the frames of one utterance. Plain std
// types, filled by whoever decoded it (the inspect box, a history frame, a test), so the widgets
// depend on nothing of the core's frame front end.
// bands: mel bands, frames: feature frames, r: frames per key (the encoder's time reduction),
// K = ceil(frames / r) keys, T output tokens.
#include <string>
#include <utility>
#include <vector>

namespace attnlab::ui {

struct SpeechAlignment {
    int bands = 0, frames = 0;
    std::vector<float> filterbank;         // (bands x frames) column-major: frame f is [f*bands, (f+1)*bands)
    int framesPerKey = 1;                  // r: key k covers frames [k*r, (k+1)*r)
    std::vector<std::string> outputs;      // (T) output tokens, UTF-8
    std::vector<float> attention;          // (T x K) row-major
    std::vector<std::pair<int, int>> gold; // (T or empty) per output [begin, end) frames; begin < 0: none
    std::vector<float> audio;              // (samples) mono in [-1, 1]; may be empty (features only)
    int sampleRate = 16000;
    double hopSeconds = 0.01; // frame f starts at f * hopSeconds
};

// K = ceil(frames / r) (0 for r < 1).
int speechKeyCount(const SpeechAlignment& alignment);

// Throws std::invalid_argument naming the field, the expected and the actual size when the shapes
// disagree (filterbank not bands x frames, attention not T x K, gold neither empty nor T), when r,
// the hop or (with audio) the sample rate is not positive. Gold spans past the frames are not an
// error: the views clip them.
void checkSpeechAlignment(const SpeechAlignment& alignment);

// The weight output t gave the key covering frame f.
inline float speechWeightAtFrame(const SpeechAlignment& alignment, int t, int frame) {
    const int K = speechKeyCount(alignment);
    return alignment.attention[size_t(t) * size_t(K) + size_t(frame / alignment.framesPerKey)];
}

} // namespace attnlab::ui
