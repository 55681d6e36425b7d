#pragma once
// D series, N rows (time steps).
// A user's own forecasting data (issue 15, item 7): a CSV (or TSV) file of one or more numeric
// columns, one row per time step, oldest first. Lines starting with '#' and blank lines are
// skipped. The first other line is a header when none of its fields is a number (its fields name
// the series; unnamed series are "series 1", "series 2", ...). The delimiter is a tab when that
// line has one, else a comma (RFC 4180 quoting, as CsvLine), or a semicolon when the line has
// semicolons and no comma (a spreadsheet's CSV where ',' is the decimal separator; the numbers
// must still be written with a '.'). Every row needs a value in every
// column: an empty field, a missing-value marker (NA, NaN, null, ...), text, or an infinite value
// is refused with a DatasetError naming the file, the line, the column and the reason.
#include "core/data/ProgressCallback.h"

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace attnlab {

class SeriesTable {
public:
    SeriesTable() = default;
    // series: D series of equal length N ≥ 1; names: D names (empty: "series 1", ...).
    // Throws std::invalid_argument for uneven lengths or a name count that is not D.
    SeriesTable(std::vector<std::string> names, std::vector<std::vector<double>> series);

    // Reads a file; errors (DatasetError) name it by its path.
    static SeriesTable load(const std::string& path, const ProgressCallback& progress = {});
    // Reads a stream; errors name it by displayName.
    static SeriesTable read(std::istream& in, const std::string& displayName, std::int64_t totalBytes = -1,
                            const ProgressCallback& progress = {});

    // Whether the file looks like series rather than text pairs: every field of its first
    // `lines` data lines (after comments, blank lines and an optional header) is a number. False
    // when it cannot be opened or has no data line.
    static bool looksLikeSeries(const std::string& path, int lines = 5);
    // Writes the table as CSV: a header of the names, then one row per step (values with 6
    // decimals), oldest first.
    void writeCsv(std::ostream& out) const;

    int seriesCount() const { return static_cast<int>(m_series.size()); }                      // D
    int length() const { return m_series.empty() ? 0 : static_cast<int>(m_series[0].size()); } // N
    const std::vector<std::string>& names() const { return m_names; }                          // (D)
    const std::vector<double>& series(int index) const { return m_series.at(index); }          // (N)
    const std::vector<std::vector<double>>& allSeries() const { return m_series; }             // (D) x (N)
    bool hadHeader() const { return m_hadHeader; }
    char delimiter() const { return m_delimiter; } // ',', '\t' or ';'

private:
    std::vector<std::string> m_names;          // (D)
    std::vector<std::vector<double>> m_series; // (D) x (N), series-major
    bool m_hadHeader = false;
    char m_delimiter = ',';
};

} // namespace attnlab
