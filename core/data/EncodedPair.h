#pragma once
#include <vector>

namespace attnlab {

// One pair as vocabulary ids, specials excluded: the batcher appends </s> to the target, the
// decoder prepends <s>.
struct EncodedPair {
    std::vector<int> source; // (S) >= 1 id
    std::vector<int> target; // (T - 1) >= 1 id, without </s>

    friend bool operator==(const EncodedPair&, const EncodedPair&) = default;
};

} // namespace attnlab
