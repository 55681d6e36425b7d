#pragma once
// One link of a word (or character) alignment between a source and a target sequence, as read
// from and written to Pharaoh format: "i-j" is a sure link, "i?j" a possible one (Och & Ney).
// Indices are 0-based token positions in the dataset's tokenisation, specials excluded.
#include <compare>
#include <vector>

namespace attnlab {

struct AlignmentLink {
    int source = 0;
    int target = 0;
    bool sure = true;

    friend auto operator<=>(const AlignmentLink&, const AlignmentLink&) = default;
};

using Alignment = std::vector<AlignmentLink>;

} // namespace attnlab
