#include "app/cli/DataCommands.h"

#include "core/data/ShippedDatasets.h"
#include "core/data/TaskGenerators.h"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace attnlab::cli {
namespace {

struct GenerateArgs {
    std::string task;
    int count = -1; // -1: the shipped dataset's
    std::uint64_t seed = 0;
    bool seedGiven = false;
    std::string out;
};

// Writes `text` beside `path`, flushes it to disk, then renames it over `path`, so a reader
// never sees half a file and a failure leaves any previous file untouched.
void writeAtomically(const std::string& path, const std::string& text) {
    const std::string temp = path + ".tmp-" + std::to_string(::getpid());
    std::FILE* file = std::fopen(temp.c_str(), "wb");
    if (!file) throw std::runtime_error("cannot create " + temp + ": " + std::strerror(errno));
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size() &&
                         std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
    const int savedErrno = errno;
    if (std::fclose(file) != 0 || !written) {
        std::remove(temp.c_str());
        throw std::runtime_error("cannot write " + temp + ": " + std::strerror(written ? errno : savedErrno));
    }
    std::error_code error;
    std::filesystem::rename(temp, path, error);
    if (error) {
        std::remove(temp.c_str());
        throw std::runtime_error("cannot rename " + temp + " to " + path + ": " + error.message());
    }
}

int run(const GenerateArgs& args) {
    const ShippedDataset* shipped = findShippedDataset(args.task);
    const int count = args.count >= 0 ? args.count : shipped ? shipped->defaultCount : 0;
    const std::uint64_t seed = args.seedGiven ? args.seed : shipped ? shipped->seed : 0;
    try {
        if (args.out.empty()) {
            writeTaskTsv(std::cout, args.task, count, seed);
            std::cout.flush();
            if (!std::cout) throw std::runtime_error("cannot write to standard output");
            return 0;
        }
        std::ostringstream text;
        writeTaskTsv(text, args.task, count, seed);
        writeAtomically(args.out, text.str());
        std::cout << "wrote " << count << " pairs of " << args.task << " (seed " << seed << ") to "
                  << args.out << '\n';
        return 0;
    } catch (const std::invalid_argument& e) {
        std::cerr << "attnlab-cli generate: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "attnlab-cli generate: " << e.what() << '\n';
        return 1;
    }
}

} // namespace

void addGenerateCommand(CLI::App& app, int& exitCode) {
    CLI::App* command = app.add_subcommand("generate", "Write a generated task as TSV with gold alignments");
    auto args = std::make_shared<GenerateArgs>();
    command->add_option("task", args->task, "The task: dates, reverse, sort, copy_long, numbers, translation")
        ->required()
        ->check(CLI::IsMember(taskNames()));
    command->add_option("--count", args->count, "Number of pairs (default: the shipped dataset's)")
        ->check(CLI::Range(0, 100000000));
    command->add_option("--seed", args->seed, "Random seed (default: the shipped dataset's)");
    command->add_option("--out", args->out, "Write to this file (atomically) instead of standard output");
    command->callback([command, args, &exitCode] {
        args->seedGiven = command->count("--seed") > 0;
        exitCode = run(*args);
    });
}

} // namespace attnlab::cli
