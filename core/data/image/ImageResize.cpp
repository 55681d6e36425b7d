// resizeImage (declared in ImageFile.h): two separable passes, x then y, in double precision, with
// one rounding at the end.
#include "core/data/image/ImageFile.h"
#include "core/data/image/ImageSize.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace attnlab {
namespace {

struct Tap {
    int source;    // index along the axis in the input
    double weight; // the taps of one output index sum to 1
};

// The taps of every output index along one axis of `in` samples resampled to `out`.
std::vector<std::vector<Tap>> axisTaps(int in, int out) {
    std::vector<std::vector<Tap>> taps(static_cast<std::size_t>(out));
    const double scale = double(in) / out; // input samples per output sample
    for (int i = 0; i < out; ++i) {
        if (in == out) {
            taps[i] = {{i, 1.0}};
        } else if (in > out) {
            // Area: output i covers [i·scale, (i+1)·scale) of the input; each input sample weighs
            // the length of its overlap with that span.
            const double start = i * scale, end = (i + 1) * scale;
            for (int j = static_cast<int>(std::floor(start));
                 j < std::min(in, static_cast<int>(std::ceil(end))); ++j) {
                const double overlap = std::min(end, j + 1.0) - std::max(start, double(j));
                if (overlap > 0) taps[i].push_back({j, overlap / scale});
            }
        } else {
            // Bilinear with pixel centres aligned: output centre i + ½ sits at input (i + ½)·scale;
            // beyond the outer centres the edge sample repeats.
            const double at = std::clamp((i + 0.5) * scale - 0.5, 0.0, double(in - 1));
            const int j = static_cast<int>(std::floor(at));
            const double f = at - j;
            taps[i] = {{j, 1.0 - f}};
            if (f > 0) taps[i].push_back({std::min(j + 1, in - 1), f});
        }
    }
    return taps;
}

} // namespace

Image resizeImage(const Image& image, int width, int height) {
    checkImageShape(image, "resizeImage");
    if (width <= 0 || height <= 0 || width > MaxImageSide || height > MaxImageSide)
        throw std::invalid_argument("resizeImage: the new size must be 1.." + std::to_string(MaxImageSide) +
                                    " on each side, not " + std::to_string(width) + " x " +
                                    std::to_string(height));
    const int channels = image.channels;
    const auto xTaps = axisTaps(image.width, width);
    const auto yTaps = axisTaps(image.height, height);

    std::vector<double> rows(std::size_t(image.height) * width * channels); // (H_in x W x C): x resampled
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < width; ++x)
            for (const Tap& tap : xTaps[x]) {
                const std::uint8_t* in =
                    &image.pixels[(std::size_t(y) * image.width + tap.source) * channels];
                double* out = &rows[(std::size_t(y) * width + x) * channels];
                for (int c = 0; c < channels; ++c) out[c] += tap.weight * in[c];
            }

    Image resized;
    resized.width = width;
    resized.height = height;
    resized.channels = channels;
    resized.pixels.resize(std::size_t(height) * width * channels); // (H x W x C)
    std::vector<double> sum(static_cast<std::size_t>(channels));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::fill(sum.begin(), sum.end(), 0.0);
            for (const Tap& tap : yTaps[y]) {
                const double* in = &rows[(std::size_t(tap.source) * width + x) * channels];
                for (int c = 0; c < channels; ++c) sum[c] += tap.weight * in[c];
            }
            // Halves round up; the nudge keeps 2.5 computed as 2.4999... from rounding down.
            for (int c = 0; c < channels; ++c)
                resized.pixels[(std::size_t(y) * width + x) * channels + c] =
                    static_cast<std::uint8_t>(std::clamp(std::floor(sum[c] + 0.5 + 1e-9), 0.0, 255.0));
        }
    return resized;
}

} // namespace attnlab
