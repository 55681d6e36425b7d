// libFuzzer target: the `config` and vocabulary metadata of a model file on their own (in a whole
// file they hide behind the checksum). The input is the config JSON; a config that reads must
// write back to a config that reads the same. Anything but invalid_argument is a bug.
#include "core/train/ModelFile.h"

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

using namespace attnlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        (void)Vocabulary::fromJson(text);
    } catch (const std::invalid_argument&) {
    }
    ModelBundle bundle;
    try {
        readModelConfigJson(text, bundle);
    } catch (const std::invalid_argument&) {
        return 0;
    }
    ModelBundle again;
    readModelConfigJson(modelConfigJson(bundle), again);
    if (modelConfigJson(again) != modelConfigJson(bundle)) std::abort();
    return 0;
}
