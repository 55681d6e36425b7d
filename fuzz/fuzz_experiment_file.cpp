// libFuzzer target: an experiment file's text (core/experiment/ExperimentFile.h). Anything but a
// FileError is a bug, and so is an allocation beyond what the text's size bounds (libFuzzer's
// -malloc_limit_mb). A text that reads must write back to a text that reads to the same text.
#include "core/experiment/ExperimentFile.h"
#include "core/util/FileError.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace attnlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    ExperimentSummary summary;
    try {
        summary = parseExperiment(text, "fuzz.json");
    } catch (const FileError&) {
        return 0;
    }
    const std::string written = experimentJson(summary);
    if (experimentJson(parseExperiment(written, "written.json")) != written) std::abort();
    return 0;
}
