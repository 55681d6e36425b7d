#pragma once
// An animated GIF from images of one size, written with giflib (Debian's libgif): each frame is
// reduced to its own 256-colour map by giflib's quantiser, the animation loops forever, and the
// file is replaced atomically (a failed export leaves any earlier file as it was).
#include <QImage>
#include <QString>

#include <vector>

namespace attnlab::ui {

struct GifFrame {
    QImage image;
    int delayMs = 100; // how long it stays (GIF keeps hundredths of a second)
};

// All frames must have the first one's size. False with a reason when they do not or the file
// cannot be written.
bool writeAnimatedGif(const std::vector<GifFrame>& frames, const QString& path, QString* error = nullptr);

} // namespace attnlab::ui
