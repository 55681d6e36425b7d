#pragma once
// "Inspect your sentence": a person types a sentence, presses Enter, and sees the model's output
// and the alignment heatmap that produced it. Greedy or beam search is chosen in the panel.
// Decoding uses an inference snapshot (setModel), so it works while training goes on; each new
// snapshot re-decodes the last sentence, so the heatmap follows training live.
// A frames or image model takes a recording or a picture instead (MediaInspectBox: a file or a
// random example) and shows its attention over the spectrogram or the picture (MediaAlignmentView).
#include "core/eval/Metrics.h"
#include "core/train/AttentionHistory.h"
#include "ui/label/LabelContentBuilder.h"
#include "ui/session/InferenceModel.h"
#include "ui/session/SentenceDecoder.h"

#include <QString>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace attnlab::ui {

class AlignmentHeatmap;
class ClassificationView;
class ElidedLabel;
class EntailmentView;
class ValidationSummary;

class HistoryScrubber;
class MediaAlignmentView;
class MediaInspectBox;

class InspectPanel : public QWidget {
    Q_OBJECT
public:
    explicit InspectPanel(QWidget* parent = nullptr);

    // Called for every fresh snapshot (about once a second while training) and when a model is
    // opened; a model that is not ready() means "no model" and shows the hint.
    void setModel(const InferenceModel& model);
    // An example the user can try (a validation source of the current dataset): shown in the
    // placeholder, and decoded when Enter is pressed on an empty box.
    void setExampleSentence(const QString& sentence);
    // 1 selects greedy decoding; larger selects beam search of that width.
    void setBeamWidth(int width);
    int beamWidth() const;

    // The decoded text (target tokenisation, without </s>); empty when nothing is decoded.
    QString outputText() const;
    // "Output: …" as the output line holds it (whole; the line shows what fits, with "…").
    QString outputLine() const;
    // The last decoding (also when it failed: see its error).
    const SentenceDecoding& lastDecoding() const { return m_decoding; }
    QString warningText() const;
    bool hintVisible() const;
    AlignmentHeatmap* heatmap() const { return m_heatmap; }
    // The sentence last decoded (the one the run follows through training); empty before any.
    QString sentence() const { return m_sentence; }
    // As PinnedPairsPanel's: the scrubber under the heatmap moves through the typed sentence's
    // attention through training.
    void setHistorySource(const AttentionHistory* history);
    void historyChanged();
    HistoryScrubber* scrubber() const { return m_scrubber; }
    // Frames and image models: the source row (instead of the sentence line) and the view.
    bool isMediaMode() const;
    MediaInspectBox* mediaBox() const { return m_mediaBox; }
    MediaAlignmentView* mediaView() const { return m_mediaView; }
    // Label models (issue 15): the classified text's word weights, entailment's word-by-word map.
    ClassificationView* classificationView() const { return m_classificationView; }
    EntailmentView* entailmentView() const { return m_entailmentView; }
    // The validation pairs' gold (a typed text equal to one shows its evidence and ✓/✗), and the
    // last epoch's validation metrics (accuracy, macro-F1, confusion matrix) of a label model.
    void setLabelReferences(std::vector<LabelReference> references);
    void setValidationMetrics(const Metrics& metrics, int epoch);
    ValidationSummary* validationSummary() const { return m_validationSummary; }

public Q_SLOTS:
    // Decodes the box's text (or the example when the box is empty).
    void decodeInput();
    // Puts `sentence` in the box and decodes it (a session being opened).
    void inspectSentence(const QString& sentence);

Q_SIGNALS:
    void sentenceDecoded(const QString& sentence, const QString& output);
    void historyStepShown(std::optional<long long> step); // nullopt: the current model again

private:
    void buildUi();
    void decodeSentence(const QString& sentence);
    void redecode();
    void showDecoding();
    void showHint();
    void updateSearchControls();
    void showSentenceTrack();
    bool showHistoryFrame(); // true when the scrubber is on a snapshot (and it is shown)
    void updateMediaMode();
    void showMediaDecoding();
    void showMediaProblem(const QString& message);
    bool predictsLabel() const;
    void showLabelDecoding(); // InspectPanelLabel.cpp

    QLineEdit* m_edit = nullptr;
    QPushButton* m_decodeButton = nullptr;
    QComboBox* m_searchCombo = nullptr;
    QSpinBox* m_beamSpin = nullptr;
    ElidedLabel* m_outputLabel = nullptr; // one line, elided: a long output never widens the window
    QLabel* m_scoreLabel = nullptr;       // its log-probability
    QLabel* m_warningLabel = nullptr;
    QLabel* m_hintLabel = nullptr;
    QStackedWidget* m_stack = nullptr;
    AlignmentHeatmap* m_heatmap = nullptr;
    HistoryScrubber* m_scrubber = nullptr;
    MediaInspectBox* m_mediaBox = nullptr;
    MediaAlignmentView* m_mediaView = nullptr;
    ClassificationView* m_classificationView = nullptr;
    EntailmentView* m_entailmentView = nullptr;
    ValidationSummary* m_validationSummary = nullptr;
    std::vector<LabelReference> m_labelReferences;
    QString m_mediaProblem; // the last file that could not be used; kept until another source is shown
    const AttentionHistory* m_history = nullptr;

    InferenceModel m_model;
    QString m_example;
    QString m_sentence; // the sentence last decoded; re-decoded on every new snapshot
    SentenceDecoding m_decoding;
};

} // namespace attnlab::ui
