#pragma once
// One row per run of a comparison while it trains: its colour and name, state, epoch, steps per
// second, time left, and a Stop button that ends that run alone after its current batch.
#include <QTableWidget>

namespace attnlab::ui {

class CompareSession;

class RunProgressTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Run, State, Epoch, Speed, Eta, StopColumn, ColumnCount };

    explicit RunProgressTable(CompareSession& session, QWidget* parent = nullptr);

    QString cellText(int row, int column) const;

public Q_SLOTS:
    void rebuild();
    void updateRow(int row);

private:
    void fitColumn(int column, const QString& text); // widens it when `text` does not fit

    CompareSession& m_session;
};

} // namespace attnlab::ui
