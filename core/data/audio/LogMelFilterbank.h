#pragma once
// Log-mel filterbank features, the speech front end's input: one column of `bands` log energies
// per 10 ms frame (by default). The exact convention, which tests/core/audio/log_mel_reference.py
// re-implements in NumPy:
//
//   W = round(windowMs * rate / 1000) samples per window, R = round(hopMs * rate / 1000) per hop,
//   N = the smallest power of two >= W (the FFT size).
//   Framing: frame f covers samples [f*R, f*R + W). There are frameCount(n) frames for n samples:
//     0 for n = 0, 1 for 0 < n <= W, else 1 + ceil((n - W) / R), so every sample is in a frame;
//     the part of the last frame past the end of the audio is zeros. No dither, no pre-emphasis,
//     no mean removal.
//   Window: periodic Hann, w[i] = 0.5 - 0.5 cos(2 pi i / W), i = 0..W-1; the W windowed samples
//     are followed by N - W zeros.
//   Spectrum: P[k] = |X[k]|^2, X = the real FFT of the frame (FFTW, unnormalised), k = 0..N/2.
//   Mel scale (HTK): mel(f) = 2595 log10(1 + f / 700).
//   Filters: bands + 2 points m_0..m_{B+1} evenly spaced in mel from mel(lowHz) to mel(highHz)
//     (highHz = 0 means rate / 2). Filter b (0-based) is a triangle over mel: at FFT bin k, with
//     m = mel(k * rate / N), weight (m - m_b) / (m_{b+1} - m_b) for m_b < m <= m_{b+1},
//     (m_{b+2} - m) / (m_{b+2} - m_{b+1}) for m_{b+1} < m < m_{b+2}, 0 elsewhere (HTK and Kaldi
//     draw them in mel too; not area-normalised).
//   Output: log(max(sum_k weight_b[k] P[k], 1e-10)), natural log.
//
// Result layout: a (bands x frames) matrix, column-major in a flat vector, so frame f is the
// contiguous column at [f * bands, (f + 1) * bands).
//
// A filterbank is cheap to copy (the FFTW plan is shared) and compute() may run on many threads
// at once: each call executes the plan on arrays of its own.
#include "core/data/audio/Waveform.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace attnlab {

struct FilterbankSettings {
    int sampleRate = 16000; // Hz; compute() refuses a waveform at another rate
    int bands = 40;         // mel filters B
    double windowMs = 25;   // analysis window length
    double hopMs = 10;      // frame step
    double lowHz = 20;      // lower edge of the lowest filter
    double highHz = 0;      // upper edge of the highest filter; 0 = sampleRate / 2
};

class LogMelFilterbank {
public:
    // Throws std::invalid_argument for settings that make no filterbank: a rate, band count,
    // window or hop that is not positive, edges outside 0 <= lowHz < highHz <= rate / 2, a window
    // under 2 samples, or a filter that covers no FFT bin (too many bands for the window).
    explicit LogMelFilterbank(FilterbankSettings settings);

    // Frames for `samples` samples (see the convention above).
    int frameCount(std::size_t samples) const;
    // (bands x frames) log energies, column-major (frame f = column f). Throws
    // std::invalid_argument if the waveform's rate is not settings().sampleRate.
    std::vector<float> compute(const Waveform& audio) const;

    const FilterbankSettings& settings() const { return m_settings; }
    int windowSamples() const { return m_window; }
    int hopSamples() const { return m_hop; }
    int fftSize() const { return m_fftSize; }
    // The first sample of frame f (f * hop); the frame's centre is frameStart(f) + window / 2.
    std::size_t frameStart(int frame) const {
        return static_cast<std::size_t>(frame) * static_cast<std::size_t>(m_hop);
    }
    // Each filter's peak frequency in Hz (B), for axis labels.
    std::vector<double> bandCentresHz() const;

private:
    struct Filter {
        int firstBin = 0;           // the lowest FFT bin with a non-zero weight
        std::vector<float> weights; // (bins covered): weight of bin firstBin + i
    };
    struct Plan; // the FFTW plan, destroyed under the planner lock

    FilterbankSettings m_settings;
    int m_window = 0;                // W samples
    int m_hop = 0;                   // R samples
    int m_fftSize = 0;               // N
    std::vector<float> m_hann;       // (W)
    std::vector<Filter> m_filters;   // (B)
    std::vector<double> m_melPoints; // (B + 2) filter edges and peaks in mel
    std::shared_ptr<const Plan> m_plan;
};

} // namespace attnlab
