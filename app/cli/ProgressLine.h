#pragma once
// The one progress line of a long command, on stderr. On a terminal it is a bar redrawn in place
// (at most every 100 ms); otherwise (a log file, a pipe, CI) a plain line at most every ~5 s, so
// logs stay readable. Other output must call clear() first, so it never lands inside the bar.
#include <chrono>
#include <ostream>
#include <string>

namespace attnlab::cli {

class ProgressLine {
public:
    // terminal: draw a bar (normally stderrIsTerminal()).
    explicit ProgressLine(std::ostream& out, bool terminal);
    ~ProgressLine();

    static bool stderrIsTerminal();

    // fraction in [0, 1]; text follows the bar (terminal) or the percentage (plain line).
    // force: draw now whatever the throttle says.
    void update(double fraction, const std::string& text, bool force = false);
    // Erases the bar so the next output starts on a clean line (terminal only).
    void clear();

private:
    using Clock = std::chrono::steady_clock;
    int columns() const;

    std::ostream& m_out;
    bool m_terminal;
    bool m_drawn = false;
    Clock::time_point m_last;
    bool m_started = false;
};

} // namespace attnlab::cli
