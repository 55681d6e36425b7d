#include "ui/label/EntailmentView.h"

#include "ui/label/ClassProbabilityBars.h"
#include "ui/media/MediaColours.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/CellOutline.h"
#include "ui/plots/ColorGradients.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/PlotExport.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QVBoxLayout>

#include <string>

namespace attnlab::ui {

EntailmentView::EntailmentView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("EntailmentView"));
    m_scroll = new QScrollArea(this);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the heatmap fits any width
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);

    m_page = new QWidget;
    m_page->setObjectName(QStringLiteral("entailmentPage"));
    m_page->setAutoFillBackground(true); // an export draws the page alone: give it the window colour
    auto* layout = new QVBoxLayout(m_page);
    m_caption = new QLabel(m_page);
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    m_heatmap = new AlignmentHeatmap(m_page);
    layout->addWidget(m_heatmap, 1);
    m_goldLegend = new QWidget(m_page);
    m_goldLegend->setObjectName(QStringLiteral("goldLegend"));
    auto* legend = new QHBoxLayout(m_goldLegend);
    legend->setContentsMargins(0, 0, 0, 0);
    m_goldSwatch = new QLabel(m_goldLegend);
    legend->addWidget(m_goldSwatch);
    m_goldLegendText =
        new QLabel(tr("outlined: a gold link, the premise word a hypothesis word matches"), m_goldLegend);
    m_goldLegendText->setWordWrap(true);
    legend->addWidget(m_goldLegendText, 1);
    layout->addWidget(m_goldLegend);
    m_bars = new ClassProbabilityBars(m_page);
    layout->addWidget(m_bars);
    m_scroll->setWidget(m_page);
    fitToFont();
    connect(&HeatmapColourChoice::instance(), &HeatmapColourChoice::changed, this,
            &EntailmentView::fitToFont);
    clear();
}

EntailmentView::~EntailmentView() = default;

void EntailmentView::setContent(const EntailmentContent& content) {
    checkEntailmentContent(content);
    m_content = content;
    std::vector<std::string> premise, hypothesis;
    for (const QString& word : content.premise) premise.push_back(word.toStdString());
    for (const QString& word : content.hypothesis) hypothesis.push_back(word.toStdString());
    // The gold links are outlined here rather than dotted by the heatmap: a dot would hide the
    // colour of the very cell it marks, and in a sentence pair that colour is the point.
    m_heatmap->setAlignment(premise, hypothesis, content.weights);
    placeGold();
    m_caption->setText(
        tr("Word by word: each hypothesis word (a row) attends over the premise (the columns)."));
    m_goldLegend->setVisible(!content.goldLinks.empty());
    m_bars->setOutcome(content.classes, content.probabilities, content.predicted, content.gold);
    m_bars->setVisible(true);
}

void EntailmentView::clear() {
    m_content = {};
    m_heatmap->clear();
    placeGold();
    m_goldLegend->setVisible(false);
    m_bars->clear();
    m_bars->setVisible(false);
    m_caption->setText(tr("No premise and hypothesis yet."));
}

void EntailmentView::placeGold() {
    const Alignment& links = m_content.goldLinks;
    while (m_goldOutlines.size() < links.size())
        m_goldOutlines.push_back(
            new CellOutline(m_heatmap->mapRect(), {QPen(kOutlineDark, 4.0), QPen(kGoldColour, 2.0)}, this));
    for (size_t k = 0; k < m_goldOutlines.size(); ++k) {
        if (k < links.size())
            m_goldOutlines[k]->setCells(links[k].source, links[k].source, links[k].target, links[k].target);
        else
            m_goldOutlines[k]->hide();
    }
    m_goldShown = int(links.size());
    m_heatmap->plot()->replot(QCustomPlot::rpQueuedReplot);
}

std::vector<QRectF> EntailmentView::goldOutlines() const {
    std::vector<QRectF> out;
    for (int k = 0; k < m_goldShown; ++k) out.push_back(m_goldOutlines[size_t(k)]->shownRect());
    return out;
}

QString EntailmentView::captionText() const {
    return m_caption->text();
}

QString EntailmentView::goldLegendText() const {
    return m_goldLegendText->text();
}

bool EntailmentView::goldLegendShown() const {
    return m_goldLegend->isVisibleTo(this);
}

bool EntailmentView::exportImage(const QString& path, QString* error) {
    return exportWidgetImage(*m_page, path, error, tr("Word-by-word attention for entailment"));
}

// Room for the labels, a few readable rows and the row strip at any font size, small enough that
// the whole view fits 900 x 500 at 1.5x the font; past that the heatmap takes what the window gives.
// The legend's swatch is the outline as the map draws it, at the text's height, on a cell of the
// current colour map.
void EntailmentView::fitToFont() {
    m_heatmap->setMinimumHeight(fontMetrics().height() * 10);
    const int side = fontMetrics().height();
    QPixmap swatch(side * devicePixelRatio(), side * devicePixelRatio());
    swatch.setDevicePixelRatio(devicePixelRatio());
    swatch.fill(Qt::transparent);
    QPainter painter(&swatch);
    painter.fillRect(QRectF(2, 2, side - 4, side - 4),
                     heatmapColor(HeatmapColourChoice::instance().current(), 0.7));
    painter.setPen(QPen(kOutlineDark, 4.0));
    painter.drawRect(QRectF(2, 2, side - 4, side - 4));
    painter.setPen(QPen(kGoldColour, 2.0));
    painter.drawRect(QRectF(2, 2, side - 4, side - 4));
    painter.end();
    m_goldSwatch->setPixmap(swatch);
}

void EntailmentView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) fitToFont();
}

} // namespace attnlab::ui
