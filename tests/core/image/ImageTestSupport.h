#pragma once
// Shared by the image tests: images from literal samples and samples as QList, so QCOMPARE
// failures print the values.
#include "core/data/image/Image.h"

#include <QList>

#include <initializer_list>

namespace attnlab::test {

inline Image makeImage(int width, int height, int channels, std::initializer_list<int> samples) {
    Image image;
    image.width = width;
    image.height = height;
    image.channels = channels;
    for (int s : samples) image.pixels.push_back(static_cast<std::uint8_t>(s));
    return image;
}

inline QList<int> samples(const Image& image) {
    return QList<int>(image.pixels.begin(), image.pixels.end());
}

// The channels of pixel (x, y).
inline QList<int> pixelAt(const Image& image, int x, int y) {
    const auto* p = &image.pixels[(std::size_t(y) * image.width + x) * image.channels];
    return QList<int>(p, p + image.channels);
}

} // namespace attnlab::test
