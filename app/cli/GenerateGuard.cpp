#include "app/cli/GenerateGuard.h"

#include <exception>
#include <iostream>
#include <stdexcept>

namespace attnlab::cli {

int guardGenerate(const std::function<int()>& body) {
    try {
        return body();
    } catch (const std::invalid_argument& e) {
        std::cerr << "attnlab-cli generate: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "attnlab-cli generate: " << e.what() << '\n';
        return 1;
    }
}

void flushStandardOutput() {
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("cannot write to standard output");
}

} // namespace attnlab::cli
