#include "ui/media/MediaAlignmentView.h"

#include "ui/media/ImageAttentionView.h"
#include "ui/media/SpectrogramAttentionView.h"

#include <QLabel>

namespace attnlab::ui {

MediaAlignmentView::MediaAlignmentView(QWidget* parent) : QStackedWidget(parent) {
    setObjectName(QStringLiteral("MediaAlignmentView"));
    m_hint = new QLabel(tr("No recording or picture inspected yet.\nOpen a WAV or image file, or draw a new "
                           "example, to see where the model attends."),
                        this);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_speech = new SpectrogramAttentionView(this);
    m_image = new ImageAttentionView(this);
    addWidget(m_hint);
    addWidget(m_speech);
    addWidget(m_image);
    // A stack is as wide as its widest page's controls (the player's hint line, the picture's
    // options): in a dock of a 1024-pixel window that would widen the window. The views draw into
    // whatever room they get, so the stack asks for little and the docks decide.
    setMinimumSize(160, 120);
    connect(m_speech, &SpectrogramAttentionView::outputSelected, this, &MediaAlignmentView::outputSelected);
    connect(m_speech, &SpectrogramAttentionView::frameClicked, this, &MediaAlignmentView::frameClicked);
    connect(m_image, &ImageAttentionView::outputSelected, this, &MediaAlignmentView::outputSelected);
}

void MediaAlignmentView::setSpeech(const SpeechAlignment& alignment) {
    m_speech->setAlignment(alignment); // first: a bad alignment throws before anything changes
    m_image->clear();
    setCurrentWidget(m_speech);
}

void MediaAlignmentView::setImage(const ImageAlignment& alignment) {
    m_image->setAlignment(alignment);
    m_speech->clear();
    setCurrentWidget(m_image);
}

void MediaAlignmentView::clear() {
    m_speech->clear();
    m_image->clear();
    setCurrentWidget(m_hint);
}

MediaAlignmentView::Shown MediaAlignmentView::shown() const {
    if (currentWidget() == m_speech) return Shown::Speech;
    if (currentWidget() == m_image) return Shown::Image;
    return Shown::Nothing;
}

int MediaAlignmentView::selectedOutput() const {
    switch (shown()) {
    case Shown::Speech:
        return m_speech->selectedOutput();
    case Shown::Image:
        return m_image->selectedOutput();
    case Shown::Nothing:
        break;
    }
    return -1;
}

void MediaAlignmentView::setSelectedOutput(int output) {
    if (shown() == Shown::Speech) m_speech->setSelectedOutput(output);
    if (shown() == Shown::Image) m_image->setSelectedOutput(output);
}

} // namespace attnlab::ui
