#pragma once
// A sentence's attention through training as files: each snapshot drawn as the window draws the
// heatmap (the chosen colour map, the gold links), under a caption with its step, epoch and loss.
#include "core/train/AttentionHistory.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <vector>

namespace attnlab::ui {

inline constexpr QSize kGifFrameSize{560, 520};
inline constexpr QSize kStripFrameSize{340, 340};
inline constexpr int kStripFrames = 8;
inline constexpr int kGifFrameDelayMs = 150;
inline constexpr int kGifLastFrameDelayMs = 2000; // the final alignment rests before the loop

// Snapshot `index` of the track as an image of `size` (caption included).
QImage renderHistoryFrame(const AttentionTrack& track, int index, QSize size);
// Up to `count` snapshot indices spread evenly, the first and last always among them.
std::vector<int> stripIndices(int frames, int count);
// Every snapshot, looping (giflib).
bool writeHistoryGif(const AttentionTrack& track, const QString& path, QString* error = nullptr);
// kStripFrames snapshots side by side in one PNG, written atomically.
bool writeHistoryStrip(const AttentionTrack& track, const QString& path, QString* error = nullptr);

} // namespace attnlab::ui
