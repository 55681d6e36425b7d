#pragma once
#include "core/nn/SourceFeatures.h"

#include <vector>

namespace attnlab {

// One pair as vocabulary ids, specials excluded: the batcher appends </s> to the target, the
// decoder prepends <s>.
struct EncodedPair {
    std::vector<int> source; // (S) >= 1 id
    std::vector<int> target; // (T - 1) >= 1 id, without </s>
    // Frames or an image (D x S): source then holds S placeholder ids (UnknownId). Shared with
    // the dataset, never copied.
    SharedFeatures features;

    ModelSource modelSource() const { return {source, features.get()}; }

    friend bool operator==(const EncodedPair&, const EncodedPair&) = default;
};

} // namespace attnlab
