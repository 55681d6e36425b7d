#pragma once
// How long the pairs of a dataset are: source and target lengths in tokens as two bar series side
// by side, with a legend. Up to MaxBins bars per series; longer ranges put several lengths in one
// bar. Hovering a bar shows its counts.
#include <QPointF>
#include <QString>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;
class QMouseEvent;

namespace attnlab::ui {

class LengthHistogram : public QWidget {
    Q_OBJECT
public:
    static constexpr int MaxBins = 40;

    explicit LengthHistogram(QWidget* parent = nullptr);

    // counts[n] = pairs with n tokens on that side (DatasetStatistics' length counts).
    void setLengthCounts(const std::vector<int>& sourceCounts, const std::vector<int>& targetCounts);
    void clear();
    // What a source length counts: "tokens" (the default), "frames" or "cells". The axis then says
    // "length (source in frames)"; applies from the next setLengthCounts().
    void setSourceUnit(const QString& unit) { m_sourceUnit = unit; }

    int binWidth() const { return m_binWidth; }       // lengths per bar
    int firstLength() const { return m_firstLength; } // the first length of the first bar
    int binCount() const { return m_binCount; }
    // The text shown when hovering at `pixel` (plot() coordinates), e.g.
    // "length 7: 312 source, 290 target pairs"; empty away from the bars.
    QString hoverTextAt(QPointF pixel) const;

    QCustomPlot* plot() const { return m_plot; }
    QCPBars* sourceBars() const { return m_source; }
    QCPBars* targetBars() const { return m_target; }

private:
    void onMouseMove(QMouseEvent* event);

    QCustomPlot* m_plot = nullptr;
    QCPBars* m_source = nullptr;
    QCPBars* m_target = nullptr;
    std::vector<int> m_sourceBins; // pairs per bar
    std::vector<int> m_targetBins;
    int m_binWidth = 1;
    int m_firstLength = 0;
    int m_binCount = 0;
    QString m_sourceUnit = QStringLiteral("tokens");
};

} // namespace attnlab::ui
