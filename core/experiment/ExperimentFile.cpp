#include "core/experiment/ExperimentFile.h"

#include "core/experiment/ExperimentJson.h"
#include "core/experiment/JsonText.h"
#include "core/util/AtomicFile.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace attnlab {

std::string experimentJson(const ExperimentSummary& summary) {
    OrderedJson rows = OrderedJson::array();
    for (const RunSummary& run : summary.runs) rows.push_back(runJson(run, summary.data));
    // What the runs share, as the first run has it (a variant's row says where it differs).
    OrderedJson config = nullptr;
    OrderedJson training = nullptr;
    if (!summary.runs.empty()) {
        config = runConfigJson(summary.runs.front(), summary.data);
        config.erase("scorer");
        training = settingsJson(summary.runs.front().settings);
    }
    const OrderedJson json = {{"format", kExperimentFormat},
                              {"version", kExperimentVersion},
                              {"command", "compare"},
                              {"data", dataJson(summary.data)},
                              {"config", config},
                              {"training", training},
                              {"concurrent_runs", summary.concurrentRuns},
                              {"threads_per_run", summary.threadsPerRun},
                              {"rows", rows}};
    // Invalid UTF-8 (which no dataset reader lets through) is replaced rather than thrown about.
    return json.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

void saveExperiment(const std::string& path, const ExperimentSummary& summary) {
    writeFileAtomically(path, experimentJson(summary));
}

ExperimentSummary loadExperiment(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code error;
    if (fs::is_directory(path, error)) throw FileError(path, "is a directory, not an experiment file");
    const auto size = fs::file_size(path, error);
    if (error) throw FileError(path, "cannot read it: " + error.message());
    const JsonLimits limits;
    if (size > limits.maxBytes)
        throw FileError(path, "line 1: the file is " + std::to_string(size >> 20) + " MiB, more than the " +
                                  std::to_string(limits.maxBytes >> 20) + " MiB an experiment file may be");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path, "cannot open it: " + describeSystemError(errno));
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount())); // a file that shrank meanwhile
    if (in.bad()) throw FileError(path, "cannot read it: " + describeSystemError(errno));
    return parseExperiment(text, path);
}

std::string experimentModelPath(const std::string& experimentPath, const RunSummary& run) {
    namespace fs = std::filesystem;
    if (run.modelPath.empty()) return {};
    const fs::path model(run.modelPath);
    if (model.is_absolute()) return model.string();
    return (fs::path(experimentPath).parent_path() / model).lexically_normal().string();
}

} // namespace attnlab
