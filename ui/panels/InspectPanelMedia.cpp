// InspectPanel for frames and image models: the source row in place of the sentence line, and the
// decoding shown over the spectrogram or the picture.
#include "ui/panels/InspectPanel.h"

#include "ui/history/HistoryScrubber.h"
#include "ui/media/MediaAlignmentBuilder.h"
#include "ui/media/MediaAlignmentView.h"
#include "ui/panels/ElidedLabel.h"
#include "ui/panels/MediaInspectBox.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>

#include <cmath>

namespace attnlab::ui {

bool InspectPanel::isMediaMode() const {
    return m_model.ready() && !m_model.model->config().input.tokens();
}

void InspectPanel::updateMediaMode() {
    const bool media = isMediaMode();
    if (media) m_mediaBox->setInput(m_model.model->config().input);
    m_edit->setVisible(!media);
    m_decodeButton->setVisible(!media);
    m_mediaBox->setVisible(media);
    if (!media) m_mediaView->clear(); // a spoken example's audio stops with it
}

void InspectPanel::showMediaProblem(const QString& message) {
    // The source shown before (if any) stays decoded below; the problem is said above it, also
    // through the re-decodings that new snapshots bring while training.
    m_mediaProblem = message;
    m_warningLabel->setText(message);
    m_warningLabel->show();
}

void InspectPanel::showMediaDecoding() {
    const std::optional<MediaSource>& source = m_mediaBox->source();
    if (!source) {
        m_decoding = SentenceDecoding{};
        m_warningLabel->setText(m_mediaProblem);
        m_warningLabel->setVisible(!m_mediaProblem.isEmpty());
        m_outputLabel->setFullText(QString());
        m_scoreLabel->clear();
        m_mediaView->clear();
        showHint();
        return;
    }
    {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const struct Restore {
            ~Restore() { QApplication::restoreOverrideCursor(); }
        } restore;
        m_decoding = SentenceDecoder(beamWidth()).decodeFeatures(m_model, source->modelSource());
    }
    QStringList warnings;
    if (!m_mediaProblem.isEmpty()) warnings << m_mediaProblem;
    if (!m_decoding.ok()) warnings << m_decoding.error;
    if (m_decoding.ok() && !m_decoding.finished)
        warnings << tr("Stopped at the length limit without an end token.");
    if (m_decoding.ok()) {
        const MediaExample example{source->features, source->media, source->gold,
                                   tokenize(source->reference, m_model.targetTokens)};
        try {
            MediaAlignmentBuilder(m_model.model->config().input)
                .show(*m_mediaView, example, m_decoding.outputTokens, m_decoding.attention);
        } catch (const std::invalid_argument& e) {
            warnings << tr("Cannot show this attention: %1").arg(QString::fromStdString(e.what()));
        }
    }
    m_warningLabel->setText(warnings.join(QLatin1Char('\n')));
    m_warningLabel->setVisible(!warnings.isEmpty());
    if (!m_decoding.ok() || m_mediaView->shown() == MediaAlignmentView::Shown::Nothing) {
        m_outputLabel->setFullText(QString());
        m_scoreLabel->clear();
        m_stack->setCurrentWidget(m_hintLabel);
        m_scrubber->hide();
        return;
    }
    QString output = tr("Output: %1").arg(outputText());
    if (!source->reference.empty())
        output += tr("   (reference: %1)").arg(QString::fromStdString(source->reference));
    m_outputLabel->setFullText(output);
    m_scoreLabel->setText(tr("log-probability %1 (%2%)")
                              .arg(m_decoding.logProb, 0, 'f', 3)
                              .arg(100.0 * std::exp(m_decoding.logProb), 0, 'f', 1));
    m_stack->setCurrentWidget(m_mediaView);
    m_scrubber->hide(); // attention through training is followed for token sources only
}

} // namespace attnlab::ui
