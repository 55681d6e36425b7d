#pragma once
#include <cstdint>
#include <functional>

namespace attnlab {

// Reports how far a long load has got; return false to cancel it (the loader then throws
// DatasetCancelled). bytesTotal is -1 when the size is not known in advance.
using ProgressCallback = std::function<bool(std::int64_t bytesDone, std::int64_t bytesTotal)>;

} // namespace attnlab
