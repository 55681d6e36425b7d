#pragma once
// The beam explorer: every hypothesis beam search held, as a tree that unfolds step by step from
// <s>. Each node shows its token, the cumulative log-probability and the length-normalised score
// beam search ranks by; pruned candidates are greyed, finished hypotheses marked ■, and the one
// beam search returns (the winner) is bold, its path expanded. Selecting a node asks for that
// hypothesis's heatmap and step-through.
#include "core/infer/BeamTree.h"

#include <QTreeWidget>

#include <functional>
#include <string>

namespace attnlab::ui {

class CsvWriter;

class BeamTreeView : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { TokenColumn, LogProbColumn, ScoreColumn, StateColumn, ColumnCount };

    explicit BeamTreeView(QWidget* parent = nullptr);

    // tokenText names a target token id. An empty tree (width 0 nodes) clears.
    void setTree(const BeamTree& tree, const std::function<std::string(int)>& tokenText);
    const BeamTree& tree() const { return m_tree; }
    // The tree item of node `id` (null when absent).
    QTreeWidgetItem* itemOf(int id) const;
    int selectedNode() const; // −1 when none
    void selectNode(int id);  // without emitting nodeChosen
    // One row per node: id, parent, step, token, token_log_prob, log_prob, score, state, winner.
    void writeCsv(CsvWriter& csv) const;

Q_SIGNALS:
    void nodeChosen(int id);

private:
    BeamTree m_tree;
    std::function<std::string(int)> m_tokenText;
    std::vector<QTreeWidgetItem*> m_items; // by node id
    bool m_filling = false;
};

// "kept", "pruned", "finished".
QString beamStateName(BeamNodeState state);

} // namespace attnlab::ui
