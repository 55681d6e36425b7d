#include "ui/panels/TrainingControls.h"

#include "ui/panels/ElidedLabel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>

namespace attnlab::ui {

namespace {
const QString kSeparator = QStringLiteral(" \u00B7 ");
const QString kUnknown = QStringLiteral("\u2013");
// Amber on a pale amber ground: noticed, but not the red of an error.
const QString kWarningStyle = QStringLiteral("QLabel { color: #7a4a00; background: #fff1cc; }");

// Thousands separated by commas whatever the system locale, as attnlab-cli prints them.
QString grouped(long long value) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(value);
}
} // namespace

TrainingControls::TrainingControls(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("TrainingControls"));
    m_train = makeAction(tr("Train"), "trainAction", QKeySequence(tr("Ctrl+T")));
    m_train->setShortcuts({QKeySequence(tr("Ctrl+T")), QKeySequence(Qt::Key_F5)});
    m_train->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    setActionToolTip(m_train, tr("Train the model on the dataset with these settings"));
    m_pause = makeAction(tr("Pause"), "pauseAction", QKeySequence(Qt::Key_Space));
    m_step = makeAction(tr("Step"), "stepAction", QKeySequence(Qt::Key_F10));
    m_step->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    setActionToolTip(m_step, tr("Train on exactly one more batch and pause, to watch the attention change "
                                "step by step"));
    m_stop = makeAction(tr("Stop"), "stopAction", QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    setActionToolTip(m_stop, tr("End this run after the current batch; the model keeps what it has learned"));
    m_reset = makeAction(tr("Reset"), "resetAction", QKeySequence(tr("Ctrl+Shift+R")));
    m_reset->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    setActionToolTip(m_reset, tr("Throw the trained model away, so the next run starts from random weights "
                                 "and the model's shape can be changed"));

    connect(m_train, &QAction::triggered, this, &TrainingControls::trainRequested);
    connect(m_pause, &QAction::triggered, this, &TrainingControls::onPauseTriggered);
    connect(m_step, &QAction::triggered, this, &TrainingControls::stepRequested);
    connect(m_stop, &QAction::triggered, this, &TrainingControls::stopRequested);
    connect(m_reset, &QAction::triggered, this, &TrainingControls::resetRequested);

    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_bar->setToolTip(tr("Share of the planned training steps done so far."));
    m_bar->setFormat(QStringLiteral("%p%"));
    // Both lines keep their one-line height when empty, and elide rather than wrap or widen: the
    // toolbar (and the plot under it) never moves when a message comes or goes.
    m_progressLabel = new ElidedLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_messageLabel = new ElidedLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    for (ElidedLabel* line : {m_progressLabel, m_messageLabel}) {
        line->setTextInteractionFlags(Qt::TextSelectableByMouse);
        line->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed); // the button row sets the width
    }

    QToolButton* pauseButton = makeButton(m_pause, "pauseButton");
    // Wide enough for "Resume" as well as "Pause", so no button moves when the label changes.
    int pauseWidth = 0;
    for (const QString& text : {tr("Pause"), tr("Resume")}) {
        QToolButton probe(this);
        probe.setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        probe.setIcon(style()->standardIcon(QStyle::SP_MediaPause));
        probe.setText(text);
        pauseWidth = std::max(pauseWidth, probe.sizeHint().width());
    }
    pauseButton->setMinimumWidth(pauseWidth);

    auto* row = new QHBoxLayout;
    row->addWidget(makeButton(m_train, "trainButton"));
    row->addWidget(pauseButton);
    row->addWidget(makeButton(m_step, "stepButton"));
    row->addWidget(makeButton(m_stop, "stopButton"));
    row->addWidget(makeButton(m_reset, "resetButton"));
    row->addWidget(m_bar, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_messageLabel);

    clearProgress();
    setState(State::NoData);
}

QAction* TrainingControls::makeAction(const QString& text, const char* objectName,
                                      const QKeySequence& shortcut) {
    auto* action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(objectName));
    action->setShortcut(shortcut);
    return action;
}

QToolButton* TrainingControls::makeButton(QAction* action, const char* objectName) {
    auto* button = new QToolButton(this);
    button->setObjectName(QString::fromLatin1(objectName));
    button->setDefaultAction(action); // text, icon, tooltip and enabled state follow the action
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

void TrainingControls::setActionToolTip(QAction* action, const QString& sentence) {
    QStringList keys;
    for (const QKeySequence& key : action->shortcuts()) keys << key.toString(QKeySequence::NativeText);
    action->setToolTip(keys.isEmpty() ? sentence + QLatin1Char('.')
                                      : tr("%1 (%2).").arg(sentence, keys.join(tr(" or "))));
}

void TrainingControls::setState(State state) {
    const bool newRun = state == State::Running && m_state != State::Running && m_state != State::Paused;
    m_state = state;
    if (newRun) {
        // The last run's speed says nothing about this one, and its warning is about that run.
        m_hasProgress = false;
        m_heldEta = -1.0;
        if (!warning().isEmpty()) setMessageLine(QString(), false);
    }
    m_train->setEnabled(state == State::Ready || state == State::Finished);
    m_pause->setEnabled(state == State::Running || state == State::Paused);
    m_step->setEnabled(state == State::Ready || state == State::Paused || state == State::Finished);
    m_stop->setEnabled(state == State::Running || state == State::Paused);
    m_reset->setEnabled(state == State::Finished);
    updatePauseAction();
    updateProgressLine();
}

void TrainingControls::updatePauseAction() {
    if (m_state == State::Paused) {
        m_pause->setText(tr("Resume"));
        m_pause->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
        setActionToolTip(m_pause, tr("Continue training from where it paused"));
    } else {
        m_pause->setText(tr("Pause"));
        m_pause->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
        setActionToolTip(m_pause, tr("Pause training after the current batch, to look at the model"));
    }
}

void TrainingControls::onPauseTriggered() {
    if (m_state == State::Running)
        Q_EMIT pauseRequested();
    else if (m_state == State::Paused)
        Q_EMIT resumeRequested();
}

void TrainingControls::showProgress(const StepProgress& progress) {
    // QProgressBar counts in int; a run longer than INT_MAX steps is shown in thousandths.
    const bool fits = progress.totalSteps <= INT_MAX;
    const long long total = std::max<long long>(progress.totalSteps, 1);
    m_bar->setRange(0, fits ? static_cast<int>(total) : 1000);
    const long long done = std::clamp<long long>(progress.step, 0, total);
    m_bar->setValue(fits ? static_cast<int>(done) : static_cast<int>(1000 * done / total));
    m_latest = progress;
    m_hasProgress = true;
    // Only a running run measures a real rate; a step taken while paused restarts core's rate
    // meter, so its rate (one batch over a few milliseconds) and ETA are not kept.
    if (m_state == State::Running && progress.stepsPerSecond > 0) m_heldEta = progress.etaSeconds;
    updateProgressLine();
}

void TrainingControls::updateProgressLine() {
    if (!m_hasProgress) {
        m_progressLabel->setFullText(QString());
        return;
    }
    switch (m_state) {
    case State::Running:
        m_progressLabel->setFullText(describeProgress(m_latest));
        break;
    case State::Paused:
        m_progressLabel->setFullText(describePausedProgress(m_latest, m_heldEta));
        break;
    default: // stopped or finished: no speed, nothing left to wait for
        m_progressLabel->setFullText(describePosition(m_latest));
        break;
    }
}

void TrainingControls::showMessage(const QString& text) {
    setMessageLine(text, false);
}

void TrainingControls::showWarning(const QString& text) {
    setMessageLine(text, true);
}

void TrainingControls::setMessageLine(const QString& text, bool warning) {
    m_messageIsWarning = warning && !text.isEmpty();
    m_messageLabel->setStyleSheet(m_messageIsWarning ? kWarningStyle : QString());
    m_messageLabel->setFullText(text);
}

void TrainingControls::clearProgress() {
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_hasProgress = false;
    m_heldEta = -1.0;
    updateProgressLine();
    if (!warning().isEmpty()) setMessageLine(QString(), false); // a message stays; it may say why
}

QString TrainingControls::progressText() const {
    return m_progressLabel->fullText();
}

QString TrainingControls::message() const {
    return m_messageIsWarning ? QString() : m_messageLabel->fullText();
}

QString TrainingControls::warning() const {
    return m_messageIsWarning ? m_messageLabel->fullText() : QString();
}

QString TrainingControls::formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return kUnknown;
    const long long total = std::llround(seconds);
    const long long hours = total / 3600;
    const long long minutes = total / 60 % 60;
    const QString secs = QStringLiteral("%1").arg(total % 60, 2, 10, QLatin1Char('0'));
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(secs);
    return QStringLiteral("%1:%2").arg(minutes).arg(secs);
}

QString TrainingControls::formatRate(double perSecond) {
    if (!std::isfinite(perSecond) || perSecond < 0) return kUnknown;
    if (perSecond < 9.95) return QString::number(perSecond, 'f', 1);
    const long long whole = std::llround(perSecond);
    if (whole < 10000) return grouped(whole);
    const long long thousands = std::llround(perSecond / 1e3);
    if (thousands < 1000) return QStringLiteral("%1k").arg(thousands);
    const double millions = perSecond / 1e6;
    if (millions < 9.95) return QStringLiteral("%1M").arg(millions, 0, 'f', 1);
    return QStringLiteral("%1M").arg(std::llround(millions));
}

QString TrainingControls::describePosition(const StepProgress& p) {
    QStringList parts;
    if (p.batchesPerEpoch > 0 && p.totalSteps > 0) {
        const long long epochs = (p.totalSteps + p.batchesPerEpoch - 1) / p.batchesPerEpoch;
        parts << tr("epoch %1/%2").arg(p.epoch).arg(epochs);
    } else {
        parts << tr("epoch %1").arg(p.epoch);
    }
    parts << (p.totalSteps > 0 ? tr("step %1/%2").arg(p.step).arg(p.totalSteps) : tr("step %1").arg(p.step));
    return parts.join(kSeparator);
}

QString TrainingControls::describeProgress(const StepProgress& p) {
    QStringList parts{describePosition(p)};
    if (p.stepsPerSecond > 0) {
        parts << tr("%1 steps/s").arg(formatRate(p.stepsPerSecond));
        if (p.pairsPerSecond > 0) parts << tr("%1 pairs/s").arg(formatRate(p.pairsPerSecond));
        parts << tr("ETA %1").arg(formatDuration(p.etaSeconds));
    }
    return parts.join(kSeparator);
}

QString TrainingControls::describePausedProgress(const StepProgress& p, double etaSeconds) {
    QStringList parts{describePosition(p), tr("paused")};
    if (std::isfinite(etaSeconds) && etaSeconds >= 0) parts << tr("ETA %1").arg(formatDuration(etaSeconds));
    return parts.join(kSeparator);
}

} // namespace attnlab::ui
