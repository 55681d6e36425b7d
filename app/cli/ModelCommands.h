#pragma once
// attnlab-cli subcommands about models: train, evaluate, inspect attention, compare scorers. Each
// add...Command registers its subcommand on `app`; when the subcommand runs, its exit code lands
// in `exitCode` (0 ok, 1 runtime failure, 2 bad usage or bad input). Errors go to stderr; with
// --json, standard output carries the JSON and nothing else.
namespace CLI {
class App;
}

namespace attnlab::cli {

// `train --data FILE|DATASET --out MODEL [model and training options] [--json]`: trains one
// model, prints a line per epoch and a summary (or one JSON object), saves the model. Ctrl-C
// stops after the current batch and saves what was trained so far (exit 1).
void addTrainCommand(CLI::App& app, int& exitCode);

// `eval --model M --data FILE|DATASET [--beam K] [--json]`: every metric of the model on every
// pair of the data, tokenised and encoded as the model was.
void addEvalCommand(CLI::App& app, int& exitCode);

// `align --model M [--beam K] [--temperature τ] [--json [--explain [--top-k K]]] [TEXT ...]`:
// decodes each text (or each stdin line) and shows the attention behind every output token;
// --explain adds each step's query, scores, weights, context and top-k (issue 12).
void addAlignCommand(CLI::App& app, int& exitCode);

// `compare --data FILE|DATASET --scorers a,b,... [training options] [--json FILE] [--out-dir DIR]`:
// one model per scorer on identical data, split and seed, trained in parallel, then a table.
void addCompareCommand(CLI::App& app, int& exitCode);

} // namespace attnlab::cli
