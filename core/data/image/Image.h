#pragma once
// A picture as AttnLab's image front end sees it: 8-bit samples, no colour management.
#include <cstdint>
#include <vector>

namespace attnlab {

struct Image {
    int width = 0, height = 0, channels = 3;
    std::vector<std::uint8_t> pixels; // (height x width x channels) row-major: (y, x, c); RGB when 3

    friend bool operator==(const Image&, const Image&) = default;
};

} // namespace attnlab
