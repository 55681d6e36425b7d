#pragma once
// Every hypothesis a beam search held (issue 12's beam explorer): a tree rooted at <s>, one node
// per candidate the search considered at a step (the best 2k of that step, k the width), so the
// tree grows by at most 2k nodes per step.
#include "core/infer/DecodeResult.h"

#include <vector>

namespace attnlab {

enum class BeamNodeState {
    Kept,     // in the beam after its step (the root too)
    Pruned,   // considered at its step but did not survive; never a parent
    Finished, // emitted </s> and became one of the search's finished hypotheses
};

struct BeamNode {
    int id = 0;             // index in BeamTree::nodes
    int parent = -1;        // -1 for the root
    int step = -1;          // output position t of token (the root: -1)
    int token = 0;          // the token this node adds (the root: <s>)
    float tokenLogProb = 0; // log p(token | parent's prefix)
    double logProb = 0;     // cumulative log-probability of the prefix up to this node
    double score = 0;       // logProb / (step + 1)^lengthPenalty (beam search's ranking score)
    BeamNodeState state = BeamNodeState::Kept;
    bool isWinner = false;     // the hypothesis beamSearch returns
    bool onWinnerPath = false; // the winner or one of its ancestors (the root included)
};

struct BeamTree {
    int width = 1;
    double lengthPenalty = 1.0;
    std::vector<BeamNode> nodes; // nodes[0] is the root; a parent always comes before its children
    int winner = -1;             // id of the node beamSearch's result ends at
    DecodeResult result;         // what beamSearch returns (its tokens are the winner's path)

    // The tokens from the root (excluded) to node (included; EndId when node is Finished).
    std::vector<int> path(int node) const;
};

} // namespace attnlab
