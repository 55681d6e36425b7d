#pragma once
// Sample-rate conversion with libsamplerate's band-limited sinc converter, SRC_SINC_MEDIUM_QUALITY
// (121 dB signal-to-noise ratio, 90% bandwidth, by its documentation): the one used for every
// file read and every synthesised utterance.
#include <cstddef>
#include <vector>

namespace attnlab {

// The length a signal of `samples` samples has at `toRate`: round(samples * toRate / fromRate).
std::size_t resampledLength(std::size_t samples, int fromRate, int toRate);

// `input` (N) at fromRate as resampledLength(N) samples at toRate, clamped to [-1, 1] (the sinc
// filter can overshoot a full-scale edge). Rates equal: a copy. Throws std::invalid_argument for
// a rate outside 1..1,000,000 Hz or a ratio libsamplerate refuses (over 256 either way), and
// std::runtime_error with libsamplerate's reason if the conversion fails.
std::vector<float> resample(const std::vector<float>& input, int fromRate, int toRate);

} // namespace attnlab
