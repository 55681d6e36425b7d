#include "ui/history/GifWriter.h"

#include "core/util/AtomicFile.h"
#include "core/util/FileError.h"

#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace attnlab::ui {

namespace {
// giflib writes through this callback into a string: the bytes reach the file in one atomic write.
int appendBytes(GifFileType* gif, const GifByteType* bytes, int length) {
    static_cast<std::string*>(gif->UserData)->append(reinterpret_cast<const char*>(bytes), size_t(length));
    return length;
}

QString gifProblem(int code) {
    const char* text = GifErrorString(code);
    return text ? QString::fromUtf8(text) : QStringLiteral("giflib error %1").arg(code);
}

// Netscape's application extension: loop count 0, for ever.
bool putLoopForever(GifFileType* gif) {
    static const char kApplication[] = "NETSCAPE2.0";
    static const GifByteType kLoop[3] = {1, 0, 0};
    return EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_OK &&
           EGifPutExtensionBlock(gif, 11, kApplication) == GIF_OK &&
           EGifPutExtensionBlock(gif, 3, kLoop) == GIF_OK && EGifPutExtensionTrailer(gif) == GIF_OK;
}

bool putFrame(GifFileType* gif, const GifFrame& frame) {
    const QImage image = frame.image.convertToFormat(QImage::Format_RGB888);
    const int width = image.width();
    const int height = image.height();
    const auto pixels = static_cast<size_t>(width) * static_cast<size_t>(height);
    std::vector<GifByteType> red(pixels), green(pixels), blue(pixels), indices(pixels);
    for (int y = 0; y < height; ++y) {
        const uchar* line = image.constScanLine(y);
        for (int x = 0; x < width; ++x) {
            const size_t i = size_t(y) * size_t(width) + size_t(x);
            red[i] = line[3 * x];
            green[i] = line[3 * x + 1];
            blue[i] = line[3 * x + 2];
        }
    }
    GifColorType colours[256] = {};
    int colourCount = 256;
    if (GifQuantizeBuffer(unsigned(width), unsigned(height), &colourCount, red.data(), green.data(),
                          blue.data(), indices.data(), colours) != GIF_OK)
        return false;
    ColorMapObject* map = GifMakeMapObject(256, colours); // a power of two; unused entries stay black
    if (!map) return false;
    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.DelayTime = std::max(2, frame.delayMs / 10);
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    EGifGCBToExtension(&control, extension);
    bool ok = EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, extension) == GIF_OK &&
              EGifPutImageDesc(gif, 0, 0, width, height, false, map) == GIF_OK;
    for (int y = 0; ok && y < height; ++y)
        ok = EGifPutLine(gif, indices.data() + size_t(y) * size_t(width), width) == GIF_OK;
    GifFreeMapObject(map);
    return ok;
}
} // namespace

bool writeAnimatedGif(int count, const std::function<GifFrame(int)>& frameAt, const QString& path,
                      QString* error) {
    const auto fail = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (count <= 0) return fail(QStringLiteral("there are no frames"));
    GifFrame frame = frameAt(0);
    const QSize size = frame.image.size();
    if (size.isEmpty()) return fail(QStringLiteral("the frames are empty"));

    std::string bytes;
    int code = 0;
    GifFileType* gif = EGifOpen(&bytes, appendBytes, &code);
    if (!gif) return fail(gifProblem(code));
    EGifSetGifVersion(gif, true); // GIF89a: delays and looping
    bool ok =
        EGifPutScreenDesc(gif, size.width(), size.height(), 8, 0, nullptr) == GIF_OK && putLoopForever(gif);
    bool sameSize = true;
    for (int i = 0; ok && i < count; ++i) {
        if (i > 0) frame = frameAt(i);
        sameSize = frame.image.size() == size;
        ok = sameSize && putFrame(gif, frame);
    }
    const int lastError = gif->Error;
    if (EGifCloseFile(gif, &code) != GIF_OK && ok) return fail(gifProblem(code));
    if (!sameSize) return fail(QStringLiteral("the frames differ in size"));
    if (!ok) return fail(gifProblem(lastError));
    try {
        writeFileAtomically(path.toStdString(), bytes);
    } catch (const FileWriteError& e) {
        return fail(QString::fromStdString(e.problem()));
    }
    return true;
}

} // namespace attnlab::ui
