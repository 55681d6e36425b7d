#include "core/data/audio/Resampler.h"

#include <samplerate.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace attnlab {

std::size_t resampledLength(std::size_t samples, int fromRate, int toRate) {
    return static_cast<std::size_t>(std::llround(static_cast<double>(samples) * toRate / fromRate));
}

std::vector<float> resample(const std::vector<float>& input, int fromRate, int toRate) {
    if (fromRate <= 0 || toRate <= 0 || fromRate > 1000000 || toRate > 1000000)
        throw std::invalid_argument("resample: rates " + std::to_string(fromRate) + " Hz -> " +
                                    std::to_string(toRate) + " Hz are not in 1..1000000 Hz");
    if (fromRate == toRate || input.empty()) return input;
    const double ratio = static_cast<double>(toRate) / fromRate;
    if (!src_is_valid_ratio(ratio))
        throw std::invalid_argument("resample: libsamplerate cannot convert " + std::to_string(fromRate) +
                                    " Hz to " + std::to_string(toRate) + " Hz (ratio over 256)");
    const std::size_t wanted = resampledLength(input.size(), fromRate, toRate);
    // libsamplerate may stop a sample or two short of input * ratio; the room it gets is larger,
    // and the result is cut or zero-extended to exactly `wanted` so lengths are predictable.
    std::vector<float> output(wanted + 16);
    SRC_DATA data{};
    data.data_in = input.data();
    data.input_frames = static_cast<long>(input.size());
    data.data_out = output.data();
    data.output_frames = static_cast<long>(output.size());
    data.src_ratio = ratio;
    if (const int error = src_simple(&data, SRC_SINC_MEDIUM_QUALITY, 1); error != 0)
        throw std::runtime_error(std::string("resample: libsamplerate failed: ") + src_strerror(error));
    output.resize(static_cast<std::size_t>(data.output_frames_gen));
    output.resize(wanted, 0.0f);
    for (float& x : output) x = std::clamp(x, -1.0f, 1.0f);
    return output;
}

} // namespace attnlab
