#include "ui/media/AudioClipPlayer.h"

#include <QAudioSink>
#include <QHBoxLayout>
#include <QMediaDevices>
#include <QStyle>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace attnlab::ui {

namespace {
constexpr int kBytesPerSample = 2; // 16-bit mono

QString errorText(QAudio::Error error) {
    switch (error) {
    case QAudio::OpenError:
        return AudioClipPlayer::tr("the audio output could not be opened");
    case QAudio::IOError:
        return AudioClipPlayer::tr("writing to the audio output failed");
    case QAudio::FatalError:
        return AudioClipPlayer::tr("the audio output stopped with a fatal error");
    case QAudio::NoError:
    case QAudio::UnderrunError: // the end of the clip, in push and pull mode alike
        break;
    }
    return {};
}
} // namespace

AudioClipPlayer::AudioClipPlayer(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("AudioClipPlayer"));
    m_button = new QToolButton(this);
    m_button->setObjectName(QStringLiteral("playButton"));
    m_button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_button->setAutoRaise(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    connect(m_button, &QToolButton::clicked, this, &AudioClipPlayer::toggle);

    m_format.setChannelCount(1);
    m_format.setSampleFormat(QAudioFormat::Int16);
    m_buffer.setBuffer(&m_pcm);
    m_positionTimer.setInterval(30);
    connect(&m_positionTimer, &QTimer::timeout, this, [this] { Q_EMIT positionChanged(positionSeconds()); });

    // Outputs come and go (a headset plugged in, a sound server starting): follow the default.
    m_devices = new QMediaDevices(this);
    connect(m_devices, &QMediaDevices::audioOutputsChanged, this, [this] {
        if (m_followDefault) followDefaultOutput();
    });
    followDefaultOutput();
}

AudioClipPlayer::~AudioClipPlayer() {
    if (m_sink) m_sink->disconnect(this); // stopping below must not call back into a half-gone widget
}

void AudioClipPlayer::followDefaultOutput() {
    // audioOutputs() is empty on a machine with no sound server; the default is then null too.
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    m_device = outputs.isEmpty() ? QAudioDevice() : QMediaDevices::defaultAudioOutput();
    stop();
    m_lastError.clear();
    updateAvailability();
}

void AudioClipPlayer::setOutputDevice(const QAudioDevice& device) {
    m_followDefault = false;
    stop();
    m_device = device;
    m_lastError.clear();
    updateAvailability();
}

void AudioClipPlayer::setClip(const std::vector<float>& samples, int sampleRate) {
    stop();
    m_pcm.resize(qsizetype(samples.size()) * kBytesPerSample);
    char* out = m_pcm.data();
    for (size_t i = 0; i < samples.size(); ++i) {
        const float x = std::isfinite(samples[i]) ? std::clamp(samples[i], -1.0f, 1.0f) : 0.0f;
        const auto value = static_cast<qint16>(std::lround(x * 32767.0f));
        std::memcpy(out + i * kBytesPerSample, &value, kBytesPerSample); // QAudioFormat: the machine's order
    }
    m_format.setSampleRate(samples.empty() ? 0 : sampleRate);
    m_startSeconds = 0.0;
    m_lastError.clear();
    updateAvailability();
}

double AudioClipPlayer::durationSeconds() const {
    const int rate = m_format.sampleRate();
    return rate > 0 ? double(m_pcm.size() / kBytesPerSample) / rate : 0.0;
}

void AudioClipPlayer::setStartSeconds(double seconds) {
    m_startSeconds = std::clamp(std::isfinite(seconds) ? seconds : 0.0, 0.0, durationSeconds());
    if (isPlaying())
        play(); // restart from there, as clicking in an audio editor's timeline does
    else
        updateButton();
}

void AudioClipPlayer::updateAvailability() {
    if (m_pcm.isEmpty())
        m_unavailable = tr("This example has no audio, only its features: nothing to play.");
    else if (m_format.sampleRate() <= 0)
        m_unavailable = tr("The audio has no sample rate: it cannot be played.");
    else if (m_device.isNull())
        m_unavailable = tr("This machine has no audio output (no sound device or sound server was found).");
    else if (!m_device.isFormatSupported(m_format))
        m_unavailable = tr("The audio output \u201c%1\u201d does not play 16-bit mono sound at %2 Hz.")
                            .arg(m_device.description())
                            .arg(m_format.sampleRate());
    else if (!m_lastError.isEmpty())
        m_unavailable = tr("Playing failed: %1.").arg(m_lastError);
    else
        m_unavailable.clear();
    updateButton();
}

void AudioClipPlayer::updateButton() {
    const bool playing = isPlaying();
    m_button->setEnabled(canPlay());
    m_button->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    m_button->setText(playing ? tr("Stop") : tr("Play from %1 s").arg(m_startSeconds, 0, 'f', 2));
    const QString tip = canPlay() ? (playing ? tr("Stop playing (Space)")
                                             : tr("Play the audio from %1 s (Space); click a column "
                                                  "of the spectrogram to move the start")
                                                   .arg(m_startSeconds, 0, 'f', 2))
                                  : m_unavailable;
    m_button->setToolTip(tip);
    m_button->setAccessibleDescription(tip);
}

bool AudioClipPlayer::isPlaying() const {
    return m_sink && m_sink->state() == QAudio::ActiveState;
}

double AudioClipPlayer::positionSeconds() const {
    if (!isPlaying()) return m_startSeconds;
    return std::min(m_playedFrom + double(m_sink->processedUSecs()) / 1e6, durationSeconds());
}

void AudioClipPlayer::play() {
    if (!canPlay()) return;
    if (m_sink) {
        m_sink->disconnect(this); // the stop of the old playback is not the end of the new one
        m_sink->stop();
    }
    m_sink = std::make_unique<QAudioSink>(m_device, m_format);
    connect(m_sink.get(), &QAudioSink::stateChanged, this, &AudioClipPlayer::onStateChanged);
    const qint64 sample = std::llround(m_startSeconds * m_format.sampleRate());
    m_buffer.close();
    m_buffer.open(QIODevice::ReadOnly);
    m_buffer.seek(std::min<qint64>(sample * kBytesPerSample, m_pcm.size()));
    m_playedFrom = m_startSeconds;
    m_sink->start(&m_buffer); // pull mode: the sink reads the buffer as it needs
    if (const QString failure = errorText(m_sink->error()); !failure.isEmpty()) {
        m_lastError = failure;
        m_sink->disconnect(this);
        m_sink.reset();
        updateAvailability();
        return;
    }
    m_positionTimer.start();
    updateButton();
    Q_EMIT playingChanged(true);
}

void AudioClipPlayer::stop() {
    if (!m_sink) return;
    m_sink->disconnect(this);
    m_sink->stop();
    m_sink.reset();
    m_buffer.close();
    m_positionTimer.stop();
    updateButton();
    Q_EMIT playingChanged(false);
}

void AudioClipPlayer::toggle() {
    if (isPlaying())
        stop();
    else
        play();
}

void AudioClipPlayer::onStateChanged() {
    if (!m_sink) return;
    const QAudio::State state = m_sink->state();
    if (state == QAudio::ActiveState) return;
    // Idle: the buffer ran out (the end of the clip). Stopped: the output gave up; say why.
    const QString failure = errorText(m_sink->error());
    stop();
    if (!failure.isEmpty()) {
        m_lastError = failure;
        updateAvailability();
    }
}

} // namespace attnlab::ui
