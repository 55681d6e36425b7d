#pragma once
// One attention heatmap per run of a comparison, for the same input: a validation pair picked
// from a list (with its gold links and a ✓ or ✗ against its reference) or a sentence the person
// types. Every map uses the same colour scale (0 to 1). Hovering a cell in one map outlines the
// same cell in all of them, so the runs' attention to one source token can be compared at a
// glance. Each map is titled with its run (in the run's colour) and its output. Decoding runs on
// the GUI thread with each run's latest snapshot, at most once a second per run while training.
#include "ui/session/SentenceDecoder.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;

namespace attnlab::ui {

class AlignmentHeatmap;
class CellOutline;
class CompareSession;

class HeatmapGrid : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapGrid(const CompareSession& session, QWidget* parent = nullptr);

    int cellCount() const { return static_cast<int>(m_cells.size()); }
    AlignmentHeatmap* heatmap(int run) const { return m_cells.at(static_cast<size_t>(run)).heatmap; }
    QString title(int run) const; // plain text: "additive: 2015-03-07 ✓"
    // The cell outlined in every map after hovering one (-1, -1 when none).
    QPoint sharedCell() const { return m_sharedCell; }
    QComboBox* pairBox() const { return m_pairs; }
    QLineEdit* sentenceEdit() const { return m_sentence; }

    // Shows validation pair `index` of the session's data (its position in the pair list).
    void showPair(int index);
    void showSentence(const QString& text);
    // Outlines (output row, source column) in every map; (-1, -1) clears.
    void shareCell(int row, int column);
    // The grid as one picture (PNG, SVG or PDF by extension).
    bool exportImage(const QString& path, QString* error = nullptr);

public Q_SLOTS:
    void rebuild();
    void redecode(int run);

private:
    struct Cell {
        QWidget* frame = nullptr;
        QLabel* title = nullptr;
        AlignmentHeatmap* heatmap = nullptr;
        QLabel* note = nullptr;              // instead of the map for a run without attention
        CellOutline* hoverOutline = nullptr; // the shared hovered cell
        QString plainTitle;
    };
    void fillPairs();
    void decodeAll();
    void onHover(int run, QPointF pixel);
    // New snapshots are decoded one run per event-loop turn, so seven arriving together never
    // hold the GUI thread for seven decodes and redraws at once.
    void queueDecode(int run);
    void decodeNextQueued();

    const CompareSession& m_session;
    SentenceDecoder m_decoder;
    QComboBox* m_pairs = nullptr;
    QLineEdit* m_sentence = nullptr;
    QGridLayout* m_grid = nullptr;
    QWidget* m_gridHost = nullptr;
    std::vector<Cell> m_cells;
    int m_pairIndex = -1; // the validation pair shown; -1 for a typed sentence
    QString m_text;       // the typed sentence
    QPoint m_sharedCell{-1, -1};
    std::vector<int> m_queued; // runs whose new snapshot waits to be decoded
};

} // namespace attnlab::ui
