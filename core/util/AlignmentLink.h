#pragma once
// One link of a word (or character) alignment between a source and a target sequence, as read
// from and written to Pharaoh format: "i-j" is a sure link, "i?j" a possible one (Och & Ney).
// Indices are 0-based token positions in the dataset's tokenisation, specials excluded.
#include <vector>

namespace attnlab {

struct AlignmentLink {
    int source = 0;
    int target = 0;
    bool sure = true;

    friend bool operator==(const AlignmentLink&, const AlignmentLink&) = default;
    // Ordered by source, then target, then possible before sure. (No <=>: Qt's moc cannot parse
    // <compare>, and ui headers include this one.)
    friend bool operator<(const AlignmentLink& a, const AlignmentLink& b) {
        if (a.source != b.source) return a.source < b.source;
        if (a.target != b.target) return a.target < b.target;
        return a.sure < b.sure;
    }
};

using Alignment = std::vector<AlignmentLink>;

} // namespace attnlab
