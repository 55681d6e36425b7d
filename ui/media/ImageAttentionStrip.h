#pragma once
// The image view's strip: one small picture per output token with that token's attention over it
// and the token written under it, left to right in output order, so a caption reads as a row of
// glances. Clicking one (or Left and Right) selects that output; the selected one is drawn on a
// highlight. Lives in a horizontal scroll area when the caption is long.
// T outputs.
#include "ui/media/AttentionOverlay.h"
#include "ui/media/ImageAlignment.h"

#include <QImage>
#include <QWidget>

#include <memory>
#include <vector>

namespace attnlab::ui {

class ImageAttentionStrip : public QWidget {
    Q_OBJECT
public:
    explicit ImageAttentionStrip(QWidget* parent = nullptr);

    // Shapes checked by the caller (checkImageAlignment); null: no items.
    void setAlignment(std::shared_ptr<const ImageAlignment> alignment);
    // How the thumbnails are drawn: `style` (its colourMax ignored when each is scaled to its own
    // largest weight).
    void setOverlayStyle(const OverlayStyle& style, bool scaleToLargest);

    int itemCount() const { return m_data ? int(m_data->outputs.size()) : 0; }
    int selected() const { return m_selected; }
    QRect itemRect(int item) const;    // the item's box (thumbnail and label), in widget pixels
    int itemAt(QPoint pixel) const;    // -1 between and past the items
    QString labelText(int item) const; // the token as shown under its thumbnail (TokenLabel)
    // "output 3 of 7 'circle': largest weight 0.4121 on cell 14 (row 3, column 3)".
    QString toolTipAt(QPoint pixel) const;
    // The thumbnail as drawn (picture, overlay), for tests and exports.
    QImage thumbnail(int item) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

public Q_SLOTS:
    void setSelected(int item); // -1 for none; does not emit

Q_SIGNALS:
    void outputSelected(int output); // a click or a key, not setSelected

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    int thumbSide() const; // the thumbnails' square, from the font: legible on a projector too
    QRect thumbRect(int item) const;
    const float* weights(int item) const; // (N)

    std::shared_ptr<const ImageAlignment> m_data;
    OverlayStyle m_style;
    bool m_scaleToLargest = true;
    int m_selected = -1;
    mutable std::vector<QImage> m_thumbs; // (T) rendered on first paint; emptied by any change
};

} // namespace attnlab::ui
