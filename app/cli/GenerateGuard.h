#pragma once
// What both `generate` bodies (pairs as TSV; the seasonal series as CSV) do alike: the exit codes
// of a failure and the check that standard output took the text.
#include <functional>

namespace attnlab::cli {

// body's exit code; when it throws, the reason on stderr after "attnlab-cli generate: " and 2 for
// invalid arguments (std::invalid_argument), 1 for any other failure (a file not written).
int guardGenerate(const std::function<int()>& body);

// Flushes standard output; throws std::runtime_error when it did not take the text (a closed pipe,
// a full disk), which would otherwise pass for success.
void flushStandardOutput();

} // namespace attnlab::cli
