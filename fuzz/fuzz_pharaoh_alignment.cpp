// libFuzzer target: the Pharaoh alignment parser ("0-0 1?2 ..."). A column it accepts must
// format and parse back to the same links, look like an alignment, and survive transposing twice.
#include "core/data/PharaohAlignment.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace attnlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool looksLike = looksLikeAlignment(text);
    Alignment links;
    try {
        links = parseAlignment(text);
    } catch (const std::invalid_argument&) {
        return 0;
    }
    if (!looksLike) std::abort(); // every word of an accepted column is a link
    if (parseAlignment(formatAlignment(links)) != links) std::abort();
    Alignment sorted = links;
    sortAlignment(sorted);
    if (transposeAlignment(transposeAlignment(links)) != sorted) std::abort();
    return 0;
}
