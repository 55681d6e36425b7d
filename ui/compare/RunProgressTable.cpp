#include "ui/compare/RunProgressTable.h"

#include "ui/compare/RunPalette.h"
#include "ui/panels/TrainingControls.h"
#include "ui/session/CompareSession.h"

#include <QHeaderView>
#include <QStyle>
#include <QToolButton>

namespace attnlab::ui {

RunProgressTable::RunProgressTable(CompareSession& session, QWidget* parent)
    : QTableWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("runProgressTable"));
    setColumnCount(ColumnCount);
    setHorizontalHeaderLabels({tr("Run"), tr("State"), tr("Epoch"), tr("Steps/s"), tr("ETA"), QString()});
    verticalHeader()->hide();
    // Widths follow the texts only when one no longer fits (fitColumns): resizing every column to
    // its contents at each update lays out every cell's text again, several times a second.
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    connect(&session, &CompareSession::runsReset, this, &RunProgressTable::rebuild);
    for (auto signal : {&CompareSession::runProgressed, &CompareSession::runEpoch, &CompareSession::runEnded})
        connect(&session, signal, this, &RunProgressTable::updateRow);
    connect(&session, &CompareSession::stateChanged, this, [this] {
        for (int row = 0; row < rowCount(); ++row) updateRow(row);
    });
    rebuild();
}

void RunProgressTable::rebuild() {
    setRowCount(m_session.runCount());
    for (int row = 0; row < rowCount(); ++row) {
        for (int column = 0; column < StopColumn; ++column) setItem(row, column, new QTableWidgetItem);
        item(row, Run)->setData(Qt::DecorationRole, runColor(row));
        item(row, Run)->setText(QString::fromStdString(m_session.summary().runs[size_t(row)].name));
        for (int column : {Epoch, Speed, Eta})
            item(row, column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* stop = new QToolButton(this);
        stop->setObjectName(QStringLiteral("stopRunButton%1").arg(row));
        stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
        stop->setAutoRaise(true);
        stop->setToolTip(tr("End this run after its current batch; the others go on"));
        connect(stop, &QToolButton::clicked, this, [this, row] { m_session.stopRun(row); });
        setCellWidget(row, StopColumn, stop);
        updateRow(row);
    }
    resizeColumnsToContents();
}

void RunProgressTable::updateRow(int row) {
    if (row < 0 || row >= rowCount() || row >= m_session.runCount() || !item(row, State)) return;
    const StepProgress& p = m_session.runProgress(row);
    const CompareSession::RunState state = m_session.runState(row);
    const bool training = state == CompareSession::RunState::Training;
    const bool live = training || state == CompareSession::RunState::Paused;
    const int epochs =
        p.batchesPerEpoch > 0 ? int((p.totalSteps + p.batchesPerEpoch - 1) / p.batchesPerEpoch) : 0;
    item(row, State)->setText(CompareSession::runStateName(state));
    item(row, State)
        ->setToolTip(QString::fromStdString(m_session.summary().runs[size_t(row)].record.result.message));
    item(row, Epoch)
        ->setText(epochs > 0 ? tr("%1/%2").arg(p.epoch).arg(epochs)
                             : (p.epoch > 0 ? QString::number(p.epoch) : QStringLiteral("–")));
    item(row, Speed)
        ->setText(training && p.stepsPerSecond > 0 ? TrainingControls::formatRate(p.stepsPerSecond)
                                                   : QStringLiteral("–"));
    item(row, Eta)->setText(live ? TrainingControls::formatDuration(p.etaSeconds) : QStringLiteral("–"));
    for (int column : {State, Epoch, Speed, Eta}) fitColumn(column, item(row, column)->text());
    if (QWidget* stop = cellWidget(row, StopColumn)) stop->setEnabled(live && m_session.isRunning());
}

void RunProgressTable::fitColumn(int column, const QString& text) {
    const int needed =
        fontMetrics().horizontalAdvance(text) + 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 12;
    if (columnWidth(column) < needed) setColumnWidth(column, needed);
}

QString RunProgressTable::cellText(int row, int column) const {
    const QTableWidgetItem* cell = item(row, column);
    return cell ? cell->text() : QString();
}

} // namespace attnlab::ui
