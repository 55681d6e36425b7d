#include "core/data/forecast/SeriesTable.h"

#include "core/data/CsvLine.h"
#include "core/data/DatasetError.h"
#include "core/data/LineReader.h"
#include "core/data/Utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>

namespace attnlab {
namespace {

std::string_view trimAscii(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

std::string asciiLower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

// Spreadsheets and pandas write these for a missing value; they are named as such in the error.
bool isMissingMarker(std::string_view field) {
    const std::string lower = asciiLower(field);
    return lower == "na" || lower == "n/a" || lower == "nan" || lower == "null" || lower == "none" ||
           lower == "-" || lower == "?";
}

// The number in field (whitespace trimmed), or nullopt when it is not exactly one number.
std::optional<double> parseNumber(std::string_view field) {
    field = trimAscii(field);
    if (!field.empty() && field.front() == '+') field.remove_prefix(1); // from_chars refuses '+'
    if (field.empty()) return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (error != std::errc() || end != field.data() + field.size()) return std::nullopt;
    return value;
}

// A tab when the line has one; else a comma when it has one; else a semicolon when it has one (as
// spreadsheets write CSV where the decimal separator is a comma); else a comma (one column).
char detectDelimiter(std::string_view line) {
    if (line.find('\t') != std::string_view::npos) return '\t';
    if (line.find(',') == std::string_view::npos && line.find(';') != std::string_view::npos) return ';';
    return ',';
}

void splitFields(std::string_view line, char delimiter, std::vector<std::string>& fields) {
    if (delimiter == ',') return splitCsvLine(line, fields);
    fields.clear();
    std::size_t start = 0;
    while (true) {
        const std::size_t end = line.find(delimiter, start);
        fields.emplace_back(
            line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return;
        start = end + 1;
    }
}

} // namespace

SeriesTable::SeriesTable(std::vector<std::string> names, std::vector<std::vector<double>> series)
    : m_names(std::move(names)), m_series(std::move(series)) {
    if (m_series.empty()) throw std::invalid_argument("a series table needs at least one series");
    for (const auto& values : m_series)
        if (values.size() != m_series[0].size() || values.empty())
            throw std::invalid_argument("the series of a table must be equally long and not empty");
    if (m_names.empty())
        for (std::size_t d = 0; d < m_series.size(); ++d)
            m_names.push_back("series " + std::to_string(d + 1));
    if (m_names.size() != m_series.size())
        throw std::invalid_argument("a series table has " + std::to_string(m_series.size()) + " series but " +
                                    std::to_string(m_names.size()) + " names");
}

SeriesTable SeriesTable::read(std::istream& in, const std::string& displayName, std::int64_t totalBytes,
                              const ProgressCallback& progress) {
    LineReader lines(in, displayName, totalBytes, progress);
    SeriesTable table;
    std::vector<std::string> fields;
    std::int64_t firstLine = 0; // the line that fixed the column count
    int columns = 0;            // D, once known
    std::int64_t skipped = 0;   // comment and blank lines
    while (lines.next()) {
        const std::string_view line = lines.line();
        const std::int64_t number = lines.lineNumber();
        const std::string_view trimmed = trimAscii(line);
        if (trimmed.empty() || trimmed.front() == '#') {
            ++skipped;
            continue;
        }
        const std::size_t bad = findInvalidUtf8(line);
        if (bad != std::string_view::npos)
            throw DatasetError(displayName, number,
                               "invalid UTF-8 at byte " + std::to_string(bad) + " of the line");
        if (firstLine == 0) table.m_delimiter = detectDelimiter(line);
        try {
            splitFields(line, table.m_delimiter, fields);
        } catch (const std::invalid_argument& e) {
            throw DatasetError(displayName, number, e.what());
        }
        if (firstLine == 0) {
            firstLine = number;
            columns = static_cast<int>(fields.size());
            table.m_series.assign(columns, {});
            // A header has no number and at least one name (a row of missing values is no header).
            bool anyNumber = false, anyName = false;
            for (const std::string& field : fields) {
                anyNumber = anyNumber || parseNumber(field).has_value();
                const std::string_view text = trimAscii(field);
                anyName = anyName || (!text.empty() && !isMissingMarker(text));
            }
            if (!anyNumber && anyName) { // a header: its fields name the series
                table.m_hadHeader = true;
                for (int d = 0; d < columns; ++d) {
                    const std::string_view name = trimUnicodeWhitespace(fields[d]);
                    table.m_names.push_back(name.empty() ? "series " + std::to_string(d + 1)
                                                         : std::string(name));
                }
                continue;
            }
            for (int d = 0; d < columns; ++d) table.m_names.push_back("series " + std::to_string(d + 1));
        }
        if (static_cast<int>(fields.size()) != columns)
            throw DatasetError(displayName, number,
                               std::to_string(fields.size()) + (fields.size() == 1 ? " column" : " columns") +
                                   ", expected " + std::to_string(columns) + " as on line " +
                                   std::to_string(firstLine));
        for (int d = 0; d < columns; ++d) {
            const std::string_view field = trimAscii(fields[d]);
            const std::string where = "column " + std::to_string(d + 1) + " (" + table.m_names[d] + "): ";
            if (field.empty()) throw DatasetError(displayName, number, where + "missing value (empty field)");
            if (isMissingMarker(field))
                throw DatasetError(displayName, number,
                                   where + "missing value (\"" + std::string(field) + "\")");
            const std::optional<double> value = parseNumber(field);
            if (!value)
                throw DatasetError(displayName, number,
                                   where + "\"" + std::string(field) + "\" is not a number" +
                                       (table.m_delimiter == ';' && field.find(',') != std::string_view::npos
                                            ? " (a decimal comma? write the decimal point as '.')"
                                            : ""));
            if (!std::isfinite(*value))
                throw DatasetError(displayName, number,
                                   where + "\"" + std::string(field) + "\" is not finite");
            table.m_series[d].push_back(*value);
        }
    }
    if (table.length() == 0)
        throw DatasetError(displayName, 0,
                           lines.lineNumber() == 0
                               ? std::string("no values: the file is empty")
                               : "no values: the file has only comments, blank lines or a header (" +
                                     std::to_string(lines.lineNumber()) + " lines, " +
                                     std::to_string(skipped) + " comment or blank)");
    return table;
}

bool SeriesTable::looksLikeSeries(const std::string& path, int lines) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::string line;
    std::vector<std::string> fields;
    char delimiter = 0;
    int checked = 0;
    while (checked < lines && std::getline(in, line)) {
        if (checked == 0 && delimiter == 0 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3); // a BOM
        const std::string_view trimmed = trimAscii(line);
        if (trimmed.empty() || trimmed.front() == '#') continue;
        const bool first = delimiter == 0;
        if (first) delimiter = detectDelimiter(line);
        try {
            splitFields(line, delimiter, fields);
        } catch (const std::invalid_argument&) {
            return false;
        }
        bool allNumbers = true, anyNumber = false;
        for (const std::string& field : fields) {
            const bool number = parseNumber(field).has_value();
            allNumbers = allNumbers && number;
            anyNumber = anyNumber || number;
        }
        if (first && !anyNumber) continue; // the header
        if (!allNumbers) return false;
        ++checked;
    }
    return checked > 0;
}

void SeriesTable::writeCsv(std::ostream& out) const {
    for (int d = 0; d < seriesCount(); ++d) {
        if (d > 0) out << ',';
        const std::string& name = m_names[d];
        if (name.find_first_of(",\"\n\r") == std::string::npos) {
            out << name;
            continue;
        }
        out << '"'; // RFC 4180: quoted, inner quotes doubled
        for (char c : name) out << (c == '"' ? "\"\"" : std::string(1, c));
        out << '"';
    }
    out << '\n';
    char number[64];
    for (int t = 0; t < length(); ++t) {
        for (int d = 0; d < seriesCount(); ++d) {
            if (d > 0) out << ',';
            std::snprintf(number, sizeof number, "%.6f", m_series[d][t]);
            out << number;
        }
        out << '\n';
    }
}

SeriesTable SeriesTable::load(const std::string& path, const ProgressCallback& progress) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) throw DatasetError(path, 0, "cannot open: no such file");
    if (fs::is_directory(status))
        throw DatasetError(path, 0, "cannot open: it is a directory, not a series file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DatasetError(path, 0, std::string("cannot open: ") + std::strerror(errno));
    const std::uintmax_t size = fs::file_size(path, error);
    return read(in, path, error ? -1 : static_cast<std::int64_t>(size), progress);
}

} // namespace attnlab
