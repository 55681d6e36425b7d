#include "core/data/DatasetReader.h"

#include "core/data/CsvColumns.h"
#include "core/data/CsvLine.h"
#include "core/data/DatasetBuilder.h"
#include "core/data/DatasetError.h"
#include "core/data/LineReader.h"
#include "core/data/PharaohAlignment.h"
#include "core/data/TaskComment.h"
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
    // `ordinal` names the column in errors: "third", or "fourth" for entailment.
    std::optional<Alignment> read(std::optional<std::string_view> column, std::int64_t line,
                                  const std::string& file, const std::string& ordinal = "third") {
        if (m_state == State::Undecided) {
            m_state =
                column && !column->empty() && looksLikeAlignment(*column) ? State::Present : State::Absent;
            m_firstLine = line;
        }
        if (m_state == State::Absent) {
            if (column && !column->empty() && looksLikeAlignment(*column))
                throw DatasetError(
                    file, line,
                    "the " + ordinal + " column looks like a gold alignment, but the first pair (line " +
                        std::to_string(m_firstLine) + ") has none: give every pair one or none");
            return std::nullopt;
        }
        if (!column)
            throw DatasetError(
                file, line,
                "no gold alignment column: the first pair (line " + std::to_string(m_firstLine) +
                    ") has one, so every pair needs one (an empty " + ordinal + " column means no links)");
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

// The kind a TSV file declares in a "# task:" comment before its first pair (see TaskComment.h).
void readTaskComment(const LineReader& lines, DatasetBuilder& builder) {
    try {
        if (const std::optional<TaskKind> kind = parseTaskComment(lines.line()))
            builder.setTask(*kind, lines.lineNumber());
    } catch (const std::invalid_argument& e) {
        throw DatasetError(builder.displayName(), lines.lineNumber(), e.what());
    }
}

// Up to `count` tab-separated fields of `line`; a field past the last tab is absent.
std::size_t splitTabs(std::string_view line, std::string_view* fields, std::size_t count) {
    std::size_t found = 0;
    std::size_t start = 0;
    while (found < count) {
        const std::size_t tab = line.find('\t', start);
        fields[found++] = line.substr(start, tab == std::string_view::npos ? line.npos : tab - start);
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return found;
}

void readTsv(LineReader& lines, DatasetBuilder& builder, bool detectTask) {
    TsvAlignmentColumn alignmentColumn;
    bool anyPair = false;
    while (lines.next()) {
        if (!isDataLine(lines, builder)) {
            if (detectTask && !anyPair && lines.line().starts_with('#')) readTaskComment(lines, builder);
            continue;
        }
        anyPair = true;
        // Entailment has one column more before the links: premise, hypothesis, label.
        const bool entailment = builder.task() == TaskKind::Entailment;
        const std::size_t textColumns = entailment ? 3 : 2;
        std::string_view fields[4];
        const std::size_t found = splitTabs(lines.line(), fields, textColumns + 1);
        if (found < textColumns)
            throw DatasetError(builder.displayName(), lines.lineNumber(),
                               entailment ? "expected premise<TAB>hypothesis<TAB>label[<TAB>links], found " +
                                                std::to_string(found) + (found == 1 ? " column" : " columns")
                               : builder.task() == TaskKind::Classification
                                   ? "no tab: expected text<TAB>label[<TAB>evidence links]"
                                   : "no tab: expected source<TAB>target[<TAB>alignment]");
        std::optional<std::string_view> linksColumn;
        if (found > textColumns) linksColumn = fields[textColumns];
        const std::optional<Alignment> links = alignmentColumn.read(
            linksColumn, lines.lineNumber(), builder.displayName(), entailment ? "fourth" : "third");
        if (!links && linksColumn && !trimUnicodeWhitespace(*linksColumn).empty())
            ++builder.report().thirdColumnsIgnored;
        const Alignment* linksOrNull = links ? &*links : nullptr;
        if (entailment)
            builder.addEntailment(fields[0], fields[1], fields[2], linksOrNull, lines.lineNumber());
        else
            builder.add(fields[0], fields[1], linksOrNull, lines.lineNumber());
    }
}

void readCsv(LineReader& lines, DatasetBuilder& builder, const DatasetOptions& options) {
    std::vector<std::string> fields;
    std::optional<CsvColumns> columns;
    const std::string& file = builder.displayName();
    const bool detect = options.detectTask && builder.task() == TaskKind::Pairs;
    while (lines.next()) {
        if (!isDataLine(lines, builder)) continue;
        try {
            splitCsvLine(lines.line(), fields);
        } catch (const std::invalid_argument& e) {
            throw DatasetError(file, lines.lineNumber(), e.what());
        }
        if (!columns) {
            columns = findCsvColumns(fields, options, builder.task(), detect, file, lines.lineNumber());
            if (columns->task != builder.task()) builder.setTask(columns->task, lines.lineNumber());
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
        const Alignment* linksOrNull = links ? &*links : nullptr;
        if (columns->hypothesis)
            builder.addEntailment(fields[columns->source], fields[*columns->hypothesis],
                                  fields[columns->target], linksOrNull, lines.lineNumber());
        else
            builder.add(fields[columns->source], fields[columns->target], linksOrNull, lines.lineNumber());
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
        readTsv(lines, builder, options.detectTask && builder.task() == TaskKind::Pairs);
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
