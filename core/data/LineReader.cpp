#include "core/data/LineReader.h"

#include "core/data/DatasetError.h"

#include <algorithm>

namespace attnlab {
namespace {

constexpr std::int64_t ReportEvery = 1 << 20;

// What a file that is not text at all is, from its first bytes: said plainly, not as the invalid
// UTF-8 or NUL byte it would otherwise be refused for.
const char* binaryKind(std::string_view start) {
    if (start.starts_with("\x1F\x8B")) return "the file is gzip-compressed, not text: decompress it first";
    if (start.starts_with("PK\x03\x04"))
        return "the file is a ZIP archive (an .xlsx or .ods spreadsheet?), not text: save it as CSV (UTF-8) "
               "or as tab-separated text";
    if (start.starts_with("\x89PNG")) return "the file is a PNG image, not text";
    if (start.starts_with("%PDF-")) return "the file is a PDF document, not text";
    if (start.starts_with("\xD0\xCF\x11\xE0"))
        return "the file is an old Office document (.xls or .doc?), not text: save it as CSV (UTF-8)";
    return nullptr;
}

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
        if (const char* kind = binaryKind(m_view)) throw DatasetError(m_displayName, 1, kind);
        if (m_view.starts_with("\xEF\xBB\xBF")) {
            m_view.remove_prefix(3);
            m_lineOffset += 3;
        } else if (m_view.starts_with("\xFF\xFE") || m_view.starts_with("\xFE\xFF")) {
            throw DatasetError(
                m_displayName, 1,
                "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
        }
    } else if (m_view.starts_with("\xEF\xBB\xBF")) {
        // Kept, it would be an invisible first token (U+FEFF) of this pair.
        throw DatasetError(m_displayName, m_lineNumber,
                           "a byte order mark (U+FEFF) starts this line, not the file: were files joined "
                           "together (cat a.tsv b.tsv)? Remove it");
    }
    if (m_view.ends_with('\r')) m_view.remove_suffix(1);
    refuseNulBytes();
    // A CR anywhere else: lines that end in CR alone (classic Mac, some spreadsheet exports) would
    // otherwise run together into one line and load as wrong pairs.
    if (const auto cr = m_view.find('\r'); cr != std::string_view::npos)
        throw DatasetError(m_displayName, m_lineNumber,
                           "a carriage return (CR) inside the line at byte offset " +
                               std::to_string(m_lineOffset + cr) +
                               " of the file: are its lines ended by CR alone? Save it with LF or CRLF line "
                               "endings");
    reportProgress(false);
    return true;
}

} // namespace attnlab
