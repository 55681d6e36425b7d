#pragma once
// The control under a heatmap that moves through a sentence's attention history: a slider over its
// snapshots (step, epoch and loss of the one shown), Play to animate them from the first, Live to
// go back to the current model, and Export (an animated GIF or a PNG strip). While Live the
// heatmap's owner shows the current model's decoding and the slider follows the newest snapshot;
// once moved, it stays on the snapshot chosen as new ones arrive.
#include "core/train/AttentionHistory.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QSlider;
class QToolButton;

namespace attnlab::ui {

class HistoryScrubber : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPlayIntervalMs = 120; // about 8 snapshots a second

    explicit HistoryScrubber(QWidget* parent = nullptr);

    // The sentence's history (copied); null or empty: nothing to scrub (the controls disable).
    // The same sentence again (new snapshots) keeps the position; another one goes Live. The owner
    // draws what follows itself: only a person's moves (and Play) emit frameChanged.
    void setTrack(const AttentionTrack* track);
    const AttentionTrack& track() const { return m_track; }

    bool isLive() const { return m_live; }
    bool isPlaying() const { return m_playTimer.isActive(); }
    int frameIndex() const;                     // the snapshot shown; -1 while Live
    const AttentionFrame* currentFrame() const; // null while Live
    int frameCount() const { return static_cast<int>(m_track.frames.size()); }
    QString infoText() const; // the line under the slider

    void showFrame(int index); // leaves Live
    void goLive();
    void play(); // from the first snapshot, or on from the one shown
    void stopPlaying();

Q_SIGNALS:
    void frameChanged(); // the owner shows currentFrame(), or the live model when null
    // The training step of the snapshot shown (for the loss curve's marker); nullopt when Live.
    void stepShown(std::optional<long long> step);

private:
    void buildUi();
    void advance();
    void updateControls();
    void exportGif();
    void exportStrip();

    QToolButton* m_playButton = nullptr;
    QSlider* m_slider = nullptr;
    QToolButton* m_liveButton = nullptr;
    QToolButton* m_exportButton = nullptr;
    QLabel* m_info = nullptr;
    QTimer m_playTimer;
    AttentionTrack m_track;
    bool m_live = true;
};

} // namespace attnlab::ui
