#include "ui/media/ImageAttentionCanvas.h"

#include "ui/media/MediaColours.h"
#include "ui/plots/TokenLabels.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {

namespace {
constexpr int kMargin = 8;
constexpr int kBarWidth = 14;

} // namespace

ImageAttentionCanvas::ImageAttentionCanvas(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ImageAttentionCanvas"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ImageAttentionCanvas::setAlignment(std::shared_ptr<const ImageAlignment> alignment) {
    m_data = std::move(alignment);
    m_output = -1;
    m_gold.clear();
    invalidate();
}

void ImageAttentionCanvas::setOutput(int output) {
    const int T = m_data ? int(m_data->outputs.size()) : 0;
    m_output = output >= 0 && output < T ? output : -1;
    m_gold = m_output >= 0 ? goldCellsOf(*m_data, m_output) : std::vector<int>();
    invalidate();
}

void ImageAttentionCanvas::setStyle(const OverlayStyle& style) {
    m_style = style;
    invalidate();
}

void ImageAttentionCanvas::invalidate() {
    m_rendered = QImage();
    update();
}

const float* ImageAttentionCanvas::weights() const {
    if (!m_data || m_output < 0) return nullptr;
    return m_data->attention.data() + size_t(m_output) * size_t(imageCellCount(*m_data));
}

// The colour bar, its numbers and its caption need this much room right of the picture.
int ImageAttentionCanvas::legendWidth() const {
    const QFontMetrics metrics = fontMetrics();
    return kMargin + kBarWidth + 5 + metrics.horizontalAdvance(QStringLiteral("0.0000")) + 4 +
           metrics.height();
}

QRect ImageAttentionCanvas::pictureRect() const {
    if (!m_data || m_data->image.isNull()) return {};
    const QRect area(kMargin, kMargin, width() - 2 * kMargin - legendWidth(), height() - 2 * kMargin);
    return fitPicture(m_data->image.size(), area);
}

int ImageAttentionCanvas::cellAt(QPointF pixel) const {
    const QRect picture = pictureRect();
    if (picture.isEmpty() || imageCellCount(*m_data) == 0) return -1;
    const double x = pixel.x() - picture.left(), y = pixel.y() - picture.top();
    if (x < 0 || y < 0 || x >= picture.width() || y >= picture.height()) return -1;
    const int col = std::min(int(x * m_data->gridCols / picture.width()), m_data->gridCols - 1);
    const int row = std::min(int(y * m_data->gridRows / picture.height()), m_data->gridRows - 1);
    return row * m_data->gridCols + col;
}

QPointF ImageAttentionCanvas::cellCentre(int cell) const {
    const QRect picture = pictureRect();
    if (picture.isEmpty() || cell < 0 || cell >= imageCellCount(*m_data)) return {};
    return cellRect(m_data->gridRows, m_data->gridCols, cell / m_data->gridCols, cell % m_data->gridCols,
                    QRectF(picture))
        .center();
}

QString ImageAttentionCanvas::toolTipAt(QPointF pixel) const {
    const int cell = cellAt(pixel);
    if (cell < 0) return {};
    const ImageAlignment& a = *m_data;
    const QString where = tr("cell %1 (row %2, column %3 of %4 x %5)")
                              .arg(cell)
                              .arg(cell / a.gridCols + 1)
                              .arg(cell % a.gridCols + 1)
                              .arg(a.gridRows)
                              .arg(a.gridCols);
    if (m_output < 0) return where;
    QString text = tr("output %1 of %2 '%3' \u2192 %4: %5")
                       .arg(m_output + 1)
                       .arg(a.outputs.size())
                       .arg(tokenLabel(a.outputs[size_t(m_output)]).text, where)
                       .arg(double(weights()[cell]), 0, 'f', 4);
    if (std::binary_search(m_gold.begin(), m_gold.end(), cell)) text += tr(" \u00b7 gold");
    return text;
}

void ImageAttentionCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QRect picture = pictureRect();
    if (picture.isEmpty()) return;
    // Rendered at device pixels, so a high-DPI screen gets a sharp picture, not an upscaled one.
    const qreal ratio = devicePixelRatioF();
    const QSize pixels = (QSizeF(picture.size()) * ratio).toSize();
    if (m_rendered.size() != pixels) {
        m_rendered = renderAttentionOverlay(m_data->image, m_data->gridRows, m_data->gridCols, weights(),
                                            pixels, m_style);
        m_rendered.setDevicePixelRatio(ratio);
    }
    painter.drawImage(picture.topLeft(), m_rendered);
    paintGold(painter, picture);
    if (m_output >= 0) paintLegend(painter, picture);
}

void ImageAttentionCanvas::paintGold(QPainter& painter, const QRect& picture) const {
    if (m_gold.empty()) return;
    const std::vector<QLineF> edges =
        outlineEdges(m_gold, m_data->gridRows, m_data->gridCols, QRectF(picture));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false); // cell edges are straight: keep them crisp
    for (const QPen& pen : {QPen(kOutlineDark, 5.0), QPen(kGoldColour, 3.0)}) {
        QPen squared = pen;
        squared.setCapStyle(Qt::SquareCap); // the corners of an outline meet
        painter.setPen(squared);
        painter.drawLines(edges.data(), int(edges.size()));
    }
    painter.restore();
}

// A vertical bar from 0 (bottom) to the weight drawn in the top colour, with both numbers and a
// caption, right beside the picture and as tall as it.
void ImageAttentionCanvas::paintLegend(QPainter& painter, const QRect& picture) const {
    const QRect bar(picture.right() + 1 + kMargin, picture.top(), kBarWidth, picture.height());
    QLinearGradient gradient(bar.bottomLeft(), bar.topLeft());
    for (int i = 0; i <= 10; ++i) {
        QColor colour = overlayColour(i / 10.0 * m_style.colourMax, m_style);
        colour.setAlpha(255);
        gradient.setColorAt(i / 10.0, colour);
    }
    painter.fillRect(bar, gradient);
    painter.setPen(palette().color(QPalette::Text));
    const QFontMetrics metrics = fontMetrics();
    const int textLeft = bar.right() + 1 + 5;
    const QString top = QString::number(m_style.colourMax, 'g', 3);
    painter.drawText(QPoint(textLeft, bar.top() + metrics.ascent()), top);
    painter.drawText(QPoint(textLeft, bar.bottom()), QStringLiteral("0"));
    // The caption reads upwards along the bar, as the heatmaps' colour scales do.
    painter.save();
    const int captionX = textLeft + metrics.horizontalAdvance(top) + 6 + metrics.ascent();
    painter.translate(captionX, bar.center().y());
    painter.rotate(-90);
    const QString caption = tr("attention weight");
    painter.drawText(QPoint(-metrics.horizontalAdvance(caption) / 2, 0), caption);
    painter.restore();
}

void ImageAttentionCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QString tip = toolTipAt(event->position());
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, this);
    QWidget::mouseMoveEvent(event);
}

} // namespace attnlab::ui
