#pragma once
// One line of a comma-separated file (RFC 4180): fields separated by commas, a field may be
// quoted with '"', a quote inside a quoted field is doubled. A line break inside a quoted field
// is not supported (one pair per line, as in the TSV format).
#include <string>
#include <string_view>
#include <vector>

namespace attnlab {

// Splits `line` into `fields` (reusing their storage); throws std::invalid_argument with the
// reason for an unterminated quote or text after a closing quote.
void splitCsvLine(std::string_view line, std::vector<std::string>& fields);

} // namespace attnlab
