#pragma once
// Ticks for an axis whose coordinate is the frame index but whose reader thinks in seconds: the
// ticks fall on round seconds (0.1 s, 0.25 s, 1 s, ...) and are labelled in seconds, while the
// views keep working in frames (a key covers whole frames; a click picks a frame).
#include <qcustomplot.h>

namespace attnlab::ui {

class FrameSecondsTicker : public QCPAxisTicker {
public:
    explicit FrameSecondsTicker(double hopSeconds = 0.01) : m_hop(hopSeconds) {}
    void setHopSeconds(double hopSeconds) { m_hop = hopSeconds; }
    double hopSeconds() const { return m_hop; }

protected:
    double getTickStep(const QCPRange& range) override;
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;

private:
    double m_hop; // seconds per frame
};

} // namespace attnlab::ui
