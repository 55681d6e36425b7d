#pragma once
// Validation pairs the user pinned, decoded again as training goes on: each row shows the source,
// the model's current output and a ✓ when it equals the reference; the selected row's attention
// is shown as a heatmap with the dataset's gold alignment on top (for frames and image datasets:
// over the spectrogram or the picture, MediaAlignmentView). New snapshots (setModel) arrive
// about once a second; the rows refresh at most once a second, always ending on the latest one.
#include "core/data/SourceMedia.h"
#include "core/nn/SourceFeatures.h"
#include "core/train/AttentionHistory.h"
#include "ui/session/InferenceModel.h"
#include "ui/session/SentenceDecoder.h"
// After the Qt/Eigen includes above: moc cannot parse <compare> when it comes first.
#include "core/util/AlignmentLink.h"

#include <QColor>
#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <optional>

#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace attnlab::ui {

class AlignmentHeatmap;
class HistoryScrubber;
class MediaAlignmentView;

// A validation pair the user may pin, as the window offers it.
struct PinCandidate {
    int index = 0; // in the validation split
    QString source;
    QString reference;
    Alignment gold; // empty when the dataset has none
    std::vector<std::string> sourceTokens, referenceTokens;
    SharedFeatures features; // frames and image datasets: (D x S) what the model reads; else null
    SharedMedia media;       // the audio or picture behind them; null for tokens
};

class PinnedPairsPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDefaultPins = 3;
    static constexpr int kRefreshIntervalMs = 1000;

    explicit PinnedPairsPanel(QWidget* parent = nullptr);

    // Pins survive when the same pair (index and source) is still offered; when none does, the
    // first kDefaultPins candidates are pinned (unless the user unpinned all of these very pairs).
    void setCandidates(std::vector<PinCandidate> candidates);
    // Refreshes every pinned row (throttled to once per kRefreshIntervalMs; the last model wins).
    void setModel(const InferenceModel& model);

    std::vector<int> pinned() const;                    // candidate indices, in row order
    std::vector<PinCandidate> pinnedCandidates() const; // in row order
    // The attention through training of the pinned pairs (the session's; it outlives the panel's
    // use of it): the scrubber under the heatmap moves through the selected pair's. Call
    // historyChanged() when it has new frames.
    void setHistorySource(const AttentionHistory* history);
    void historyChanged();
    HistoryScrubber* scrubber() const { return m_scrubber; }
    void pin(int index); // no-op if unknown or already pinned
    void unpin(int index);
    // Exactly these pairs pinned, in this order (those not offered are left out).
    void setPinned(const std::vector<int>& indices);

    int rowCount() const { return int(m_rows.size()); }
    QString rowText(int row) const;   // as the list shows it
    QString rowOutput(int row) const; // the current output text; empty before a model
    bool rowCorrect(int row) const;   // output equals the reference (and ended with </s>)
    int selectedRow() const;
    void selectRow(int row);
    bool hintVisible() const;
    AlignmentHeatmap* heatmap() const { return m_heatmap; }
    MediaAlignmentView* mediaView() const { return m_mediaView; } // shown for frames and image pairs

Q_SIGNALS:
    void pinnedChanged();
    // The training step of the snapshot the heatmap shows; nullopt when it shows the current model.
    void historyStepShown(std::optional<long long> step);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        PinCandidate candidate;
        SentenceDecoding decoding;
    };

    void buildUi();
    void refreshRows();
    void decodeRow(Row& row) const;
    void rebuildList();
    void rebuildCombo();
    void showSelected();
    int candidatePosition(int index) const;
    QColor readable(const QColor& colour) const;
    void showSelectedTrack();               // the scrubber follows the selected pair's history
    bool showSelectedMedia(const Row& row); // false when the pair or the model is tokens

    QComboBox* m_pinCombo = nullptr;
    QPushButton* m_pinButton = nullptr;
    QPushButton* m_unpinButton = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_hintLabel = nullptr;
    QLabel* m_legendLabel = nullptr;
    QStackedWidget* m_stack = nullptr;
    AlignmentHeatmap* m_heatmap = nullptr;
    MediaAlignmentView* m_mediaView = nullptr;
    HistoryScrubber* m_scrubber = nullptr;
    const AttentionHistory* m_history = nullptr;

    std::vector<PinCandidate> m_candidates;
    std::vector<Row> m_rows;
    bool m_userUnpinnedAll = false; // the user emptied the list: do not re-pin the same pairs
    InferenceModel m_model;
    QElapsedTimer m_sinceRefresh;
    QTimer m_refreshTimer; // a pending refresh for a snapshot that came too soon
};

} // namespace attnlab::ui
