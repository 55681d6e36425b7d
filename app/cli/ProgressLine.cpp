#include "app/cli/ProgressLine.h"

#include "app/cli/Format.h"

#include <algorithm>
#include <cmath>
#include <sys/ioctl.h>
#include <unistd.h>

namespace attnlab::cli {

namespace {
constexpr auto TerminalInterval = std::chrono::milliseconds(100);
constexpr auto PlainInterval = std::chrono::seconds(5);

// Cuts UTF-8 text to `width` code points.
std::string cut(const std::string& text, int width) {
    if (displayWidth(text) <= width) return text;
    size_t end = 0;
    for (int taken = 0; end < text.size() && taken < width; ++taken) {
        ++end;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    }
    return text.substr(0, end);
}
} // namespace

ProgressLine::ProgressLine(std::ostream& out, bool terminal) : m_out(out), m_terminal(terminal) {}

ProgressLine::~ProgressLine() {
    clear();
}

bool ProgressLine::stderrIsTerminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

int ProgressLine::columns() const {
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) return size.ws_col;
    return 80;
}

void ProgressLine::update(double fraction, const std::string& text, bool force) {
    const auto now = Clock::now();
    if (!m_started) {
        m_started = true;
        m_last = now; // a plain line only once there has been something worth waiting for
        if (!m_terminal && !force) return;
    } else if (!force && now - m_last < (m_terminal ? Clock::duration(TerminalInterval)
                                                    : Clock::duration(PlainInterval))) {
        return;
    }
    m_last = now;
    fraction = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0);
    const std::string percentText =
        padLeft(std::to_string(static_cast<int>(std::floor(100 * fraction))) + "%", 4);
    if (!m_terminal) {
        m_out << percentText << "  " << text << std::endl;
        return;
    }
    const int width = columns() - 1; // the last column would wrap on some terminals
    const int barWidth = std::clamp(width / 5, 10, 30);
    const int filled = static_cast<int>(std::round(fraction * barWidth));
    std::string bar = "[";
    for (int i = 0; i < barWidth; ++i) bar += i < filled ? "#" : "-";
    bar += "] " + percentText + "  " + text;
    m_out << "\r\033[K" << cut(bar, width) << std::flush;
    m_drawn = true;
}

void ProgressLine::clear() {
    if (!m_drawn) return;
    m_out << "\r\033[K" << std::flush;
    m_drawn = false;
}

} // namespace attnlab::cli
