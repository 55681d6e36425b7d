#pragma once
// What the reader did with every line of a dataset file. Nothing is dropped without a count:
// linesRead == headerLines + commentLines + blankLines + pairsKept + droppedTooLong.
#include <cstdint>
#include <string>

namespace attnlab {

struct LoadReport {
    std::int64_t bytesRead = 0;
    std::int64_t linesRead = 0;   // every line, comments, blanks and the CSV header included
    std::int64_t headerLines = 0; // the CSV header row
    std::int64_t commentLines = 0;
    std::int64_t blankLines = 0;
    std::int64_t pairsKept = 0;
    std::int64_t droppedTooLong = 0;       // pairs dropped by either length limit
    std::int64_t droppedSourceTooLong = 0; // of those, source over maxSourceLength
    std::int64_t droppedTargetTooLong = 0; // of those, target over maxTargetLength (a pair over
                                           // both limits is in both counts, once in the total)
    std::int64_t firstDroppedLine = 0;     // 0 when none was dropped
    // Character-level gold links that pointed at whitespace removed by trimming.
    std::int64_t alignmentLinksTrimmed = 0;
    // TSV lines whose third column was ignored: not alignment links (an attribution, say).
    std::int64_t thirdColumnsIgnored = 0;
    bool hasAlignments = false;
    int maxSourceLength = 0; // the limits in force (0 = none), for the summary
    int maxTargetLength = 0;

    // One line for people, e.g. "1204 lines: 1200 pairs kept, 3 comment, 1 blank; dropped 2 too
    // long (source > 30 tokens: 2, target > 30 tokens: 0)".
    std::string summary() const;
};

} // namespace attnlab
