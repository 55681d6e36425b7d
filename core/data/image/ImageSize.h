#pragma once
// Size checks shared by the image code (private to attnlab_image): the decoders' limit, checked
// before they allocate pixels, and the shape of an Image handed in.
#include "core/data/image/ImageFile.h"
#include "core/util/MediaError.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace attnlab {

inline void checkImageSize(std::uint64_t width, std::uint64_t height, const std::string& file) {
    const std::string size = std::to_string(width) + " x " + std::to_string(height);
    if (width == 0 || height == 0) throw MediaError(file, "the image has no pixels (" + size + ")");
    if (width > MaxImageSide || height > MaxImageSide) {
        const std::string limit = std::to_string(MaxImageSide);
        throw MediaError(file, "the image is " + size + " pixels, larger than the " + limit + " x " + limit +
                                   " AttnLab reads (scale it down first)");
    }
}

// For functions given an Image: its samples must fill width x height x channels.
inline void checkImageShape(const Image& image, const char* caller) {
    const std::size_t expected = std::size_t(std::max(image.width, 0)) *
                                 std::size_t(std::max(image.height, 0)) *
                                 std::size_t(std::max(image.channels, 0));
    if (image.width <= 0 || image.height <= 0 || image.channels <= 0 || image.pixels.size() != expected)
        throw std::invalid_argument(
            std::string(caller) + ": the image is " + std::to_string(image.width) + " x " +
            std::to_string(image.height) + " x " + std::to_string(image.channels) + ", which needs " +
            std::to_string(expected) + " samples, but it has " + std::to_string(image.pixels.size()));
}

} // namespace attnlab
