#include "core/data/image/JpegCodec.h"

#include "core/data/image/ImageSize.h"
#include "core/util/MediaError.h"

#include <csetjmp>
#include <cstdio> // jpeglib.h needs FILE and size_t declared first
#include <jerror.h>
#include <jpeglib.h>

#include <vector>

namespace attnlab {
namespace {

// libjpeg's error manager, extended with where to jump back to and what went wrong. The callbacks
// below run inside libjpeg's C frames and hold nothing with a destructor.
struct JpegErrors {
    jpeg_error_mgr manager; // first, so libjpeg's pointer to it is a pointer to the whole
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    bool ranOut; // libjpeg hit the end of the data and would have padded the image with grey
};

JpegErrors& errorsOf(j_common_ptr info) {
    return *reinterpret_cast<JpegErrors*>(info->err);
}

// error_exit must not return: keep the message and jump back to the step that failed.
void onError(j_common_ptr info) {
    JpegErrors& errors = errorsOf(info);
    (*info->err->format_message)(info, errors.message);
    std::longjmp(errors.jump, 1);
}

// libjpeg treats a file that ends early as a warning and decodes grey in place of what is missing;
// AttnLab refuses the file instead. Other warnings (stray bytes between markers) are harmless.
void onMessage(j_common_ptr info, int level) {
    if (level < 0 && info->err->msg_code == JWRN_JPEG_EOF) errorsOf(info).ranOut = true;
}

class JpegReader {
public:
    JpegReader(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {
        m_info.err = jpeg_std_error(&m_errors.manager);
        m_errors.manager.error_exit = onError;
        m_errors.manager.emit_message = onMessage;
        m_errors.message[0] = '\0';
        m_errors.ranOut = false;
    }
    ~JpegReader() {
        if (m_created) jpeg_destroy_decompress(&m_info);
    }
    JpegReader(const JpegReader&) = delete;
    JpegReader& operator=(const JpegReader&) = delete;

    // Reads the markers up to the first scan and chooses the output colours.
    bool readHeader() {
        if (setjmp(m_errors.jump)) return false;
        jpeg_create_decompress(&m_info);
        m_created = true;
        jpeg_mem_src(&m_info, m_data, static_cast<unsigned long>(m_size));
        jpeg_read_header(&m_info, TRUE);
        // Grey and YCbCr come out as RGB from libjpeg-turbo itself; CMYK (Photoshop's) cannot.
        m_cmyk = m_info.jpeg_color_space == JCS_CMYK || m_info.jpeg_color_space == JCS_YCCK;
        m_info.out_color_space = m_cmyk ? JCS_CMYK : JCS_RGB;
        return true;
    }

    // `out` holds height x width x channels() bytes.
    bool readPixels(std::uint8_t* out) {
        if (setjmp(m_errors.jump)) return false;
        jpeg_start_decompress(&m_info);
        const std::size_t rowBytes = std::size_t(m_info.output_width) * m_info.output_components;
        while (m_info.output_scanline < m_info.output_height) {
            JSAMPROW row = out + std::size_t(m_info.output_scanline) * rowBytes;
            jpeg_read_scanlines(&m_info, &row, 1);
        }
        jpeg_finish_decompress(&m_info);
        return true;
    }

    std::uint32_t width() const { return m_info.image_width; }
    std::uint32_t height() const { return m_info.image_height; }
    int channels() const { return m_cmyk ? 4 : 3; }
    bool cmyk() const { return m_cmyk; }
    // Adobe's CMYK JPEGs store the inks inverted (255 = no ink); libjpeg leaves them as stored.
    bool invertedInks() const { return m_info.saw_Adobe_marker; }
    bool ranOut() const { return m_errors.ranOut; }
    const char* message() const { return m_errors.message; }

private:
    jpeg_decompress_struct m_info{};
    JpegErrors m_errors{};
    const std::uint8_t* m_data;
    std::size_t m_size;
    bool m_created = false;
    bool m_cmyk = false;
};

[[noreturn]] void fail(const JpegReader& reader, const std::string& file) {
    if (reader.ranOut()) throw MediaError(file, "the JPEG image is truncated (the file ends early)");
    throw MediaError(file, std::string("the JPEG image is corrupt: ") + reader.message());
}

} // namespace

bool looksLikeJpeg(const std::uint8_t* data, std::size_t size) {
    return size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
}

Image decodeJpeg(const std::uint8_t* data, std::size_t size, const std::string& file) {
    JpegReader reader(data, size);
    if (!reader.readHeader()) fail(reader, file);
    checkImageSize(reader.width(), reader.height(), file);

    const std::size_t count = std::size_t(reader.width()) * reader.height();
    std::vector<std::uint8_t> decoded(count * reader.channels()); // (H x W x 3|4)
    if (!reader.readPixels(decoded.data()) || reader.ranOut()) fail(reader, file);

    Image image;
    image.width = static_cast<int>(reader.width());
    image.height = static_cast<int>(reader.height());
    if (!reader.cmyk()) {
        image.pixels = std::move(decoded);
        return image;
    }
    // The naive ink model, as viewers without a colour profile use: R = (1 − C)(1 − K), ...
    image.pixels.resize(count * 3);
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t* ink = &decoded[i * 4];
        const unsigned black = reader.invertedInks() ? ink[3] : 255 - ink[3];
        for (int c = 0; c < 3; ++c) {
            const unsigned paper = reader.invertedInks() ? ink[c] : 255 - ink[c];
            image.pixels[i * 3 + c] = static_cast<std::uint8_t>((paper * black + 127) / 255);
        }
    }
    return image;
}

} // namespace attnlab
