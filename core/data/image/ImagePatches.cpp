#include "core/data/image/ImagePatches.h"

#include "core/data/image/ImageSize.h"

#include <stdexcept>

namespace attnlab {

std::vector<float> imagePatches(const Image& image, int patch) {
    checkImageShape(image, "imagePatches");
    if (patch <= 0 || image.width % patch != 0 || image.height % patch != 0)
        throw std::invalid_argument("imagePatches: the image is " + std::to_string(image.width) + " x " +
                                    std::to_string(image.height) + ", not a whole number of " +
                                    std::to_string(patch) + " x " + std::to_string(patch) + " patches");
    const int channels = image.channels;
    const int columns = image.width / patch, rows = image.height / patch;
    const std::size_t patchSize = std::size_t(patch) * patch * channels; // P·P·C, one column
    std::vector<float> out(patchSize * columns * rows);                  // (P·P·C x N) column-major
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            float* column = &out[(std::size_t(r) * columns + c) * patchSize];
            for (int y = 0; y < patch; ++y) {
                // One patch row is contiguous in the image: P·C samples.
                const std::uint8_t* in =
                    &image.pixels[((std::size_t(r) * patch + y) * image.width + std::size_t(c) * patch) *
                                  channels];
                for (int i = 0; i < patch * channels; ++i) *column++ = in[i] / 255.0f;
            }
        }
    return out;
}

} // namespace attnlab
