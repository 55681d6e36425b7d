#include "ui/history/HistoryScrubber.h"

#include "ui/history/HistoryExport.h"
#include "ui/shortcuts/ShortcutList.h"

#include <QApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace attnlab::ui {

HistoryScrubber::HistoryScrubber(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("historyScrubber"));
    m_playTimer.setInterval(kPlayIntervalMs);
    connect(&m_playTimer, &QTimer::timeout, this, &HistoryScrubber::advance);
    buildUi();
    updateControls();
}

void HistoryScrubber::buildUi() {
    m_playButton = new QToolButton(this);
    m_playButton->setObjectName(QStringLiteral("historyPlayButton"));
    m_playButton->setToolTip(tr("Play the attention through training, from the first snapshot"));
    connect(m_playButton, &QToolButton::clicked, this, [this] { isPlaying() ? stopPlaying() : play(); });
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("historySlider"));
    m_slider->setToolTip(tr("Attention through training: drag back to step 0 and watch the alignment form"));
    m_slider->setAccessibleName(tr("Training step of the attention shown"));
    describeViewKeys(*m_slider, tr("Attention through training (under a heatmap)"),
                     {{tr("Left, Right"), tr("The previous or next snapshot")},
                      {tr("Home, End"), tr("The first (step 0) or the last snapshot")},
                      {tr("Page Up, Page Down"), tr("Ten snapshots back or on")}});
    // Every change a person makes (drag, click, keys); the scrubber's own are signal-blocked.
    connect(m_slider, &QSlider::valueChanged, this, &HistoryScrubber::showFrame);
    m_liveButton = new QToolButton(this);
    m_liveButton->setObjectName(QStringLiteral("historyLiveButton"));
    m_liveButton->setText(tr("Live"));
    m_liveButton->setToolTip(tr("Show the current model again"));
    connect(m_liveButton, &QToolButton::clicked, this, &HistoryScrubber::goLive);
    m_exportButton = new QToolButton(this);
    m_exportButton->setObjectName(QStringLiteral("historyExportButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setToolTip(tr("Save the attention through training as an animated GIF or a PNG strip"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_exportButton);
    menu->addAction(tr("Animated GIF\u2026"), this, &HistoryScrubber::exportGif);
    menu->addAction(tr("PNG Strip\u2026"), this, &HistoryScrubber::exportStrip);
    m_exportButton->setMenu(menu);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("historyInfo"));
    m_info->setWordWrap(true);

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_playButton);
    row->addWidget(m_slider, 1);
    row->addWidget(m_liveButton);
    row->addWidget(m_exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_info);
}

void HistoryScrubber::setTrack(const AttentionTrack* track) {
    const bool same = track && track->sentence.key == m_track.sentence.key;
    const long long shownStep = currentFrame() ? currentFrame()->step : -1;
    const bool wasLive = m_live;
    m_track = track ? *track : AttentionTrack{};
    if (!same || frameCount() == 0) {
        stopPlaying();
        m_live = true;
    }
    int index = frameCount() - 1;
    if (!m_live) { // stay on the step shown (thinning may have moved its index, or removed it)
        index = 0;
        while (index + 1 < frameCount() && m_track.frames[size_t(index + 1)].step <= shownStep) ++index;
    }
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, std::max(0, frameCount() - 1));
        m_slider->setValue(std::max(0, index));
    }
    updateControls();
    if (m_live && !wasLive) Q_EMIT stepShown(std::nullopt);
}

int HistoryScrubber::frameIndex() const {
    return m_live || frameCount() == 0 ? -1 : m_slider->value();
}

const AttentionFrame* HistoryScrubber::currentFrame() const {
    const int index = frameIndex();
    return index < 0 ? nullptr : &m_track.frames[size_t(index)];
}

void HistoryScrubber::showFrame(int index) {
    if (frameCount() == 0) return;
    index = std::clamp(index, 0, frameCount() - 1);
    m_live = false;
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(index);
    }
    updateControls();
    Q_EMIT frameChanged();
    Q_EMIT stepShown(m_track.frames[size_t(index)].step);
}

void HistoryScrubber::goLive() {
    stopPlaying();
    if (m_live) return;
    m_live = true;
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(std::max(0, frameCount() - 1));
    }
    updateControls();
    Q_EMIT frameChanged();
    Q_EMIT stepShown(std::nullopt);
}

void HistoryScrubber::play() {
    if (frameCount() < 2) return;
    if (m_live || frameIndex() >= frameCount() - 1) showFrame(0);
    m_playTimer.start();
    updateControls();
}

void HistoryScrubber::stopPlaying() {
    if (!m_playTimer.isActive()) return;
    m_playTimer.stop();
    updateControls();
}

void HistoryScrubber::advance() {
    const int next = frameIndex() + 1;
    if (next >= frameCount()) {
        stopPlaying(); // rests on the last snapshot
        return;
    }
    showFrame(next);
}

QString HistoryScrubber::infoText() const {
    const QLocale locale;
    if (frameCount() == 0)
        return tr("No snapshots of this sentence yet: pinned pairs and the typed sentence are recorded while "
                  "the model trains.");
    if (const AttentionFrame* frame = currentFrame()) {
        const QString where =
            frame->step == 0 ? tr("Step 0, before training")
                             : tr("Step %1 · epoch %2").arg(locale.toString(frame->step)).arg(frame->epoch);
        const QString loss =
            std::isfinite(frame->loss) ? tr(" · loss %1").arg(frame->loss, 0, 'f', 3) : QString();
        return tr("%1%2 · snapshot %3 of %4").arg(where, loss).arg(frameIndex() + 1).arg(frameCount());
    }
    return tr("Live · %1 snapshots from step %2 to %3: drag back or press Play")
        .arg(frameCount())
        .arg(locale.toString(m_track.frames.front().step), locale.toString(m_track.frames.back().step));
}

void HistoryScrubber::updateControls() {
    const bool any = frameCount() > 0;
    m_slider->setEnabled(any);
    m_playButton->setEnabled(frameCount() > 1);
    m_playButton->setText(isPlaying() ? tr("Pause") : tr("Play"));
    m_liveButton->setEnabled(any && !m_live);
    m_exportButton->setEnabled(frameCount() > 1);
    m_info->setText(infoText());
}

void HistoryScrubber::exportGif() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Attention Through Training"),
                                     QStringLiteral("attention-history.gif"), tr("Animated GIF (*.gif)"));
    if (path.isEmpty()) return;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor); // every snapshot is drawn: a few seconds for 200
    const bool written = writeHistoryGif(m_track, path, &error);
    QApplication::restoreOverrideCursor();
    if (!written)
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
}

void HistoryScrubber::exportStrip() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Attention Through Training"),
                                     QStringLiteral("attention-history.png"), tr("PNG image (*.png)"));
    if (path.isEmpty()) return;
    QString error;
    if (!writeHistoryStrip(m_track, path, &error))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
}

} // namespace attnlab::ui
