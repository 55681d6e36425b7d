#pragma once
// A mono recording as the speech front end takes it: samples in [-1, 1] at sampleRate Hz.
#include <vector>

namespace attnlab {

struct Waveform {
    int sampleRate = 16000;
    std::vector<float> samples; // (N): N = seconds * sampleRate, one channel
};

} // namespace attnlab
