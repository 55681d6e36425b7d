#include "ui/media/FrameSecondsTicker.h"

namespace attnlab::ui {

// The axis draws frame f at coordinate f (its centre), and frame f starts at f * hop seconds, so
// a coordinate x is x * hop seconds: pick a round step in seconds, hand it back in frames.
double FrameSecondsTicker::getTickStep(const QCPRange& range) {
    return QCPAxisTicker::getTickStep(QCPRange(range.lower * m_hop, range.upper * m_hop)) / m_hop;
}

QString FrameSecondsTicker::getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                                         int precision) {
    // Round away the float noise of tick * hop (0.30000000000000004) before formatting.
    const double seconds = std::round(tick * m_hop * 1e6) / 1e6;
    return QCPAxisTicker::getTickLabel(seconds, locale, formatChar, precision);
}

} // namespace attnlab::ui
