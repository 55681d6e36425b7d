#include "ui/label/ClassificationView.h"

#include "ui/label/ClassProbabilityBars.h"
#include "ui/label/WeightLegend.h"
#include "ui/label/WeightRow.h"
#include "ui/label/WeightedTextView.h"
#include "ui/plots/PlotExport.h"
#include "ui/plots/ScrolledPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace attnlab::ui {

ClassificationView::ClassificationView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ClassificationView"));
    const ScrolledPage scrolled = makeScrolledPage(this, QStringLiteral("classificationPage"));
    m_scroll = scrolled.scroll;
    m_page = scrolled.page;
    QVBoxLayout* layout = scrolled.layout;
    m_caption = new QLabel(m_page);
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    m_text = new WeightedTextView(m_page);
    layout->addWidget(m_text);

    auto* legends = new QHBoxLayout;
    legends->setSpacing(fontMetrics().averageCharWidth() * 3);
    m_weightLegend = new WeightLegend(m_page);
    legends->addWidget(m_weightLegend);
    m_goldLegend =
        new QLabel(tr("<u>underlined</u>: gold evidence, the words that decide the label"), m_page);
    m_goldLegend->setWordWrap(true);
    legends->addWidget(m_goldLegend, 1);
    layout->addLayout(legends);

    // Not an AlignmentHeatmap: its labels get at most a sixth of its height, so a one-row map
    // would cut "good" to "…" at a projector's font; this row gives its labels the room they need.
    m_row = new WeightRow(m_page);
    layout->addWidget(m_row);
    m_bars = new ClassProbabilityBars(m_page);
    layout->addWidget(m_bars);
    layout->addStretch(1);
    clear();
}

ClassificationView::~ClassificationView() = default;

void ClassificationView::setContent(const ClassificationContent& content) {
    checkClassificationContent(content);
    m_content = content;
    const bool weighted = !content.weights.empty();
    m_text->setWords(content.tokens, content.weights, content.goldEvidence);
    m_caption->setText(weighted ? tr("Which words decided the label: each word's colour is its attention "
                                     "weight \u03b1 in the pooled sentence.")
                                : tr("No attention: every word weighs the same (the model averages the "
                                     "words), so there is nothing to colour."));
    m_weightLegend->setVisible(weighted);
    m_goldLegend->setVisible(!content.goldEvidence.empty());
    if (weighted)
        m_row->setWeights(content.tokens, content.weights);
    else
        m_row->clear();
    m_row->setVisible(weighted);
    m_bars->setOutcome(content.classes, content.probabilities, content.predicted, content.gold);
    m_bars->setVisible(true);
}

void ClassificationView::clear() {
    m_content = {};
    m_text->clear();
    m_row->clear();
    m_row->setVisible(false);
    m_bars->clear();
    m_bars->setVisible(false);
    m_weightLegend->setVisible(false);
    m_goldLegend->setVisible(false);
    m_caption->setText(tr("No text classified yet."));
}

QString ClassificationView::captionText() const {
    return m_caption->text();
}

bool ClassificationView::weightLegendShown() const {
    return m_weightLegend->isVisibleTo(this);
}

bool ClassificationView::goldLegendShown() const {
    return m_goldLegend->isVisibleTo(this);
}

QString ClassificationView::goldLegendText() const {
    return m_goldLegend->text();
}

bool ClassificationView::exportImage(const QString& path, QString* error) {
    return exportWidgetImage(*m_page, path, error, tr("Attention over a classified text"));
}

} // namespace attnlab::ui
