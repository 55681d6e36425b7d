#pragma once
// How attnlab-cli turns failures into exit codes: a bad command line, a bad dataset file or an
// unreadable model is the user's to fix (exit 2); anything else that goes wrong is a runtime
// failure (exit 1). Either way one line goes to stderr, prefixed with the command's name.
#include <functional>
#include <stdexcept>
#include <string>

namespace attnlab::cli {

enum ExitCode : int { ExitOk = 0, ExitFailure = 1, ExitBadInput = 2 };

// Bad usage or bad input: exit code 2.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Runs `body` and returns its exit code; an exception becomes a message on stderr and exit code 2
// (InputError, DatasetError, CLI usage) or 1 (anything else).
int runGuarded(const std::string& command, const std::function<int()>& body);

// The message attnlab-cli prints for a problem: "attnlab-cli COMMAND: MESSAGE".
void printError(const std::string& command, const std::string& message);

} // namespace attnlab::cli
