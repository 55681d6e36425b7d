#pragma once
// Where the window shows a model's attention over an input that is not text: the spectrogram view
// for speech, the picture view for images, or a hint while there is neither. One widget for the
// inspect area, whatever the dataset's input kind.
#include "ui/media/ImageAlignment.h"
#include "ui/media/SpeechAlignment.h"

#include <QStackedWidget>

class QLabel;

namespace attnlab::ui {

class ImageAttentionView;
class SpectrogramAttentionView;

class MediaAlignmentView : public QStackedWidget {
    Q_OBJECT
public:
    enum class Shown { Nothing, Speech, Image };

    explicit MediaAlignmentView(QWidget* parent = nullptr);

    // Each shows its view and empties the other (a spoken example's audio stops). Both throw
    // std::invalid_argument, as the views do, when the shapes disagree; the view shown then stays.
    void setSpeech(const SpeechAlignment& alignment);
    void setImage(const ImageAlignment& alignment);
    void clear();
    Shown shown() const;

    // The selected output of the view shown (-1 with nothing shown).
    int selectedOutput() const;
    void setSelectedOutput(int output);

    SpectrogramAttentionView& speechView() const { return *m_speech; }
    ImageAttentionView& imageView() const { return *m_image; }
    QLabel& hint() const { return *m_hint; }

Q_SIGNALS:
    void outputSelected(int output); // from either view
    void frameClicked(int frame);    // from the speech view

private:
    QLabel* m_hint = nullptr;
    SpectrogramAttentionView* m_speech = nullptr;
    ImageAttentionView* m_image = nullptr;
};

} // namespace attnlab::ui
