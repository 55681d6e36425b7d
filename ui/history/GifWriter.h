#pragma once
// An animated GIF from images of one size, written with giflib (Debian's libgif): each frame is
// reduced to its own 256-colour map by giflib's quantiser, the animation loops forever, and the
// file is replaced atomically (a failed export leaves any earlier file as it was).
#include <QImage>
#include <QString>

#include <functional>

namespace attnlab::ui {

struct GifFrame {
    QImage image;
    int delayMs = 100; // how long it stays (GIF keeps hundredths of a second)
};

// `count` frames made one at a time by `frameAt` (only one is held in memory: 200 snapshots of
// 560 x 520 would take 230 MB at once), all of the first one's size. False with a reason when
// they differ in size or the file cannot be written.
bool writeAnimatedGif(int count, const std::function<GifFrame(int)>& frameAt, const QString& path,
                      QString* error = nullptr);

} // namespace attnlab::ui
