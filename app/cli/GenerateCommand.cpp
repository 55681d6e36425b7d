#include "app/cli/DataCommands.h"
#include "app/cli/GenerateGuard.h"
#include "app/cli/JsonOutput.h"
#include "app/cli/forecast/GenerateSeasonal.h"
#include "core/util/AtomicFile.h"

#include "core/data/ShippedDatasets.h"
#include "core/data/TaskGenerators.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

namespace attnlab::cli {
namespace {

struct GenerateArgs {
    std::string task;
    int count = -1; // -1: the shipped dataset's
    std::uint64_t seed = 0;
    bool seedGiven = false;
    std::string out;
};

int run(const GenerateArgs& args) {
    const ShippedDataset* shipped = findShippedDataset(args.task);
    const int count = args.count >= 0 ? args.count : shipped ? shipped->defaultCount : 0;
    const std::uint64_t seed = args.seedGiven ? args.seed : shipped ? shipped->seed : 0;
    return guardGenerate([&] {
        if (args.out.empty()) {
            writeTaskTsv(std::cout, args.task, count, seed);
            flushStandardOutput();
            return 0;
        }
        std::ostringstream text;
        writeTaskTsv(text, args.task, count, seed);
        writeFileAtomically(args.out, text.str());
        std::cout << "wrote " << count << " pairs of " << args.task << " (seed " << seed << ") to "
                  << args.out << '\n';
        return 0;
    });
}

} // namespace

void addGenerateCommand(CLI::App& app, int& exitCode) {
    CLI::App* command = app.add_subcommand("generate", "Write a generated task as TSV with gold alignments");
    auto args = std::make_shared<GenerateArgs>();
    command->add_option("task", args->task, "The task: dates, reverse, sort, copy_long, numbers, translation")
        ->required()
        ->check(CLI::IsMember(generateTaskNames()));
    command->add_option("--count", args->count, "Number of pairs (default: the shipped dataset's)")
        ->check(CLI::Range(0, 100000000));
    command->add_option("--seed", args->seed, "Random seed (default: the shipped dataset's)");
    command->add_option("--out", args->out, "Write to this file (atomically) instead of standard output");
    command->callback([command, args, &exitCode] {
        args->seedGiven = command->count("--seed") > 0;
        if (args->task == kSeasonalTask) // series, not pairs: --count is the number of steps
            return void(exitCode = runGenerateSeasonal(args->out, args->count, args->seed, args->seedGiven));
        exitCode = run(*args);
    });
}

} // namespace attnlab::cli
