#pragma once
// "Compare scorers" in the Forecast tab (issue 15, item 9): which scorers to train, one after
// another with the settings row's window, horizon, epochs and head, and a table of what each
// reached on the validation windows: MAE and RMSE in the data's units, the worst series' MASE
// (below 1 beats the seasonal-naive forecast on every series), the attention mass on the gold
// past points, and the training time. The numbers are the trainer's last validation, as
// `attnlab-cli compare` prints them.
#include "core/nn/ModelConfig.h"
#include "core/train/ForecastTrainer.h"

#include <QString>
#include <QWidget>

#include <vector>

class QCheckBox;
class QTableWidget;

namespace attnlab::ui {

class ForecastCompareTable : public QWidget {
    Q_OBJECT
public:
    enum Column { ScorerColumn, MaeColumn, RmseColumn, WorstMaseColumn, GoldMassColumn, TimeColumn };

    explicit ForecastCompareTable(QWidget* parent = nullptr);

    // The ticked scorers, in the order of allScorers().
    std::vector<ScorerKind> chosen() const;
    void choose(const std::vector<ScorerKind>& scorers);

    void clearRows();
    // One finished run; a run that did not complete says so in its time cell's tooltip and row.
    void addRow(const QString& scorer, const ForecastTrainingResult& result);
    int rowCount() const;
    QString cell(int row, Column column) const;
    QTableWidget& table() const { return *m_table; }

private:
    std::vector<QCheckBox*> m_boxes; // one per scorer of allScorers()
    QTableWidget* m_table = nullptr;
};

} // namespace attnlab::ui
