#include "ui/history/HistoryExport.h"

#include "ui/history/GifWriter.h"
#include "ui/plots/AlignmentHeatmap.h"

#include <QLocale>
#include <QPainter>
#include <QSaveFile>

#include <cmath>

namespace attnlab::ui {

namespace {
QString captionOf(const AttentionFrame& frame) {
    const QLocale locale;
    QString text = frame.step == 0
                       ? QObject::tr("step 0 (before training)")
                       : QObject::tr("step %1 · epoch %2").arg(locale.toString(frame.step)).arg(frame.epoch);
    if (std::isfinite(frame.loss)) text += QObject::tr(" · loss %1").arg(frame.loss, 0, 'f', 3);
    return text;
}

// Draws the heatmaps with one offscreen widget, reused for every snapshot.
class FramePainter {
public:
    explicit FramePainter(QSize size) : m_size(size) {}

    QImage draw(const AttentionTrack& track, int index) {
        const AttentionFrame& frame = track.frames[size_t(index)];
        const int captionHeight = QFontMetrics(m_heatmap.font()).height() * 2 + 8;
        const QSize mapSize(m_size.width(), m_size.height() - captionHeight);
        m_heatmap.setAlignment(track.sentence.source, frame.output, frame.attention, track.sentence.gold);
        const QImage map = m_heatmap.renderImage(mapSize);

        QImage image(m_size, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setPen(Qt::black);
        QFont bold = m_heatmap.font();
        bold.setBold(true);
        painter.setFont(bold);
        const QFontMetrics metrics(bold);
        painter.drawText(QRect(6, 4, m_size.width() - 12, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         captionOf(frame));
        painter.setFont(m_heatmap.font());
        const QString label = QString::fromStdString(track.sentence.label);
        painter.drawText(
            QRect(6, 4 + metrics.height(), m_size.width() - 12, metrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(m_heatmap.font()).elidedText(label, Qt::ElideRight, m_size.width() - 12));
        painter.drawImage(0, captionHeight, map);
        return image;
    }

private:
    QSize m_size;
    AlignmentHeatmap m_heatmap;
};
} // namespace

QImage renderHistoryFrame(const AttentionTrack& track, int index, QSize size) {
    FramePainter painter(size);
    return painter.draw(track, index);
}

std::vector<int> stripIndices(int frames, int count) {
    std::vector<int> indices;
    if (frames <= 0 || count <= 0) return indices;
    if (frames <= count) {
        for (int i = 0; i < frames; ++i) indices.push_back(i);
        return indices;
    }
    for (int k = 0; k < count; ++k)
        indices.push_back(count == 1 ? frames - 1
                                     : static_cast<int>(std::lround(double(k) * (frames - 1) / (count - 1))));
    return indices;
}

bool writeHistoryGif(const AttentionTrack& track, const QString& path, QString* error) {
    if (track.frames.empty()) {
        if (error) *error = QObject::tr("there is no attention history to export");
        return false;
    }
    FramePainter painter(kGifFrameSize);
    const int count = int(track.frames.size());
    return writeAnimatedGif(
        count,
        [&](int i) {
            return GifFrame{painter.draw(track, i), i + 1 == count ? kGifLastFrameDelayMs : kGifFrameDelayMs};
        },
        path, error);
}

bool writeHistoryStrip(const AttentionTrack& track, const QString& path, QString* error) {
    const std::vector<int> indices = stripIndices(int(track.frames.size()), kStripFrames);
    if (indices.empty()) {
        if (error) *error = QObject::tr("there is no attention history to export");
        return false;
    }
    FramePainter painter(kStripFrameSize);
    QImage strip(kStripFrameSize.width() * int(indices.size()), kStripFrameSize.height(),
                 QImage::Format_RGB32);
    strip.fill(Qt::white);
    QPainter canvas(&strip);
    for (size_t k = 0; k < indices.size(); ++k)
        canvas.drawImage(int(k) * kStripFrameSize.width(), 0, painter.draw(track, indices[k]));
    canvas.end();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !strip.save(&file, "PNG") || !file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace attnlab::ui
