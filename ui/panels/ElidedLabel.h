#pragma once
// A one-line label for text of any length (a decoded sentence, a model description, a status
// sentence): it shows as much as fits, ends with "…" when cut, and puts the whole text in its
// tooltip. Its minimum width does not follow the text, so a long text can never widen the window;
// its height is one line whether or not there is text, so lines never appear and push others.
#include <QLabel>

namespace attnlab::ui {

class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    // The whole text; QLabel::text() is what is shown (elided when cut).
    QString fullText() const { return m_fullText; }
    void setFullText(const QString& text);
    bool isElided() const { return m_elided; }
    // An explanation that stays in the tooltip above the full text (empty: none).
    void setBaseToolTip(const QString& toolTip);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateShownText();

    QString m_fullText;
    QString m_baseToolTip;
    bool m_elided = false;
};

} // namespace attnlab::ui
