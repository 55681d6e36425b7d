#pragma once
// A captioning model's attention as Xu et al. (2015) show it: the picture, large, with the
// selected output word's attention laid over it as a translucent colour map (cell-sharp, or
// smoothed between cell centres with "Smooth"), the cells the word names outlined in gold, and
// beneath it a strip with one small overlay per output word (ImageAttentionStrip); clicking one,
// or Left and Right, selects that word for the big picture.
// N cells (gridRows x gridCols), T outputs.
#include "ui/media/ImageAlignment.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QScrollArea;

namespace attnlab::ui {

class ImageAttentionCanvas;
class ImageAttentionStrip;

class ImageAttentionView : public QWidget {
    Q_OBJECT
public:
    explicit ImageAttentionView(QWidget* parent = nullptr);
    ~ImageAttentionView() override;

    // Throws std::invalid_argument (checkImageAlignment) when the shapes disagree. Without outputs
    // the picture shows alone (or the empty state, without one). Selects the first output, or the
    // one selected before when the outputs are the same.
    void setAlignment(const ImageAlignment& alignment);
    void clear();
    const ImageAlignment* alignment() const { return m_data.get(); } // null when cleared

    int outputCount() const { return m_data ? int(m_data->outputs.size()) : 0; }
    int selectedOutput() const { return m_selected; }
    bool isSmooth() const;
    bool isScaledToLargest() const;
    // The weight drawn in the colour map's top colour: the selected output's largest weight when
    // scaled to it, else 1.
    double colourMax() const;

    ImageAttentionCanvas& canvas() const { return *m_canvas; }
    ImageAttentionStrip& strip() const { return *m_strip; }
    QCheckBox& smoothBox() const { return *m_smooth; }
    QCheckBox& scaleBox() const { return *m_scale; }
    QLabel& title() const { return *m_title; }

public Q_SLOTS:
    void setSelectedOutput(int output); // -1: the picture alone; does not emit

Q_SIGNALS:
    void outputSelected(int output); // from the strip or the keys

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void restyle();
    void updateTitle();

    std::shared_ptr<const ImageAlignment> m_data;
    int m_selected = -1;
    QLabel* m_title = nullptr;
    QLabel* m_empty = nullptr;
    QCheckBox* m_smooth = nullptr;
    QCheckBox* m_scale = nullptr;
    ImageAttentionCanvas* m_canvas = nullptr;
    ImageAttentionStrip* m_strip = nullptr;
    QScrollArea* m_stripArea = nullptr;
};

} // namespace attnlab::ui
