#pragma once
// N words, K classes. Which words decided a classifier's label (issue 15): the text with each
// word on a background of its attention-pooling weight (gold evidence underlined, a tooltip with
// the weight in percent), the same weights as a 1 x N heatmap row, and the predicted class with
// every class's probability. A mean-pooling model ("none") has no weights: the view says that every
// word weighs the same and leaves the colours and the row out. Everything scrolls inside the view,
// so a narrow window or a projector's large font wraps and scrolls instead of clipping.
#include "ui/label/ClassificationContent.h"

#include <QString>
#include <QWidget>

class QLabel;
class QScrollArea;

namespace attnlab::ui {

class ClassProbabilityBars;
class WeightLegend;
class WeightRow;
class WeightedTextView;

class ClassificationView : public QWidget {
    Q_OBJECT
public:
    explicit ClassificationView(QWidget* parent = nullptr);
    ~ClassificationView() override;

    // Throws std::invalid_argument (checkClassificationContent) and keeps showing what it showed.
    void setContent(const ClassificationContent& content);
    void clear();
    bool hasContent() const { return !m_content.tokens.empty(); }
    const ClassificationContent& content() const { return m_content; }

    QString captionText() const;
    bool weightLegendShown() const; // with weights only
    bool goldLegendShown() const;   // when the content has gold evidence
    QString goldLegendText() const;
    WeightedTextView& textView() const { return *m_text; }
    WeightRow& weightRow() const { return *m_row; } // the 1 x N heatmap row; hidden without weights
    ClassProbabilityBars& bars() const { return *m_bars; }
    QWidget& contentWidget() const { return *m_page; } // all of it, scrolled or not

    // The whole view (also the part scrolled out of sight) as PNG, SVG or PDF, by the extension.
    bool exportImage(const QString& path, QString* error = nullptr);

private:
    QScrollArea* m_scroll = nullptr;
    QWidget* m_page = nullptr;
    QLabel* m_caption = nullptr;
    WeightedTextView* m_text = nullptr;
    WeightLegend* m_weightLegend = nullptr;
    QLabel* m_goldLegend = nullptr;
    WeightRow* m_row = nullptr;
    ClassProbabilityBars* m_bars = nullptr;
    ClassificationContent m_content;
};

} // namespace attnlab::ui
