#include "app/cli/TrainingReport.h"

#include "app/cli/CommandGuard.h"
#include "app/cli/Format.h"

#include <filesystem>

namespace attnlab::cli {

void checkOutputPath(const std::string& out) {
    namespace fs = std::filesystem;
    const fs::path path(out);
    if (fs::is_directory(path)) throw InputError("--out " + out + " is a directory; give a file name");
    const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(directory))
        throw InputError("cannot save to " + out + ": the directory " + directory.string() +
                         " does not exist");
}

std::string trainingPlanLine(const TrainingSettings& s, long long plannedSteps, int batchesPerEpoch) {
    std::string text = "training: " + grouped(plannedSteps) + " steps";
    if (s.maxSteps == 0)
        text +=
            " (" + counted(s.epochs, "epoch") + " of " + counted(batchesPerEpoch, "batch", "batches") + ")";
    text += ", batch " + std::to_string(s.batchSize) + ", " + optimizerName(s.optimizer) + " lr " +
            general(s.learningRate);
    return text;
}

std::string outcomeTitle(TrainingOutcome outcome) {
    switch (outcome) {
    case TrainingOutcome::Completed:
        return "Finished";
    case TrainingOutcome::Stopped:
        return "Stopped";
    case TrainingOutcome::EarlyStopped:
        return "Stopped early";
    case TrainingOutcome::Diverged:
        return "Diverged";
    case TrainingOutcome::Failed:
        return "Failed";
    }
    return "Ended";
}

} // namespace attnlab::cli
