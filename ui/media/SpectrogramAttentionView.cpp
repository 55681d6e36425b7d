#include "ui/media/SpectrogramAttentionView.h"

#include "ui/media/AudioClipPlayer.h"
#include "ui/media/FrameSecondsTicker.h"
#include "ui/media/MediaColours.h"
#include "ui/plots/AxisTokenLabels.h"
#include "ui/plots/CellOutline.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnlab::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Cell centres sit on integer coordinates 0..n-1; QCPColorMapData spreads n cells over its range
// with the outer cells centred on the range ends, and a single cell over the whole range.
QCPRange cellRange(int n) {
    return n > 1 ? QCPRange(0, n - 1) : QCPRange(-0.5, 0.5);
}
QCPRange edgeRange(int n) {
    return QCPRange(-0.5, n - 0.5);
}

// The log energies' colour range: from the 2nd percentile to the loudest cell. Silence in a
// log filterbank reaches far below speech (log of almost nothing), and a range from the true
// minimum would spend most of the grey levels on it.
QCPRange energyRange(const std::vector<float>& filterbank) {
    std::vector<float> finite;
    finite.reserve(filterbank.size());
    for (float value : filterbank)
        if (std::isfinite(value)) finite.push_back(value);
    if (finite.empty()) return QCPRange(0.0, 1.0);
    const auto low = finite.begin() + std::ptrdiff_t(finite.size() / 50);
    std::nth_element(finite.begin(), low, finite.end());
    const double lower = *low;
    const double upper = *std::max_element(finite.begin(), finite.end());
    return QCPRange(lower, upper > lower ? upper : lower + 1.0);
}

QCPItemStraightLine* verticalLine(QCPAxisRect* rect, const QPen& pen) {
    auto* line = new QCPItemStraightLine(rect->parentPlot());
    line->setClipAxisRect(rect);
    line->setSelectable(false);
    line->setVisible(false);
    line->setPen(pen);
    for (QCPItemPosition* point : {line->point1, line->point2}) {
        point->setAxisRect(rect);
        point->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        point->setTypeX(QCPItemPosition::ptPlotCoords);
        point->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    return line;
}

void placeVertical(QCPItemStraightLine* line, double x) {
    line->point1->setCoords(x, 0.0);
    line->point2->setCoords(x, 1.0);
    line->setVisible(true);
}

void hideAxes(QCPAxisRect* rect) {
    for (QCPAxis* axis : rect->axes()) {
        axis->setVisible(false);
        axis->grid()->setVisible(false);
    }
}

QCPColorScale* colourScale(QCustomPlot* plot, const QString& label) {
    auto* scale = new QCPColorScale(plot);
    scale->setType(QCPAxis::atRight);
    scale->setBarWidth(14);
    scale->setRangeDrag(false);
    scale->setRangeZoom(false);
    scale->axis()->setLabel(label);
    return scale;
}

} // namespace

SpectrogramAttentionView::SpectrogramAttentionView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("SpectrogramAttentionView"));
    setFocusPolicy(Qt::StrongFocus);
    m_player = new AudioClipPlayer(this);
    m_hint = new QLabel(tr("Click a column to move the cursor (Play starts there); click a row to follow "
                           "an output."),
                        this);
    m_hint->setForegroundRole(QPalette::PlaceholderText); // a hint: muted, on either theme
    m_hint->setWordWrap(true);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_player);
    bar->addWidget(m_hint, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    buildPlot();
    layout->addWidget(m_plot, 1);
    connect(m_player, &AudioClipPlayer::positionChanged, this, &SpectrogramAttentionView::showPlayhead);
    connect(m_player, &AudioClipPlayer::playingChanged, this, [this](bool playing) {
        if (!playing) {
            for (QCPItemStraightLine* line : m_playhead) line->setVisible(false);
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
    });
    showEmptyState(true);
}

SpectrogramAttentionView::~SpectrogramAttentionView() = default;

void SpectrogramAttentionView::buildPlot() {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("spectrogramPlot"));
    m_plot->setMouseTracking(true); // hover tooltips without a pressed button
    QCPLayoutGrid* grid = m_plot->plotLayout();
    grid->setRowSpacing(0);

    m_specRect = m_plot->axisRect();
    m_attnRect = new QCPAxisRect(m_plot);
    grid->addElement(1, 0, m_attnRect);
    m_specScale = colourScale(m_plot, tr("log energy"));
    m_attnScale = colourScale(m_plot, tr("attention weight"));
    grid->addElement(0, 1, m_specScale);
    grid->addElement(1, 1, m_attnScale);
    // The two panels share their left and right edges (one time axis); each scale spans its panel's
    // height.
    auto* sides = new QCPMarginGroup(m_plot);
    m_specRect->setMarginGroup(QCP::msLeft | QCP::msRight, sides);
    m_attnRect->setMarginGroup(QCP::msLeft | QCP::msRight, sides);
    for (auto [rect, scale] : {std::pair{m_specRect, m_specScale}, std::pair{m_attnRect, m_attnScale}}) {
        auto* rowGroup = new QCPMarginGroup(m_plot);
        rect->setMarginGroup(QCP::msTop | QCP::msBottom, rowGroup);
        scale->setMarginGroup(QCP::msTop | QCP::msBottom, rowGroup);
    }

    hideAxes(m_specRect);
    m_specRect->setMinimumMargins(QMargins(0, 0, 8, 0)); // QCPAxisRect's own minimum is 15 all round
    QCPAxis* specLeft = m_specRect->axis(QCPAxis::atLeft);
    specLeft->setVisible(true);
    specLeft->setLabel(tr("mel band"));
    QCPAxis* specTop = m_specRect->axis(QCPAxis::atTop);
    specTop->setVisible(true);
    specTop->setLabel(tr("frame"));
    QCPAxis* specBottom = m_specRect->axis(QCPAxis::atBottom);
    specBottom->setVisible(true);
    specBottom->setTickLabels(false); // the time labels are under the rows, the one axis they share

    hideAxes(m_attnRect);
    m_attnRect->setMinimumMargins(QMargins(0, 6, 8, 0)); // a gap under the spectrogram's ticks
    QCPAxis* attnBottom = m_attnRect->axis(QCPAxis::atBottom);
    attnBottom->setVisible(true);
    m_timeTicker = QSharedPointer<FrameSecondsTicker>::create();
    attnBottom->setTicker(m_timeTicker);
    attnBottom->setLabel(tr("time (s)"));
    m_attnRect->axis(QCPAxis::atLeft)->setRangeReversed(true); // output 0 at the top, as it reads

    m_specMap = new QCPColorMap(specBottom, specLeft);
    m_attnMap = new QCPColorMap(attnBottom, m_attnRect->axis(QCPAxis::atLeft));
    for (QCPColorMap* map : {m_specMap, m_attnMap}) {
        map->data()->clear();       // QCPColorMap starts with a 10 x 10 map of zeros
        map->setInterpolate(false); // frames, bands and keys are discrete; blending invents values
        map->setTightBoundary(false);
    }
    m_specMap->setColorScale(m_specScale);
    m_specMap->setGradient(spectrogramGradient());
    m_attnMap->setColorScale(m_attnScale);
    m_attnMap->setGradient(heatmapGradient(HeatmapColourChoice::instance().current()));
    m_attnMap->setDataRange(QCPRange(0.0, 1.0)); // fixed, as every heatmap of the window
    connect(&HeatmapColourChoice::instance(), &HeatmapColourChoice::changed, this,
            [this](HeatmapColours colours) {
                m_attnMap->setGradient(heatmapGradient(colours));
                m_plot->replot(QCustomPlot::rpQueuedReplot);
            });

    m_rowOutline = new CellOutline(m_attnRect, {QPen(kOutlineDark, 4.0), QPen(Qt::white, 2.0)}, this);
    m_selectedSpan = new QCPItemRect(m_plot);
    m_selectedSpan->setClipAxisRect(m_specRect);
    m_selectedSpan->setSelectable(false);
    m_selectedSpan->setVisible(false);
    m_selectedSpan->setPen(QPen(kGoldColour, 2.0, Qt::DashLine));
    m_selectedSpan->setBrush(QColor(kGoldColour.red(), kGoldColour.green(), kGoldColour.blue(), 40));
    for (QCPItemPosition* corner : {m_selectedSpan->topLeft, m_selectedSpan->bottomRight}) {
        corner->setAxisRect(m_specRect);
        corner->setAxes(specBottom, specLeft);
        corner->setTypeX(QCPItemPosition::ptPlotCoords);
        corner->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    const QPen cursorPen(kCursorColour, 1.5, Qt::DashLine);
    const QPen playheadPen(kCursorColour, 2.0);
    m_cursor[0] = verticalLine(m_specRect, cursorPen);
    m_cursor[1] = verticalLine(m_attnRect, cursorPen);
    m_playhead[0] = verticalLine(m_specRect, playheadPen);
    m_playhead[1] = verticalLine(m_attnRect, playheadPen);

    m_emptyText = new QCPItemText(m_plot);
    m_emptyText->setClipToAxisRect(false);
    m_emptyText->position->setType(QCPItemPosition::ptViewportRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    m_emptyText->setText(tr("No speech example yet.\nInspect a recording to see where the model listens."));
    PlotTheme::setMuted(*m_emptyText);
    PlotTheme::setFontScale(*m_emptyText, 1.0);

    m_outputLabels = std::make_unique<AxisTokenLabels>(m_plot, m_attnRect, AxisTokenLabels::Edge::Left);

    PlotTheme::follow(*m_plot);
    connect(m_plot, &QCustomPlot::beforeReplot, this, &SpectrogramAttentionView::fitLabels);
    connect(m_plot, &QCustomPlot::mousePress, this, &SpectrogramAttentionView::onMousePress);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &SpectrogramAttentionView::onMouseRelease);
    connect(m_plot, &QCustomPlot::mouseMove, this, &SpectrogramAttentionView::onMouseMove);
}

void SpectrogramAttentionView::setAlignment(const SpeechAlignment& alignment) {
    checkSpeechAlignment(alignment);
    if (alignment.frames == 0 || alignment.bands == 0 || alignment.outputs.empty()) return clear();
    const bool sameAudio = alignment.audio == m_data.audio && alignment.sampleRate == m_data.sampleRate;
    m_data = alignment;
    fillMaps();
    placeGold();
    m_outputLabels->setLabels(tokenLabels(m_data.outputs));
    if (!sameAudio) m_player->setClip(m_data.audio, m_data.sampleRate);
    showEmptyState(false);
    // Stepping through examples keeps the reader's place: the row if there are that many, the
    // cursor if it is still inside the utterance.
    setSelectedOutput(m_selected < outputCount() ? m_selected : -1);
    setCursorFrame(m_cursorFrame < frameCount() ? m_cursorFrame : -1);
}

void SpectrogramAttentionView::clear() {
    m_data = SpeechAlignment();
    m_specMap->data()->clear();
    m_attnMap->data()->clear();
    m_goldFrames.clear();
    placeGold();
    m_outputLabels->clear();
    m_player->clearClip();
    m_selected = -1;
    m_cursorFrame = -1;
    m_rowOutline->hide();
    m_selectedSpan->setVisible(false);
    for (QCPItemStraightLine* line : {m_cursor[0], m_cursor[1], m_playhead[0], m_playhead[1]})
        line->setVisible(false);
    showEmptyState(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramAttentionView::fillMaps() {
    const int F = frameCount(), B = bandCount(), T = outputCount();
    QCPColorMapData* spec = m_specMap->data();
    spec->setSize(F, B);
    spec->setRange(cellRange(F), cellRange(B));
    for (int f = 0; f < F; ++f)
        for (int b = 0; b < B; ++b) {
            const double value = m_data.filterbank[size_t(f) * size_t(B) + size_t(b)];
            spec->setCell(f, b, std::isfinite(value) ? value : kNaN);
        }
    m_specMap->setDataRange(energyRange(m_data.filterbank));
    // Frame resolution, not key resolution: each key's weight over its r frames keeps the rows
    // on the spectrogram's columns exactly, whatever r is (the last key may reach past the end).
    QCPColorMapData* attn = m_attnMap->data();
    attn->setSize(F, T);
    attn->setRange(cellRange(F), cellRange(T));
    for (int t = 0; t < T; ++t)
        for (int f = 0; f < F; ++f) {
            const double weight = speechWeightAtFrame(m_data, t, f);
            attn->setCell(f, t, std::isfinite(weight) ? weight : kNaN);
        }
    for (QCPAxis* axis : {m_specRect->axis(QCPAxis::atBottom), m_specRect->axis(QCPAxis::atTop),
                          m_attnRect->axis(QCPAxis::atBottom)})
        axis->setRange(edgeRange(F));
    m_specRect->axis(QCPAxis::atLeft)->setRange(edgeRange(B));
    m_attnRect->axis(QCPAxis::atLeft)->setRange(edgeRange(T));
    m_timeTicker->setHopSeconds(m_data.hopSeconds);
    // Rows get about as much height as the spectrogram for 14 outputs, less for fewer, more for
    // more, within reason: a short word must not turn into tall bands, nor a long one into lines.
    m_plot->plotLayout()->setRowStretchFactors({1.0, std::clamp(T / 14.0, 0.45, 1.6)});
}

void SpectrogramAttentionView::placeGold() {
    for (QCPItemRect* rect : m_goldRects) m_plot->removeItem(rect);
    m_goldRects.clear();
    m_goldFrames.assign(size_t(outputCount()), {-1, -1});
    QCPAxis* x = m_attnRect->axis(QCPAxis::atBottom);
    QCPAxis* y = m_attnRect->axis(QCPAxis::atLeft);
    for (int t = 0; t < outputCount() && !m_data.gold.empty(); ++t) {
        const auto [begin, end] = m_data.gold[size_t(t)];
        const int b = std::max(begin, 0), e = std::min(end, frameCount());
        if (begin < 0 || e <= b) continue; // no span, or none inside the utterance
        m_goldFrames[size_t(t)] = {b, e};
        auto* rect = new QCPItemRect(m_plot);
        rect->setClipAxisRect(m_attnRect);
        rect->setSelectable(false);
        rect->setPen(QPen(kGoldColour, 2.0));
        rect->setBrush(Qt::NoBrush);
        for (QCPItemPosition* corner : {rect->topLeft, rect->bottomRight}) {
            corner->setAxisRect(m_attnRect);
            corner->setAxes(x, y);
        }
        // Inset a little from the row's edges, so the followed row's outline does not hide it.
        rect->topLeft->setCoords(b - 0.5, t - 0.42);
        rect->bottomRight->setCoords(e - 0.5, t + 0.42);
        m_goldRects.push_back(rect);
    }
}

void SpectrogramAttentionView::showEmptyState(bool empty) {
    m_emptyText->setVisible(empty);
    for (QCPAxisRect* rect : {m_specRect, m_attnRect}) rect->setVisible(!empty);
    for (QCPColorScale* scale : {m_specScale, m_attnScale}) scale->setVisible(!empty);
    m_hint->setVisible(!empty);
    m_player->setVisible(!empty);
}

double SpectrogramAttentionView::spectrogramValue(int band, int frame) const {
    if (band < 0 || band >= bandCount() || frame < 0 || frame >= frameCount()) return kNaN;
    return m_specMap->data()->cell(frame, band);
}

double SpectrogramAttentionView::attentionValue(int output, int frame) const {
    if (output < 0 || output >= outputCount() || frame < 0 || frame >= frameCount()) return kNaN;
    return m_attnMap->data()->cell(frame, output);
}

int SpectrogramAttentionView::goldOutlineCount() const {
    return int(m_goldRects.size());
}

std::pair<int, int> SpectrogramAttentionView::goldOutlineFrames(int output) const {
    if (output < 0 || output >= int(m_goldFrames.size())) return {-1, -1};
    return m_goldFrames[size_t(output)];
}

QStringList SpectrogramAttentionView::outputLabels() const {
    return m_outputLabels->texts();
}

void SpectrogramAttentionView::setSelectedOutput(int output) {
    m_selected = output >= 0 && output < outputCount() ? output : -1;
    if (m_selected >= 0)
        m_rowOutline->setCells(0, frameCount() - 1, m_selected, m_selected);
    else
        m_rowOutline->hide();
    m_outputLabels->setHighlighted(m_selected);
    const auto [begin, end] = goldOutlineFrames(m_selected);
    m_selectedSpan->setVisible(begin >= 0);
    if (begin >= 0) {
        m_selectedSpan->topLeft->setCoords(begin - 0.5, 0.0);
        m_selectedSpan->bottomRight->setCoords(end - 0.5, 1.0);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramAttentionView::setCursorFrame(int frame) {
    m_cursorFrame = frame < 0 || frameCount() == 0 ? -1 : std::min(frame, frameCount() - 1);
    for (QCPItemStraightLine* line : m_cursor) {
        if (m_cursorFrame >= 0)
            placeVertical(line, m_cursorFrame);
        else
            line->setVisible(false);
    }
    m_player->setStartSeconds(m_cursorFrame >= 0 ? m_cursorFrame * m_data.hopSeconds : 0.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramAttentionView::showPlayhead(double seconds) {
    if (frameCount() == 0) return;
    for (QCPItemStraightLine* line : m_playhead) placeVertical(line, seconds / m_data.hopSeconds);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// Runs before every replot, when the widget's size is known: the labels' font and the margin
// they need depend on the rows' pixel height, which depends on the margins. Two layout passes
// settle it (the second only when the first changed the margin).
void SpectrogramAttentionView::fitLabels() {
    if (outputCount() == 0) return;
    QCPLayoutGrid* grid = m_plot->plotLayout();
    const QRect viewport = m_plot->viewport();
    const int maxLabelPixels = std::clamp(viewport.width() / 6, 40, AxisTokenLabels::kMaxLabelPixels);
    auto layOut = [&] {
        grid->setOuterRect(viewport);
        grid->update(QCPLayoutElement::upPreparation);
        grid->update(QCPLayoutElement::upMargins);
        grid->update(QCPLayoutElement::upLayout);
    };
    for (int pass = 0; pass < 3; ++pass) {
        layOut();
        const double rowPixels = double(m_attnRect->height()) / outputCount();
        const int margin = m_outputLabels->fit(rowPixels, maxLabelPixels);
        QMargins minimum = m_attnRect->minimumMargins();
        if (minimum.left() == margin) break;
        minimum.setLeft(margin);
        m_attnRect->setMinimumMargins(minimum);
    }
    layOut();
    m_outputLabels->updateVisibility();
}

} // namespace attnlab::ui
