#pragma once
// A window's session as one file (.attnlab, docs/FORMAT.md "Session files"): the dataset (a
// shipped name, or a file's path and, when it is at most kInlineDataLimit bytes, its text), its
// options, the settings panel's model and training settings, the model with its attention
// history when there is one, the pinned validation pairs, the typed sentence and the tab in
// front. The container is a model file's (safetensors) with the metadata key "attnlab_session";
// without a model it holds that key alone. Saving is atomic; opening checks everything (the
// model as loadModel does) before the window changes anything.
#include "core/data/DatasetOptions.h"
#include "core/train/ModelFile.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace attnlab {

inline constexpr const char* kSessionKey = "attnlab_session";
inline constexpr std::size_t kInlineDataLimit = 1u << 20; // 1 MiB of dataset text travels inside

struct WindowSession {
    std::string datasetName; // a shipped name or a file's stem; empty: no dataset
    std::string datasetPath; // the file read; empty for a shipped dataset
    std::string datasetText; // the file's text when small enough to travel inside; else empty
    DatasetOptions options;
    ModelConfig config;         // the settings panel's
    TrainingSettings training;  // the settings panel's
    std::vector<int> pinned;    // validation indices, in the list's order
    std::string typedSentence;  // the inspect box's last decoded sentence
    std::string tab;            // the tab in front ("train", "compare", "mechanism", ...)
    long long stepsTrained = 0; // what the model had trained in the window
    int epochsTrained = 0;
    std::optional<ModelBundle> model; // with its attention history
};

// Atomic; throws CheckpointError naming the file.
void saveSession(const std::string& path, WindowSession& session);
// Throws CheckpointError naming the file and what is wrong (not a session, a field of the wrong
// type, a newer version, the model's own problems).
WindowSession loadSession(const std::string& path);
WindowSession decodeSession(std::string_view bytes, const std::string& name);

} // namespace attnlab
