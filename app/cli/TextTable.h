#pragma once
// A plain-text table for the terminal: columns padded to their widest cell (UTF-8 aware),
// numbers right-aligned, text left-aligned, two spaces between columns.
#include <ostream>
#include <string>
#include <vector>

namespace attnlab::cli {

class TextTable {
public:
    enum class Align { Left, Right };

    // One alignment per column; the header fixes the number of columns.
    TextTable(std::vector<std::string> header, std::vector<Align> align);

    void addRow(std::vector<std::string> cells); // throws std::invalid_argument on a wrong count
    int rows() const { return static_cast<int>(m_rows.size()); }

    void print(std::ostream& out, const std::string& indent = "") const;

private:
    std::vector<std::string> m_header;
    std::vector<Align> m_align;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace attnlab::cli
