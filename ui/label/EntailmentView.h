#pragma once
// P premise words, Q hypothesis words, K classes. Word-by-word attention for entailment (issue 15,
// Rocktäschel et al. 2016): the premise x hypothesis heatmap, hypothesis words down the side and
// premise words across, so row j is where hypothesis word j looked in the premise; gold links are
// outlined in the heatmaps' gold; under it the predicted class with every class's probability.
// Clicking a row shows its distribution as bars under the map. Everything scrolls inside the view,
// so a projector's large font scrolls instead of clipping.
#include "ui/label/EntailmentContent.h"

#include <QRectF>
#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QScrollArea;

namespace attnlab::ui {

class AlignmentHeatmap;
class GoldOutlines;
class ClassProbabilityBars;

class EntailmentView : public QWidget {
    Q_OBJECT
public:
    explicit EntailmentView(QWidget* parent = nullptr);
    ~EntailmentView() override;

    // Throws std::invalid_argument (checkEntailmentContent) and keeps showing what it showed.
    void setContent(const EntailmentContent& content);
    void clear();
    bool hasContent() const { return !m_content.premise.empty(); }
    const EntailmentContent& content() const { return m_content; }

    QString captionText() const;
    bool goldLegendShown() const;
    QString goldLegendText() const;
    // The gold links' outlines as drawn, in cell coordinates (premise column i and hypothesis row j
    // give the rectangle i ± 0.5, j ± 0.5), the part in view; empty rectangles for links out of view.
    std::vector<QRectF> goldOutlines() const;
    AlignmentHeatmap& heatmap() const { return *m_heatmap; }
    ClassProbabilityBars& bars() const { return *m_bars; }
    QWidget& contentWidget() const { return *m_page; }

    // The whole view as PNG, SVG or PDF, by the extension.
    bool exportImage(const QString& path, QString* error = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void placeGold();
    void fitToFont(); // and to the colour map

    QScrollArea* m_scroll = nullptr;
    QWidget* m_page = nullptr;
    QLabel* m_caption = nullptr;
    AlignmentHeatmap* m_heatmap = nullptr;
    QWidget* m_goldLegend = nullptr; // the swatch and its text
    QLabel* m_goldSwatch = nullptr;
    QLabel* m_goldLegendText = nullptr;
    ClassProbabilityBars* m_bars = nullptr;
    std::unique_ptr<GoldOutlines> m_gold; // the gold links' outlines on m_heatmap
    EntailmentContent m_content;
};

} // namespace attnlab::ui
