#include "core/data/LoadReport.h"

namespace attnlab {

std::string LoadReport::summary() const {
    std::string s = std::to_string(linesRead) + " lines: " + std::to_string(pairsKept) + " pairs kept";
    if (hasAlignments) s += " with gold alignments";
    if (headerLines > 0) s += ", " + std::to_string(headerLines) + " header";
    s += ", " + std::to_string(commentLines) + " comment, " + std::to_string(blankLines) + " blank";
    if (droppedTooLong > 0) {
        s += "; dropped " + std::to_string(droppedTooLong) + " too long (";
        if (maxSourceLength > 0)
            s += "source > " + std::to_string(maxSourceLength) +
                 " tokens: " + std::to_string(droppedSourceTooLong);
        if (maxSourceLength > 0 && maxTargetLength > 0) s += ", ";
        if (maxTargetLength > 0)
            s += "target > " + std::to_string(maxTargetLength) +
                 " tokens: " + std::to_string(droppedTargetTooLong);
        s += "; first at line " + std::to_string(firstDroppedLine) + ")";
    }
    if (thirdColumnsIgnored > 0)
        s += "; third column ignored on " + std::to_string(thirdColumnsIgnored) +
             " lines (not alignment links)";
    if (alignmentLinksTrimmed > 0)
        s +=
            "; " + std::to_string(alignmentLinksTrimmed) + " alignment links into trimmed whitespace removed";
    return s;
}

} // namespace attnlab
