#pragma once
// Reads a text file line by line into one reused buffer (never the whole file at once), keeping
// the byte offset of each line for error messages. Accepts LF and CRLF endings and a UTF-8 byte
// order mark; refuses UTF-16 (with or without a byte order mark), NUL bytes, a CR that does not
// end a line, a byte order mark at the start of a later line, a line longer than kMaxLineBytes, and a file
// that starts like a known binary format (gzip, ZIP/xlsx, PNG, PDF, old Office), each with a message naming
// the line. Cancellation is checked within a long line too, so a file with no newline cannot hold Cancel up.
#include "core/data/ProgressCallback.h"

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace attnlab {

class LineReader {
public:
    static constexpr std::int64_t kMaxLineBytes = 1 << 20; // 1 MiB

    // Calls `progress` about every MiB and once at the end; throws DatasetCancelled if it
    // returns false. Errors name the input by `displayName`.
    LineReader(std::istream& in, std::string displayName, std::int64_t totalBytes = -1,
               ProgressCallback progress = {});

    // Advances to the next line; false at the end of the input.
    bool next();

    std::string_view line() const { return m_view; }         // no line ending, no byte order mark
    std::int64_t lineNumber() const { return m_lineNumber; } // 1-based
    std::int64_t lineOffset() const { return m_lineOffset; } // file offset of line()[0]
    std::int64_t bytesRead() const { return m_bytesRead; }

private:
    void reportProgress(bool final);
    // The next line's bytes into m_buffer, without the '\n'; false at the end of the input.
    bool readLine();
    void refuseNulBytes() const;

    std::istream& m_in;
    std::string m_displayName;
    std::int64_t m_totalBytes;
    ProgressCallback m_progress;
    std::string m_buffer;
    std::string_view m_view;
    std::int64_t m_lineNumber = 0;
    std::int64_t m_lineOffset = 0;
    std::int64_t m_bytesRead = 0;
    std::int64_t m_nextReport = 0;
    bool m_finished = false;
};

} // namespace attnlab
