#pragma once
// Plays one utterance's audio from a chosen time, for the speech view: a Play/Stop button over a
// QAudioSink that reads 16-bit PCM from a QBuffer. A machine without an audio output (a server, a
// container, a test run offscreen) or an example without audio (features only) leaves the button
// disabled, its tooltip saying why; playing never starts there, so nothing can fail later.
// n: samples of the clip.
#include <QAudioDevice>
#include <QAudioFormat>
#include <QBuffer>
#include <QByteArray>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

class QAudioSink;
class QMediaDevices;
class QToolButton;

namespace attnlab::ui {

class AudioClipPlayer : public QWidget {
    Q_OBJECT
public:
    explicit AudioClipPlayer(QWidget* parent = nullptr);
    ~AudioClipPlayer() override;

    // samples (n): mono in [-1, 1] (clipped there) at sampleRate Hz; empty: no clip. Stops playback
    // and moves the start back to 0.
    void setClip(const std::vector<float>& samples, int sampleRate);
    void clearClip() { setClip({}, 0); }
    // The device to play on. Until this is called, the system's default output, followed as outputs
    // come and go; a null device (QAudioDevice()) means there is none.
    void setOutputDevice(const QAudioDevice& device);
    QAudioDevice outputDevice() const { return m_device; }

    // Where Play starts, clamped to the clip. While playing, playback jumps there.
    void setStartSeconds(double seconds);
    double startSeconds() const { return m_startSeconds; }
    double durationSeconds() const;
    int sampleRate() const { return m_format.sampleRate(); }

    bool canPlay() const { return m_unavailable.isEmpty(); }
    QString unavailableReason() const { return m_unavailable; } // empty when it can play
    bool isPlaying() const;
    // Where the sound is while playing; the start otherwise.
    double positionSeconds() const;

    QToolButton& button() const { return *m_button; }
    const QByteArray& pcm() const { return m_pcm; } // (n) 16-bit signed mono, the machine's byte order

public Q_SLOTS:
    void play(); // from startSeconds(); does nothing when !canPlay()
    void stop();
    void toggle();

Q_SIGNALS:
    void playingChanged(bool playing);
    void positionChanged(double seconds); // about every 30 ms while playing

private:
    void followDefaultOutput();
    void updateAvailability();
    void updateButton();
    void onStateChanged();

    QToolButton* m_button = nullptr;
    QMediaDevices* m_devices = nullptr;
    bool m_followDefault = true;
    QAudioDevice m_device;
    QAudioFormat m_format;
    QByteArray m_pcm; // (n) int16 samples
    QBuffer m_buffer; // reads m_pcm
    std::unique_ptr<QAudioSink> m_sink;
    double m_startSeconds = 0.0;
    double m_playedFrom = 0.0; // the start of the playback under way
    QString m_unavailable;
    QString m_lastError; // the sink's last failure, shown until the next clip or device
    QTimer m_positionTimer;
};

} // namespace attnlab::ui
