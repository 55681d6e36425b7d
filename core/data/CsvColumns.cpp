#include "core/data/CsvColumns.h"

#include "core/data/DatasetError.h"
#include "core/data/Utf8.h"

#include <algorithm>

namespace attnlab {
namespace {

using Names = std::vector<std::string>;

std::string asciiLower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

std::optional<std::size_t> findColumn(const std::vector<std::string>& header, const Names& names) {
    for (const std::string& name : names)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (asciiLower(trimUnicodeWhitespace(header[i])) == name) return i;
    return std::nullopt;
}

// The user's column name when given, else the usual names.
Names namesFor(const std::string& chosen, Names defaults) {
    return chosen.empty() ? defaults : Names{asciiLower(chosen)};
}

class HeaderColumns {
public:
    HeaderColumns(const std::vector<std::string>& header, const std::string& file, std::int64_t line)
        : m_header(header), m_file(file), m_line(line) {}

    std::size_t require(const char* what, const Names& names) const {
        const std::optional<std::size_t> column = findColumn(m_header, names);
        if (column) return *column;
        std::string looked, found;
        for (const std::string& n : names) looked += (looked.empty() ? "'" : ", '") + n + "'";
        for (const std::string& h : m_header) found += (found.empty() ? "'" : ", '") + h + "'";
        throw DatasetError(m_file, m_line,
                           std::string("the CSV header names no ") + what + " column (looked for " + looked +
                               "; found " + found + "); a CSV file needs a header row naming its columns");
    }
    void distinct(std::size_t a, std::size_t b, const char* what) const {
        if (a == b)
            throw DatasetError(m_file, m_line, std::string("the CSV ") + what + " are the same column");
    }

private:
    const std::vector<std::string>& m_header;
    const std::string& m_file;
    std::int64_t m_line;
};

const Names LabelNames = {"label", "gold_label"};
const Names PremiseNames = {"premise", "sentence1"};
const Names HypothesisNames = {"hypothesis", "sentence2"};

TaskKind detectKind(const std::vector<std::string>& header, const DatasetOptions& options) {
    const Names targets = namesFor(options.targetColumn, {"target", "tgt", "output"});
    if (findColumn(header, targets) || !findColumn(header, LabelNames)) return TaskKind::Pairs;
    // Either sentence column says entailment; a missing other is then named as such.
    return findColumn(header, PremiseNames) || findColumn(header, HypothesisNames) ? TaskKind::Entailment
                                                                                   : TaskKind::Classification;
}

} // namespace

CsvColumns findCsvColumns(const std::vector<std::string>& header, const DatasetOptions& options,
                          TaskKind task, bool detect, const std::string& file, std::int64_t line) {
    const HeaderColumns named(header, file, line);
    CsvColumns columns;
    columns.task = task == TaskKind::Pairs && detect ? detectKind(header, options) : task;
    switch (columns.task) {
    case TaskKind::Pairs:
        columns.source = named.require("source", namesFor(options.sourceColumn, {"source", "src", "input"}));
        columns.target = named.require("target", namesFor(options.targetColumn, {"target", "tgt", "output"}));
        named.distinct(columns.source, columns.target, "source and target columns");
        columns.alignment = findColumn(header, {"alignment", "alignments", "align"});
        break;
    case TaskKind::Classification:
        columns.source = named.require(
            "text", namesFor(options.sourceColumn, {"text", "sentence", "review", "source", "src", "input"}));
        columns.target = named.require("label", namesFor(options.targetColumn, LabelNames));
        named.distinct(columns.source, columns.target, "text and label columns");
        break;
    case TaskKind::Entailment:
        columns.source = named.require("premise", PremiseNames);
        columns.hypothesis = named.require("hypothesis", HypothesisNames);
        columns.target = named.require("label", namesFor(options.targetColumn, LabelNames));
        named.distinct(columns.source, *columns.hypothesis, "premise and hypothesis columns");
        named.distinct(columns.source, columns.target, "premise and label columns");
        named.distinct(*columns.hypothesis, columns.target, "hypothesis and label columns");
        break;
    }
    if (columns.task != TaskKind::Pairs)
        columns.alignment = findColumn(header, {"alignment", "alignments", "align", "links", "evidence"});
    columns.needed = std::max(columns.source, columns.target) + 1;
    if (columns.hypothesis) columns.needed = std::max(columns.needed, *columns.hypothesis + 1);
    if (columns.alignment) columns.needed = std::max(columns.needed, *columns.alignment + 1);
    return columns;
}

} // namespace attnlab
