#include "ui/forecast/ForecastCompareTable.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnlab::ui {
namespace {

QString number(double value, int decimals) {
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

QString seconds(double value) {
    return value < 60 ? QStringLiteral("%1 s").arg(value, 0, 'f', 1)
                      : QStringLiteral("%1 min %2 s").arg(int(value) / 60).arg(int(value) % 60);
}

} // namespace

ForecastCompareTable::ForecastCompareTable(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Two rows of boxes, so the seven names do not set the window's minimum width.
    auto* boxes = new QGridLayout;
    boxes->addWidget(new QLabel(tr("Scorers:"), this), 0, 0);
    constexpr int kPerRow = 4;
    for (ScorerKind kind : allScorers()) {
        auto* box = new QCheckBox(QString::fromStdString(scorerName(kind)), this);
        box->setObjectName(QStringLiteral("compare_") + QString::fromStdString(scorerName(kind)));
        const int i = static_cast<int>(m_boxes.size());
        boxes->addWidget(box, i / kPerRow, 1 + i % kPerRow);
        m_boxes.push_back(box);
    }
    boxes->setColumnStretch(kPerRow + 1, 1);
    layout->addLayout(boxes);
    // The three the README compares on seasonal: the default and the two learned scorers.
    choose({ScorerKind::Dot, ScorerKind::General, ScorerKind::Additive});

    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("forecastCompareTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("scorer"), tr("MAE"), tr("RMSE"), tr("MASE worst series"), tr("gold mass"), tr("time")});
    m_table->horizontalHeaderItem(WorstMaseColumn)
        ->setToolTip(tr("The worst series' MASE: below 1 beats the seasonal-naive forecast on every series"));
    m_table->horizontalHeaderItem(GoldMassColumn)
        ->setToolTip(tr("Mean attention on the gold past points (one period back, a spike's echo)"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);
}

std::vector<ScorerKind> ForecastCompareTable::chosen() const {
    std::vector<ScorerKind> scorers;
    for (std::size_t i = 0; i < m_boxes.size(); ++i)
        if (m_boxes[i]->isChecked()) scorers.push_back(allScorers()[i]);
    return scorers;
}

void ForecastCompareTable::choose(const std::vector<ScorerKind>& scorers) {
    for (std::size_t i = 0; i < m_boxes.size(); ++i)
        m_boxes[i]->setChecked(std::find(scorers.begin(), scorers.end(), allScorers()[i]) != scorers.end());
}

void ForecastCompareTable::clearRows() {
    m_table->setRowCount(0);
}

void ForecastCompareTable::addRow(const QString& scorer, const ForecastTrainingResult& result) {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const ForecastMetrics& m = result.validation;
    const bool completed = result.outcome == TrainingOutcome::Completed;
    const QStringList cells = {scorer,
                               number(m.mae, 4),
                               number(m.rmse, 4),
                               number(m.maxMase, 3),
                               number(m.goldMass, 3),
                               completed ? seconds(result.seconds)
                                         : seconds(result.seconds) + tr(" (not finished)")};
    for (int column = 0; column < cells.size(); ++column) {
        auto* item = new QTableWidgetItem(cells[column]);
        if (column > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (!completed) item->setToolTip(QString::fromStdString(result.message));
        m_table->setItem(row, column, item);
    }
}

int ForecastCompareTable::rowCount() const {
    return m_table->rowCount();
}

QString ForecastCompareTable::cell(int row, Column column) const {
    const QTableWidgetItem* item = m_table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace attnlab::ui
