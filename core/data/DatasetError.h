#pragma once
// Errors of the dataset reader. Each names where the problem is, so a person can open the file
// and fix it: what() is "FILE:LINE: REASON" (or "FILE: REASON" when it is not about one line).
#include <cstdint>
#include <stdexcept>
#include <string>

namespace attnlab {

class DatasetError : public std::runtime_error {
public:
    DatasetError(std::string file, std::int64_t line, std::string reason);

    const std::string& file() const { return m_file; }
    std::int64_t line() const { return m_line; } // 1-based; 0 when not about one line
    const std::string& reason() const { return m_reason; }

private:
    std::string m_file;
    std::int64_t m_line;
    std::string m_reason;
};

// Loading stopped because the progress callback asked for it. Not a DatasetError: a cancelled
// load is no fault of the file.
class DatasetCancelled : public std::runtime_error {
public:
    explicit DatasetCancelled(const std::string& file);
};

} // namespace attnlab
