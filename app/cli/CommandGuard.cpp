#include "app/cli/CommandGuard.h"

#include "core/data/DatasetError.h"

#include <iostream>

namespace attnlab::cli {

void printError(const std::string& command, const std::string& message) {
    std::cerr << "attnlab-cli " << command << ": " << message << std::endl;
}

int runGuarded(const std::string& command, const std::function<int()>& body) {
    try {
        return body();
    } catch (const InputError& e) {
        printError(command, e.what());
        return ExitBadInput;
    } catch (const DatasetError& e) {
        printError(command, e.what()); // already "FILE:LINE: REASON"
        return ExitBadInput;
    } catch (const std::exception& e) {
        printError(command, e.what());
        return ExitFailure;
    }
}

} // namespace attnlab::cli
