#include "app/cli/TextTable.h"

#include "app/cli/Format.h"

#include <algorithm>
#include <stdexcept>

namespace attnlab::cli {

TextTable::TextTable(std::vector<std::string> header, std::vector<Align> align)
    : m_header(std::move(header)), m_align(std::move(align)) {
    if (m_align.size() != m_header.size()) throw std::invalid_argument("TextTable: one alignment per column");
}

void TextTable::addRow(std::vector<std::string> cells) {
    if (cells.size() != m_header.size())
        throw std::invalid_argument("TextTable: a row has " + std::to_string(cells.size()) +
                                    " cells, expected " + std::to_string(m_header.size()));
    m_rows.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out, const std::string& indent) const {
    std::vector<int> widths(m_header.size());
    for (size_t c = 0; c < m_header.size(); ++c) {
        widths[c] = displayWidth(m_header[c]);
        for (const auto& row : m_rows) widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    const auto printRow = [&](const std::vector<std::string>& cells) {
        std::string line = indent;
        for (size_t c = 0; c < cells.size(); ++c) {
            if (c > 0) line += "  ";
            const bool last = c + 1 == cells.size();
            if (m_align[c] == Align::Right)
                line += padLeft(cells[c], widths[c]);
            else
                line += last ? cells[c] : padRight(cells[c], widths[c]);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    };
    printRow(m_header);
    for (const auto& row : m_rows) printRow(row);
}

} // namespace attnlab::cli
