#include "core/data/image/PngCodec.h"

#include "core/data/image/ImageSize.h"
#include "core/util/MediaError.h"

#include <png.h>

#include <cstdio>
#include <cstring>
#include <new>
#include <stdexcept>
#include <vector>

namespace attnlab {
namespace {

// libpng calls these from inside its own C frames. They hold no C++ object with a destructor, so
// the longjmp of png_error (and of onError) skips nothing that needed to run.
struct PngMemory {
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
    std::size_t offset = 0;
    bool ranOut = false; // the file ended before libpng had what it needed
};

struct PngMessage {
    char text[200] = {};
};

void onError(png_structp png, png_const_charp message) {
    auto* out = static_cast<PngMessage*>(png_get_error_ptr(png));
    std::snprintf(out->text, sizeof out->text, "%s", message);
    png_longjmp(png, 1);
}

// Warnings (an odd colour profile, a bad CRC in an optional chunk) do not stop a picture being
// read; viewers show such files, so AttnLab reads them too.
void onWarning(png_structp, png_const_charp) {}

void readFromMemory(png_structp png, png_bytep out, png_size_t count) {
    auto* in = static_cast<PngMemory*>(png_get_io_ptr(png));
    if (count > in->size - in->offset) {
        in->ranOut = true;
        png_error(png, "the file ends early");
    }
    std::memcpy(out, in->data + in->offset, count);
    in->offset += count;
}

// Owns libpng's read structures; each step that can fail sets its own jump point and returns
// false instead of throwing through libpng.
class PngReader {
public:
    PngReader(const std::uint8_t* data, std::size_t size) {
        m_memory.data = data;
        m_memory.size = size;
        m_png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &m_message, onError, onWarning);
        if (m_png) m_info = png_create_info_struct(m_png);
        if (!m_png || !m_info) throw std::bad_alloc();
        png_set_read_fn(m_png, &m_memory, readFromMemory);
    }
    ~PngReader() { png_destroy_read_struct(&m_png, &m_info, nullptr); }
    PngReader(const PngReader&) = delete;
    PngReader& operator=(const PngReader&) = delete;

    // Reads the chunks up to the pixels and asks libpng for 8-bit RGB or RGBA rows.
    bool readHeader() {
        if (setjmp(png_jmpbuf(m_png))) return false;
        png_read_info(m_png, m_info);
        png_set_expand(m_png);      // palette -> RGB, grey below 8 bits -> 8, tRNS -> alpha
        png_set_scale_16(m_png);    // 16 -> 8 bits, rounded (not truncated)
        png_set_gray_to_rgb(m_png); // grey -> RGB
        png_set_interlace_handling(m_png);
        png_read_update_info(m_png, m_info);
        m_width = png_get_image_width(m_png, m_info);
        m_height = png_get_image_height(m_png, m_info);
        m_channels = png_get_channels(m_png, m_info);
        return true;
    }

    // `rows` holds height pointers to rows of width x channels bytes.
    bool readRows(png_bytepp rows) {
        if (setjmp(png_jmpbuf(m_png))) return false;
        png_read_image(m_png, rows);
        png_read_end(m_png, nullptr); // checks the chunks after the pixels, IEND included
        return true;
    }

    std::uint32_t width() const { return m_width; }
    std::uint32_t height() const { return m_height; }
    int channels() const { return m_channels; }
    std::size_t rowBytes() const { return png_get_rowbytes(m_png, m_info); }
    bool ranOut() const { return m_memory.ranOut; }
    const char* message() const { return m_message.text; }

private:
    png_structp m_png = nullptr;
    png_infop m_info = nullptr;
    PngMemory m_memory;
    PngMessage m_message;
    std::uint32_t m_width = 0, m_height = 0;
    int m_channels = 0;
};

[[noreturn]] void fail(const PngReader& reader, const std::string& file) {
    if (reader.ranOut()) throw MediaError(file, "the PNG image is truncated (the file ends early)");
    throw MediaError(file, std::string("the PNG image is corrupt: ") + reader.message());
}

// Appends libpng's output to a string; an allocation failure becomes png_error, as libpng expects
// of a write callback, instead of an exception crossing its C frames.
void writeToString(png_structp png, png_bytep data, png_size_t count) {
    auto* out = static_cast<std::string*>(png_get_io_ptr(png));
    try {
        out->append(reinterpret_cast<const char*>(data), count);
    } catch (const std::bad_alloc&) {
        png_error(png, "out of memory");
    }
}

void flushNothing(png_structp) {}

class PngWriter {
public:
    explicit PngWriter(std::string& out) {
        m_png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &m_message, onError, onWarning);
        if (m_png) m_info = png_create_info_struct(m_png);
        if (!m_png || !m_info) throw std::bad_alloc();
        png_set_write_fn(m_png, &out, writeToString, flushNothing);
    }
    ~PngWriter() { png_destroy_write_struct(&m_png, &m_info); }
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;

    bool write(const Image& image, png_bytepp rows) {
        if (setjmp(png_jmpbuf(m_png))) return false;
        static constexpr int ColourTypes[] = {PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA,
                                              PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGB_ALPHA};
        png_set_IHDR(m_png, m_info, static_cast<png_uint_32>(image.width),
                     static_cast<png_uint_32>(image.height), 8, ColourTypes[image.channels - 1],
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_write_info(m_png, m_info);
        png_write_image(m_png, rows);
        png_write_end(m_png, nullptr);
        return true;
    }

    const char* message() const { return m_message.text; }

private:
    png_structp m_png = nullptr;
    png_infop m_info = nullptr;
    PngMessage m_message;
};

} // namespace

bool looksLikePng(const std::uint8_t* data, std::size_t size) {
    return size >= 8 && png_sig_cmp(data, 0, 8) == 0;
}

Image decodePng(const std::uint8_t* data, std::size_t size, const std::string& file) {
    // The size first, from IHDR (always the first chunk): libpng would only call a zero width
    // "Invalid IHDR data", and a huge picture is refused before libpng reads any further.
    if (size >= 24 && std::memcmp(data + 12, "IHDR", 4) == 0) {
        const auto bigEndian = [&](std::size_t at) {
            return std::uint32_t(data[at]) << 24 | std::uint32_t(data[at + 1]) << 16 |
                   std::uint32_t(data[at + 2]) << 8 | data[at + 3];
        };
        checkImageSize(bigEndian(16), bigEndian(20), file);
    }
    PngReader reader(data, size);
    if (!reader.readHeader()) fail(reader, file);
    checkImageSize(reader.width(), reader.height(), file);
    const int channels = reader.channels(); // 3, or 4 with alpha
    if ((channels != 3 && channels != 4) || reader.rowBytes() != std::size_t(reader.width()) * channels)
        throw MediaError(file, "the PNG image has a layout AttnLab cannot convert to 8-bit RGB");

    std::vector<std::uint8_t> decoded(std::size_t(reader.height()) * reader.rowBytes()); // (H x W x 3|4)
    std::vector<png_bytep> rows(reader.height());
    for (std::size_t y = 0; y < rows.size(); ++y) rows[y] = decoded.data() + y * reader.rowBytes();
    if (!reader.readRows(rows.data())) fail(reader, file);

    Image image;
    image.width = static_cast<int>(reader.width());
    image.height = static_cast<int>(reader.height());
    if (channels == 3) {
        image.pixels = std::move(decoded);
        return image;
    }
    // Alpha over white, rounded: c·a/255 + 255·(1 − a/255).
    const std::size_t count = std::size_t(image.width) * image.height;
    image.pixels.resize(count * 3);
    for (std::size_t i = 0; i < count; ++i) {
        const unsigned alpha = decoded[i * 4 + 3];
        for (int c = 0; c < 3; ++c)
            image.pixels[i * 3 + c] =
                static_cast<std::uint8_t>((decoded[i * 4 + c] * alpha + 255 * (255 - alpha) + 127) / 255);
    }
    return image;
}

std::string encodePng(const Image& image) {
    const std::size_t rowBytes = std::size_t(image.width) * image.channels;
    std::vector<png_bytep> rows(static_cast<std::size_t>(image.height));
    // libpng's row type is not const, but writing only reads from it.
    auto* pixels = const_cast<std::uint8_t*>(image.pixels.data());
    for (std::size_t y = 0; y < rows.size(); ++y) rows[y] = pixels + y * rowBytes;
    std::string bytes;
    PngWriter writer(bytes);
    if (!writer.write(image, rows.data()))
        throw std::runtime_error(std::string("cannot encode the PNG image: ") + writer.message());
    return bytes;
}

} // namespace attnlab
