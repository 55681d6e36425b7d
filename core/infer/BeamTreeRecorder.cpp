#include "core/infer/BeamTreeRecorder.h"

#include "core/nn/SequenceBatch.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace attnlab {

BeamTreeRecorder::BeamTreeRecorder(BeamTree& tree, int width, double lengthPenalty) : m_tree(tree) {
    m_tree = BeamTree{};
    m_tree.width = width;
    m_tree.lengthPenalty = lengthPenalty;
    BeamNode root;
    root.token = StartId;
    m_tree.nodes.push_back(root);
    m_slotNode = {0};
}

void BeamTreeRecorder::consider(int step, int slot, int token, double logProb, float tokenLogProb,
                                BeamNodeState state) {
    BeamNode node;
    node.id = static_cast<int>(m_tree.nodes.size());
    node.parent = m_slotNode.at(static_cast<size_t>(slot));
    node.step = step;
    node.token = token;
    node.tokenLogProb = tokenLogProb;
    node.logProb = logProb;
    // As beam search ranks a hypothesis of step + 1 tokens
    const double length = step + 1.0;
    const double penalty = m_tree.lengthPenalty;
    node.score = penalty > 0 ? logProb / std::pow(length, penalty) : logProb;
    node.state = state;
    if (state == BeamNodeState::Kept) m_keptNodes.push_back(node.id);
    if (state == BeamNodeState::Finished) m_endingNodes.push_back(node.id);
    m_tree.nodes.push_back(node);
}

void BeamTreeRecorder::endStep() {
    m_slotNode.swap(m_keptNodes);
    m_keptNodes.clear();
}

void BeamTreeRecorder::endOpen(int slot) {
    m_endingNodes.push_back(m_slotNode.at(static_cast<size_t>(slot)));
}

void BeamTreeRecorder::finish(size_t ending, const DecodeResult& result) {
    m_tree.winner = m_endingNodes.at(ending);
    m_tree.nodes[static_cast<size_t>(m_tree.winner)].isWinner = true;
    for (int at = m_tree.winner; at >= 0; at = m_tree.nodes[static_cast<size_t>(at)].parent)
        m_tree.nodes[static_cast<size_t>(at)].onWinnerPath = true;
    m_tree.result = result;
}

} // namespace attnlab
