#pragma once
// Accuracy against source length, one line per run in its colour: the view behind Bahdanau et
// al.'s Figure 2 (without attention, accuracy falls as sources grow). Lengths are bucketed so each
// point stands on at least kMinPairs validation pairs (LengthBuckets); the measure is exact match
// or token accuracy. Drawn from each run's latest complete validation, so it moves as runs train.
#include "ui/compare/LengthBuckets.h"
#include "ui/plots/GraphHover.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QCustomPlot;
class QCPGraph;

namespace attnlab::ui {

class CompareSession;

class LengthAccuracyPlot : public QWidget {
    Q_OBJECT
public:
    static constexpr long kMinPairs = 20;
    enum class Measure { ExactMatch, TokenAccuracy };

    explicit LengthAccuracyPlot(const CompareSession& session, QWidget* parent = nullptr);
    ~LengthAccuracyPlot() override;

    Measure measure() const { return m_measure; }
    void setMeasure(Measure measure);
    const std::vector<LengthBucket>& buckets() const { return m_buckets; }
    // Run `run`'s points: bucket middles and the measure in percent (empty before a validation).
    QCPGraph* graph(int run) const { return m_graphs.at(static_cast<size_t>(run)); }
    QCustomPlot* plot() const { return m_plot; }

public Q_SLOTS:
    void redraw();
    bool exportImage(const QString& path, QString* error = nullptr);

private:
    void onMouseMove(QMouseEvent* event);

    const CompareSession& m_session;
    QComboBox* m_measureBox = nullptr;
    QCustomPlot* m_plot = nullptr;
    std::unique_ptr<GraphHover> m_hover;
    std::vector<QCPGraph*> m_graphs;
    std::vector<LengthBucket> m_buckets;
    Measure m_measure = Measure::ExactMatch;
};

} // namespace attnlab::ui
