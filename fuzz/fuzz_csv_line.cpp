// libFuzzer target: one CSV line (RFC 4180 quoting). The fields of a line it accepts, written
// back with every field quoted, must split into the same fields.
#include "core/data/CsvLine.h"

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

using namespace attnlab;

namespace {
std::string quoted(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) line += ',';
        line += '"';
        for (const char c : fields[i]) line += c == '"' ? std::string("\"\"") : std::string(1, c);
        line += '"';
    }
    return line;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> fields;
    try {
        splitCsvLine(line, fields);
    } catch (const std::invalid_argument&) {
        return 0;
    }
    if (fields.empty()) std::abort();                   // even an empty line is one (empty) field
    std::vector<std::string> again{"stale", "storage"}; // reused storage must not leak through
    splitCsvLine(quoted(fields), again);
    if (again != fields) std::abort();
    return 0;
}
