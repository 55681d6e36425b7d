#pragma once
// attnlab-cli subcommands about data. Each add...Command registers its subcommand on `app`; when
// the subcommand runs, its exit code lands in `exitCode` (0 ok, 1 runtime failure, 2 bad usage or
// bad input). Errors go to stderr.
namespace CLI {
class App;
}

namespace attnlab::cli {

// `datasets [--json]`: the shipped datasets with their size and a one-line description.
void addDatasetsCommand(CLI::App& app, int& exitCode);

// `generate TASK [--count N] [--seed S] [--out FILE]`: a task's pairs as TSV with gold
// alignments, on stdout or written atomically to FILE. Count and seed default to the shipped
// dataset's, so `generate dates --out datasets/dates.tsv` reproduces the shipped file.
void addGenerateCommand(CLI::App& app, int& exitCode);

// `prepare --data FILE|DATASET --out DIR [train's options]`: the split, vocabularies, encoded
// pairs and gold links exactly as `train` would use them, for a trainer outside AttnLab
// (docs/PREPARED.md).
void addPrepareCommand(CLI::App& app, int& exitCode);

} // namespace attnlab::cli
