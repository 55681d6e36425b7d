#include "core/data/LineReader.h"

#include "core/data/DatasetError.h"

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

bool LineReader::next() {
    if (m_finished) return false;
    m_lineOffset = m_bytesRead;
    if (!std::getline(m_in, m_buffer)) {
        if (m_in.bad())
            throw DatasetError(m_displayName, 0,
                               "read error after " + std::to_string(m_bytesRead) + " bytes");
        m_finished = true;
        reportProgress(true);
        return false;
    }
    // getline consumed a '\n' unless it stopped at the end of the input.
    m_bytesRead += static_cast<std::int64_t>(m_buffer.size()) + (m_in.eof() ? 0 : 1);
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
    reportProgress(false);
    return true;
}

} // namespace attnlab
