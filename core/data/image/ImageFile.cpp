#include "core/data/image/ImageFile.h"

#include "core/data/image/ImageSize.h"
#include "core/data/image/JpegCodec.h"
#include "core/data/image/PngCodec.h"
#include "core/util/AtomicFile.h"
#include "core/util/MediaError.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace attnlab {
namespace {

// Closes the descriptor on every path out.
class Descriptor {
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

std::vector<std::uint8_t> readWholeFile(const std::string& path) {
    const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) throw MediaError(path, "cannot open the file: " + describeSystemError(errno));
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0)
        throw MediaError(path, "cannot read the file: " + describeSystemError(errno));
    if (S_ISDIR(info.st_mode)) throw MediaError(path, "is a directory, not an image file");

    std::vector<std::uint8_t> bytes;
    // The size is a hint only: a pipe or a file that grows is read to its end all the same.
    bytes.reserve(S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0);
    std::uint8_t chunk[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw MediaError(path, "cannot read the file: " + describeSystemError(errno));
        if (n == 0) break;
        bytes.insert(bytes.end(), chunk, chunk + n);
    }
    return bytes;
}

bool startsWith(const std::vector<std::uint8_t>& bytes, std::string_view prefix, std::size_t at = 0) {
    return bytes.size() >= at + prefix.size() &&
           std::memcmp(bytes.data() + at, prefix.data(), prefix.size()) == 0;
}

// For the common formats AttnLab does not read, the message says what the file is, so the person
// knows what to convert.
std::string notAnImage(const std::vector<std::uint8_t>& bytes) {
    std::string reason = "not a PNG or JPEG image";
    if (startsWith(bytes, "GIF8")) return reason + " (it is a GIF image; convert it to PNG)";
    if (startsWith(bytes, "BM")) return reason + " (it looks like a BMP image; convert it to PNG)";
    if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8))
        return reason + " (it is a WebP image; convert it to PNG)";
    if (startsWith(bytes, "II*") || startsWith(bytes, std::string_view("MM\0*", 4)))
        return reason + " (it is a TIFF image; convert it to PNG)";
    return reason;
}

} // namespace

Image readImageFile(const std::string& path) {
    const std::vector<std::uint8_t> bytes = readWholeFile(path);
    if (bytes.empty()) throw MediaError(path, "the file is empty");
    if (looksLikePng(bytes.data(), bytes.size())) return decodePng(bytes.data(), bytes.size(), path);
    if (looksLikeJpeg(bytes.data(), bytes.size())) return decodeJpeg(bytes.data(), bytes.size(), path);
    throw MediaError(path, notAnImage(bytes));
}

void writePngFile(const std::string& path, const Image& image) {
    checkImageShape(image, "writePngFile");
    if (image.channels > 4)
        throw std::invalid_argument("writePngFile: a PNG holds 1 to 4 channels, not " +
                                    std::to_string(image.channels));
    writeFileAtomically(path, encodePng(image));
}

} // namespace attnlab
