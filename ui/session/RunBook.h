#pragma once
// The runs drawn on the loss plot: the settings of the current curves, and the grey runs kept for
// comparison, numbered in the order they started and named by what each did differently from the
// run drawn now ("run 1: general · lr 0.01" beside an additive run).
#include "ui/session/RunLabel.h"

#include <deque>

namespace attnlab::ui {

class LossPlot;

class RunBook {
public:
    explicit RunBook(LossPlot& plot) : m_plot(plot) {}

    // A run has started. `fresh`: from new weights, so the curves of an earlier model turn grey
    // first and the run gets the next number; otherwise it continues the current curves.
    void startRun(const RunSettings& settings, bool fresh);
    // The model behind the current curves is gone (Reset): its curves turn grey at once.
    void keepCurrent();
    // Another model was opened: the current curves turn grey, and the next ones are its own.
    void replaceModel(const RunSettings& settings);
    // Every curve leaves the plot (a new model on another dataset: its losses do not compare).
    void clear();

    const RunSettings& current() const { return m_current; }

private:
    void relabel();

    struct KeptRun {
        int number = 0;
        RunSettings settings;
    };
    LossPlot& m_plot;
    int m_runs = 0;             // the number of the current curves
    RunSettings m_current;      // the settings of the current curves
    std::deque<KeptRun> m_kept; // the plot's grey runs, oldest first
    bool m_drawing = false;     // a run of m_current's settings is (or was last) drawing
};

} // namespace attnlab::ui
