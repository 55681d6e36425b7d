#pragma once
// Turns the pairs a reader finds, side by side as in the file, into a Dataset: checks each pair
// (empty sides, alignment indices in range), applies the options (trim, lowercase, reverse,
// length limits) and counts everything it drops. Errors are DatasetErrors naming the line.
#include "core/data/Dataset.h"

#include <string>
#include <string_view>

namespace attnlab {

class DatasetBuilder {
public:
    // `displayName` names the input in errors (usually the path); `expectedTextBytes` reserves
    // the text buffer once (the file size bounds the kept text), so it never grows by copying.
    DatasetBuilder(std::string name, std::string path, std::string displayName, const DatasetOptions& options,
                   std::size_t expectedTextBytes = 0);

    // One pair, sides as written in the file (valid UTF-8); `links` is null when the line has no
    // alignment column, else its links in the file's tokenisation, before any option.
    // For an entailment dataset `fileSource` is "premise | hypothesis" and `links` join premise
    // and hypothesis words (as in addEntailment).
    void add(std::string_view fileSource, std::string_view fileTarget, const Alignment* links,
             std::int64_t line);

    // What the pairs mean (see DatasetOptions::task), before the first pair; `line` is where the
    // file said so (0 when the options did). A label kind forces word tokens on the target (and
    // on an entailment source); throws DatasetError when the reverse option is set with one.
    void setTask(TaskKind task, std::int64_t line = 0);
    TaskKind task() const { return m_dataset.m_options.task; }
    // One entailment pair as the file gives it: the source becomes joinPremiseHypothesis(premise,
    // hypothesis). Links are (premise word, hypothesis word), checked against the two sentences.
    // An empty side, or one holding the separator word, is an error naming the line.
    void addEntailment(std::string_view premise, std::string_view hypothesis, std::string_view label,
                       const Alignment* links, std::int64_t line);

    // Frames or images: every pair is then added with addMedia. The reverse option cannot apply
    // (a transcript is not audio): throws DatasetError when it is set.
    void setInput(const InputConfig& input);
    // One pair whose source is features: `label` stands for it in lists, `links` are gold links
    // (input position, target token) or null, `line` the pair's line (its index when generated).
    void addMedia(std::string_view label, std::string_view target, const Alignment* links, std::int64_t line,
                  SharedFeatures features, SharedMedia media);

    LoadReport& report() { return m_dataset.m_report; }
    const std::string& displayName() const { return m_displayName; }

    // The finished dataset; throws DatasetError when no pair was kept.
    Dataset finish();

private:
    struct Side {
        std::string_view text;  // after trimming, a view into the line
        std::string lowered;    // the lowercased text, when lowercasing
        int tokens = 0;         // in the side's tokenisation, after trimming
        int leadingTrimmed = 0; // code points removed at the front by trimming

        std::string_view kept() const { return lowered.empty() ? text : std::string_view(lowered); }
    };
    Side prepareSide(std::string_view text, Tokenization tokenization, const char* which,
                     std::int64_t line) const;
    void checkLinkRanges(const Alignment& links, std::string_view fileSource, std::string_view fileTarget,
                         std::int64_t line) const;
    void decideAlignments(bool hasLinks, std::int64_t line);
    void checkLabel(std::string_view label, std::int64_t line) const;
    std::string_view checkSentence(std::string_view text, const char* which, std::int64_t line) const;
    // The part common to every token pair: reverse, length limits, then the record. The links to
    // keep are in m_scratch.
    void keep(const Side& source, const Side& target, std::int64_t line);
    [[noreturn]] void fail(std::int64_t line, const std::string& reason) const;

    std::string m_displayName;
    Dataset m_dataset;
    Tokenization m_fileSourceTokens; // the tokenisations of the file's columns (before reversing)
    Tokenization m_fileTargetTokens;
    bool m_alignmentsDecided = false;
    bool m_anyPair = false;
    Alignment m_scratch;
    std::string m_joined; // an entailment source, joined, while it is added
};

} // namespace attnlab
