#include "app/cli/DataCommands.h"

#include "core/data/ShippedDatasets.h"
#include "core/data/TaskGenerators.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

namespace attnlab::cli {
namespace {

struct DatasetRow {
    const ShippedDataset* dataset;
    std::string file; // "" when the pairs would be generated in memory
    int pairs;
    std::int64_t bytes;
};

DatasetRow describe(const ShippedDataset& dataset) {
    DatasetRow row{&dataset, shippedDatasetFile(dataset), dataset.defaultCount, 0};
    if (row.file.empty()) return row;
    std::error_code error;
    row.bytes = static_cast<std::int64_t>(std::filesystem::file_size(row.file, error));
    // The header line says how many pairs the file really holds.
    std::ifstream in(row.file);
    std::string header;
    if (std::getline(in, header))
        if (const auto parsed = parseTaskHeader(header)) row.pairs = parsed->count;
    return row;
}

int run(bool json) {
    std::vector<DatasetRow> rows;
    for (const ShippedDataset& dataset : shippedDatasets()) rows.push_back(describe(dataset));
    const std::string directory = datasetsDirectory();
    if (json) {
        nlohmann::json list = nlohmann::json::array();
        for (const DatasetRow& row : rows)
            list.push_back({{"name", row.dataset->name},
                            {"description", row.dataset->description},
                            {"source_tokens", std::string(tokenizationName(row.dataset->sourceTokens))},
                            {"target_tokens", std::string(tokenizationName(row.dataset->targetTokens))},
                            {"pairs", row.pairs},
                            {"seed", row.dataset->seed},
                            {"file", row.file.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.file)},
                            {"bytes", row.bytes}});
        std::cout << nlohmann::json{{"directory",
                                     directory.empty() ? nlohmann::json(nullptr) : nlohmann::json(directory)},
                                    {"datasets", list}}
                         .dump(2)
                  << '\n';
        return std::cout ? 0 : 1;
    }
    std::cout << "Shipped datasets ("
              << (directory.empty() ? "no files found: generated in memory" : directory) << "):\n";
    for (const DatasetRow& row : rows) {
        const std::string tokens = std::string(tokenizationName(row.dataset->sourceTokens)) + " -> " +
                                   std::string(tokenizationName(row.dataset->targetTokens));
        std::cout << "  " << std::left << std::setw(12) << row.dataset->name << std::right << std::setw(6)
                  << row.pairs << " pairs  " << std::left << std::setw(14) << tokens
                  << row.dataset->description << (row.file.empty() ? " [generated]" : "") << '\n';
    }
    std::cout << "Give a name wherever a dataset is expected, or the path of your own TSV or CSV file.\n";
    return std::cout ? 0 : 1;
}

} // namespace

void addDatasetsCommand(CLI::App& app, int& exitCode) {
    CLI::App* command =
        app.add_subcommand("datasets", "List the shipped datasets with their size and purpose");
    auto json = std::make_shared<bool>(false);
    command->add_flag("--json", *json, "Print JSON for machines");
    command->callback([json, &exitCode] { exitCode = run(*json); });
}

} // namespace attnlab::cli
