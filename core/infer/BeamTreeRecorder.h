#pragma once
// Writes a BeamTree while beamSearchAll runs (it calls the recorder, when given one, once per step
// and once per ending), so the tree is by construction the search beamSearch made.
#include "core/infer/BeamTree.h"

namespace attnlab {

class BeamTreeRecorder {
public:
    // Clears tree and adds the root, the one live hypothesis before the first step.
    BeamTreeRecorder(BeamTree& tree, int width, double lengthPenalty);

    // A candidate considered at step: live slot `slot` extended by token; logProb is cumulative.
    // A Finished candidate becomes the search's next ending.
    void consider(int step, int slot, int token, double logProb, float tokenLogProb, BeamNodeState state);
    // End of a step: the Kept candidates, in the order considered, become live slots 0, 1, ...
    void endStep();
    // An open hypothesis (live slot) that the length limit ended: the search's next ending.
    void endOpen(int slot);
    // The search returns its ending number `ending` (in the order endings were made).
    void finish(size_t ending, const DecodeResult& result);

private:
    BeamTree& m_tree;
    std::vector<int> m_slotNode;    // node of each live slot
    std::vector<int> m_keptNodes;   // this step's Kept nodes: the next live slots
    std::vector<int> m_endingNodes; // node of each ending, in order
};

} // namespace attnlab
