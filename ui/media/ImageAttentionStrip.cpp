#include "ui/media/ImageAttentionStrip.h"

#include "ui/media/MediaColours.h"
#include "ui/plots/TokenLabels.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

namespace {
constexpr int kPad = 6;
constexpr int kGap = 4;                             // between items
const QColor kSelectedBackground(0xff, 0xe0, 0x8a); // the heatmap's highlighted label: one look
const QColor kSelectedText(0x20, 0x20, 0x20);
} // namespace

ImageAttentionStrip::ImageAttentionStrip(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ImageAttentionStrip"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
}

void ImageAttentionStrip::setAlignment(std::shared_ptr<const ImageAlignment> alignment) {
    m_data = std::move(alignment);
    m_selected = -1;
    m_thumbs.clear();
    updateGeometry();
    resize(sizeHint());
    update();
}

void ImageAttentionStrip::setOverlayStyle(const OverlayStyle& style, bool scaleToLargest) {
    m_style = style;
    m_scaleToLargest = scaleToLargest;
    m_thumbs.clear();
    update();
}

void ImageAttentionStrip::setSelected(int item) {
    m_selected = item >= 0 && item < itemCount() ? item : -1;
    update();
}

int ImageAttentionStrip::thumbSide() const {
    return std::max(88, fontMetrics().height() * 6);
}

QSize ImageAttentionStrip::sizeHint() const {
    const int side = thumbSide();
    const int items = std::max(itemCount(), 1);
    return {items * (side + 2 * kPad) + (items - 1) * kGap,
            kPad + side + kPad / 2 + fontMetrics().height() + kPad};
}

QRect ImageAttentionStrip::itemRect(int item) const {
    if (item < 0 || item >= itemCount()) return {};
    const int side = thumbSide();
    return QRect(item * (side + 2 * kPad + kGap), 0, side + 2 * kPad, sizeHint().height());
}

QRect ImageAttentionStrip::thumbRect(int item) const {
    const QRect box = itemRect(item);
    const int side = thumbSide();
    return fitPicture(m_data->image.size(), QRect(box.left() + kPad, box.top() + kPad, side, side));
}

int ImageAttentionStrip::itemAt(QPoint pixel) const {
    for (int i = 0; i < itemCount(); ++i)
        if (itemRect(i).contains(pixel)) return i;
    return -1;
}

QString ImageAttentionStrip::labelText(int item) const {
    if (item < 0 || item >= itemCount()) return {};
    return tokenLabel(m_data->outputs[size_t(item)]).text;
}

const float* ImageAttentionStrip::weights(int item) const {
    return m_data->attention.data() + size_t(item) * size_t(imageCellCount(*m_data));
}

QString ImageAttentionStrip::toolTipAt(QPoint pixel) const {
    const int item = itemAt(pixel);
    if (item < 0) return {};
    const int N = imageCellCount(*m_data);
    const float* w = weights(item);
    const int best =
        int(std::max_element(w, w + N,
                             [](float a, float b) {
                                 return (std::isfinite(a) ? a : -1.0f) < (std::isfinite(b) ? b : -1.0f);
                             }) -
            w);
    return tr("output %1 of %2 '%3': largest weight %4 on cell %5 (row %6, column %7)")
        .arg(item + 1)
        .arg(itemCount())
        .arg(labelText(item))
        .arg(double(w[best]), 0, 'f', 4)
        .arg(best)
        .arg(best / m_data->gridCols + 1)
        .arg(best % m_data->gridCols + 1);
}

QImage ImageAttentionStrip::thumbnail(int item) const {
    if (item < 0 || item >= itemCount()) return {};
    if (m_thumbs.size() != size_t(itemCount())) m_thumbs.assign(size_t(itemCount()), QImage());
    QImage& thumb = m_thumbs[size_t(item)];
    const qreal ratio = devicePixelRatioF();
    const QSize pixels = (QSizeF(thumbRect(item).size()) * ratio).toSize();
    if (thumb.size() != pixels) {
        OverlayStyle style = m_style;
        if (m_scaleToLargest) style.colourMax = largestWeight(weights(item), imageCellCount(*m_data));
        thumb = renderAttentionOverlay(m_data->image, m_data->gridRows, m_data->gridCols, weights(item),
                                       pixels, style);
        thumb.setDevicePixelRatio(ratio);
    }
    return thumb;
}

void ImageAttentionStrip::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QFontMetrics metrics = fontMetrics();
    for (int i = 0; i < itemCount(); ++i) {
        const QRect box = itemRect(i);
        const bool selected = i == m_selected;
        if (selected) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(kSelectedBackground);
            painter.drawRoundedRect(box, 4, 4);
        }
        const QRect thumb = thumbRect(i);
        painter.drawImage(thumb.topLeft(), thumbnail(i));
        if (!m_data->goldCells.empty()) {
            std::vector<int> gold = goldCellsOf(*m_data, i);
            painter.setPen(QPen(kGoldColour, 2.0, Qt::SolidLine, Qt::SquareCap));
            const std::vector<QLineF> edges =
                outlineEdges(gold, m_data->gridRows, m_data->gridCols, QRectF(thumb));
            painter.drawLines(edges.data(), int(edges.size()));
        }
        if (selected) {
            painter.setPen(QPen(kOutlineDark, 2.0));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(QRectF(thumb).adjusted(-1, -1, 1, 1));
        }
        QFont font = this->font();
        font.setBold(selected);
        painter.setFont(font);
        painter.setPen(selected ? kSelectedText : palette().color(QPalette::Text));
        const QRect label(box.left() + 2, box.top() + kPad + thumbSide() + kPad / 2, box.width() - 4,
                          metrics.height());
        painter.drawText(label, Qt::AlignHCenter | Qt::AlignTop,
                         QFontMetrics(font).elidedText(labelText(i), Qt::ElideMiddle, label.width()));
    }
}

void ImageAttentionStrip::mousePressEvent(QMouseEvent* event) {
    const int item = itemAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || item < 0) return QWidget::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    setSelected(item);
    Q_EMIT outputSelected(item);
}

void ImageAttentionStrip::mouseMoveEvent(QMouseEvent* event) {
    const QString tip = toolTipAt(event->position().toPoint());
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, this);
}

void ImageAttentionStrip::keyPressEvent(QKeyEvent* event) {
    if (itemCount() == 0 || (event->key() != Qt::Key_Left && event->key() != Qt::Key_Right))
        return QWidget::keyPressEvent(event);
    const int step = event->key() == Qt::Key_Left ? -1 : 1;
    const int item = std::clamp(m_selected < 0 ? 0 : m_selected + step, 0, itemCount() - 1);
    setSelected(item);
    Q_EMIT outputSelected(item);
}

} // namespace attnlab::ui
