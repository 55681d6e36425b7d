#include "core/infer/BeamTree.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace attnlab {

std::vector<int> BeamTree::path(int node) const {
    if (node < 0 || node >= static_cast<int>(nodes.size()))
        throw std::invalid_argument("BeamTree::path: no node " + std::to_string(node));
    std::vector<int> tokens;
    for (int at = node; nodes[static_cast<size_t>(at)].parent >= 0;
         at = nodes[static_cast<size_t>(at)].parent)
        tokens.push_back(nodes[static_cast<size_t>(at)].token);
    std::reverse(tokens.begin(), tokens.end());
    return tokens;
}

} // namespace attnlab
