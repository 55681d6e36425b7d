#pragma once
// S source length, T output steps, H hidden size.
// The Gates tab (issue 13): what the LSTMs do while they read and write one sentence. For a typed
// sentence (its own line edit; the dataset's example when it is left empty) decoded greedily with
// the current inference snapshot, heatmaps (units x time) of the input, forget and output gates
// and the cell state, for the chosen encoder direction over the source tokens and for the decoder
// over its output tokens (core's traceGates). Units can be sorted by variance; hovering shows a
// value; clicking a row follows that unit below, all four quantities over time. A paragraph ties
// each gate to the LSTM equations. Before a model exists it shows a hint instead. Decoding runs on
// the GUI thread (a millisecond or so for the models AttnLab trains, as the Train tab's inspect
// panel), again for each new snapshot while the tab is visible.
#include "core/infer/GateTrace.h"
#include "ui/session/InferenceModel.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace attnlab::ui {

class GateHeatmap;
class GateTracePlot;

class GatesWorkspace : public QWidget {
    Q_OBJECT
public:
    enum class Side { Encoder, Decoder };

    explicit GatesWorkspace(QWidget* parent = nullptr);

    void setModel(const InferenceModel& model);
    // Shown as the line edit's placeholder and traced while nothing is typed.
    void setExampleSentence(const QString& sentence);
    void traceSentence(const QString& text);
    // Index into trace()->encoder (0 forward, 1 backward of a bidirectional encoder).
    void setEncoderPart(int index);
    int encoderPart() const { return m_encoderPart; }
    void setSortedByVariance(bool sorted);
    // Follows unit (a row of side's matrices) in the trace plot; −1 clears.
    void selectUnit(Side side, int unit);
    Side selectedSide() const { return m_selectedSide; }
    int selectedUnit() const { return m_selectedUnit; }

    // The shown trace (empty before a model, or when the sentence cannot be read).
    const std::optional<GateTrace>& trace() const { return m_trace; }
    QStringList sourceLabels() const { return m_sourceLabels; }
    QStringList outputLabels() const { return m_outputLabels; }
    // The activations side shows: the chosen encoder direction's, or the decoder's.
    const GateActivations* shownGates(Side side) const;

    GateHeatmap& heatmap(Side side, GateQuantity quantity) const;
    GateTracePlot& tracePlot() const { return *m_tracePlot; }
    QLabel& hint() const { return *m_hint; }
    QLineEdit& sentence() const { return *m_sentence; }
    QComboBox& encoderChoice() const { return *m_encoderChoice; }
    QCheckBox& sortByVariance() const { return *m_sortByVariance; }
    QWidget& content() const { return *m_content; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void showHint(const QString& text);
    void showTrace();
    void fillMaps(Side side);
    QString sideTitle(Side side) const;

    QLineEdit* m_sentence;
    QComboBox* m_encoderChoice;
    QCheckBox* m_sortByVariance;
    QLabel* m_hint;
    QLabel* m_output;
    QWidget* m_content;
    GateHeatmap* m_maps[2][4]; // [Side][GateQuantity]
    GateTracePlot* m_tracePlot;

    InferenceModel m_model;
    QString m_text;    // typed; empty: the example
    QString m_example; // the dataset's example sentence
    std::optional<GateTrace> m_trace;
    QStringList m_sourceLabels; // (S)
    QStringList m_outputLabels; // (T)
    int m_encoderPart = 0;
    Side m_selectedSide = Side::Encoder;
    int m_selectedUnit = -1;
    bool m_stale = true; // a model or sentence arrived while the tab was hidden
};

} // namespace attnlab::ui
