// attnlab-cli: the same engine as the GUI, headless.
#include "app/cli/DataCommands.h"
#include "app/cli/ModelCommands.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"attnlab-cli: train and inspect LSTM encoder-decoders with attention, headless."};
    app.set_version_flag("--version", std::string("attnlab-cli ") + ATTNLAB_VERSION);
    app.require_subcommand(0, 1);
    int exitCode = 0; // set by the subcommand that runs
    attnlab::cli::addDatasetsCommand(app, exitCode);
    attnlab::cli::addGenerateCommand(app, exitCode);
    attnlab::cli::addPrepareCommand(app, exitCode);
    attnlab::cli::addTrainCommand(app, exitCode);
    attnlab::cli::addEvalCommand(app, exitCode);
    attnlab::cli::addAlignCommand(app, exitCode);
    attnlab::cli::addCompareCommand(app, exitCode);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (app.get_subcommands().empty()) {
        std::cout << app.help();
    }
    return exitCode;
}
