#pragma once
// The beam explorer: every hypothesis beam search held, drawn as a tree that unfolds left to right,
// one column per output step. In each column the step's candidates are stacked best score first;
// each box shows its token, its cumulative log-probability and the length-normalised score beam
// search ranks by, with a line to the hypothesis it extends. Pruned candidates are
// grey, finished hypotheses (</s>) have a double border, and the path of the hypothesis beam search
// returns (the winner) is drawn thick and blue. Clicking a box asks for that hypothesis's heatmap
// and step-through. Keyboard: ← → to the parent and the best child, ↑ ↓ within a step, Enter
// to choose.
#include "core/infer/BeamTree.h"

#include <QWidget>

#include <functional>
#include <string>
#include <vector>

namespace attnlab::ui {

class CsvWriter;

class BeamTreeView : public QWidget {
    Q_OBJECT
public:
    // Pixels per step and per candidate of a step: 96 x 48 at a 9-point font, more at a larger
    // one, so a box always holds its three lines.
    int columnWidth() const;
    int rowHeight() const;

    explicit BeamTreeView(QWidget* parent = nullptr);

    // tokenText names a target token id. A tree without nodes clears.
    void setTree(const BeamTree& tree, const std::function<std::string(int)>& tokenText);
    const BeamTree& tree() const { return m_tree; }
    int selectedNode() const { return m_selected; } // −1 when none
    void selectNode(int id);                        // without emitting nodeChosen
    QRect nodeRect(int id) const;                   // where node `id` is drawn (empty when absent)
    int nodeAt(QPoint point) const;                 // −1 off the boxes
    QString nodeText(int id) const;                 // "token\nscore" as drawn
    QString nodeToolTip(int id) const;
    // One row per node: id, parent, step, token, token_log_prob, log_prob, score, state, winner.
    void writeCsv(CsvWriter& csv) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void nodeChosen(int id);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    void layOut();

    BeamTree m_tree;
    std::function<std::string(int)> m_tokenText;
    std::vector<QPoint> m_cells; // by node id: (column, row) of its box
    int m_columns = 0, m_rows = 0;
    int m_selected = -1;
};

// "kept", "pruned", "finished".
QString beamStateName(BeamNodeState state);

} // namespace attnlab::ui
