#include "ui/session/RunBook.h"

#include "ui/plots/LossPlot.h"

namespace attnlab::ui {

void RunBook::startRun(const RunSettings& settings, bool fresh) {
    if (fresh) {
        keepCurrent();
        ++m_runs;
    }
    m_current = settings;
    m_drawing = true;
    relabel();
}

void RunBook::keepCurrent() {
    m_drawing = false;
    if (m_plot.pointCount(LossSeries::TrainingLoss) > 0) {
        m_plot.keepCurrentAsPrevious(RunLabel::label(m_runs, m_current, nullptr));
        m_kept.push_back({m_runs, m_current});
    }
    relabel();
}

void RunBook::replaceModel(const RunSettings& settings) {
    keepCurrent();
    ++m_runs;
    m_current = settings;
}

void RunBook::clear() {
    m_plot.clear();
    m_kept.clear();
    m_runs = 0;
    m_drawing = false;
}

void RunBook::relabel() {
    // The plot keeps at most a few grey runs and drops the oldest (or all, when cleared): keep
    // the newest records that match what it still shows.
    const size_t shown = m_plot.history().previous().size();
    while (m_kept.size() > shown) m_kept.pop_front();
    // While no run draws (after Reset), each is named by its own essentials.
    for (size_t i = 0; i < m_kept.size(); ++i)
        m_plot.relabelPreviousRun(static_cast<int>(i), RunLabel::label(m_kept[i].number, m_kept[i].settings,
                                                                       m_drawing ? &m_current : nullptr));
}

} // namespace attnlab::ui
