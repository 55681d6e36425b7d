#include "core/data/MediaFeatures.h"

#include "core/data/audio/LogMelFilterbank.h"
#include "core/data/image/ImageFile.h"
#include "core/data/image/ImagePatches.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace attnlab {

SourceFeatures audioFeatures(const Waveform& audio, const InputConfig& input) {
    if (audio.sampleRate != input.sampleRate)
        throw std::invalid_argument("audio at " + std::to_string(audio.sampleRate) +
                                    " Hz for a model reading " + std::to_string(input.sampleRate) + " Hz");
    if (audio.samples.empty()) throw std::invalid_argument("the audio has no samples");
    FilterbankSettings settings;
    settings.sampleRate = input.sampleRate;
    settings.bands = input.melBands;
    settings.windowMs = input.windowMs;
    settings.hopMs = input.hopMs;
    const LogMelFilterbank filterbank(settings);
    SourceFeatures features;
    features.values = filterbank.compute(audio);
    features.rows = input.melBands;
    features.columns = static_cast<int>(features.values.size() / input.melBands);
    // Per band over the utterance: mean 0, variance 1 (a silent band keeps variance 0 -> 0).
    for (int b = 0; b < features.rows; ++b) {
        double sum = 0, squares = 0;
        for (int f = 0; f < features.columns; ++f) {
            const double v = features.values[static_cast<std::size_t>(f) * features.rows + b];
            sum += v;
            squares += v * v;
        }
        const double mean = sum / features.columns;
        const double variance = std::max(0.0, squares / features.columns - mean * mean);
        const double scale = variance > 1e-8 ? 1.0 / std::sqrt(variance) : 0.0;
        for (int f = 0; f < features.columns; ++f) {
            float& v = features.values[static_cast<std::size_t>(f) * features.rows + b];
            v = static_cast<float>((v - mean) * scale);
        }
    }
    return features;
}

Image modelImage(const Image& image, const InputConfig& input) {
    if (image.width == input.imageWidth && image.height == input.imageHeight) return image;
    return resizeImage(image, input.imageWidth, input.imageHeight);
}

SourceFeatures imageFeatures(const Image& image, const InputConfig& input) {
    if (image.width != input.imageWidth || image.height != input.imageHeight)
        throw std::invalid_argument("imageFeatures: the image is " + std::to_string(image.width) + " x " +
                                    std::to_string(image.height) + ", the model reads " +
                                    std::to_string(input.imageWidth) + " x " +
                                    std::to_string(input.imageHeight));
    SourceFeatures features;
    features.values = imagePatches(image, input.patch);
    for (float& v : features.values) v = (v - 0.5f) / 0.25f;
    features.rows = input.featureSize();
    features.columns = input.gridCells();
    return features;
}

SourceMedia audioMedia(const Waveform& audio, std::string file) {
    SourceMedia media;
    media.file = std::move(file);
    media.sampleRate = audio.sampleRate;
    media.audio.reserve(audio.samples.size());
    for (float s : audio.samples)
        media.audio.push_back(
            static_cast<std::int16_t>(std::lround(std::clamp(s, -1.0f, 32767.0f / 32768.0f) * 32768.0f)));
    return media;
}

} // namespace attnlab
