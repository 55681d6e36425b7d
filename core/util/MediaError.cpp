#include "core/util/MediaError.h"

#include <utility>

namespace attnlab {

MediaError::MediaError(std::string file, std::string reason)
    : std::runtime_error(file + ": " + reason), m_file(std::move(file)), m_reason(std::move(reason)) {}

} // namespace attnlab
