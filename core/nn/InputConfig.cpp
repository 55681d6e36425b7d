#include "core/nn/InputConfig.h"

#include <algorithm>
#include <stdexcept>

namespace attnlab {

namespace {
void requireRange(double value, double low, double high, const char* field) {
    if (!(value >= low && value <= high))
        throw std::invalid_argument(std::string(field) + " must be in [" + std::to_string(low) + ", " +
                                    std::to_string(high) + "], got " + std::to_string(value));
}
} // namespace

int InputConfig::featureSize() const {
    switch (kind) {
    case InputKind::Frames:
        return melBands;
    case InputKind::Image:
        return patch * patch * imageChannels;
    case InputKind::Tokens:
        break;
    }
    return 0;
}

void InputConfig::validate() const {
    if (kind == InputKind::Frames) {
        requireRange(sampleRate, 8000, 192000, "sample rate");
        requireRange(melBands, 1, 512, "mel bands");
        requireRange(windowMs, 1, 1000, "window (ms)");
        requireRange(hopMs, 1, 1000, "hop (ms)");
        requireRange(frameReduction, 0, 4, "frame reduction");
    } else if (kind == InputKind::Image) {
        requireRange(patch, 1, 256, "patch size");
        requireRange(imageWidth, patch, 4096, "image width");
        requireRange(imageHeight, patch, 4096, "image height");
        if (imageChannels != 3)
            throw std::invalid_argument("images have 3 channels (RGB), got " + std::to_string(imageChannels));
        if (imageWidth % patch != 0 || imageHeight % patch != 0)
            throw std::invalid_argument("the image size " + std::to_string(imageWidth) + " x " +
                                        std::to_string(imageHeight) +
                                        " is not a multiple of the patch size " + std::to_string(patch));
    }
}

Alignment keyAlignment(const Alignment& gold, const InputConfig& input) {
    const int r = input.positionsPerKey();
    if (r == 1) return gold;
    Alignment keys;
    keys.reserve(gold.size());
    for (AlignmentLink link : gold) {
        link.source /= r;
        keys.push_back(link);
    }
    std::sort(keys.begin(), keys.end());
    Alignment merged;
    for (const AlignmentLink& link : keys) {
        if (!merged.empty() && merged.back().source == link.source && merged.back().target == link.target) {
            merged.back().sure = merged.back().sure || link.sure;
            continue;
        }
        merged.push_back(link);
    }
    return merged;
}

std::string inputKindName(InputKind kind) {
    switch (kind) {
    case InputKind::Frames:
        return "frames";
    case InputKind::Image:
        return "image";
    case InputKind::Tokens:
        break;
    }
    return "tokens";
}

InputKind parseInputKind(const std::string& name) {
    if (name == "tokens") return InputKind::Tokens;
    if (name == "frames") return InputKind::Frames;
    if (name == "image") return InputKind::Image;
    throw std::invalid_argument("unknown input '" + name + "' (expected one of: tokens, frames, image)");
}

} // namespace attnlab
