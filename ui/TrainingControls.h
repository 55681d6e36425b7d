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
#include "core/train/TrainingEvents.h"
#include "ui/TrainingSession.h"

#include <QString>
#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;

namespace attnlab::ui {

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

public Q_SLOTS:
    void setState(attnlab::ui::TrainingSession::State state);
    void showProgress(const attnlab::StepProgress& progress);
    // A sentence under the progress line, e.g. why training stopped. Empty hides it.
    void showMessage(const QString& text);
    // Empties the progress bar and line (after Reset, or for a new dataset).
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

    State m_state = State::NoData;
    QAction* m_train = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_step = nullptr;
    QAction* m_stop = nullptr;
    QAction* m_reset = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_progressLabel = nullptr;
    QLabel* m_messageLabel = nullptr;
};

} // namespace attnlab::ui
