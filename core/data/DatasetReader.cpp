#include "core/data/DatasetReader.h"

#include "core/data/CsvLine.h"
#include "core/data/DatasetBuilder.h"
#include "core/data/DatasetError.h"
#include "core/data/LineReader.h"
#include "core/data/PharaohAlignment.h"
#include "core/data/Utf8.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

namespace attnlab {
namespace {

std::string asciiLower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

// Common to both formats: checks encoding, counts comments and blank lines. True when the line
// holds data.
bool isDataLine(const LineReader& lines, DatasetBuilder& builder) {
    const std::string_view line = lines.line();
    LoadReport& report = builder.report();
    ++report.linesRead;
    report.bytesRead = lines.bytesRead();
    const std::size_t bad = findInvalidUtf8(line);
    if (bad != std::string_view::npos)
        throw DatasetError(builder.displayName(), lines.lineNumber(),
                           "invalid UTF-8 at byte offset " + std::to_string(lines.lineOffset() + bad) +
                               " of the file (byte " + std::to_string(bad) + " of this line, 0-based)");
    if (line.starts_with('#')) {
        ++report.commentLines;
        return false;
    }
    if (trimUnicodeWhitespace(line).empty()) {
        ++report.blankLines;
        return false;
    }
    return true;
}

// The TSV rule for the third column (see DatasetReader.h).
class TsvAlignmentColumn {
public:
    // The links of this line, or nullopt when it has none.
    std::optional<Alignment> read(std::optional<std::string_view> column, std::int64_t line,
                                  const std::string& file) {
        if (m_state == State::Undecided) {
            m_state =
                column && !column->empty() && looksLikeAlignment(*column) ? State::Present : State::Absent;
            m_firstLine = line;
        }
        if (m_state == State::Absent) {
            if (column && !column->empty() && looksLikeAlignment(*column))
                throw DatasetError(file, line,
                                   "the third column looks like a gold alignment, but the first pair (line " +
                                       std::to_string(m_firstLine) +
                                       ") has none: give every pair one or none");
            return std::nullopt;
        }
        if (!column)
            throw DatasetError(
                file, line,
                "no gold alignment column: the first pair (line " + std::to_string(m_firstLine) +
                    ") has one, so every pair needs one (an empty third column means no links)");
        try {
            return parseAlignment(*column);
        } catch (const std::invalid_argument& e) {
            throw DatasetError(file, line, e.what());
        }
    }

private:
    enum class State { Undecided, Present, Absent };
    State m_state = State::Undecided;
    std::int64_t m_firstLine = 0;
};

void readTsv(LineReader& lines, DatasetBuilder& builder) {
    TsvAlignmentColumn alignmentColumn;
    while (lines.next()) {
        if (!isDataLine(lines, builder)) continue;
        const std::string_view line = lines.line();
        const std::size_t tab1 = line.find('\t');
        if (tab1 == std::string_view::npos)
            throw DatasetError(builder.displayName(), lines.lineNumber(),
                               "no tab: expected source<TAB>target[<TAB>alignment]");
        const std::size_t tab2 = line.find('\t', tab1 + 1);
        const std::string_view source = line.substr(0, tab1);
        const std::string_view target =
            line.substr(tab1 + 1, tab2 == std::string_view::npos ? line.npos : tab2 - tab1 - 1);
        std::optional<std::string_view> third;
        if (tab2 != std::string_view::npos) {
            const std::size_t tab3 = line.find('\t', tab2 + 1);
            third = line.substr(tab2 + 1, tab3 == std::string_view::npos ? line.npos : tab3 - tab2 - 1);
        }
        const std::optional<Alignment> links =
            alignmentColumn.read(third, lines.lineNumber(), builder.displayName());
        if (!links && third && !trimUnicodeWhitespace(*third).empty()) ++builder.report().thirdColumnsIgnored;
        builder.add(source, target, links ? &*links : nullptr, lines.lineNumber());
    }
}

struct CsvColumns {
    std::size_t source = 0;
    std::size_t target = 0;
    std::optional<std::size_t> alignment;
    std::size_t needed = 0; // fields a row must have
};

std::optional<std::size_t> findColumn(const std::vector<std::string>& header,
                                      const std::vector<std::string>& names) {
    for (const std::string& name : names)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (asciiLower(trimUnicodeWhitespace(header[i])) == name) return i;
    return std::nullopt;
}

CsvColumns findCsvColumns(const std::vector<std::string>& header, const DatasetOptions& options,
                          const std::string& file, std::int64_t line) {
    auto namesFor = [](const std::string& chosen, std::vector<std::string> defaults) {
        return chosen.empty() ? defaults : std::vector<std::string>{asciiLower(chosen)};
    };
    auto require = [&](const char* side, const std::vector<std::string>& names) {
        const std::optional<std::size_t> column = findColumn(header, names);
        if (column) return *column;
        std::string looked, found;
        for (const std::string& n : names) looked += (looked.empty() ? "'" : ", '") + n + "'";
        for (const std::string& h : header) found += (found.empty() ? "'" : ", '") + h + "'";
        throw DatasetError(file, line,
                           std::string("the CSV header names no ") + side + " column (looked for " + looked +
                               "; found " + found + "); a CSV file needs a header row naming its columns");
    };
    CsvColumns columns;
    columns.source = require("source", namesFor(options.sourceColumn, {"source", "src", "input"}));
    columns.target = require("target", namesFor(options.targetColumn, {"target", "tgt", "output"}));
    if (columns.source == columns.target)
        throw DatasetError(file, line, "the CSV source and target columns are the same column");
    columns.alignment = findColumn(header, {"alignment", "alignments", "align"});
    columns.needed = std::max(columns.source, columns.target) + 1;
    if (columns.alignment) columns.needed = std::max(columns.needed, *columns.alignment + 1);
    return columns;
}

void readCsv(LineReader& lines, DatasetBuilder& builder, const DatasetOptions& options) {
    std::vector<std::string> fields;
    std::optional<CsvColumns> columns;
    const std::string& file = builder.displayName();
    while (lines.next()) {
        if (!isDataLine(lines, builder)) continue;
        try {
            splitCsvLine(lines.line(), fields);
        } catch (const std::invalid_argument& e) {
            throw DatasetError(file, lines.lineNumber(), e.what());
        }
        if (!columns) {
            columns = findCsvColumns(fields, options, file, lines.lineNumber());
            ++builder.report().headerLines;
            continue;
        }
        if (fields.size() < columns->needed)
            throw DatasetError(file, lines.lineNumber(),
                               "expected at least " + std::to_string(columns->needed) +
                                   " comma-separated fields, found " + std::to_string(fields.size()));
        std::optional<Alignment> links;
        if (columns->alignment) {
            try {
                links = parseAlignment(fields[*columns->alignment]);
            } catch (const std::invalid_argument& e) {
                throw DatasetError(file, lines.lineNumber(), e.what());
            }
        }
        builder.add(fields[columns->source], fields[columns->target], links ? &*links : nullptr,
                    lines.lineNumber());
    }
}

// A model file picked where a dataset belongs (they sit side by side): its 8-byte header length
// would otherwise be refused as a line without a tab or a NUL byte. Leaves `in` at the start, so
// `in` must be seekable (a regular file).
void refuseModelFile(std::istream& in, const std::string& path) {
    char start[10] = {};
    in.read(start, sizeof start);
    const bool model = in.gcount() == sizeof start && start[8] == '{' && start[9] == '"' && start[6] == 0 &&
                       start[7] == 0; // a little-endian length below 2^48, then a JSON object
    in.clear();
    in.seekg(0);
    if (model)
        throw DatasetError(path, 0,
                           "the file is a model file (safetensors), not a dataset: open it as a model "
                           "(File > Open Model in the window, --model in attnlab-cli)");
}

} // namespace

DatasetFormat resolveFormat(DatasetFormat format, const std::string& fileName) {
    if (format != DatasetFormat::Auto) return format;
    return asciiLower(std::filesystem::path(fileName).extension().string()) == ".csv" ? DatasetFormat::Csv
                                                                                      : DatasetFormat::Tsv;
}

Dataset readDataset(std::istream& in, const DatasetSource& source, const DatasetOptions& options,
                    const ProgressCallback& progress) {
    const std::size_t reserve = source.totalBytes > 0 ? static_cast<std::size_t>(source.totalBytes) : 0;
    DatasetBuilder builder(source.name, source.path, source.displayName, options, reserve);
    LineReader lines(in, source.displayName, source.totalBytes, progress);
    if (resolveFormat(options.format, source.displayName) == DatasetFormat::Csv)
        readCsv(lines, builder, options);
    else
        readTsv(lines, builder);
    builder.report().bytesRead = lines.bytesRead();
    return builder.finish();
}

Dataset loadDataset(const std::string& path, const DatasetOptions& options,
                    const ProgressCallback& progress) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) throw DatasetError(path, 0, "cannot open: no such file");
    if (fs::is_directory(status))
        throw DatasetError(path, 0, "cannot open: it is a directory, not a dataset file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DatasetError(path, 0, std::string("cannot open: ") + std::strerror(errno));
    if (fs::is_regular_file(status)) refuseModelFile(in, path); // a pipe cannot be read twice
    const std::uintmax_t size = fs::file_size(path, error);
    DatasetSource source{fs::path(path).stem().string(), path, path,
                         error ? -1 : static_cast<std::int64_t>(size)};
    return readDataset(in, source, options, progress);
}

} // namespace attnlab
