#pragma once
// A loaded dataset: sequence pairs as UTF-8 text, optionally with gold alignments.
//
// Memory: the text of every pair lives in one contiguous buffer (one copy of the kept text, no
// per-string overhead), indexed by a small fixed-size record per pair; tokens are produced on
// demand. Pairs are already normalised (trimmed, lowercased, reversed) as the options say.
#include "core/data/DatasetOptions.h"
#include "core/data/LoadReport.h"
#include "core/data/SourceMedia.h"
#include "core/nn/InputConfig.h"
#include "core/nn/SourceFeatures.h"
#include "core/util/AlignmentLink.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

// One pair as owned strings: what generators produce and what Dataset::pair() returns.
struct TextPair {
    std::string source;
    std::string target;
    Alignment alignment; // gold links in canonical (source, target) order; empty when none

    friend bool operator==(const TextPair&, const TextPair&) = default;
};

class Dataset {
public:
    Dataset() = default;

    const std::string& name() const { return m_name; }
    const std::string& path() const { return m_path; } // the file read; empty if generated
    const DatasetOptions& options() const { return m_options; }
    const LoadReport& report() const { return m_report; }
    // Pairs, or a label kind (issue 15): then target(i) is one word, the label.
    TaskKind task() const { return m_options.task; }

    int size() const { return static_cast<int>(m_records.size()); }
    bool empty() const { return m_records.empty(); }
    // True when every pair came with a gold alignment column (a file has one for all or none).
    bool hasAlignments() const { return m_hasAlignments; }
    std::size_t textBytes() const { return m_text.size(); }

    // Pair i (0 <= i < size(), else std::out_of_range), as the model sees it.
    std::string_view source(int i) const;
    std::string_view target(int i) const;
    std::span<const AlignmentLink> alignment(int i) const;
    std::int64_t lineNumber(int i) const; // 1-based line of the pair in its file
    std::vector<std::string> sourceTokens(int i) const;
    std::vector<std::string> targetTokens(int i) const;
    TextPair pair(int i) const;
    // Entailment: the number of premise words of pair i, which is also the index of the separator
    // in sourceTokens(i) (hypothesis word j is source token premiseLength(i) + 1 + j); gold links
    // are (premise word, hypothesis word). -1 for the other kinds.
    int premiseLength(int i) const;

    // Frames and images (issue 14): the source is features, made as input() says; source(i) is
    // then a label (the file, or "utterance 12") and gold links are over frames or grid cells.
    const InputConfig& input() const { return m_input; }
    bool hasFeatures() const { return !m_features.empty(); }
    const SharedFeatures& features(int i) const; // null for tokens
    const SharedMedia& media(int i) const;       // null for tokens
    int sourceLength(int i) const;               // frames or cells; for tokens, sourceTokens(i).size()

private:
    friend class DatasetBuilder;

    struct Record {
        std::uint64_t textOffset; // source bytes, then target bytes, in m_text
        std::uint64_t linkOffset; // first link in m_links
        std::int64_t line;
        std::uint32_t sourceBytes;
        std::uint32_t targetBytes;
        std::uint32_t linkCount;
    };
    const Record& record(int i) const;

    std::string m_name;
    std::string m_path;
    DatasetOptions m_options;
    LoadReport m_report;
    bool m_hasAlignments = false;
    std::string m_text;
    std::vector<Record> m_records;
    std::vector<AlignmentLink> m_links;
    InputConfig m_input;                    // kind Tokens unless the pairs carry features
    std::vector<SharedFeatures> m_features; // (pairs) or empty
    std::vector<SharedMedia> m_media;       // (pairs) or empty
};

} // namespace attnlab
