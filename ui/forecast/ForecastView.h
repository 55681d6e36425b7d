#pragma once
// W window, K horizon, D series. Which past points a forecast used (issue 15): the series' past
// window, the truth and the forecast (with its 95% interval when the model predicts a variance) on
// one time axis; for the chosen forecast step, each past point's column shaded by the step's
// attention weight and the step's gold past points ringed, with a sentence naming the heaviest
// points; below, the steps x window heatmap (rows t+1..t+K, columns t−W+1..t, gold cells outlined).
// A step is chosen by hovering over it on the plot, with the slider or spin box, or by clicking its
// heatmap row. With D > 1 a box chooses the series drawn (the attention is the same for all).
// Everything scrolls inside the view, so a projector's large font scrolls instead of clipping.
#include "ui/forecast/ForecastContent.h"

#include <QRectF>
#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QScrollArea;
class QSlider;
class QSpinBox;

namespace attnlab::ui {

class AlignmentHeatmap;
class GoldOutlines;
class ForecastPlot;
class WeightLegend;

class ForecastView : public QWidget {
    Q_OBJECT
public:
    explicit ForecastView(QWidget* parent = nullptr);
    ~ForecastView() override;

    // Throws std::invalid_argument (checkForecastContent) and keeps showing what it showed. The
    // chosen step stays when the new content has it (stepping through windows keeps the reader's
    // place), else step t+1 is chosen.
    void setContent(const ForecastContent& content);
    void clear();
    bool hasContent() const { return !m_content.series.empty(); }
    const ForecastContent& content() const { return m_content; } // shownSeries follows the box

    int selectedStep() const { return m_step; } // 0..K−1; -1 without content
    int shownSeries() const { return m_content.shownSeries; }

    QString captionText() const;
    bool seriesChoiceShown() const; // D > 1
    bool stepChoiceShown() const;   // with attention
    bool weightLegendShown() const; // with attention
    bool goldLegendShown() const;
    // The gold links' outlines on the heatmap as drawn, in cell coordinates (past position i and
    // step j give the rectangle i ± 0.5, j ± 0.5).
    std::vector<QRectF> goldOutlines() const;
    ForecastPlot& plot() const { return *m_plot; }
    AlignmentHeatmap& heatmap() const { return *m_heatmap; }
    QSpinBox& stepBox() const { return *m_stepBox; }
    QSlider& stepSlider() const { return *m_stepSlider; }
    QComboBox& seriesBox() const { return *m_seriesBox; }
    QWidget& contentWidget() const { return *m_page; }

    // The whole view as PNG, SVG or PDF, by the extension.
    bool exportImage(const QString& path, QString* error = nullptr);

public Q_SLOTS:
    // Chooses forecast step `step` (0..K−1; anything else is ignored).
    void selectStep(int step);
    // Draws series `series` (0..D−1; anything else is ignored).
    void showSeries(int series);

Q_SIGNALS:
    void stepSelected(int step);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildControls(QWidget* page);
    void placeGold();
    void fitToFont();

    QScrollArea* m_scroll = nullptr;
    QWidget* m_page = nullptr;
    QWidget* m_seriesChoice = nullptr; // the label and the box
    QComboBox* m_seriesBox = nullptr;
    QWidget* m_stepChoice = nullptr; // the label, the slider and the spin box
    QSlider* m_stepSlider = nullptr;
    QSpinBox* m_stepBox = nullptr;
    ForecastPlot* m_plot = nullptr;
    QLabel* m_caption = nullptr;
    AlignmentHeatmap* m_heatmap = nullptr;
    WeightLegend* m_weightLegend = nullptr; // the key to the shading's and the map's colours
    QWidget* m_goldLegend = nullptr;
    QLabel* m_goldSwatch = nullptr;
    std::unique_ptr<GoldOutlines> m_gold; // the gold links' outlines on m_heatmap
    ForecastContent m_content;
    int m_step = -1;
};

} // namespace attnlab::ui
