#pragma once
// The key to the word colours: "attention weight 0% [colour map] 100%", drawn in the heatmaps'
// current colour map (View > Heatmap Colours) and sized by the font.
#include <QWidget>

namespace attnlab::ui {

class WeightLegend : public QWidget {
    Q_OBJECT
public:
    explicit WeightLegend(QWidget* parent = nullptr);

    QString text() const; // "attention weight: 0% to 100%", for tests and screen readers
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int rampWidth() const;
};

} // namespace attnlab::ui
