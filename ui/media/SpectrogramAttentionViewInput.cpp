// SpectrogramAttentionView: what is under the mouse (frame, band, output row), the tooltip, and
// the mouse and keys.
#include "ui/media/AudioClipPlayer.h"
#include "ui/media/SpectrogramAttentionView.h"
#include "ui/plots/AxisTokenLabels.h"

#include <qcustomplot.h>

#include <QKeyEvent>
#include <QToolTip>

#include <cmath>

namespace attnlab::ui {

namespace {
// Inside rect's cells: [left, right) x [top, bottom]. QCustomPlot maps a range onto
// left .. left + width, so the last column's right edge belongs to the next pixel.
bool insideColumns(const QCPAxisRect* rect, QPointF pixel) {
    const QRect r = rect->rect();
    return pixel.x() >= r.left() && pixel.x() < r.left() + r.width();
}
bool insideRows(const QCPAxisRect* rect, QPointF pixel) {
    const QRect r = rect->rect();
    return pixel.y() >= r.top() && pixel.y() < r.top() + r.height();
}
int index(const QCPAxis* axis, double pixel, int count) {
    const int i = int(std::lround(axis->pixelToCoord(pixel)));
    return i >= 0 && i < count ? i : -1;
}
} // namespace

int SpectrogramAttentionView::frameAt(QPointF pixel) const {
    if (frameCount() == 0) return -1;
    const bool over = (insideColumns(m_specRect, pixel) && insideRows(m_specRect, pixel)) ||
                      (insideColumns(m_attnRect, pixel) && insideRows(m_attnRect, pixel));
    return over ? index(m_attnRect->axis(QCPAxis::atBottom), pixel.x(), frameCount()) : -1;
}

int SpectrogramAttentionView::outputAt(QPointF pixel) const {
    if (outputCount() == 0 || !insideRows(m_attnRect, pixel)) return -1;
    // Left of the rows are their labels: still the row. Right of them is the colour scale.
    if (pixel.x() >= m_attnRect->rect().left() + m_attnRect->rect().width() || pixel.x() < 0) return -1;
    return index(m_attnRect->axis(QCPAxis::atLeft), pixel.y(), outputCount());
}

int SpectrogramAttentionView::bandAt(QPointF pixel) const {
    if (bandCount() == 0 || !insideColumns(m_specRect, pixel) || !insideRows(m_specRect, pixel)) return -1;
    return index(m_specRect->axis(QCPAxis::atLeft), pixel.y(), bandCount());
}

double SpectrogramAttentionView::framePixel(int frame) const {
    return m_attnRect->axis(QCPAxis::atBottom)->coordToPixel(frame);
}
double SpectrogramAttentionView::outputPixel(int output) const {
    return m_attnRect->axis(QCPAxis::atLeft)->coordToPixel(output);
}
double SpectrogramAttentionView::bandPixel(int band) const {
    return m_specRect->axis(QCPAxis::atLeft)->coordToPixel(band);
}

// Positions of outputs count from 1, as a reader counts letters ("output 3 of 15"); frames and
// keys from 0, as their times do (frame f starts at f x hop seconds, key k at frame k x r).
QString SpectrogramAttentionView::outputName(int output) const {
    return tr("output %1 of %2 '%3'")
        .arg(output + 1)
        .arg(outputCount())
        .arg(m_outputLabels->label(output).text);
}

QString SpectrogramAttentionView::frameName(int frame) const {
    return tr("frame %1 (%2 s)").arg(frame).arg(frame * m_data.hopSeconds, 0, 'f', 2);
}

QString SpectrogramAttentionView::toolTipAt(QPointF pixel) const {
    const int frame = frameAt(pixel);
    const int output = outputAt(pixel);
    if (output >= 0 && frame >= 0) {
        QString text = tr("%1 \u2192 %2").arg(outputName(output), frameName(frame));
        if (m_data.framesPerKey > 1) text += tr(", key %1").arg(frame / m_data.framesPerKey);
        text += tr(": %1").arg(attentionValue(output, frame), 0, 'f', 4);
        const auto [begin, end] = goldOutlineFrames(output);
        if (frame >= begin && frame < end) text += tr(" \u00b7 in its gold span");
        return text;
    }
    if (output >= 0) return outputName(output); // over its label
    if (const int band = bandAt(pixel); band >= 0 && frame >= 0)
        return tr("%1, mel band %2 of %3: log energy %4")
            .arg(frameName(frame))
            .arg(band + 1)
            .arg(bandCount())
            .arg(spectrogramValue(band, frame), 0, 'f', 2);
    return {};
}

void SpectrogramAttentionView::onMousePress(QMouseEvent* event) {
    m_pressPos = event->position();
    m_pressed = event->button() == Qt::LeftButton;
}

void SpectrogramAttentionView::onMouseRelease(QMouseEvent* event) {
    if (!m_pressed || event->button() != Qt::LeftButton) return;
    m_pressed = false;
    if ((event->position() - m_pressPos).manhattanLength() > 4) return; // a drag, not a click
    setFocus(Qt::MouseFocusReason);                                     // Space plays, arrows move
    if (const int output = outputAt(event->position()); output >= 0) {
        setSelectedOutput(output);
        Q_EMIT outputSelected(output);
    }
    if (const int frame = frameAt(event->position()); frame >= 0) {
        setCursorFrame(frame);
        Q_EMIT frameClicked(frame);
        // A click on the spectrogram plays from that column (a click on the rows only selects and
        // places the cursor). Without audio the player does nothing and its button says why.
        if (bandAt(event->position()) >= 0) m_player->play();
    }
}

void SpectrogramAttentionView::onMouseMove(QMouseEvent* event) {
    const int hovered = outputAt(event->position());
    if (hovered != m_outputLabels->hovered()) {
        m_outputLabels->setHovered(hovered);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    const QString tip = toolTipAt(event->position());
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, m_plot);
}

void SpectrogramAttentionView::leaveEvent(QEvent* event) {
    if (m_outputLabels->hovered() >= 0) {
        m_outputLabels->setHovered(-1);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    QWidget::leaveEvent(event);
}

// Up and Down follow the previous or next output, Esc stops following; Left and Right move the
// cursor by one key (r frames); Space plays from the cursor or stops.
void SpectrogramAttentionView::keyPressEvent(QKeyEvent* event) {
    if (outputCount() == 0) return QWidget::keyPressEvent(event);
    int output = m_selected;
    switch (event->key()) {
    case Qt::Key_Up:
        output = output <= 0 ? 0 : output - 1;
        break;
    case Qt::Key_Down:
        output = output < 0 ? 0 : std::min(output + 1, outputCount() - 1);
        break;
    case Qt::Key_Escape:
        setSelectedOutput(-1);
        Q_EMIT outputSelected(-1);
        return;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int step = event->key() == Qt::Key_Left ? -m_data.framesPerKey : m_data.framesPerKey;
        const int frame = std::clamp(std::max(m_cursorFrame, 0) + step, 0, frameCount() - 1);
        setCursorFrame(frame);
        Q_EMIT frameClicked(frame);
        return;
    }
    case Qt::Key_Space:
        m_player->toggle();
        return;
    default:
        return QWidget::keyPressEvent(event);
    }
    setSelectedOutput(output);
    Q_EMIT outputSelected(output);
}

} // namespace attnlab::ui
