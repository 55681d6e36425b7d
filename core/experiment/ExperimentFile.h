#pragma once
// An experiment saved and opened again: one JSON file holding the data it trained on and, per
// run, its settings, per-epoch history, per-step losses, final metrics and by-length rows; the
// models may lie beside it as <run>.safetensors. It is what `attnlab-cli compare --json` writes,
// so a comparison run on a server opens in the window. docs/EXPERIMENT.md describes every key.
#include "core/experiment/ExperimentSummary.h"

#include <string>
#include <string_view>

namespace attnlab {

inline constexpr const char* kExperimentFormat = "attnlab-experiment"; // the file's "format"
inline constexpr int kExperimentVersion = 1;                           // the newest "version" read

// The file's text: indented JSON, keys in a fixed order, null for NaN, a newline at the end.
std::string experimentJson(const ExperimentSummary& summary);

// Writes experimentJson(summary) atomically (a failure leaves any previous file whole); throws
// FileWriteError naming the file and the reason.
void saveExperiment(const std::string& path, const ExperimentSummary& summary);

// Reads a file saveExperiment or `attnlab-cli compare --json` wrote. Throws FileError whose
// problem names the line and what was wrong ("line 12: run "dot" (rows[1]): 'steps' must be an
// integer, got "x""): not JSON or cut short, not an experiment file, a key missing or of the wrong
// type, an unknown scorer or outcome, a version newer than kExperimentVersion, two runs with one
// name, a file over 256 MiB. Nothing is allocated beyond what the file's size bounds.
ExperimentSummary loadExperiment(const std::string& path);
// The same on a text already in memory; `nameForMessages` stands for the file.
ExperimentSummary parseExperiment(std::string_view text, const std::string& nameForMessages);

// The model file saved for `run` with the experiment at `experimentPath`: its "model" resolved
// against the experiment file's directory (an absolute one as it is); "" when it has none.
std::string experimentModelPath(const std::string& experimentPath, const RunSummary& run);

} // namespace attnlab
