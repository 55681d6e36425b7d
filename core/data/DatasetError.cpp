#include "core/data/DatasetError.h"

namespace attnlab {
namespace {

std::string describe(const std::string& file, std::int64_t line, const std::string& reason) {
    return line > 0 ? file + ":" + std::to_string(line) + ": " + reason : file + ": " + reason;
}

} // namespace

DatasetError::DatasetError(std::string file, std::int64_t line, std::string reason)
    : std::runtime_error(describe(file, line, reason)), m_file(std::move(file)), m_line(line),
      m_reason(std::move(reason)) {}

DatasetCancelled::DatasetCancelled(const std::string& file)
    : std::runtime_error(file + ": loading cancelled") {}

} // namespace attnlab
