#pragma once
// Moves a plot's legend out of its axis rect into a row of the plot's layout, its entries laid
// out in `columns` columns: with seven runs an inset legend would cover the curves.
class QCustomPlot;

namespace attnlab::ui {

void placeLegendInRow(QCustomPlot& plot, int row, int columns);

} // namespace attnlab::ui
