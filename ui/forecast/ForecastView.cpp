#include "ui/forecast/ForecastView.h"

#include "ui/forecast/ForecastCaption.h"
#include "ui/forecast/ForecastPlot.h"
#include "ui/label/WeightLegend.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/GoldOutlines.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/PlotExport.h"
#include "ui/plots/PlotTheme.h"
#include "ui/plots/ScrolledPage.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <string>

namespace attnlab::ui {

ForecastView::ForecastView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ForecastView"));
    const ScrolledPage scrolled = makeScrolledPage(this, QStringLiteral("forecastPage"));
    m_scroll = scrolled.scroll;
    m_page = scrolled.page;
    QVBoxLayout* layout = scrolled.layout;
    buildControls(m_page);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_seriesChoice);
    controls->addWidget(m_stepChoice, 1);
    layout->addLayout(controls);
    m_plot = new ForecastPlot(m_page);
    layout->addWidget(m_plot, 3);
    m_caption = new QLabel(m_page);
    m_caption->setObjectName(QStringLiteral("forecastCaption"));
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    // Compact: no distribution strip, which would repeat the plot's shading of the chosen row, and
    // no colour scale beside it; the one key below serves the shading and the map alike.
    m_heatmap = new AlignmentHeatmap(m_page);
    m_heatmap->setCompact();
    layout->addWidget(m_heatmap, 2);
    m_gold = std::make_unique<GoldOutlines>(*m_heatmap, this);
    auto* legends = new QHBoxLayout;
    legends->setSpacing(fontMetrics().averageCharWidth() * 3);
    m_weightLegend = new WeightLegend(m_page);
    legends->addWidget(m_weightLegend);
    m_goldLegend = new QWidget(m_page);
    m_goldLegend->setObjectName(QStringLiteral("goldLegend"));
    auto* gold = new QHBoxLayout(m_goldLegend);
    gold->setContentsMargins(0, 0, 0, 0);
    m_goldSwatch = new QLabel(m_goldLegend);
    gold->addWidget(m_goldSwatch);
    auto* goldText = new QLabel(
        tr("outlined: a gold link, a past point the step should look at (ringed above)"), m_goldLegend);
    goldText->setWordWrap(true);
    gold->addWidget(goldText, 1);
    legends->addWidget(m_goldLegend, 1);
    layout->addLayout(legends);

    connect(m_plot, &ForecastPlot::stepHovered, this, &ForecastView::selectStep);
    connect(m_heatmap, &AlignmentHeatmap::rowSelected, this, &ForecastView::selectStep);
    connect(m_stepSlider, &QSlider::valueChanged, this, &ForecastView::selectStep);
    // The box counts steps from 1, as its prefix "t+" reads.
    connect(m_stepBox, &QSpinBox::valueChanged, this, [this](int value) { selectStep(value - 1); });
    connect(m_seriesBox, &QComboBox::currentIndexChanged, this, &ForecastView::showSeries);
    connect(&HeatmapColourChoice::instance(), &HeatmapColourChoice::changed, this, &ForecastView::fitToFont);
    fitToFont();
    clear();
}

ForecastView::~ForecastView() = default;

void ForecastView::buildControls(QWidget* page) {
    m_seriesChoice = new QWidget(page);
    m_seriesChoice->setObjectName(QStringLiteral("seriesChoice"));
    auto* series = new QHBoxLayout(m_seriesChoice);
    series->setContentsMargins(0, 0, 0, 0);
    auto* seriesLabel = new QLabel(tr("Series:"), m_seriesChoice);
    m_seriesBox = new QComboBox(m_seriesChoice);
    m_seriesBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    seriesLabel->setBuddy(m_seriesBox);
    series->addWidget(seriesLabel);
    series->addWidget(m_seriesBox);

    m_stepChoice = new QWidget(page);
    m_stepChoice->setObjectName(QStringLiteral("stepChoice"));
    auto* step = new QHBoxLayout(m_stepChoice);
    step->setContentsMargins(0, 0, 0, 0);
    auto* stepLabel = new QLabel(tr("Forecast step:"), m_stepChoice);
    m_stepSlider = new QSlider(Qt::Horizontal, m_stepChoice);
    m_stepSlider->setPageStep(1);
    m_stepBox = new QSpinBox(m_stepChoice);
    m_stepBox->setPrefix(QStringLiteral("t+"));
    m_stepBox->setToolTip(tr("The forecast step whose attention is shaded (or hover over a step)"));
    stepLabel->setBuddy(m_stepBox);
    step->addWidget(stepLabel);
    step->addWidget(m_stepSlider, 1);
    step->addWidget(m_stepBox);
}

void ForecastView::setContent(const ForecastContent& content) {
    checkForecastContent(content);
    m_content = content;
    const int W = content.window();
    const int K = content.horizon();
    {
        const QSignalBlocker blocker(m_seriesBox);
        m_seriesBox->clear();
        for (const QString& name : content.seriesNames) m_seriesBox->addItem(name);
        m_seriesBox->setCurrentIndex(content.shownSeries);
    }
    m_seriesChoice->setVisible(content.series.size() > 1);
    {
        const QSignalBlocker sliderBlocker(m_stepSlider);
        const QSignalBlocker boxBlocker(m_stepBox);
        m_stepSlider->setRange(0, K - 1);
        m_stepBox->setRange(1, K);
    }
    m_stepChoice->setVisible(content.hasAttention());
    m_plot->setContent(content);

    if (content.hasAttention()) {
        std::vector<std::string> columns, rows;
        for (int i = 0; i < W; ++i) columns.push_back(pastLabel(i, W).toStdString());
        for (int j = 0; j < K; ++j) rows.push_back(stepLabel(j).toStdString());
        // Gold is outlined rather than dotted by the heatmap: a dot would hide the very cell's colour.
        m_heatmap->setAlignment(columns, rows, content.attention);
    } else {
        m_heatmap->clear();
    }
    m_heatmap->setVisible(content.hasAttention());
    fitToFont(); // the labels' room depends on the window's length
    m_weightLegend->setVisible(content.hasAttention());
    placeGold();
    m_goldLegend->setVisible(content.hasAttention() && !content.gold.empty());

    const int keep = m_step >= 0 && m_step < K ? m_step : 0;
    m_step = -1; // so selectStep draws the new content's step even when it is the same number
    selectStep(keep);
}

void ForecastView::clear() {
    m_content = {};
    m_step = -1;
    m_plot->clear();
    m_heatmap->clear();
    placeGold();
    m_seriesChoice->setVisible(false);
    m_stepChoice->setVisible(false);
    m_goldLegend->setVisible(false);
    m_weightLegend->setVisible(false);
    m_caption->setText(tr("No forecast yet."));
}

void ForecastView::selectStep(int step) {
    if (!hasContent() || step < 0 || step >= m_content.horizon() || step == m_step) return;
    m_step = step;
    {
        const QSignalBlocker sliderBlocker(m_stepSlider);
        const QSignalBlocker boxBlocker(m_stepBox);
        m_stepSlider->setValue(step);
        m_stepBox->setValue(step + 1);
    }
    m_plot->setStep(m_content.hasAttention() ? step : -1); // no weights: nothing to mark a step for
    if (m_content.hasAttention()) m_heatmap->highlightRow(step);
    m_caption->setText(forecastCaption(m_content, step));
    Q_EMIT stepSelected(step);
}

void ForecastView::showSeries(int series) {
    if (!hasContent() || series < 0 || series >= int(m_content.series.size()) ||
        series == m_content.shownSeries)
        return;
    m_content.shownSeries = series;
    {
        const QSignalBlocker blocker(m_seriesBox);
        m_seriesBox->setCurrentIndex(series);
    }
    m_plot->setContent(m_content);
    m_plot->setStep(
        m_content.hasAttention() ? m_step : -1); // the attention is the same for every series: the step stays
}

void ForecastView::placeGold() {
    const Alignment none;
    m_gold->show(m_content.hasAttention() ? m_content.gold : none);
}

std::vector<QRectF> ForecastView::goldOutlines() const {
    return m_gold->shownRects();
}

QString ForecastView::captionText() const {
    return m_caption->text();
}

bool ForecastView::seriesChoiceShown() const {
    return m_seriesChoice->isVisibleTo(this);
}

bool ForecastView::stepChoiceShown() const {
    return m_stepChoice->isVisibleTo(this);
}

bool ForecastView::weightLegendShown() const {
    return m_weightLegend->isVisibleTo(this);
}

bool ForecastView::goldLegendShown() const {
    return m_goldLegend->isVisibleTo(this);
}

bool ForecastView::exportImage(const QString& path, QString* error) {
    return exportWidgetImage(*m_page, path, error, tr("Attention over a forecast's past window"));
}

// Room for a readable plot and a few heatmap rows at any font size, small enough that the whole
// view fits 900 x 560 at 1.5x the font. The legend's swatch is the outline as the heatmap draws it,
// at the text's height, on a cell of the current colour map.
void ForecastView::fitToFont() {
    const int line = fontMetrics().height();
    // The sentence is the answer a back row reads: a little larger than the rest.
    QFont caption = PlotTheme::scaledFont(font(), 1.15);
    caption.setBold(true);
    m_caption->setFont(caption);
    m_plot->setMinimumHeight(line * 9);
    // A long horizon's rows keep room under about four lines of upright labels: three quarters of a
    // line each, and at least 13 pixels, where the row labels' font is still 9 pixels or more.
    const double row = std::max(0.75 * line, 13.0);
    m_heatmap->setMinimumHeight(std::max(line * 7, int(4.0 * line + row * m_content.horizon())));
    // The heatmap gives its column labels (turned upright: "t−23", measured in bold) a sixth of its
    // height, at least 40 pixels, and elides longer ones in the middle ("t…3"). Rather than a map
    // too tall for the window, a projector's font is made just small enough on the map to keep the
    // window's labels whole.
    const QString widest = pastLabel(0, std::max(m_content.window(), 10));
    const int room = std::max(40, m_heatmap->minimumHeight() / 6);
    QFont labels = font();
    for (double scale = 0.95; scale > 0.5; scale -= 0.05) {
        QFont bold = labels;
        bold.setBold(true);
        if (QFontMetrics(bold).horizontalAdvance(widest) <= room) break;
        labels = PlotTheme::scaledFont(font(), scale);
    }
    m_heatmap->setFont(labels);
    m_goldSwatch->setPixmap(GoldOutlines::swatch(line, devicePixelRatio()));
}

void ForecastView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) fitToFont();
}

} // namespace attnlab::ui
