#include "ui/media/ImageAttentionView.h"

#include "ui/media/AttentionOverlay.h"
#include "ui/media/ImageAttentionCanvas.h"
#include "ui/media/ImageAttentionStrip.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/TokenLabels.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace attnlab::ui {

ImageAttentionView::ImageAttentionView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ImageAttentionView"));
    setFocusPolicy(Qt::StrongFocus);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("imageAttentionTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_smooth = new QCheckBox(tr("Smooth"), this);
    m_smooth->setToolTip(tr("Blend the weights between cell centres (bilinear), as the captioning papers "
                            "draw them; off, each cell shows its own weight, sharp"));
    m_scale = new QCheckBox(tr("Scale to largest weight"), this);
    m_scale->setChecked(true);
    m_scale->setToolTip(tr("Give the selected word's largest weight the top colour (the bar beside the "
                           "picture says which weight that is); off, the colours span 0 to 1 as in the "
                           "heatmaps, and weights spread over many cells look dim"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_smooth);
    bar->addWidget(m_scale);

    m_canvas = new ImageAttentionCanvas(this);
    m_empty = new QLabel(tr("No picture yet.\nInspect an image to see where the model looks."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_strip = new ImageAttentionStrip;
    m_stripArea = new QScrollArea(this);
    m_stripArea->setWidget(m_strip);
    m_stripArea->setWidgetResizable(false);
    m_stripArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stripArea->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_stripArea);

    connect(m_smooth, &QCheckBox::toggled, this, &ImageAttentionView::restyle);
    connect(m_scale, &QCheckBox::toggled, this, &ImageAttentionView::restyle);
    connect(&HeatmapColourChoice::instance(), &HeatmapColourChoice::changed, this,
            &ImageAttentionView::restyle);
    connect(m_strip, &ImageAttentionStrip::outputSelected, this, [this](int output) {
        setSelectedOutput(output);
        Q_EMIT outputSelected(output);
    });
    clear();
}

ImageAttentionView::~ImageAttentionView() = default;

void ImageAttentionView::setAlignment(const ImageAlignment& alignment) {
    checkImageAlignment(alignment);
    if (alignment.image.isNull()) return clear();
    const bool sameOutputs = m_data && m_data->outputs == alignment.outputs;
    m_data = std::make_shared<const ImageAlignment>(alignment);
    m_canvas->setAlignment(m_data);
    m_strip->setAlignment(m_data);
    // Strip height: the thumbnails, plus the scroll bar's when the caption is wider than the view.
    m_stripArea->setFixedHeight(m_strip->sizeHint().height() +
                                m_stripArea->horizontalScrollBar()->sizeHint().height());
    m_stripArea->setVisible(outputCount() > 0);
    m_canvas->setVisible(true);
    m_empty->setVisible(false);
    setSelectedOutput(sameOutputs && m_selected >= 0 ? m_selected : 0);
}

void ImageAttentionView::clear() {
    m_data.reset();
    m_canvas->setAlignment(nullptr);
    m_strip->setAlignment(nullptr);
    m_selected = -1;
    m_canvas->setVisible(false);
    m_stripArea->setVisible(false);
    m_empty->setVisible(true);
    updateTitle();
}

bool ImageAttentionView::isSmooth() const {
    return m_smooth->isChecked();
}

bool ImageAttentionView::isScaledToLargest() const {
    return m_scale->isChecked();
}

double ImageAttentionView::colourMax() const {
    if (!isScaledToLargest() || m_selected < 0) return 1.0;
    const int N = imageCellCount(*m_data);
    return largestWeight(m_data->attention.data() + size_t(m_selected) * size_t(N), N);
}

void ImageAttentionView::setSelectedOutput(int output) {
    m_selected = output >= 0 && output < outputCount() ? output : -1;
    m_canvas->setOutput(m_selected);
    m_strip->setSelected(m_selected);
    if (m_selected >= 0) {
        const QRect item = m_strip->itemRect(m_selected);
        m_stripArea->ensureVisible(item.center().x(), item.center().y(), item.width() / 2 + 8, 0);
    }
    restyle();
    updateTitle();
}

void ImageAttentionView::restyle() {
    OverlayStyle style;
    style.smooth = isSmooth();
    style.colours = HeatmapColourChoice::instance().current();
    m_strip->setOverlayStyle(style, isScaledToLargest());
    style.colourMax = colourMax();
    m_canvas->setStyle(style);
}

void ImageAttentionView::updateTitle() {
    if (!m_data) return m_title->clear();
    if (m_selected < 0) {
        m_title->setText(outputCount() > 0 ? tr("The picture (click a word below to see where it looks)")
                                           : tr("The picture"));
        return;
    }
    m_title->setText(tr("Output %1 of %2: \u201c%3\u201d looks at")
                         .arg(m_selected + 1)
                         .arg(outputCount())
                         .arg(tokenLabel(m_data->outputs[size_t(m_selected)]).text));
}

void ImageAttentionView::keyPressEvent(QKeyEvent* event) {
    if (outputCount() == 0 || (event->key() != Qt::Key_Left && event->key() != Qt::Key_Right))
        return QWidget::keyPressEvent(event);
    const int step = event->key() == Qt::Key_Left ? -1 : 1;
    const int output = std::clamp(m_selected < 0 ? 0 : m_selected + step, 0, outputCount() - 1);
    setSelectedOutput(output);
    Q_EMIT outputSelected(output);
}

} // namespace attnlab::ui
