#include "core/data/LineReader.h"

#include "core/data/DatasetError.h"

#include <algorithm>

namespace attnlab {
namespace {

constexpr std::int64_t ReportEvery = 1 << 20;

} // namespace

LineReader::LineReader(std::istream& in, std::string displayName, std::int64_t totalBytes,
                       ProgressCallback progress)
    : m_in(in), m_displayName(std::move(displayName)), m_totalBytes(totalBytes),
      m_progress(std::move(progress)) {}

void LineReader::reportProgress(bool final) {
    if (!m_progress) return;
    if (!final && m_bytesRead < m_nextReport) return;
    m_nextReport = m_bytesRead + ReportEvery;
    if (!m_progress(m_bytesRead, m_totalBytes)) throw DatasetCancelled(m_displayName);
}

bool LineReader::readLine() {
    m_buffer.clear();
    std::streambuf* in = m_in.rdbuf();
    bool any = false;
    for (;;) {
        const int c = in ? in->sbumpc() : std::char_traits<char>::eof();
        if (c == std::char_traits<char>::eof()) return any;
        any = true;
        ++m_bytesRead;
        if (c == '\n') return true;
        m_buffer.push_back(static_cast<char>(c));
        if (static_cast<std::int64_t>(m_buffer.size()) > kMaxLineBytes)
            throw DatasetError(
                m_displayName, m_lineNumber + 1,
                "the line is longer than " + std::to_string(kMaxLineBytes) +
                    " bytes (1 MiB): a dataset has one pair per line; is this the right file?");
        if (m_bytesRead % ReportEvery == 0) reportProgress(false); // Cancel works inside a long line
    }
}

void LineReader::refuseNulBytes() const {
    const std::size_t first = m_view.find('\0');
    if (first == std::string_view::npos) return;
    const auto nuls = std::count(m_view.begin(), m_view.end(), '\0');
    // ASCII text saved as UTF-16 has a NUL beside every character.
    if (2 * nuls + 2 >= static_cast<std::int64_t>(m_view.size()))
        throw DatasetError(m_displayName, m_lineNumber,
                           "NUL bytes between the characters: the file looks like UTF-16 without a byte "
                           "order mark; save it as UTF-8");
    throw DatasetError(m_displayName, m_lineNumber,
                       "NUL byte at byte offset " + std::to_string(m_lineOffset + first) +
                           " of the file: a text file has none (is it a binary file?)");
}

bool LineReader::next() {
    if (m_finished) return false;
    m_lineOffset = m_bytesRead;
    if (!readLine()) {
        if (m_in.bad())
            throw DatasetError(m_displayName, 0,
                               "read error after " + std::to_string(m_bytesRead) + " bytes");
        m_finished = true;
        reportProgress(true);
        return false;
    }
    ++m_lineNumber;
    m_view = m_buffer;
    if (m_lineNumber == 1) {
        if (m_view.starts_with("\xEF\xBB\xBF")) {
            m_view.remove_prefix(3);
            m_lineOffset += 3;
        } else if (m_view.starts_with("\xFF\xFE") || m_view.starts_with("\xFE\xFF")) {
            throw DatasetError(
                m_displayName, 1,
                "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
        }
    }
    if (m_view.ends_with('\r')) m_view.remove_suffix(1);
    refuseNulBytes();
    reportProgress(false);
    return true;
}

} // namespace attnlab
