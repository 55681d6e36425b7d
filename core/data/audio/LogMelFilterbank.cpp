// B bands, W window samples, R hop samples, N FFT size, F frames.
#include "core/data/audio/LogMelFilterbank.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numbers>
#include <stdexcept>
#include <string>

namespace attnlab {
namespace {

constexpr double EnergyFloor = 1e-10; // log(energy) of silence, before the log

// FFTW's planner (creating and destroying plans) is not thread-safe; executing a plan is. Every
// plan AttnLab makes goes through this lock.
std::mutex& fftwPlannerLock() {
    static std::mutex lock;
    return lock;
}

double hzToMel(double hz) {
    return 2595.0 * std::log10(1.0 + hz / 700.0);
}
double melToHz(double mel) {
    return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0);
}

int toSamples(double ms, int rate) {
    return static_cast<int>(std::lround(ms * rate / 1000.0));
}

struct FftwFree {
    void operator()(void* p) const { fftwf_free(p); }
};
using RealBuffer = std::unique_ptr<float[], FftwFree>;
using ComplexBuffer = std::unique_ptr<fftwf_complex[], FftwFree>;

RealBuffer allocReal(int n) {
    return RealBuffer(fftwf_alloc_real(static_cast<std::size_t>(n)));
}
ComplexBuffer allocComplex(int n) {
    return ComplexBuffer(fftwf_alloc_complex(static_cast<std::size_t>(n)));
}

} // namespace

struct LogMelFilterbank::Plan {
    explicit Plan(int n) {
        // FFTW_ESTIMATE picks the algorithm without timing trial runs, so the plan, and with it
        // every result, is the same on every run; arrays from fftwf_alloc_* have the alignment
        // compute()'s own arrays will have, as fftwf_execute_dft_r2c requires.
        RealBuffer in = allocReal(n);
        ComplexBuffer out = allocComplex(n / 2 + 1);
        std::lock_guard lock(fftwPlannerLock());
        plan = fftwf_plan_dft_r2c_1d(n, in.get(), out.get(), FFTW_ESTIMATE);
        if (!plan)
            throw std::runtime_error("LogMelFilterbank: FFTW cannot plan a " + std::to_string(n) +
                                     "-point FFT");
    }
    ~Plan() {
        std::lock_guard lock(fftwPlannerLock());
        fftwf_destroy_plan(plan);
    }
    Plan(const Plan&) = delete;
    Plan& operator=(const Plan&) = delete;

    fftwf_plan plan = nullptr;
};

LogMelFilterbank::LogMelFilterbank(FilterbankSettings settings) : m_settings(settings) {
    const auto fail = [](const std::string& why) { throw std::invalid_argument("LogMelFilterbank: " + why); };
    const int rate = settings.sampleRate;
    if (rate <= 0) fail("the sample rate must be positive, not " + std::to_string(rate));
    if (settings.bands <= 0) fail("the band count must be positive, not " + std::to_string(settings.bands));
    if (!(settings.windowMs > 0) || !(settings.hopMs > 0)) fail("the window and the hop must be positive");
    const double nyquist = rate / 2.0;
    const double highHz = settings.highHz == 0 ? nyquist : settings.highHz;
    if (!(settings.lowHz >= 0 && settings.lowHz < highHz && highHz <= nyquist))
        fail("the filters must lie in 0 <= low < high <= " + std::to_string(nyquist) + " Hz (low " +
             std::to_string(settings.lowHz) + ", high " + std::to_string(highHz) + ")");
    m_window = toSamples(settings.windowMs, rate);
    m_hop = toSamples(settings.hopMs, rate);
    if (m_window < 2) fail("the window must hold at least 2 samples, not " + std::to_string(m_window));
    if (m_hop < 1) fail("the hop must be at least 1 sample");
    m_fftSize = 1;
    while (m_fftSize < m_window) m_fftSize *= 2;

    m_hann.resize(static_cast<std::size_t>(m_window));
    for (int i = 0; i < m_window; ++i)
        m_hann[static_cast<std::size_t>(i)] =
            static_cast<float>(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / m_window));

    const double lowMel = hzToMel(settings.lowHz), highMel = hzToMel(highHz);
    const int bands = settings.bands;
    m_melPoints.resize(static_cast<std::size_t>(bands + 2));
    for (int i = 0; i < bands + 2; ++i)
        m_melPoints[static_cast<std::size_t>(i)] = lowMel + (highMel - lowMel) * i / (bands + 1);
    const int bins = m_fftSize / 2 + 1;
    m_filters.resize(static_cast<std::size_t>(bands));
    for (int b = 0; b < bands; ++b) {
        const double left = m_melPoints[static_cast<std::size_t>(b)];
        const double peak = m_melPoints[static_cast<std::size_t>(b + 1)];
        const double right = m_melPoints[static_cast<std::size_t>(b + 2)];
        Filter& filter = m_filters[static_cast<std::size_t>(b)];
        filter.firstBin = -1;
        for (int k = 0; k < bins; ++k) {
            const double mel = hzToMel(static_cast<double>(k) * rate / m_fftSize);
            double weight = 0;
            if (mel > left && mel <= peak)
                weight = (mel - left) / (peak - left);
            else if (mel > peak && mel < right)
                weight = (right - mel) / (right - peak);
            if (weight <= 0) continue;
            if (filter.firstBin < 0) filter.firstBin = k;
            filter.weights.resize(static_cast<std::size_t>(k - filter.firstBin + 1), 0.0f);
            filter.weights.back() = static_cast<float>(weight);
        }
        if (filter.firstBin < 0)
            fail("filter " + std::to_string(b) + " (" + std::to_string(melToHz(left)) + " to " +
                 std::to_string(melToHz(right)) +
                 " Hz) covers no FFT bin: use fewer bands or a longer window");
    }
    m_plan = std::make_shared<const Plan>(m_fftSize);
}

int LogMelFilterbank::frameCount(std::size_t samples) const {
    if (samples == 0) return 0;
    const auto window = static_cast<std::size_t>(m_window), hop = static_cast<std::size_t>(m_hop);
    if (samples <= window) return 1;
    return static_cast<int>(1 + (samples - window + hop - 1) / hop);
}

std::vector<float> LogMelFilterbank::compute(const Waveform& audio) const {
    if (audio.sampleRate != m_settings.sampleRate)
        throw std::invalid_argument("LogMelFilterbank: the audio is at " + std::to_string(audio.sampleRate) +
                                    " Hz, the filterbank expects " + std::to_string(m_settings.sampleRate) +
                                    " Hz");
    const std::size_t n = audio.samples.size();
    const int frames = frameCount(n);
    const int bands = m_settings.bands;
    std::vector<float> features(static_cast<std::size_t>(bands) *
                                static_cast<std::size_t>(frames)); // (B x F)
    RealBuffer frame = allocReal(m_fftSize);                       // (N) windowed samples, zero-padded
    ComplexBuffer spectrum = allocComplex(m_fftSize / 2 + 1);      // (N/2 + 1)
    std::vector<float> power(static_cast<std::size_t>(m_fftSize / 2 + 1)); // (N/2 + 1) |X[k]|^2
    for (int f = 0; f < frames; ++f) {
        const std::size_t start = frameStart(f);
        const std::size_t available = std::min<std::size_t>(static_cast<std::size_t>(m_window), n - start);
        std::fill(frame.get(), frame.get() + m_fftSize, 0.0f);
        for (std::size_t i = 0; i < available; ++i) frame[i] = audio.samples[start + i] * m_hann[i];
        fftwf_execute_dft_r2c(m_plan->plan, frame.get(), spectrum.get());
        for (std::size_t k = 0; k < power.size(); ++k)
            power[k] = spectrum[k][0] * spectrum[k][0] + spectrum[k][1] * spectrum[k][1];
        float* column = features.data() + static_cast<std::size_t>(f) * static_cast<std::size_t>(bands);
        for (int b = 0; b < bands; ++b) {
            const Filter& filter = m_filters[static_cast<std::size_t>(b)];
            double energy = 0; // double: a band sums up to N/2 products
            for (std::size_t i = 0; i < filter.weights.size(); ++i)
                energy += static_cast<double>(filter.weights[i]) *
                          power[static_cast<std::size_t>(filter.firstBin) + i];
            column[b] = static_cast<float>(std::log(std::max(energy, EnergyFloor)));
        }
    }
    return features;
}

std::vector<double> LogMelFilterbank::bandCentresHz() const {
    std::vector<double> centres;
    for (std::size_t b = 1; b + 1 < m_melPoints.size(); ++b) centres.push_back(melToHz(m_melPoints[b]));
    return centres;
}

} // namespace attnlab
