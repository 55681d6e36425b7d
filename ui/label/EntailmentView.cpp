#include "ui/label/EntailmentView.h"

#include "ui/label/ClassProbabilityBars.h"
#include "ui/plots/AlignmentHeatmap.h"
#include "ui/plots/GoldOutlines.h"
#include "ui/plots/HeatmapColourChoice.h"
#include "ui/plots/PlotExport.h"
#include "ui/plots/ScrolledPage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <string>

namespace attnlab::ui {

EntailmentView::EntailmentView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("EntailmentView"));
    const ScrolledPage scrolled = makeScrolledPage(this, QStringLiteral("entailmentPage"));
    m_scroll = scrolled.scroll;
    m_page = scrolled.page;
    QVBoxLayout* layout = scrolled.layout;
    m_caption = new QLabel(m_page);
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    m_heatmap = new AlignmentHeatmap(m_page);
    layout->addWidget(m_heatmap, 1);
    m_gold = std::make_unique<GoldOutlines>(*m_heatmap, this);
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
    m_gold->show(m_content.goldLinks);
}

std::vector<QRectF> EntailmentView::goldOutlines() const {
    return m_gold->shownRects();
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
    m_goldSwatch->setPixmap(GoldOutlines::swatch(fontMetrics().height(), devicePixelRatio()));
}

void EntailmentView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) fitToFont();
}

} // namespace attnlab::ui
