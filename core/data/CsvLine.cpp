#include "core/data/CsvLine.h"

#include <stdexcept>

namespace attnlab {

void splitCsvLine(std::string_view line, std::vector<std::string>& fields) {
    std::size_t count = 0;
    std::size_t pos = 0;
    while (true) {
        if (fields.size() <= count) fields.emplace_back();
        std::string& field = fields[count++];
        field.clear();
        if (pos < line.size() && line[pos] == '"') {
            ++pos;
            while (true) {
                const std::size_t quote = line.find('"', pos);
                if (quote == std::string_view::npos)
                    throw std::invalid_argument("unterminated quoted field " + std::to_string(count) +
                                                " (a line break inside a quoted field is not supported)");
                field.append(line.substr(pos, quote - pos));
                pos = quote + 1;
                if (pos < line.size() && line[pos] == '"') { // "" is one quote
                    field += '"';
                    ++pos;
                    continue;
                }
                break;
            }
            if (pos < line.size() && line[pos] != ',')
                throw std::invalid_argument("unexpected text after the closing quote of field " +
                                            std::to_string(count) + ": '" +
                                            std::string(line.substr(pos, 10)) + "'");
        } else {
            const std::size_t comma = line.find(',', pos);
            const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
            field.assign(line.substr(pos, end - pos));
            pos = end;
        }
        if (pos >= line.size()) break;
        ++pos; // the comma
    }
    fields.resize(count);
}

} // namespace attnlab
