#pragma once
// Train, pause/resume, single step, stop and reset, a progress bar and a line with epoch, step,
// speed and time left. The buttons are QToolButtons bound to QActions the window can also put
// in its menus; each action has a keyboard shortcut named in its tooltip. The panel does not
// drive training: it emits requests, and the window answers with setState().
//
// Which actions are enabled in each state:
//   NoData    nothing (open a dataset first)
//   Ready     Train, Step        (a dataset, no trained weights; Step starts a run paused after one batch)
//   Running   Pause, Stop
//   Paused    Resume, Step, Stop (Step runs one more batch, then stays paused)
//   Finished  Train, Step, Reset (a model exists: Train and Step continue it, Reset discards it)
//
// The progress line follows the state: while running it shows the measured speed and time left;
// paused it says "paused" and holds the last running ETA still; a single step (which arrives
// while paused) moves the step count only, since the rate of one batch after a pause means
// nothing. Below it, one line for a message or an amber warning; both lines are always there, so
// nothing moves when text appears.
#include "core/train/TrainingEvents.h"
#include "ui/session/TrainingSession.h"

#include <QString>
#include <QWidget>

class QAction;
class QProgressBar;
class QToolButton;

namespace attnlab::ui {

class ElidedLabel;

class TrainingControls : public QWidget {
    Q_OBJECT
public:
    using State = TrainingSession::State; // the panel shows the session's state as it is

    explicit TrainingControls(QWidget* parent = nullptr);

    QAction* trainAction() const { return m_train; }
    QAction* pauseAction() const { return m_pause; } // "Pause" while running, "Resume" while paused
    QAction* stepAction() const { return m_step; }
    QAction* stopAction() const { return m_stop; }
    QAction* resetAction() const { return m_reset; }

    State state() const { return m_state; }
    QString progressText() const;
    QString message() const;

    // "0:42", "12:05", "1:02:05" (seconds rounded); "–" when unknown (negative, NaN or infinite).
    static QString formatDuration(double seconds);
    // A rate for people: "4.5" below 10, "412" or "1,234" below 10,000, then "87k", "1.2M".
    static QString formatRate(double perSecond);
    // "epoch 3/10 · step 412/3130 · 1,234 steps/s · 87k pairs/s · ETA 0:42"; the rates and the ETA
    // are left out until a rate has been measured. Epochs planned: totalSteps / batchesPerEpoch, rounded up.
    static QString describeProgress(const StepProgress& progress);
    // "epoch 3/10 · step 417/3130 · paused · ETA 0:42": no rate; the ETA given (the last one measured
    // while running) is left out when unknown (negative or NaN).
    static QString describePausedProgress(const StepProgress& progress, double etaSeconds);
    // "epoch 3/10 · step 417/3130": where a run stands, without speed or time left.
    static QString describePosition(const StepProgress& progress);

    QString warning() const; // the warning shown, or empty

public Q_SLOTS:
    void setState(attnlab::ui::TrainingSession::State state);
    void showProgress(const attnlab::StepProgress& progress);
    // A sentence under the progress line, e.g. why training stopped. Empty clears the line.
    void showMessage(const QString& text);
    // An amber sentence in the same line that stays until showMessage, clearProgress or a new run
    // replaces it (e.g. "the loss is far above where it started").
    void showWarning(const QString& text);
    // Empties the progress bar and line and takes a warning away (after Reset, or for a new dataset).
    void clearProgress();

Q_SIGNALS:
    void trainRequested();
    void pauseRequested();
    void resumeRequested();
    void stepRequested();
    void stopRequested();
    void resetRequested();

private:
    QAction* makeAction(const QString& text, const char* objectName, const QKeySequence& shortcut);
    QToolButton* makeButton(QAction* action, const char* objectName);
    void setActionToolTip(QAction* action, const QString& sentence);
    void onPauseTriggered();
    void updatePauseAction();
    void updateProgressLine();
    void setMessageLine(const QString& text, bool warning);

    State m_state = State::NoData;
    QAction* m_train = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_step = nullptr;
    QAction* m_stop = nullptr;
    QAction* m_reset = nullptr;
    QProgressBar* m_bar = nullptr;
    ElidedLabel* m_progressLabel = nullptr;
    ElidedLabel* m_messageLabel = nullptr;
    bool m_messageIsWarning = false; // the message line holds a warning (amber)
    StepProgress m_latest;           // the newest progress of this run
    bool m_hasProgress = false;
    double m_heldEta = -1.0; // seconds left at the last report while running; -1 unknown
};

} // namespace attnlab::ui
