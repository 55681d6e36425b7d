#pragma once
// Gold alignments in Pharaoh format, as fast_align writes them: "0-0 1-2 2-1". Each link is
// source-target token indices, 0-based, in the dataset's tokenisation; "i-j" is a sure link and
// "i?j" a possible one (the Och & Ney gold-standard convention).
#include "core/util/AlignmentLink.h"

#include <stdexcept>
#include <string>
#include <string_view>

namespace attnlab {

// Parses space-separated links; an empty or all-blank text is an empty alignment.
// Throws std::invalid_argument naming the offending link: malformed ("1-x", "3", "1--2"), an
// index too large for an int, or the same source-target pair given twice.
Alignment parseAlignment(std::string_view text);

// "0-0 1?2 ...", links in the order given.
std::string formatAlignment(const Alignment& alignment);

// True when at least half of the blank-separated words of `text` are links (i-j or i?j), or it
// is blank: an alignment column, in which a malformed word is a typo to report ("0-2 1-x"), not
// a sign of some other column. Tells an alignment column from other third columns (Tatoeba's
// attribution, say, which has no link at all).
bool looksLikeAlignment(std::string_view text);

// Sorted by (source, target): the canonical order in which AttnLab writes alignments.
void sortAlignment(Alignment& alignment);

// Source and target swapped (for a reversed dataset), in canonical order.
Alignment transposeAlignment(const Alignment& alignment);

} // namespace attnlab
