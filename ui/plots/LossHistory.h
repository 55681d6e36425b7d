#pragma once
// The numbers behind the loss plot: the current run's training loss (raw and smoothed), validation
// loss and exact match, plus a few earlier runs kept for comparison. The plot draws from it and the
// CSV export writes it, so an exported file holds exactly what was received, epochs included.
#include <QString>

#include <deque>
#include <vector>

namespace attnlab::ui {

class CsvWriter;

enum class LossSeries { TrainingLoss, SmoothedTrainingLoss, ValidationLoss, ExactMatch };

struct LossPoint {
    int step = 0;
    int epoch = -1; // -1: not reported (training loss arrives per step, without an epoch)
    double value = 0.0;
};

struct LossRun {
    QString label;
    std::vector<LossPoint> trainingLoss;
    std::vector<LossPoint> smoothedTrainingLoss; // one per training point (see LossHistory::smoothing)
    std::vector<LossPoint> validationLoss;
    std::vector<LossPoint> exactMatch;

    const std::vector<LossPoint>& series(LossSeries which) const;
};

class LossHistory {
public:
    static constexpr int kDefaultMaxPreviousRuns = 3;
    explicit LossHistory(int maxPreviousRuns = kDefaultMaxPreviousRuns);

    // Returns the point appended to the smoothed series.
    LossPoint addTrainingLoss(int step, double loss);
    void addValidation(int step, int epoch, double loss, double exactMatch);

    // Smoothing weight w in [0, 1): TensorBoard's debiased exponential moving average,
    //   a_n = w a_{n-1} + (1 - w) x_n,  a_0 = 0,  smoothed_n = a_n / (1 - w^n),
    // so the first points are not pulled towards zero. Non-finite losses are skipped by the
    // average (a divergence spike stays visible in the raw curve). Changing w recomputes the curve.
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothing; }

    // The current run becomes the newest previous run, labelled `label`; the oldest previous run
    // is dropped beyond maxPreviousRuns. The new current run starts empty.
    void keepCurrentAsPrevious(const QString& label);
    void clearCurrent();
    void clearPrevious();

    void setCurrentLabel(const QString& label) { m_current.label = label; }
    // Renames kept run `run` (0 is the oldest), e.g. to say what differs from a newer run.
    void relabelPrevious(int run, const QString& label) { m_previous.at(run).label = label; }
    const LossRun& current() const { return m_current; }
    const std::deque<LossRun>& previous() const { return m_previous; } // oldest first
    int maxPreviousRuns() const { return m_maxPreviousRuns; }

    // Rows "run,series,step,epoch,value" for the previous runs (oldest first), then the current
    // one; series train_loss, validation_loss, exact_match (the smoothed curve is derived, so it is
    // not written); an unknown epoch is an empty field.
    void writeCsv(CsvWriter& csv) const;
    static QString seriesName(LossSeries which);

private:
    void resetAverage();
    double smoothNext(double loss);

    LossRun m_current;
    std::deque<LossRun> m_previous;
    int m_maxPreviousRuns;
    double m_smoothing = 0.9;
    double m_average = 0.0; // a_n over the finite losses seen
    int m_averaged = 0;     // n
    double m_lastSmoothed = 0.0;
};

} // namespace attnlab::ui
